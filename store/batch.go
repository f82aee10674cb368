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

// Batch is a group of files written in one transaction, with one fsync:
// the writer's cost per file then no longer includes a commit. A batch is
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
// but in one transaction. A crash leaves either all of them in the store
// or none. A file that cannot be written (say, two fact keys colliding on
// their id) fails alone: the others are written in transactions without
// it, and its Written.Err says why. The error returned is for the store as
// a whole (read-only, disk full); then no file of the batch was written.
func (b *Batch) Commit() ([]Written, error) {
	defer func() { b.entries, b.size = b.entries[:0], 0 }()
	if b.s.readOnly {
		return nil, fmt.Errorf("ingest: %w", errReadOnly)
	}
	out := make([]Written, 0, len(b.entries))
	rest := b.entries
	for len(rest) > 0 {
		res, bad, badErr, err := b.s.writeEntries(rest)
		if err != nil {
			return out, err
		}
		for i, r := range res {
			out = append(out, Written{Rel: rest[i].rel, Result: r})
		}
		if bad < 0 {
			break
		}
		out = append(out, Written{Rel: rest[bad].rel, Err: fmt.Errorf("ingest %s: %w", rest[bad].rel, badErr)})
		rest = rest[bad+1:]
	}
	return out, nil
}

// writeEntries writes es in one transaction. When entry bad fails, it
// writes es[:bad] (which went through before it) in another and returns
// their results, bad and its error.
func (s *Store) writeEntries(es []*Entry) (res []IngestResult, bad int, badErr error, err error) {
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
			// A batch of 256 files touched up to 200 MB of the map:
			// look between files, not only between transactions. The
			// transaction's changes live in its own memory, so the
			// map's pages can go (they fault back from the page cache).
			releaseOverBudget(s.db, t.mapSize)
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
	// Write what went through before the failing entry, then report it.
	res, bad2, bad2Err, err := s.writeEntries(es[:bad])
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
