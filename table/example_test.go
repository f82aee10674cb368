package table_test

import (
	"fmt"

	"github.com/faits/faits/table"
)

func ExampleFind() {
	text := table.Format([]string{"Année", "Dépense totale (millions de DH)"}) + "\n\n" +
		table.Format([]string{"S1 2025", "174,5"}) + "\n\n" +
		table.Format([]string{"2024", "401"}) + "\n"
	for _, tb := range table.Find(text) {
		for r, row := range tb.Body {
			label := tb.RowHeader(r)
			fmt.Printf("%s (as of %s): %s = %s\n", label, table.Period(label), tb.ColumnHeader(1), row.Cells[1].Text)
		}
	}
	// Output:
	// S1 2025 (as of 2025-06): Dépense totale (millions de DH) = 174,5
	// 2024 (as of 2024): Dépense totale (millions de DH) = 401
}

func ExamplePeriod() {
	for _, s := range []string{"2021", "S1 2025", "T3 2024", "fin juin 2025", "Souss-Massa"} {
		fmt.Printf("%q\n", table.Period(s))
	}
	// Output:
	// "2021"
	// "2025-06"
	// "2024-09"
	// "2025-06"
	// ""
}

func ExampleFormat() {
	fmt.Println(table.Format([]string{"Région", "", "Familles  aidées"}))
	// Output: Région | — | Familles aidées
}
