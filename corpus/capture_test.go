package corpus

import "testing"

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in, want string // want: the stamp as 2006-01-02 15:04, or its date alone when it gives no time
	}{
		{"2025-03-13T07:40:12Z", "2025-03-13 07:40"},
		{"2025-03-12 09:00:00", "2025-03-12 09:00"},
		{"2025-03-12T23:30:00-05:00", "2025-03-12 23:30"},
		{"20250312093000", "2025-03-12 09:30"},
		{"Wed Mar 12 2025 16:20:05 GMT+0100 (heure normale d’Europe centrale)", "2025-03-12 16:20"},
		{"Wed, 12 Mar 2025 15:20:05 GMT", "2025-03-12 15:20"},
		{"12/03/2025 16:20", "2025-03-12 16:20"},
		{"14 mars 2025 10:02:11 GMT", "2025-03-14 10:02"},
		{"12 mars 2025", "2025-03-12"},
		{"2025-02-30", ""},
		{"bientôt", ""},
	}
	for _, tc := range tests {
		c := parseStamp(tc.in)
		got := ""
		switch {
		case c.known() && c.clock:
			got = c.t.Format("2006-01-02 15:04")
		case c.known():
			got = c.t.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("parseStamp(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRelativeDate(t *testing.T) {
	clock := parseStamp("2025-03-12T01:30:00+01:00")
	day := parseStamp("2025-03-12")
	tests := []struct {
		in    string
		stamp captureStamp
		want  string
	}{
		{"il y a 3 heures", clock, "2025-03-11"}, // 01:30 less three hours
		{"Publié il y a 20 minutes", clock, "2025-03-12"},
		{"il y a 3 heures", day, ""}, // no time of day: hours cannot be counted
		{"il y a 2 jours", day, "2025-03-10"},
		{"Hier à 18h30", day, "2025-03-11"},
		{"avant-hier", day, "2025-03-10"},
		{"Aujourd'hui à 10:15", day, "2025-03-12"},
		{"2 days ago", day, "2025-03-10"},
		{"yesterday at 6:30 pm", day, "2025-03-11"},
		// weeks name no day: the month, when all the days they may mean
		// (21 to 27 back) fall in one, else nothing
		{"il y a 3 semaines", day, "2025-02"},
		{"3 sem.", day, "2025-02"},
		{"il y a 1 semaine", day, ""}, // 27 February to 5 March
		{"5 h", clock, "2025-03-11"},
		{"il y a quelques heures", clock, ""},
		{"Hier à 18h30", captureStamp{}, ""}, // no stamp: nothing to count from
		{"hier, le ministre a annoncé", day, ""},
	}
	for _, tc := range tests {
		if got := relativeDate(tc.in, tc.stamp); got != tc.want {
			t.Errorf("relativeDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDatelineWithYear(t *testing.T) {
	c := parseStamp("2025-01-05")
	tests := []struct{ in, want string }{
		{"Azilal, 3 janvier (MAP) - Le texte.", "2025-01-03"},
		{"RABAT, 12 décembre (Reuters) - Le texte.", "2024-12-12"}, // after the stamp's day: last year's
		{"Azilal, 3 janvier 2024 (MAP) - Le texte.", ""},           // a full dateline is read elsewhere
		{"Le 3 janvier, le texte.", ""},
	}
	for _, tc := range tests {
		if got := datelineWithYear(tc.in, c); got != tc.want {
			t.Errorf("datelineWithYear(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := datelineWithYear("Azilal, 3 janvier (MAP) - Le texte.", captureStamp{}); got != "" {
		t.Errorf("without a stamp: %q, want \"\"", got)
	}
}

func TestArticleDate(t *testing.T) {
	tests := []struct{ in, date, updated string }{
		{"Mis à jour le 14 mars 2025 à 08h05 Publié le 12 mars 2025 à 18h40", "2025-03-12", "2025-03-14"},
		{"12 mars 2025 | Rédaction", "2025-03-12", ""},
		{"Imprimé le 20/03/2025, publié le 12/03/2025", "2025-03-12", ""},
		{"Par A. Nom, publié par la rédaction le 12.03.2025", "2025-03-12", ""},
		{"2,5 millions d'assurés au 31 décembre 2024", "", ""},
		{"Bilan au 31/12/2025", "", ""},
		{"du 10 au 12 mars 2025", "", ""},
		{"telle qu'elle était affichée le 14 mars 2025", "", ""},
		{"Mis à jour : 14/03/2025", "", "2025-03-14"},
		{"Séance du mardi 12 mars 2025", "2025-03-12", ""},
	}
	for _, tc := range tests {
		d, u := articleDate(tc.in)
		if d != tc.date || u != tc.updated {
			t.Errorf("articleDate(%q) = %q, %q; want %q, %q", tc.in, d, u, tc.date, tc.updated)
		}
	}
}

func TestSittingAndClosing(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Séance du mardi 12 mars 2025", "2025-03-12"},
		{"Compte rendu de la réunion du 12/03/2025", "2025-03-12"},
		{"Session de janvier 2025", ""},
		{"Séance du mardi 12 mars 2025 consacrée aux retraites", ""},
	} {
		if got := sittingDate(tc.in); got != tc.want {
			t.Errorf("sittingDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"Le texte du communiqué, assez long pour une phrase.", "Fait à Rabat, le 12 mars 2025"}, "2025-03-12"},
		{[]string{"Le texte.", "Casablanca le 12/03/2025", "Le Directeur"}, "2025-03-12"},
		{[]string{"Rabat, le 12 mars 2025", "Le dernier paragraphe revient sur les 2 millions de familles."}, ""},
	} {
		if got := closingDate(tc.in); got != tc.want {
			t.Errorf("closingDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLabelledLineDate(t *testing.T) {
	c := parseStamp("2025-03-14")
	tests := []struct {
		in    string
		stamp captureStamp
		want  string
	}{
		{"12/03/2025 à 10h32", captureStamp{}, "2025-03-12"},
		{"12/03/25 à 10h32", captureStamp{}, "2025-03-12"},
		{"le 12.03.25", captureStamp{}, "2025-03-12"},
		{"12 mars à 10h32", c, "2025-03-12"},
		{"12 mars à 10h32", captureStamp{}, ""},
		{"20 mars à 10h32", c, "2024-03-20"}, // after the stamp: last year's
		{"12/03/2025/4", captureStamp{}, "2025-03-12"},
		{"3 ménages", c, ""},
	}
	for _, tc := range tests {
		if got := labelledLineDate(tc.in, tc.stamp); got != tc.want {
			t.Errorf("labelledLineDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDateThenName(t *testing.T) {
	tests := []struct{ in, date, author string }{
		{"Le 12 mars 2025 par Karim Benali", "2025-03-12", "Karim Benali"},
		{"12 mars 2025 à 10h32, par Karim Benali", "2025-03-12", "Karim Benali"},
		{"Le 04/06/2025 à 08h15 — par Karim Benali", "2025-06-04", "Karim Benali"},
		{"04/06/2025 - par Karim Benali", "2025-06-04", "Karim Benali"},
		{"12 mars 2025 Karim Benali", "2025-03-12", ""},
		{"12 mars 2025 Ouverture des guichets aux familles", "", ""},
		{"12 mars 2025 par décret du ministre", "", ""},
	}
	for _, tc := range tests {
		d, a := dateThenName(tc.in)
		if d != tc.date || a != tc.author {
			t.Errorf("dateThenName(%q) = %q, %q; want %q, %q", tc.in, d, a, tc.date, tc.author)
		}
	}
}
