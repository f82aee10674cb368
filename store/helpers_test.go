package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
)

// clock is a fake time source that advances one second per call, so that
// event times and change times are distinct and reproducible.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func newClock() *clock { return &clock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)} }

// openTemp opens a new store in a temporary directory.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "faits.db")
	c := newClock()
	s, err := Open(path, &Options{Owner: "store test", Now: c.now})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func rawHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// fact builds an extracted fact for the n-th occurrence (from 0) of span
// in body.
func fact(t testing.TB, body, span string, n int, programme, metric, unit string, value float64, asOf string) extract.Fact {
	t.Helper()
	at, from := -1, 0
	for i := 0; i <= n; i++ {
		j := strings.Index(body[from:], span)
		if j < 0 {
			t.Fatalf("span %q (occurrence %d) not in body", span, n)
		}
		at = from + j
		from = at + len(span)
	}
	return extract.Fact{
		Programme: programme, Metric: metric, Unit: unit, Value: value, Qualifier: "exact", AsOf: asOf,
		Span: span, Start: at, End: at + len(span), Quote: sentenceAround(body, at), Rule: metric + "/test",
	}
}

func sentenceAround(body string, at int) string {
	start := strings.LastIndexAny(body[:at], ".\n") + 1
	end := strings.IndexAny(body[at:], ".\n")
	if end < 0 {
		end = len(body) - at
	}
	return strings.TrimSpace(body[start : at+end])
}

func doc(body, title string) *corpus.Document {
	return &corpus.Document{Body: body, Title: title, Site: "site.test", Published: "2025-02-17", PublishedFrom: "meta"}
}

func ingest(t testing.TB, s *Store, rel, raw string, d *corpus.Document, facts ...extract.Fact) IngestResult {
	t.Helper()
	res, err := s.Ingest(rel, rawHash(raw), d, facts)
	if err != nil {
		t.Fatalf("Ingest %s: %v", rel, err)
	}
	return res
}

// mustCommit commits b and fails the test on any file's error.
func mustCommit(t testing.TB, b *Batch) {
	t.Helper()
	ws, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if w.Err != nil {
			t.Fatal(w.Err)
		}
	}
}

func mustCheck(t testing.TB, s *Store) {
	t.Helper()
	if err := s.Check(); err != nil {
		t.Fatalf("store inconsistent: %v", err)
	}
}

func export(t testing.TB, s *Store) string {
	t.Helper()
	fs, err := s.Facts(Filter{})
	if err != nil {
		t.Fatalf("Facts: %v", err)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, f := range fs {
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func mustFact(t testing.TB, s *Store, id string) Fact {
	t.Helper()
	f, err := s.Fact(id)
	if err != nil {
		t.Fatalf("Fact %s: %v", id, err)
	}
	return f
}

func f64(v float64) *float64 { return &v }
func str(v string) *string   { return &v }

type extractFact = extract.Fact
