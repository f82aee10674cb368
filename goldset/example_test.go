package goldset_test

import (
	"fmt"

	"github.com/faits/faits/extract"
	"github.com/faits/faits/goldset"
)

// Score a gold set with the rules alone and with the shipped model.
func ExampleLoad() {
	set, err := goldset.Load("../testdata/seeds")
	if err != nil {
		panic(err)
	}
	rules, err := extract.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(set.Name, len(set.Docs), "documents")
	for _, r := range []*extract.Rules{rules.WithModel(nil), rules} {
		rep := set.Score(r, nil)
		fmt.Println(rep.F1() >= 0.9)
	}
	// Output:
	// seeds 5 documents
	// true
	// true
}

// Train a model on every set of a folder but one document's, as faits eval
// --cv does.
func ExampleSet_Examples() {
	set, err := goldset.Load("../testdata/seeds")
	if err != nil {
		panic(err)
	}
	rules, err := extract.Default()
	if err != nil {
		panic(err)
	}
	held := func(doc string) bool { return set.Fold(doc, 0, 5) }
	exs := set.Examples(func(doc string) bool { return !held(doc) })
	m, stats := extract.Train(rules, exs, extract.TrainOptions{})
	fmt.Println(stats.Documents, "documents learned from;", stats.Positive > 0)
	// A model that learned nothing new (every figure read right already)
	// leaves the rules' choice.
	rep := set.Score(rules.WithModel(m), held)
	fmt.Println(rep.Documents, "held out")
	// Output:
	// 4 documents learned from; true
	// 1 held out
}
