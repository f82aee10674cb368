package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/faits/faits/table"
	"golang.org/x/text/unicode/norm"
)

// visibleRunes counts the non-space runes of s after NFC, the measure the
// strippers may only shrink.
func visibleRunes(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// bodyRunes is visibleRunes of a body whose tables are counted as their
// cells' text: the separators (" | ", table.Empty) are the writer's, and a
// label written in each column or row it spans is counted once.
func bodyRunes(body string) int {
	n := 0
	seen := map[string]bool{}
	for _, p := range strings.Split(body, "\n\n") {
		cells := table.Cells(p, 0)
		if cells == nil {
			clear(seen)
			n += visibleRunes(p)
			continue
		}
		for _, c := range cells {
			if c.Text != table.Empty && !seen[c.Text] {
				seen[c.Text] = true
				n += visibleRunes(c.Text)
			}
		}
	}
	return n
}

func checkStripped(t *testing.T, name string, raw []byte, isHTML bool) {
	doc, err := Parse(name, raw)
	if errors.Is(err, ErrNotText) {
		// Refusing binary input is the right answer, not a failure: check
		// that the bytes look binary, then run the stripper on them all the
		// same, so that the fuzzer goes on past its first control byte and
		// a file just under the binary threshold is covered too.
		if binaryKind(raw) == "" {
			t.Fatalf("Parse(%q) = %v, but the bytes do not look binary", raw, err)
		}
		if isHTML {
			doc, err = parseHTML(raw)
		} else {
			doc, err = parseText(raw), nil
		}
	}
	if err != nil {
		if isHTML {
			return // html.Parse only fails on reader errors; nothing to check
		}
		t.Fatalf("Parse(%q): %v", raw, err)
	}
	for _, s := range []string{doc.Body, doc.Title, doc.Site, doc.Author} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 output %q", s)
		}
	}
	if !norm.NFC.IsNormalString(doc.Body) {
		t.Errorf("body is not NFC: %q", doc.Body)
	}
	text, _ := decodeBytes(raw, isHTML)
	if got, limit := bodyRunes(doc.Body), visibleRunes(text); got > limit {
		t.Errorf("body has %d visible runes, input only %d: %q", got, limit, doc.Body)
	}
	if doc.Published != "" && isoDate(doc.Published) == "" && headerDate(doc.Published) == "" {
		t.Errorf("Published %q is not an ISO date", doc.Published)
	}
	if strings.Contains(doc.Body, "\n\n\n") {
		t.Errorf("body has an empty paragraph: %q", doc.Body)
	}
}

func FuzzStripText(f *testing.F) {
	for _, s := range []string{
		" date 2025-09-17 La sécurité sociale est un sujet.\n\nLe Maroc s’engage.",
		"A la Une\nPolitique\nEconomie\nTitre long de l'article ici\nZaina Jnina\nPublié dans\nHespress\nle 17 - 02 - 2025\nLe texte.\nCliquez\nici\npour lire l'article depuis sa source.",
		"ce lundi 17 février 2025 à\nRabat\n, la 9e édition",
		"#MapActu pic.twitter.com/x — Agence MAP (@MAP_Information) September 16, 2025",
		"S\xe9curit\xe9 sociale : 4,5 millions",
		"\xef\xbb\xbfBOM\r\nligne",
		"\xff\xfeA\x00",
		"l'\nexemple\n\n\n© X\nLNT avec CdP",
		"Titre\x01\x02\x03\x04\n\nLe texte\x05 après des octets de contrôle.",
		"A\tB\n1\t2\n3\t4\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
		"Année Montant (DH) Dépense (MDH) 2022 12 3,5 2023 14 4,1",
		"Un titre\nPublié le jeudi 2 mai 2024 à 08h00 | Par Nom Prénom | 3 min de lecture\nLe texte.",
		"De : A <a@b.ma>\nDate : ven. 3 janv. 2025 à 07:00\nObjet : B | C\n\nTexte.",
		"N° 5 - Lundi 6 mai 2024 Page 2\nFès, le 1er mars 2024\nRF-24/3 Mars 2024\n17 - 02 - 2025 | Rédaction",
		"Titre\n[Graphique]\n2023    2024    juin 2025\n312     347     369\nSource",
		"21,4    23,2\nA ...... 2,1 M\nB ...... 1,4 M\n1. Intro ..... 3\n2. Fin ..... 7",
		"┌─ TITRE ─┐\n│ a │ b │\n├───┼───┤\n│ 1 │   │\n║ • texte\n└───┘\n│\n┃┃",
	} {
		f.Add([]byte(s))
	}
	addLayouts(f, "*.txt")
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkStripped(t, "f.txt", raw, false)
	})
}

func FuzzStripHTML(f *testing.F) {
	for _, s := range []string{
		page("<title>T</title>", "<article><h1>T</h1><p>"+para1+"</p><p>"+para2+"</p></article>"),
		`<meta charset="iso-8859-1"><p>S` + "\xe9" + `curit` + "\xe9" + `</p>`,
		`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-17","author":{"name":"A &amp; B"}}</script><div class="share">x</div><p>a&amp;b</p>`,
		`<div class="comment"><div><p>x</p></div></div><form><p>y</p></form><table><tr><td>1<td>2</table>`,
		`<p>` + strings.Repeat(`<a href="#">lien</a> `, 20) + `</p><time datetime="2020-01-02">x</time>`,
		"<body><p>a\u00adb&shy;c</p><br><br><p>&#xD800;</p>",
		"<",
		strings.Repeat("<div><b>", 300) + "<p>profond</p>",
		`<table><tr><th rowspan="3">a</th><th colspan="9999">b</th></tr><tr><td>1</td></tr><tr><td colspan="2">2</td><td rowspan="0">x</td></tr></table>`,
		`<table><thead><tr><th>A</th></tr></thead><tfoot><tr><td>9</td></tr></tfoot><tbody><tr><td>1</td><td>2</td></tr></tbody></table>`,
	} {
		f.Add([]byte(s))
	}
	addLayouts(f, "*.html")
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkStripped(t, "f.html", raw, true)
	})
}

// addLayouts seeds a fuzz target with the layout files (layouts_test.go).
func addLayouts(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", "layouts", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no layouts %s: %v", pattern, err)
	}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
}

// FuzzDateWords checks the readers of labelled, relative and capture
// dates on any line: they never panic, and what they return is a valid
// ISO date found where they say.
func FuzzDateWords(f *testing.F) {
	for _, s := range []string{
		"Publié le 12/03/2025 - Mis à jour le 14/03/2025",
		"2,5 millions au 31 décembre 2024, selon le bilan du 12 mars 2025",
		"il y a 3 heures", "Hier à 18h30", "Aujourd'hui", "5 hours ago", "il y a quelques minutes",
		"Wed Mar 12 2025 16:20:05 GMT+0100 (heure normale)", "20250312093000", "2025-03-12T23:59:00-05:00",
		"12 mars 2025 10:02:11 GMT", "Wed, 12 Mar 2025 15:20:05 GMT",
		"Azilal, 12 mars (MAP) - Le texte", "١٢/٠٣/٢٠٢٥", "Séance du mardi 12 mars 2025",
	} {
		f.Add(s, "2025-03-12T16:20:00Z")
	}
	f.Fuzz(func(t *testing.T, s, stamp string) {
		c := parseStamp(stamp)
		valid := func(what, d string) {
			if d != "" && isoDate(d) != d {
				t.Fatalf("%s(%q) = %q, not an ISO date", what, s, d)
			}
		}
		valid("relativeDate", relativeDate(s, c))
		valid("datelineWithYear", datelineWithYear(s, c))
		valid("sittingDate", sittingDate(s))
		last := -1
		for _, d := range labelledDates(s) {
			valid("labelledDates", d.date)
			if d.at <= last || d.at >= len(s) {
				t.Fatalf("labelledDates(%q): offset %d after %d", s, d.at, last)
			}
			last = d.at
		}
		if a := asciiDigits(s); utf8.ValidString(s) && !utf8.ValidString(a) {
			t.Fatalf("asciiDigits(%q) = %q, invalid UTF-8", s, a)
		}
	})
}
