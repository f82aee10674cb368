package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks, on any text, that extraction neither panics nor
// reports a span that is not the text's own bytes.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Le régime AMO Tadamon compte 10,2 millions de bénéficiaires, dont 6,7 millions d'ayants droit.",
		"Au 26 septembre 2023, 3,2 millions de ménages étaient inscrits au RSU.",
		"Les familles reçoivent de 500 à 1.200 DH (ASD). Ce régime compte (1,9 million).",
		"passant de 8,6 millions à 24,3 millions entre 2021 et fin 2024",
		"« AMO – Tadamoune » : 4 MMDH… « 3 »",
		"\xff\xfe 12 millions de dossiers",
	} {
		f.Add(s, "2025-01-15")
	}
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		facts, _ := r.Extract(Input{Text: text, Published: published})
		for _, fc := range facts {
			if fc.Start < 0 || fc.End > len(text) || fc.Start > fc.End {
				t.Fatalf("span [%d,%d) outside a %d-byte text", fc.Start, fc.End, len(text))
			}
			if text[fc.Start:fc.End] != fc.Span {
				t.Fatalf("span %q is not text[%d:%d] = %q", fc.Span, fc.Start, fc.End, text[fc.Start:fc.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(fc.Span) {
				t.Fatalf("span %q cuts a character", fc.Span)
			}
			if !strings.Contains(text, fc.Quote) {
				t.Fatalf("quote %q is not in the text", fc.Quote)
			}
		}
	})
}

// FuzzParse checks that any rules file either compiles or fails with an
// error, never a panic.
func FuzzParse(f *testing.F) {
	f.Add(string(DefaultData()))
	f.Add("version: 1\nprogrammes:\n  - id: amo\n    aliases: [AMO]\n")
	f.Add("version: 1\nmetrics:\n  - id: share\n    units: [percent]\n    rules:\n      - name: share/x\n        pattern: 'FIG ('\n")
	f.Fuzz(func(t *testing.T, data string) {
		r, err := Parse("fuzz.yaml", []byte(data))
		if err == nil && r == nil {
			t.Fatal("no rules and no error")
		}
	})
}
