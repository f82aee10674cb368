package serve

import (
	"errors"
	"fmt"
	"strings"

	"github.com/faits/faits/store"
)

// factView is a fact as the desk shows it.
type factView struct {
	store.Fact
	Display     string
	Exact       string
	Independent int
	Sources     []sourceView
}

// sourceView is a source with its sentence split around the figure.
type sourceView struct {
	store.Source
	Quote   []segment
	DocLink string
}

// docCache keeps the documents one page needs, so that a document cited by
// several facts is read once per request.
type docCache struct {
	b    Backend
	docs map[string]*store.Document
}

func newDocCache(b Backend) *docCache { return &docCache{b: b, docs: map[string]*store.Document{}} }

// body returns the document's clean text, or "" when the store has no such
// document (the sentence is then shown with the figure found by its text).
func (c *docCache) body(sha string) (string, error) {
	if d, ok := c.docs[sha]; ok {
		if d == nil {
			return "", nil
		}
		return d.Body, nil
	}
	d, err := c.b.Document(sha)
	if errors.Is(err, store.ErrNotFound) {
		c.docs[sha] = nil
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("document %s: %w", sha, err)
	}
	c.docs[sha] = &d
	return d.Body, nil
}

func (c *docCache) view(f store.Fact) (factView, error) {
	v := factView{Fact: f, Display: display(f), Exact: exact(f), Independent: independentSources(f)}
	for _, s := range f.Sources {
		body, err := c.body(s.DocSHA256)
		if err != nil {
			return v, err
		}
		link := ""
		if shaPattern.MatchString(s.DocSHA256) {
			link = "/documents/" + s.DocSHA256 + "?focus=" + f.ID + "#" + anchor(s.Start, s.End)
		}
		v.Sources = append(v.Sources, sourceView{Source: s, Quote: quoteSegments(s, body), DocLink: link})
	}
	return v, nil
}

func (c *docCache) views(facts []store.Fact) ([]factView, error) {
	out := make([]factView, 0, len(facts))
	for _, f := range facts {
		v, err := c.view(f)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// eventView is one line of a fact's history.
type eventView struct {
	store.Event
	When    string
	Changes []string
}

func historyViews(events []store.Event) []eventView {
	out := make([]eventView, 0, len(events))
	for i := len(events) - 1; i >= 0; i-- { // newest first
		e := events[i]
		out = append(out, eventView{Event: e, When: e.At.Local().Format("2006-01-02 15:04:05"), Changes: changes(e.Before, e.After)})
	}
	return out
}

// changes lists what a decision changed, field by field.
func changes(a, b store.Fact) []string {
	var out []string
	diff := func(name, x, y string) {
		if x != y {
			out = append(out, name+": "+orDash(x)+" → "+orDash(y))
		}
	}
	diff("status", a.Status, b.Status)
	diff("value", exact(a), exact(b))
	diff("unit", a.Unit, b.Unit)
	diff("programme", a.Programme, b.Programme)
	diff("metric", a.Metric, b.Metric)
	diff("qualifier", a.Qualifier, b.Qualifier)
	diff("as_of", a.AsOf, b.AsOf)
	return out
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
