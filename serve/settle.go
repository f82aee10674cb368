package serve

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/faits/faits/store"
)

// keepOne settles a conflict group from the desk: the fact kept is
// accepted, every other fact of the group rejected, each decision an event
// of its own with a note naming the fact kept (so undo works fact by fact).
// Facts already in the wanted state are left alone.
func (s *Server) keepOne(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	if !s.csrfOK(r) {
		s.failCode(w, r, http.StatusForbidden, "missing or wrong CSRF token: reload the page")
		return
	}
	keep, group := r.PostFormValue("keep"), r.PostForm["group"]
	if !idPattern.MatchString(keep) || !slices.Contains(group, keep) || len(group) < 2 || len(group) > 100 {
		s.failCode(w, r, http.StatusBadRequest, "keep one fact of its conflict group")
		return
	}
	for _, id := range group {
		if !idPattern.MatchString(id) {
			s.failCode(w, r, http.StatusBadRequest, "bad fact id")
			return
		}
	}
	if _, err := KeepOne(s.b, keep, group, s.editor(r)); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/conflicts", http.StatusSeeOther)
}

// KeepOne settles the conflict group of facts group by keeping one: keep
// is accepted, every other fact rejected, each decision an event of its own
// noted "conflict settled: kept ID" (so undo works fact by fact), decided
// by by. A fact already in the wanted state is left alone, and an edited
// fact kept stays edited (it is already the editor's value). The desk, the
// API and 'faits review ID keep' settle through it. It returns the group's
// facts as they end, in the order of group.
func KeepOne(b Backend, keep string, group []string, by string) ([]store.Fact, error) {
	if !slices.Contains(group, keep) || len(group) < 2 {
		return nil, fmt.Errorf("keep %s: not one of a conflict group of two facts or more: %w", keep, store.ErrNoConflictGroup)
	}
	// Read them all first: a group that is none (facts of another
	// programme, metric, as_of or unit) decides nothing.
	facts := make([]store.Fact, len(group))
	for i, id := range group {
		f, err := b.Fact(id)
		if err != nil {
			return nil, fmt.Errorf("fact %s: %w", id, err)
		}
		facts[i] = f
	}
	first := facts[0]
	for _, f := range facts[1:] {
		if f.Programme != first.Programme || f.Metric != first.Metric || f.AsOf != first.AsOf || f.Unit != first.Unit {
			return nil, fmt.Errorf("keep %s: facts %s and %s do not share programme, metric, as_of and unit: %w", keep, first.ID, f.ID, store.ErrNoConflictGroup)
		}
	}
	note := "conflict settled: kept " + keep
	for i, f := range facts {
		action, want := store.ActionReject, store.StatusRejected
		if f.ID == keep {
			action, want = store.ActionAccept, store.StatusAccepted
		}
		if f.Status == want || (f.ID == keep && f.Status == store.StatusEdited) {
			continue
		}
		d, err := b.Review(f.ID, store.Decision{Action: action, By: by, Note: note})
		if err != nil {
			return facts, fmt.Errorf("%s %s: %w", action, f.ID, err)
		}
		facts[i] = d
	}
	return facts, nil
}

// notConflict records from the desk that a conflict group's values hold
// side by side (a breakdown by level, region or year of study): one event
// a fact, and the group leaves the conflicts page.
func (s *Server) notConflict(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	if !s.csrfOK(r) {
		s.failCode(w, r, http.StatusForbidden, "missing or wrong CSRF token: reload the page")
		return
	}
	group := r.PostForm["group"]
	if len(group) < 2 || len(group) > 100 {
		s.failCode(w, r, http.StatusBadRequest, "a conflict group has 2 to 100 facts")
		return
	}
	for _, id := range group {
		if !idPattern.MatchString(id) {
			s.failCode(w, r, http.StatusBadRequest, "bad fact id")
			return
		}
	}
	note := r.PostFormValue("note")
	if note == "" {
		note = "not a conflict: the values hold side by side"
	}
	if _, err := s.b.NotConflict(group, s.editor(r), note); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/conflicts", http.StatusSeeOther)
}

// notConflictRequest is the body of POST /api/v1/conflicts/not-conflict.
type notConflictRequest struct {
	Facts []string `json:"facts"`
	By    string   `json:"by"`
	Note  string   `json:"note"`
}

// keepRequest is the body of POST /api/v1/conflicts/keep.
type keepRequest struct {
	Keep  string   `json:"keep"`
	Facts []string `json:"facts"`
	By    string   `json:"by"`
}

// apiKeep is the desk's "keep this one, reject the others" for other
// tools: keep is one of facts, the conflict group; the facts come back.
func (s *Server) apiKeep(w http.ResponseWriter, r *http.Request) {
	var req keepRequest
	if !decodeJSON(w, r, &req) {
		return
	}
	if len(req.Facts) < 2 || len(req.Facts) > 100 {
		apiError(w, http.StatusBadRequest, "facts: a conflict group has 2 to 100 facts")
		return
	}
	for _, id := range append([]string{req.Keep}, req.Facts...) {
		if !idPattern.MatchString(id) {
			apiError(w, http.StatusBadRequest, "facts: bad fact id "+strconv.Quote(id))
			return
		}
	}
	if !slices.Contains(req.Facts, req.Keep) {
		apiError(w, http.StatusBadRequest, "keep: "+req.Keep+" is not one of facts")
		return
	}
	by := cleanName(req.By)
	if by == "" {
		by = "api"
	}
	fs, err := KeepOne(s.b, req.Keep, req.Facts, by)
	if err != nil {
		apiFail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"facts": fs})
}

// apiNotConflict is the desk's "not a conflict" for other tools: the facts
// of one conflict group, an event each; the facts come back.
func (s *Server) apiNotConflict(w http.ResponseWriter, r *http.Request) {
	var req notConflictRequest
	if !decodeJSON(w, r, &req) {
		return
	}
	if len(req.Facts) < 2 || len(req.Facts) > 100 {
		apiError(w, http.StatusBadRequest, "facts: a conflict group has 2 to 100 facts")
		return
	}
	for _, id := range req.Facts {
		if !idPattern.MatchString(id) {
			apiError(w, http.StatusBadRequest, "facts: bad fact id "+strconv.Quote(id))
			return
		}
	}
	by := cleanName(req.By)
	if by == "" {
		by = "api"
	}
	fs, err := s.b.NotConflict(req.Facts, by, req.Note)
	if err != nil {
		apiFail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"facts": fs})
}
