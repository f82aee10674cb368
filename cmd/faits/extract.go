package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"runtime"
	"strconv"
	"strings"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/pipeline"
)

func init() {
	register("extract", "read article files into JSON lines for 'faits load' (no store)", runExtract)
}

func runExtract(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("extract", "extract [--rules FILE] [--workers N] [--shard K/N] [--max-bytes N] PATH... > out.jsonl", env)
	rulesFile := fset.String("rules", "", "rules file replacing the embedded default rules")
	modelFile := fset.String("model", "", "model file (faits train) replacing the embedded one")
	workers := fset.Int("workers", runtime.GOMAXPROCS(0), "files read and parsed in parallel")
	maxBytes := maxBytesFlag(fset)
	shardFlag := fset.String("shard", "", "read only share K of N (0 <= K < N), chosen by each file's name, so that N machines given the same PATHs read every file once")
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return usagef("extract: no file or folder given")
	}
	k, n, err := parseShard(*shardFlag)
	if err != nil {
		return usagef("extract: --shard: %v", err)
	}
	rules, id, err := loadRulesModelID(*rulesFile, *modelFile)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	files, ferrs := corpus.Files(fset.Args())
	for _, err := range ferrs {
		fmt.Fprintln(env.Stderr, "faits extract:", err)
	}
	if n > 1 {
		files = shard(files, k, n)
	}
	sum, err := extractFiles(ctx, pipeline.New(rules, id), files, *workers, flagMaxBytes(*maxBytes), env)
	// A path that could not be listed (missing, unreadable) failed too,
	// as in ingest's summary.
	sum.Files += len(ferrs)
	sum.Failed += len(ferrs)
	fmt.Fprintln(env.Stderr, sum)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if sum.Failed > 0 || len(ferrs) > 0 {
		return errReported
	}
	return nil
}

// parseShard reads "K/N"; "" is the whole set (0, 1).
func parseShard(s string) (k, n int, err error) {
	if s == "" {
		return 0, 1, nil
	}
	a, b, ok := strings.Cut(s, "/")
	k, errK := strconv.Atoi(a)
	n, errN := strconv.Atoi(b)
	if !ok || errK != nil || errN != nil || n < 1 || k < 0 || k >= n {
		return 0, 0, fmt.Errorf("%q is not K/N with 0 <= K < N", s)
	}
	return k, n, nil
}

// shard keeps the files whose name (Rel, the document's name in the store)
// hashes to k modulo n. The name, not the position in the list, decides,
// so that a file added to the folder does not move the others to another
// share.
func shard(files []corpus.File, k, n int) []corpus.File {
	var out []corpus.File
	for _, f := range files {
		h := fnv.New64a()
		h.Write([]byte(f.Rel))
		if h.Sum64()%uint64(n) == uint64(k) {
			out = append(out, f)
		}
	}
	return out
}

// extractSummary counts what one extractFiles call did.
type extractSummary struct {
	Files, Failed, Facts, Warnings int
}

func (s extractSummary) String() string {
	return fmt.Sprintf("extracted %d files (%d failed): %d facts", s.Files, s.Failed, s.Facts)
}

// extracted is what a worker made of one file.
type extracted struct {
	file     corpus.File
	rec      *pipeline.Record
	warnings []extract.Warning
	err      error
}

// extractFiles reads files in parallel and prints one record a line on
// env.Stdout, in the order of files, so that the same files give the same
// bytes. A file that fails (not a regular file, over maxBytes as
// ingestOptions.MaxBytes reads it, unreadable) is named on env.Stderr with
// the reason and the others go on; an error writing the output stops
// everything.
func extractFiles(ctx context.Context, x *pipeline.Extractor, files []corpus.File, workers int, maxBytes int64, env *Env) (extractSummary, error) {
	out := bufio.NewWriterSize(env.Stdout, 1<<20)
	var sum extractSummary
	work := func(i int) extracted {
		f := files[i]
		// corpus.ReadFile, as ingest: a named pipe or a link to a device
		// would otherwise hang the worker or fill the memory.
		raw, err := corpus.ReadFile(f.Path, readLimit(maxBytes))
		if err != nil {
			if errors.Is(err, corpus.ErrTooLarge) {
				err = fmt.Errorf("%w (not read, counted as failed: --max-bytes sets the limit)", err)
			}
			return extracted{file: f, err: err} // corpus names the file
		}
		rec, warnings, err := x.Read(f.Path, f.Rel, raw)
		return extracted{file: f, rec: rec, warnings: warnings, err: err}
	}
	emit := func(r extracted) error {
		sum.Files++
		if r.err != nil {
			sum.Failed++
			fmt.Fprintln(env.Stderr, "faits extract:", r.err)
			return nil
		}
		for _, w := range r.warnings {
			sum.Warnings++
			fmt.Fprintf(env.Stderr, "faits extract: %s: %s\n", r.file.Path, warningText(w))
		}
		if r.rec.Body == "" {
			sum.Warnings++
			fmt.Fprintf(env.Stderr, "faits extract: %s: warning: no article text found\n", r.file.Path)
		}
		// Written piece by piece: a long article's line is about twice its
		// text, and is not held whole (issue 15). A record refused is
		// refused before any of it is written.
		ow := &outWriter{w: out}
		if err := r.rec.WriteJSON(ow); err != nil {
			if ow.err != nil {
				return fmt.Errorf("write output: %w", ow.err)
			}
			sum.Failed++
			fmt.Fprintf(env.Stderr, "faits extract: %s: %v\n", r.file.Path, err)
			return nil
		}
		sum.Facts += len(r.rec.Facts)
		return nil
	}
	err := inOrder(ctx, len(files), workers, work, emit)
	if ferr := out.Flush(); ferr != nil && err == nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	if err != nil && ctx.Err() != nil {
		return sum, fmt.Errorf("interrupted after %d of %d files: %w", sum.Files, len(files), err)
	}
	return sum, err
}

// outWriter keeps the error of its writer, which stops extractFiles, apart
// from a record's own, which fails that file only.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}
