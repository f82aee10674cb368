package main

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFrenchValue(t *testing.T) {
	tests := []struct {
		v    float64
		max  *float64
		want string
	}{
		{22500000, nil, "22 500 000"},
		{40.5e9, nil, "40,5 milliards"},
		{1e9, nil, "1 milliard"},
		{1.5e9, nil, "1,5 milliard"},
		{2e9, nil, "2 milliards"},
		{8.7e9, nil, "8,7 milliards"},
		{1234567890, nil, "1 234 567 890"}, // not a round figure in billions
		{1250e9, nil, "1 250 milliards"},
		{93, nil, "93"},
		{12.5, nil, "12,5"},
		{0, nil, "0"},
		{999, nil, "999"},
		{1000, nil, "1 000"},
		{-4500.25, nil, "-4 500,25"},
		{500, ptr(1200), "500 à 1 200"},
	}
	for _, tt := range tests {
		if got := frenchValue(tt.v, tt.max); got != tt.want {
			t.Errorf("frenchValue(%v, %v) = %q, want %q", tt.v, tt.max, got, tt.want)
		}
	}
}

// parseFrench reads frenchNumber's output back, for the fuzz target.
func parseFrench(s string) (float64, error) {
	scale := 1.0
	for _, w := range []string{" milliards", " milliard"} {
		if t, ok := strings.CutSuffix(s, w); ok {
			s, scale = t, 1e9
			break
		}
	}
	if strings.Contains(s, "  ") || strings.HasPrefix(s, " ") {
		return 0, errors.New("bad grouping")
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", "."), 64)
	return v * scale, err
}

func FuzzFrenchNumber(f *testing.F) {
	for _, v := range []float64{22500000, 40.5e9, 1e9, 12.5, -4500.25, 0, 1e21, 5e-7} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		s := frenchNumber(v)
		got, err := parseFrench(s)
		if err != nil {
			t.Fatalf("frenchNumber(%v) = %q, unreadable: %v", v, s, err)
		}
		if got != v && math.Abs(got-v) > 1e-9*math.Abs(v) {
			t.Fatalf("frenchNumber(%v) = %q reads back as %v", v, s, got)
		}
		intPart, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSuffix(strings.TrimSuffix(s, " milliards"), " milliard"), "-"), ",")
		for i, g := range strings.Split(intPart, " ") {
			if len(g) > 3 || (i > 0 && len(g) != 3) {
				t.Fatalf("frenchNumber(%v) = %q: bad digit group %q", v, s, g)
			}
		}
	})
}

func TestShorten(t *testing.T) {
	long := "Concernant le remboursement des frais médicaux, Akhannouch a noté que 523.000 dossiers ont été traités pour un montant de 367 millions de dirhams en janvier."
	tests := []struct {
		name, q, span string
		n             int
		want          string // "" means: check the properties only
		prefix        bool   // want a leading "…"
	}{
		{name: "short stays", q: "Plus de 4 millions de familles.", span: "4 millions", n: 60, want: "Plus de 4 millions de familles."},
		{name: "span at start", q: long, span: "Concernant le", n: 40, want: "Concernant le remboursement des frais…"},
		{name: "span in the middle", q: long, span: "523.000 dossiers", n: 40, want: "…noté que 523.000 dossiers ont été…", prefix: true},
		{name: "span at the end", q: long, span: "en janvier.", n: 40, want: "…de 367 millions de dirhams en janvier.", prefix: true},
		{name: "span not in quote", q: long, span: "absent", n: 30, want: "Concernant le remboursement…"},
		{name: "cut right after the span", q: "dont 1,7 million de travailleurs non-salariés comme pensionnés principaux", span: "1,7 million de travailleurs non-salariés", n: 50, want: "dont 1,7 million de travailleurs non-salariés…"},
		{name: "no space to cut at", q: strings.Repeat("é", 100), span: "", n: 10, want: strings.Repeat("é", 9) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := shorten(tt.q, tt.span, tt.n)
			if tt.want != "" && got != tt.want {
				t.Errorf("shorten = %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.n {
				t.Errorf("shorten = %q: %d runes, more than %d", got, n, tt.n)
			}
			if strings.Contains(tt.q, tt.span) && !strings.Contains(got, tt.span) {
				t.Errorf("shorten = %q lost the span %q", got, tt.span)
			}
			if tt.prefix && !strings.HasPrefix(got, "…") {
				t.Errorf("shorten = %q, want a leading …", got)
			}
		})
	}
}

func FuzzShorten(f *testing.F) {
	f.Add("Concernant le remboursement des frais médicaux, 523.000 dossiers ont été traités.", "523.000 dossiers", 30)
	f.Add("abc", "", 1)
	f.Fuzz(func(t *testing.T, q, span string, n int) {
		if n < 3 || n > 200 || !utf8.ValidString(q) {
			return
		}
		got := shorten(q, span, n)
		if c := utf8.RuneCountInString(got); c > n {
			t.Fatalf("shorten(%q, %q, %d) = %q: %d runes", q, span, n, got, c)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("shorten(%q) = %q is not UTF-8", q, got)
		}
		if span != "" && strings.Contains(q, span) && utf8.RuneCountInString(span) <= n/2 && !strings.Contains(got, strings.TrimSpace(span)) {
			t.Fatalf("shorten(%q, %q, %d) = %q lost the span", q, span, n, got)
		}
	})
}

func TestFactsTable(t *testing.T) {
	db := syntheticStore(t)
	tests := []struct {
		name  string
		args  []string
		lines int      // table rows without the header
		has   []string // substrings of stdout
	}{
		{name: "all", args: nil, lines: 3, has: []string{"40,5 milliards", "500 à 1 200", "3 900 000", "household", "more_than", "2025-03"}},
		{name: "by metric", args: []string{"--metric", "budget"}, lines: 1, has: []string{"40,5 milliards"}},
		{name: "by doc path", args: []string{"--doc", "sub/b.txt"}, lines: 2},
		{name: "by doc file name", args: []string{"--doc", "b.txt"}, lines: 2},
		{name: "by programme, none", args: []string{"--programme", "rsu"}, lines: 0},
		{name: "by status", args: []string{"--status", "pending"}, lines: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := run(t, nil, append([]string{"facts", "--db", db}, tt.args...)...)
			if err != nil {
				t.Fatalf("facts: %v\n%s", err, errOut)
			}
			rows := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if out == "" {
				rows = nil
			}
			if tt.lines == 0 {
				if out != "" || !strings.Contains(errOut, "no fact matches") {
					t.Errorf("want no table and a note on stderr, got %q / %q", out, errOut)
				}
				return
			}
			if len(rows) != tt.lines+1 || !strings.HasPrefix(rows[0], "ID") {
				t.Fatalf("want a header and %d rows, got:\n%s", tt.lines, out)
			}
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("table lacks %q:\n%s", s, out)
				}
			}
		})
	}
	// Rows read as series: by programme, then metric (here all asd).
	out, _, err := run(t, nil, "facts", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if a, b, c := strings.Index(out, " allowance "), strings.Index(out, " beneficiaries "), strings.Index(out, " budget "); !(a < b && b < c) {
		t.Errorf("rows not sorted by metric:\n%s", out)
	}
	// The fact read in two documents counts two independent sources.
	out, _, err = run(t, nil, "facts", "--db", db, "--metric", "beneficiaries")
	if err != nil {
		t.Fatal(err)
	}
	if row := strings.Split(out, "\n")[1]; !regexp.MustCompile(`more_than +2025-03 +2 +Plus de 3,9`).MatchString(row) {
		t.Errorf("want 2 sources for the fact read twice, got row %q", row)
	}
}
