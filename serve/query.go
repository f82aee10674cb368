package serve

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/faits/faits/store"
)

// query is the filter, order and page shared by the queue and GET
// /api/v1/facts.
type query struct {
	Programme, Metric, Status, Rule, Site, Doc string
	// Text is the full-text search (q): a word or phrase of a source's
	// sentence, figure or title, case and accents ignored.
	Text string
	// Flagged keeps the flagged facts only (flagged=1).
	Flagged bool
	// Date keeps facts whose as_of starts with it ("2024", "2024-11").
	Date string
	// Sort is "sources" (independent sources, most first), "date" (as_of,
	// latest first) or "id".
	Sort          string
	Limit, Offset int
}

const maxLimit = 1000

// parseQuery reads a query from URL parameters; status "all" (or an empty
// status parameter) lists every status, a missing one means defStatus.
func parseQuery(v url.Values, defStatus, defSort string, defLimit int) (query, error) {
	q := query{
		Programme: v.Get("programme"), Metric: v.Get("metric"), Rule: v.Get("rule"),
		Site: v.Get("site"), Doc: v.Get("doc"), Date: v.Get("date"),
		Status: defStatus, Sort: defSort, Limit: defLimit,
		Text: strings.TrimSpace(v.Get("q")), Flagged: v.Get("flagged") == "1",
	}
	if len(q.Text) > 200 {
		return q, fmt.Errorf("q: a search of %d bytes; 200 at most", len(q.Text))
	}
	if v.Has("status") {
		q.Status = v.Get("status")
	}
	if q.Status == "all" {
		q.Status = ""
	}
	if q.Status != "" && !contains(statuses, q.Status) {
		return q, fmt.Errorf("status %q: want one of %s or all", q.Status, strings.Join(statuses, ", "))
	}
	if s := v.Get("sort"); s != "" {
		q.Sort = s
	}
	if q.Sort != "sources" && q.Sort != "date" && q.Sort != "id" {
		return q, fmt.Errorf("sort %q: want sources, date or id", q.Sort)
	}
	if q.Date != "" && !datePrefix.MatchString(q.Date) {
		return q, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", q.Date)
	}
	var err error
	if q.Limit, err = intParam(v, "limit", q.Limit, 1, maxLimit); err != nil {
		return q, err
	}
	if q.Offset, err = intParam(v, "offset", 0, 0, 1<<31-1); err != nil {
		return q, err
	}
	return q, nil
}

var datePrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s %q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

// values writes q back as URL parameters (for links that keep the filter).
func (q query) values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("programme", q.Programme)
	set("metric", q.Metric)
	set("rule", q.Rule)
	set("site", q.Site)
	set("doc", q.Doc)
	set("date", q.Date)
	set("q", q.Text)
	if q.Flagged {
		v.Set("flagged", "1")
	}
	if q.Status == "" {
		v.Set("status", "all")
	} else {
		v.Set("status", q.Status)
	}
	set("sort", q.Sort)
	return v
}

// listSources is how many sources each fact of a list carries; the fact
// page and GET /api/v1/facts/{id}/sources page the rest.
const listSources = 3

// list returns q's page of the facts matching q, in q's order, and how
// many match in all. The store reads the page, not every fact's sources.
func list(b Backend, q query) ([]store.Fact, int, error) {
	facts, total, err := b.List(store.ListOptions{
		Filter: store.Filter{Programme: q.Programme, Metric: q.Metric, Status: q.Status, Rule: q.Rule, Site: q.Site, Doc: q.Doc,
			Text: q.Text, Flagged: q.Flagged},
		AsOf: q.Date, Sort: q.Sort, Offset: q.Offset, Limit: q.Limit, Sources: listSources,
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list facts: %w", err)
	}
	return facts, total, nil
}

var (
	idPattern  = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)
	shaPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)
)
