package serve

import (
	"fmt"
	"net/http"
	"slices"

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
