package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/serve"
	"github.com/faits/faits/store"
)

func init() {
	register("serve", "serve the review desk and the JSON API (and ingest a watched folder)", runServe)
}

func runServe(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("serve", "serve [--db PATH] [--addr 127.0.0.1:8080] [--token T] [--watch DIR] [--rules FILE] [--editor NAME] [--max-bytes N]", env)
	db := dbFlag(fset)
	addr := fset.String("addr", "127.0.0.1:8080", "address to listen on (default $FAITS_ADDR, else 127.0.0.1:8080); anything but loopback needs --token")
	token := fset.String("token", "", "token every request must present (default $FAITS_TOKEN): desk login, or API 'Authorization: Bearer T'")
	watch := fset.String("watch", "", "folder to ingest at start and whenever an article file appears or changes in it")
	rulesFile := fset.String("rules", "", "rules file for --watch (and whose ids the edit form offers), replacing the embedded default rules (default $FAITS_RULES)")
	editor := fset.String("editor", "", "name kept with desk decisions when nobody logs in (default $FAITS_EDITOR, else $USER, else the system account)")
	interval := fset.Duration("watch-interval", time.Second, "how often --watch looks at the folder")
	maxBytes := maxBytesFlag(fset)
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() != 0 {
		fset.Usage()
		return usagef("serve: unexpected argument %q", fset.Arg(0))
	}
	fromEnv(fset, "addr", "FAITS_ADDR", addr)
	fromEnv(fset, "rules", "FAITS_RULES", rulesFile)
	modelFile := fset.String("model", "", "model file for --watch (faits train), replacing the embedded one (default $FAITS_MODEL)")
	fromEnv(fset, "model", "FAITS_MODEL", modelFile)
	fromEnv(fset, "editor", "FAITS_EDITOR", editor)
	tok := *token
	if tok == "" {
		tok = env.Getenv("FAITS_TOKEN")
	}
	if tok != "" {
		if err := serve.CheckToken(tok); err != nil {
			return &usageError{fmt.Errorf("serve: %w", err)}
		}
	}
	if !serve.IsLoopback(*addr) && tok == "" {
		return usagef("serve: %s is not a loopback address: give --token or set FAITS_TOKEN, so that nobody else on the network can review", *addr)
	}
	if *interval < 100*time.Millisecond {
		return usagef("serve: --watch-interval %v is too short (at least 100ms)", *interval)
	}
	var rules *extract.Rules
	var rulesID string
	if *watch != "" || *rulesFile != "" || *modelFile != "" {
		var err error
		if rules, rulesID, err = loadRulesModelID(*rulesFile, *modelFile); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}
	var w *watcher
	if *watch != "" {
		info, err := os.Stat(*watch)
		if err != nil {
			return fmt.Errorf("serve: --watch: %w", err)
		}
		if !info.IsDir() {
			return usagef("serve: --watch %s is not a folder", *watch)
		}
		w = &watcher{dir: *watch, rules: rules, opt: ingestOptions{RulesID: rulesID, MaxBytes: flagMaxBytes(*maxBytes)}, env: env, interval: *interval}
	}
	name := *editor
	if name == "" {
		name = whoAmI(env)
	}

	path := dbPath(*db, env)
	st, err := openStore(path, "faits serve", false)
	if err != nil {
		return err
	}
	defer st.Close()
	readTok, err := newReadToken()
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	h, err := serve.New(st, serve.Options{Token: tok, ReadToken: readTok, Editor: name, Rules: rules})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// The read-only commands find the desk's API here while it holds the
	// store.
	if err := st.Advertise(ln.Addr().String(), readTok); err != nil {
		ln.Close()
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	conns := &connStates{state: map[net.Conn]http.ConnState{}}
	srv.ConnState = conns.set
	fmt.Fprintf(env.Stderr, "faits serve: review desk on http://%s/ (store %s)\n", ln.Addr(), path)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if w != nil {
		w.st = st
		w.changed = h.RefreshMenus
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.run(ctx)
		}()
	}
	// The queue's menus read every fact's sources once (seconds over a
	// large store): done now, so that the first queue page does not wait.
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := h.RefreshMenus(ctx); err != nil && ctx.Err() == nil {
			fmt.Fprintln(env.Stderr, "faits serve:", err)
		}
	}()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	// The watcher stops with ctx too, so the grace period bounds both.
	var deadline time.Time
	select {
	case err = <-served:
		deadline = time.Now().Add(shutdownGrace)
		// Serve only returns early on a listener failure.
		err = fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		deadline = time.Now().Add(shutdownGrace)
		err = shutdown(srv, served, conns, shutdownGrace)
	}
	// The watcher shares ctx: it stops after the file it is writing, and
	// the store closes (deferred above) once it has. A file still being
	// read (a long one takes seconds to extract) is not waited for past the
	// grace period: a stop is bounded, and the file, never written, is read
	// again at the next start.
	cancel()
	watched := make(chan struct{})
	go func() {
		wg.Wait()
		close(watched)
	}()
	select {
	case <-watched:
	case <-time.After(time.Until(deadline)):
		fmt.Fprintf(env.Stderr, "faits serve: watch: still reading a file after %v: stopped without it\n", shutdownGrace)
	}
	fmt.Fprintln(env.Stderr, "faits serve: stopped")
	return err
}

// shutdownGrace is how long requests under way at a stop get to finish
// before their connections are cut.
const shutdownGrace = 5 * time.Second

// shutdown stops srv, whose Serve(ln) reports on served: it accepts nothing
// more, lets requests under way finish within grace, closes every other
// connection at once, and cuts what still runs after grace.
func shutdown(srv *http.Server, served <-chan error, conns *connStates, grace time.Duration) error {
	sctx, scancel := context.WithTimeout(context.Background(), grace)
	defer scancel()
	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(sctx) }()
	// Serve returns once Shutdown has closed the listener: from then on no
	// connection comes, and conns holds every accepted one (Serve runs the
	// StateNew hook itself, before it accepts the next).
	var err error
	if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = fmt.Errorf("serve: %w", serr)
	}
	// Shutdown closes idle connections, but counts one on which no request
	// has begun as busy until it is 5s old (net/http issue 22682), which is
	// past grace: that made a stop fail with "context deadline exceeded"
	// whenever a client held a spare connection (Go's transport keeps the one
	// it dialed for a request that another connection served first; browsers
	// open some ahead of time). Closing them loses nothing: a request read
	// from now on would not be served, since the server checks that it is
	// shutting down after reading each request (and a StateNew seen here
	// means that check has yet to run).
	conns.closeUnused()
	if serr := <-shut; serr != nil {
		// Requests still running after grace: cut them, so that a stop is
		// bounded, and say so.
		srv.Close()
		if err == nil {
			err = fmt.Errorf("serve: shut down: requests still running after %v were cut off: %w", grace, serr)
		}
	}
	return err
}

// connStates follows the server's connections through http.Server.ConnState,
// for shutdown.
type connStates struct {
	mu    sync.Mutex
	state map[net.Conn]http.ConnState
}

func (c *connStates) set(conn net.Conn, s http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s == http.StateClosed || s == http.StateHijacked {
		delete(c.state, conn)
		return
	}
	c.state[conn] = s
}

// closeUnused closes the connections on which no request has begun.
func (c *connStates) closeUnused() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for conn, s := range c.state {
		if s == http.StateNew {
			conn.Close() // the server's goroutine sees it and reports StateClosed
		}
	}
}

// watcher ingests the article files of a folder into the store the server
// holds: all of them at start (the store skips unchanged ones by hash), then
// each file that appears or changes. A file is taken once its size and
// modification time held still for one interval, so that a file still being
// copied is not read half-written.
type watcher struct {
	dir      string
	st       *store.Store
	rules    *extract.Rules
	opt      ingestOptions
	env      *Env
	interval time.Duration
	// changed is called after files were written (the server's
	// RefreshMenus).
	changed func(context.Context) error

	done     map[string]stamp // files ingested, as they were then
	seen     map[string]stamp // files changed, as they were at the last look
	reported map[string]bool  // folder errors already said once
}

type stamp struct {
	size int64
	mod  time.Time
}

func (w *watcher) run(ctx context.Context) {
	w.done, w.seen, w.reported = map[string]stamp{}, map[string]stamp{}, map[string]bool{}
	w.scan(ctx, true)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			w.scan(ctx, false)
		}
	}
}

// scan looks at the folder once and ingests what is ready.
func (w *watcher) scan(ctx context.Context, first bool) {
	files, errs := corpus.Files([]string{w.dir})
	for _, err := range errs {
		if msg := err.Error(); !w.reported[msg] {
			w.reported[msg] = true
			fmt.Fprintln(w.env.Stderr, "faits serve: watch:", termString(err.Error()))
		}
	}
	var ready []corpus.File
	stamps := map[string]stamp{}
	for _, f := range files {
		info, err := os.Stat(f.Path)
		if err != nil {
			continue // gone since the walk: the next look decides
		}
		s := stamp{info.Size(), info.ModTime()}
		if d, ok := w.done[f.Path]; ok && d == s {
			continue
		}
		if first || w.seen[f.Path] == s {
			ready = append(ready, f)
			stamps[f.Path] = s
			delete(w.seen, f.Path)
			continue
		}
		w.seen[f.Path] = s
	}
	if len(ready) == 0 {
		return
	}
	sum, err := ingestFiles(ctx, w.st, w.rules, ready, w.opt, w.env)
	if sum.Files > sum.Skipped && w.changed != nil {
		// New sites or rules for the queue's menus; read here, between
		// two looks at the folder, and stopped by ctx.
		if err := w.changed(ctx); err != nil && ctx.Err() == nil {
			fmt.Fprintln(w.env.Stderr, "faits serve:", err)
		}
	}
	if err != nil {
		if ctx.Err() == nil {
			fmt.Fprintln(w.env.Stderr, "faits serve: watch:", termString(err.Error()))
		}
		return
	}
	for p, s := range stamps {
		w.done[p] = s
	}
	if sum.Files > sum.Skipped || sum.Failed > 0 {
		fmt.Fprintf(w.env.Stderr, "faits serve: watch %s: %s\n", w.dir, sum)
	}
}
