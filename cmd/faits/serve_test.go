package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
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

// testClient is an HTTP client of the test's own, whose connections close
// when the test ends, before the server it talks to stops (cleanups run last
// first: call it after startServe). Connections of the shared
// http.DefaultClient would outlive the test and its server.
func testClient(t *testing.T) *http.Client {
	t.Helper()
	c := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func apiTotal(c *http.Client, base, query string) (int, error) {
	res, err := c.Get(base + "/api/v1/facts?limit=1&" + query)
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
	client := testClient(t)

	// At start, the folder's files are ingested.
	waitTotal := func(what string, ok func(int) bool) int {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			n, err := apiTotal(client, base, "")
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
			if _, err := apiTotal(client, base, "status=pending"); err != nil {
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
	// Hang up before the server stops, as a client done with it does.
	// (TestServeStopsBesideUnusedConnections covers clients that do not.)
	client.CloseIdleConnections()
	if err := stop(); err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	if !strings.Contains(stderr.String(), "watch "+watch+": ingested 1 files") {
		t.Errorf("the watcher did not report the dropped file:\n%s", stderr.String())
	}
}

// TestServeStopsBesideUnusedConnections: a client may hold a connection on
// which it never sends a request (Go's transport keeps the one it dialed for
// a request that another connection served first; browsers open some ahead
// of time). net/http's Shutdown waits 5s before it counts such a connection
// idle, which made serve's stop fail with "context deadline exceeded".
func TestServeStopsBesideUnusedConnections(t *testing.T) {
	db := filepath.Join(t.TempDir(), "faits.db")
	base, stderr, stop := startServe(t, "--db", db)
	spare, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer spare.Close()
	// A request on a connection dialed after the spare one: the server
	// accepts in order, so once it answers, it holds the spare connection
	// too. Its own connection then stays open and idle.
	if _, err := apiTotal(testClient(t), base, ""); err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve stopped with %v\n%s", err, stderr.String())
	}
	// The server hung up on the spare connection. (The deadline only keeps
	// a regression from hanging the test.)
	spare.SetReadDeadline(time.Now().Add(time.Minute))
	if n, err := spare.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		t.Errorf("the unused connection after the stop: read %d bytes, %v; want EOF", n, err)
	}
}

// TestShutdownGrace: a request under way when serve stops still gets its
// answer; one that outlives the grace is cut off, and the stop says so.
func TestShutdownGrace(t *testing.T) {
	for _, finish := range []bool{true, false} {
		t.Run(fmt.Sprintf("finish=%v", finish), func(t *testing.T) {
			entered, stopping, release := make(chan struct{}), make(chan struct{}), make(chan struct{})
			defer close(release)
			srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				close(entered)
				if finish {
					<-stopping // answers once the stop has begun
				} else {
					<-release // answers only after the test
				}
				io.WriteString(w, "done")
			})}
			srv.RegisterOnShutdown(func() { close(stopping) })
			conns := &connStates{state: map[net.Conn]http.ConnState{}}
			srv.ConnState = conns.set
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			served := make(chan error, 1)
			go func() { served <- srv.Serve(ln) }()
			answer := make(chan string, 1)
			client := testClient(t)
			go func() {
				res, err := client.Get("http://" + ln.Addr().String() + "/")
				if err != nil {
					answer <- "error: " + err.Error()
					return
				}
				defer res.Body.Close()
				b, err := io.ReadAll(res.Body)
				if err != nil {
					answer <- "error: " + err.Error()
					return
				}
				answer <- string(b)
			}()
			<-entered
			// The grace is what the case needs: long enough never to run
			// out for the request that finishes, short for the one that
			// never would.
			grace := time.Minute
			if !finish {
				grace = 100 * time.Millisecond
			}
			err = shutdown(srv, served, conns, grace)
			got := <-answer
			if finish {
				if err != nil || got != "done" {
					t.Errorf("shutdown: %v; the request under way got %q, want done", err, got)
				}
			} else {
				if err == nil || !strings.Contains(err.Error(), "were cut off") {
					t.Errorf("shutdown with a request past the grace: %v", err)
				}
				if !strings.HasPrefix(got, "error: ") {
					t.Errorf("the request past the grace got %q, want its connection cut", got)
				}
			}
		})
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
	base, _, _ := startServe(t, "--db", db, "--token", "0123456789abcdef0123456789abcdef")
	client := testClient(t)
	res, err := client.Get(base + "/api/v1/facts")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("no bearer: %s", res.Status)
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/facts", nil)
	req.Header.Set("Authorization", "Bearer 0123456789abcdef0123456789abcdef")
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("right bearer: %s", res.Status)
	}
}

// TestReadersBesideServe: while serve holds the store (here with a token of
// its own), every read-only command reads through its API with the read
// token of the owner file, and gives what the store holds; that token reads
// and never writes.
func TestReadersBesideServe(t *testing.T) {
	db := syntheticStore(t)
	want, _ := exportedFacts(t, db)
	wantCSV, _, err := run(t, nil, "export", "--db", db, "--format", "csv", "--bom")
	if err != nil {
		t.Fatal(err)
	}
	_, facts := exportedFacts(t, db)
	base, _, stop := startServe(t, "--db", db, "--token", "0123456789abcdef0123456789abcdef")
	got, stderr, err := run(t, nil, "export", "--db", db)
	if err != nil || got != want {
		t.Fatalf("export beside serve: %v\n%s\ngot:\n%s\nwant:\n%s", err, stderr, got, want)
	}
	if !strings.Contains(stderr, "is held by faits serve (pid ") || !strings.Contains(stderr, "reading through its API at 127.0.0.1:") {
		t.Errorf("export's note: %q", stderr)
	}
	if got, _, err := run(t, nil, "export", "--db", db, "--format", "csv", "--bom"); err != nil || got != wantCSV {
		t.Errorf("csv export beside serve differs: %v\n%q\n%q", err, got, wantCSV)
	}
	if got, _, err := run(t, nil, "export", "--db", db, "--status", "pending", "--since", "2000-01-01"); err != nil || got != want {
		t.Errorf("filtered export beside serve: %v", err)
	}
	for _, args := range [][]string{{"facts"}, {"facts", "--doc", "b.txt"}, {"conflicts"}, {"history", facts[0].ID},
		{"eval", "--gold", tempFile(t, "g.jsonl", syntheticGold)}} {
		out, stderr, err := run(t, nil, append(args, "--db", db)...)
		if err != nil || out == "" {
			t.Errorf("%v beside serve: %v\n%s", args, err, stderr)
		}
	}
	if out, _, _ := run(t, nil, "facts", "--db", db, "--doc", "b.txt"); !strings.Contains(out, "40,5 milliards") {
		t.Errorf("facts --doc b.txt beside serve:\n%s", out)
	}
	// The read token from the owner file reads; it does not review.
	b, err := os.ReadFile(db + ".owner")
	if err != nil {
		t.Fatal(err)
	}
	var own struct{ Addr, Token string }
	if err := json.Unmarshal(b, &own); err != nil || own.Token == "" || own.Token == "0123456789abcdef0123456789abcdef" {
		t.Fatalf("owner file %s: %v", b, err)
	}
	client := testClient(t)
	req, _ := http.NewRequest("POST", base+"/api/v1/facts/"+facts[0].ID+"/review", strings.NewReader(`{"action":"accept"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+own.Token)
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("review with the read token: %s", res.Status)
	}
	client.CloseIdleConnections()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	// Once serve is gone, the same commands read the file itself.
	if got, stderr, err := run(t, nil, "export", "--db", db); err != nil || got != want || stderr != "" {
		t.Errorf("export after serve: %v %q", err, stderr)
	}
}

// TestServeRefusesWeakToken: a token under 128 bits is refused at start,
// with the way to make one.
func TestServeRefusesWeakToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "faits.db")
	for _, tok := range []string{"a", "secret-password", "0123456789abcdef0123456789abcde"} {
		_, _, err := run(t, nil, "serve", "--db", db, "--addr", "0.0.0.0:0", "--token", tok)
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "token too weak") || !strings.Contains(err.Error(), "openssl rand -hex 16") {
			t.Errorf("--token %q: %v", tok, err)
		}
		_, _, err = run(t, map[string]string{"FAITS_TOKEN": tok}, "serve", "--db", db, "--addr", "0.0.0.0:0")
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "token too weak") {
			t.Errorf("FAITS_TOKEN=%q: %v", tok, err)
		}
	}
}
