package store

import (
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Statuses a fact can have (spec/facts.md, plus "orphaned").
const (
	StatusPending  = "pending"
	StatusAccepted = "accepted"
	StatusRejected = "rejected"
	StatusEdited   = "edited"
	// StatusOrphaned marks a fact an editor acted on whose every source
	// has since gone; it is kept so that the decision is not lost.
	StatusOrphaned = "orphaned"
)

// factRec is a fact as the facts bucket holds it: the key the rules read,
// what its sources say, and the editor's state.
type factRec struct {
	Programme string   `json:"programme"`
	Metric    string   `json:"metric"`
	Unit      string   `json:"unit"`
	Value     float64  `json:"value"`
	ValueMax  *float64 `json:"value_max,omitempty"`
	AsOf      string   `json:"as_of"`
	// Sources counts the fact's sources (keys after its record); Qualifiers
	// and Modalities count them by qualifier and modality ("" for an
	// achieved figure) so that the fact's own can be chosen without
	// reading every source on each ingest.
	Sources int `json:"sources"`
	// Indep counts the sources' distinct origins (Fact.IndependentSources),
	// kept for the queue's order (the rank bucket).
	Indep      int            `json:"indep,omitempty"`
	Qualifiers map[string]int `json:"qualifiers,omitempty"`
	Modalities map[string]int `json:"modalities,omitempty"`
	// Qualifier and Modality are the last ones chosen, kept for when the
	// fact is orphaned and has no source to choose from.
	Qualifier string `json:"qualifier"`
	Modality  string `json:"modality,omitempty"`
	// Review is the current decision ("" = pending), Edit the editor's
	// values laid over the key, Events the number of decisions ever made.
	Review string `json:"review,omitempty"`
	Edit   *Edit  `json:"edit,omitempty"`
	Events int    `json:"events,omitempty"`
	// Distinct is the conflict group (sorted fact ids, this one included)
	// an editor ruled no conflict (NotConflict); nil without a ruling.
	Distinct []string `json:"distinct,omitempty"`
	// Flagged: an editor asked for a second look (Store.Flag).
	Flagged bool `json:"flagged,omitempty"`
	// Changed is when the exported record last changed (Unix ns); it is
	// what Filter.Since compares and never leaves the store.
	Changed int64 `json:"changed"`
}

func (r *factRec) key() Key {
	return Key{Programme: r.Programme, Metric: r.Metric, Unit: r.Unit, Value: r.Value, ValueMax: r.ValueMax, AsOf: r.AsOf}
}

// view is the fact as exported, without sources.
func (r *factRec) view(id string) Fact {
	f := Fact{
		ID: id, Programme: r.Programme, Metric: r.Metric, Value: r.Value, ValueMax: r.ValueMax,
		Unit: r.Unit, Qualifier: r.Qualifier, AsOf: r.AsOf, Modality: r.Modality, Status: r.status(),
		Flagged: r.Flagged,
	}
	if f.Status == StatusOrphaned {
		f.Decision = r.Review
		if f.Decision == "" {
			f.Decision = StatusPending
		}
	}
	if e := r.Edit; e != nil {
		if e.Value != nil {
			f.Value = *e.Value
		}
		if e.ValueMax != nil {
			f.ValueMax = e.ValueMax
		}
		if e.Programme != "" {
			f.Programme = e.Programme
		}
		if e.Metric != "" {
			f.Metric = e.Metric
		}
		if e.Unit != "" {
			f.Unit = e.Unit
		}
		if e.Qualifier != "" {
			f.Qualifier = e.Qualifier
		}
		if e.AsOf != nil {
			f.AsOf = *e.AsOf
		}
	}
	return f
}

func (r *factRec) status() string {
	switch {
	case r.Sources == 0:
		return StatusOrphaned
	case r.Review == "":
		return StatusPending
	}
	return r.Review
}

// addSource and removeSource keep the counters in step with the sources
// bucket and re-choose the fact's qualifier and modality.
func (r *factRec) addSource(s storedSource) {
	r.Sources++
	r.Qualifiers = bump(r.Qualifiers, s.Qualifier, 1)
	r.Modalities = bump(r.Modalities, s.Modality, 1)
	r.choose()
}

func (r *factRec) removeSource(s storedSource) {
	r.Sources--
	r.Qualifiers = bump(r.Qualifiers, s.Qualifier, -1)
	r.Modalities = bump(r.Modalities, s.Modality, -1)
	r.choose()
}

func bump(m map[string]int, k string, d int) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[k] += d
	if m[k] <= 0 {
		delete(m, k)
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// choose takes the most frequent qualifier and modality, the smallest
// name on a tie, so that the choice depends on the set of sources and not
// on the order they came in.
func (r *factRec) choose() {
	if r.Sources == 0 {
		return // keep the last choice for an orphan
	}
	r.Qualifier = mostFrequent(r.Qualifiers)
	r.Modality = mostFrequent(r.Modalities)
}

func mostFrequent(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best, n := "", 0
	for _, k := range keys {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// storedSource is what the store holds of a reading (a source); the
// document's path and metadata are joined in at read time from the docs
// bucket, so that a renamed, re-titled or regrouped document never leaves
// stale copies behind.
type storedSource struct {
	Span          string `json:"span"`
	Quote         string `json:"quote"`
	Qualifier     string `json:"qualifier"`
	Modality      string `json:"modality,omitempty"`
	Rule          string `json:"rule"`
	ProgrammeFrom string `json:"programme_from,omitempty"`
	// Why names the features that weighed most for the reading the model
	// chose (extract.Fact.Why); "" for a rules-only reading.
	Why string `json:"why,omitempty"`
}

// fileRec is what the files bucket holds for an ingested path.
type fileRec struct {
	Raw           string `json:"raw"` // SHA-256 of the file's bytes
	Doc           string `json:"doc"` // SHA-256 of its clean text
	Title         string `json:"title,omitempty"`
	Site          string `json:"site,omitempty"`
	Author        string `json:"author,omitempty"`
	URL           string `json:"url,omitempty"`
	Published     string `json:"published,omitempty"`
	PublishedFrom string `json:"published_from,omitempty"`
}

// eventRec is an Event plus what undo needs: the decision state before it.
type eventRec struct {
	Event
	Edit       *Edit  `json:"edit,omitempty"`
	PrevReview string `json:"prev_review,omitempty"`
	PrevEdit   *Edit  `json:"prev_edit,omitempty"`
	// Ruling marks a NotConflict event, whose undo restores PrevDistinct
	// (and leaves the review alone).
	Ruling       bool     `json:"ruling,omitempty"`
	PrevDistinct []string `json:"prev_distinct,omitempty"`
}

func getJSON(b *bolt.Bucket, k []byte, v any) (bool, error) {
	raw := b.Get(k)
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("decode record %q: %w", k, err)
	}
	return true, nil
}

func putJSON(b *bolt.Bucket, k []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %q: %w", k, err)
	}
	if err := b.Put(k, raw); err != nil {
		return fmt.Errorf("write %q: %w", k, err)
	}
	return nil
}
