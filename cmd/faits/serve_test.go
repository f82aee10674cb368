package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that the server's goroutines and the test
// may use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var listenRE = regexp.MustCompile(`review desk on (http://[^/ ]+)/`)

// startServe runs `faits serve` in-process and returns its base URL, its
// stderr, and a stop function that returns Run's error.
func startServe(t *testing.T, args ...string) (string, *syncBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: &syncBuffer{}, Stderr: stderr, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), env) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := listenRE.FindStringSubmatch(stderr.String()); m != nil {
			var once sync.Once
			var err error
			stop := func() error {
				once.Do(func() { cancel(); err = <-done })
				return err
			}
			t.Cleanup(func() { stop() })
			return m[1], stderr, stop
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve stopped at start: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func apiTotal(t *testing.T, base, query string) (int, error) {
	res, err := http.Get(base + "/api/v1/facts?limit=1&" + query)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET facts: %s", res.Status)
	}
	var p struct{ Total int }
	if err := json.NewDecoder(res.Body).Decode(&p); err != nil {
		return 0, err
	}
	return p.Total, nil
}

// TestServeOwnsTheStore is the acceptance line: while serve holds
// the store, an ingest fails at once saying so; a file dropped into the
// --watch folder shows up within seconds; the API answers throughout.
func TestServeOwnsTheStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "faits.db")
	watch := filepath.Join(dir, "in")
	if err := os.MkdirAll(watch, 0o755); err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join("..", "..", "testdata", "seeds", "001_e57e4ab274efb00c.txt")
	raw, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(watch, "first.txt"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	base, stderr, stop := startServe(t, "--db", db, "--watch", watch, "--watch-interval", "200ms")

	// At start, the folder's files are ingested.
	waitTotal := func(what string, ok func(int) bool) int {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			n, err := apiTotal(t, base, "")
			if err != nil {
				t.Fatalf("%s: the API stopped answering: %v", what, err)
			}
			if ok(n) {
				return n
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: still %d facts after 10s\n%s", what, n, stderr.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	before := waitTotal("ingest at start", func(n int) bool { return n > 0 })

	// An ingest beside it fails at once, naming the holder.
	start := time.Now()
	_, _, err = run(t, nil, "ingest", "--db", db, seed)
	if err == nil || !strings.Contains(err.Error(), "is held by faits serve (pid ") ||
		!strings.Contains(err.Error(), "stop it, or let it ingest with --watch") {
		t.Fatalf("ingest beside serve: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("ingest took %v to fail", d)
	}

	// The API answers while a dropped file is ingested.
	stopPolling := make(chan struct{})
	var failures []error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stopPolling:
				return
			default:
			}
			if _, err := apiTotal(t, base, "status=pending"); err != nil {
				failures = append(failures, err)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	article := "AMO : 25,1 millions d'assurés\n\nLe nombre d'assurés de l'assurance maladie obligatoire a atteint 25,1 millions de personnes à fin février 2025, a annoncé la CNSS. Le régime AMO Tadamon couvre plus de 11,5 millions de bénéficiaires.\n"
	if err := os.WriteFile(filepath.Join(watch, "dropped.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	dropped := time.Now()
	waitTotal("the dropped file", func(n int) bool { return n > before })
	t.Logf("dropped file in the queue after %v", time.Since(dropped).Round(10*time.Millisecond))
	close(stopPolling)
	wg.Wait()
	for _, err := range failures {
		t.Errorf("API failed during the ingest: %v", err)
	}
	if err := stop(); err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	if !strings.Contains(stderr.String(), "watch "+watch+": ingested 1 files") {
		t.Errorf("the watcher did not report the dropped file:\n%s", stderr.String())
	}
}

func TestServeNeedsTokenOffLoopback(t *testing.T) {
	db := filepath.Join(t.TempDir(), "faits.db")
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8080"} {
		_, _, err := run(t, nil, "serve", "--db", db, "--addr", addr)
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "give --token or set FAITS_TOKEN") {
			t.Errorf("--addr %s without token: %v", addr, err)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a refused serve created the store")
	}
}

func TestServeToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "faits.db")
	base, _, _ := startServe(t, "--db", db, "--token", "tok-123")
	res, err := http.Get(base + "/api/v1/facts")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("no bearer: %s", res.Status)
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/facts", nil)
	req.Header.Set("Authorization", "Bearer tok-123")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("right bearer: %s", res.Status)
	}
}
