// Package store keeps deduplicated facts, their sources, the documents they
// come from and editors' decisions in a bbolt file. Callers never see a bucket.
//
// SKELETON: signatures agreed between the stages; bodies are being written.
package store

import (
	"errors"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
)

// ErrNotFound is returned for an unknown fact or document.
var ErrNotFound = errors.New("not found")

var errNotImplemented = errors.New("store: not implemented yet")

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
}

// Store is an open fact store. It is safe for concurrent use by goroutines.
type Store struct{}

// Open opens (creating it if needed, unless read-only) the store at path.
func Open(path string, opts *Options) (*Store, error) { return nil, errNotImplemented }

// Close releases the file.
func (s *Store) Close() error { return nil }

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
	ReprintGroup  string `json:"reprint_group,omitempty"`
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
	Sources   []Source `json:"sources"`
}

// IngestResult says what one Ingest call changed.
type IngestResult struct {
	Skipped    bool // the file was unchanged since the last ingest
	NewFacts   int
	NewSources int
}

// Ingest records one file: its raw bytes' hash (to skip it next time when
// unchanged), its clean document and the facts read from it. rel is the
// path relative to the folder given to ingest.
func (s *Store) Ingest(rel string, rawSHA256 string, doc *corpus.Document, facts []extract.Fact) (IngestResult, error) {
	return IngestResult{}, errNotImplemented
}

// Unchanged reports whether rel was already ingested with these raw bytes.
func (s *Store) Unchanged(rel, rawSHA256 string) (bool, error) { return false, errNotImplemented }

// Filter selects facts; empty fields match everything.
type Filter struct {
	Programme, Metric, Status, Rule, Site string
	Doc                                   string // a source's doc path
	DocSHA256                             string
	Since                                 time.Time // changed at or after
}

// Facts returns the facts matching f, sorted by id.
func (s *Store) Facts(f Filter) ([]Fact, error) { return nil, errNotImplemented }

// Fact returns one fact by id.
func (s *Store) Fact(id string) (Fact, error) { return Fact{}, errNotImplemented }

// Document returns one document by the SHA-256 of its clean text.
func (s *Store) Document(sha string) (Document, error) { return Document{}, errNotImplemented }

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
type Event struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Action string    `json:"action"`
	Note   string    `json:"note,omitempty"`
	Before Fact      `json:"before"`
	After  Fact      `json:"after"`
}

// Review applies d to the fact id and returns the fact's new state.
func (s *Store) Review(id string, d Decision) (Fact, error) { return Fact{}, errNotImplemented }

// History returns the fact's events, oldest first.
func (s *Store) History(id string) ([]Event, error) { return nil, errNotImplemented }

// Conflict groups facts with the same programme, metric and as_of but
// different values.
type Conflict struct {
	Programme string `json:"programme"`
	Metric    string `json:"metric"`
	AsOf      string `json:"as_of"`
	Facts     []Fact `json:"facts"`
}

// Conflicts lists every conflict group.
func (s *Store) Conflicts() ([]Conflict, error) { return nil, errNotImplemented }
