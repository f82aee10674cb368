package serve

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/faits/faits/store"
)

// counters are the queue's daily figures: what is left, what was done
// today, and how much of it by the editor at the desk.
type counters struct {
	Pending, Today, ByMe int
}

func (s *Server) counters(r *http.Request) (counters, error) {
	// Sorted by sources, the rank index counts them (sorted by id, every
	// fact record was read: 2 s a page over 20,000 articles).
	_, pending, err := s.b.List(store.ListOptions{Filter: store.Filter{Status: store.StatusPending}, Sort: "sources", Limit: 1})
	if err != nil {
		return counters{}, fmt.Errorf("count pending facts: %w", err)
	}
	now := time.Now()
	y, m, d := now.Date()
	tl, err := s.b.Tally(time.Date(y, m, d, 0, 0, 0, 0, now.Location()), s.editor(r))
	if err != nil {
		return counters{}, err
	}
	return counters{Pending: pending, Today: tl.Done, ByMe: tl.ByMe}, nil
}

// maxBulk bounds one bulk decision: a filter matching more is narrowed
// first (a slip of the filter must not decide the whole store).
const maxBulk = 5000

type bulkData struct {
	Q      query
	Action string
	Total  int
	// Sample is the first facts the decision would take.
	Sample  []store.Fact
	Hidden  url.Values
	Back    string
	TooMany bool
	Max     int
}

// bulkAction reads and checks the action of a bulk decision.
func bulkAction(v string) (string, bool) {
	return v, v == store.ActionAccept || v == store.ActionReject
}

// bulkConfirm shows what "accept (or reject) every fact of this filter"
// would take, with the button that does it: the confirmation.
func (s *Server) bulkConfirm(w http.ResponseWriter, r *http.Request) {
	action, ok := bulkAction(r.URL.Query().Get("action"))
	if !ok {
		s.failCode(w, r, http.StatusBadRequest, "action must be accept or reject")
		return
	}
	q, err := parseQuery(r.URL.Query(), "pending", "sources", 10)
	if err != nil {
		s.failCode(w, r, http.StatusBadRequest, err.Error())
		return
	}
	q.Offset, q.Limit = 0, 10
	sample, total, err := list(s.b, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	base := q.values()
	s.render(w, r, http.StatusOK, "bulk", bulkData{Q: q, Action: action, Total: total, Sample: sample,
		Hidden: base, Back: queueURL(base, 0, ""), TooMany: total > maxBulk, Max: maxBulk})
}

// bulk decides every fact of the queue's filter (all pages), once the
// editor confirmed the count: expect must be the number the confirmation
// showed, so that a queue that changed meanwhile is shown again rather than
// decided blind.
func (s *Server) bulk(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	if !s.csrfOK(r) {
		s.failCode(w, r, http.StatusForbidden, "missing or wrong CSRF token: reload the page")
		return
	}
	action, ok := bulkAction(r.PostFormValue("action"))
	if !ok {
		s.failCode(w, r, http.StatusBadRequest, "action must be accept or reject")
		return
	}
	expect, err := strconv.Atoi(r.PostFormValue("expect"))
	if err != nil || expect < 1 {
		s.failCode(w, r, http.StatusBadRequest, "expect: the number of facts confirmed is missing")
		return
	}
	q, err := parseQuery(r.PostForm, "pending", "sources", 1)
	if err != nil {
		s.failCode(w, r, http.StatusBadRequest, err.Error())
		return
	}
	q.Offset, q.Limit, q.Sort = 0, 0, "id"
	facts, total, err := s.b.List(store.ListOptions{
		Filter: store.Filter{Programme: q.Programme, Metric: q.Metric, Status: q.Status, Rule: q.Rule, Site: q.Site, Doc: q.Doc,
			Text: q.Text, Flagged: q.Flagged},
		AsOf: q.Date, Sort: "id"})
	if err != nil {
		s.fail(w, r, fmt.Errorf("list facts: %w", err))
		return
	}
	back := q.values()
	if total != expect {
		s.failCode(w, r, http.StatusConflict, fmt.Sprintf("the queue changed: %d facts match now, not the %d confirmed; nothing was decided. Go back and confirm again.", total, expect))
		return
	}
	if total > maxBulk {
		s.failCode(w, r, http.StatusBadRequest, fmt.Sprintf("%d facts: narrow the filter to %d at most", total, maxBulk))
		return
	}
	ids := make([]string, len(facts))
	for i, f := range facts {
		ids[i] = f.ID
	}
	note := fmt.Sprintf("bulk %s of %d facts (%s)", action, total, back.Encode())
	if _, err := s.b.ReviewAll(ids, store.Decision{Action: action, By: s.editor(r), Note: note}); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, queueURL(back, 0, ""), http.StatusSeeOther)
}
