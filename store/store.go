// The store's API: Open, the exported records and the types of the read
// and review calls. doc.go describes the file layout.

package store

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrNotFound is returned for an unknown fact or document.
var ErrNotFound = errors.New("not found")

// DefaultTimeout is the lock wait used when Options.Timeout is zero.
const DefaultTimeout = time.Second

// Options configure Open. A nil *Options means read-write with defaults.
type Options struct {
	// ReadOnly opens the file with a shared lock; writes fail.
	ReadOnly bool
	// Timeout bounds the wait for the file lock (default 1s); past it Open
	// fails with "database is in use by another faits process (pid N)".
	Timeout time.Duration
	// Owner names the holder ("faits ingest", "faits serve") so that a
	// second process can say who holds the file.
	Owner string
	// Now replaces time.Now for event times and change times, so that
	// tests and replays are reproducible. Nil means time.Now.
	Now func() time.Time
}

// Store is an open fact store. It is safe for concurrent use by goroutines.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
	now      func() time.Time
	// sidecar is the owner file written while holding the write lock, ""
	// for a read-only store.
	sidecar   string
	closeOnce sync.Once
	closeErr  error
	// wmu serialises the writes that use lsh, the in-memory reprint
	// index (nil until the first write needs it).
	wmu sync.Mutex
	lsh *lshIndex
	// lshChanged: the index holds changes not saved (saveIndex).
	lshChanged bool
	// pending holds the writer's rank and index changes not yet filed
	// in their buckets (deferred.go), guarded by wmu; dirty says it is
	// not empty, for readers that do not take wmu.
	pending pending
	dirty   atomic.Bool
	// walks counts the walks (EachFact, Each) running: their callbacks
	// run inside a read transaction, and a reader called from one must
	// not file the pending changes (a write under an open read
	// transaction may wait on it forever: bbolt's remap). It reads the
	// records instead, as a read-only store does.
	walks atomic.Int32
}

// Open opens (creating it if needed, unless read-only) the store at path.
//
// A read-write Open takes bbolt's exclusive lock for as long as the store
// stays open; a read-only one takes a shared lock, so readers coexist with
// each other but not with a writer. When the lock cannot be had within
// Options.Timeout, Open returns a *LockedError. A store written by an older
// faits is migrated (read-write only); one written by a newer faits is
// refused with a *SchemaError.
func Open(path string, opts *Options) (*Store, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	timeout := o.Timeout
	switch {
	case timeout == 0:
		timeout = DefaultTimeout
	case timeout < 0:
		timeout = 0 // bbolt: wait forever
	}
	if o.ReadOnly {
		// bbolt would report a missing file as a bare ENOENT from open(2).
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: timeout, ReadOnly: o.ReadOnly})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, lockedError(path)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path, readOnly: o.ReadOnly, now: o.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if !o.ReadOnly {
		s.sidecar = ownerPath(path)
		if err := writeOwner(s.sidecar, o.Owner); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.checkSchema(); err != nil {
		s.Close()
		return nil, err
	}
	if !o.ReadOnly {
		if err := s.repairDerived(); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// Close releases the file. It is safe to call more than once.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if !s.readOnly {
			s.closeErr = errors.Join(s.flushPending(), s.saveIndex())
		}
		// The owner file goes first: once the lock is released another
		// writer may already have written its own.
		if s.sidecar != "" {
			if err := os.Remove(s.sidecar); err != nil && !errors.Is(err, os.ErrNotExist) {
				s.closeErr = fmt.Errorf("remove owner file: %w", err)
			}
		}
		if err := s.db.Close(); err != nil && s.closeErr == nil {
			s.closeErr = fmt.Errorf("close store %s: %w", s.path, err)
		}
	})
	return s.closeErr
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Document is a stored article, identified by the SHA-256 of its clean text.
type Document struct {
	SHA256        string   `json:"sha256"`
	Paths         []string `json:"paths"`
	Title         string   `json:"title"`
	Site          string   `json:"site"`
	Author        string   `json:"author"`
	URL           string   `json:"url"`
	Published     string   `json:"published"`
	PublishedFrom string   `json:"published_from"`
	Body          string   `json:"body"`
	// ReprintGroup is shared by near-duplicate documents (the same dispatch
	// reprinted); "" when the document has none.
	ReprintGroup string `json:"reprint_group,omitempty"`
	// Copies lists, when the document came in more than one file (the same
	// clean text), every file with its own site, URL and date, in path
	// order; the fields above are the first one's. Read from the files'
	// records, never stored with the document.
	Copies []Copy `json:"copies,omitempty"`
}

// Source is one place a fact was read (spec/facts.md).
type Source struct {
	Doc           string `json:"doc"`
	DocSHA256     string `json:"doc_sha256"`
	Title         string `json:"title"`
	Site          string `json:"site"`
	URL           string `json:"url"`
	Published     string `json:"published"`
	Span          string `json:"span"`
	Start         int    `json:"start"`
	End           int    `json:"end"`
	Quote         string `json:"quote"`
	Qualifier     string `json:"qualifier"`
	Rule          string `json:"rule"`
	ProgrammeFrom string `json:"programme_from,omitempty"`
	// Why names the features that weighed most for the reading the model
	// chose (extract.Fact.Why); "" for a rules-only reading.
	Why          string `json:"why,omitempty"`
	ReprintGroup string `json:"reprint_group,omitempty"`
	// Copies lists every file of the source's document when there is more
	// than one (Document.Copies): "Le Matin ran it too" is not lost. Absent
	// for a document of one file.
	Copies []Copy `json:"copies,omitempty"`
}

// Fact is the exported fact record of spec/facts.md.
type Fact struct {
	ID        string   `json:"id"`
	Programme string   `json:"programme"`
	Metric    string   `json:"metric"`
	Value     float64  `json:"value"`
	ValueMax  *float64 `json:"value_max,omitempty"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier"`
	AsOf      string   `json:"as_of"`
	Modality  string   `json:"modality,omitempty"`
	Status    string   `json:"status"`
	// Decision is, for an orphaned fact only, the editor's decision it
	// keeps ("accepted", "rejected", "edited", or "pending" after undos).
	Decision string `json:"decision,omitempty"`
	// Flagged is set while an editor's flag asks for a second look
	// (Store.Flag); absent from JSON otherwise.
	Flagged bool `json:"flagged,omitempty"`
	// SourceCount and IndependentCount are set by List, whose facts carry
	// only their first few Sources: how many sources the fact has, and how
	// many independent ones (see IndependentSources). Zero, and absent
	// from JSON, on a fact that carries all its sources.
	SourceCount      int      `json:"source_count,omitempty"`
	IndependentCount int      `json:"independent_sources,omitempty"`
	Sources          []Source `json:"sources"`
}

// IngestResult says what one Ingest call changed.
type IngestResult struct {
	Skipped    bool // the file was unchanged since the last ingest
	NewFacts   int
	NewSources int
	// RemovedSources counts sources that the file's previous version gave
	// and this one no longer does.
	RemovedSources int
	// Dropped counts facts left without a source and deleted; Orphaned
	// those kept, with status "orphaned", because an editor acted on them.
	Dropped, Orphaned int
	// DocSHA256 is the SHA-256 of the document's clean text.
	DocSHA256 string
	// ReprintGroup is the document's near-duplicate group after the call.
	ReprintGroup string
}

// Filter selects facts; empty fields match everything.
type Filter struct {
	Programme, Metric, Status, Rule, Site string
	Doc                                   string // a source's doc path
	DocSHA256                             string
	Since                                 time.Time // changed at or after
	// Text keeps facts with a source whose sentence, figure or document
	// title holds it, case and accents ignored.
	Text string
	// Flagged keeps the flagged facts only.
	Flagged bool
}

// Edit holds an editor's corrected values; zero fields keep the fact's own.
type Edit struct {
	Value     *float64 `json:"value,omitempty"`
	ValueMax  *float64 `json:"value_max,omitempty"`
	Programme string   `json:"programme,omitempty"`
	Metric    string   `json:"metric,omitempty"`
	Unit      string   `json:"unit,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	AsOf      *string  `json:"as_of,omitempty"`
}

// Decision is an editor's action on a fact: "accept", "reject", "edit" or
// "undo" (revert the fact's last decision).
type Decision struct {
	Action string
	By     string
	Note   string
	Edit   *Edit
}

// Event is one decision as kept in a fact's history, forever.
//
// Before and After are the fact's state around the decision without its
// Sources (those belong to ingestion, not to the editor).
type Event struct {
	// Seq orders events across the whole store; it never repeats.
	Seq    uint64    `json:"seq"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Action string    `json:"action"`
	Note   string    `json:"note,omitempty"`
	Before Fact      `json:"before"`
	After  Fact      `json:"after"`
	// Undoes is the Seq of the decision an "undo" reverted.
	Undoes uint64 `json:"undoes,omitempty"`
}

// Conflict groups facts with the same programme, metric and as_of but
// different values. Facts of different units are never compared, so a
// group also shares its Unit.
type Conflict struct {
	Programme string `json:"programme"`
	Metric    string `json:"metric"`
	AsOf      string `json:"as_of"`
	Unit      string `json:"unit"`
	Facts     []Fact `json:"facts"`
}
