package corpus

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func win1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestDecodeBytes(t *testing.T) {
	const fr = "Sécurité sociale : 4,5 millions « AMO » œuvre"
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(fr))
	if err != nil {
		t.Fatal(err)
	}
	latin1, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte("Sécurité sociale"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		raw      []byte
		html     bool
		want     string
		wantName string
	}{
		{"utf-8", []byte(fr), false, fr, "utf-8"},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, fr...), false, fr, "utf-8"},
		{"utf-16le BOM", utf16le, false, fr, "utf-16le"},
		{"windows-1252 fallback", win1252(t, fr), false, fr, "windows-1252"},
		{"windows-1252 page without declaration", append([]byte("<p>"), win1252(t, fr)...), true, "<p>" + fr, "windows-1252"},
		{"meta charset iso-8859-1", append([]byte(`<html><head><meta charset="ISO-8859-1"></head><body><p>`), latin1...), true,
			`<html><head><meta charset="ISO-8859-1"></head><body><p>Sécurité sociale`, "windows-1252"},
		{"http-equiv latin1", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>`), latin1...), true,
			`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Sécurité sociale`, "windows-1252"},
		{"declared latin1 but saved as utf-8", []byte(`<meta charset="iso-8859-1"><p>` + fr), true, `<meta charset="iso-8859-1"><p>` + fr, "utf-8"},
		{"declared utf-8", []byte(`<meta charset="utf-8"><p>` + fr), true, `<meta charset="utf-8"><p>` + fr, "utf-8"},
		{"a stray byte in utf-8 declared utf-8", []byte("<meta charset=utf-8><p>é a\xffb"), true, "<meta charset=utf-8><p>é a\uFFFDb", "utf-8"},
		{"windows-1252 declared utf-8", append([]byte(`<meta charset="utf-8"><p>`), win1252(t, fr)...), true, `<meta charset="utf-8"><p>` + fr, "windows-1252"},
		{"empty", nil, false, "", "utf-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, name := decodeBytes(tc.raw, tc.html)
			if got != tc.want || name != tc.wantName {
				t.Errorf("decodeBytes = %q, %q; want %q, %q", got, name, tc.want, tc.wantName)
			}
		})
	}
}

// TestWindows1252SameAsUTF8 is the acceptance line: the same article saved
// in Windows-1252 and in UTF-8 cleans to the same text, as a dump and as a
// page.
func TestWindows1252SameAsUTF8(t *testing.T) {
	const text = "Sécurité sociale : 4,5 millions de bénéficiaires de l’AMO Tadamon, selon le ministère.\n\nLe régime « AMO » couvre désormais l’essentiel de la population, a-t-il ajouté."
	page := "<html><head><title>Sécurité sociale</title></head><body><article><p>" +
		strings.ReplaceAll(text, "\n\n", "</p><p>") + "</p></article></body></html>"
	for _, tc := range []struct{ name, content string }{{"a.txt", text}, {"a.html", page}} {
		utf, err := Parse(tc.name, []byte(tc.content))
		if err != nil {
			t.Fatal(err)
		}
		cp, err := Parse(tc.name, win1252(t, tc.content))
		if err != nil {
			t.Fatal(err)
		}
		if utf.Body != cp.Body || utf.Title != cp.Title {
			t.Errorf("%s: windows-1252 gives %q / %q, utf-8 gives %q / %q", tc.name, cp.Title, cp.Body, utf.Title, utf.Body)
		}
		if !strings.Contains(utf.Body, "Sécurité sociale : 4,5 millions") {
			t.Errorf("%s: body %q lost the sentence", tc.name, utf.Body)
		}
	}
}

func TestISO88591MetaPage(t *testing.T) {
	body := "La généralisation de la protection sociale a touché 4,5 millions de ménages à la fin de l’année, précise le communiqué du ministère."
	body = strings.ReplaceAll(body, "’", "'")
	raw, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>Protection sociale</title></head><body><div class="article"><p>` + body + `</p></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("p.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Body != body {
		t.Errorf("Body = %q, want %q", doc.Body, body)
	}
}

// TestCharsetContradicted: a page saved in Windows-1252 by a template that
// declares UTF-8 reads like the same page in UTF-8 (title, date, body), and
// says so in a warning; a page that is valid UTF-8 has no warning.
func TestCharsetContradicted(t *testing.T) {
	const page = `<html><head><meta charset="utf-8"><title>Sécurité sociale : 4,5 millions de ménages</title>` +
		`<meta property="article:published_time" content="2025-02-17"></head><body><article>` +
		`<p>La généralisation de la couverture médicale a touché 4,5 millions de ménages, précise le ministère délégué.</p>` +
		`<p>Le régime « AMO Tadamon » couvre désormais l'essentiel des ménages vulnérables, a-t-il ajouté mardi à Rabat.</p>` +
		`</article></body></html>`
	utf, err := Parse("a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if utf.Warning != "" {
		t.Errorf("valid UTF-8: warning %q", utf.Warning)
	}
	cp, err := Parse("a.html", win1252(t, page))
	if err != nil {
		t.Fatal(err)
	}
	if cp.Body != utf.Body || cp.Title != utf.Title || cp.Published != utf.Published || !strings.Contains(cp.Body, "généralisation") {
		t.Errorf("windows-1252 under a utf-8 declaration gives %q / %q / %q,\nutf-8 gives %q / %q / %q",
			cp.Title, cp.Published, cp.Body, utf.Title, utf.Published, utf.Body)
	}
	if !strings.Contains(cp.Warning, "declares charset utf-8 but") || !strings.Contains(cp.Warning, "read as windows-1252") {
		t.Errorf("warning %q, want one saying the page was read as windows-1252", cp.Warning)
	}
}
