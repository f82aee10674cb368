package goldset

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/faits/faits/eval"
	"github.com/faits/faits/extract"
)

// writeSet writes a gold set of our own: two articles, their gold and
// documents files, in dir (or with the gold apart, as the seeds keep it).
func writeSet(t *testing.T, root, name string, apart bool) string {
	t.Helper()
	dir := filepath.Join(root, name)
	files := map[string]string{
		"a.txt": "Titre : Un\n\nPublié le 3 mars 2025\n\nLe régime AMO Tadamon couvre désormais 11,2 millions de personnes, a indiqué le ministre.\n",
		"b.txt": "Titre : Deux\n\nPublié le 4 mars 2025\n\nPlus de 4 millions de ménages touchent l'aide sociale directe, selon l'agence.\n",
		"c.txt": "Titre : Trois\n\nPublié le 5 mars 2025\n\nLe ministre a visité trois hôpitaux.\n",
	}
	gold := `{"doc": "a.txt", "programme": "amo-tadamon", "metric": "beneficiaries", "value": 11200000, "unit": "person", "qualifier": "exact", "as_of": "2025-03", "quote": "couvre désormais 11,2 millions de personnes"}
{"doc": "b.txt", "programme": "asd", "metric": "beneficiaries", "value": 4000000, "unit": "household", "qualifier": "more_than", "as_of": "2025-03", "quote": "Plus de 4 millions de ménages"}
`
	docs := `{"doc": "a.txt", "published": "2025-03-03", "title": "Un"}
{"doc": "b.txt", "published": "2025-03-04", "title": "Deux"}
{"doc": "c.txt", "published": "2025-03-05", "title": "Trois"}
`
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for n, body := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	goldDir, goldName, docsName := dir, "gold.jsonl", "docs.jsonl"
	if apart {
		goldDir, goldName, docsName = filepath.Join(root, "gold"), name+".jsonl", name+"-docs.jsonl"
		if err := os.MkdirAll(goldDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(goldDir, goldName), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(goldDir, docsName), []byte(docs), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoadAndFind(t *testing.T) {
	root := t.TempDir()
	writeSet(t, root, "mine", false)
	writeSet(t, root, "seedlike", true)
	for _, name := range []string{"mine", "seedlike"} {
		s, err := Load(filepath.Join(root, name))
		if err != nil {
			t.Fatalf("Load %s: %v", name, err)
		}
		if s.Name != name || len(s.Docs) != 3 || len(s.Gold) != 2 {
			t.Errorf("Load %s: name %q, %d docs, %d gold; want 3 docs, 2 gold", name, s.Name, len(s.Docs), len(s.Gold))
		}
		if s.Docs[1].Published != "2025-03-04" {
			t.Errorf("Load %s: b.txt published %q", name, s.Docs[1].Published)
		}
	}
	sets, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != 2 || sets[0].Name != "mine" || sets[1].Name != "seedlike" {
		t.Errorf("Find found %d sets", len(sets))
	}
	if _, err := Load(filepath.Join(root, "nowhere")); err == nil {
		t.Errorf("Load of a missing folder: no error")
	}
}

func TestFoldsPartition(t *testing.T) {
	s, err := Load(writeSet(t, t.TempDir(), "mine", false))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 5} {
		for _, d := range []string{"a.txt", "b.txt", "c.txt"} {
			in := 0
			for k := 0; k < n; k++ {
				if s.Fold(d, k, n) {
					in++
				}
			}
			if in != 1 {
				t.Errorf("%d folds: %s is in %d folds, want 1", n, d, in)
			}
		}
	}
	if s.Fold("nope.txt", 0, 1) {
		t.Errorf("a document outside the set is in a fold")
	}
}

func TestExamplesAndScore(t *testing.T) {
	s, err := Load(writeSet(t, t.TempDir(), "mine", false))
	if err != nil {
		t.Fatal(err)
	}
	exs := s.Examples(func(doc string) bool { return doc != "c.txt" })
	if len(exs) != 2 || exs[0].Name != "mine/a.txt" || len(exs[0].Labels) != 1 || !exs[0].Complete {
		t.Fatalf("examples = %+v", exs)
	}
	r, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Score(r, nil)
	if rep.Documents != 3 || rep.Required != 2 {
		t.Errorf("scored %d documents, %d required; want 3 and 2", rep.Documents, rep.Required)
	}
	if rep.Matched != 2 {
		t.Errorf("matched %d of 2 (misses %v, extras %v)", rep.Matched, rep.Misses, rep.Extras)
	}
}

func TestClassify(t *testing.T) {
	g := func(prog, metric string, v float64) eval.Gold {
		return eval.Gold{Doc: "d", Programme: prog, Metric: metric, Unit: "person", Value: v}
	}
	k := func(prog, metric string, v float64) eval.Key {
		return eval.Key{Doc: "d", Programme: prog, Metric: metric, Unit: "person", Value: v}
	}
	rep := eval.Report{
		Misses: []eval.Gold{g("asd", "beneficiaries", 1), g("asd", "beneficiaries", 2), g("asd", "beneficiaries", 3), g("asd", "beneficiaries", 4)},
		Extras: []eval.Key{k("rsu", "beneficiaries", 1), k("asd", "enrolled", 2), k("rsu", "enrolled", 3), k("asd", "beneficiaries", 9)},
	}
	got := Classify(rep)
	want := Kinds{WrongProgramme: 1, WrongMetric: 1, WrongBoth: 1, NotProposed: 1, NonFact: 1}
	if got != want {
		t.Errorf("Classify = %+v, want %+v", got, want)
	}
}
