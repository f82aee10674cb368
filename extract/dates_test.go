package extract

import "testing"

// TestAsOfRules covers the dates a figure takes from outside its own
// clause: a finance law's year, a table's caption, a sentence in the
// imperfect, a programme paid once a year.
func TestAsOfRules(t *testing.T) {
	tests := []struct {
		name, title, text, published string
		want                         []string
	}{
		{"finance law's year in the sentence", "",
			"Le projet de loi de finances 2026 réserve 29 milliards de dirhams à l'aide sociale directe.", "2025-10-20",
			[]string{"asd budget 2.9e+10 MAD exact 2026"}},
		{"finance law's year in the title", "PLF 2026 : les dépenses sociales en hausse",
			"Le texte réserve 29 milliards de dirhams à l'aide sociale directe.", "2025-10-20",
			[]string{"asd budget 2.9e+10 MAD exact 2026"}},
		{"the law in course is the publication's year", "PLF 2026 : les dépenses sociales en hausse",
			"Le texte réserve 29 milliards de dirhams à l'aide sociale directe, contre 26 milliards dans la loi de finances en cours.", "2025-10-20",
			[]string{"asd budget 2.9e+10 MAD exact 2026", "asd budget 2.6e+10 MAD exact 2025"}},
		{"a finance bill's change runs from the year in course", "PLF 2026 : les dépenses sociales en hausse",
			"La dotation de l'aide sociale directe passe de 26,5 à 29 milliards de dirhams.", "2025-10-20",
			[]string{"asd budget 2.65e+10 MAD exact 2025", "asd budget 2.9e+10 MAD exact 2026"}},
		{"a law compared with in the sentence before is not the paragraph's", "PLF 2026 : les dépenses sociales en hausse",
			"Le chantier de la protection sociale mobilisera 40 milliards de dirhams en 2026, contre 37 milliards dans la loi de finances 2025. Le texte réserve 29 milliards de dirhams à l'aide sociale directe.", "2025-10-20",
			[]string{"protection-sociale budget 4e+10 MAD exact 2026", "protection-sociale budget 3.7e+10 MAD exact 2025", "asd budget 2.9e+10 MAD exact 2026"}},
		{"a paragraph that reports on a month holds at it", "",
			"Au titre du mois de février 2025, l'aide sociale directe a été versée à 3,9 millions de ménages. Les versements ont concerné 5,4 millions d'enfants, et le montant de 250 dirhams par enfant reste inchangé.", "2025-03-12",
			[]string{"asd beneficiaries 3.9e+06 household exact 2025-02", "asd beneficiaries 5.4e+06 child exact 2025-02", "asd allowance 250 MAD exact 2025-03"}},
		{"a month's payment anchors its paragraph, a count since the start does not", "",
			"Parmi les ménages de l'aide sociale directe payés en avril, 2,6 millions comptent des enfants. L'aide a ainsi touché 5,8 millions d'enfants. Depuis son lancement, le programme a reçu 3,1 millions de demandes d'aide.", "2025-05-20",
			[]string{"asd beneficiaries 2.6e+06 household exact 2025-04", "asd beneficiaries 5.8e+06 child exact 2025-04", "asd files_submitted 3.1e+06 file exact 2025-05"}},
		{"a year's payment does not anchor its paragraph", "",
			"Les aides versées en 2024 ont atteint 25 milliards de dirhams. L'aide sociale directe touche 4 millions de ménages.", "2025-05-20",
			[]string{"asd amount_paid 2.5e+10 MAD exact 2024", "asd beneficiaries 4e+06 household exact 2025-05"}},
		{"money paid in the future is the bill's", "PLF 2026 : les dépenses sociales en hausse",
			"Le fonds de l'indemnité pour perte d'emploi recevra une subvention de 300 millions de dirhams.", "2025-10-20",
			[]string{"ipe amount_paid 3e+08 MAD exact 2026"}},
		{"a clause joined by et shares the future of the one before", "PLF 2026 : les dépenses sociales en hausse",
			"Le fonds de l'indemnité pour perte d'emploi recevra 300 millions de dirhams de l'État, et 80 millions au titre des frais de gestion.", "2025-10-20",
			[]string{"ipe amount_paid 3e+08 MAD exact 2026", "ipe amount_paid 8e+07 MAD exact 2026"}},
		{"no law, the publication month", "",
			"Le texte réserve 29 milliards de dirhams à l'aide sociale directe.", "2025-10-20",
			[]string{"asd budget 2.9e+10 MAD exact 2025-10"}},
		{"a caption's date dates the cells", "",
			"Le point sur les régimes.\n\nAssurés de l'AMO Tadamon (situation à fin juin 2024)\n\nRégime | Bénéficiaires (en milliers)\n\nAMO Tadamon | 11 200\n", "2024-09-02",
			[]string{"amo-tadamon beneficiaries 1.12e+07 person exact 2024-06"}},
		{"the imperfect holds at the sentence before", "",
			"À fin décembre 2024, le Registre social unifié comptait 6,1 millions de ménages inscrits. Le Registre national de la population réunissait alors 23,4 millions de personnes.", "2025-03-03",
			[]string{"rsu enrolled 6.1e+06 household exact 2024-12", "rnp enrolled 2.34e+07 person exact 2024-12"}},
		{"the present holds at publication", "",
			"À fin décembre 2024, le Registre social unifié comptait 6,1 millions de ménages inscrits. Le Registre national de la population réunit 23,4 millions de personnes.", "2025-03-03",
			[]string{"rsu enrolled 6.1e+06 household exact 2024-12", "rnp enrolled 2.34e+07 person exact 2025-03"}},
		{"désormais speaks of the present", "",
			"Fin 2023, le registre social unifié comptait 50.000 ménages inscrits dans la province; il en compte désormais 67.000.", "2025-07-10",
			[]string{"rsu enrolled 50000 household exact 2023-12", "rsu enrolled 67000 household exact 2025-07"}},
		{"alors is the moment just named", "",
			"L'AMO Tadamon a succédé en décembre 2022 au RAMED, qui comptait alors 10,6 millions de bénéficiaires.", "2025-03-03",
			[]string{"ramed beneficiaries 1.06e+07 person exact 2022-12"}},
		{"a continuing sentence holds at the main figure's date", "",
			"Au premier semestre, 14.000 demandes d'indemnité pour perte d'emploi ont été déposées, contre 11.000 un an plus tôt. Parmi elles, 9.000 ont été acceptées. Les indemnités versées sur la période atteignent 95 millions de dirhams.", "2026-07-15",
			[]string{"ipe files_submitted 14000 file exact 2026-06", "ipe files_submitted 11000 file exact 2025-06", "ipe files_processed 9000 file exact 2026-06", "ipe amount_paid 9.5e+07 MAD exact 2026-06"}},
		{"compared with a figure of the present, not the paragraph's date", "",
			"En juin, la CNSS comptait 2 millions d'assurés principaux à l'AMO des travailleurs non salariés. L'AMO des travailleurs non salariés couvre désormais 4,9 millions de personnes, contre 4,2 millions un an plus tôt.", "2025-09-10",
			[]string{"amo-tns beneficiaries 2e+06 person exact 2025-06", "amo-tns beneficiaries 4.9e+06 person exact 2025-09", "amo-tns beneficiaries 4.2e+06 person exact 2024-09"}},
		{"a verb of meetings does not reach over a figure to its date", "",
			"Le régime de l'AMO Tadamon réunit 11,4 millions d'assurés à fin mars 2025. Le conseil d'administration de la CNSS, réuni en avril, a relevé que l'AMO des travailleurs non salariés compte 4 millions d'assurés principaux.", "2025-05-06",
			[]string{"amo-tadamon beneficiaries 1.14e+07 person exact 2025-03", "amo-tns beneficiaries 4e+06 person exact 2025-05"}},
		{"a comparison's date does not date the values after a colon", "",
			"Pour l'aide à la rentrée scolaire, rien ne change par rapport à l'année précédente : 250 dirhams par élève du primaire.", "2025-09-20",
			[]string{"aide-rentree allowance 250 MAD exact 2025-09"}},
		{"the compared value is the comparison's", "",
			"En octobre, l'aide sociale directe a coûté 2,4 milliards de dirhams, en hausse par rapport à septembre (2,3 milliards de dirhams).", "2025-11-20",
			[]string{"asd amount_paid 2.4e+09 MAD exact 2025-10", "asd amount_paid 2.3e+09 MAD exact 2025-09"}},
		{"a yearly aid's year is its month", "",
			"Cette année, l'aide à la rentrée scolaire a bénéficié à 3,6 millions d'élèves.", "2025-10-02",
			[]string{"aide-rentree beneficiaries 3.6e+06 student exact 2025-09"}},
		{"not before its month has come", "",
			"Cette année, l'aide à la rentrée scolaire bénéficiera à 3,6 millions d'élèves.", "2025-05-02",
			[]string{"aide-rentree beneficiaries 3.6e+06 student exact 2025"}},
	}
	r := mustDefault(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkShort(t, r, Input{Text: tt.text, Published: tt.published, Title: tt.title}, tt.want)
		})
	}
}
