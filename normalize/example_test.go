package normalize_test

import (
	"fmt"
	"time"

	"github.com/faits/faits/normalize"
)

func ExampleScan() {
	ref := time.Date(2025, 2, 17, 0, 0, 0, 0, time.UTC)
	text := "À fin janvier 2025, plus de 527.000 dossiers avaient été traités pour un montant excédant 8,7 milliards de dirhams."
	for _, e := range normalize.Scan(text, &normalize.Options{Ref: ref}) {
		fmt.Printf("%q kind=%s value=%v unit=%q qualifier=%q date=%q\n", e.Text, e.Kind, e.Value, e.Unit, e.Qualifier, e.Date)
	}
	// Output:
	// "À fin janvier 2025" kind=date value=0 unit="" qualifier="" date="2025-01"
	// "plus de 527.000" kind=number value=527000 unit="" qualifier="more_than" date=""
	// "excédant 8,7 milliards de dirhams" kind=money value=8.7e+09 unit="MAD" qualifier="more_than" date=""
}

func ExampleParseValue() {
	for _, s := range []string{"22,5 millions", "1.200", "3 millions et demi"} {
		v, err := normalize.ParseValue(s)
		fmt.Println(v, err)
	}
	// Output:
	// 2.25e+07 <nil>
	// 1200 <nil>
	// 3.5e+06 <nil>
}

func ExampleMonthNumber() {
	for _, w := range []string{"Février", "AOUT", "décembre", "mardi"} {
		fmt.Println(w, normalize.MonthNumber(w))
	}
	// Output:
	// Février 2
	// AOUT 8
	// décembre 12
	// mardi 0
}
