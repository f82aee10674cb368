package store

import (
	"runtime"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/faits/faits/internal/synth"
)

// TestBatchSameAsOneByOne writes a corpus with reprints in batches of
// several sizes and checks that each store is consistent and exports what
// one transaction a file gives.
func TestBatchSameAsOneByOne(t *testing.T) {
	docs := synthCorpus(600)
	one, _ := openTemp(t)
	for _, d := range docs {
		if _, err := one.Ingest(d.rel, d.raw, d.doc, d.facts); err != nil {
			t.Fatal(err)
		}
	}
	mustCheck(t, one)
	want := export(t, one)
	for _, size := range []int{7, 64, 600} {
		s, _ := openTemp(t)
		writeBatches(t, s, docs, size)
		mustCheck(t, s)
		if got := export(t, s); got != want {
			t.Errorf("batches of %d: export differs from one file a transaction", size)
		}
	}
}

// TestBatchSplitOverBudget commits a batch whose writer passes the map's
// budget after every file: each file gets its own transaction, and the
// store ends as one transaction a file leaves it.
func TestBatchSplitOverBudget(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the mapped memory is measured on Linux only")
	}
	docs := synthCorpus(120)
	one, _ := openTemp(t)
	for _, d := range docs {
		if _, err := one.Ingest(d.rel, d.raw, d.doc, d.facts); err != nil {
			t.Fatal(err)
		}
	}
	want := export(t, one)
	defer func(b int64) { mapBudget = b }(mapBudget)
	mapBudget = 0
	s, _ := openTemp(t)
	txid := func() (id int) {
		t.Helper()
		if err := s.db.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil }); err != nil {
			t.Fatal(err)
		}
		return id
	}
	b := s.NewBatch()
	for _, d := range docs {
		e, err := Prepare(d.rel, d.raw, d.doc, d.facts)
		if err != nil {
			t.Fatal(err)
		}
		b.Add(e)
	}
	before := txid()
	ws, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if n := txid() - before; n != len(docs) {
		t.Errorf("%d transactions for %d files over the budget, want one a file", n, len(docs))
	}
	if len(ws) != len(docs) {
		t.Fatalf("%d results for %d files", len(ws), len(docs))
	}
	for i, w := range ws {
		if w.Err != nil || w.Rel != docs[i].rel {
			t.Fatalf("result %d: %s, %v; want %s written", i, w.Rel, w.Err, docs[i].rel)
		}
	}
	mustCheck(t, s)
	if got := export(t, s); got != want {
		t.Error("a batch split over the budget exports other facts than one file a transaction")
	}
}

// TestNearIdenticalLinear ingests a scraper's template pages (any two are
// reprints) and checks that the reprint work per page does not grow with
// their number: signature comparisons per page stay flat from 100 to 800
// pages, where comparing with every earlier page would grow eightfold, and
// group rewrites stay a few per page (a page rewrites itself, and a page
// smaller than the group's name renames the group: about once per page on
// average), where rewriting the group at each page would be n/2 a page.
func TestNearIdenticalLinear(t *testing.T) {
	work := func(n int) (cmp, rw float64) {
		s, _ := openTemp(t)
		b := s.NewBatch()
		for i := range n {
			a := synth.NearIdentical(3, i)
			e, err := Prepare(a.Name, a.Name, doc(string(a.Text), "tpl"), nil)
			if err != nil {
				t.Fatal(err)
			}
			b.Add(e)
			if b.Len() == 50 {
				if _, err := b.Commit(); err != nil {
					t.Fatal(err)
				}
			}
		}
		st, err := s.Stats()
		if err != nil {
			t.Fatal(err)
		}
		if st.ReprintGroups != 1 {
			t.Fatalf("%d template pages make %d reprint groups, want 1", n, st.ReprintGroups)
		}
		mustCheck(t, s)
		return float64(s.lsh.comparisons) / float64(n), float64(s.lsh.rewrites) / float64(n)
	}
	c1, r1 := work(100)
	c8, r8 := work(800)
	t.Logf("per page: %.2f comparisons, %.2f rewrites at 100; %.2f, %.2f at 800", c1, r1, c8, r8)
	if c8 > 2*c1 || c8 > 4 {
		t.Errorf("comparisons per page grow with the pages: %.2f at 100, %.2f at 800", c1, c8)
	}
	if r1 > 4 || r8 > 4 {
		t.Errorf("group rewrites per page grow with the pages: %.2f at 100, %.2f at 800", r1, r8)
	}
}

// TestIndexSaved: a writer that closes saves the reprint index and the
// next one loads it; an index that no longer matches the signatures (a
// writer that died before saving) is rebuilt; either way reprints are
// found.
func TestIndexSaved(t *testing.T) {
	s, path := openTemp(t)
	docs := synthCorpus(120)
	for _, d := range docs[:100] {
		ingest(t, s, d.rel, d.raw, d.doc, d.facts...)
	}
	built := s.lsh
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	loaded := func() *lshIndex {
		s, err := Open(path, &Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var idx *lshIndex
		s.db.View(func(tx *bolt.Tx) error { idx = loadLSH(tx); return nil })
		return idx
	}
	idx := loaded()
	if idx == nil {
		t.Fatal("no saved index after Close")
	}
	if !slices.Equal(idx.main, built.main) || !slices.Equal(idx.root, built.root) || len(idx.ordOf) != len(built.ordOf) {
		t.Fatal("saved index differs from the one built")
	}
	// A writer that adds documents and dies before saving: the count of
	// signature changes moves on, the saved index is stale.
	rewrite(t, path, bumpSigGen)
	if loaded() != nil {
		t.Fatal("stale index loaded")
	}
	// A writer that rebuilds it saves it, even when it adds no signature.
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, s, docs[0].rel+".copy", "raw copy", docs[0].doc, docs[0].facts...)
	s.Close()
	if loaded() == nil {
		t.Fatal("rebuilt index not saved")
	}
	rewrite(t, path, bumpSigGen)
	want := func(s *Store) string {
		for _, d := range docs[100:] {
			ingest(t, s, d.rel, d.raw, d.doc, d.facts...)
		}
		mustCheck(t, s)
		return export(t, s)
	}
	s, err = Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := want(s)
	s.Close()
	one, _ := openTemp(t)
	for _, d := range docs[:100] {
		ingest(t, one, d.rel, d.raw, d.doc, d.facts...)
	}
	ingest(t, one, docs[0].rel+".copy", "raw copy", docs[0].doc, docs[0].facts...)
	if want(one) != got {
		t.Error("store written across a rebuilt index differs from one written in one go")
	}
	if loaded() == nil {
		t.Error("index not saved again")
	}
}
