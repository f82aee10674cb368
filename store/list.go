package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// ListOptions choose one page of facts for List.
type ListOptions struct {
	Filter
	// AsOf keeps facts whose as_of starts with it ("2024", "2024-11").
	AsOf string
	// Sort is "id" (the default), "date" (as_of, latest first) or
	// "sources" (independent sources, most first; then sources, then as_of
	// latest first); ties go by id.
	Sort string
	// Offset and Limit cut the page; Limit 0 means to the end.
	Offset, Limit int
	// Sources is how many sources each fact carries (the first ones in
	// SourceOrder); the others are paged with Store.Sources.
	Sources int
}

// SourceOrder is the order of List's and Sources' sources: first, one
// source per independent origin (a reprint group, or a document outside
// any group), then the others; each part sorted as Fact.Sources is (by
// document path, then position). The first source is thus always the
// export's first, and the first few show as many origins as they can.
const SourceOrder = "independent first"

// List returns one page of the facts matching o, each with its source
// counts (Fact.SourceCount, Fact.IndependentCount) and its first o.Sources
// sources, and how many facts match in all. Its memory is bounded by the
// page, not by the store: sorted by id it keeps only the page; sorted
// otherwise, one small sort key per matching fact.
func (s *Store) List(o ListOptions) ([]Fact, int, error) {
	switch o.Sort {
	case "", "id", "date", "sources":
	default:
		return nil, 0, fmt.Errorf("list: unknown sort %q (id, date or sources)", o.Sort)
	}
	if o.Offset < 0 || o.Limit < 0 || o.Sources < 0 {
		return nil, 0, fmt.Errorf("list: negative offset, limit or sources")
	}
	// The writer's pending rank and index changes first: the queue, the
	// count and the programme filter read those buckets.
	if err := s.flushPending(); err != nil {
		return nil, 0, fmt.Errorf("list facts: %w", err)
	}
	var out []Fact
	total := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		r := newReader(tx)
		// A rank a writer died before filing (deferred.go) is not read:
		// the records give the order and the count.
		fresh := derivedFresh(tx)
		inPage := func(i int) bool { return i >= o.Offset && (o.Limit == 0 || i < o.Offset+o.Limit) }
		var items []item
		// Only the filters on sources need a fact's sources read: the
		// counts sort "sources" orders by are in the record.
		needSummary := o.Rule != "" || o.Site != "" || o.Doc != "" || o.DocSHA256 != "" || o.Text != ""
		if o.Sort == "sources" && fresh && !needSummary && o.Programme == "" && o.Metric == "" && o.Since.IsZero() && o.AsOf == "" && !o.Flagged {
			// The queue: the rank index gives the page and the count.
			ids, n, err := rankPage(tx, o.Status, o.Offset, o.Limit)
			if err != nil {
				return err
			}
			total = n
			for _, id := range ids {
				items = append(items, item{id: id})
			}
			return r.page(items, o.Sources, &out)
		}
		if (o.Sort == "" || o.Sort == "id") && !needSummary && o.Status == "" && o.Since.IsZero() && o.AsOf == "" && !o.Flagged &&
			(o.Metric == "" || o.Programme != "") {
			// Nothing to decide from the records: count keys, read the page.
			ids, all, err := candidates(tx, o.Filter)
			if err != nil {
				return err
			}
			visit := func(id string) {
				if inPage(total) {
					items = append(items, item{id: id})
				}
				total++
			}
			if all {
				// The page from the records; the count from the rank
				// bucket, one small key a fact, where counting the
				// records would walk every source too.
				c := newRecordCursor(tx.Bucket(bFacts))
				for k, _ := c.First(); k != nil && (!fresh || o.Limit == 0 || total < o.Offset+o.Limit); k, _ = c.Next() {
					visit(string(k))
				}
				if fresh {
					total = tx.Bucket(bRank).Stats().KeyN
				}
			} else {
				for _, id := range ids.ids {
					visit(id)
				}
			}
			return r.page(items, o.Sources, &out)
		}
		err := r.walk(o.Filter, func(id string, rec *factRec, docs map[string]bool) error {
			v := rec.view(id)
			if o.AsOf != "" && !strings.HasPrefix(v.AsOf, o.AsOf) {
				return nil
			}
			it := item{id: id, asOf: v.AsOf, rec: rec, indep: rec.Indep, n: rec.Sources}
			if needSummary {
				sm, err := r.summarize(id, 0, o.Filter, docs)
				if err != nil {
					return err
				}
				if !sm.match {
					return nil
				}
				it.indep, it.n = sm.indep, sm.n
			}
			if o.Sort == "" || o.Sort == "id" {
				// Walked in id order: keep the page only.
				if inPage(total) {
					items = append(items, it)
				}
				total++
				return nil
			}
			it.rec = nil // refetched for the page: keep the sort key small
			items = append(items, it)
			total++
			return nil
		})
		if err != nil {
			return err
		}
		if o.Sort == "date" || o.Sort == "sources" {
			sort.SliceStable(items, func(i, j int) bool {
				a, b := items[i], items[j]
				if o.Sort == "sources" {
					if a.indep != b.indep {
						return a.indep > b.indep
					}
					if a.n != b.n {
						return a.n > b.n
					}
				}
				if a.asOf != b.asOf {
					return a.asOf > b.asOf
				}
				return a.id < b.id
			})
			lo := min(o.Offset, len(items))
			hi := len(items)
			if o.Limit > 0 {
				hi = min(lo+o.Limit, hi)
			}
			items = items[lo:hi]
		}
		return r.page(items, o.Sources, &out)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list facts: %w", err)
	}
	return out, total, nil
}

// item is a fact matching a List, with what its sort needs; rec is nil
// when it is to be read for the page only.
type item struct {
	id, asOf string
	indep, n int
	rec      *factRec
}

// page reads the facts of items with their counts and first k sources.
func (r *reader) page(items []item, k int, out *[]Fact) error {
	*out = make([]Fact, 0, len(items))
	for _, it := range items {
		rec := it.rec
		if rec == nil {
			var err error
			if rec, err = r.rec(it.id); err != nil {
				return err
			}
			if rec == nil {
				return fmt.Errorf("fact %s vanished", it.id)
			}
		}
		sm, err := r.summarize(it.id, k, Filter{}, nil)
		if err != nil {
			return err
		}
		f := rec.view(it.id)
		f.Sources, f.SourceCount, f.IndependentCount = sm.sources, sm.n, sm.indep
		*out = append(*out, f)
	}
	return nil
}

// Sources returns sources [offset, offset+limit) of a fact in SourceOrder
// (limit 0: to the end) and how many it has.
func (s *Store) Sources(id string, offset, limit int) ([]Source, int, error) {
	if offset < 0 || limit < 0 {
		return nil, 0, fmt.Errorf("sources of %s: negative offset or limit", id)
	}
	var out []Source
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		r := newReader(tx)
		rec, err := r.rec(id)
		if err != nil {
			return err
		}
		if rec == nil {
			return ErrNotFound
		}
		places, err := r.places(id)
		if err != nil {
			return err
		}
		n = len(places)
		lo := min(offset, n)
		hi := n
		if limit > 0 {
			hi = min(lo+limit, n)
		}
		out, err = r.sources(id, places[lo:hi])
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("sources of %s: %w", id, err)
	}
	return out, n, nil
}

// walk calls fn for each fact whose record passes f, in id order, with the
// documents a source must come from (nil: any).
func (r *reader) walk(f Filter, fn func(id string, rec *factRec, docs map[string]bool) error) error {
	fn0 := fn
	fn = func(id string, rec *factRec, docs map[string]bool) error {
		r.tick()
		return fn0(id, rec, docs)
	}
	ids, all, err := candidates(r.tx, f)
	if err != nil {
		return err
	}
	if all {
		return eachRecord(r.tx.Bucket(bFacts), func(k, v []byte) error {
			var rec factRec
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode fact %s: %w", k, err)
			}
			if !f.matchRecord(string(k), &rec) {
				return nil
			}
			return fn(string(k), &rec, ids.docs)
		})
	}
	for _, id := range ids.ids {
		rec, err := r.rec(id)
		if err != nil {
			return err
		}
		if rec == nil {
			return fmt.Errorf("index names missing fact %s", id)
		}
		if f.matchRecord(id, rec) {
			if err := fn(id, rec, ids.docs); err != nil {
				return err
			}
		}
	}
	return nil
}

// sourcePlace is a source as its key and document give it, before its
// stored value is read.
type sourcePlace struct {
	key        []byte
	doc        *Document
	start, end int
	origin     string // the reprint group, or the document's hash
	first      bool   // the first of its origin in export order
}

// places lists a fact's sources in SourceOrder without reading their
// values: a fact's keys and its documents' records only.
func (r *reader) places(id string) ([]sourcePlace, error) {
	var ps []sourcePlace
	prefix := []byte(id)
	c := r.tx.Bucket(bFacts).Cursor()
	for k, _ := firstSource(c, prefix); hasPrefix(k, prefix); k, _ = c.Next() {
		p, err := parseSourceKey(k)
		if err != nil {
			return nil, err
		}
		d, err := r.doc(p.doc)
		if err != nil {
			return nil, fmt.Errorf("fact %s: %w", id, err)
		}
		origin := "d:" + d.SHA256
		if d.ReprintGroup != "" {
			origin = "g:" + d.ReprintGroup
		}
		ps = append(ps, sourcePlace{key: k, doc: d, start: p.start, end: p.end, origin: origin})
	}
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.doc.Paths[0] != b.doc.Paths[0] {
			return a.doc.Paths[0] < b.doc.Paths[0]
		}
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end < b.end
		}
		return a.doc.SHA256 < b.doc.SHA256
	})
	seen := map[string]bool{}
	for i := range ps {
		if !seen[ps[i].origin] {
			seen[ps[i].origin] = true
			ps[i].first = true
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].first && !ps[j].first })
	return ps, nil
}

// sources reads the stored values of ps.
func (r *reader) sources(id string, ps []sourcePlace) ([]Source, error) {
	out := make([]Source, 0, len(ps))
	b := r.tx.Bucket(bFacts)
	for _, p := range ps {
		var s storedSource
		if err := json.Unmarshal(b.Get(p.key), &s); err != nil {
			return nil, fmt.Errorf("fact %s source: %w", id, err)
		}
		out = append(out, p.source(s))
	}
	return out, nil
}

func (p sourcePlace) source(s storedSource) Source {
	d := p.doc
	return Source{
		Doc: d.Paths[0], DocSHA256: d.SHA256, Title: d.Title, Site: d.Site, URL: d.URL,
		Published: d.Published, Span: s.Span, Start: p.start, End: p.end, Quote: s.Quote,
		Qualifier: s.Qualifier, Rule: s.Rule, ProgrammeFrom: s.ProgrammeFrom, Why: s.Why, ReprintGroup: d.ReprintGroup,
		Copies: d.Copies,
	}
}

// summary is what List needs of a fact's sources.
type summary struct {
	n, indep int
	sources  []Source
	match    bool // a source passes the filter's source conditions
}

// summarize counts a fact's sources and origins, reads its first k
// sources in SourceOrder, and tells whether one source passes f's rule,
// site and document conditions (docs: hex hashes, nil for any).
func (r *reader) summarize(id string, k int, f Filter, docs map[string]bool) (summary, error) {
	ps, err := r.places(id)
	if err != nil {
		return summary{}, err
	}
	sm := summary{n: len(ps), match: f.Rule == "" && f.Site == "" && docs == nil && f.Text == ""}
	text := foldText(f.Text)
	for _, p := range ps {
		if p.first {
			sm.indep++
		}
		if sm.match || (f.Site != "" && p.doc.Site != f.Site) || (docs != nil && !docs[p.doc.SHA256]) {
			continue
		}
		if f.Rule != "" || text != "" {
			var s storedSource
			if err := json.Unmarshal(r.tx.Bucket(bFacts).Get(p.key), &s); err != nil {
				return summary{}, fmt.Errorf("fact %s source: %w", id, err)
			}
			if (f.Rule != "" && s.Rule != f.Rule) || (text != "" && !textMatch(text, s, p.doc)) {
				continue
			}
		}
		sm.match = true
	}
	if sm.sources, err = r.sources(id, ps[:min(k, len(ps))]); err != nil {
		return summary{}, err
	}
	return sm, nil
}

// Summary returns one fact as List gives it: its source counts and its
// first k sources in SourceOrder.
func (s *Store) Summary(id string, k int) (Fact, error) {
	var f Fact
	err := s.db.View(func(tx *bolt.Tx) error {
		r := newReader(tx)
		rec, err := r.rec(id)
		if err != nil {
			return err
		}
		if rec == nil {
			return ErrNotFound
		}
		sm, err := r.summarize(id, max(k, 0), Filter{}, nil)
		if err != nil {
			return err
		}
		f = rec.view(id)
		f.Sources, f.SourceCount, f.IndependentCount = sm.sources, sm.n, sm.indep
		return nil
	})
	if err != nil {
		return Fact{}, fmt.Errorf("fact %s: %w", id, err)
	}
	return f, nil
}

// Each calls fn for each fact matching o, as List gives it (source counts
// and first o.Sources sources), without holding more than one fact: o.Sort
// is "id" (or "") or "key" (programme, metric, as_of as shown, then id:
// the order of a person's table); Offset and Limit are ignored. It holds a
// read transaction, like EachFact.
func (s *Store) Each(o ListOptions, fn func(Fact) error) error {
	if o.Sort != "" && o.Sort != "id" && o.Sort != "key" {
		return fmt.Errorf("list: Each sorts by id or key, not %q", o.Sort)
	}
	if err := s.flushPending(); err != nil {
		return err
	}
	s.walks.Add(1)
	defer s.walks.Add(-1)
	err := s.db.View(func(tx *bolt.Tx) error {
		r := newReader(tx)
		visit := func(id string, rec *factRec, docs map[string]bool) error {
			v := rec.view(id)
			if o.AsOf != "" && !strings.HasPrefix(v.AsOf, o.AsOf) {
				return nil
			}
			sm, err := r.summarize(id, o.Sources, o.Filter, docs)
			if err != nil || !sm.match {
				return err
			}
			v.Sources, v.SourceCount, v.IndependentCount = sm.sources, sm.n, sm.indep
			return fn(v)
		}
		if o.Sort != "key" {
			return r.walk(o.Filter, visit)
		}
		if o.Doc != "" || o.DocSHA256 != "" {
			// One document's facts: few enough to sort here.
			type kv struct {
				key string
				id  string
				rec *factRec
				doc map[string]bool
			}
			var all []kv
			err := r.walk(o.Filter, func(id string, rec *factRec, docs map[string]bool) error {
				all = append(all, kv{string(indexKey(rec.view(id))), id, rec, docs})
				return nil
			})
			if err != nil {
				return err
			}
			sort.Slice(all, func(i, j int) bool { return all[i].key < all[j].key })
			for _, x := range all {
				if err := visit(x.id, x.rec, x.doc); err != nil {
					return err
				}
			}
			return nil
		}
		prefix := []byte{}
		if o.Programme != "" {
			prefix = append(prefix, o.Programme+"\x00"...)
			if o.Metric != "" {
				prefix = append(prefix, o.Metric+"\x00"...)
			}
		}
		c, err := indexCursor(tx)
		if err != nil {
			return err
		}
		for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) < idLen {
				return fmt.Errorf("bad index key %q", k)
			}
			id := string(k[len(k)-idLen:])
			r.tick()
			rec, err := r.rec(id)
			if err != nil {
				return err
			}
			if rec == nil {
				return fmt.Errorf("index names missing fact %s", id)
			}
			if !o.matchRecord(id, rec) {
				continue
			}
			if err := visit(id, rec, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return err
	}
	if err != nil {
		return fmt.Errorf("list facts: %w", err)
	}
	return nil
}
