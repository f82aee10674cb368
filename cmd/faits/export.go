package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/faits/faits/store"
)

func init() {
	register("export", "print every fact as JSON lines or CSV, sorted by id", runExport)
}

// statuses are the values --status accepts.
var statuses = []string{store.StatusPending, store.StatusAccepted, store.StatusRejected, store.StatusEdited, store.StatusOrphaned}

func runExport(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("export", "export [--db PATH] [--format jsonl|csv] [--status S] [--since DATE] [--bom]", env)
	db := dbFlag(fset)
	format := fset.String("format", "jsonl", "jsonl (the record of spec/facts.md, one a line) or csv (one row a fact)")
	status := fset.String("status", "", "only facts with this status: "+fmt.Sprint(statuses))
	since := fset.String("since", "", "only facts changed at or after DATE (2025-01-31 or RFC 3339)")
	bom := fset.Bool("bom", false, "start CSV with a UTF-8 byte order mark, for spreadsheets")
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("export: unexpected argument %q: %w", fset.Arg(0), errUsage)
	}
	filter, err := statusSince(*status, *since)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	var write func(io.Writer, *store.Store, store.Filter) error
	switch *format {
	case "jsonl":
		if *bom {
			return fmt.Errorf("export: --bom is for --format csv: %w", errUsage)
		}
		write = writeJSONL
	case "csv":
		write = func(w io.Writer, st *store.Store, f store.Filter) error {
			return writeCSV(w, st, f, *bom)
		}
	default:
		return fmt.Errorf("export: unknown format %q (jsonl or csv): %w", *format, errUsage)
	}
	st, err := openStore(dbPath(*db, env), "faits export", true)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer st.Close()
	out := bufio.NewWriter(env.Stdout)
	if err := write(out, st, filter); err != nil {
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
		return f, fmt.Errorf("unknown status %q (one of %v): %w", status, statuses, errUsage)
	}
	f.Status = status
	if since != "" {
		t, err := time.Parse(time.DateOnly, since)
		if err != nil {
			t, err = time.Parse(time.RFC3339, since)
		}
		if err != nil {
			return f, fmt.Errorf("--since %q: want a date like 2025-01-31 or 2025-01-31T08:00:00Z: %w", since, errUsage)
		}
		f.Since = t
	}
	return f, nil
}

// writeJSONL prints the store.Fact record, whose field order is the spec's.
// HTML escaping is off: quotes hold « », & and the like verbatim.
func writeJSONL(w io.Writer, st *store.Store, f store.Filter) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return st.EachFact(f, func(x store.Fact) error {
		return enc.Encode(x)
	})
}

// csvHeader names the CSV columns (documented in README.md): the fact,
// then how many sources it has, then its first source flattened.
var csvHeader = []string{
	"id", "programme", "metric", "value", "value_max", "unit", "qualifier", "as_of", "modality", "status",
	"sources", "independent_sources",
	"doc", "doc_sha256", "title", "site", "url", "published", "span", "start", "end", "quote", "source_qualifier", "rule",
}

// writeCSV writes RFC 4180 CSV (CRLF line ends, quotes where needed).
func writeCSV(w io.Writer, st *store.Store, f store.Filter, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	err := st.EachFact(f, func(x store.Fact) error {
		return cw.Write(csvRow(x))
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(x store.Fact) []string {
	vmax := ""
	if x.ValueMax != nil {
		vmax = formatNumber(*x.ValueMax)
	}
	row := []string{
		x.ID, x.Programme, x.Metric, formatNumber(x.Value), vmax, x.Unit, x.Qualifier, x.AsOf, x.Modality, x.Status,
		strconv.Itoa(len(x.Sources)), strconv.Itoa(x.IndependentSources()),
	}
	var s store.Source
	if len(x.Sources) > 0 {
		s = x.Sources[0]
	}
	start, end := "", ""
	if len(x.Sources) > 0 {
		start, end = strconv.Itoa(s.Start), strconv.Itoa(s.End)
	}
	return append(row, s.Doc, s.DocSHA256, s.Title, s.Site, s.URL, s.Published, s.Span, start, end, s.Quote, s.Qualifier, s.Rule)
}

// formatNumber writes a value as a spreadsheet reads it back: no exponent,
// no trailing zeros ("22500000", "40.5").
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
