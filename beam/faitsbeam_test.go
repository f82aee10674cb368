package faitsbeam

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// TestMain runs the pipelines on prism, Beam's local runner, in process
// (go test ./... -args -runner=direct would pick another).
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// buildFaits builds the faits command of the parent module, to run
// ingest, load and export as a user would.
func buildFaits(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "faits")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/faits")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/faits: %v\n%s", err, out)
	}
	return bin
}

func faits(t *testing.T, bin string, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("faits %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String(), errb.String()
}

// corpusDir lays out a few hundred articles in subfolders: every article
// of the project's testdata (seeds, development and held-out sets) as it
// is, again under another folder (a reprint: one text, two paths), and a
// third time with a paragraph of our own added (a near-duplicate, and a
// fact of its own). It returns the folder and the number of files.
func corpusDir(t *testing.T) (string, int) {
	t.Helper()
	dir := t.TempDir()
	var srcs []string
	for _, pat := range []string{"*.txt", "*.html", "*.htm"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "*", pat))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, m...)
	}
	if len(srcs) < 50 {
		t.Fatalf("only %d testdata articles", len(srcs))
	}
	n := 0
	write := func(sub, name string, b []byte) {
		p := filepath.Join(dir, sub, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	for i, src := range srcs {
		raw, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		set := filepath.Base(filepath.Dir(src))
		name := set + "_" + filepath.Base(src)
		write("a", name, raw)
		write("b/copies", name, raw)
		if filepath.Ext(src) == ".txt" {
			extra := fmt.Sprintf("\n\nSelon un communiqué publié le %d mars 2025, près de %d,%d millions de personnes sont désormais couvertes par l'AMO Tadamon.\n", 1+i%28, 10+i%3, i%10)
			write("c", name, append(raw[:len(raw):len(raw)], extra...))
		} else {
			write("c", name, raw)
		}
	}
	return dir, n
}

// TestBeamSameFactsAsIngest is issue 14's second acceptance line: the
// Beam pipeline on prism writes lines that "faits load" turns into the
// very store (byte for byte in export) that "faits ingest" builds from the
// same files.
func TestBeamSameFactsAsIngest(t *testing.T) {
	bin := buildFaits(t)
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T) (dir string, n int)
	}{
		{"seeds", func(t *testing.T) (string, int) { return filepath.Join("..", "testdata", "seeds"), 5 }},
		{"testdata x3", corpusDir},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, n := tc.setup(t)
			tmp := t.TempDir()
			out := filepath.Join(tmp, "out.jsonl")
			// filepath.Glob has no "**": one glob per depth.
			var inputs []string
			for _, depth := range []string{"*", "*/*", "*/*/*"} {
				inputs = append(inputs, filepath.Join(dir, depth))
			}
			p, s := beam.NewPipelineWithRoot()
			if err := Build(s, Options{Inputs: inputs, Base: dir, Output: out}); err != nil {
				t.Fatal(err)
			}
			if err := ptest.Run(p); err != nil {
				t.Fatalf("pipeline: %v", err)
			}
			lines, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Count(lines, []byte("\n")); got != n {
				t.Errorf("the pipeline wrote %d lines for %d files", got, n)
			}

			ingested := filepath.Join(tmp, "ingest.db")
			faits(t, bin, "ingest", "--db", ingested, dir)
			want, _ := faits(t, bin, "export", "--db", ingested)
			if strings.Count(want, "\n") == 0 {
				t.Fatal("ingest exported no fact: the comparison would prove nothing")
			}
			loaded := filepath.Join(tmp, "load.db")
			_, stderr := faits(t, bin, "load", "--db", loaded, out)
			if !strings.Contains(stderr, fmt.Sprintf("loaded %d records (0 unchanged, 0 failed, 0 bad lines)", n)) {
				t.Errorf("load: %s", stderr)
			}
			got, _ := faits(t, bin, "export", "--db", loaded)
			if got != want {
				t.Errorf("beam | load exported other bytes than ingest:\n%s", firstDiff(want, got))
			}
			t.Logf("%d files, %d facts exported", n, strings.Count(want, "\n"))
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %.300s\n got %.300s", i+1, a, b)
		}
	}
	return "(no difference)"
}

func TestRel(t *testing.T) {
	for _, tc := range []struct{ base, p, want string }{
		{"/data/corpus", "/data/corpus/a/b.txt", "a/b.txt"},
		{"/data/corpus/", "/data/corpus/b.txt", "b.txt"},
		{"", "/data/corpus/a/b.txt", "b.txt"},
		{"/data/other", "/data/corpus/a/b.txt", "b.txt"},
		{"gs://bucket/corpus", "gs://bucket/corpus/a/b.html", "a/b.html"},
		{"", "gs://bucket/corpus/a/b.html", "b.html"},
	} {
		if got := Rel(tc.base, tc.p); got != tc.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tc.base, tc.p, got, tc.want)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	_, s := beam.NewPipelineWithRoot()
	if err := Build(s, Options{Output: "x"}); err == nil {
		t.Error("no input accepted")
	}
	if err := Build(s, Options{Inputs: []string{"x"}, Output: "y", RulesName: "bad.yaml", RulesYAML: []byte("programmes: [")}); err == nil || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("bad rules: err = %v, want one naming the file", err)
	}
}
