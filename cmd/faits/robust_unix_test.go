//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/faits/faits/corpus"
)

// badFiles adds to dir what a scraper's folder may hold besides articles:
// a named pipe, a link to /dev/zero, and a sparse file one byte over the
// default size limit. It returns their names with the reason each must be
// reported with.
func badFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.html")); err != nil {
		t.Skip("no symlinks:", err)
	}
	f, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(corpus.DefaultMaxBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return map[string]string{
		"pipe.txt":  "not a regular file (a named pipe)",
		"zero.html": "not a regular file (a character device)",
		"huge.txt":  "file too large: 5242881 bytes, over the limit of 5242880 (not read, counted as failed: --max-bytes sets the limit)",
	}
}

// TestIngestRefusesOddFiles: each odd file is named with its reason, the
// five articles beside them are ingested, and the exit status is 1.
func TestIngestRefusesOddFiles(t *testing.T) {
	dir := seedCopy(t)
	bad := badFiles(t, dir)
	db := filepath.Join(t.TempDir(), "f.db")
	done := make(chan struct{})
	var stderr string
	var err error
	go func() {
		defer close(done)
		_, stderr, err = run(t, nil, "ingest", "--db", db, "--workers", "2", dir)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute): // a hang guard, not a timing assertion
		t.Fatal("ingest has not returned")
	}
	if !errors.Is(err, errReported) {
		t.Errorf("ingest with refused files: %v, want exit status 1", err)
	}
	for name, why := range bad {
		if !strings.Contains(stderr, "faits ingest: read "+filepath.Join(dir, name)+": "+why+"\n") {
			t.Errorf("%s not reported as %q:\n%s", name, why, stderr)
		}
	}
	if !regexp.MustCompile(`(?m)^ingested 8 files \(0 skipped, 3 failed\): [1-9]\d* facts`).MatchString(stderr) {
		t.Errorf("the articles beside them were not ingested:\n%s", stderr)
	}

	// --max-bytes moves the limit; 0 lifts it.
	_, stderr, _ = run(t, nil, "ingest", "--db", db, "--max-bytes", "3000", filepath.Join(dir, "003_eeea78cfebe039dd.txt"))
	if !strings.Contains(stderr, "12232 bytes, over the limit of 3000") {
		t.Errorf("--max-bytes 3000 on a 12232-byte file:\n%s", stderr)
	}
	_, stderr, _ = run(t, nil, "strip", "--max-bytes", "0", filepath.Join(dir, "huge.txt"))
	if !strings.Contains(stderr, "not a text or HTML file (binary data (NUL bytes))") {
		t.Errorf("--max-bytes 0 must read the huge file (and find it binary): %v\n%s", err, stderr)
	}
}

// TestExtractRefusesOddFiles: faits extract reads files as ingest does:
// each odd file is named with its reason, the five articles beside them
// are printed, the exit status is 1, and --max-bytes moves the limit.
func TestExtractRefusesOddFiles(t *testing.T) {
	dir := seedCopy(t)
	bad := badFiles(t, dir)
	done := make(chan struct{})
	var stdout, stderr string
	var err error
	go func() {
		defer close(done)
		stdout, stderr, err = run(t, nil, "extract", "--workers", "2", dir)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute): // a hang guard, not a timing assertion
		t.Fatal("extract has not returned")
	}
	if !errors.Is(err, errReported) {
		t.Errorf("extract with refused files: %v, want exit status 1", err)
	}
	for name, why := range bad {
		if !strings.Contains(stderr, "faits extract: read "+filepath.Join(dir, name)+": "+why+"\n") {
			t.Errorf("%s not reported as %q:\n%s", name, why, stderr)
		}
	}
	if !strings.Contains(stderr, "extracted 8 files (3 failed): ") {
		t.Errorf("summary does not count the refused files:\n%s", stderr)
	}
	if n := strings.Count(stdout, "\n"); n != 5 {
		t.Errorf("%d lines printed, want the 5 articles beside the odd files", n)
	}

	_, stderr, _ = run(t, nil, "extract", "--max-bytes", "3000", filepath.Join(dir, "003_eeea78cfebe039dd.txt"))
	if !strings.Contains(stderr, "12232 bytes, over the limit of 3000 (not read, counted as failed: --max-bytes sets the limit)") {
		t.Errorf("--max-bytes 3000 on a 12232-byte file:\n%s", stderr)
	}
	_, stderr, _ = run(t, nil, "extract", "--max-bytes", "0", filepath.Join(dir, "huge.txt"))
	if !strings.Contains(stderr, "not a text or HTML file (binary data (NUL bytes))") {
		t.Errorf("--max-bytes 0 must read the huge file (and find it binary):\n%s", stderr)
	}
}

// TestServeWatchSkipsOddFiles: the watcher names each odd file once, goes
// on ingesting what is dropped beside them, and stops when told.
func TestServeWatchSkipsOddFiles(t *testing.T) {
	dir := t.TempDir()
	watch := filepath.Join(dir, "in")
	if err := os.Mkdir(watch, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := badFiles(t, watch)
	base, stderr, stop := startServe(t, "--db", filepath.Join(dir, "faits.db"), "--watch", watch, "--watch-interval", "100ms")
	client := testClient(t)
	raw, err := os.ReadFile("../../testdata/seeds/001_e57e4ab274efb00c.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(watch, "dropped.txt"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute) // a hang guard, not a timing assertion
	for {
		n, err := apiTotal(client, base, "")
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the file dropped beside the odd ones was not ingested:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // a few more looks at the folder
	client.CloseIdleConnections()
	if err := stop(); err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	out := stderr.String()
	for name, why := range bad {
		if n := strings.Count(out, "read "+filepath.Join(watch, name)+": "+why); n != 1 {
			t.Errorf("%s reported %d times as %q, want once:\n%s", name, n, why, out)
		}
	}
	if !strings.Contains(out, "faits serve: stopped") {
		t.Errorf("serve did not say it stopped:\n%s", out)
	}
}
