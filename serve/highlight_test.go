package serve

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faits/faits/store"
)

func joined(segs []segment) (text, marked string) {
	var a, b strings.Builder
	for _, s := range segs {
		a.WriteString(s.Text)
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		}
	}
	return a.String(), b.String()
}

func TestQuoteSegmentsUsesOffsets(t *testing.T) {
	body := "Intro.\n\nLe chiffre passe de 10 millions à 12 millions puis 10 millions. Fin."
	quote := "Le chiffre passe de 10 millions à 12 millions puis 10 millions."
	second := strings.LastIndex(body, "10 millions")
	tests := []struct {
		name       string
		src        store.Source
		body, want string
	}{
		{"second occurrence by offset", store.Source{Quote: quote, Span: "10 millions", Start: second, End: second + len("10 millions")}, body, "[10 millions]"},
		{"no body: first occurrence", store.Source{Quote: quote, Span: "12 millions", Start: 0, End: 3}, "", "[12 millions]"},
		{"offsets out of range", store.Source{Quote: quote, Span: "12 millions", Start: 500, End: 600}, body, "[12 millions]"},
		{"span not in quote", store.Source{Quote: quote, Span: "99", Start: -1, End: 2}, body, ""},
	}
	for _, tc := range tests {
		segs := quoteSegments(tc.src, tc.body)
		text, marked := joined(segs)
		if text != quote || marked != tc.want {
			t.Errorf("%s: text %q marked %q, want %q", tc.name, text, marked, tc.want)
		}
	}
	// The mark is the second "10 millions", not the first.
	segs := quoteSegments(tests[0].src, body)
	if segs[0].Text != "Le chiffre passe de 10 millions à 12 millions puis " {
		t.Errorf("marked the wrong occurrence: %q", segs[0].Text)
	}
}

func TestDocSegments(t *testing.T) {
	body := "Près de 8,6 millions puis 24,3 millions, soit 93 %."
	at := func(s string) (int, int) { i := strings.Index(body, s); return i, i + len(s) }
	a0, a1 := at("8,6 millions")
	b0, b1 := at("24,3 millions")
	c0, c1 := at("93 %")
	marks := []docMark{
		{Start: c0, End: c1, Fact: "f-c"},
		{Start: a0, End: a1, Fact: "f-a"},
		{Start: b0, End: b1, Fact: "f-b"},
		{Start: a0 + 2, End: b1, Fact: "f-overlap"},
		{Start: 3, End: 5, Fact: "f-mid-rune"}, // starts inside "è"
		{Start: 10, End: 5, Fact: "f-backwards"},
		{Start: 0, End: len(body) + 1, Fact: "f-past-end"},
	}
	segs := docSegments(body, marks, "f-b")
	text, marked := joined(segs)
	if text != body {
		t.Fatalf("text changed: %q", text)
	}
	if marked != "[8,6 millions][24,3 millions][93 %]" {
		t.Errorf("marked %q", marked)
	}
	for _, s := range segs {
		if s.Mark && s.Focus != (s.Fact == "f-b") {
			t.Errorf("focus on %s: %v", s.Fact, s.Focus)
		}
		if s.Mark && s.ID != anchor(strings.Index(body, s.Text), strings.Index(body, s.Text)+len(s.Text)) {
			t.Errorf("anchor %s for %q", s.ID, s.Text)
		}
	}
}

// FuzzDocSegments: whatever the offsets, the text comes back whole and
// valid, and marks never overlap.
func FuzzDocSegments(f *testing.F) {
	f.Add("Près de 8,6 millions puis 24,3 millions.", 8, 20, 26, 39)
	f.Add("é", 0, 1, 1, 2)
	f.Fuzz(func(t *testing.T, body string, a, b, c, d int) {
		segs := docSegments(body, []docMark{{Start: a, End: b, Fact: "x"}, {Start: c, End: d, Fact: "y"}}, "x")
		text, _ := joined(segs)
		if text != body {
			t.Fatalf("text %q, want %q", text, body)
		}
		if utf8.ValidString(body) {
			for _, s := range segs {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("segment %q cut a character", s.Text)
				}
			}
		}
	})
}
