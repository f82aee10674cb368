package corpus

import (
	"slices"
	"strings"
	"testing"
)

// The tables below are written for these tests (invented regions and
// figures), in the shapes pages and dumps give them.

const tablePara = "Le ministère a publié lundi le bilan détaillé du programme, région par région, avec les montants versés depuis son lancement."

var htmlTableCases = []struct {
	name string
	html string
	want []string // the rows, in order, as consecutive paragraphs
}{
	{
		name: "header cells and body",
		html: `<table><tr><th>Région</th><th>Familles</th><th>Montant (MDH)</th></tr><tr><td>Souss</td><td>12.400</td><td>7,5</td></tr><tr><td>Oriental</td><td>9.100</td><td>5,2</td></tr></table>`,
		want: []string{"Région | Familles | Montant (MDH)", "Souss | 12.400 | 7,5", "Oriental | 9.100 | 5,2"},
	},
	{
		name: "a group header spans its columns, an empty corner",
		html: `<table><thead><tr><th rowspan="2"></th><th colspan="2">2024</th></tr><tr><th>Ménages</th><th>Versements (MMDH)</th></tr></thead><tbody><tr><th>Drâa</th><td>31.000</td><td>0,19</td></tr><tr><th>Souss</th><td>44.500</td><td>0,27</td></tr></tbody></table>`,
		want: []string{"— | 2024 | 2024", "— | Ménages | Versements (MMDH)", "Drâa | 31.000 | 0,19", "Souss | 44.500 | 0,27"},
	},
	{
		name: "a year labels two rows, a figure spans two columns once",
		html: `<table><tr><th>Année</th><th>Semestre</th><th>Bénéficiaires</th><th>Dépense (DH)</th></tr><tr><td rowspan="2">2024</td><td>S1</td><td>8.200</td><td>19.500.000</td></tr><tr><td>S2</td><td colspan="2">9.900</td></tr></table>`,
		want: []string{"Année | Semestre | Bénéficiaires | Dépense (DH)", "2024 | S1 | 8.200 | 19.500.000", "2024 | S2 | 9.900 | —"},
	},
	{
		name: "the head goes first, the foot last, the caption above",
		html: `<table><caption>Affiliés par régime</caption><tfoot><tr><td>Total</td><td>3.000</td></tr></tfoot><tbody><tr><td>TNS</td><td>2.000</td></tr></tbody><thead><tr><th>Régime</th><th>Affiliés</th></tr></thead><tbody><tr><td>Achamil</td><td>1.000</td></tr></tbody></table>`,
		want: []string{"Affiliés par régime", "Régime | Affiliés", "TNS | 2.000", "Achamil | 1.000", "Total | 3.000"},
	},
	{
		name: "cells with blocks and line breaks stay on their row",
		html: `<table><tr><th>Prestation</th><th>Montant<br>mensuel (DH)</th></tr><tr><td><p>Aide</p><p>par enfant</p></td><td><span>200</span></td></tr></table>`,
		want: []string{"Prestation | Montant mensuel (DH)", "Aide par enfant | 200"},
	},
}

func TestHTMLTables(t *testing.T) {
	for _, tc := range htmlTableCases {
		t.Run(tc.name, func(t *testing.T) {
			body := "<article><p>" + tablePara + "</p>" + tc.html + "<p>" + para2 + "</p></article>"
			doc, err := Parse("t.html", []byte(page("<title>T</title>", body)))
			if err != nil {
				t.Fatal(err)
			}
			want := tablePara + "\n\n" + strings.Join(tc.want, "\n\n") + "\n\n" + para2
			if !strings.Contains(doc.Body, want) {
				t.Errorf("body:\n%s\nwant within it:\n%s", doc.Body, want)
			}
		})
	}
}

func TestHTMLLayoutTable(t *testing.T) {
	// A page laid out with a table: its cells are paragraphs of prose and
	// an inner table; it is read as paragraphs, not as rows.
	body := `<table><tr><td><p>` + para1 + `</p><p>` + para2 + `</p></td><td><table><tr><td>Menu</td></tr></table></td></tr></table>`
	doc, err := Parse("t.html", []byte(page("<title>T</title>", body)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Body, para1+"\n\n") || strings.Contains(doc.Body, para1+" |") {
		t.Errorf("layout table read as rows:\n%s", doc.Body)
	}
}

func TestTextTables(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // must be in the body
		without  []string
	}{
		{
			name: "tab-separated rows",
			in:   tablePara + "\n\nAnnée\tMénages\tDépense totale (millions de DH)\n2023\t41.250\t87,5\n2024\t52.900\t112,25\n\n" + para2,
			want: tablePara + "\n\nAnnée | Ménages | Dépense totale (millions de DH)\n\n2023 | 41.250 | 87,5\n\n2024 | 52.900 | 112,25\n\n" + para2,
		},
		{
			name: "markdown rows and rule",
			in:   tablePara + "\n\n| Région | Familles |\n|:---|---:|\n| Souss | 12.400 |\n| Oriental | 9.100 |\n\n" + para2,
			want: tablePara + "\n\nRégion | Familles\n\nSouss | 12.400\n\nOriental | 9.100\n\n" + para2,
		},
		{
			name: "rows closed by a pipe",
			in:   tablePara + "\n\nAnnée | Bénéficiaires | Dépenses (en dirhams) |\n2022 | 8.100 | 19.400.000 |\n2023 | 9.050 | 21.700.000 |\n\n" + para2,
			want: "Année | Bénéficiaires | Dépenses (en dirhams)\n\n2022 | 8.100 | 19.400.000\n\n2023 | 9.050 | 21.700.000",
		},
		{
			name: "a table flattened to one line of words",
			in:   tablePara + "\n\nAnnée Nouveaux bénéficiaires Montant moyen mensuel (DH) Dépense totale (millions de DH) 2022 14.020 2.480 201,3 2023 15.310 2.615 236,9\n\n" + para2,
			want: tablePara + "\n\nAnnée | Nouveaux bénéficiaires | Montant moyen mensuel (DH) | Dépense totale (millions de DH)\n\n2022 | 14.020 | 2.480 | 201,3\n\n2023 | 15.310 | 2.615 | 236,9\n\n" + para2,
		},
		{
			name: "a table that ends the article is kept",
			in:   tablePara + "\n\nRégion | Familles\nSouss | 12.400\nOriental | 9.100\nSource : ANSS",
			want: "Région | Familles\n\nSouss | 12.400\n\nOriental | 9.100",
		},
		{
			name:    "a poll and share links are no table",
			in:      tablePara + "\n\n" + para2 + "\n\nCet article vous a-t-il aidé ? Oui (41) | Non (3)\nPartager : Facebook | WhatsApp\nVoir aussi : nos autres guides",
			want:    tablePara + "\n\n" + para2,
			without: []string{"Partager"},
		},
		{
			name: "columns laid out with spaces, a header on two lines",
			in: tablePara + "\n\nTableau 2 : Dotations par action\n\n" +
				"Action                              LF 2024     PLF 2025\n" +
				"                                   (en MDH)     (en MDH)\n" +
				"Aide aux familles rurales             4 120        4 610\n" +
				"Cantines scolaires (rentrée)            880          915\n\n" + para2,
			want: "Tableau 2 : Dotations par action\n\nAction | LF 2024 | PLF 2025\n\n— | (en MDH) | (en MDH)\n\n" +
				"Aide aux familles rurales | 4 120 | 4 610\n\nCantines scolaires (rentrée) | 880 | 915\n\n" + para2,
		},
		{
			name: "a report's table between rules of dashes, a total and a source under it",
			in: tablePara + "\n\nTableau 3 : Adhérents par caisse (en milliers)\n" +
				"   ----------------------------------------------\n" +
				"   Caisse                  2024        2025\n" +
				"   ----------------------------------------------\n" +
				"   Caisse du Nord           412         437\n" +
				"   Caisse du Sud            298         305\n" +
				"   ----------------------------------------------\n" +
				"   Total                    710         742\n" +
				"   ----------------------------------------------\n" +
				"   Source : rapport annuel\n\n" + para2,
			want:    "Caisse | 2024 | 2025\n\nCaisse du Nord | 412 | 437\n\nCaisse du Sud | 298 | 305\n\nTotal | 710 | 742\n\nSource : rapport annuel",
			without: []string{"----"},
		},
		{
			name: "justified prose with wide gaps is no table",
			in: "Le conseil  a examiné le bilan des  caisses et relevé que 2.100\n" +
				"dossiers restaient en instance  à la fin du mois, contre  1.650\n" +
				"un an plus tôt  selon le rapport présenté aux élus de la région 12\n\n" + para2,
			without: []string{" | "},
		},
		{
			name: "a wrapped line goes on with a figure",
			in: "À fin mars, la caisse versait la prestation à quelque 310.000 familles de la province, soit\n" +
				"12.500 de plus qu'en janvier, selon sa direction régionale.\n\n" + para2,
			want: "soit 12.500 de plus",
		},
		{
			name: "a chart's values on the line under its labels",
			in: tablePara + "\n\nÉvolution des familles aidées (en milliers)\n[Graphique]\n" +
				"2023      2024      juin 2025\n" +
				"312       347       369\n" +
				"Source : la caisse\n\n" + para2,
			want: "2023 | 2024 | juin 2025\n\n312 | 347 | 369\n\nSource : la caisse",
		},
		{
			name: "labels in words over shares",
			in:   tablePara + "\n\nRépartition par milieu\nVilles    Campagnes\n44 %      56 %\n\n" + para2,
			want: "Villes | Campagnes\n\n44 % | 56 %",
		},
		{
			name:    "one line of figures under a line of prose is no chart",
			in:      tablePara + "\n\nLes chiffres clés\nAu total, le programme a touché\n312   347   369\n\n" + para2,
			without: []string{" | "},
		},
		{
			name: "dotted leaders join a label and its figure",
			in:   tablePara + "\n\nRépartition par caisse\nCaisse du Nord ............ 2,1 M\nCaisse du Sud ............. 1,4 M\n\n" + para2,
			want: "Caisse du Nord | 2,1 M\n\nCaisse du Sud | 1,4 M",
		},
		{
			name:    "a contents page's dotted leaders are no table",
			in:      "Sommaire\n1. Introduction ............. 3\n2. Les caisses ............... 7\n3. Les comptes ............... 12\n\n" + tablePara + "\n\n" + para2,
			without: []string{" | "},
		},
		{
			name: "a sentence with a year and figures is no table",
			in:   "En 2023 le régime comptait 1.200 adhérents et 2024 en a vu 1.500 de plus, selon la Caisse qui publie ses chiffres.",
			want: "En 2023 le régime comptait 1.200 adhérents et 2024 en a vu 1.500 de plus, selon la Caisse qui publie ses chiffres.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("t.txt", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Body, tc.want) {
				t.Errorf("body:\n%s\nwant within it:\n%s", doc.Body, tc.want)
			}
			for _, w := range tc.without {
				if strings.Contains(doc.Body, w) {
					t.Errorf("kept %q:\n%s", w, doc.Body)
				}
			}
		})
	}
}

func TestBarRows(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
	}{
		{"bars between labels and values", []string{"Déc. 2023 ▮▮▮▮▮ 2,4 M", "", "Déc. 2024 ▮▮▮▮▮▮▮▮ 3,9 M"}, []string{"Déc. 2023 | 2,4 M", "", "Déc. 2024 | 3,9 M"}},
		{"a bar of one partial block", []string{"AMO TNS ▇▇▇▇ 4,0", "AMO Achamil ▏ 0,3"}, []string{"AMO TNS | 4,0", "AMO Achamil | 0,3"}},
		{"one bar row is no chart", []string{"Couverture ▇▇▇▇ 88 %", "", "Le texte reprend ici."}, []string{"Couverture ▇▇▇▇ 88 %", "", "Le texte reprend ici."}},
		{"a progress bar has no label", []string{"■■■■■■■■□□ 83 %", "■■■■■□□□□□ 50 %"}, []string{"■■■■■■■■□□ 83 %", "■■■■■□□□□□ 50 %"}},
		{"a bullet is no bar", []string{"■ SANTÉ", "■ RETRAITES 2025"}, []string{"■ SANTÉ", "■ RETRAITES 2025"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := barRows(append([]string(nil), tc.in...))
			if !slices.Equal(got, tc.want) {
				t.Errorf("barRows(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
