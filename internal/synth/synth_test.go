package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/internal/synth"
)

// TestDistinct checks what a benchmark relies on: articles are a function
// of (seed, i), sized like real ones, and read by the default rules.
func TestDistinct(t *testing.T) {
	rules, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		a := synth.Distinct(7, i)
		if b := synth.Distinct(7, i); !bytes.Equal(a.Text, b.Text) || a.Name != b.Name {
			t.Fatalf("article %d differs between two calls", i)
		}
		if bytes.Equal(a.Text, synth.Distinct(8, i).Text) {
			t.Errorf("article %d is the same under two seeds", i)
		}
		if n := len(a.Text); n < 1800 || n > 4000 {
			t.Errorf("article %d: %d bytes, want about 2.4-3.5 KB", i, n)
		}
		doc, err := corpus.Parse(a.Name, a.Text)
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		if doc.Published == "" || doc.Title == "" {
			t.Errorf("article %d: no title or date read (%q, %q)", i, doc.Title, doc.Published)
		}
		facts, _ := rules.Extract(extract.Input{Text: doc.Body, Published: doc.Published, Title: doc.Title})
		if len(facts) < 4 {
			t.Errorf("article %d: %d facts read, want at least 4", i, len(facts))
		}
	}
}

func TestNearIdentical(t *testing.T) {
	a, b := synth.NearIdentical(1, 1), synth.NearIdentical(1, 2)
	if bytes.Equal(a.Text, b.Text) || a.Name == b.Name {
		t.Fatal("two template pages are identical: they would be one document, not near-identical ones")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	n, err := synth.Write(dir, 998, 1003, func(i int) synth.Article { return synth.Distinct(1, i) })
	if err != nil {
		t.Fatal(err)
	}
	files, errs := corpus.Files([]string{dir})
	if len(errs) > 0 || len(files) != 5 {
		t.Fatalf("wrote %d readable files (%v), want 5", len(files), errs)
	}
	var total int64
	for _, f := range files {
		fi, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		total += fi.Size()
	}
	if total != n {
		t.Errorf("Write says %d bytes, the files hold %d", n, total)
	}
	if _, err := os.Stat(filepath.Join(dir, "0001", "0001000.txt")); err != nil {
		t.Errorf("article 1000 not in subfolder 0001: %v", err)
	}
}

func ExampleDistinct() {
	a := synth.Distinct(1, 42)
	fmt.Println(a.Name, len(a.Text) > 2000)
	// Output: 0000042.txt true
}
