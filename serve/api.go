package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"strconv"

	"github.com/faits/faits/edits"
	"github.com/faits/faits/store"
)

// factsPage is the answer of GET /api/v1/facts.
type factsPage struct {
	Facts  []store.Fact `json:"facts"`
	Total  int          `json:"total"`
	Offset int          `json:"offset"`
	Limit  int          `json:"limit"`
	// Next is the URL of the following page, absent on the last one.
	Next string `json:"next,omitempty"`
}

func (s *Server) apiFacts(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query(), "", "id", 100)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	facts, total, err := list(s.b, q)
	if err != nil {
		apiFail(w, err)
		return
	}
	p := factsPage{Facts: facts, Total: total, Offset: q.Offset, Limit: q.Limit}
	if p.Facts == nil {
		p.Facts = []store.Fact{}
	}
	if q.Offset+len(p.Facts) < total {
		v := q.values()
		v.Set("limit", strconv.Itoa(q.Limit))
		v.Set("offset", strconv.Itoa(q.Offset+q.Limit))
		p.Next = "/api/v1/facts?" + v.Encode()
	}
	writeJSON(w, http.StatusOK, p)
}

// factSourcesDefault is how many sources GET /api/v1/facts/{id} carries
// unless ?sources= says otherwise; GET /api/v1/facts/{id}/sources pages
// the rest.
const factSourcesDefault = 100

// apiFact answers one fact as the list gives it: its source counts and its
// first sources in store.SourceOrder (?sources=N, 0 to maxLimit), so that
// a wire story with thousands of sources is one bounded answer. When
// sources are left out, a Link header (rel="next") names the page of
// GET /api/v1/facts/{id}/sources that follows.
func (s *Server) apiFact(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		apiError(w, http.StatusBadRequest, "bad fact id")
		return
	}
	k, err := intParam(r.URL.Query(), "sources", factSourcesDefault, 0, maxLimit)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	f, err := s.b.Summary(id, k)
	if err != nil {
		apiFail(w, fmt.Errorf("fact %s: %w", id, err))
		return
	}
	if f.Sources == nil {
		f.Sources = []store.Source{}
	}
	if len(f.Sources) < f.NumSources() {
		w.Header().Set("Link", fmt.Sprintf(`</api/v1/facts/%s/sources?offset=%d&limit=%d>; rel="next"`, id, len(f.Sources), max(k, 1)))
	}
	writeJSON(w, http.StatusOK, f)
}

// sourcesPage is the answer of GET /api/v1/facts/{id}/sources.
type sourcesPage struct {
	Sources []store.Source `json:"sources"`
	Total   int            `json:"total"`
	Offset  int            `json:"offset"`
	Limit   int            `json:"limit"`
	// Next is the URL of the following page, absent on the last one.
	Next string `json:"next,omitempty"`
}

// apiSources pages a fact's sources in store.SourceOrder, the order in
// which GET /api/v1/facts gives each fact's first few.
func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		apiError(w, http.StatusBadRequest, "bad fact id")
		return
	}
	v := r.URL.Query()
	limit, err := intParam(v, "limit", 100, 1, maxLimit)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	offset, err := intParam(v, "offset", 0, 0, 1<<31-1)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	srcs, total, err := s.b.Sources(id, offset, limit)
	if err != nil {
		apiFail(w, err)
		return
	}
	p := sourcesPage{Sources: srcs, Total: total, Offset: offset, Limit: limit}
	if p.Sources == nil {
		p.Sources = []store.Source{}
	}
	if offset+len(srcs) < total {
		p.Next = fmt.Sprintf("/api/v1/facts/%s/sources?limit=%d&offset=%d", id, limit, offset+limit)
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiHistory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		apiError(w, http.StatusBadRequest, "bad fact id")
		return
	}
	if _, err := s.b.Fact(id); err != nil {
		apiFail(w, fmt.Errorf("fact %s: %w", id, err))
		return
	}
	h, err := s.b.History(id)
	if err != nil {
		apiFail(w, fmt.Errorf("history of %s: %w", id, err))
		return
	}
	if h == nil {
		h = []store.Event{}
	}
	writeJSON(w, http.StatusOK, h)
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha")
	if !shaPattern.MatchString(sha) {
		apiError(w, http.StatusBadRequest, "bad document id: want the 64 hex digits of its SHA-256")
		return
	}
	d, err := s.b.Document(sha)
	if err != nil {
		apiFail(w, fmt.Errorf("document %s: %w", sha, err))
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiConflicts(w http.ResponseWriter, r *http.Request) {
	cs, err := s.b.Conflicts()
	if err != nil {
		apiFail(w, fmt.Errorf("conflicts: %w", err))
		return
	}
	if cs == nil {
		cs = []store.Conflict{}
	}
	writeJSON(w, http.StatusOK, cs)
}

// reviewRequest is the body of POST /api/v1/facts/{id}/review.
type reviewRequest struct {
	Action string   `json:"action"`
	By     string   `json:"by"`
	Note   string   `json:"note"`
	Edit   *apiEdit `json:"edit"`
}

// apiReview takes a decision from another tool. It needs no CSRF token: in
// token mode it needs the bearer header, which no browser adds on its own;
// on loopback it needs a JSON body, which no cross-site form can send
// without a preflight this server never grants, and cross-site fetches are
// refused before routing.
func (s *Server) apiReview(w http.ResponseWriter, r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		apiError(w, http.StatusUnsupportedMediaType, "send the decision as Content-Type: application/json")
		return
	}
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		apiError(w, http.StatusBadRequest, "bad fact id")
		return
	}
	var req reviewRequest
	if !decodeBody(w, r, &req) {
		return
	}
	cur, err := s.b.Fact(id)
	if err != nil {
		apiFail(w, fmt.Errorf("fact %s: %w", id, err))
		return
	}
	d := store.Decision{Action: req.Action, By: cleanName(req.By), Note: req.Note}
	if d.By == "" {
		d.By = "api"
	}
	switch req.Action {
	case "accept", "reject", "undo":
		if req.Edit != nil {
			apiError(w, http.StatusBadRequest, "edit is only allowed with action \"edit\"")
			return
		}
	case "edit":
		if req.Edit == nil {
			apiError(w, http.StatusBadRequest, "action \"edit\" needs an \"edit\" object")
			return
		}
		e, errs := s.tax.Edit(req.Edit.fields(), cur)
		if errs != nil {
			invalid(w, "invalid edit", errs)
			return
		}
		d.Edit = e
	default:
		apiError(w, http.StatusBadRequest, "action must be accept, reject, edit or undo")
		return
	}
	f, err := s.b.Review(id, d)
	if err != nil {
		apiFail(w, fmt.Errorf("%s %s: %w", req.Action, id, err))
		return
	}
	writeJSON(w, http.StatusOK, f)
}

// apiEdit is the "edit" object of a review: the fact record's names, each
// optional. A value may be a JSON number or text written as an editor would
// ("3,9 millions").
type apiEdit struct {
	Value     *apiValue `json:"value"`
	ValueMax  *apiValue `json:"value_max"`
	Programme *string   `json:"programme"`
	Metric    *string   `json:"metric"`
	Unit      *string   `json:"unit"`
	Qualifier *string   `json:"qualifier"`
	AsOf      *string   `json:"as_of"`
}

func (e apiEdit) fields() edits.Fields {
	return edits.Fields{Value: e.Value.value(), ValueMax: e.ValueMax.value(), Programme: e.Programme,
		Metric: e.Metric, Unit: e.Unit, Qualifier: e.Qualifier, AsOf: e.AsOf}
}

// apiValue is a number or a string in JSON.
type apiValue edits.Value

func (v *apiValue) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*v = apiValue(*edits.Text(s))
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return errors.New("a value is a number or a string such as \"3,9 millions\"")
	}
	*v = apiValue(*edits.Number(f))
	return nil
}

func (v *apiValue) value() *edits.Value {
	if v == nil {
		return nil
	}
	x := edits.Value(*v)
	return &x
}

// invalid answers 422 with the reason for each wrong field.
func invalid(w http.ResponseWriter, what string, errs edits.Errors) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": what + ": " + errs.Error(), "fields": errs})
}

func apiFail(w http.ResponseWriter, err error) {
	if code := statusOf(err); code != http.StatusInternalServerError {
		apiError(w, code, err.Error())
		return
	}
	log.Printf("serve: %v", err)
	apiError(w, http.StatusInternalServerError, err.Error())
}

// decodeJSON reads a JSON request body into v, answering 415, 413 or 400
// itself when it cannot (false then).
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		apiError(w, http.StatusUnsupportedMediaType, "send the request as Content-Type: application/json")
		return false
	}
	return decodeBody(w, r, v)
}

// decodeBody is decodeJSON without the Content-Type check, for the review
// endpoint, which has always taken its body whatever the header says.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("trailing data after the JSON object")
	}
	if err == nil {
		_, err = io.Copy(io.Discard, r.Body) // reach the size limit, if any
	}
	if err != nil {
		if tooLarge(err) {
			apiError(w, http.StatusRequestEntityTooLarge, "request body too large")
		} else {
			apiError(w, http.StatusBadRequest, "bad JSON: "+err.Error())
		}
		return false
	}
	return true
}
