package serve

import (
	"iter"
	"time"

	"github.com/faits/faits/store"
)

// Backend is what the desk and the API need of a fact store. *store.Store
// satisfies it; tests use an in-memory fake so that handlers can be checked
// without a bbolt file.
type Backend interface {
	Facts(store.Filter) ([]store.Fact, error)
	// List, Summary and Sources read a page: facts with their first
	// few sources and their counts, and a fact's sources a page at a time.
	List(store.ListOptions) ([]store.Fact, int, error)
	Summary(id string, k int) (store.Fact, error)
	Sources(id string, offset, limit int) ([]store.Source, int, error)
	// All walks the facts matching a filter in id order, in one read
	// transaction (the export).
	All(store.Filter) iter.Seq2[store.Fact, error]
	// Files lists the paths ingested.
	Files() ([]string, error)
	Fact(id string) (store.Fact, error)
	Document(sha string) (store.Document, error)
	Review(id string, d store.Decision) (store.Fact, error)
	// Add records a fact an editor read where the rules found none.
	Add(store.Addition) (store.Fact, error)
	History(id string) ([]store.Event, error)
	Conflicts() ([]store.Conflict, error)
	// Flag sets or clears a fact's flag; ReviewAll decides many facts in
	// one transaction; Tally counts the decisions since a time.
	Flag(id string, on bool, by, note string) (store.Fact, error)
	ReviewAll(ids []string, d store.Decision) (int, error)
	Tally(since time.Time, by string) (store.Tally, error)
	// NotConflict rules a conflict group's values no conflict.
	NotConflict(ids []string, by, note string) ([]store.Fact, error)
}

var _ Backend = (*store.Store)(nil)

// independentSources counts the sources of f that are not reprints of one
// another (the store's rule, kept in one place).
func independentSources(f store.Fact) int { return f.IndependentSources() }
