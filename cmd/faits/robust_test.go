package main

import (
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
