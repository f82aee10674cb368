package store

import (
	"errors"
	"fmt"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
)

// Entry is one file ready to be written: its document, the facts read from
// it checked against the document's text, and the document's reprint
// signature. Prepare makes it; it does not touch the store.
type Entry struct {
	rel, raw string
	doc      *corpus.Document
	h        [32]byte
	readings []reading
	sg       signed
	packed   []byte // the body as stored
}

// Prepare checks one file's facts against its document (each span must be
// the text at its offsets) and computes what the writer needs (keys, the
// text's hash and reprint signature). It is the CPU-heavy part of a write
// and safe to call from many goroutines, so that a single writer only
// writes. rel is the file's path relative to the folder ingested;
// rawSHA256 is compared as an opaque string (see Ingest).
func Prepare(rel, rawSHA256 string, doc *corpus.Document, facts []extract.Fact) (*Entry, error) {
	if rel == "" || doc == nil {
		return nil, fmt.Errorf("ingest: empty path or nil document")
	}
	h := bodyHash(doc.Body)
	readings, err := prepare(h, doc.Body, facts)
	if err != nil {
		return nil, fmt.Errorf("ingest %s: %w", rel, err)
	}
	return &Entry{rel: rel, raw: rawSHA256, doc: doc, h: h, readings: readings, sg: sign(doc.Body), packed: packBody(doc.Body)}, nil
}

// Rel is the path the entry was prepared for.
func (e *Entry) Rel() string { return e.rel }

// Batch is a group of files written in one transaction (or a few, see
// Commit), with one fsync each: the writer's cost per file then no longer
// includes a commit. A batch is
// used by one goroutine; Commit empties it for reuse.
type Batch struct {
	s       *Store
	entries []*Entry
	size    int
}

// NewBatch starts an empty batch.
func (s *Store) NewBatch() *Batch { return &Batch{s: s} }

// Add queues a prepared file; nothing is written before Commit.
func (b *Batch) Add(e *Entry) {
	b.entries = append(b.entries, e)
	b.size += len(e.doc.Body)
}

// Len is the number of files queued.
func (b *Batch) Len() int { return len(b.entries) }

// Size is the number of bytes of clean text queued, to bound a batch's
// memory along with its length.
func (b *Batch) Size() int { return b.size }

// Written is what Commit did with one file: its result, or the reason it
// was not written.
type Written struct {
	Rel    string
	Result IngestResult
	Err    error
}

// errEntry marks a transaction rolled back because of one entry.
var errEntry = errors.New("entry failed")

// Commit writes the queued files, in the order they were added, as if each
// were ingested alone in that order (the same store, the same results),
// in one transaction, or a few when the pages the writer read pass the
// map's budget (see writeEntries). A crash leaves the files of the
// transactions committed, a prefix of the batch, and none of the others;
// a rerun skips the first (unchanged) and writes the others, in the same
// order, so it ends with the store a clean run gives. A file that cannot
// be written (say, two fact keys colliding on their id) fails alone: the
// others are written in transactions without it, and its Written.Err says
// why. The error returned is for the store as a whole (read-only, disk
// full); then the files not listed in the results were not written.
func (b *Batch) Commit() ([]Written, error) {
	defer func() { b.entries, b.size = b.entries[:0], 0 }()
	if b.s.readOnly {
		return nil, fmt.Errorf("ingest: %w", errReadOnly)
	}
	out := make([]Written, 0, len(b.entries))
	rest := b.entries
	for len(rest) > 0 {
		res, bad, badErr, err := b.s.writeEntries(rest, true)
		if err != nil {
			return out, err
		}
		for i, r := range res {
			out = append(out, Written{Rel: rest[i].rel, Result: r})
		}
		if bad < 0 {
			rest = rest[len(res):]
			continue
		}
		out = append(out, Written{Rel: rest[bad].rel, Err: fmt.Errorf("ingest %s: %w", rest[bad].rel, badErr)})
		rest = rest[bad+1:]
	}
	// Every file is written: a failure to file the rank and index (the
	// store's, as a full disk) leaves them pending, to be filed later.
	if err := b.s.fileIfFull(); err != nil {
		return out, fmt.Errorf("ingest: %w", err)
	}
	return out, nil
}

// writeEntries writes es, or the first of them, in one transaction. When
// entry bad fails, it writes es[:bad] (which went through before it) in
// another and returns their results, bad and its error. Otherwise it
// returns the results of the entries written: all of them, or, with
// split, the first ones, when the map's pages the transaction read passed
// the budget (at least one).
//
// The pages a transaction reads stay mapped until it commits: its nodes
// point into them, and the commit reads them again to sort and write the
// nodes. Let go between two files (as before), they were faulted in a
// second time by the commit, whose resident memory then passed the budget
// by about as much again (a fault costs tens of microseconds on a virtual
// machine). Ending the transaction there and letting go after its commit
// bounds the map by the budget and faults each page once.
func (s *Store) writeEntries(es []*Entry, split bool) (res []IngestResult, bad int, badErr error, err error) {
	bad = -1
	err = s.writeLSH(func(t *txn) error {
		res = res[:0]
		for i, e := range es {
			r, err := t.ingest(e)
			if err != nil {
				bad, badErr = i, err
				return errEntry
			}
			res = append(res, r)
			if split && i+1 < len(es) && overBudget() {
				break
			}
		}
		return nil
	})
	switch {
	case err == nil:
		return res, -1, nil, nil
	case !errors.Is(err, errEntry):
		return nil, -1, nil, fmt.Errorf("ingest: %w", err)
	case bad == 0:
		return nil, 0, badErr, nil
	}
	// Write what went through before the failing entry, then report it
	// (whole: those entries went through in one transaction already).
	res, bad2, bad2Err, err := s.writeEntries(es[:bad], false)
	if err == nil && bad2 >= 0 {
		// An entry that went through once failing on its own means the
		// store is in trouble.
		err = fmt.Errorf("ingest %s: %w", es[bad2].rel, bad2Err)
	}
	if err != nil {
		return nil, -1, nil, err
	}
	return res, bad, badErr, nil
}
