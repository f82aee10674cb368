package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// queues lists, for each status and all, the queue (List sorted by
// sources) in pages, and the count of an unfiltered List: what the rank
// bucket serves.
func queues(t *testing.T, s *Store) string {
	t.Helper()
	var out []string
	for _, status := range []string{"", StatusPending, StatusAccepted, StatusOrphaned} {
		for _, page := range []ListOptions{{Limit: 7}, {Offset: 5, Limit: 11}, {}} {
			page.Sort, page.Status = "sources", status
			fs, n, err := s.List(page)
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]string, len(fs))
			for i, f := range fs {
				ids[i] = fmt.Sprintf("%s %d/%d", f.ID, f.IndependentCount, f.SourceCount)
			}
			out = append(out, fmt.Sprintf("%s %+v: %d %v", status, page, n, ids))
		}
	}
	_, n, err := s.List(ListOptions{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(out, " all ", n)
}

// writeSynth writes docs in batches of 64.
func writeSynth(t *testing.T, s *Store, docs []synthDoc) {
	t.Helper()
	b := s.NewBatch()
	for _, d := range docs {
		e, err := Prepare(d.rel, d.raw, d.doc, d.facts)
		if err != nil {
			t.Fatal(err)
		}
		b.Add(e)
		if b.Len() == 64 {
			mustCommit(t, b)
		}
	}
	mustCommit(t, b)
}

// crash ends s as a killed writer would: no pending change filed, no
// index saved.
func crash(t *testing.T, s *Store) {
	t.Helper()
	s.closeOnce.Do(func() {
		os.Remove(s.sidecar)
		if err := s.db.Close(); err != nil {
			t.Fatal(err)
		}
	})
}

func stale(t *testing.T, s *Store) bool {
	t.Helper()
	var fresh bool
	if err := s.db.View(func(tx *bolt.Tx) error { fresh = rankFresh(tx); return nil }); err != nil {
		t.Fatal(err)
	}
	return !fresh
}

// TestRankDeferred: a writer's batches leave their rank changes pending;
// the queue reads the same whether they are filed at Close, by a reader,
// by an editor's decision, left by a writer that died (read-only: from the
// records; the next writer rebuilds the rank), or filed within a batch
// past rankLogMax.
func TestRankDeferred(t *testing.T) {
	docs := synthCorpus(400)
	dir := t.TempDir()

	// The reference: written, closed, opened again.
	ref := filepath.Join(dir, "ref.db")
	s, err := Open(ref, nil)
	if err != nil {
		t.Fatal(err)
	}
	writeSynth(t, s, docs)
	if len(s.rankPending) == 0 || !stale(t, s) {
		t.Fatalf("batches filed their rank changes (%d pending, stale %v)", len(s.rankPending), stale(t, s))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ref, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if stale(t, s) {
		t.Fatal("Close left the rank stale")
	}
	mustCheck(t, s)
	want, wantExport := queues(t, s), export(t, s)
	s.Close()

	t.Run("reader files", func(t *testing.T) {
		s, _ := openTemp(t)
		writeSynth(t, s, docs)
		if got := queues(t, s); got != want {
			t.Errorf("queue with pending rank changes:\n got %s\nwant %s", got, want)
		}
		if len(s.rankPending) != 0 || stale(t, s) {
			t.Error("List left the rank changes pending")
		}
		mustCheck(t, s)
	})

	t.Run("writer died", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "faits.db")
		s, err := Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		writeSynth(t, s, docs)
		crash(t, s)
		r, err := Open(path, &Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if !stale(t, r) {
			t.Fatal("a writer that died left the rank marked fresh")
		}
		mustCheck(t, r)
		if got := queues(t, r); got != want {
			t.Errorf("queue of a stale rank, read-only:\n got %s\nwant %s", got, want)
		}
		if got := export(t, r); got != wantExport {
			t.Error("export of a stale rank differs")
		}
		r.Close()
		w, err := Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if stale(t, w) {
			t.Fatal("the next writer did not rebuild the rank")
		}
		mustCheck(t, w)
		if got := queues(t, w); got != want {
			t.Errorf("queue of a rebuilt rank:\n got %s\nwant %s", got, want)
		}
	})

	t.Run("filed in a batch", func(t *testing.T) {
		defer func(n int) { rankLogMax = n }(rankLogMax)
		rankLogMax = 100
		s, _ := openTemp(t)
		b := s.NewBatch()
		filed := 0
		for i, d := range docs {
			e, err := Prepare(d.rel, d.raw, d.doc, d.facts)
			if err != nil {
				t.Fatal(err)
			}
			b.Add(e)
			if b.Len() == 16 || i == len(docs)-1 {
				mustCommit(t, b)
				if len(s.rankPending) == 0 {
					filed++
					if stale(t, s) {
						t.Fatal("a batch filed the rank and left it marked stale")
					}
				}
			}
		}
		if filed == 0 {
			t.Error("no batch filed its rank changes past rankLogMax")
		}
		if got := queues(t, s); got != want {
			t.Errorf("queue:\n got %s\nwant %s", got, want)
		}
		mustCheck(t, s)
	})

	t.Run("decision files", func(t *testing.T) {
		s, _ := openTemp(t)
		writeSynth(t, s, docs[:200])
		fs, _, err := s.List(ListOptions{Limit: 1}) // files them
		if err != nil {
			t.Fatal(err)
		}
		writeSynth(t, s, docs[200:])
		if len(s.rankPending) == 0 {
			t.Fatal("no rank change pending")
		}
		if _, err := s.Review(fs[0].ID, Decision{Action: "accept", By: "test"}); err != nil {
			t.Fatal(err)
		}
		if len(s.rankPending) != 0 || stale(t, s) {
			t.Error("a decision left rank changes pending")
		}
		mustCheck(t, s)
		if _, err := s.Review(fs[0].ID, Decision{Action: "undo", By: "test"}); err != nil {
			t.Fatal(err)
		}
		if got := queues(t, s); got != want {
			t.Errorf("queue after a decision and its undo:\n got %s\nwant %s", got, want)
		}
	})
}

// TestRankRolledBack: a batch whose file fails rolls back that file's
// rank changes with the rest of its transaction; those of the files
// written stay pending, and file a rank that agrees with the records.
func TestRankRolledBack(t *testing.T) {
	s, _ := openTemp(t)
	docs := synthCorpus(100)
	writeSynth(t, s, docs[:50])
	b := s.NewBatch()
	broken := false
	for _, d := range docs[50:] {
		e, err := Prepare(d.rel, d.raw, d.doc, d.facts)
		if err != nil {
			t.Fatal(err)
		}
		if !broken && len(e.readings) > 1 && !e.readings[0].key.equal(e.readings[1].key) {
			// Two keys under one id: the writer refuses the file.
			e.readings[1].id = e.readings[0].id
			broken = true
		}
		b.Add(e)
	}
	ws, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, w := range ws {
		if w.Err != nil {
			failed++
		}
	}
	if failed != 1 || len(s.rankPending) == 0 {
		t.Fatalf("%d files failed (want 1), %d rank changes pending", failed, len(s.rankPending))
	}
	mustCheck(t, s)
}

// TestSchema5Migrated: a schema 5 file (whose rank is always filed) is
// refused read-only with the way out, and opened read-write as it was,
// at schema 6.
func TestSchema5Migrated(t *testing.T) {
	s, path := openTemp(t)
	writeSynth(t, s, synthCorpus(100))
	s.Close()
	rewrite(t, path, setVersion(5))
	var se *SchemaError
	if _, err := Open(path, &Options{ReadOnly: true}); !errors.As(err, &se) || se.Version != 5 || !strings.Contains(err.Error(), "open it once read-write") {
		t.Fatalf("read-only open of schema 5: %v", err)
	}
	r, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var v int
	if err := r.db.View(func(tx *bolt.Tx) error { v, _, err = readVersion(tx); return err }); err != nil || v != 6 {
		t.Fatalf("version %d after migration (%v)", v, err)
	}
	mustCheck(t, r)
}
