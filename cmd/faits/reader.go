package main

import (
	"bufio"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/faits/faits/serve"
	"github.com/faits/faits/store"
)

// factReader is what the read-only commands (export, facts, conflicts,
// history, eval) need of a store: the store itself, opened read-only, or,
// while faits serve or faits ingest holds it, that process's JSON API.
type factReader interface {
	All(store.Filter) iter.Seq2[store.Fact, error]
	Facts(store.Filter) ([]store.Fact, error)
	// Each walks the facts of o.Filter in id order or, with Sort "key",
	// by programme, metric, as_of, then id (faits facts).
	Each(o store.ListOptions, fn func(store.Fact) error) error
	Fact(id string) (store.Fact, error)
	History(id string) ([]store.Event, error)
	Conflicts() ([]store.Conflict, error)
	Document(sha string) (store.Document, error)
	Files() ([]string, error)
	Close() error
}

var _ factReader = (*store.Store)(nil)

// openReader opens the store at path for reading. When a faits process
// holds it and advertised its API in the owner file (serve and ingest do),
// the reads go through that API: the answer is what the store holds at that
// moment, and the holder never has to stop. command names the reader in
// messages ("faits export").
func openReader(path, command string, env *Env) (factReader, error) {
	st, err := openStore(path, command, true)
	if err == nil {
		return st, nil
	}
	var le *store.LockedError
	if !errors.As(err, &le) || le.Addr == "" {
		return nil, err
	}
	rs := &remoteStore{base: "http://" + dialAddr(le.Addr), token: le.Token, client: newHTTPClient()}
	// The holder may stop between any two requests (an ingest ends): its
	// port then refuses connections, and the store is free to open.
	fr := &fallbackReader{remote: rs, open: func() (factReader, error) {
		return openStoreWait(path, command, le.Owner)
	}}
	if err := fr.do(func(r factReader) error {
		if r == rs {
			return rs.ping()
		}
		return nil
	}); err != nil {
		return nil, &explained{fmt.Sprintf("%s is held by %s (pid %d), whose API at %s does not answer (%v): wait for it to finish, or stop it",
			path, le.Owner, le.PID, le.Addr, err), err}
	}
	if fr.local == nil {
		fmt.Fprintf(env.Stderr, "%s: %s is held by %s (pid %d): reading through its API at %s\n", command, path, le.Owner, le.PID, le.Addr)
	}
	return fr, nil
}

// holderGoneWait bounds the wait for the lock of a holder that stopped
// serving: it is closing the store, which takes a moment.
const holderGoneWait = 30 * time.Second

// openStoreWait opens the store read-only once its holder (owner) stopped
// serving reads, waiting for it to let go of the file.
func openStoreWait(path, command, owner string) (factReader, error) {
	st, err := store.Open(path, &store.Options{ReadOnly: true, Owner: command, Timeout: holderGoneWait})
	if err != nil {
		return nil, fmt.Errorf("%s stopped serving reads, and the store did not open after it: %w", owner, err)
	}
	return st, nil
}

// holderGone reports whether err is a refused connection to the holder's
// API: the holder has stopped serving (it shuts its server down gracefully,
// so a request it accepted is answered in full).
func holderGone(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// fallbackReader reads through the holder's API and, once the holder is
// gone, from the store itself.
type fallbackReader struct {
	remote *remoteStore
	open   func() (factReader, error)
	local  factReader // set once the holder is gone
}

var _ factReader = (*fallbackReader)(nil)

// do runs fn on the remote reader, and again on the store when the holder
// turned out to be gone.
func (f *fallbackReader) do(fn func(factReader) error) error {
	if f.local == nil {
		err := fn(f.remote)
		if err == nil || !holderGone(err) {
			return err
		}
		l, oerr := f.open()
		if oerr != nil {
			return fmt.Errorf("%w (%v)", oerr, err)
		}
		f.local = l
	}
	return fn(f.local)
}

func (f *fallbackReader) All(filter store.Filter) iter.Seq2[store.Fact, error] {
	return func(yield func(store.Fact, error) bool) {
		if f.local == nil {
			n := 0
			for x, err := range f.remote.All(filter) {
				if err != nil && n == 0 && holderGone(err) {
					l, oerr := f.open()
					if oerr != nil {
						yield(store.Fact{}, fmt.Errorf("%w (%v)", oerr, err))
						return
					}
					f.local = l
					break
				}
				n++
				if !yield(x, err) || err != nil {
					return
				}
			}
			if f.local == nil {
				return
			}
		}
		for x, err := range f.local.All(filter) {
			if !yield(x, err) {
				return
			}
		}
	}
}

func (f *fallbackReader) Facts(filter store.Filter) (out []store.Fact, err error) {
	err = f.do(func(r factReader) error {
		out, err = r.Facts(filter)
		return err
	})
	return out, err
}

func (f *fallbackReader) Each(o store.ListOptions, fn func(store.Fact) error) error {
	// The remote Each reads every fact before its first call of fn, so a
	// holder found gone never makes fn see a fact twice.
	return f.do(func(r factReader) error { return r.Each(o, fn) })
}

func (f *fallbackReader) Fact(id string) (x store.Fact, err error) {
	err = f.do(func(r factReader) error {
		x, err = r.Fact(id)
		return err
	})
	return x, err
}

func (f *fallbackReader) History(id string) (h []store.Event, err error) {
	err = f.do(func(r factReader) error {
		h, err = r.History(id)
		return err
	})
	return h, err
}

func (f *fallbackReader) Conflicts() (c []store.Conflict, err error) {
	err = f.do(func(r factReader) error {
		c, err = r.Conflicts()
		return err
	})
	return c, err
}

func (f *fallbackReader) Document(sha string) (d store.Document, err error) {
	err = f.do(func(r factReader) error {
		d, err = r.Document(sha)
		return err
	})
	return d, err
}

func (f *fallbackReader) Files() (fs []string, err error) {
	err = f.do(func(r factReader) error {
		fs, err = r.Files()
		return err
	})
	return fs, err
}

func (f *fallbackReader) Close() error {
	err := f.remote.Close()
	if f.local != nil {
		err = errors.Join(err, f.local.Close())
	}
	return err
}

// dialAddr turns a listen address into one to connect to: a server
// listening on every interface answers on loopback.
func dialAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		if ip != nil && ip.To4() == nil {
			host = "::1"
		} else {
			host = "127.0.0.1"
		}
	}
	return net.JoinHostPort(host, port)
}

// newHTTPClient bounds the connection only: an export of a large store
// may rightly take long, and no timeout may cut a result short.
func newHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:                 nil, // the holder is on this machine
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ResponseHeaderTimeout: 5 * time.Minute,
	}}
}

// remoteStore reads a store through the JSON API of the process holding it.
type remoteStore struct {
	base, token string
	client      *http.Client
}

func (r *remoteStore) get(path string, q url.Values) (*http.Response, error) {
	u := r.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	res, err := r.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("read through the API: %w", err)
	}
	if res.StatusCode == http.StatusOK {
		return res, nil
	}
	defer res.Body.Close()
	var e struct {
		Error string `json:"error"`
	}
	b, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	if json.Unmarshal(b, &e) != nil || e.Error == "" {
		e.Error = strings.TrimSpace(string(b))
	}
	if res.StatusCode == http.StatusNotFound {
		return nil, fmt.Errorf("%s: %w", e.Error, store.ErrNotFound)
	}
	return nil, fmt.Errorf("the API answered %s to GET %s: %s", res.Status, path, e.Error)
}

func (r *remoteStore) getJSON(path string, q url.Values, v any) error {
	res, err := r.get(path, q)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		return fmt.Errorf("read GET %s: %w", path, err)
	}
	return nil
}

func (r *remoteStore) ping() error {
	var v map[string][]string
	return r.getJSON("/api/v1/files", nil, &v)
}

// All streams GET /api/v1/export?format=jsonl: one read transaction on the
// holder's side, so the facts are one consistent state of the store.
func (r *remoteStore) All(f store.Filter) iter.Seq2[store.Fact, error] {
	return func(yield func(store.Fact, error) bool) {
		q := url.Values{"format": {"jsonl"}, "status": {"all"}}
		set := func(k, v string) {
			if v != "" {
				q.Set(k, v)
			}
		}
		set("programme", f.Programme)
		set("metric", f.Metric)
		set("status", f.Status)
		set("rule", f.Rule)
		set("site", f.Site)
		set("doc", f.Doc)
		set("doc_sha256", f.DocSHA256)
		if !f.Since.IsZero() {
			q.Set("since", f.Since.UTC().Format(time.RFC3339Nano))
		}
		res, err := r.get("/api/v1/export", q)
		if err != nil {
			yield(store.Fact{}, err)
			return
		}
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(make([]byte, 64<<10), 256<<20) // a fact with many long quotes is one long line
		for sc.Scan() {
			var x store.Fact
			if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
				yield(store.Fact{}, fmt.Errorf("read the API's export: %w", err))
				return
			}
			if !yield(x, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(store.Fact{}, fmt.Errorf("read the API's export: %w", err))
		}
	}
}

func (r *remoteStore) Facts(f store.Filter) ([]store.Fact, error) {
	var out []store.Fact
	for x, err := range r.All(f) {
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

// Each gathers the facts, then orders them: the server's export gives id
// order only. Its memory is that of the matching facts.
func (r *remoteStore) Each(o store.ListOptions, fn func(store.Fact) error) error {
	facts, err := r.Facts(o.Filter)
	if err != nil {
		return err
	}
	if o.Sort == "key" {
		slices.SortStableFunc(facts, func(a, b store.Fact) int {
			return cmp.Or(cmp.Compare(a.Programme, b.Programme), cmp.Compare(a.Metric, b.Metric),
				cmp.Compare(a.AsOf, b.AsOf), cmp.Compare(a.ID, b.ID))
		})
	}
	for _, x := range facts {
		if o.AsOf != "" && !strings.HasPrefix(x.AsOf, o.AsOf) {
			continue
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

func (r *remoteStore) Fact(id string) (store.Fact, error) {
	var f store.Fact
	err := r.getJSON("/api/v1/facts/"+url.PathEscape(id), nil, &f)
	return f, err
}

func (r *remoteStore) History(id string) ([]store.Event, error) {
	var h []store.Event
	err := r.getJSON("/api/v1/facts/"+url.PathEscape(id)+"/history", nil, &h)
	return h, err
}

func (r *remoteStore) Conflicts() ([]store.Conflict, error) {
	var c []store.Conflict
	err := r.getJSON("/api/v1/conflicts", nil, &c)
	return c, err
}

func (r *remoteStore) Document(sha string) (store.Document, error) {
	var d store.Document
	err := r.getJSON("/api/v1/documents/"+url.PathEscape(sha), nil, &d)
	return d, err
}

func (r *remoteStore) Files() ([]string, error) {
	var v struct {
		Files []string `json:"files"`
	}
	err := r.getJSON("/api/v1/files", nil, &v)
	return v.Files, err
}

func (r *remoteStore) Close() error {
	r.client.CloseIdleConnections()
	return nil
}

// newReadToken is the bearer token a holder advertises for reads.
func newReadToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// readAPI serves the store's read API on a loopback port while a command
// (faits ingest) holds it, and advertises it in the owner file, so that the
// read-only commands work during a long ingest. Only GET /api/v1/ passes.
// stop closes the listener and waits for the requests under way: a reader
// that got in gets its whole answer (an export cut short would be an error),
// and one that comes later finds the port closed and opens the store itself
// (fallbackReader).
func readAPI(st *store.Store, env *Env) (stop func(), err error) {
	tok, err := newReadToken()
	if err != nil {
		return nil, err
	}
	h, err := serve.New(st, serve.Options{Token: tok})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("read API: %w", err)
	}
	srv := &http.Server{Handler: readOnly(h), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	if err := st.Advertise(ln.Addr().String(), tok); err != nil {
		srv.Close()
		return nil, err
	}
	return func() { srv.Shutdown(context.Background()) }, nil
}

// readOnly lets only GET and HEAD requests to /api/v1/ through.
func readOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || !strings.HasPrefix(r.URL.Path, "/api/v1/") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusMethodNotAllowed)
			io.WriteString(w, `{"error":"this store is being written by faits ingest: only GET /api/v1/ is served meanwhile"}`+"\n")
			return
		}
		h.ServeHTTP(w, r)
	})
}

// eachFact calls fn for each fact of r.All(f); fn's error ends the walk.
func eachFact(r factReader, f store.Filter, fn func(store.Fact) error) error {
	for x, err := range r.All(f) {
		if err != nil {
			return err
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}
