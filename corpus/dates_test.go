package corpus

import "testing"

func TestIsoDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-02-17", "2025-02-17"},
		{"2025-02-17T10:45:00Z", "2025-02-17"},
		{"2019-12-09T19:00:49+01:00", "2019-12-09"},
		{"2022-05-03 14:00:00.000000", "2022-05-03"},
		{"2023-04", "2023-04"},
		{"2025/02/17", "2025-02-17"},
		{"Mon, 18 Nov 2019 10:45:00 +0000", "2019-11-18"},
		{"2025-02-30", ""},
		{"2025-13-01", ""},
		{"20250217", ""},
		{"", ""},
		{"hier", ""},
	}
	for _, tc := range tests {
		if got := isoDate(tc.in); got != tc.want {
			t.Errorf("isoDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextDate(t *testing.T) {
	tests := []struct {
		in, want string
		at       int
	}{
		{"a présidé, mardi 26 novembre 2024 à Rabat", "2024-11-26", 19},
		{"le 17 - 02 - 2025", "2025-02-17", 3},
		{"Publié le 17/02/2025 à 10h", "2025-02-17", 11},
		{"depuis le 1er décembre 2022,", "2022-12-01", 10},
		{"— Agence MAP (@MAP_Information) September 16, 2025", "2025-09-16", 34},
		{"20. Mai 2007", "2007-05-20", 0},
		{"26 de noviembre de 2024", "2024-11-26", 0},
		{"le 5 février 2024 puis le 3 mars 2023", "2024-02-05", 3},
		{"lundi à Rabat", "", -1},
		{"en 2023, 4 millions", "", -1},
		{"le 31 février 2024", "", -1},
		{"12 - 31 - 2024", "", -1},
	}
	for _, tc := range tests {
		got, at := textDate(tc.in)
		if got != tc.want || at != tc.at {
			t.Errorf("textDate(%q) = %q, %d; want %q, %d", tc.in, got, at, tc.want, tc.at)
		}
	}
}

func TestHeaderDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-04", "2023-04"},
		{"avril 2023", "2023-04"},
		{"17 février 2025", "2025-02-17"},
		{"2025-09-17", "2025-09-17"},
		{"demain", ""},
	}
	for _, tc := range tests {
		if got := headerDate(tc.in); got != tc.want {
			t.Errorf("headerDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFrontLineDate(t *testing.T) {
	tests := []struct {
		in, date, author string
		byline           bool
	}{
		{"Publié le mercredi 8 janvier 2025 à 07h45 | Par Leila Amrani | Photo : DR", "2025-01-08", "Leila Amrani", true},
		{"8 janvier 2025 | Service Économie | 12 commentaires", "2025-01-08", "", true},
		{"08/01/2025, 07:45 | 6 min de lecture", "2025-01-08", "", true},
		{"Rédigé par Leila Amrani le Mercredi 8 Janvier 2025", "2025-01-08", "Leila Amrani", true},
		{"N° 4120 - Mercredi 8 janvier 2025 Page 3", "2025-01-08", "", false},
		{"Agadir, le 8 janvier 2025", "2025-01-08", "", false},
		{"Le Journal du soir - mer. 8 janv. 2025", "", "", false},
		{"8 janvier 2025 | Ouverture des guichets aux familles", "", "", false},
		{"Session de janvier 2025 - Commission des finances", "", "", false},
		{"Accueil | Économie | Société", "", "", false},
		{"17 - 02 - 2025", "2025-02-17", "", true},
	}
	for _, tc := range tests {
		d, a, byline := frontLineDate(tc.in, captureStamp{})
		if d != tc.date || a != tc.author || byline != tc.byline {
			t.Errorf("frontLineDate(%q) = %q, %q, %v; want %q, %q, %v", tc.in, d, a, byline, tc.date, tc.author, tc.byline)
		}
	}
}

func TestCoverDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Décembre 2024", "2024-12"},
		{"déc. 2024", "2024-12"},
		{"RS-2024/11 Novembre 2024", "2024-11"},
		{"Édition de mars 2023", "2023-03"},
		{"Fin mars 2023", ""},
		{"12 mars 2023", ""},
		{"Mars", ""},
	}
	for _, tc := range tests {
		if got := coverDate(tc.in); got != tc.want {
			t.Errorf("coverDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
