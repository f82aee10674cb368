package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStrip(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.txt")
	page := filepath.Join(dir, "b.html")
	if err := os.WriteFile(txt, []byte(" date 2025-09-17 Le régime AMO Tadamon couvre 11 millions de personnes.\nLire aussi\nAutre titre"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(`<html><head><meta property="og:title" content="Titre"><meta property="og:site_name" content="Site"></head><body><nav>Accueil</nav><article><p>Le programme d'aide sociale directe touche 4 millions de familles, selon le ministère.</p></article></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}

	out, _, err := run(t, nil, "strip", txt)
	if err != nil {
		t.Fatal(err)
	}
	if out != "Le régime AMO Tadamon couvre 11 millions de personnes.\n" {
		t.Errorf("strip FILE = %q", out)
	}

	out, _, err = run(t, nil, "strip", "--json", txt, page)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one JSON line per file, got %q", out)
	}
	var keys map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &keys); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "title", "site", "author", "published", "published_from", "body"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("JSON line lacks %q: %s", k, lines[0])
		}
	}
	if len(keys) != 7 {
		t.Errorf("JSON line has extra keys: %s", lines[0])
	}
	var rec stripRecord
	if err := json.Unmarshal([]byte(lines[1]), &rec); err != nil {
		t.Fatal(err)
	}
	want := stripRecord{File: page, Title: "Titre", Site: "Site", Body: "Le programme d'aide sociale directe touche 4 millions de familles, selon le ministère."}
	if rec != want {
		t.Errorf("page record = %+v, want %+v", rec, want)
	}
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil || rec.Published != "2025-09-17" || rec.PublishedFrom != "header" {
		t.Errorf("text record = %+v (%v)", rec, err)
	}
}

func TestStripErrors(t *testing.T) {
	if _, _, err := run(t, nil, "strip"); !errors.Is(err, errUsage) {
		t.Errorf("strip without files: err = %v, want a usage error", err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(good, []byte("Une phrase complète de l'article, qui reste."), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	out, stderr, err := run(t, nil, "strip", missing, good)
	if !errors.Is(err, errReported) {
		t.Errorf("err = %v, want errReported", err)
	}
	if !strings.Contains(stderr, missing) {
		t.Errorf("stderr %q does not name %s", stderr, missing)
	}
	if !strings.Contains(out, "Une phrase complète") {
		t.Errorf("the readable file was not printed: %q", out)
	}
}
