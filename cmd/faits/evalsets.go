package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

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
// With verbose, every error of the model's readings follows the table,
// held-out set by held-out set.
func loso(w io.Writer, rules *extract.Rules, sets []*goldset.Set, opt extract.TrainOptions, verbose bool) (float64, error) {
	if len(sets) < 2 {
		return 0, fmt.Errorf("--loso needs two gold sets or more, found %d", len(sets))
	}
	scoreHeader(w, "held-out set")
	sum := 0.0
	var kr, km goldset.Kinds
	var errs []heldOut
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
		errs = append(errs, heldOut{held.Name, md})
		sum += md.F1()
		kr, km = kr.Add(goldset.Classify(ro)), km.Add(goldset.Classify(md))
	}
	kr.Print(w, "rules only, errors by kind")
	km.Print(w, "model, errors by kind")
	if verbose {
		printHeldOut(w, errs)
	}
	mean := sum / float64(len(sets))
	fmt.Fprintf(w, "mean F1 %.3f\n", mean)
	return mean, nil
}

// crossValidate splits set's documents into n folds by name and, for each,
// trains on the other folds plus every other set, then scores the fold.
func crossValidate(w io.Writer, rules *extract.Rules, set *goldset.Set, others []*goldset.Set, n int, opt extract.TrainOptions, verbose bool) (float64, error) {
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
	var errs []heldOut
	for k := 0; k < n; k++ {
		in := func(doc string) bool { return set.Fold(doc, k, n) }
		out := func(doc string) bool { return !set.Fold(doc, k, n) }
		exs := append(append([]extract.Example(nil), base...), set.Examples(out)...)
		m, _ := extract.Train(rules, exs, opt)
		ro := set.Score(rules.WithModel(nil), in)
		md := set.Score(rules.WithModel(m), in)
		fold := fmt.Sprintf("%d/%d", k+1, n)
		scoreRow(w, fold, ro.Documents, ro, md)
		errs = append(errs, heldOut{"fold " + fold + " of " + set.Name, md})
		sum += md.F1()
		kr, km = kr.Add(goldset.Classify(ro)), km.Add(goldset.Classify(md))
	}
	kr.Print(w, "rules only, errors by kind")
	km.Print(w, "model, errors by kind")
	if verbose {
		printHeldOut(w, errs)
	}
	mean := sum / float64(n)
	fmt.Fprintf(w, "mean F1 %.3f\n", mean)
	return mean, nil
}

// heldOut is one held-out part's scores under the model trained without it.
type heldOut struct {
	name string
	rep  eval.Report
}

// printHeldOut lists each held-out part's errors, so that the misses of a
// cross-validated run, the honest ones, can be read as a single set's are.
func printHeldOut(w io.Writer, parts []heldOut) {
	for _, p := range parts {
		fmt.Fprintf(w, "\n== %s, model trained without it\n", p.name)
		printReport(w, p.rep, true)
	}
}

// trainFlags are the training knobs train and eval share.
type trainFlags struct {
	method  *string
	epochs  *int
	l2      *float64
	wordL2  *float64
	dropout *float64
	draws   *int
	weights *multiFlag
}

// defaultWeights weigh the real press articles four times a written set:
// they are the text faits will meet, while the written sets were read by
// the rules' authors (README, "How the model learns"). Three times while
// the written sets were fewer; with fifteen of them, four keeps the real
// articles about half of what the model learns from.
var defaultWeights = []string{"real=4"}

func addTrainFlags(fset *flagSet) trainFlags {
	return trainFlags{
		method:  fset.String("method", "logistic", "how weights are learned: logistic (softmax over a figure's readings, L2-regularised) or perceptron (averaged)"),
		epochs:  fset.Int("epochs", 0, "training passes (default: 200 gradient steps for logistic, 10 for perceptron)"),
		l2:      fset.Float64("l2", 0, "logistic's L2 regularisation per example (default 0.00001)"),
		wordL2:  fset.Float64("word-l2", 0, "logistic: how many times --l2 the words around a figure get (default 10; 1: the same)"),
		dropout: fset.Float64("rules-dropout", 0.3, "share of training figures shown without the rules' choice, so that the other evidence learns weight (0: none)"),
		draws:   fset.Int("draws", 10, "logistic: fits averaged, each hiding the rules' choice from its own draw of figures"),
		weights: func() *multiFlag {
			var m multiFlag
			fset.Var(&m, "weight", "SET=X: the documents of gold set SET count X times in training; repeatable (default "+strings.Join(defaultWeights, " ")+")")
			return &m
		}(),
	}
}

// weigh sets each set's training weight from --weight (or the defaults).
func (t trainFlags) weigh(sets []*goldset.Set) error {
	spec := []string(*t.weights)
	if len(spec) == 0 {
		spec = defaultWeights
	}
	for _, w := range spec {
		name, v, ok := strings.Cut(w, "=")
		x, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil || x <= 0 {
			return usagef("--weight %q: want SET=X with X > 0", w)
		}
		for _, s := range sets {
			if s.Name == name {
				s.Weight = x
			}
		}
	}
	return nil
}

func (t trainFlags) options() (extract.TrainOptions, error) {
	if *t.method != "logistic" && *t.method != "perceptron" {
		return extract.TrainOptions{}, usagef("--method %q: want logistic or perceptron", *t.method)
	}
	if *t.epochs < 0 || *t.l2 < 0 || *t.wordL2 < 0 || *t.dropout < 0 || *t.dropout > 1 || *t.draws < 1 {
		return extract.TrainOptions{}, usagef("--epochs, --l2 and --word-l2 must not be negative, --rules-dropout is 0 to 1, --draws at least 1")
	}
	drop := *t.dropout
	if drop == 0 {
		drop = -1 // none (Train reads 0 as its default)
	}
	return extract.TrainOptions{Method: *t.method, Epochs: *t.epochs, L2: *t.l2, WordL2: *t.wordL2, RulesDropout: drop, Draws: *t.draws}, nil
}
