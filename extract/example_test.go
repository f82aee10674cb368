package extract_test

import (
	"fmt"

	"github.com/faits/faits/extract"
)

func ExampleRules_Extract() {
	rules, err := extract.Default()
	if err != nil {
		panic(err)
	}
	text := "Le régime AMO Tadamon couvre plus de 11,1 millions de personnes, selon la CNSS."
	facts, _ := rules.Extract(extract.Input{Text: text, Published: "2024-11-26"})
	for _, f := range facts {
		fmt.Println(f.Programme, f.Metric, f.Value, f.Unit, f.Qualifier, f.AsOf, f.Rule)
		fmt.Printf("%q\n", f.Span)
	}
	// Output:
	// amo-tadamon beneficiaries 1.11e+07 person more_than 2024-11 beneficiaries/couvre
	// "plus de 11,1 millions de personnes"
}

func ExampleParse() {
	_, err := extract.Parse("my-rules.yaml", []byte("version: 1\nprogrammes:\n  - id: Bad Id\n    aliases: [x]\n"))
	fmt.Println(err)
	// Output:
	// my-rules.yaml:3: programme id "Bad Id": want lower-case letters, digits and hyphens
}

func ExampleRules_Test() {
	rules, err := extract.Default()
	if err != nil {
		panic(err)
	}
	passed, failures := rules.Test()
	fmt.Println(passed > 0, len(failures))
	// Output:
	// true 0
}

// Train a model from documents whose facts are known, then read with it.
func ExampleTrain() {
	rules, err := extract.Default()
	if err != nil {
		panic(err)
	}
	known := []extract.Example{{
		Name:     "mine",
		Input:    extract.Input{Text: "Les veuves perçoivent 350 dirhams par mois et par enfant.", Published: "2025-02-01"},
		Labels:   []extract.Label{{Programmes: []string{"asd"}, Metrics: []string{"allowance"}, Unit: "MAD", Value: 350, At: -1}},
		Complete: true,
	}}
	m, stats := extract.Train(rules, known, extract.TrainOptions{Epochs: 3})
	fmt.Println(stats.Positive, "fact learned from")
	again, err := extract.ParseModel("copy", m.Bytes())
	if err != nil {
		panic(err)
	}
	facts, _ := rules.WithModel(again).Extract(known[0].Input)
	for _, f := range facts {
		fmt.Println(f.Programme, f.Metric, f.Value, f.Unit, f.Why != "")
	}
	// Output:
	// 1 fact learned from
	// asd allowance 350 MAD true
}
