package table

import (
	"reflect"
	"strings"
	"testing"
)

// The tables below are written for these tests: invented regions, figures
// and headers in the shapes the press uses.
var findCases = []struct {
	name   string
	text   string
	tables int
	header []string // column headers of the first table
	rows   []string // row headers of its body
	cells  [][]string
}{
	{
		name:   "pipe rows with a header",
		text:   "Le bilan par année :\n\nAnnée | Ménages aidés | Dépense totale (millions de DH)\n\n2022 | 41.250 | 87,5\n\n2023 | 52.900 | 112,25\n\nLa suite.",
		tables: 1,
		header: []string{"Année", "Ménages aidés", "Dépense totale (millions de DH)"},
		rows:   []string{"2022", "2023"},
		cells:  [][]string{{"2022", "41.250", "87,5"}, {"2023", "52.900", "112,25"}},
	},
	{
		name:   "numbered indicators: the number is no figure of the label",
		text:   "Indicateur | Référence | Cible\n\n1. Familles aidées (milliers) | 41 | 60\n\n2) Centres ouverts | 12 | 20\n",
		tables: 1,
		header: []string{"Indicateur", "Référence", "Cible"},
		rows:   []string{"Familles aidées (milliers)", "Centres ouverts"},
		cells:  [][]string{{"1. Familles aidées (milliers)", "41", "60"}, {"2) Centres ouverts", "12", "20"}},
	},
	{
		name:   "markdown with its rule and outer pipes",
		text:   "| Région | Familles |\n|---|:---:|\n| Souss | 12.400 |\n| Oriental | 9.100 |\n",
		tables: 1,
		header: []string{"Région", "Familles"},
		rows:   []string{"Souss", "Oriental"},
		cells:  [][]string{{"Souss", "12.400"}, {"Oriental", "9.100"}},
	},
	{
		name:   "two header rows: a group over its columns",
		text:   "Région | 2024 | 2024\nRégion | Bénéficiaires | Montant (MDH)\nDrâa | 3.200 | 4,1\nSouss | 5.050 | 6\n",
		tables: 1,
		header: []string{"Région", "2024 Bénéficiaires", "2024 Montant (MDH)"},
		rows:   []string{"Drâa", "Souss"},
		cells:  [][]string{{"Drâa", "3.200", "4,1"}, {"Souss", "5.050", "6"}},
	},
	{
		name:   "years as column headers",
		text:   "Indicateur | 2022 | 2023\nAffiliés | 1,2 million | 1,5 million\n",
		tables: 1,
		header: []string{"Indicateur", "2022", "2023"},
		rows:   []string{"Affiliés"},
		cells:  [][]string{{"Affiliés", "1,2 million", "1,5 million"}},
	},
	{
		name:   "no header, no label column",
		text:   "12 | 14\n15 | 18\n",
		tables: 1,
		header: []string{"", ""},
		rows:   []string{"", ""},
		cells:  [][]string{{"12", "14"}, {"15", "18"}},
	},
	{
		name:   "a menu has no figure",
		text:   "Accueil | Société | Économie\nSport | Culture | Monde\n",
		tables: 0,
	},
	{
		name:   "one row is no table",
		text:   "Prix | 300 DH\n\nUne phrase.",
		tables: 0,
	},
	{
		name:   "a title spanning the table stands above its header",
		text:   "RELEVÉ – Mars 2026 – agent n° 4 417 | — | –\nPoste | Taux | Montant\nLigne A | 1,5 % | 90,00\nLigne B | 2 % | 120,00\n",
		tables: 1,
		header: []string{"Poste", "Taux", "Montant"},
		rows:   []string{"Ligne A", "Ligne B"},
		cells:  [][]string{{"Ligne A", "1,5 %", "90,00"}, {"Ligne B", "2 %", "120,00"}},
	},
	{
		name:   "a change of width starts another table",
		text:   "A | B\n1 | 2\nC | D | E\n3 | 4 | 5\n",
		tables: 2,
		header: []string{"A", "B"},
		rows:   []string{""},
		cells:  [][]string{{"1", "2"}},
	},
}

func TestFind(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			ts := Find(tc.text)
			if len(ts) != tc.tables {
				t.Fatalf("%d tables, want %d: %+v", len(ts), tc.tables, ts)
			}
			if tc.tables == 0 {
				return
			}
			tb := ts[0]
			var hs []string
			for c := 0; c < tb.Cols(); c++ {
				hs = append(hs, tb.ColumnHeader(c))
			}
			if !reflect.DeepEqual(hs, tc.header) {
				t.Errorf("headers %q, want %q", hs, tc.header)
			}
			var rs []string
			var cells [][]string
			for r, row := range tb.Body {
				rs = append(rs, tb.RowHeader(r))
				var cs []string
				for _, c := range row.Cells {
					if tc.text[c.Start:c.End] != c.Text {
						t.Errorf("cell %q at %d:%d reads %q in the text", c.Text, c.Start, c.End, tc.text[c.Start:c.End])
					}
					cs = append(cs, c.Text)
				}
				cells = append(cells, cs)
			}
			if !reflect.DeepEqual(rs, tc.rows) {
				t.Errorf("row headers %q, want %q", rs, tc.rows)
			}
			if !reflect.DeepEqual(cells, tc.cells) {
				t.Errorf("cells %q, want %q", cells, tc.cells)
			}
		})
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2021", "2021"},
		{" 2021* ", "2021"},
		{"2024 (p)", "2024"},
		{"Année 2019", "2019"},
		{"S1 2025", "2025-06"},
		{"S2-2024", "2024-12"},
		{"H1 2025", "2025-06"},
		{"2025 S1", "2025-06"},
		{"T3 2024", "2024-09"},
		{"Q1 2023", "2023-03"},
		{"1er semestre 2025", "2025-06"},
		{"Premier semestre 2025", "2025-06"},
		{"deuxième trimestre 2024", "2024-06"},
		{"Fin juin 2025", "2025-06"},
		{"fin 2024", "2024-12"},
		{"Février 2023", "2023-02"},
		{"févr. 2023", "2023-02"},
		{"2023-2024", "2024"},
		{"2024/2023", ""},
		{"3e semestre 2024", ""},
		{"Souss-Massa", ""},
		{"2.543", ""},
		{"12 mois", ""},
		{"", ""},
	} {
		if got := Period(tc.in); got != tc.want {
			t.Errorf("Period(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLabelMonth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"Ménages bénéficiaires à fin décembre (millions)", 12},
		{"Assurés au 30 juin", 6},
		{"Versements en mars (MDH)", 3},
		{"Fin septembre", 9},
		{"Ménages à fin décembre 2024", 0},
		{"Enfants bénéficiaires", 0},
		{"Dépense totale (millions de DH)", 0},
		{"en moyenne", 0},
		{"", 0},
	} {
		if got := LabelMonth(tc.in); got != tc.want {
			t.Errorf("LabelMonth(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	for _, cells := range [][]string{
		{"Année", "Montant (DH)"},
		{"  Région\n du  Nord ", "a|b", "", "3,5"},
		{"", "", "x"},
	} {
		line := Format(cells)
		got := Cells(line, 0)
		if len(got) != len(cells) {
			t.Fatalf("Format(%q) = %q splits into %d cells", cells, line, len(got))
		}
		for i, c := range got {
			want := strings.ReplaceAll(strings.Join(strings.Fields(cells[i]), " "), "|", "/")
			if want == "" {
				want = Empty
			}
			if c.Text != want {
				t.Errorf("Format(%q) cell %d = %q, want %q", cells, i, c.Text, want)
			}
		}
	}
}

func TestHasFigure(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Bénéficiaires (2024)", false},
		{"S1 2025", false},
		{"Montant (DH)", false},
		{"316,4", true},
		{"2.543", true},
		{"1,2 million", true},
	} {
		if got := HasFigure(tc.in); got != tc.want {
			t.Errorf("HasFigure(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
