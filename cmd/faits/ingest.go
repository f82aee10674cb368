package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/pipeline"
	"github.com/faits/faits/store"
)

func init() {
	register("ingest", "read article files and folders into the fact store", runIngest)
}

func runIngest(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("ingest", "ingest [--db PATH] [--rules FILE] [--workers N] [--force] [--max-bytes N] [--json] PATH...", env)
	db := dbFlag(fset)
	rulesFile := fset.String("rules", "", "rules file replacing the embedded default rules (default $FAITS_RULES)")
	modelFile := fset.String("model", "", "model file (faits train) replacing the embedded one (default $FAITS_MODEL)")
	workers := fset.Int("workers", runtime.GOMAXPROCS(0), "files read and parsed in parallel")
	force := fset.Bool("force", false, "re-read files whose bytes are unchanged since the last ingest")
	maxBytes := maxBytesFlag(fset)
	asJSON := fset.Bool("json", false, "print the summary as one JSON object on standard output")
	if done, err := parseFlags(fset, args); done {
		return err
	}
	fromEnv(fset, "rules", "FAITS_RULES", rulesFile)
	fromEnv(fset, "model", "FAITS_MODEL", modelFile)
	if fset.NArg() == 0 {
		fset.Usage()
		return usagef("ingest: no file or folder given")
	}
	rules, rulesID, err := loadRulesModelID(*rulesFile, *modelFile)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	files, ferrs := corpus.Files(fset.Args())
	for _, err := range ferrs {
		fmt.Fprintln(env.Stderr, "faits ingest:", err)
	}
	path := dbPath(*db, env)
	st, err := openStore(path, "faits ingest", false)
	if err != nil {
		return err
	}
	// Readers (faits export, facts…) read through this while it runs.
	stopAPI, err := readAPI(st, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "faits ingest: other commands cannot read the store meanwhile:", err)
		stopAPI = func() {}
	}
	sum, err := ingestFiles(ctx, st, rules, files, ingestOptions{Workers: *workers, Force: *force, RulesID: rulesID, MaxBytes: flagMaxBytes(*maxBytes), Progress: isTerminal(env.Stderr)}, env)
	stopAPI()
	if cerr := st.Close(); cerr != nil && err == nil {
		err = cerr
	}
	// A path that cannot be read at all is a failed file too.
	sum.Files += len(ferrs)
	sum.Failed += len(ferrs)
	if *asJSON {
		if jerr := writeJSONLine(env.Stdout, sum); jerr != nil && err == nil {
			err = jerr
		}
	} else {
		fmt.Fprintln(env.Stderr, sum)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if sum.Failed > 0 || len(ferrs) > 0 {
		return errReported
	}
	return nil
}

// loadRulesModel is loadRules with the model of modelFile (the embedded
// one when "") attached; the id covers both, so that a new model re-reads
// unchanged files as new rules do.
func loadRulesModel(rulesFile, modelFile string) (*extract.Rules, error) {
	r, _, err := loadRulesModelID(rulesFile, modelFile)
	return r, err
}

func loadRulesModelID(rulesFile, modelFile string) (*extract.Rules, string, error) {
	r, id, err := loadRulesFile(rulesFile)
	if err != nil {
		return nil, "", err
	}
	data := extract.DefaultModelData()
	if modelFile != "" {
		m, err := extract.LoadModel(modelFile)
		if err != nil {
			return nil, "", err
		}
		r = r.WithModel(m)
		data, err = os.ReadFile(modelFile)
		if err != nil {
			return nil, "", fmt.Errorf("model: %w", err)
		}
	}
	return r, rulesID([]byte(id + "\n" + rulesID(data))), nil
}

// loadRules returns the rules of file, or the embedded ones when file is
// "", with the embedded model, and an id of their content (see
// ingestOptions.RulesID).
func loadRules(file string) (*extract.Rules, string, error) { return loadRulesModelID(file, "") }

// loadRulesFile returns the rules of file (or the embedded ones) and an id
// of the rules file alone.
func loadRulesFile(file string) (*extract.Rules, string, error) {
	if file == "" {
		r, err := extract.Default()
		if err != nil {
			return nil, "", fmt.Errorf("embedded rules: %w", err)
		}
		return r, rulesID(extract.DefaultData()), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, "", fmt.Errorf("rules: %w", err)
	}
	r, err := extract.Load(file)
	if err != nil {
		return nil, "", fmt.Errorf("rules %s: %w", file, err)
	}
	return r, rulesID(data), nil
}

func rulesID(data []byte) string { return pipeline.RulesID(data) }

// ingestOptions tune ingestFiles.
type ingestOptions struct {
	// Workers read, parse and extract files in parallel; <= 0 means
	// GOMAXPROCS.
	Workers int
	// Force re-reads files whose raw bytes the store already has (for a new
	// faits whose code, not rules, reads differently).
	Force bool
	// RulesID identifies the rules' content (loadRules gives it). It is
	// stored with each file's hash, so that a file is skipped only when
	// both its bytes and the rules are those of its last ingest: changed
	// rules re-read everything, as editors expect.
	RulesID string
	// MaxBytes refuses files larger than this (see corpus.ReadFile); 0
	// means corpus.DefaultMaxBytes, < 0 no limit.
	MaxBytes int64
	// Progress draws a bar on env.Stderr (only for a terminal).
	Progress bool
}

// maxBytesFlag defines --max-bytes for the commands that read article files.
func maxBytesFlag(fset *flagSet) *int64 {
	v := byteCount(corpus.DefaultMaxBytes)
	fset.Var(&v, "max-bytes", "skip article files larger than `N` bytes (0: no limit)")
	return (*int64)(&v)
}

// byteCount is a flag's size in bytes: a negative one is refused (it would
// lift the limit unsaid).
type byteCount int64

func (b *byteCount) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteCount) Set(s string) error {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 {
		return errors.New("want a number of bytes, 0 for no limit")
	}
	*b = byteCount(v)
	return nil
}

// flagMaxBytes is ingestOptions.MaxBytes for a --max-bytes value.
func flagMaxBytes(v int64) int64 {
	if v <= 0 {
		return -1
	}
	return v
}

// readLimit is the corpus.ReadFile limit for a --max-bytes value.
func readLimit(maxBytes int64) int64 {
	switch {
	case maxBytes == 0:
		return corpus.DefaultMaxBytes
	case maxBytes < 0:
		return 0
	}
	return maxBytes
}

// ingestSummary counts what one ingestFiles call did.
type ingestSummary struct {
	Files   int `json:"files"`
	Skipped int `json:"skipped"`
	Failed  int `json:"failed"`
	// Facts is the number of facts read in the ingested files; NewFacts and
	// NewSources what the store did not have before.
	Facts      int `json:"facts"`
	NewFacts   int `json:"new_facts"`
	NewSources int `json:"new_sources"`
	Warnings   int `json:"warnings"`
}

func (s ingestSummary) String() string {
	return fmt.Sprintf("ingested %d files (%d skipped, %d failed): %d facts, %d new", s.Files, s.Skipped, s.Failed, s.Facts, s.NewFacts)
}

// fileResult is what a worker made of one file.
type fileResult struct {
	i        int
	file     corpus.File
	sha      string // raw bytes' SHA-256 and rules id, as the store keeps it
	doc      *corpus.Document
	facts    []extract.Fact
	entry    *store.Entry // the file ready for the store's writer
	warnings []extract.Warning
	skipped  bool
	err      error
}

// ingestFiles reads, parses and extracts files with a pool of workers and
// writes them to st one batch at a time (bbolt has one writer), in the
// order of files so that the store's content does not depend on scheduling.
// A file that fails is reported on env.Stderr with its name and counted in
// Failed; the others go on. Cancelling ctx stops after the file being
// written, and the error is then ctx's. It is the pipeline of both
// "faits ingest" and "faits serve --watch".
func ingestFiles(ctx context.Context, st *store.Store, rules *extract.Rules, files []corpus.File, opt ingestOptions, env *Env) (ingestSummary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// window bounds the files read ahead of the writer, so that memory stays
	// flat however slow one file is to write.
	window := make(chan struct{}, 4*workers)
	jobs := make(chan int)
	results := make(chan fileResult)
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				var r fileResult
				if ctx.Err() != nil {
					r = fileResult{i: i, file: files[i], err: ctx.Err()}
				} else {
					r = readFile(st, rules, files[i], i, opt)
				}
				results <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var bar *progress
	if opt.Progress {
		bar = newProgress(env.Stderr, len(files))
	}
	say := func(format string, a ...any) {
		if bar != nil {
			bar.clear()
		}
		fmt.Fprintln(env.Stderr, termString(fmt.Sprintf(format, a...)))
	}
	var sum ingestSummary
	w := &writer{st: st, batch: st.NewBatch(), sum: &sum, say: say}
	pending := map[int]fileResult{}
	next := 0
	for r := range results {
		pending[r.i] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if ctx.Err() != nil {
				continue // drain: workers finish what they hold
			}
			w.add(r)
			if bar != nil {
				bar.step(1)
			}
		}
	}
	// Files read before a cancellation are written: they are whole.
	w.commit()
	w.wait()
	if bar != nil {
		bar.clear()
	}
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("interrupted after %d of %d files: %w", sum.Files, len(files), err)
	}
	return sum, nil
}

// readFile is a worker's part: everything but the store write. A panic in a
// stage becomes this file's error, so that one odd article does not stop a
// batch of thousands.
func readFile(st *store.Store, rules *extract.Rules, f corpus.File, i int, opt ingestOptions) (r fileResult) {
	r = fileResult{i: i, file: f}
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("%s: internal error: %v", f.Path, p)
		}
	}()
	raw, err := corpus.ReadFile(f.Path, readLimit(opt.MaxBytes))
	if err != nil {
		if errors.Is(err, corpus.ErrTooLarge) {
			err = fmt.Errorf("%w (not read, counted as failed: --max-bytes sets the limit)", err)
		}
		r.err = err // corpus names the file
		return r
	}
	x := pipeline.New(rules, opt.RulesID)
	r.sha = x.FileKey(raw)
	same, err := st.Unchanged(f.Rel, r.sha)
	if err != nil {
		r.err = fmt.Errorf("%s: %w", f.Path, err)
		return r
	}
	switch {
	case same && !opt.Force:
		r.skipped = true
		return r
	case same:
		// The store skips a file whose hash it has; forcing stores another
		// spelling of the hash, which the next plain run reads as a change
		// (one more re-read, never a stale fact).
		r.sha += "+forced"
	}
	rec, warnings, err := x.Read(f.Path, f.Rel, raw)
	if err != nil {
		r.err = err // Read names the file
		return r
	}
	r.doc, r.facts, r.warnings = rec.Document(), rec.Facts, warnings
	// Checking and signing for the store is done here, in parallel, so
	// that the single writer only writes.
	r.entry, r.err = store.Prepare(f.Rel, r.sha, r.doc, r.facts)
	if r.err != nil {
		r.err = fmt.Errorf("%s: store: %w", f.Path, r.err)
	}
	return r
}

// Batches bound what the writer holds before a commit: many files a
// transaction make the fsync and the commit's page writes cheap per file;
// a crash loses at most one batch, which the next run redoes.
const (
	batchFiles = 256
	batchBytes = 8 << 20
)

// writer is the single writer's side of ingestFiles: it queues files in a
// batch and, when the batch is full and at the end, hands it to a goroutine
// that commits it while the next batch fills. Workers thus go on reading
// while a batch's pages are written and synced (before, they waited for
// it, the window of files read ahead being full); the store's writes stay
// one batch at a time, in the order of files. Everything the user sees
// (messages, counts) is done on the caller's goroutine, in that order.
type writer struct {
	st    *store.Store
	batch *store.Batch
	sum   *ingestSummary
	say   func(string, ...any)
	// queued are the files in the batch, for the counts after the commit.
	queued []queuedFile
	// inflight is the batch being committed, nil when none; spare a
	// committed batch, to fill again.
	inflight *inflight
	spare    *store.Batch
}

// queuedFile is what the counts after a commit need of a file.
type queuedFile struct {
	path  string
	facts int
}

// inflight is a batch handed to the committing goroutine; done closes when
// written and err are set.
type inflight struct {
	batch   *store.Batch
	queued  []queuedFile
	done    chan struct{}
	written []store.Written
	err     error
}

// add takes one file's result in the order of files.
func (w *writer) add(r fileResult) {
	w.sum.Files++
	if r.err != nil {
		w.sum.Failed++
		w.say("faits ingest: %v", r.err)
		return
	}
	if r.skipped {
		w.sum.Skipped++
		return
	}
	for _, wn := range r.warnings {
		w.sum.Warnings++
		w.say("faits ingest: %s: %s", r.file.Path, warningText(wn))
	}
	if r.doc.Body == "" {
		w.sum.Warnings++
		w.say("faits ingest: %s: warning: no article text found", r.file.Path)
	}
	w.batch.Add(r.entry)
	w.queued = append(w.queued, queuedFile{path: r.file.Path, facts: len(r.facts)})
	if w.batch.Len() >= batchFiles || w.batch.Size() >= batchBytes {
		w.commit()
	}
}

// commit starts writing the batch, once the batch before it is written.
func (w *writer) commit() {
	if w.batch.Len() == 0 {
		return
	}
	w.wait()
	f := &inflight{batch: w.batch, queued: w.queued, done: make(chan struct{})}
	go func() {
		defer close(f.done)
		f.written, f.err = f.batch.Commit()
	}()
	w.inflight = f
	w.batch, w.spare, w.queued = w.spare, nil, nil
	if w.batch == nil {
		w.batch = w.st.NewBatch()
	}
}

// wait waits for the batch being written, if any, and counts it: a file
// the store refuses is named and counted as failed, the others are in.
func (w *writer) wait() {
	f := w.inflight
	if f == nil {
		return
	}
	<-f.done
	w.inflight, w.spare = nil, f.batch
	if f.err != nil {
		w.sum.Failed += len(f.queued)
		w.say("faits ingest: store: %d files not written: %v", len(f.queued), f.err)
		return
	}
	for i, wr := range f.written {
		q := f.queued[i]
		if wr.Err != nil {
			w.sum.Failed++
			w.say("faits ingest: %s: store: %v", q.path, wr.Err)
			continue
		}
		if wr.Result.Skipped {
			w.sum.Skipped++
			continue
		}
		w.sum.Facts += q.facts
		w.sum.NewFacts += wr.Result.NewFacts
		w.sum.NewSources += wr.Result.NewSources
	}
}
