package extract

import (
	"testing"
)

// TestPhrasingFamilies checks the phrasing families of testdata/fresh2 on
// sentences of our own (none is taken from a test article).
func TestPhrasingFamilies(t *testing.T) {
	r := mustDefault(t)
	type want struct {
		prog, metric, unit string
		value              float64
		qual, asOf         string
	}
	tests := []struct {
		name, text, title string
		want              []want
		not               []float64 // values that must not be facts
	}{
		{name: "verb after a bare count",
			text: "Sur les 2,8 millions d'affiliés de l'AMO TNS, seuls 900.000 paient régulièrement, dont 40.000 relèvent des professions libérales.",
			want: []want{{"amo-tns", "enrolled", "person", 2800000, "exact", "2025-03"}, {"amo-tns", "enrolled", "person", 40000, "exact", "2025-03"}}},
		{name: "enumeration shares noun and cue",
			text: "Les provinces de Tanger, Tétouan et Larache totalisent respectivement 210.000, 95.000 et 61.000 foyers inscrits au RSU.",
			want: []want{{"rsu", "enrolled", "household", 210000, "exact", "2025-03"}, {"rsu", "enrolled", "household", 95000, "exact", "2025-03"}, {"rsu", "enrolled", "household", 61000, "exact", "2025-03"}}},
		{name: "verbless label clauses",
			text: "Parmi les adhérents de l'AMO Achamil, les retraités représentent 44 %, les rentiers 12 % et les étudiants 3 %.",
			want: []want{{"amo-achamil", "share", "percent", 12, "exact", "2025-03"}, {"amo-achamil", "share", "percent", 3, "exact", "2025-03"}}},
		{name: "list lines after a header",
			text: "Voici les crédits inscrits au budget 2026 :\nAMO Tadamon : 11 Mds DH\nAide sociale directe : 30 Mds DH\n- dont aide à la rentrée scolaire : 1,4 Md DH",
			want: []want{{"amo-tadamon", "budget", "MAD", 11e9, "exact", "2025-03"}, {"asd", "budget", "MAD", 30e9, "exact", "2025-03"}, {"aide-rentree", "budget", "MAD", 1.4e9, "exact", "2025-03"}}},
		{name: "list line whose label is the noun",
			text: "Le réseau de la CNSS en chiffres :\nAgences : 162\nPoints de proximité : 3.400",
			want: []want{{"amo", "points_of_service", "point", 162, "exact", "2025-03"}, {"amo", "points_of_service", "point", 3400, "exact", "2025-03"}}},
		{name: "pronoun carries the previous count",
			text: "L'aide sociale directe profite à 61.000 ménages dans la province d'Errachidia. Deux ans plus tôt, ils étaient 48.000.",
			want: []want{{"asd", "beneficiaries", "household", 48000, "exact", "2023-03"}}},
		{name: "relative date counts from the compared date",
			text: "Les prestations de l'AMO TNS ont atteint 3,6 milliards de dirhams en 2024, contre 1,9 milliard deux ans plus tôt.",
			want: []want{{"amo-tns", "amount_paid", "MAD", 1.9e9, "exact", "2022"}}},
		{name: "a relative date keeps the month of the compared date",
			text: "Au 31 janvier 2025, le RSU recensait 6 millions de ménages, contre 5,6 millions six mois plus tôt.",
			want: []want{{"rsu", "enrolled", "household", 5600000, "exact", "2024-07"}}},
		{name: "present time in a comparison",
			text: "Le taux de recouvrement de l'AMO TNS était de 22 % en 2023, contre 39 % actuellement.",
			want: []want{{"amo-tns", "share", "percent", 39, "exact", "2025-03"}}},
		{name: "a date that points back",
			text: "La CNSS a repris la gestion du régime en mars 2023. À cette date, la CNOPS comptait 1,2 million d'assurés.",
			want: []want{{"amo-fonctionnaires", "beneficiaries", "person", 1200000, "exact", "2023-03"}}},
		{name: "an aside does not change the topic",
			text: "L'AMO Achamil compte 350.000 adhérents. Pour rappel, l'AMO Tadamon couvre 11 millions de personnes. Le régime a remboursé 90.000 dossiers.",
			want: []want{{"amo-achamil", "files_processed", "file", 90000, "exact", "2025-03"}}},
		{name: "a name in passing does not change the topic",
			text: "Le RSU compte 6,1 millions de ménages. Quelque 30.000 ménages s'y inscrivent chaque mois, un rythme stable depuis le lancement de l'aide sociale directe. Au total, 2 millions de demandes de mise à jour ont été déposées.",
			want: []want{{"rsu", "files_submitted", "file", 2000000, "exact", "2025-03"}}},
		{name: "a verb-first clause counts the sentence's subject, not the incise",
			text: "De son côté, l'AMO Achamil, qui complète l'AMO Tadamon et l'AMO TNS, totalise 510.000 affiliés.",
			want: []want{{"amo-achamil", "enrolled", "person", 510000, "exact", "2025-03"}}},
		{name: "an amount per beneficiary",
			text: "Les veufs bénéficiaires de l'ASD touchent un montant fixe de 450 DH.",
			want: []want{{"asd", "allowance", "MAD", 450, "exact", "2025-03"}}},
		{name: "a new level after a change verb",
			text: "L'allocation par enfant de l'ASD, de 200 DH aujourd'hui, passera à 300 DH en janvier prochain.",
			want: []want{{"asd", "allowance", "MAD", 300, "exact", "2026-01"}}},
		{name: "bracketed comparison",
			text: "Les versements de l'ASD ont totalisé 2,4 milliards de dirhams en mai, en légère hausse par rapport à avril (2,38 milliards).",
			want: []want{{"asd", "amount_paid", "MAD", 2.38e9, "exact", "2025-04"}}},
		{name: "what people pay, phone numbers, population, deficits are no facts",
			text: "Les assurés de l'AMO TNS doivent payer 300 dirhams par mois. Le centre d'appel de la CNSS est joignable au 080 200 72 72. La région compte 4,5 millions d'habitants. Le déficit des régimes de retraite atteindrait 90 milliards de dirhams.",
			not:  []float64{300, 4500000, 90e9}},
		{name: "pension funds name the pension reform",
			text: "La CMR et le RCAR servent respectivement 400.000 et 200.000 pensions.",
			want: []want{{"retraite", "beneficiaries", "person", 400000, "exact", "2025-03"}, {"retraite", "beneficiaries", "person", 200000, "exact", "2025-03"}}},
		{name: "the title's programme after another paragraph",
			title: "AMO Tadamon : le bilan de l'année",
			text:  "L'AMO Tadamon couvre 11,2 millions de personnes.\nLe budget de l'aide sociale directe, lui, reste stable.\nLes hôpitaux publics ont facturé 2 millions d'actes.",
			want:  []want{{"amo-tadamon", "services_billed", "service", 2000000, "exact", "2025-03"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, _ := r.Extract(Input{Text: tt.text, Published: "2025-03-12", Title: tt.title})
			for _, w := range tt.want {
				found := false
				for _, f := range facts {
					if f.Programme == w.prog && f.Metric == w.metric && f.Unit == w.unit && f.Value == w.value {
						found = true
						if f.Qualifier != w.qual || f.AsOf != w.asOf {
							t.Errorf("%v: got qualifier %s as_of %s", w, f.Qualifier, f.AsOf)
						}
					}
				}
				if !found {
					t.Errorf("missing %v; got:", w)
					for _, f := range facts {
						t.Logf("  %s/%s %g %s %s %s (%s, %s)", f.Programme, f.Metric, f.Value, f.Unit, f.Qualifier, f.AsOf, f.Rule, f.ProgrammeFrom)
					}
				}
			}
			for _, v := range tt.not {
				for _, f := range facts {
					if f.Value == v {
						t.Errorf("%g is no fact, got %s/%s (%s)", v, f.Programme, f.Metric, f.Rule)
					}
				}
			}
		})
	}
}
