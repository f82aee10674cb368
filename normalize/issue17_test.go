package normalize

import "testing"

// TestIssue17Forms covers the forms issue 17 names, each in a sentence of
// our own, at the reference date testRef (Monday 17 February 2025).
func TestIssue17Forms(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []want
	}{
		// anaphoric days: from the day the paragraph named, else from Ref
		{"Le dispositif a été signé la veille.", []want{day("la veille", "2025-02-16")}},
		{"Le 3 mars 2024, 3 millions de dossiers. La veille, 2 millions.", []want{day("3 mars 2024", "2024-03-03"),
			wnum("3 millions", 3e6, "exact"), day("La veille", "2024-03-02"), wnum("2 millions", 2e6, "exact")}},
		{"Le lendemain du 13 février, le portail a rouvert.", []want{day("Le lendemain du 13 février", "2025-02-14")}},
		{"Le 3 mars 2024, puis deux jours plus tard.", []want{day("3 mars 2024", "2024-03-03"), day("deux jours plus tard", "2024-03-05")}},
		{"Les versements reprennent une semaine après.", []want{day("une semaine après", "2025-02-24")}},
		{"Le jour suivant, la caisse a payé.", []want{day("Le jour suivant", "2025-02-18")}},
		{"la semaine suivante", []want{day("la semaine suivante", "2025-02-24/2025-03-02")}},
		// an event is no date to count from
		{"à la veille des élections", nil},
		{"un an après son lancement", nil},
		// a bare day of the month opening a clause
		{"Le 16, la caisse a versé 3 millions.", []want{day("Le 16", "2025-02-16"), wnum("3 millions", 3e6, "exact")}},
		{"En mars 2024, 3 millions. Le 16, 2 millions.", []want{day("En mars 2024", "2024-03"), wnum("3 millions", 3e6, "exact"),
			day("Le 16", "2024-03-16"), wnum("2 millions", 2e6, "exact")}},
		{"le 17/02", []want{day("le 17/02", "2025-02-17")}},
		{"les versements interviennent entre le 5 et le 10, chaque mois", []want{wnum("5", 5, "exact"), wnum("10", 10, "exact")}},
		{"le 16 000", []want{wnum("16 000", 16000, "exact")}},
		// parts of the week, seasons
		{"en fin de semaine", []want{day("en fin de semaine", "2025-02-20/2025-02-23")}},
		{"au début de la semaine", []want{day("au début de la semaine", "2025-02-17/2025-02-18")}},
		{"cet été", []want{day("cet été", "2025-06-21/2025-09-23")}},
		{"cet hiver", []want{day("cet hiver", "2024-12-21/2025-03-20")}},
		// named days of the Moroccan calendar; the Hijri feasts from a table
		{"la Toussaint", []want{day("la Toussaint", "2024-11-01")}},
		{"pendant le Ramadan 2024", []want{day("Ramadan 2024", "2024-03-12/2024-04-09")}},
		{"à l'Aïd al-Adha 2023", []want{day("Aïd al-Adha 2023", "2023-06-29")}},
		{"Aïd al-Fitr 2025", []want{day("Aïd al-Fitr 2025", "2025-03-31")}},
		{"la fête du Trône 2024", []want{day("fête du Trône 2024", "2024-07-30")}},
		{"la Marche verte", []want{day("Marche verte", "2024-11-06")}},
		{"le manifeste de l'indépendance", []want{day("manifeste de l'indépendance", "2025-01-11")}},
		// a Hijri year is neither a Gregorian date nor a figure
		{"opération Ramadan 1445", nil},
		// ordinals of days, weeks and quarters
		{"le dernier jour d'octobre 2015", []want{day("dernier jour d'octobre 2015", "2015-10-31")}},
		{"le 3e jour d'octobre 2024", []want{day("3e jour d'octobre 2024", "2024-10-03")}},
		{"la troisième semaine de 2027", []want{day("troisième semaine de 2027", "2027-01-18/2027-01-24")}},
		{"le troisième trimestre 2016", []want{day("troisième trimestre 2016", "2016-07/2016-09")}},
		{"le premier quart d'heure", nil},
		// weekdays counted in weeks, parts of the year, a risky month after "en"
		{"mercredi suivant", []want{day("mercredi suivant", "2025-02-26")}},
		{"lundi en huit", []want{day("lundi en huit", "2025-02-24")}},
		{"mardi de la semaine d'après", []want{day("mardi de la semaine d'après", "2025-02-25")}},
		{"en début d'année", []want{day("en début d'année", "2025-01")}},
		{"à la fin de l'année 2024", []want{day("fin de l'année 2024", "2024-12")}},
		{"en mars, 3 millions", []want{day("en mars", "2025-03"), wnum("3 millions", 3e6, "exact")}},
		{"au titre du mois de mars", []want{day("mars", "2025-03")}},
		{"ses agences saturées en début de mois", nil},
		{"il y a à peu près un mois", []want{day("il y a à peu près un mois", "2025-01-17")}},
		{"il y a environ deux ans, 3 millions", []want{day("il y a environ deux ans", "2023-02-17"), wnum("3 millions", 3e6, "exact")}},
		// negative figures, not "moins de"
		// A spaced dash opening a line is a list item, not a sign.
		{"- 1.200.000 familles", []want{wnum("1.200.000", 1.2e6, "exact")}},
		{"un solde de moins 1 200 000 dirhams", []want{mad("moins 1 200 000 dirhams", -1.2e6, "exact")}},
		{"moins de 1 200 000 dirhams", []want{mad("moins de 1 200 000 dirhams", 1.2e6, "less_than")}},
		{"au moins 10 euros", []want{{"au moins 10 euros", Money, 10, 0, "EUR", "at_least", ""}}},
		{"de 10 - 20", []want{wnum("10", 10, "exact"), wnum("20", 20, "exact")}},
		// currencies
		{"neuf livres sterling", []want{{"neuf livres sterling", Money, 9, 0, "GBP", "exact", ""}}},
		{"100 riyals", []want{{"100 riyals", Money, 100, 0, "SAR", "exact", ""}}},
		{"100 rials", []want{mad("100 rials", 5, "exact")}},
		{"2 millions de rials", []want{mad("2 millions de rials", 100000, "exact")}},
		{"500 francs CFA", []want{{"500 francs CFA", Money, 500, 0, "XOF", "exact", ""}}},
		{"3 millions de yuans", []want{{"3 millions de yuans", Money, 3e6, 0, "CNY", "exact", ""}}},
		{"entre 10 - 20 euros par mois", []want{{"10 - 20 euros", Money, 10, 20, "EUR", "exact", ""}}},
		{"1 USD 23 cents", []want{{"1 USD 23 cents", Money, 1.23, 0, "USD", "exact", ""}}},
		{"pas plus de 10 dollars", []want{{"pas plus de 10 dollars", Money, 10, 0, "USD", "up_to", ""}}},
	} {
		got := Scan(c.in, &Options{Ref: testRef})
		if err := compare(c.in, got, c.want); err != nil {
			t.Errorf("Scan(%q): %v", c.in, err)
		}
	}
}
