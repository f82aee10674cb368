package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/faits/faits/pipeline"
	"github.com/faits/faits/store"
)

func init() {
	register("load", "write the JSON lines of 'faits extract' (or the Beam pipeline) into the fact store", runLoad)
}

func runLoad(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("load", "load [--db PATH] FILE... (- for standard input)", env)
	db := dbFlag(fset)
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return usagef("load: no file given (- reads standard input)")
	}
	// Nothing to read is no reason to create a store: when no input can
	// be opened, say which and leave the store as it was.
	readable := false
	for _, name := range fset.Args() {
		if name == "-" {
			readable = true
			break
		}
		if f, err := os.Open(name); err == nil {
			f.Close()
			readable = true
			break
		}
	}
	if !readable {
		for _, name := range fset.Args() {
			if _, err := os.Stat(name); err != nil {
				fmt.Fprintf(env.Stderr, "faits load: %v\n", err)
			} else {
				fmt.Fprintf(env.Stderr, "faits load: %s: cannot be read\n", name)
			}
		}
		return fmt.Errorf("load: no input could be read; the store was not opened")
	}
	st, err := openStore(dbPath(*db, env), "faits load", false)
	if err != nil {
		return err
	}
	l := &loader{st: st, batch: st.NewBatch(), env: env}
	for _, name := range fset.Args() {
		if err = l.input(ctx, name); err != nil {
			break
		}
	}
	// Records read before a cancellation are written: they are whole.
	l.commit()
	sum := l.sum
	if cerr := st.Close(); cerr != nil && err == nil {
		err = cerr
	}
	fmt.Fprintln(env.Stderr, sum)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if sum.Bad > 0 || sum.Failed > 0 {
		return errReported
	}
	return nil
}

// loadSummary counts what a load did.
type loadSummary struct {
	// Records is the number of valid records read; Skipped those the store
	// already held as they are; Failed those the store refused; Bad the
	// lines that were no valid record, and inputs that could not be read.
	Records, Skipped, Failed, Bad int
	Facts, NewFacts               int
}

func (s loadSummary) String() string {
	return fmt.Sprintf("loaded %d records (%d unchanged, %d failed, %d bad lines): %d facts, %d new", s.Records, s.Skipped, s.Failed, s.Bad, s.Facts, s.NewFacts)
}

// loader writes records to the store in batches (batchFiles, batchBytes,
// as ingest does), from this goroutine only.
type loader struct {
	st    *store.Store
	batch *store.Batch
	env   *Env
	sum   loadSummary
	// where names each queued record (input:line) for the store's errors.
	where []string
	facts []int
}

// input writes the records of one input, in the order of its lines: the
// same order as the files given to extract, so that the store is the one
// ingest would have built. A bad line or a record the store refuses is
// named (input:line: reason) and the rest goes on; only an unreadable
// input stream or a cancelled ctx stops the input, and only the latter
// stops the load.
func (l *loader) input(ctx context.Context, name string) error {
	var in io.Reader = l.env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			l.sum.Bad++
			fmt.Fprintf(l.env.Stderr, "faits load: %v\n", err)
			return nil
		}
		defer f.Close()
		in = f
	}
	rd := pipeline.NewReader(in, name)
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted after %d records: %w", l.sum.Records, err)
		}
		rec, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		var le *pipeline.LineError
		if errors.As(err, &le) {
			l.sum.Bad++
			fmt.Fprintf(l.env.Stderr, "faits load: %v\n", le)
			continue
		}
		if err != nil {
			l.sum.Bad++
			fmt.Fprintf(l.env.Stderr, "faits load: %v\n", err)
			return nil
		}
		l.sum.Records++
		where := fmt.Sprintf("%s:%d", name, rd.Line())
		e, err := store.Prepare(rec.Path, rec.FileKey(), rec.Document(), rec.Facts)
		if err != nil {
			l.sum.Failed++
			fmt.Fprintf(l.env.Stderr, "faits load: %s: store: %v\n", where, err)
			continue
		}
		l.batch.Add(e)
		l.where = append(l.where, where)
		l.facts = append(l.facts, len(rec.Facts))
		if l.batch.Len() >= batchFiles || l.batch.Size() >= batchBytes {
			l.commit()
		}
	}
}

// commit writes the batch; a record the store refuses is named and
// counted as failed, the others are in.
func (l *loader) commit() {
	if l.batch.Len() == 0 {
		return
	}
	where, facts := l.where, l.facts
	l.where, l.facts = nil, nil
	done, err := l.batch.Commit()
	if err != nil {
		l.sum.Failed += len(where)
		fmt.Fprintf(l.env.Stderr, "faits load: store: %d records not written: %v\n", len(where), err)
		return
	}
	for i, w := range done {
		if w.Err != nil {
			l.sum.Failed++
			fmt.Fprintf(l.env.Stderr, "faits load: %s: store: %v\n", where[i], w.Err)
			continue
		}
		if w.Result.Skipped {
			l.sum.Skipped++
			continue
		}
		l.sum.Facts += facts[i]
		l.sum.NewFacts += w.Result.NewFacts
	}
}
