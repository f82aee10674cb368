package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestIngestWarnsOfContradictedCharset: a page saved in Windows-1252 that
// declares UTF-8 is read right, its facts kept, and ingest names it in a
// warning (a warning does not fail the run).
func TestIngestWarnsOfContradictedCharset(t *testing.T) {
	dir := seedCopy(t)
	page := `<html><head><meta charset="utf-8"><title>Sécurité sociale</title></head><body><article>` +
		`<p>Le régime AMO Tadamon couvre plus de 11,5 millions de bénéficiaires à fin février 2025, précise le ministère délégué chargé du budget.</p>` +
		`<p>La généralisation de la couverture médicale se poursuit, a-t-il ajouté mardi à Rabat devant les députés.</p></article></body></html>`
	raw, err := charmap.Windows1252.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cp1252.html")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "f.db")
	_, stderr, err := run(t, nil, "ingest", "--db", db, dir)
	if err != nil {
		t.Errorf("a warning must not fail the run: %v", err)
	}
	high := 0 // every accent is one byte of Windows-1252, none valid UTF-8
	for _, c := range raw {
		if c >= 0x80 {
			high++
		}
	}
	want := fmt.Sprintf("faits ingest: %s: warning: declares charset utf-8 but %d bytes are not UTF-8: read as windows-1252\n", path, high)
	if !strings.Contains(stderr, want) {
		t.Errorf("no warning %q:\n%s", want, stderr)
	}
	if !regexp.MustCompile(`(?m)^ingested 6 files \(0 skipped, 0 failed\)`).MatchString(stderr) {
		t.Errorf("summary:\n%s", stderr)
	}
	out, _, err := run(t, nil, "facts", "--db", db, "--doc", "cp1252.html")
	if err != nil || !strings.Contains(out, "11 500 000") || !strings.Contains(out, "bénéficiaires") {
		t.Errorf("the page's figure is not read right: %v\n%s", err, out)
	}
}

// TestTerminalEscapesShownEscaped: an escape sequence in a file name or in
// an article's text reaches the terminal as \x1b…, never raw: in ingest's
// messages, facts, conflicts and history.
func TestTerminalEscapesShownEscaped(t *testing.T) {
	dir := t.TempDir()
	const esc = "\x1b]0;pwned\a"
	art := "Le régime AMO Tadamon couvre " + esc + " plus de 11,5 millions de bénéficiaires à fin février 2025, précise le ministère.\n\n" +
		"Le régime AMO Tadamon couvre 11,2 millions de bénéficiaires à fin février 2025, selon une autre source.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "b"+esc+".txt")
	if err := os.WriteFile(bad, []byte("%PDF-1.7 not an article"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "f.db")
	_, stderr, _ := run(t, nil, "ingest", "--db", db, dir)
	if strings.ContainsAny(stderr, "\x1b\a") || !strings.Contains(stderr, `b\x1b]0;pwned\x07.txt`) {
		t.Errorf("ingest's messages:\n%q", stderr)
	}
	facts, _, err := run(t, nil, "facts", "--db", db)
	if err != nil || !strings.Contains(facts, "11 500 000") || !strings.Contains(facts, `\x1b]0;pwned\x07`) {
		t.Fatalf("facts: %v\n%s", err, facts)
	}
	conflicts, _, err := run(t, nil, "conflicts", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	id := regexp.MustCompile(`f-[0-9a-f]{12}`).FindString(facts)
	if _, _, err := run(t, nil, "review", "--db", db, id, "accept", "--by", "x\x1b[2J", "--note", "vu\x1b[31m"); err != nil {
		t.Fatal(err)
	}
	history, _, err := run(t, nil, "history", "--db", db, id)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"facts": facts, "conflicts": conflicts, "history": history} {
		if strings.ContainsAny(out, "\x1b\a") {
			t.Errorf("%s prints a raw escape:\n%q", name, out)
		}
	}
	if !strings.Contains(history, `vu\x1b[31m`) {
		t.Errorf("history does not show the note escaped:\n%q", history)
	}
	if got, want := termString("a\x1b[31mb\u202ec\u009bd\ne\tf"), `a\x1b[31mb\u202ec\x9bd`+"\n"+`e\x09f`; got != want {
		t.Errorf("termString = %q, want %q", got, want)
	}
	var buf strings.Builder
	w := &termWriter{w: &buf}
	s := "é\x1b\u009b" // split inside each rune
	for i := range len(s) {
		w.Write([]byte{s[i]})
	}
	if buf.String() != `é\x1b\x9b` {
		t.Errorf("termWriter byte by byte = %q", buf.String())
	}
}

// TestEveryMessageShownEscaped: a path that carries an escape sequence is
// named on standard error escaped by every command that names it, however
// the message was made (a wrapped os error, a summary, a usage mistake).
func TestEveryMessageShownEscaped(t *testing.T) {
	dir := t.TempDir()
	const esc = "\x1b]0;pwned\a\x1b[2J"
	bad := filepath.Join(dir, "missing"+esc)
	db := filepath.Join(dir, "f.db")
	for _, args := range [][]string{
		{"ingest", "--db", db, bad},
		{"extract", bad},
		{"strip", bad},
		{"load", "--db", db, bad},
		{"rules", "check", "--rules", bad},
		{"export", "--db", bad},
		{"facts", "--db", bad},
		{"eval", "--db", db, "--gold", bad},
		{"history", "--db", bad, "f-000000000000"},
		{"review", "--db", bad, "f-000000000000", "accept", "--by", "x"},
		{"normalize", "--ref", esc},
		{"ingest", "--workers", esc, dir},
	} {
		_, stderr, err := run(t, nil, args...)
		if err == nil {
			t.Errorf("%v: no error", args)
		}
		// What main prints of the returned error goes through termString.
		msg := stderr
		if err != nil && !errors.Is(err, errReported) {
			msg += termString(err.Error())
		}
		if strings.ContainsAny(msg, "\x1b\a") || !strings.Contains(msg, `\x1b`) {
			t.Errorf("%v: standard error shows the escape raw or not at all:\n%q", args, msg)
		}
	}
	// Tabs stay tabs on standard error: flag's usage is indented with them.
	_, stderr, _ := run(t, nil, "ingest", "--no-such-flag")
	if !strings.Contains(stderr, "\n    \t") {
		t.Errorf("usage lost its tabs:\n%q", stderr)
	}
}

// TestStripShowsEscapes: strip prints an article's text for a person, its
// control characters escaped, tabs and newlines kept; --json keeps the
// text as it is (JSON escapes it).
func TestStripShowsEscapes(t *testing.T) {
	art := tempFile(t, "a.txt", "Titre\n\nLe régime AMO \x1b]0;pwned\a couvre\t11,5 millions de personnes.\n\nSecond paragraphe.\n")
	out, _, err := run(t, nil, "strip", art)
	if err != nil || strings.ContainsAny(out, "\x1b\a") || !strings.Contains(out, `AMO \x1b]0;pwned\x07 couvre`) {
		t.Errorf("strip: %v\n%q", err, out)
	}
	if strings.Contains(out, `\x09`) || !strings.Contains(out, "paragraphe.") {
		t.Errorf("strip lost the text's shape:\n%q", out)
	}
	out, _, err = run(t, nil, "strip", "--json", art)
	var rec stripRecord
	if err != nil || json.Unmarshal([]byte(out), &rec) != nil || !strings.Contains(rec.Body, "\x1b]0;pwned\a") {
		t.Errorf("strip --json: %v %q", err, out)
	}
}
