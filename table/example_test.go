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

func ExampleCells() {
	for _, c := range table.Cells("| Souss | 12.400 |", 0) {
		fmt.Printf("%q at %d\n", c.Text, c.Start)
	}
	// Output:
	// "Souss" at 2
	// "12.400" at 10
}

func ExampleHasFigure() {
	for _, s := range []string{"316,4", "S1 2025", "Bénéficiaires (2024)"} {
		fmt.Println(s, table.HasFigure(s))
	}
	// Output:
	// 316,4 true
	// S1 2025 false
	// Bénéficiaires (2024) false
}

func ExampleTable_ColumnHeader() {
	text := "Région | 2024 | 2024\nRégion | Ménages | Versements (MMDH)\nDrâa | 31.000 | 0,19\n"
	tb := table.Find(text)[0]
	fmt.Println(tb.ColumnHeader(2), "/", tb.RowHeader(0))
	// Output: 2024 Versements (MMDH) / Drâa
}
