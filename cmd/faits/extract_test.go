package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/pipeline"
)

// runIn is run with stdin as standard input.
func runIn(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err = Run(context.Background(), args, env)
	return out.String(), errb.String(), err
}

// mustRun runs a command that must succeed and returns its output.
func mustRun(t *testing.T, stdin string, args ...string) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, err := runIn(t, stdin, args...)
	if err != nil {
		t.Fatalf("faits %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return stdout, stderr
}

// reprintDir writes a reprint of seed 003 (other furniture, a few words
// changed) and an exact copy of seed 001 under another name, so that
// extract | load must group reprints and give one document two paths.
func reprintDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(seeds, "003_eeea78cfebe039dd.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	body := strings.Replace(strings.Join(lines[20:], "\n"), "ambitieuse", "audacieuse", 1)
	furniture := "Accueil\nActualités\nÉconomie\nNewsletter\n"
	if err := os.WriteFile(filepath.Join(dir, "003_reprint.txt"), []byte(furniture+body+"\nTous droits réservés\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err = os.ReadFile(filepath.Join(seeds, "001_e57e4ab274efb00c.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "001_copy.txt"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestExtractLoadMatchesIngest is issue 14's first acceptance line:
// extract | load gives byte for byte the export of ingest, loading twice
// changes nothing, extract's output does not depend on the number of
// workers, and shards loaded one after the other give the same store.
func TestExtractLoadMatchesIngest(t *testing.T) {
	extra := reprintDir(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"seeds", []string{seeds}},
		{"variants", []string{"../../testdata/variants"}},
		{"seeds and reprints", []string{seeds, extra}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, errs := corpus.Files(tc.args)
			if len(errs) > 0 || len(files) == 0 {
				t.Fatalf("files: %v", errs)
			}
			dir := t.TempDir()
			ingested := filepath.Join(dir, "ingest.db")
			mustRun(t, "", append([]string{"ingest", "--db", ingested}, tc.args...)...)
			want, _ := mustRun(t, "", "export", "--db", ingested)
			if strings.Count(want, "\n") == 0 {
				t.Fatal("ingest exported no fact: the comparison would prove nothing")
			}

			out, _ := mustRun(t, "", append([]string{"extract", "--workers", "1"}, tc.args...)...)
			if n := strings.Count(out, "\n"); n != len(files) {
				t.Errorf("extract printed %d lines for %d files", n, len(files))
			}
			if out4, _ := mustRun(t, "", append([]string{"extract", "--workers", "4"}, tc.args...)...); out4 != out {
				t.Error("extract with 4 workers printed other bytes than with 1")
			}

			loaded := filepath.Join(dir, "load.db")
			_, stderr := mustRun(t, out, "load", "--db", loaded, "-")
			if !strings.Contains(stderr, "0 unchanged, 0 failed, 0 bad lines") {
				t.Errorf("first load: %s", stderr)
			}
			got, _ := mustRun(t, "", "export", "--db", loaded)
			if got != want {
				t.Errorf("extract | load exported other bytes than ingest:\n%s", firstDiff(want, got))
			}
			_, stderr = mustRun(t, out, "load", "--db", loaded, "-")
			if !strings.Contains(stderr, "unchanged") || !strings.Contains(stderr, ": 0 facts, 0 new") {
				t.Errorf("second load did something: %s", stderr)
			}
			if again, _ := mustRun(t, "", "export", "--db", loaded); again != want {
				t.Error("loading the same output twice changed the export")
			}
			// The file hashes agree: ingest after load reads nothing again.
			_, stderr = mustRun(t, "", append([]string{"ingest", "--db", loaded}, tc.args...)...)
			if !strings.Contains(stderr, "ingested "+itoa(len(files))+" files ("+itoa(len(files))+" skipped") {
				t.Errorf("ingest after load re-read files: %s", stderr)
			}

			// Two shards, extracted apart and loaded one after the other.
			var shardFiles []string
			lines := 0
			for k := range 2 {
				o, _ := mustRun(t, "", append([]string{"extract", "--shard", itoa(k) + "/2"}, tc.args...)...)
				lines += strings.Count(o, "\n")
				p := filepath.Join(dir, "shard"+itoa(k)+".jsonl")
				if err := os.WriteFile(p, []byte(o), 0o644); err != nil {
					t.Fatal(err)
				}
				shardFiles = append(shardFiles, p)
			}
			if lines != len(files) {
				t.Errorf("the shards hold %d lines for %d files", lines, len(files))
			}
			sharded := filepath.Join(dir, "shards.db")
			mustRun(t, "", append([]string{"load", "--db", sharded}, shardFiles...)...)
			if got, _ := mustRun(t, "", "export", "--db", sharded); got != want {
				t.Errorf("shards loaded apart exported other bytes than ingest:\n%s", firstDiff(want, got))
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestLoadBadLines: every bad line is named with its input and line
// number, and the good records around it are loaded.
func TestLoadBadLines(t *testing.T) {
	out, _ := mustRun(t, "", "extract", seeds)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 4 {
		t.Fatalf("extract printed %d lines", len(lines))
	}
	rec, err := pipeline.Decode([]byte(lines[3]))
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Facts) == 0 {
		t.Fatal("seed 003 has no fact to break")
	}
	rec.Facts[0].Start++ // the span is no longer the text there: the store refuses it
	broken, err := rec.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Join([]string{
		lines[0],
		"not json at all",
		strings.Replace(lines[1], `"v":1,`, `"v":9,`, 1),
		strings.TrimSuffix(string(broken), "\n"),
		strings.Replace(lines[2], `"body":"`, `"body":"X`, 1),
		lines[4],
	}, "\n") + "\n"
	dir := t.TempDir()
	p := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "faits.db")
	missing := filepath.Join(dir, "missing.jsonl")
	_, stderr, err := runIn(t, "", "load", "--db", db, p, missing)
	if !errors.Is(err, errReported) {
		t.Errorf("err = %v, want errReported (exit status 1)", err)
	}
	for _, want := range []string{
		p + ":2: not a record",
		p + ":3: record version 9",
		p + ":4: store: ",
		p + `:5: "body" does not hash`,
		"missing.jsonl",
		"loaded 3 records (0 unchanged, 1 failed, 4 bad lines)",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	st, err := openStore(db, "test", true)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Files()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range []string{lines[0], lines[4]} {
		r, err := pipeline.Decode([]byte(l))
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, r.Path)
	}
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("store holds %v, want the good records %v", got, want)
	}
}

// TestLoadKeepsDecisions: a load of output read with other rules (which
// rewrites every document) keeps the editors' decisions, as ingest does.
func TestLoadKeepsDecisions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "faits.db")
	out, _ := mustRun(t, "", "extract", seeds)
	mustRun(t, out, "load", "--db", db, "-")
	_, fs := exportedFacts(t, db)
	if len(fs) < 2 {
		t.Fatalf("%d facts", len(fs))
	}
	mustRun(t, "", "review", "--db", db, fs[0].ID, "accept", "--by", "test")
	mustRun(t, "", "review", "--db", db, fs[1].ID, "reject", "--by", "test")
	before, _ := exportedFacts(t, db)

	// Same rules, another fingerprint: every record is written again.
	rules := filepath.Join(dir, "rules.yaml")
	if err := os.WriteFile(rules, append(extract.DefaultData(), "\n# a comment\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out2, _ := mustRun(t, "", "extract", "--rules", rules, seeds)
	if out2 == out {
		t.Fatal("the rules' fingerprint did not change the output")
	}
	_, stderr := mustRun(t, out2, "load", "--db", db, "-")
	if !strings.Contains(stderr, "(0 unchanged") {
		t.Errorf("records with new rules were skipped: %s", stderr)
	}
	after, fs2 := exportedFacts(t, db)
	if after != before {
		t.Errorf("reloading changed the export:\n%s", firstDiff(before, after))
	}
	status := map[string]string{}
	for _, f := range fs2 {
		status[f.ID] = f.Status
	}
	if status[fs[0].ID] != "accepted" || status[fs[1].ID] != "rejected" {
		t.Errorf("decisions lost: %s %q, %s %q", fs[0].ID, status[fs[0].ID], fs[1].ID, status[fs[1].ID])
	}
}

func TestExtractUsage(t *testing.T) {
	for _, args := range [][]string{
		{"extract"},
		{"extract", "--shard", "2/2", seeds},
		{"extract", "--shard", "x", seeds},
		{"load"},
	} {
		if _, _, err := runIn(t, "", args...); !errors.Is(err, errUsage) {
			t.Errorf("faits %v: err = %v, want a usage error", args, err)
		}
	}
}

// TestExtractBadFile: a file that cannot be parsed is named, the others
// are printed, and the exit status is 1.
func TestExtractBadFile(t *testing.T) {
	dir := seedCopy(t)
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runIn(t, "", "extract", dir)
	if !errors.Is(err, errReported) {
		t.Errorf("err = %v, want errReported", err)
	}
	if !strings.Contains(stderr, "bad.txt") || !strings.Contains(stderr, "(1 failed)") {
		t.Errorf("stderr does not name the bad file: %s", stderr)
	}
	if n := strings.Count(out, "\n"); n != 5 {
		t.Errorf("%d lines printed, want the 5 seeds", n)
	}
}
