package eval_test

import (
	"fmt"
	"strings"

	"github.com/faits/faits/eval"
)

func ExampleScore() {
	gold := []eval.Gold{
		{Doc: "001.txt", Programme: "amo-tns", Metric: "enrolled", MetricAlt: []string{"beneficiaries"},
			Unit: "person", Value: 3800000, Qualifier: "about", AsOf: "2024-10"},
		{Doc: "001.txt", Programme: "amo-tadamon", Metric: "share", Unit: "percent", Value: 30,
			Qualifier: "about", AsOf: "2024-11", Optional: true},
	}
	preds := []eval.Prediction{
		{Doc: "seeds/001.txt", Programme: "amo-tns", Metric: "beneficiaries", Unit: "person", Value: 3.8e6,
			Qualifier: "about", AsOf: "2024-11"},
		{Doc: "seeds/001.txt", Programme: "amo-tadamon", Metric: "share", Unit: "percent", Value: 30},
		{Doc: "seeds/002.txt", Programme: "amo", Metric: "beneficiaries", Unit: "person", Value: 2023},
	}
	r := eval.Score(gold, preds, eval.Options{})
	fmt.Println("precision", r.Precision)
	fmt.Println("recall", r.Recall)
	fmt.Printf("F1 %.3f\n", r.F1())
	fmt.Println("as_of", r.AsOf)
	fmt.Println("qualifier", r.Qualifier)
	// Output:
	// precision 0.500 (1/2)
	// recall 1.000 (1/1)
	// F1 0.667
	// as_of 0.000 (0/1)
	// qualifier 1.000 (1/1)
}

func ExampleReadGold() {
	gold, err := eval.ReadGold(strings.NewReader(
		`{"doc": "003.txt", "programme": "asd", "metric": "allowance", "value": 500, "value_max": 1200, "unit": "MAD", "qualifier": "exact", "as_of": "2025-02"}` + "\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(gold), gold[0].Programme, gold[0].Value, *gold[0].ValueMax, gold[0].Unit)
	// Output: 1 asd 500 1200 MAD
}

func ExampleDocName() {
	fmt.Println(eval.DocName("seeds/003_eeea78cfebe039dd.txt"))
	// Output: 003_eeea78cfebe039dd.txt
}
