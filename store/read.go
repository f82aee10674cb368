package store

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// errStop ends an iteration early without being an error.
var errStop = errors.New("stop")

// maxCachedDocs bounds a reader's document cache (at most a few tens of
// MB, whatever the store's size).
const maxCachedDocs = 1 << 15

// checkEvery is how many facts a walk reads between two looks at its
// mapped memory, and mapBudget the file-backed resident memory past which
// a walk or the writer lets go of the map's pages (see releaseMapped).
// Released only when over the budget, the pages a walk keeps coming back
// to (branch pages, the documents of the moment) stay mapped between two
// releases: releasing on a fixed count of facts either let the map grow
// with the store (every 65,536 facts: 650 MB at 100,000 articles) or
// faulted the same pages in again and again (every 4,096 facts: two to
// three times slower). A look is one read of /proc/self/statm (a few
// microseconds); every 1,024 facts, a walk over 100,000 articles still
// mapped 300 MB between two looks.
const checkEvery = 1 << 6

// mapBudget is a variable for tests only.
var mapBudget int64 = 96 << 20

// releaseOverBudget lets go of the map's pages when the process holds
// more than mapBudget of them.
func releaseOverBudget(db *bolt.DB, size int64) {
	if overBudget() {
		releaseMapped(db, size)
	}
}

// overBudget reports whether the process holds more than mapBudget of the
// map's pages.
func overBudget() bool {
	m := mappedResident()
	return m < 0 || m > mapBudget
}

// reader hydrates facts inside one read transaction, caching documents.
type reader struct {
	tx   *bolt.Tx
	docs map[[32]byte]*Document
	seen int // facts read, for tick
}

// tick counts a fact read; a long walk lets go of the map's pages now and
// then, so that its resident memory stays that of a page of facts.
func (r *reader) tick() {
	r.seen++
	if r.seen%checkEvery == 0 {
		releaseOverBudget(r.tx.DB(), r.tx.Size())
	}
}

func newReader(tx *bolt.Tx) *reader {
	adviseRandom(tx.DB(), tx.Size())
	return &reader{tx: tx, docs: map[[32]byte]*Document{}}
}

func (r *reader) doc(h [32]byte) (*Document, error) {
	if d, ok := r.docs[h]; ok {
		return d, nil
	}
	var d Document
	found, err := getJSON(r.tx.Bucket(bDocs), docKey(h), &d)
	if err != nil {
		return nil, err
	}
	if !found || len(d.Paths) == 0 {
		return nil, fmt.Errorf("missing document %x", h)
	}
	if d.Copies, err = copies(r.tx, &d); err != nil {
		return nil, err
	}
	if len(r.docs) >= maxCachedDocs {
		// A walk over the whole store must not hold every document.
		clear(r.docs)
	}
	r.docs[h] = &d
	return &d, nil
}

func (r *reader) rec(id string) (*factRec, error) {
	var rec factRec
	found, err := getJSON(r.tx.Bucket(bFacts), []byte(id), &rec)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, nil
	}
	return &rec, nil
}

// hydrate is the exported fact: the record's view and its sources, each
// joined to its document and sorted by document path, then position.
func (r *reader) hydrate(id string, rec *factRec) (Fact, error) {
	f := rec.view(id)
	f.Sources = []Source{}
	prefix := []byte(id)
	c := r.tx.Bucket(bFacts).Cursor()
	for k, v := firstSource(c, prefix); hasPrefix(k, prefix); k, v = c.Next() {
		p, err := parseSourceKey(k)
		if err != nil {
			return Fact{}, err
		}
		d, err := r.doc(p.doc)
		if err != nil {
			return Fact{}, fmt.Errorf("fact %s: %w", id, err)
		}
		var s storedSource
		if err := json.Unmarshal(v, &s); err != nil {
			return Fact{}, fmt.Errorf("fact %s source: %w", id, err)
		}
		f.Sources = append(f.Sources, Source{
			Doc: d.Paths[0], DocSHA256: d.SHA256, Title: d.Title, Site: d.Site, URL: d.URL,
			Published: d.Published, Span: s.Span, Start: p.start, End: p.end, Quote: s.Quote,
			Qualifier: s.Qualifier, Rule: s.Rule, ProgrammeFrom: s.ProgrammeFrom, Why: s.Why, ReprintGroup: d.ReprintGroup,
			Copies: d.Copies,
		})
	}
	sortSources(f.Sources)
	return f, nil
}

func sortSources(ss []Source) {
	sort.Slice(ss, func(i, j int) bool {
		a, b := ss[i], ss[j]
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.DocSHA256 < b.DocSHA256
	})
}

// IndependentSources counts the fact's sources once per reprint group (a
// source outside any group counts once per document), so that a wire
// story reprinted by five sites is one independent source.
func (f Fact) IndependentSources() int {
	if f.SourceCount > 0 {
		return f.IndependentCount
	}
	seen := map[string]bool{}
	for _, s := range f.Sources {
		k := "d:" + s.DocSHA256
		if s.ReprintGroup != "" {
			k = "g:" + s.ReprintGroup
		}
		seen[k] = true
	}
	return len(seen)
}

// NumSources is how many sources the fact has, whether it carries them
// all or, from List, its first few.
func (f Fact) NumSources() int {
	if f.SourceCount > 0 {
		return f.SourceCount
	}
	return len(f.Sources)
}

// Fact returns one fact by id.
func (s *Store) Fact(id string) (Fact, error) {
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
		f, err = r.hydrate(id, rec)
		return err
	})
	if err != nil {
		return Fact{}, fmt.Errorf("fact %s: %w", id, err)
	}
	return f, nil
}

// Document returns one document by the SHA-256 of its clean text.
func (s *Store) Document(sha string) (Document, error) {
	var d Document
	err := s.db.View(func(tx *bolt.Tx) error {
		h, err := docHash(sha)
		if err != nil || hex.EncodeToString(h[:]) != sha {
			return ErrNotFound // not a hash as the store spells it
		}
		found, err := getJSON(tx.Bucket(bDocs), docKey(h), &d)
		if err != nil {
			return err
		}
		if !found {
			return ErrNotFound
		}
		if d.Copies, err = copies(tx, &d); err != nil {
			return err
		}
		d.Body, err = unpackBody(tx.Bucket(bDocs).Get(docTagKey(h, tagBody)))
		return err
	})
	if err != nil {
		return Document{}, fmt.Errorf("document %s: %w", sha, err)
	}
	return d, nil
}

// Facts returns the facts matching f, sorted by id.
func (s *Store) Facts(f Filter) ([]Fact, error) {
	out := []Fact{}
	err := s.EachFact(f, func(x Fact) error {
		out = append(out, x)
		return nil
	})
	return out, err
}

// All iterates over the facts matching f, in id order, inside one read
// transaction: the store must not be written from the loop body (a write
// waiting on a read transaction of its own goroutine can deadlock). An
// error ends the iteration as its last pair.
func (s *Store) All(f Filter) iter.Seq2[Fact, error] {
	return func(yield func(Fact, error) bool) {
		err := s.EachFact(f, func(x Fact) error {
			if !yield(x, nil) {
				return errStop
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			yield(Fact{}, err)
		}
	}
}

// EachFact calls fn for each fact matching f, in id order, inside one
// read transaction (see All); an error from fn ends the walk and is
// returned.
func (s *Store) EachFact(f Filter, fn func(Fact) error) error {
	if err := s.flushPending(); err != nil {
		return err
	}
	s.walks.Add(1)
	defer s.walks.Add(-1)
	err := s.db.View(func(tx *bolt.Tx) error {
		r := newReader(tx)
		ids, all, err := candidates(tx, f)
		if err != nil {
			return err
		}
		visit := func(id string, rec *factRec) error {
			r.tick()
			if !f.matchRecord(id, rec) {
				return nil
			}
			x, err := r.hydrate(id, rec)
			if err != nil {
				return err
			}
			if !f.matchSources(x, ids.docs) {
				return nil
			}
			return fn(x)
		}
		if all {
			return eachRecord(tx.Bucket(bFacts), func(k, v []byte) error {
				var rec factRec
				if err := json.Unmarshal(v, &rec); err != nil {
					return fmt.Errorf("decode fact %s: %w", k, err)
				}
				return visit(string(k), &rec)
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
			if err := visit(id, rec); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return err
	}
	if err != nil {
		return fmt.Errorf("read facts: %w", err)
	}
	return nil
}

// candidateSet is what an index gave: fact ids to look at and, for a
// document filter, the documents a source must come from.
type candidateSet struct {
	ids  []string
	docs map[string]bool // hex hashes; nil when not filtering by document
}

// candidates narrows the walk with the documents' readings (document filters) or
// the programme/metric/as_of index; all reports a full scan instead.
func candidates(tx *bolt.Tx, f Filter) (set candidateSet, all bool, err error) {
	if f.Doc != "" || f.DocSHA256 != "" {
		set.docs = map[string]bool{}
		if f.Doc != "" {
			var fr fileRec
			found, err := getJSON(tx.Bucket(bFiles), []byte(f.Doc), &fr)
			if err != nil {
				return set, false, err
			}
			if found && (f.DocSHA256 == "" || f.DocSHA256 == fr.Doc) {
				set.docs[fr.Doc] = true
			}
		} else {
			set.docs[f.DocSHA256] = true
		}
		seen := map[string]bool{}
		for d := range set.docs {
			h, err := docHash(d)
			if err != nil {
				return set, false, nil // no such document: nothing matches
			}
			c := tx.Bucket(bDocs).Cursor()
			prefix := readingsPrefix(h)
			for k, _ := c.Seek(prefix); hasPrefix(k, prefix); k, _ = c.Next() {
				p, err := parseByDocKey(k)
				if err != nil {
					return set, false, err
				}
				if !seen[p.id] {
					seen[p.id] = true
					set.ids = append(set.ids, p.id)
				}
			}
		}
		sort.Strings(set.ids)
		return set, false, nil
	}
	if f.Programme == "" {
		return set, true, nil
	}
	prefix := []byte(f.Programme + "\x00")
	if f.Metric != "" {
		prefix = append(prefix, f.Metric+"\x00"...)
	}
	c, err := indexCursor(tx)
	if err != nil {
		return set, false, err
	}
	for k, _ := c.Seek(prefix); hasPrefix(k, prefix); k, _ = c.Next() {
		set.ids = append(set.ids, string(k[len(k)-idLen:]))
	}
	sort.Strings(set.ids)
	return set, false, nil
}

// matchRecord applies the filters the record alone decides.
func (f Filter) matchRecord(id string, rec *factRec) bool {
	v := rec.view(id)
	switch {
	case f.Programme != "" && v.Programme != f.Programme,
		f.Metric != "" && v.Metric != f.Metric,
		f.Status != "" && v.Status != f.Status,
		!f.Since.IsZero() && rec.Changed < f.Since.UnixNano(),
		f.Flagged && !rec.Flagged:
		return false
	}
	return true
}

// matchSources applies the filters on sources: one source must pass all.
func (f Filter) matchSources(x Fact, docs map[string]bool) bool {
	if f.Rule == "" && f.Site == "" && docs == nil && f.Text == "" {
		return true
	}
	text := foldText(f.Text)
	for _, s := range x.Sources {
		if (f.Rule == "" || s.Rule == f.Rule) && (f.Site == "" || s.Site == f.Site) && (docs == nil || docs[s.DocSHA256]) &&
			(text == "" || strings.Contains(foldText(s.Quote), text) || strings.Contains(foldText(s.Span), text) || strings.Contains(foldText(s.Title), text)) {
			return true
		}
	}
	return false
}
