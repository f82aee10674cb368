package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"sync"

	"github.com/faits/faits/store"
)

// queueItem is one row of the queue with where its buttons lead afterwards.
type queueItem struct {
	factView
	// Return is the queue focused on the next fact, where a plain form post
	// lands after deciding this one.
	Return  string
	EditURL string
}

type queueData struct {
	Q                query
	Items            []queueItem
	Focus            string
	Total            int
	First, Last      int
	PrevURL, NextURL string
	// CSVURL and JSONLURL download the filtered facts (all pages).
	CSVURL, JSONLURL string
	// AcceptAllURL and RejectAllURL ask to confirm a decision on every
	// fact of the filter.
	AcceptAllURL, RejectAllURL                  string
	Counts                                      counters
	Programmes, Metrics, Statuses, Sites, Rules []string
}

const queuePage = 100

func (s *Server) queue(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query(), "pending", "sources", queuePage)
	if err != nil {
		s.failCode(w, r, http.StatusBadRequest, err.Error())
		return
	}
	shown, total, err := list(s.b, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	views, err := newDocCache(s.b).views(shown)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := queueData{Q: q, Total: total, Focus: r.URL.Query().Get("focus"),
		Programmes: s.tax.Programmes, Metrics: s.tax.Metrics, Statuses: statuses}
	if d.Sites, d.Rules, err = s.siteAndRuleChoices(r.Context()); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Counts, err = s.counters(r); err != nil {
		s.fail(w, r, err)
		return
	}
	base := q.values()
	d.CSVURL, d.JSONLURL = exportURL(base, "csv"), exportURL(base, "jsonl")
	d.AcceptAllURL, d.RejectAllURL = bulkURL(base, "accept"), bulkURL(base, "reject")
	for i, v := range views {
		ret := queueURL(base, q.Offset, "")
		if i+1 < len(views) {
			ret = queueURL(base, q.Offset, views[i+1].ID)
		}
		d.Items = append(d.Items, queueItem{factView: v, Return: ret,
			EditURL: "/facts/" + v.ID + "/edit?return=" + url.QueryEscape(ret)})
	}
	found := false
	for _, it := range d.Items {
		found = found || it.ID == d.Focus
	}
	if !found && len(d.Items) > 0 {
		d.Focus = d.Items[0].ID
	}
	if len(shown) > 0 {
		d.First, d.Last = q.Offset+1, q.Offset+len(shown)
	}
	if q.Offset > 0 {
		d.PrevURL = queueURL(base, max(0, q.Offset-q.Limit), "")
	}
	if q.Offset+len(shown) < total {
		d.NextURL = queueURL(base, q.Offset+q.Limit, "")
	}
	s.render(w, r, http.StatusOK, "queue", d)
}

func queueURL(base url.Values, offset int, focus string) string {
	v := url.Values{}
	for k, x := range base {
		v[k] = x
	}
	if offset > 0 {
		v.Set("offset", fmt.Sprint(offset))
	}
	if focus != "" {
		v.Set("focus", focus)
	}
	return "/queue?" + v.Encode()
}

// menus caches the queue's site and rule menus: finding them reads every
// fact's sources (13-19 s for each /queue over 20,000 articles when it was
// done per page), and only an ingest or an editor's addition changes them.
type menus struct {
	// reading is held by the walk that reads them, so that a page
	// waits for the walk under way instead of making a second.
	reading      sync.Mutex
	mu           sync.Mutex
	ok           bool
	sites, rules map[string]bool
}

// RefreshMenus reads the sites and rules of the store's sources again for
// the queue's filter menus, which are otherwise read once, at the first
// queue page, and kept. The serve command calls it when it starts (so that
// the first page does not wait) and after its watcher ingests files; pages
// keep the menus they had until it is done. It stops early, changing
// nothing, when ctx ends.
func (s *Server) RefreshMenus(ctx context.Context) error { return s.readMenus(ctx, true) }

// readMenus reads the menus, unless they were read (by a walk this one
// waited for) and again is false.
func (s *Server) readMenus(ctx context.Context, again bool) error {
	s.menus.reading.Lock()
	defer s.menus.reading.Unlock()
	s.menus.mu.Lock()
	ok := s.menus.ok
	s.menus.mu.Unlock()
	if ok && !again {
		return nil
	}
	ss, rs := map[string]bool{}, map[string]bool{}
	for f, err := range s.b.All(store.Filter{}) {
		if err != nil {
			return fmt.Errorf("queue menus: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("queue menus: %w", err)
		}
		for _, src := range f.Sources {
			if src.Site != "" {
				ss[src.Site] = true
			}
			if src.Rule != "" {
				rs[src.Rule] = true
			}
		}
	}
	s.menus.mu.Lock()
	s.menus.sites, s.menus.rules, s.menus.ok = ss, rs, true
	s.menus.mu.Unlock()
	return nil
}

// addToMenus puts a new source's site and rule in the menus, if read.
func (s *Server) addToMenus(site, rule string) {
	s.menus.mu.Lock()
	defer s.menus.mu.Unlock()
	if s.menus.ok {
		if site != "" {
			s.menus.sites[site] = true
		}
		s.menus.rules[rule] = true
	}
}

// siteAndRuleChoices lists the sites and rules present in the store, for
// the queue's filter menus (see RefreshMenus).
func (s *Server) siteAndRuleChoices(ctx context.Context) (sites, rules []string, err error) {
	s.menus.mu.Lock()
	ok := s.menus.ok
	s.menus.mu.Unlock()
	if !ok {
		if err := s.readMenus(ctx, false); err != nil {
			return nil, nil, err
		}
	}
	s.menus.mu.Lock()
	defer s.menus.mu.Unlock()
	return sortedKeys(s.menus.sites), sortedKeys(s.menus.rules), nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type factData struct {
	Fact    factView
	History []eventView
	EditURL string
	Return  string
	// The page of sources shown: [First, Last] of Fact.NumSources, in
	// store.SourceOrder, with links to the pages around it.
	First, Last      int
	PrevURL, NextURL string
}

// factSources is how many sources the fact page shows at once.
const factSources = 50

func (s *Server) factPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		s.failCode(w, r, http.StatusBadRequest, "bad fact id")
		return
	}
	offset, err := intParam(r.URL.Query(), "offset", 0, 0, 1<<31-1)
	if err != nil {
		s.failCode(w, r, http.StatusBadRequest, err.Error())
		return
	}
	f, err := s.b.Summary(id, 0)
	if err != nil {
		s.fail(w, r, fmt.Errorf("fact %s: %w", id, err))
		return
	}
	if f.Sources, _, err = s.b.Sources(id, offset, factSources); err != nil {
		s.fail(w, r, fmt.Errorf("fact %s: %w", id, err))
		return
	}
	v, err := newDocCache(s.b).view(f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h, err := s.b.History(id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("history of %s: %w", id, err))
		return
	}
	here := "/facts/" + id
	d := factData{Fact: v, History: historyViews(h), Return: here,
		EditURL: here + "/edit?return=" + url.QueryEscape(here)}
	if len(f.Sources) > 0 {
		d.First, d.Last = offset+1, offset+len(f.Sources)
	}
	if offset > 0 {
		d.PrevURL = fmt.Sprintf("%s?offset=%d", here, max(0, offset-factSources))
	}
	if offset+len(f.Sources) < f.NumSources() {
		d.NextURL = fmt.Sprintf("%s?offset=%d", here, offset+factSources)
	}
	s.render(w, r, http.StatusOK, "fact", d)
}

// review takes a desk decision: accept, reject or undo. The desk's script
// posts it with fetch and gets JSON back; without script the form posts and
// the browser follows the redirect.
func (s *Server) review(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	if !s.csrfOK(r) {
		s.failCode(w, r, http.StatusForbidden, "missing or wrong CSRF token: reload the page")
		return
	}
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		s.failCode(w, r, http.StatusBadRequest, "bad fact id")
		return
	}
	action := r.PostFormValue("action")
	var f store.Fact
	var err error
	switch action {
	case "accept", "reject", "undo":
		f, err = s.b.Review(id, store.Decision{Action: action, By: s.editor(r), Note: r.PostFormValue("note")})
	case store.ActionFlag, store.ActionUnflag:
		f, err = s.b.Flag(id, action == store.ActionFlag, s.editor(r), r.PostFormValue("note"))
	default:
		s.failCode(w, r, http.StatusBadRequest, "action must be accept, reject, undo, flag or unflag (edit through the edit form)")
		return
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("%s %s: %w", action, id, err))
		return
	}
	if wantsJSON(r) {
		writeJSON(w, http.StatusOK, map[string]any{"fact": f})
		return
	}
	http.Redirect(w, r, safeReturn(r.PostFormValue("return"), "/facts/"+id), http.StatusSeeOther)
}

type documentData struct {
	Doc      store.Document
	Segments []segment
	Figures  int
	// Missed counts the figures normalize read that no fact took.
	Missed int
	Focus  string
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha")
	if !shaPattern.MatchString(sha) {
		s.failCode(w, r, http.StatusBadRequest, "bad document id: want the 64 hex digits of its SHA-256")
		return
	}
	doc, err := s.b.Document(sha)
	if err != nil {
		s.fail(w, r, fmt.Errorf("document %s: %w", sha, err))
		return
	}
	facts, err := s.b.Facts(store.Filter{DocSHA256: sha})
	if err != nil {
		s.fail(w, r, fmt.Errorf("facts of %s: %w", sha, err))
		return
	}
	var marks []docMark
	for _, f := range facts {
		for _, src := range f.Sources {
			if src.DocSHA256 == sha {
				marks = append(marks, docMark{Start: src.Start, End: src.End, Fact: f.ID, Status: f.Status,
					Title: f.Programme + " · " + f.Metric + " · " + display(f) + " · " + f.Status})
			}
		}
	}
	for _, e := range candidates(doc.Body, marks) {
		marks = append(marks, docMark{Start: e.Start, End: e.End, Cand: true, Href: addURL(sha, e.Start, e.End),
			Title: "no fact took this figure (" + string(e.Kind) + " " + plainNumber(e.Value) + "): click to add one"})
	}
	segs := docSegments(doc.Body, marks, r.URL.Query().Get("focus"))
	n, missed := 0, 0
	for _, sg := range segs {
		if sg.Mark {
			n++
		}
		if sg.Cand {
			missed++
		}
	}
	s.render(w, r, http.StatusOK, "document", documentData{Doc: doc, Segments: segs, Figures: n, Missed: missed, Focus: r.URL.Query().Get("focus")})
}

type conflictView struct {
	Programme, Metric, AsOf string
	Facts                   []factView
}

func (s *Server) conflictsPage(w http.ResponseWriter, r *http.Request) {
	cs, err := s.b.Conflicts()
	if err != nil {
		s.fail(w, r, fmt.Errorf("conflicts: %w", err))
		return
	}
	c := newDocCache(s.b)
	var out []conflictView
	for _, g := range cs {
		vs, err := c.views(g.Facts)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		out = append(out, conflictView{Programme: g.Programme, Metric: g.Metric, AsOf: g.AsOf, Facts: vs})
	}
	s.render(w, r, http.StatusOK, "conflicts", out)
}

// bulkURL is the confirmation of a decision on every fact of the filter.
func bulkURL(filter url.Values, action string) string {
	v := cloneValues(filter)
	v.Del("sort")
	v.Set("action", action)
	return "/queue/bulk?" + v.Encode()
}

// exportURL is GET /api/v1/export with the queue's filter.
func exportURL(filter url.Values, format string) string {
	v := cloneValues(filter)
	v.Del("sort")
	v.Set("format", format)
	if format == "csv" {
		v.Set("bom", "1")
	}
	return "/api/v1/export?" + v.Encode()
}
