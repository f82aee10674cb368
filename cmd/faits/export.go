package main

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/faits/faits/export"
	"github.com/faits/faits/store"
)

func init() {
	register("export", "print every fact as JSON lines or CSV, sorted by id", runExport)
}

// statuses are the values --status accepts.
var statuses = []string{store.StatusPending, store.StatusAccepted, store.StatusRejected, store.StatusEdited, store.StatusOrphaned}

func runExport(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("export", "export [--db PATH] [--format jsonl|csv] [--status S] [--since DATE] [--bom] | export --gold [--gold-docs FILE]", env)
	db := dbFlag(fset)
	format := fset.String("format", "jsonl", "jsonl (the record of spec/facts.md, one a line) or csv (one row a fact)")
	status := fset.String("status", "", "only facts with this status: "+fmt.Sprint(statuses))
	since := fset.String("since", "", "only facts changed at or after DATE (2025-01-31 or RFC 3339)")
	bom := fset.Bool("bom", false, "start CSV with a UTF-8 byte order mark, for spreadsheets")
	gold := fset.Bool("gold", false, "write the editors' decisions as a gold file (spec/facts.md) that faits eval scores")
	goldDocs := fset.String("gold-docs", "", "with --gold: also write the documents it covers to FILE (for faits eval --docs)")
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() > 0 {
		return usagef("export: unexpected argument %q", fset.Arg(0))
	}
	filter, err := statusSince(*status, *since)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if *format != "jsonl" && *format != "csv" {
		return usagef("export: unknown format %q (jsonl or csv)", *format)
	}
	if *bom && *format != "csv" {
		return usagef("export: --bom is for --format csv")
	}
	if (*gold || *goldDocs != "") && (!*gold || *status != "" || *since != "" || *bom || *format != "jsonl") {
		return usagef("export: --gold takes only --gold-docs FILE (and --db)")
	}
	st, err := openReader(dbPath(*db, env), "faits export", env)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer st.Close()
	out := bufio.NewWriter(env.Stdout)
	if *gold {
		covered, left, err := writeGold(out, st, *goldDocs)
		if err == nil {
			err = out.Flush()
		}
		if err != nil {
			return fmt.Errorf("export --gold: %w", err)
		}
		fmt.Fprintf(env.Stderr, "faits export: gold for %d documents whose facts are all decided (%d left out: a fact there is still pending)\n", covered, left)
		return nil
	}
	if err := export.Write(out, st.All(filter), export.Options{Format: *format, BOM: *bom}); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	return nil
}

// statusSince checks --status and --since and turns them into a filter.
func statusSince(status, since string) (store.Filter, error) {
	var f store.Filter
	if status != "" && !slices.Contains(statuses, status) {
		return f, usagef("unknown status %q (one of %v)", status, statuses)
	}
	f.Status = status
	if since != "" {
		t, err := time.Parse(time.DateOnly, since)
		if err != nil {
			t, err = time.Parse(time.RFC3339, since)
		}
		if err != nil {
			return f, usagef("--since %q: want a date like 2025-01-31 or 2025-01-31T08:00:00Z", since)
		}
		f.Since = t
	}
	return f, nil
}
