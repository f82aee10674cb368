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

// queues lists what the rank and index buckets serve: for each status
// and all, the queue (List sorted by sources) in pages, the count of an
// unfiltered List, a programme's facts in id and key order, and the
// conflicts.
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
	out = append(out, fmt.Sprint("all ", n))
	// What the index serves: a programme's facts, in id and key order,
	// and the conflicts.
	for _, f := range []Filter{{Programme: "rsu"}, {Programme: "amo", Metric: "budget"}} {
		fs, err := s.Facts(f)
		if err != nil {
			t.Fatal(err)
		}
		page, n, err := s.List(ListOptions{Filter: f, Offset: 2, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		var keyed []string
		if err := s.Each(ListOptions{Filter: f, Sort: "key"}, func(x Fact) error {
			keyed = append(keyed, x.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%+v: %d facts; page %d of %d; keyed %v", f, len(fs), len(page), n, keyed))
		for _, x := range page {
			out = append(out, x.ID)
		}
	}
	cs, err := s.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		out = append(out, fmt.Sprintf("conflict %s %s %s %s: %d", c.Programme, c.Metric, c.AsOf, c.Unit, len(c.Facts)))
	}
	return strings.Join(out, "\n")
}

// writeSynth writes docs in batches of 64.
func writeSynth(t *testing.T, s *Store, docs []synthDoc) {
	t.Helper()
	writeBatches(t, s, docs, 64)
}

// writeBatches writes docs in batches of size.
func writeBatches(t *testing.T, s *Store, docs []synthDoc, size int) {
	t.Helper()
	b := s.NewBatch()
	for _, d := range docs {
		e, err := Prepare(d.rel, d.raw, d.doc, d.facts)
		if err != nil {
			t.Fatal(err)
		}
		b.Add(e)
		if b.Len() == size {
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
	if err := s.db.View(func(tx *bolt.Tx) error { fresh = derivedFresh(tx); return nil }); err != nil {
		t.Fatal(err)
	}
	return !fresh
}

// TestDeferred: a writer's batches leave their rank and index changes
// pending; readers read the same whether they are filed at Close, by a
// reader, by an editor's decision, left by a writer that died (read-only:
// from the records; the next writer rebuilds both), or filed within a
// batch past pendingMax.
func TestDeferred(t *testing.T) {
	docs := synthCorpus(400)
	dir := t.TempDir()

	// The reference: written, closed, opened again.
	ref := filepath.Join(dir, "ref.db")
	s, err := Open(ref, nil)
	if err != nil {
		t.Fatal(err)
	}
	writeSynth(t, s, docs)
	if s.pending.len() == 0 || !stale(t, s) {
		t.Fatalf("batches filed their changes (%d pending, stale %v)", s.pending.len(), stale(t, s))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ref, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if stale(t, s) {
		t.Fatal("Close left the rank and index stale")
	}
	mustCheck(t, s)
	want, wantExport := queues(t, s), export(t, s)
	s.Close()

	t.Run("reader files", func(t *testing.T) {
		s, _ := openTemp(t)
		writeSynth(t, s, docs)
		if got := queues(t, s); got != want {
			t.Errorf("reads with pending changes:\n got %s\nwant %s", got, want)
		}
		if s.pending.len() != 0 || stale(t, s) {
			t.Error("List left the changes pending")
		}
		mustCheck(t, s)
	})

	t.Run("reader inside a walk", func(t *testing.T) {
		// A reader called while a walk's callback runs (EachFact, Each),
		// in the writer's process, with changes pending (a batch
		// committed since the walk began), reads the records instead of
		// filing them: filing is a write, which may wait forever on the
		// walk's open read transaction (bbolt remaps the file).
		s, _ := openTemp(t)
		writeSynth(t, s, docs)
		s.walks.Add(1) // as a walk does around its read transaction
		got := queues(t, s)
		s.walks.Add(-1)
		if got != want {
			t.Errorf("reads while a walk is open:\n got %s\nwant %s", got, want)
		}
		if s.pending.len() == 0 || !stale(t, s) {
			t.Error("a reader filed the pending changes while a walk was open")
		}
		// Inside a real walk, with nothing pending (the walk filed
		// first), a reader reads the buckets.
		if err := s.EachFact(Filter{}, func(Fact) error {
			if _, _, err := s.List(ListOptions{Limit: 1}); err != nil {
				return err
			}
			return errStop
		}); err != nil && !errors.Is(err, errStop) {
			t.Fatal(err)
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
			t.Fatal("a writer that died left the rank and index marked fresh")
		}
		mustCheck(t, r)
		if got := queues(t, r); got != want {
			t.Errorf("reads of a stale rank and index, read-only:\n got %s\nwant %s", got, want)
		}
		if got := export(t, r); got != wantExport {
			t.Error("export of a stale rank and index differs")
		}
		r.Close()
		w, err := Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if stale(t, w) {
			t.Fatal("the next writer did not rebuild the rank and index")
		}
		mustCheck(t, w)
		if got := queues(t, w); got != want {
			t.Errorf("reads of a rebuilt rank and index:\n got %s\nwant %s", got, want)
		}
	})

	t.Run("filed in a batch", func(t *testing.T) {
		defer func(n int) { pendingMax = n }(pendingMax)
		pendingMax = 100
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
				if s.pending.len() == 0 {
					filed++
					if stale(t, s) {
						t.Fatal("a batch filed its changes and left it marked stale")
					}
				}
			}
		}
		if filed == 0 {
			t.Error("no batch filed its changes past pendingMax")
		}
		if got := queues(t, s); got != want {
			t.Errorf("reads:\n got %s\nwant %s", got, want)
		}
		mustCheck(t, s)
	})

	t.Run("filed in pieces", func(t *testing.T) {
		// Over the map's budget at once: each transaction files 256
		// changes, then lets go of the map.
		s, _ := openTemp(t)
		writeSynth(t, s, docs)
		defer func(b int64) { mapBudget = b }(mapBudget)
		mapBudget = 0
		n := s.pending.len()
		if err := s.flushPending(); err != nil {
			t.Fatal(err)
		}
		if n < 1024 || s.pending.len() != 0 || stale(t, s) {
			t.Fatalf("%d changes pending, %d left after filing, stale %v", n, s.pending.len(), stale(t, s))
		}
		mapBudget = 96 << 20
		if got := queues(t, s); got != want {
			t.Errorf("reads:\n got %s\nwant %s", got, want)
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
		if s.pending.len() == 0 {
			t.Fatal("no change pending")
		}
		if _, err := s.Review(fs[0].ID, Decision{Action: "accept", By: "test"}); err != nil {
			t.Fatal(err)
		}
		if s.pending.len() != 0 || stale(t, s) {
			t.Error("a decision left changes pending")
		}
		mustCheck(t, s)
		if _, err := s.Review(fs[0].ID, Decision{Action: "undo", By: "test"}); err != nil {
			t.Fatal(err)
		}
		if got := queues(t, s); got != want {
			t.Errorf("reads after a decision and its undo:\n got %s\nwant %s", got, want)
		}
	})
}

// TestDeferredRolledBack: a batch whose file fails rolls back that file's
// rank and index changes with the rest of its transaction; those of the
// files written stay pending, and file buckets that agree with the
// records.
func TestDeferredRolledBack(t *testing.T) {
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
	if failed != 1 || s.pending.len() == 0 {
		t.Fatalf("%d files failed (want 1), %d changes pending", failed, s.pending.len())
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
