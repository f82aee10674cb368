package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// seedBody approximates what the cleaner keeps of a seed article: its long
// lines (the navigation and headline lists around them are short). The
// store test must not depend on package corpus, which has tests of its own.
func seedBody(t testing.TB, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	var paras []string
	for _, line := range strings.Split(string(raw), "\n") {
		if len(line) > 100 {
			paras = append(paras, strings.TrimSpace(line))
		}
	}
	return strings.Join(paras, "\n\n")
}

func seedNames(t testing.TB) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join("..", "testdata", "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// reprint003 is seed 003 as another site would carry it: its own furniture
// before and after, and a few words changed.
func reprint003(t testing.TB) string {
	body := seedBody(t, "003_eeea78cfebe039dd.txt")
	for _, r := range [][2]string{{"a dévoilé lundi", "a révélé lundi"}, {"ambitieuse", "audacieuse"}, {"réellement", "vraiment"}} {
		if !strings.Contains(body, r[0]) {
			t.Fatalf("seed 003 lost %q", r[0])
		}
		body = strings.Replace(body, r[0], r[1], 1)
	}
	return "Par Le Matin avec MAP\n\nPublié le 10/02/2025\n\n" + body + "\n\nLire aussi : Santé, le gouvernement mise sur la proximité\n\nPartager cet article"
}

func TestSimilarity(t *testing.T) {
	orig := seedBody(t, "003_eeea78cfebe039dd.txt")
	a, _, okA := minhash(orig)
	b, _, okB := minhash(reprint003(t))
	if !okA || !okB {
		t.Fatal("seed too short to sign")
	}
	if !reprints(&a, &b) {
		t.Errorf("reprint of 003 not detected: similarity %.2f", similarity(&a, &b))
	}
	names := seedNames(t)
	for i, x := range names {
		for _, y := range names[i+1:] {
			sx, _, _ := minhash(seedBody(t, x))
			sy, _, _ := minhash(seedBody(t, y))
			if reprints(&sx, &sy) {
				t.Errorf("%s and %s, two articles on the same subject, taken for reprints (%.2f)", x, y, similarity(&sx, &sy))
			}
		}
	}
	if _, _, ok := minhash("trop court pour comparer"); ok {
		t.Error("a four-word text was signed")
	}
}

// TestReprintAcceptance is issue 6's first acceptance check at the store
// level: the seeds, then 003 reprinted elsewhere, then the seeds again.
func TestReprintAcceptance(t *testing.T) {
	s, _ := openTemp(t)
	names := seedNames(t)
	const figure = "527.000 dossiers"
	seeds := func() {
		for _, n := range names {
			body := seedBody(t, n)
			var fs []extractFact
			if strings.Contains(body, figure) {
				fs = append(fs, fact(t, body, figure, 0, "amo", "files_processed", "file", 527000, "2025-02"))
			}
			ingest(t, s, n, "raw "+n, doc(body, n), fs...)
		}
	}
	seeds()
	first := export(t, s)
	rb := reprint003(t)
	res := ingest(t, s, "other-site/003.html", "raw reprint", doc(rb, "reprint"), fact(t, rb, figure, 0, "amo", "files_processed", "file", 527000, "2025-02"))
	if res.ReprintGroup == "" {
		t.Fatal("reprint not grouped")
	}
	seeds()
	fs, err := s.Facts(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 {
		t.Fatalf("%d facts, want 1", len(fs))
	}
	f := fs[0]
	if len(f.Sources) != 2 {
		t.Fatalf("%d sources, want 2: %+v", len(f.Sources), f.Sources)
	}
	docs := []string{f.Sources[0].Doc, f.Sources[1].Doc}
	if !slices.Equal(docs, []string{"003_eeea78cfebe039dd.txt", "other-site/003.html"}) {
		t.Errorf("sources from %q", docs)
	}
	if g := f.Sources[0].ReprintGroup; g == "" || g != f.Sources[1].ReprintGroup {
		t.Errorf("sources not marked as reprints of one another: %q, %q", g, f.Sources[1].ReprintGroup)
	}
	if n := f.IndependentSources(); n != 1 {
		t.Errorf("IndependentSources = %d, want 1", n)
	}
	if first == export(t, s) {
		t.Error("export did not change with the reprint")
	}
	mustCheck(t, s)
}

// TestGroupsIndependentOfOrder builds a chain of reprints (each close to
// the next, the ends further apart) and checks that every ingest order
// gives the same groups, and that removing the middle splits the chain.
func TestGroupsIndependentOfOrder(t *testing.T) {
	base := strings.Fields(seedBody(t, "003_eeea78cfebe039dd.txt"))[:240]
	variant := func(from, to int) string {
		w := slices.Clone(base)
		for i := from; i < to; i++ {
			w[i] = "mot" + w[i]
		}
		return strings.Join(w, " ")
	}
	// a and c differ in 100 of 240 words (Jaccard about 0.39); b lies
	// halfway (about 0.63 to each).
	docs := map[string]string{"a": variant(0, 0), "b": variant(0, 50), "c": variant(0, 100)}
	sa, _, _ := minhash(docs["a"])
	sb, _, _ := minhash(docs["b"])
	sc, _, _ := minhash(docs["c"])
	if !reprints(&sa, &sb) || !reprints(&sb, &sc) || reprints(&sa, &sc) {
		t.Fatalf("fixture is not a chain: a-b %.2f, b-c %.2f, a-c %.2f", similarity(&sa, &sb), similarity(&sb, &sc), similarity(&sa, &sc))
	}
	// Each copy gives one fact: its independent sources count the group
	// once (the writer reads a document's group from the reprint index).
	const figure = "527.000 dossiers"
	for n := range docs {
		docs[n] += " Le programme compte " + figure + "."
	}
	// indep is the count the writer keeps in the fact's record (Check
	// counts it again from the documents).
	indep := func(s *Store) int {
		t.Helper()
		mustCheck(t, s)
		var recs []factRec
		err := s.db.View(func(tx *bolt.Tx) error {
			return eachRecord(tx.Bucket(bFacts), func(_, v []byte) error {
				var r factRec
				recs = append(recs, r)
				return json.Unmarshal(v, &recs[len(recs)-1])
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 {
			t.Fatalf("%d facts, want 1", len(recs))
		}
		return recs[0].Indep
	}
	var want string
	for _, order := range [][]string{{"a", "b", "c"}, {"a", "c", "b"}, {"b", "c", "a"}, {"c", "a", "b"}} {
		s, _ := openTemp(t)
		groups := map[string]string{}
		for i, n := range order {
			ingest(t, s, n, n, doc(docs[n], n), fact(t, docs[n], figure, 0, "amo", "files_processed", "file", 527000, "2025-02"))
			if i == 1 {
				// Two of the three: reprints of each other, unless they
				// are the chain's ends.
				wantIndep := 1
				if order[0] != "b" && order[1] != "b" {
					wantIndep = 2
				}
				if got := indep(s); got != wantIndep {
					t.Errorf("order %v, after %v: %d independent sources, want %d", order, order[:2], got, wantIndep)
				}
			}
		}
		if got := indep(s); got != 1 {
			t.Errorf("order %v: %d independent sources, want 1 (one group)", order, got)
		}
		for _, n := range []string{"a", "b", "c"} {
			d, err := s.Document(rawHash(docs[n]))
			if err != nil {
				t.Fatal(err)
			}
			groups[n] = d.ReprintGroup
		}
		if groups["a"] == "" || groups["a"] != groups["b"] || groups["b"] != groups["c"] {
			t.Errorf("order %v: groups %v, want one group", order, groups)
		}
		got := groups["a"]
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("order %v: group %s, another order gave %s", order, got, want)
		}
		if _, err := s.Remove("b"); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"a", "c"} {
			if d, _ := s.Document(rawHash(docs[n])); d.ReprintGroup != "" {
				t.Errorf("order %v: after removing b, %s still in %s", order, n, d.ReprintGroup)
			}
		}
		if got := indep(s); got != 2 {
			t.Errorf("order %v: after removing b, %d independent sources, want 2", order, got)
		}
		mustCheck(t, s)
	}
}

// TestIndependentInOneBatch writes the chain of TestGroupsIndependentOfOrder
// in one transaction, where the writer keeps each fact's count of origins
// as sources come (txn.indep) rather than counting them again: a document
// that merges two groups, and one whose new text leaves its group (the
// group splits), must leave the counts Check finds.
func TestIndependentInOneBatch(t *testing.T) {
	base := strings.Fields(seedBody(t, "003_eeea78cfebe039dd.txt"))[:240]
	variant := func(from, to int) string {
		w := slices.Clone(base)
		for i := from; i < to; i++ {
			w[i] = "mot" + w[i]
		}
		return strings.Join(w, " ") + " Le programme compte 527.000 dossiers."
	}
	texts := map[string]string{"a": variant(0, 0), "b": variant(0, 50), "c": variant(0, 100), "b2": variant(120, 240)}
	entry := func(rel, text string) *Entry {
		e, err := Prepare(rel, rawHash(text), doc(text, rel), []extractFact{fact(t, text, "527.000 dossiers", 0, "amo", "files_processed", "file", 527000, "2025-02")})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	for _, order := range [][]string{{"a", "c", "b"}, {"b", "a", "c"}, {"c", "b", "a"}} {
		s, _ := openTemp(t)
		b := s.NewBatch()
		for _, n := range order {
			b.Add(entry(n, texts[n]))
		}
		// b's file now holds another text, no reprint of a or c: the
		// group splits within the same transaction.
		b.Add(entry("b", texts["b2"]))
		mustCommit(t, b)
		mustCheck(t, s)
		fs, err := s.Facts(Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 1 || fs[0].IndependentSources() != 3 {
			t.Errorf("order %v: facts %+v, want one with 3 independent sources", order, fs)
		}
	}
}

// TestIndependentRereadWithEditorSource: a document with an editor's
// source is removed (which, since 193c8e5, takes that source too; it used
// to be left behind) and read again in a transaction that had counted the
// fact, joining a group: the counts kept in the transaction must follow
// whatever the removal left.
func TestIndependentRereadWithEditorSource(t *testing.T) {
	base := strings.Fields(seedBody(t, "003_eeea78cfebe039dd.txt"))[:240]
	const figure = "527.000 dossiers"
	text := func(prefix string, from, to int) string {
		w := slices.Clone(base)
		for i := from; i < to; i++ {
			w[i] = prefix + w[i]
		}
		return strings.Join(w, " ") + " Le programme compte " + figure + "."
	}
	f := func(body string) extractFact {
		return fact(t, body, figure, 0, "amo", "files_processed", "file", 527000, "2025-02")
	}
	a, b := text("", 0, 0), text("mot", 0, 50) // reprints of each other
	x, y, z := text("x", 0, 240), text("y", 0, 240), text("z", 0, 240)
	// Both ways round: the group is named after the smaller hash, and
	// only the removed document's joining a group it does not name
	// leaves the others as they are.
	for _, p := range [][2]string{{a, b}, {b, a}} {
		removed, kept := p[0], p[1]
		s, _ := openTemp(t)
		ingest(t, s, "x", "x", doc(x, "x"), f(x))
		res := ingest(t, s, "r", "r", doc(removed, "r"))
		ingest(t, s, "k", "k", doc(kept, "k"), f(kept))
		at := strings.Index(removed, figure)
		if _, err := s.Add(Addition{DocSHA256: res.DocSHA256, Start: at, End: at + len(figure), Programme: "amo",
			Metric: "files_processed", Unit: "file", Value: 527000, AsOf: "2025-02", By: "amina"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Remove("r"); err != nil {
			t.Fatal(err)
		}
		b := s.NewBatch()
		for _, e := range []struct{ rel, text string }{{"y", y}, {"r", removed}, {"z", z}} {
			var facts []extractFact
			if e.rel != "r" {
				facts = append(facts, f(e.text))
			}
			en, err := Prepare(e.rel, rawHash(e.text), doc(e.text, e.rel), facts)
			if err != nil {
				t.Fatal(err)
			}
			b.Add(en)
		}
		mustCommit(t, b)
		mustCheck(t, s)
		var recs []factRec
		if err := s.db.View(func(tx *bolt.Tx) error {
			return eachRecord(tx.Bucket(bFacts), func(_, v []byte) error {
				var r factRec
				if err := json.Unmarshal(v, &r); err != nil {
					return err
				}
				recs = append(recs, r)
				return nil
			})
		}); err != nil {
			t.Fatal(err)
		}
		// x, the group of r and k, y, z.
		if len(recs) != 1 || recs[0].Indep != 4 {
			t.Errorf("facts %+v, want one with 4 independent sources", recs)
		}
	}
}
