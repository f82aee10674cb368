package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/store"
)

// seedCopy copies the seed articles into a new folder, so that tests may
// add broken files beside them.
func seedCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := "../../testdata/seeds"
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func ingestInto(t *testing.T, db string, files []corpus.File, opt ingestOptions) (ingestSummary, string) {
	t.Helper()
	rules, id, err := loadRules("")
	if err != nil {
		t.Fatal(err)
	}
	if opt.RulesID == "" {
		opt.RulesID = id
	}
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var errb bytes.Buffer
	sum, err := ingestFiles(context.Background(), st, rules, files, opt, &Env{Stderr: &errb})
	if err != nil {
		t.Fatal(err)
	}
	return sum, errb.String()
}

func TestIngestFilesResumesAndReports(t *testing.T) {
	dir := seedCopy(t)
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Skip("no symlinks:", err)
	}
	files, errs := corpus.Files([]string{dir})
	if len(errs) > 0 || len(files) != 6 {
		t.Fatalf("corpus.Files: %d files, errors %v", len(files), errs)
	}
	db := filepath.Join(t.TempDir(), "f.db")

	sum, stderr := ingestInto(t, db, files, ingestOptions{Workers: 3})
	if sum.Files != 6 || sum.Failed != 1 || sum.Skipped != 0 || sum.Facts == 0 || sum.NewFacts == 0 {
		t.Errorf("first run: %+v", sum)
	}
	if !regexp.MustCompile(`broken\.txt: no such file or directory`).MatchString(stderr) {
		t.Errorf("the broken file is not reported with its reason:\n%s", stderr)
	}

	sum, _ = ingestInto(t, db, files, ingestOptions{Workers: 3})
	if sum.Skipped != 5 || sum.Failed != 1 || sum.NewFacts != 0 {
		t.Errorf("second run must skip the unchanged files: %+v", sum)
	}
	sum, _ = ingestInto(t, db, files, ingestOptions{Workers: 3, Force: true})
	if sum.Skipped != 0 || sum.NewFacts != 0 || sum.Facts == 0 {
		t.Errorf("--force must re-read and find nothing new: %+v", sum)
	}
	sum, _ = ingestInto(t, db, files, ingestOptions{Workers: 3, RulesID: "other-rules"})
	if sum.Skipped != 0 {
		t.Errorf("changed rules must re-read every file: %+v", sum)
	}
}

// TestIngestDeterministic: the store must not depend on how workers were
// scheduled.
func TestIngestDeterministic(t *testing.T) {
	files, _ := corpus.Files([]string{"../../testdata/seeds"})
	var exports []string
	for _, w := range []int{1, 8} {
		db := filepath.Join(t.TempDir(), "f.db")
		ingestInto(t, db, files, ingestOptions{Workers: w})
		out, _, err := run(t, nil, "export", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		exports = append(exports, out)
	}
	if exports[0] != exports[1] {
		t.Error("exports differ between 1 and 8 workers")
	}
}

func TestIngestCancelled(t *testing.T) {
	files, _ := corpus.Files([]string{"../../testdata/seeds"})
	rules, _, err := loadRules("")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "f.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := ingestFiles(ctx, st, rules, files, ingestOptions{}, &Env{Stderr: &bytes.Buffer{}})
	if !errors.Is(err, context.Canceled) || sum.Files != 0 {
		t.Errorf("cancelled ingest: %+v, %v", sum, err)
	}
	facts, err := st.Facts(store.Filter{})
	if err != nil || len(facts) != 0 {
		t.Errorf("a cancelled ingest wrote %d facts (%v)", len(facts), err)
	}
}

// panicky rules stand for a stage bug: one file's panic must not stop the
// batch. A nil *Rules panics inside Extract.
func TestIngestPanicIsOneFailure(t *testing.T) {
	files, _ := corpus.Files([]string{"../../testdata/seeds"})
	st, err := store.Open(filepath.Join(t.TempDir(), "f.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var errb bytes.Buffer
	var rules *extract.Rules
	sum, err := ingestFiles(context.Background(), st, rules, files, ingestOptions{}, &Env{Stderr: &errb})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != sum.Files || sum.Files != len(files) {
		t.Skipf("Extract on nil rules did not panic: %+v", sum)
	}
	if !strings.Contains(errb.String(), "internal error") || !strings.Contains(errb.String(), "000_") {
		t.Errorf("panic not reported per file:\n%s", errb.String())
	}
}

func TestIngestCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	_, stderr, err := run(t, nil, "ingest", "--db", db, "--workers", "2", "../../testdata/seeds", "../../testdata/no-such-dir")
	if !errors.Is(err, errReported) {
		t.Errorf("a missing argument must fail the run: %v", err)
	}
	if !strings.Contains(stderr, "no-such-dir") {
		t.Errorf("missing argument not named:\n%s", stderr)
	}
	if !regexp.MustCompile(`(?m)^ingested 6 files \(0 skipped, 1 failed\): \d+ facts, \d+ new$`).MatchString(stderr) {
		t.Errorf("no summary line:\n%s", stderr)
	}
	_, stderr, err = run(t, nil, "ingest", "--db", db, "../../testdata/seeds")
	if err != nil || !strings.Contains(stderr, "ingested 5 files (5 skipped, 0 failed): 0 facts, 0 new") {
		t.Errorf("second ingest: %v\n%s", err, stderr)
	}
	_, _, err = run(t, nil, "ingest", "--db", db, "--rules", "no-such-rules.yaml", "../../testdata/seeds")
	if err == nil || !strings.Contains(err.Error(), "no-such-rules.yaml") {
		t.Errorf("a missing rules file must be named: %v", err)
	}
}

func TestIngestWhileServeHoldsTheStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "faits.db")
	st, err := store.Open(db, &store.Options{Owner: "faits serve"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, _, err = run(t, nil, "ingest", "--db", db, "../../testdata/seeds")
	want := db + " is held by faits serve (pid " + strconv.Itoa(os.Getpid()) + "): stop it, or let it ingest with --watch"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	var le *store.LockedError
	if !errors.As(err, &le) {
		t.Error("the *store.LockedError must stay reachable")
	}
	_, _, err = run(t, nil, "export", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "is held by faits serve (pid "+strconv.Itoa(os.Getpid())+"): stop it first") {
		t.Errorf("export while serve holds the store: %v", err)
	}
}

func TestProgressLine(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	p := &progress{w: &b, total: 10, now: func() time.Time { return now }}
	p.start = now
	if got, want := p.line(), "[........................] 0/10 files"; got != want {
		t.Errorf("start: %q, want %q", got, want)
	}
	now = now.Add(5 * time.Second)
	p.step(5)
	if got, want := p.line(), "[############............] 5/10 files  1.0 files/s  ETA 5s"; got != want {
		t.Errorf("half way: %q, want %q", got, want)
	}
	if !strings.HasPrefix(b.String(), "\r[####") || !strings.HasSuffix(b.String(), "\x1b[K") {
		t.Errorf("step must redraw one line: %q", b.String())
	}
	b.Reset()
	p.step(1) // within 100ms of the last draw: no redraw
	if b.Len() != 0 {
		t.Errorf("redrew too soon: %q", b.String())
	}
	p.step(4) // the last file always draws
	if !strings.Contains(b.String(), "10/10 files") {
		t.Errorf("final draw missing: %q", b.String())
	}
}

func TestIsTerminal(t *testing.T) {
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a regular file is not a terminal")
	}
}

// BenchmarkIngestSeeds measures the whole pipeline (read, parse, extract,
// write) on the seed articles, re-read each time (--force).
func BenchmarkIngestSeeds(b *testing.B) {
	files, _ := corpus.Files([]string{"../../testdata/seeds"})
	var size int64
	for _, f := range files {
		fi, err := os.Stat(f.Path)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	rules, id, err := loadRules("")
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "f.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	env := &Env{Stderr: &bytes.Buffer{}}
	b.SetBytes(size)
	for b.Loop() {
		if _, err := ingestFiles(context.Background(), st, rules, files, ingestOptions{Force: true, RulesID: id}, env); err != nil {
			b.Fatal(err)
		}
	}
}
