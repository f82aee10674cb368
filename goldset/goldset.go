// Package goldset reads gold sets — folders of articles with the facts a
// careful reader found in them — and uses them two ways: as training
// examples for the extraction model (extract.Train) and as a test of an
// extractor (Score), including the cross-validated scores that say how it
// does on articles it did not learn from.
//
// A set is a folder of .txt and .html articles with gold.jsonl and
// docs.jsonl (spec/facts.md), as testdata/fresh*/ and ../shared/real/ are.
// The seeds keep their gold apart: testdata/gold/NAME.jsonl and
// NAME-docs.jsonl speak for the articles of testdata/NAME/.
package goldset

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/eval"
	"github.com/faits/faits/extract"
)

// Set is one gold set with its articles read.
type Set struct {
	// Weight is how much each of its documents counts in training (0
	// means 1): see extract.Example.Weight.
	Weight float64
	// Name is the folder's name ("fresh5", "real").
	Name string
	Dir  string
	Gold []eval.Gold
	// Docs are the documents the gold speaks for, in name order, with
	// their clean text.
	Docs []*corpus.Document
}

// Load reads the set in dir: gold.jsonl, docs.jsonl and every article
// docs.jsonl names. A folder without gold.jsonl whose gold stands apart
// (testdata/seeds with testdata/gold/seeds.jsonl) is read from there.
func Load(dir string) (*Set, error) {
	name := filepath.Base(filepath.Clean(dir))
	gold, docs := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "docs.jsonl")
	if !fileExists(gold) {
		apart := filepath.Join(filepath.Dir(filepath.Clean(dir)), "gold")
		if g, d := filepath.Join(apart, name+".jsonl"), filepath.Join(apart, name+"-docs.jsonl"); fileExists(g) && fileExists(d) {
			gold, docs = g, d
		}
	}
	return load(name, dir, gold, docs)
}

// LoadFiles reads a set whose gold and documents files stand apart from its
// articles (testdata/gold/seeds.jsonl for testdata/seeds/).
func LoadFiles(dir, goldFile, docsFile string) (*Set, error) {
	return load(filepath.Base(filepath.Clean(dir)), dir, goldFile, docsFile)
}

func load(name, dir, goldFile, docsFile string) (*Set, error) {
	s := &Set{Name: name, Dir: dir}
	gf, err := os.Open(goldFile)
	if err != nil {
		return nil, fmt.Errorf("gold set %s: %w", dir, err)
	}
	s.Gold, err = eval.ReadGold(gf)
	gf.Close()
	if err != nil {
		return nil, fmt.Errorf("gold set %s: %s: %w", dir, goldFile, err)
	}
	df, err := os.Open(docsFile)
	if err != nil {
		return nil, fmt.Errorf("gold set %s: %w", dir, err)
	}
	infos, err := eval.ReadDocs(df)
	df.Close()
	if err != nil {
		return nil, fmt.Errorf("gold set %s: %s: %w", dir, docsFile, err)
	}
	sort.Slice(infos, func(a, b int) bool { return infos[a].Doc < infos[b].Doc })
	for _, in := range infos {
		p := filepath.Join(dir, in.Doc)
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("gold set %s: %w", dir, err)
		}
		d, err := corpus.Parse(p, raw)
		if err != nil {
			return nil, fmt.Errorf("gold set %s: %s: %w", dir, in.Doc, err)
		}
		s.Docs = append(s.Docs, d)
	}
	return s, nil
}

// Find lists the gold sets under root (testdata/): every folder with
// gold.jsonl and docs.jsonl, and every gold/NAME.jsonl with its
// NAME-docs.jsonl and a folder NAME. Sorted by name.
func Find(root string) ([]*Set, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("gold sets: %w", err)
	}
	var sets []*Set
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		if fileExists(filepath.Join(dir, "gold.jsonl")) && fileExists(filepath.Join(dir, "docs.jsonl")) {
			s, err := Load(dir)
			if err != nil {
				return nil, err
			}
			sets = append(sets, s)
		}
	}
	golds, _ := filepath.Glob(filepath.Join(root, "gold", "*.jsonl"))
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".jsonl")
		docs := filepath.Join(root, "gold", name+"-docs.jsonl")
		dir := filepath.Join(root, name)
		if strings.HasSuffix(name, "-docs") || !fileExists(docs) || !fileExists(dir) {
			continue
		}
		s, err := LoadFiles(dir, g, docs)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	sort.Slice(sets, func(a, b int) bool { return sets[a].Name < sets[b].Name })
	return sets, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// docName is the name gold files use for a document.
func docName(d *corpus.Document) string { return filepath.Base(d.File) }

// Input is what the extractor reads of a document, as ingest gives it.
func Input(d *corpus.Document) extract.Input {
	return extract.Input{Text: d.Body, Published: d.Published, Title: d.Title}
}

// Examples turns the set's documents (all, or those keep accepts) into
// training examples: each document's gold facts are its labels, and the
// gold is complete, so a figure it does not list is no fact.
func (s *Set) Examples(keep func(doc string) bool) []extract.Example {
	byDoc := map[string][]extract.Label{}
	for _, g := range s.Gold {
		byDoc[g.Doc] = append(byDoc[g.Doc], GoldLabel(g))
	}
	var out []extract.Example
	for _, d := range s.Docs {
		n := docName(d)
		if keep != nil && !keep(n) {
			continue
		}
		out = append(out, extract.Example{Name: s.Name + "/" + n, Input: Input(d), Labels: byDoc[n], Complete: true, Weight: s.Weight})
	}
	return out
}

// GoldLabel turns a gold fact into a label for any figure of its document.
func GoldLabel(g eval.Gold) extract.Label {
	return extract.Label{
		Programmes: append([]string{g.Programme}, g.ProgrammeAlt...),
		Metrics:    append([]string{g.Metric}, g.MetricAlt...),
		Unit:       g.Unit, Value: g.Value, ValueMax: g.ValueMax,
		Optional: g.Optional, At: -1, Quote: g.Quote,
	}
}

// Score reads the set's documents (all, or those keep accepts) with r and
// scores the facts against the gold as spec/facts.md says.
func (s *Set) Score(r *extract.Rules, keep func(doc string) bool) eval.Report {
	var preds []eval.Prediction
	var docs []string
	for _, d := range s.Docs {
		n := docName(d)
		if keep != nil && !keep(n) {
			continue
		}
		docs = append(docs, n)
		facts, _ := r.Extract(Input(d))
		for _, f := range facts {
			preds = append(preds, eval.Prediction{Doc: n, Programme: f.Programme, Metric: f.Metric, Unit: f.Unit,
				Value: f.Value, ValueMax: f.ValueMax, AsOf: f.AsOf, Qualifier: f.Qualifier, Quote: f.Quote})
		}
	}
	var gold []eval.Gold
	for _, g := range s.Gold {
		if keep == nil || keep(g.Doc) {
			gold = append(gold, g)
		}
	}
	return eval.Score(gold, preds, eval.Options{Docs: docs})
}

// Fold says whether document doc belongs to fold k of n: the set's
// documents in name order, dealt out in turn. The folds depend on the
// names alone, so they are the same on every machine and every run.
func (s *Set) Fold(doc string, k, n int) bool {
	for i, d := range s.Docs {
		if docName(d) == doc {
			return i%n == k
		}
	}
	return false
}
