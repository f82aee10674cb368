package normalize

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/seeds")

// TestSeedArticlesGolden scans each seed article whole, with its
// publication date as reference, and compares every expression found with
// testdata/seeds/<article>.golden (go test -update rewrites them after a
// reviewed change).
func TestSeedArticlesGolden(t *testing.T) {
	refs := readGoldRefs(t)
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	for _, p := range paths {
		name := filepath.Base(p)
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		var buf bytes.Buffer
		for _, e := range Scan(string(text), &Options{Ref: refs[name]}) {
			line, err := json.Marshal(e)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			buf.Write(line)
			buf.WriteByte('\n')
		}
		golden := filepath.Join("testdata", "seeds", strings.TrimSuffix(name, ".txt")+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("read %s (run go test -update to create it): %v", golden, err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: scan differs from %s:\n%s", name, golden, lineDiff(string(want), buf.String()))
		}
	}
}

// TestYearsOnlyArticle: in the seed article whose numbers are all years,
// nothing but dates may be found.
func TestYearsOnlyArticle(t *testing.T) {
	text, err := os.ReadFile("../testdata/seeds/002_07c717ecab4826bd.txt")
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	for _, e := range Scan(string(text), nil) {
		if e.Kind != Date {
			t.Errorf("found %s in an article whose numbers are all years", show([]Expr{e}))
		}
	}
}

// lineDiff lists the lines only in want (-) or only in got (+).
func lineDiff(want, got string) string {
	w, g := map[string]bool{}, map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
