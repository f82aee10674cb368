package extract

import (
	"testing"
)

// TestTables checks that a figure in a table cell takes its unit and scale
// from its column's header, its metric from the header's words and its
// as_of from its row's label (or its column's). Every table here is
// written for the test.
func TestTables(t *testing.T) {
	type want struct {
		prog, metric, unit string
		value              float64
		asOf               string
	}
	tests := []struct {
		name, text string
		want       []want
		not        []float64 // values that must not be facts
	}{
		{name: "years down the side, units in the headers",
			text: "Les chiffres de l'indemnité pour perte d'emploi depuis son lancement :\n\n" +
				"Année | Nombre de bénéficiaires | Montant moyen mensuel (DH) | Dépense totale (millions de DH)\n\n" +
				"2021 | 18.450 | 2.410 | 212,6\n\n" +
				"S1 2025 | 9.730 | 2.905 | 131,5\n\nSource : CNSS",
			want: []want{
				{"ipe", "beneficiaries", "person", 18450, "2021"},
				{"ipe", "allowance", "MAD", 2410, "2021"},
				{"ipe", "amount_paid", "MAD", 212.6e6, "2021"},
				{"ipe", "beneficiaries", "person", 9730, "2025-06"},
				{"ipe", "allowance", "MAD", 2905, "2025-06"},
				{"ipe", "amount_paid", "MAD", 131.5e6, "2025-06"},
			},
			not: []float64{212.6, 131.5}},
		{name: "markdown table with outer pipes and its rule",
			text: "L'aide sociale directe, province par province, à fin 2024 :\n\n" +
				"| Province | Ménages bénéficiaires | Versements (MMDH) |\n|---|---|---|\n" +
				"| Azilal | 38.200 | 0,21 |\n| Figuig | 11.900 | 0,07 |\n",
			want: []want{
				{"asd", "beneficiaries", "household", 38200, "2024-12"},
				{"asd", "amount_paid", "MAD", 0.21e9, "2024-12"},
				{"asd", "beneficiaries", "household", 11900, "2024-12"},
				{"asd", "amount_paid", "MAD", 0.07e9, "2024-12"},
			}},
		{name: "the scale in the caption, programmes down the side",
			text: "Le détail des crédits, régime par régime, figure dans la note du ministère.\n\n" +
				"Crédits de l'Etat aux régimes (en MMDH)\n\n" +
				"Régime | LF 2024 | LF 2025\n\n" +
				"AMO Tadamon | 8,2 | 9,1\n\n" +
				"Indemnité pour perte d'emploi | 0,4 | 0,45\n\nSource : ministère",
			want: []want{
				{"amo-tadamon", "budget", "MAD", 8.2e9, "2024"},
				{"amo-tadamon", "budget", "MAD", 9.1e9, "2025"},
				{"ipe", "budget", "MAD", 0.4e9, "2024"},
				{"ipe", "budget", "MAD", 0.45e9, "2025"},
			},
			not: []float64{8.2, 9.1}},
		{name: "a chart's caption above its number and a placeholder, its labels periods",
			text: "Les effectifs sont publiés chaque trimestre par la caisse.\n\n" +
				"4. Assurés de l'AMO Tadamon (en millions)\n\n[Graphique en barres]\n\n" +
				"2023 | 2024 | juin 2025\n\n" +
				"10,1 | 10,9 | 11,4\n",
			want: []want{
				{"amo-tadamon", "beneficiaries", "person", 10.1e6, "2023"},
				{"amo-tadamon", "beneficiaries", "person", 10.9e6, "2024"},
				{"amo-tadamon", "beneficiaries", "person", 11.4e6, "2025-06"},
			},
		},
		{name: "a count's scale and unit in the caption",
			text: "Les effectifs sont publiés chaque trimestre par la caisse.\n\n" +
				"Les régimes au 30 juin 2025 (en milliers de personnes)\n\n" +
				"Régime | Assurés principaux | Bénéficiaires\n\n" +
				"AMO TNS | 1 910 | 3 880\n\n" +
				"AMO Achamil | 95 | 160\n",
			want: []want{
				{"amo-tns", "beneficiaries", "person", 1910e3, "2025-06"},
				{"amo-tns", "beneficiaries", "person", 3880e3, "2025-06"},
				{"amo-achamil", "beneficiaries", "person", 95e3, "2025-06"},
				{"amo-achamil", "beneficiaries", "person", 160e3, "2025-06"},
			},
			not: []float64{1910, 3880}},
		{name: "the noun a caption counts is the unit of a table whose cells name none",
			text: "L'aide sociale directe progresse d'année en année.\n\n" +
				"Évolution du nombre de ménages bénéficiaires de l'aide sociale directe\n\n" +
				"Déc. 2023 | 2,4 M\n\nDéc. 2024 | 3,9 M\n",
			want: []want{
				{"asd", "beneficiaries", "household", 2.4e6, "2023-12"},
				{"asd", "beneficiaries", "household", 3.9e6, "2024-12"},
			}},
		{name: "a bar chart's text version, the programmes down the side, its scale in the heading",
			text: "Notre infographie fait le point, régime par régime.\n\n" +
				"Par régime (bénéficiaires, en millions)\n\n" +
				"AMO salariés | 12,7\n\nAMO TNS | 3,9\n",
			want: []want{
				{"amo-salaries", "beneficiaries", "person", 12.7e6, "2025-03"},
				{"amo-tns", "beneficiaries", "person", 3.9e6, "2025-03"},
			},
			not: []float64{12.7, 3.9}},
		{name: "the caption's scale names the unit",
			text: "Le registre progresse dans toutes les régions.\n\n" +
				"Inscriptions au registre social unifié (en milliers de ménages)\n\n" +
				"| Région | Fin 2024 | Fin 2025 |\n|---|---|---|\n" +
				"| Souss-Massa | 310 | 335 |\n| Drâa-Tafilalet | 190 | 204 |\n",
			want: []want{
				{"rsu", "enrolled", "household", 310e3, "2024-12"},
				{"rsu", "enrolled", "household", 335e3, "2025-12"},
				{"rsu", "enrolled", "household", 190e3, "2024-12"},
				{"rsu", "enrolled", "household", 204e3, "2025-12"},
			},
			not: []float64{310, 335}},
		{name: "a caption that scales each column apart",
			text: "Le bilan trimestriel de l'aide sociale directe a été publié.\n\n" +
				"Versements par trimestre (familles en milliers, sommes en millions de DH)\n\n" +
				"Trimestre | Familles aidées | Sommes versées\n\n" +
				"T1 2025 | 3 950 | 7 100\n\n" +
				"T2 2025 | 3 990 | 7 230\n",
			want: []want{
				{"asd", "beneficiaries", "household", 3950e3, "2025-03"},
				{"asd", "amount_paid", "MAD", 7100e6, "2025-03"},
				{"asd", "beneficiaries", "household", 3990e3, "2025-06"},
				{"asd", "amount_paid", "MAD", 7230e6, "2025-06"},
			},
			not: []float64{3950e6, 3950e9, 7100e3}},
		{name: "a caption's scale for the columns it does not name, its rate for the one it does",
			text: "La caisse publie ses effectifs chaque semestre.\n\n" +
				"Les régimes à fin mars 2025 (en milliers de personnes ; évolution sur un an en %)\n\n" +
				"Régime | Adhérents | Évolution\n\n" +
				"AMO TNS | 1 830 | +3,5\n\n" +
				"AMO Achamil | 88 | +12,4\n",
			want: []want{
				{"amo-tns", "enrolled", "person", 1830e3, "2025-03"},
				{"amo-achamil", "enrolled", "person", 88e3, "2025-03"},
			},
			not: []float64{1830, 88, 3.5, 5, 12.4, 4}},
		{name: "a date among a column header's words",
			text: "Les régimes de l'assurance maladie obligatoire en chiffres.\n\n" +
				"Régime | Assurés à fin mars 2025 (en milliers) | Dépenses remboursées en 2024 (en MDH)\n\n" +
				"AMO TNS | 1 840 | 1 310\n\n" +
				"AMO Achamil | 72 | 40\n",
			want: []want{
				{"amo-tns", "beneficiaries", "person", 1840e3, "2025-03"},
				{"amo-tns", "amount_paid", "MAD", 1310e6, "2024"},
				{"amo-achamil", "beneficiaries", "person", 72e3, "2025-03"},
				{"amo-achamil", "amount_paid", "MAD", 40e6, "2024"},
			}},
		{name: "a scale after the date in the header's parentheses",
			text: "Les caisses de retraite publiques en chiffres.\n\n" +
				"| Caisse | Affiliés (fin 2024, en milliers) | Réserves (Mds DH) |\n|---|---|---|\n" +
				"| RCAR | 190 | 150,2 |\n| CMR | 1 030 | 68,4 |\n",
			want: []want{
				{"retraite", "enrolled", "person", 190e3, "2024-12"},
				{"retraite", "enrolled", "person", 1030e3, "2024-12"},
			},
			not: []float64{190, 1030}},
		{name: "years across the top, metric in the row's label",
			text: "Le régime AMO Achamil progresse lentement.\n\n" +
				"Indicateur | 2023 | 2024\n\n" +
				"Adhérents | 190.000 | 240.000\n\n" +
				"Dépenses (MDH) | 35 | 61\n",
			want: []want{
				{"amo-achamil", "enrolled", "person", 190000, "2023"},
				{"amo-achamil", "enrolled", "person", 240000, "2024"},
				{"amo-achamil", "amount_paid", "MAD", 35e6, "2023"},
				{"amo-achamil", "amount_paid", "MAD", 61e6, "2024"},
			},
			// The header's years name columns: no fact.
			not: []float64{2023, 2024}},
		{name: "years across the top, a month in the row's label",
			text: "L'aide sociale directe d'une année à l'autre.\n\n" +
				"Indicateur | 2023 | 2024\n\n" +
				"Ménages bénéficiaires à fin décembre | 3.610.000 | 3.950.000\n",
			want: []want{
				{"asd", "beneficiaries", "household", 3610000, "2023-12"},
				{"asd", "beneficiaries", "household", 3950000, "2024-12"},
			}},
		{name: "a header's percent and thousands",
			text: "Le registre social unifié, région par région, en mars 2025 :\n\n" +
				"Région | Ménages inscrits (en milliers) | Part du total (%)\n\n" +
				"Fès-Meknès | 512,3 | 12,4\n\n" +
				"Drâa-Tafilalet | 240,8 | 5,8\n",
			want: []want{
				{"rsu", "enrolled", "household", 512300, "2025-03"},
				{"rsu", "share", "percent", 12.4, "2025-03"},
				{"rsu", "enrolled", "household", 240800, "2025-03"},
				{"rsu", "share", "percent", 5.8, "2025-03"},
			},
			not: []float64{512.3, 240.8}},
		{name: "a table flattened one cell a line, its scale in the headers",
			text: "Le registre social unifié progresse dans le Sud.\n\n" +
				"Inscriptions au registre social unifié à fin juin 2025\n\n" +
				"Région\n\nMénages inscrits (en milliers)\n\nPart du total (%)\n\n" +
				"Guelmim-Oued Noun\n\n61\n\n1,1\n\n" +
				"Trois régions du Sud\n\n187\n\n3,2\n\nSource : ministère\n",
			want: []want{
				{"rsu", "enrolled", "household", 61e3, "2025-06"},
				{"rsu", "share", "percent", 1.1, "2025-06"},
				{"rsu", "enrolled", "household", 187e3, "2025-06"},
				{"rsu", "share", "percent", 3.2, "2025-06"},
			},
			not: []float64{61, 187, 3}},
		{name: "a programme in each row's label, dirhams in the header",
			text: "Les régimes de l'assurance maladie obligatoire en 2024 :\n\n" +
				"Régime | Assurés | Prestations versées (en dirhams)\n\n" +
				"AMO TNS | 1.850.000 | 2.410.500.000\n\n" +
				"AMO Achamil | 61.000 | 95.300.000\n",
			want: []want{
				{"amo-tns", "beneficiaries", "person", 1850000, "2024"},
				{"amo-tns", "amount_paid", "MAD", 2410500000, "2024"},
				{"amo-achamil", "beneficiaries", "person", 61000, "2024"},
				{"amo-achamil", "amount_paid", "MAD", 95300000, "2024"},
			}},
		{name: "a results framework: numbered indicators with their scale, each cell dated",
			text: "Le cadre de résultats du programme d'appui :\n\n" +
				"Indicateur | Référence | Valeur récente | Cible 2028\n\n" +
				"1. Ménages bénéficiaires de l'aide sociale directe (millions) | 3,2 (mars 2024) | 3,9 (sept. 2025) | 4,5\n\n" +
				"2. Salariés bénéficiaires de l'indemnité pour perte d'emploi (nombre) | 8 200 (2022) | 12 900 (T3 2024) | 25 000\n",
			want: []want{
				{"asd", "beneficiaries", "household", 3.2e6, "2024-03"},
				{"asd", "beneficiaries", "household", 3.9e6, "2025-09"},
				{"asd", "beneficiaries", "household", 4.5e6, "2028"},
				{"ipe", "beneficiaries", "person", 8200, "2022"},
				{"ipe", "beneficiaries", "person", 12900, "2024-09"},
				{"ipe", "beneficiaries", "person", 25000, "2028"},
			},
			not: []float64{3.2, 3.9, 4.5}},
		{name: "a country profile: a unit column, flagged cells, a percentage with no cue",
			text: "Le profil du pays :\n\n" +
				"Indicateur | Unité | 2023 | 2024\n\n" +
				"Ménages bénéficiaires de l'aide sociale directe (b) | milliers | 2 950 (c) | 3 480 p\n\n" +
				"Dépenses de l'aide sociale directe | millions de dollars É.-U. | 95 | 2 310 e\n\n" +
				"Population couverte par l'AMO | % | 61,2 | 68,9 e\n",
			want: []want{
				{"asd", "beneficiaries", "household", 2.95e6, "2023"},
				{"asd", "beneficiaries", "household", 3.48e6, "2024"},
				{"asd", "amount_paid", "USD", 95e6, "2023"},
				{"asd", "amount_paid", "USD", 2.31e9, "2024"},
				{"amo", "share", "percent", 61.2, "2023"},
				{"amo", "share", "percent", 68.9, "2024"},
			},
			not: []float64{2950, 3480, 95, 2310}},
		{name: "a numbered caption in thousands, with a caveat",
			text: "Tableau 2. L'AMO Tadamon, 2023-2024 (en milliers de personnes, sauf mention contraire)\n\n" +
				"Indicateur | 2023 | 2024\n\n" +
				"Bénéficiaires de l'AMO Tadamon | 10 120 | 10 870\n",
			want: []want{
				{"amo-tadamon", "beneficiaries", "person", 10.12e6, "2023"},
				{"amo-tadamon", "beneficiaries", "person", 10.87e6, "2024"},
			},
			not: []float64{10120, 10870}},
		{name: "a row that says what it counts, under a caption in thousands of dirhams",
			text: "Le régime général de retraite de la CNSS en 2024 (en milliers de dirhams, sauf mention contraire) :\n\n" +
				"Agrégat | 2024 | 2023\n\n" +
				"Pensions de retraite servies | 10 250 400 | 9 410 800\n\n" +
				"Retraités au 31 décembre (nombre) | 790 200 | 751 600\n",
			want: []want{
				{"retraite", "amount_paid", "MAD", 10250400e3, "2024"},
				{"retraite", "beneficiaries", "person", 790200, "2024"},
			},
			not: []float64{790200e3, 751600e3}},
		{name: "a dataset's column names, their words joined by underscores, their scale last",
			text: "Aperçu du jeu de données de l'aide sociale directe par province, à fin 2024 :\n\n" +
				"province | menages_beneficiaires_milliers | montants_verses_mdh | taux_pct\n\n" +
				"Azilal | 38,2 | 210,5 | 12,4\n\nSource : portail de données ouvertes",
			want: []want{
				{"asd", "beneficiaries", "household", 38200, "2024-12"},
				{"asd", "amount_paid", "MAD", 210.5e6, "2024-12"},
			},
			not: []float64{38.2, 210.5}},
		{name: "a dataset's year, then its quarter in a column of its own",
			text: "Extrait du jeu de données de l'aide sociale directe :\n\n" +
				"annee | trimestre | menages_beneficiaires_milliers\n\n" +
				"2024 | T2 | 3 950,0\n\n2024 | T4 | 4 010,5\n\nSource : portail de données ouvertes",
			want: []want{
				{"asd", "beneficiaries", "household", 3.95e6, "2024-06"},
				{"asd", "beneficiaries", "household", 4.0105e6, "2024-12"},
			}},
		{name: "a table of the writer's own accounts is no fact, even in the aid's row",
			text: "Voici nos comptes du mois.\n\n" +
				"MES RENTRÉES — MARS 2026\n\n" +
				"Salaire de Karim | 3 100 DH\n\n" +
				"Aide sociale directe (2 enfants) | 500 DH\n\n" +
				"TOTAL | 3 600 DH\n\n" +
				"L'aide sociale directe est versée à 4 millions de ménages.",
			want: []want{{"asd", "beneficiaries", "household", 4e6, "2025-03"}},
			not:  []float64{3100, 500, 3600}},
		{name: "a column of sources dates and cites, it counts nothing",
			text: "Les chiffres du cours :\n\n" +
				"Indicateur | Valeur | Source, date\n\n" +
				"Immatriculés à l'AMO des travailleurs non salariés | 2,3 millions | CNSS, août 2025\n\n" +
				"Bénéficiaires de l'AMO Tadamon | 11,7 millions | ministère de la Santé\n",
			want: []want{{"amo-tadamon", "beneficiaries", "person", 11.7e6, "2025-03"}},
			not:  []float64{2025}},
		{name: "a payslip's deductions and rates are no facts, the text's national figures are",
			text: "Exemple de bulletin :\n\n" +
				"BULLETIN – Mars 2026 – Karim T., 3 enfants | — | — | — | —\n\n" +
				"Rubrique | Base | Taux salarié | Retenue salarié | Part employeur\n\n" +
				"Assurance maladie obligatoire | 7 250,00 | 2,26 % | 163,85 | 297,98\n\n" +
				"Allocations familiales | 7 250,00 | – | – | 464,00\n\n" +
				"Indemnité pour perte d'emploi | 6 000,00 | 0,19 % | 11,40 | 22,80\n\n" +
				"L'assurance maladie obligatoire des salariés couvre 4,6 millions d'assurés.",
			want: []want{{"amo-salaries", "beneficiaries", "person", 4.6e6, "2025-03"}},
			not:  []float64{7250, 2.26, 163.85, 297.98, 464, 6000, 0.19, 11.4, 22.8}},
		{name: "before and after columns, each dated by its header's year or month, a cell by its own date",
			text: "Ce que la réforme a changé pour les familles, point par point :\n\n" +
				"Point | Avant la réforme (situation 2021) | Aujourd'hui (situation à juin 2024)\n\n" +
				"Enfants aidés | Les allocations familiales couvraient 1,5 million d'enfants. | L'aide sociale directe touche 3,9 millions de ménages.\n\n" +
				"Montant par enfant | Rien de régulier. | L'aide sociale directe versait 200 dirhams par enfant en janvier 2024, puis 250 dirhams.\n\nSource : ministère",
			want: []want{
				{"allocations-familiales", "beneficiaries", "child", 1.5e6, "2021"},
				{"asd", "beneficiaries", "household", 3.9e6, "2024-06"},
				{"asd", "allowance", "MAD", 200, "2024-01"},
				{"asd", "allowance", "MAD", 250, "2024-06"},
			}},
	}
	for _, model := range []bool{false, true} {
		r := mustDefault(t)
		name := "model"
		if !model {
			r, name = r.WithModel(nil), "rules"
		}
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				facts, _ := r.Extract(Input{Text: tt.text, Published: "2025-03-12"})
				for _, w := range tt.want {
					found := false
					for _, f := range facts {
						if f.Value == w.value && f.Unit == w.unit {
							found = true
							// The model weighs programme and metric; the
							// table alone decides unit, scale and date.
							if f.AsOf != w.asOf || !model && (f.Programme != w.prog || f.Metric != w.metric) {
								t.Errorf("%v: got %s/%s as_of %s (%s)", w, f.Programme, f.Metric, f.AsOf, f.Rule)
							}
						}
					}
					if !found {
						t.Errorf("missing %v; got:", w)
						for _, f := range facts {
							t.Logf("  %s/%s %g %s %s (%s, %s)", f.Programme, f.Metric, f.Value, f.Unit, f.AsOf, f.Rule, f.ProgrammeFrom)
						}
					}
				}
				for _, v := range tt.not {
					for _, f := range facts {
						if f.Value == v {
							t.Errorf("%g is read without its header's scale: %s/%s %s", v, f.Programme, f.Metric, f.Unit)
						}
					}
				}
			})
		}
	}
}

// TestBulletedList checks that the items of a bulleted list whose first
// item alone names the unit ("- 300 dirhams par enfant ;" then "- 350
// pour un orphelin ;") are read in that unit, with the rules and with the
// model. The list is written for the test.
func TestBulletedList(t *testing.T) {
	text := "Depuis janvier, les montants de l'aide sociale directe sont les suivants :\n\n" +
		"- 300 dirhams par enfant ;\n\n- 350 pour un orphelin de père ;\n\n- 375 pour un orphelin de père et de mère.\n\n" +
		"Le programme compte 12 régions et 75 provinces.\n"
	for _, model := range []bool{false, true} {
		r := mustDefault(t)
		if !model {
			r = r.WithModel(nil)
		}
		facts, _ := r.Extract(Input{Text: text, Published: "2025-03-12"})
		got := map[float64]string{}
		for _, f := range facts {
			got[f.Value] = f.Programme + "/" + f.Metric + "/" + f.Unit
		}
		for _, v := range []float64{300, 350, 375} {
			if got[v] != "asd/allowance/MAD" {
				t.Errorf("model %v: %g read as %q, want asd/allowance/MAD", model, v, got[v])
			}
		}
		for _, v := range []float64{12, 75} {
			if got[v] != "" {
				t.Errorf("model %v: %g (not an item of the list) read as %q", model, v, got[v])
			}
		}
	}
}

// TestTargetColumn checks that a table's column headed as a target
// ("Cible 2028") reads its cells as targets of that year.
func TestTargetColumn(t *testing.T) {
	r := mustDefault(t)
	text := "Le cadre de résultats :\n\nIndicateur | Fin 2024 | Cible 2028\n\n" +
		"Ménages bénéficiaires de l'aide sociale directe | 3 900 000 | 4 500 000\n"
	facts, _ := r.Extract(Input{Text: text, Published: "2025-03-12"})
	got := map[float64]string{}
	for _, f := range facts {
		got[f.Value] = f.Modality + " " + f.AsOf
	}
	if got[3.9e6] != " 2024-12" || got[4.5e6] != "target 2028" {
		t.Errorf("got modality and as_of %v, want \" 2024-12\" for 3,9 M and \"target 2028\" for 4,5 M", got)
	}
}

// TestEstimateFlag checks that a statistical table's estimate ("2 310 e",
// "68,9 (e)") is read as approximate, and a provisional figure ("3 480 p")
// as exact.
func TestEstimateFlag(t *testing.T) {
	r := mustDefault(t)
	text := "Le profil du pays :\n\nIndicateur | Unité | 2023 | 2024\n\n" +
		"Ménages bénéficiaires de l'aide sociale directe | milliers | 2 950 (e) | 3 480 p\n"
	facts, _ := r.Extract(Input{Text: text, Published: "2025-03-12"})
	got := map[float64]string{}
	for _, f := range facts {
		got[f.Value] = f.Qualifier
	}
	if got[2.95e6] != "about" || got[3.48e6] != "exact" {
		t.Errorf("qualifiers %v, want about for 2 950 (e) and exact for 3 480 p", got)
	}
}

// TestFlaggedYearColumns checks that a column headed by a flagged year
// holds at that year, its cells estimates ("2024e") or projections
// ("2026p").
func TestFlaggedYearColumns(t *testing.T) {
	r := mustDefault(t)
	text := "Indicateurs de l'AMO Tadamon :\n\n— | 2023 | 2024e | 2026p\n\n" +
		"Bénéficiaires de l'AMO Tadamon (millions) | 11,0 | 11,4 | 12,1\n\nSource : caisse"
	facts, _ := r.Extract(Input{Text: text, Published: "2025-03-12"})
	type got struct{ asOf, qual, modality string }
	want := map[float64]got{
		11.0e6: {"2023", "exact", ""},
		11.4e6: {"2024", "about", ""},
		12.1e6: {"2026", "exact", "forecast"},
	}
	seen := 0
	for _, f := range facts {
		w, ok := want[f.Value]
		if !ok {
			continue
		}
		seen++
		if f.AsOf != w.asOf || f.Qualifier != w.qual || f.Modality != w.modality {
			t.Errorf("%g: as_of %s, qualifier %s, modality %q; want %v", f.Value, f.AsOf, f.Qualifier, f.Modality, w)
		}
	}
	if seen != len(want) {
		t.Errorf("read %d of the %d cells: %+v", seen, len(want), facts)
	}
}
