package main

import (
	"fmt"
	"io"

	"github.com/faits/faits/eval"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/goldset"
)

// This file: faits eval on gold sets read in memory (a folder, the
// leave-one-set-out and the cross-validated scores). The store is not
// involved: each set's articles are cleaned and read as ingest reads them,
// and the facts are scored per document as spec/facts.md says.

// evalSet scores one set folder with rules (and their model).
func evalSet(w io.Writer, dir string, rules *extract.Rules, verbose bool) (eval.Report, error) {
	s, err := goldset.Load(dir)
	if err != nil {
		return eval.Report{}, err
	}
	rep := s.Score(rules, nil)
	printReport(w, rep, verbose)
	goldset.Classify(rep).Print(w, "errors by kind")
	return rep, nil
}

// scoreRow is one line of --loso or --cv: the rules alone and with the
// model trained without the held-out documents.
func scoreRow(w io.Writer, name string, docs int, rulesOnly, model eval.Report) {
	fmt.Fprintf(w, "%-14s %5d %6d   %.3f %.3f %.3f   %.3f %.3f %.3f  %.3f\n", name, docs, rulesOnly.Required,
		rulesOnly.Precision.Value(), rulesOnly.Recall.Value(), rulesOnly.F1(),
		model.Precision.Value(), model.Recall.Value(), model.F1(), model.AsOf.Value())
}

func scoreHeader(w io.Writer, what string) {
	fmt.Fprintf(w, "%-14s %5s %6s   %-17s   %-17s  %s\n", what, "docs", "gold", "rules only P/R/F1", "model P/R/F1", "as_of")
}

// loso trains on every set but one and scores that one, for each set.
func loso(w io.Writer, rules *extract.Rules, sets []*goldset.Set, opt extract.TrainOptions) (float64, error) {
	if len(sets) < 2 {
		return 0, fmt.Errorf("--loso needs two gold sets or more, found %d", len(sets))
	}
	scoreHeader(w, "held-out set")
	sum := 0.0
	var kr, km goldset.Kinds
	for i, held := range sets {
		var exs []extract.Example
		for j, s := range sets {
			if j != i {
				exs = append(exs, s.Examples(nil)...)
			}
		}
		m, _ := extract.Train(rules, exs, opt)
		ro := held.Score(rules.WithModel(nil), nil)
		md := held.Score(rules.WithModel(m), nil)
		scoreRow(w, held.Name, len(held.Docs), ro, md)
		sum += md.F1()
		kr, km = kr.Add(goldset.Classify(ro)), km.Add(goldset.Classify(md))
	}
	kr.Print(w, "rules only, errors by kind")
	km.Print(w, "model, errors by kind")
	mean := sum / float64(len(sets))
	fmt.Fprintf(w, "mean F1 %.3f\n", mean)
	return mean, nil
}

// crossValidate splits set's documents into n folds by name and, for each,
// trains on the other folds plus every other set, then scores the fold.
func crossValidate(w io.Writer, rules *extract.Rules, set *goldset.Set, others []*goldset.Set, n int, opt extract.TrainOptions) (float64, error) {
	if n < 2 || n > len(set.Docs) {
		return 0, fmt.Errorf("--cv %d: want 2 to %d folds", n, len(set.Docs))
	}
	var base []extract.Example
	for _, s := range others {
		base = append(base, s.Examples(nil)...)
	}
	scoreHeader(w, "fold of "+set.Name)
	sum := 0.0
	var kr, km goldset.Kinds
	for k := 0; k < n; k++ {
		in := func(doc string) bool { return set.Fold(doc, k, n) }
		out := func(doc string) bool { return !set.Fold(doc, k, n) }
		exs := append(append([]extract.Example(nil), base...), set.Examples(out)...)
		m, _ := extract.Train(rules, exs, opt)
		ro := set.Score(rules.WithModel(nil), in)
		md := set.Score(rules.WithModel(m), in)
		scoreRow(w, fmt.Sprintf("%d/%d", k+1, n), ro.Documents, ro, md)
		sum += md.F1()
		kr, km = kr.Add(goldset.Classify(ro)), km.Add(goldset.Classify(md))
	}
	kr.Print(w, "rules only, errors by kind")
	km.Print(w, "model, errors by kind")
	mean := sum / float64(n)
	fmt.Fprintf(w, "mean F1 %.3f\n", mean)
	return mean, nil
}

// trainFlags are the training knobs train and eval share.
type trainFlags struct {
	method *string
	epochs *int
	l2     *float64
}

func addTrainFlags(fset *flagSet) trainFlags {
	return trainFlags{
		method: fset.String("method", "logistic", "how weights are learned: logistic (softmax over a figure's readings, L2-regularised) or perceptron (averaged)"),
		epochs: fset.Int("epochs", 0, "training passes (default: 200 gradient steps for logistic, 10 for perceptron)"),
		l2:     fset.Float64("l2", 0, "logistic's L2 regularisation per example (default 0.00001)"),
	}
}

func (t trainFlags) options() (extract.TrainOptions, error) {
	if *t.method != "logistic" && *t.method != "perceptron" {
		return extract.TrainOptions{}, usagef("--method %q: want logistic or perceptron", *t.method)
	}
	if *t.epochs < 0 || *t.l2 < 0 {
		return extract.TrainOptions{}, usagef("--epochs and --l2 must not be negative")
	}
	return extract.TrainOptions{Method: *t.method, Epochs: *t.epochs, L2: *t.l2}, nil
}
