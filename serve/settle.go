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
	by := s.editor(r)
	note := "conflict settled: kept " + keep
	for _, id := range group {
		f, err := s.b.Fact(id)
		if err != nil {
			s.fail(w, r, fmt.Errorf("fact %s: %w", id, err))
			return
		}
		action, want := store.ActionReject, store.StatusRejected
		if id == keep {
			action, want = store.ActionAccept, store.StatusAccepted
			if f.Status == store.StatusEdited {
				continue // an edited fact is already the editor's value
			}
		}
		if f.Status == want {
			continue
		}
		if _, err := s.b.Review(id, store.Decision{Action: action, By: by, Note: note}); err != nil {
			s.fail(w, r, fmt.Errorf("%s %s: %w", action, id, err))
			return
		}
	}
	http.Redirect(w, r, "/conflicts", http.StatusSeeOther)
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
