package store

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"sort"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
)

// reading is one extracted fact, ready to be stored as a source.
type reading struct {
	id         string
	key        Key
	start, end int
	src        storedSource
}

// Ingest records one file in its own transaction: its raw bytes' hash (to
// skip it next time when unchanged), its clean document and the facts read
// from it. rel is the path relative to the folder given to ingest. It is
// Prepare and a Batch of one; a writer with many files should batch them
// (one transaction, one fsync, for many files).
//
// After a crash the file is either wholly in the store or not at all. The
// facts given replace every reading the store held for the document
// (whichever of its paths gave them), so that a file re-read with other
// rules keeps no stale source. rawSHA256 is compared as an opaque string: a
// caller that wants changed rules to re-read unchanged files folds the
// rules' version into it.
func (s *Store) Ingest(rel string, rawSHA256 string, doc *corpus.Document, facts []extract.Fact) (IngestResult, error) {
	if s.readOnly {
		return IngestResult{}, fmt.Errorf("ingest %s: %w", rel, errReadOnly)
	}
	e, err := Prepare(rel, rawSHA256, doc, facts)
	if err != nil {
		return IngestResult{}, err
	}
	b := s.NewBatch()
	b.Add(e)
	w, err := b.Commit()
	if err != nil {
		return IngestResult{}, err
	}
	return w[0].Result, w[0].Err
}

// ingest writes one prepared file inside t.
func (t *txn) ingest(e *Entry) (IngestResult, error) {
	rel, rawSHA256, doc, h := e.rel, e.raw, e.doc, e.h
	res := IngestResult{DocSHA256: hex.EncodeToString(h[:])}
	var prev fileRec
	found, err := getJSON(t.files, []byte(rel), &prev)
	if err != nil {
		return res, err
	}
	if found && prev.Raw == rawSHA256 && prev.Doc == res.DocSHA256 {
		res.Skipped = true
		d, err := t.doc(h)
		if err != nil || d == nil {
			return res, fmt.Errorf("file %s points to missing document %s: %v", rel, prev.Doc, err)
		}
		res.ReprintGroup = d.ReprintGroup
		return res, nil
	}
	if err := putJSON(t.files, []byte(rel), fileRec{
		Raw: rawSHA256, Doc: res.DocSHA256, Title: doc.Title, Site: doc.Site, Author: doc.Author,
		URL: doc.URL, Published: doc.Published, PublishedFrom: doc.PublishedFrom,
	}); err != nil {
		return res, err
	}
	if found && prev.Doc != res.DocSHA256 {
		old, err := docHash(prev.Doc)
		if err != nil {
			return res, fmt.Errorf("file %s: %w", rel, err)
		}
		if err := t.removePath(old, rel, &res); err != nil {
			return res, err
		}
	}
	d, err := t.doc(h)
	if err != nil {
		return res, err
	}
	if d == nil {
		if d, err = t.addDoc(h, rel, e.packed, e.sg); err != nil {
			return res, err
		}
	} else {
		d.Paths = append(d.Paths, rel)
		if err := t.putDoc(h, d); err != nil {
			return res, err
		}
	}
	res.ReprintGroup = d.ReprintGroup
	if err := t.replaceReadings(h, e.readings, &res, true); err != nil {
		return res, err
	}
	return res, t.flush(&res)
}

// prepare checks the facts against the body and keys them; a second
// reading of one fact at one place is dropped.
func prepare(h [32]byte, body string, facts []extract.Fact) ([]reading, error) {
	out := make([]reading, 0, len(facts))
	seen := map[string]bool{}
	for i, f := range facts {
		k := KeyOf(f)
		if err := validKey(k); err != nil {
			return nil, fmt.Errorf("fact %d: %w", i, err)
		}
		if f.Start < 0 || f.End < f.Start || f.End > len(body) || body[f.Start:f.End] != f.Span {
			return nil, fmt.Errorf("fact %d: span %q is not the text at bytes [%d,%d) of the document", i, f.Span, f.Start, f.End)
		}
		// JSON would replace invalid bytes, and the stored span would no
		// longer be the document's text: a span must not split a character.
		if !utf8.ValidString(f.Span) || !utf8.ValidString(f.Quote) {
			return nil, fmt.Errorf("fact %d: span %q or its quote is not valid UTF-8 (offsets inside a character?)", i, f.Span)
		}
		r := reading{id: k.ID(), key: k, start: f.Start, end: f.End, src: storedSource{
			Span: f.Span, Quote: f.Quote, Qualifier: f.Qualifier, Modality: f.Modality, Rule: f.Rule, ProgrammeFrom: f.ProgrammeFrom, Why: f.Why,
		}}
		sk := string(sourceKey(r.id, h, r.start, r.end))
		if seen[sk] {
			continue
		}
		seen[sk] = true
		out = append(out, r)
	}
	return out, nil
}

// replaceReadings makes the document's readings exactly rs. An editor's
// places (EditorRule) stay when keepEditor (the rules never read them:
// another reading of the document keeps them); the document's removal
// takes them away too.
func (t *txn) replaceReadings(h [32]byte, rs []reading, res *IngestResult, keepEditor bool) error {
	old := map[string]storedSource{}
	c := t.docs.Cursor()
	prefix := readingsPrefix(h)
	for k, _ := c.Seek(prefix); hasPrefix(k, prefix); k, _ = c.Next() {
		p, err := parseByDocKey(k)
		if err != nil {
			return err
		}
		sk := sourceKey(p.id, h, p.start, p.end)
		var src storedSource
		found, err := getJSON(t.sources, sk, &src)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("reading key %q has no source", k)
		}
		old[string(sk)] = src
	}
	// In the order of their keys: bbolt inserts into a node by shifting
	// what follows, and a long text's thousands of readings put in text
	// order (random keys) made its write quadratic (issue 15). Nothing
	// below depends on the order (a fact's record counts its sources).
	keys := make([][]byte, len(rs))
	order := make([]int, len(rs))
	for i, r := range rs {
		keys[i], order[i] = sourceKey(r.id, h, r.start, r.end), i
	}
	sort.SliceStable(order, func(a, b int) bool { return bytes.Compare(keys[order[a]], keys[order[b]]) < 0 })
	want := map[string]bool{}
	for _, i := range order {
		r, sk := rs[i], keys[i]
		want[string(sk)] = true
		rec, created, err := t.factFor(r.id, r.key)
		if err != nil {
			return err
		}
		if created {
			res.NewFacts++
		}
		prev, had := old[string(sk)]
		if had && prev == r.src {
			continue
		}
		if had {
			rec.removeSource(prev)
		} else {
			res.NewSources++
			if err := t.docs.Put(byDocKey(h, r.id, r.start, r.end), nil); err != nil {
				return fmt.Errorf("write reading key: %w", err)
			}
			if err := t.sourceCounted(r.id, h, 1); err != nil {
				return err
			}
		}
		if err := putJSON(t.sources, sk, r.src); err != nil {
			return err
		}
		rec.addSource(r.src)
		t.dirty[r.id] = true
	}
	for sk, src := range old {
		if want[sk] || keepEditor && src.Rule == EditorRule {
			continue
		}
		p, err := parseSourceKey([]byte(sk))
		if err != nil {
			return err
		}
		rec, err := t.fact(p.id)
		if err != nil {
			return err
		}
		if rec == nil {
			return fmt.Errorf("source %x of missing fact %s", sk, p.id)
		}
		if err := t.sources.Delete([]byte(sk)); err != nil {
			return fmt.Errorf("delete source: %w", err)
		}
		if err := t.docs.Delete(byDocKey(h, p.id, p.start, p.end)); err != nil {
			return fmt.Errorf("delete reading key: %w", err)
		}
		if err := t.sourceCounted(p.id, h, -1); err != nil {
			return err
		}
		rec.removeSource(src)
		t.dirty[p.id] = true
		res.RemovedSources++
	}
	return nil
}

// Unchanged reports whether rel was already ingested with these raw bytes.
func (s *Store) Unchanged(rel, rawSHA256 string) (bool, error) {
	var same bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var f fileRec
		found, err := getJSON(tx.Bucket(bFiles), []byte(rel), &f)
		same = found && f.Raw == rawSHA256
		return err
	})
	if err != nil {
		return false, fmt.Errorf("check %s: %w", rel, err)
	}
	return same, nil
}

// Remove forgets the file rel (deleted from the folder): its document
// loses the path and, left with none, goes with its readings. Facts left
// without a source are dropped or orphaned as in Ingest.
func (s *Store) Remove(rel string) (IngestResult, error) {
	if s.readOnly {
		return IngestResult{}, fmt.Errorf("remove %s: %w", rel, errReadOnly)
	}
	var res IngestResult
	err := s.writeLSH(func(t *txn) error {
		res = IngestResult{}
		var prev fileRec
		found, err := getJSON(t.files, []byte(rel), &prev)
		if err != nil {
			return err
		}
		if !found {
			return ErrNotFound
		}
		res.DocSHA256 = prev.Doc
		h, err := docHash(prev.Doc)
		if err != nil {
			return err
		}
		if err := t.files.Delete([]byte(rel)); err != nil {
			return fmt.Errorf("delete file record: %w", err)
		}
		if err := t.removePath(h, rel, &res); err != nil {
			return err
		}
		return t.flush(&res)
	})
	if err != nil {
		return IngestResult{}, fmt.Errorf("remove %s: %w", rel, err)
	}
	return res, nil
}

// Files lists the ingested paths, sorted.
func (s *Store) Files() ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bFiles).ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list files: %w", err)
	}
	return out, nil
}
