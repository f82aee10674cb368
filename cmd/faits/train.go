package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/faits/faits/extract"
	"github.com/faits/faits/goldset"
	"github.com/faits/faits/store"
)

func init() {
	register("train", "learn the extraction model's weights from gold sets and the editors' decisions", runTrain)
}

// defaultRealSet is the real articles' gold set, read when it is there.
const defaultRealSet = "../shared/real"

func runTrain(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("train", "train [-o FILE] [--set DIR]... [--gold FILE --docs FILE --articles DIR] [--store DB] [--rules FILE] [--method logistic|perceptron] [--epochs N] [--l2 X] [--word-l2 X] [--rules-dropout X] [--draws N] [--weight SET=X]...", env)
	out := fset.String("o", "", "write the model to FILE (default: standard output)")
	var sets multiFlag
	fset.Var(&sets, "set", "a gold set folder (articles, gold.jsonl, docs.jsonl); repeatable. Default: every set under testdata/ and "+defaultRealSet+" when present")
	goldFile := fset.String("gold", "", "a gold file whose articles are in --articles (with --docs)")
	docsFile := fset.String("docs", "", "the documents file of --gold")
	articles := fset.String("articles", "", "the folder of --gold's articles")
	storePath := fset.String("store", "", "also learn from the editors' decisions in this store (accepted: right; rejected: wrong; edited or added: the editor's reading)")
	rulesFile := fset.String("rules", env.Getenv("FAITS_RULES"), "rules file (default: the embedded rules)")
	tf := addTrainFlags(fset)
	if done, err := parseFlags(fset, args); done {
		return err
	}
	topt, err := tf.options()
	if err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return usagef("train: takes no argument (name sets with --set DIR)")
	}
	if (*goldFile == "") != (*docsFile == "") || (*goldFile == "") != (*articles == "") {
		return usagef("train: --gold, --docs and --articles go together")
	}
	rules, _, err := loadRules(*rulesFile)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	all, err := trainingSets(sets, *goldFile, *docsFile, *articles)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if err := tf.weigh(all); err != nil {
		return err
	}
	var exs []extract.Example
	var names []string
	for _, s := range all {
		exs = append(exs, s.Examples(nil)...)
		if s.Weight > 0 && s.Weight != 1 {
			names = append(names, fmt.Sprintf("%s (%d, weight %g)", s.Name, len(s.Docs), s.Weight))
		} else {
			names = append(names, fmt.Sprintf("%s (%d)", s.Name, len(s.Docs)))
		}
	}
	if *storePath != "" {
		se, err := storeExamples(*storePath, env)
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		exs = append(exs, se...)
		names = append(names, fmt.Sprintf("store %s (%d documents with decisions)", filepath.Base(*storePath), len(se)))
	}
	if len(exs) == 0 {
		return fmt.Errorf("train: no example to learn from")
	}
	m, st := extract.Train(rules, exs, extract.TrainOptions{Method: topt.Method, Epochs: topt.Epochs, L2: topt.L2, WordL2: topt.WordL2, RulesDropout: topt.RulesDropout, Draws: topt.Draws, Notes: []string{
		"faits extraction model: feature<TAB>weight (extract/model.go); made by faits train",
		"learned from: " + strings.Join(names, ", "),
	}})
	data := m.Bytes()
	if *out == "" {
		_, err = env.Stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	fmt.Fprintf(env.Stderr, "trained on %d documents: %d figures (%d facts, %d non-facts), %d features; %d figures of the training data still read wrong\n",
		st.Documents, st.Positive+st.Negative, st.Positive, st.Negative, m.Len(), st.TrainErrors)
	return nil
}

// trainingSets are the sets named, or by default every set under
// testdata/ and the real articles when ../shared is there.
func trainingSets(dirs []string, goldFile, docsFile, articles string) ([]*goldset.Set, error) {
	var out []*goldset.Set
	for _, d := range dirs {
		s, err := goldset.Load(d)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if goldFile != "" {
		s, err := goldset.LoadFiles(articles, goldFile, docsFile)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) > 0 || goldFile != "" {
		return out, nil
	}
	return defaultSets()
}

// defaultSets are every gold set under testdata/ and, when present,
// ../shared/real.
func defaultSets() ([]*goldset.Set, error) {
	sets, err := goldset.Find("testdata")
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(defaultRealSet, "gold.jsonl")); err == nil {
		s, err := goldset.Load(defaultRealSet)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// storeExamples turns the editors' decisions into examples, one per
// document: an accepted fact's reading is right at each of its sources, a
// rejected one's is wrong there, an edited or added fact's values are the
// right reading at its sources. A figure no editor decided on teaches
// nothing (the examples are incomplete).
func storeExamples(path string, env *Env) ([]extract.Example, error) {
	st, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	defer st.Close()
	byDoc := map[string][]extract.Label{}
	for d, err := range st.Decisions() {
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
		f := d.Fact
		label := extract.Label{Programmes: []string{f.Programme}, Metrics: []string{f.Metric}, Unit: f.Unit, Value: f.Value, ValueMax: f.ValueMax}
		switch d.Outcome {
		case store.StatusAccepted, "added", store.StatusEdited:
		case store.StatusRejected:
			// What was rejected is what the rules read.
			label = extract.Label{Programmes: []string{d.Read.Programme}, Metrics: []string{d.Read.Metric}, Unit: d.Read.Unit,
				Value: d.Read.Value, ValueMax: d.Read.ValueMax, Wrong: true}
		default:
			continue
		}
		for _, s := range f.Sources {
			l := label
			l.At = s.Start
			byDoc[s.DocSHA256] = append(byDoc[s.DocSHA256], l)
		}
	}
	shas := make([]string, 0, len(byDoc))
	for sha := range byDoc {
		shas = append(shas, sha)
	}
	sort.Strings(shas)
	var out []extract.Example
	for _, sha := range shas {
		doc, err := st.Document(sha)
		if err != nil {
			return nil, fmt.Errorf("store %s: document %s: %w", path, sha, err)
		}
		out = append(out, extract.Example{Name: "store/" + sha, Input: extract.Input{Text: doc.Body, Published: doc.Published, Title: doc.Title}, Labels: byDoc[sha]})
	}
	return out, nil
}
