package edits_test

import (
	"fmt"

	"github.com/faits/faits/edits"
	"github.com/faits/faits/store"
)

func ExampleTaxonomy_Edit() {
	tax := edits.New(nil)
	cur := store.Fact{Programme: "amo-tns", Metric: "enrolled", Value: 3.5e6, Unit: "person", Qualifier: "exact"}
	e, errs := tax.Edit(edits.Fields{Value: edits.Text("3,9 millions")}, cur)
	fmt.Println(*e.Value, errs == nil)
	nope, unit := "nope", "bogus"
	_, errs = tax.Edit(edits.Fields{Programme: &nope, Unit: &unit, Value: edits.Text("-5")}, cur)
	fmt.Println(errs["value"])
	// Output:
	// 3.9e+06 true
	// "-5" is below zero: counts, amounts and shares never are.
}

func ExampleParseValue() {
	v, err := edits.ParseValue("26,5 milliards")
	fmt.Println(v, err)
	// Output: 2.65e+10 <nil>
}
