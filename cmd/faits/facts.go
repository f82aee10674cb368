package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/faits/faits/edits"
	"github.com/faits/faits/eval"
	"github.com/faits/faits/store"
)

func init() {
	register("facts", "show facts as a table for a person to read", runFacts)
}

func runFacts(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("facts", "facts [--db PATH] [--programme ID] [--metric ID] [--doc NAME] [--status S] [--json]", env)
	db := dbFlag(fset)
	var f store.Filter
	fset.StringVar(&f.Programme, "programme", "", "only this programme (taxonomy id: amo, rsu, asd…)")
	fset.StringVar(&f.Metric, "metric", "", "only this metric (taxonomy id: beneficiaries, budget…)")
	fset.StringVar(&f.Doc, "doc", "", "only facts read in this document (its path as ingested, or its file name)")
	status := fset.String("status", "", "only facts with this status: "+fmt.Sprint(statuses))
	asJSON := fset.Bool("json", false, "print the facts in the table's order, one JSON record a line (as faits export)")
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() > 0 {
		return usagef("facts: unexpected argument %q", fset.Arg(0))
	}
	sf, err := statusSince(*status, "")
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	f.Status = sf.Status
	st, err := openReader(dbPath(*db, env), "faits facts", env)
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	defer st.Close()
	var n int
	if *asJSON {
		n, err = printFactsJSON(env.Stdout, st, f)
	} else {
		n, err = printFacts(&termWriter{w: env.Stdout}, st, f)
	}
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	if n == 0 {
		// An id a rules file added may be in the store, so ids are not
		// refused up front; but a filter that matched nothing and names no
		// id of the taxonomy is most likely a typo.
		tax := edits.New(nil)
		if f.Programme != "" && !slices.Contains(tax.Programmes, f.Programme) {
			return usagef("facts: no fact has programme %q, which is no programme of spec/taxonomy.md (%s)", f.Programme, strings.Join(tax.Programmes, ", "))
		}
		if f.Metric != "" && !slices.Contains(tax.Metrics, f.Metric) {
			return usagef("facts: no fact has metric %q, which is no metric of spec/taxonomy.md (%s)", f.Metric, strings.Join(tax.Metrics, ", "))
		}
		fmt.Fprintln(env.Stderr, "faits facts: no fact matches (run 'faits ingest PATH' to read articles)")
	}
	return nil
}

// factsHeader names the table's columns.
var factsHeader = []string{"ID", "PROGRAMME", "METRIC", "VALUE", "UNIT", "QUALIFIER", "AS_OF", "SOURCES", "QUOTE"}

func factRow(x store.Fact) []string {
	return []string{x.ID, x.Programme, x.Metric, frenchValue(x.Value, x.ValueMax), x.Unit, dash(x.Qualifier),
		dash(x.AsOf), strconv.Itoa(x.IndependentSources()), firstQuote(x, quoteRunes)}
}

// printFacts writes the table of the facts matching f and returns how many
// rows it wrote. It reads the store twice (once for the column widths,
// once to print) rather than hold the table: memory stays that of one
// programme/metric/as_of group however big the store. A --doc that names
// no stored path is tried as a file name, since people remember
// "003_….txt", not the folder it was ingested from.
func printFacts(w io.Writer, st factReader, f store.Filter) (int, error) {
	filters, err := docFilters(st, f)
	if err != nil {
		return 0, err
	}
	widths := make([]int, len(factsHeader))
	measure := func(cells []string) {
		for i, c := range cells {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	measure(factsHeader)
	n, err := eachForReading(st, filters, func(x store.Fact) error {
		measure(factRow(x))
		return nil
	})
	if err != nil || n == 0 {
		return n, err
	}
	bw := bufio.NewWriter(w)
	line := func(cells []string) {
		for i, c := range cells {
			bw.WriteString(c)
			if i < len(cells)-1 {
				bw.WriteString(strings.Repeat(" ", widths[i]+2-utf8.RuneCountInString(c)))
			}
		}
		bw.WriteByte('\n')
	}
	line(factsHeader)
	if _, err := eachForReading(st, filters, func(x store.Fact) error {
		line(factRow(x))
		return nil
	}); err != nil {
		return n, err
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("write: %w", err)
	}
	return n, nil
}

// docFilters is f, or, when --doc is a file name rather than a stored
// path, one filter per stored path of that name.
func docFilters(st factReader, f store.Filter) ([]store.Filter, error) {
	filters := []store.Filter{f}
	if f.Doc != "" && !strings.ContainsAny(f.Doc, `/\`) {
		paths, err := docPaths(st, f.Doc)
		if err != nil {
			return nil, err
		}
		if len(paths) > 0 && !slices.Contains(paths, f.Doc) {
			filters = filters[:0]
			for _, p := range paths {
				g := f
				g.Doc = p
				filters = append(filters, g)
			}
		}
	}
	return filters, nil
}

// printFactsJSON writes the facts printFacts would show, in its order, as
// JSON lines.
func printFactsJSON(w io.Writer, st factReader, f store.Filter) (int, error) {
	filters, err := docFilters(st, f)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n, err := eachForReading(st, filters, func(x store.Fact) error { return enc.Encode(x) })
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// docPaths lists the ingested paths whose file name is name.
func docPaths(st factReader, name string) ([]string, error) {
	files, err := st.Files()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range files {
		if eval.DocName(p) == name {
			out = append(out, p)
		}
	}
	return out, nil
}

// eachForReading calls fn for the facts matching any of filters, grouped by
// programme, metric and time, by value within a group, so that a person
// reads a series, not the id order an export needs. It holds one group.
func eachForReading(st factReader, filters []store.Filter, fn func(store.Fact) error) (int, error) {
	var group []store.Fact
	var key string
	seen := map[string]bool{} // several filters (one file name, several paths) may give a fact twice
	n := 0
	flush := func() error {
		sort.SliceStable(group, func(i, j int) bool {
			if group[i].Value != group[j].Value {
				return group[i].Value < group[j].Value
			}
			return group[i].ID < group[j].ID
		})
		for _, x := range group {
			if err := fn(x); err != nil {
				return err
			}
		}
		n += len(group)
		group = group[:0]
		return nil
	}
	visit := func(x store.Fact) error {
		if len(filters) > 1 {
			if seen[x.ID] {
				return nil
			}
			seen[x.ID] = true
		}
		if k := x.Programme + "\x00" + x.Metric + "\x00" + x.AsOf; k != key {
			if err := flush(); err != nil {
				return err
			}
			key = k
		}
		group = append(group, x)
		return nil
	}
	if len(filters) == 1 {
		if err := st.Each(store.ListOptions{Filter: filters[0], Sort: "key", Sources: 1}, visit); err != nil {
			return n, err
		}
		return n, flush()
	}
	// Several documents: few facts, gathered then ordered as one walk would.
	var all []store.Fact
	for _, f := range filters {
		if err := st.Each(store.ListOptions{Filter: f, Sort: "key", Sources: 1}, func(x store.Fact) error {
			all = append(all, x)
			return nil
		}); err != nil {
			return n, err
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Programme != b.Programme {
			return a.Programme < b.Programme
		}
		if a.Metric != b.Metric {
			return a.Metric < b.Metric
		}
		return a.AsOf < b.AsOf
	})
	for _, x := range all {
		if err := visit(x); err != nil {
			return n, err
		}
	}
	return n, flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// quoteRunes is the width of the QUOTE column.
const quoteRunes = 60

// firstQuote is the first source's sentence cut to at most n runes around
// the matched span, so that the figure stays visible in a long sentence.
func firstQuote(x store.Fact, n int) string {
	if len(x.Sources) == 0 {
		return "-"
	}
	s := x.Sources[0]
	return shorten(strings.Join(strings.Fields(s.Quote), " "), strings.Join(strings.Fields(s.Span), " "), n)
}

// shorten cuts q to at most n runes, marking each cut with "…" and cutting
// between words where it can; the window starts a little before span when
// q contains it, so that the figure stays in view.
func shorten(q, span string, n int) string {
	r := []rune(q)
	if len(r) <= n {
		return q
	}
	// [at, end) is the span in runes; the window must keep it whole.
	at, end := 0, 0
	from := 0
	if i := strings.Index(q, span); i >= 0 && span != "" {
		at = utf8.RuneCountInString(q[:i])
		end = at + utf8.RuneCountInString(span)
		from = max(0, at-n/4)
		if end > from+n-2 { // a middle window holds n-2 runes between its marks
			from = max(0, end-(n-2))
		}
	}
	if len(r)-from < n-1 { // the window reaches the end: one mark only
		from = len(r) - (n - 1)
	}
	// Start on a word when a space is near and the span stays whole.
	if from > 0 && r[from-1] != ' ' {
		for j := from; j < min(at, from+n/4); j++ {
			if r[j] == ' ' {
				from = j + 1
				break
			}
		}
	}
	to := len(r)
	switch {
	case from == 0:
		to = n - 1
	case len(r)-from > n-1:
		to = from + n - 2
	}
	// End on a word likewise.
	if to < len(r) && r[to] != ' ' {
		for j := to - 1; j >= max(end, to-n/4); j-- {
			if r[j] == ' ' {
				to = j
				break
			}
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(strings.TrimSpace(string(r[from:to])))
	if to < len(r) {
		b.WriteString("…")
	}
	return b.String()
}
