package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/faits/faits/eval"
	"github.com/faits/faits/store"
)

func init() {
	register("facts", "show facts as a table for a person to read", runFacts)
}

func runFacts(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("facts", "facts [--db PATH] [--programme ID] [--metric ID] [--doc NAME] [--status S]", env)
	db := dbFlag(fset)
	var f store.Filter
	fset.StringVar(&f.Programme, "programme", "", "only this programme (taxonomy id: amo, rsu, asd…)")
	fset.StringVar(&f.Metric, "metric", "", "only this metric (taxonomy id: beneficiaries, budget…)")
	fset.StringVar(&f.Doc, "doc", "", "only facts read in this document (its path as ingested, or its file name)")
	status := fset.String("status", "", "only facts with this status: "+fmt.Sprint(statuses))
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("facts: unexpected argument %q: %w", fset.Arg(0), errUsage)
	}
	sf, err := statusSince(*status, "")
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	f.Status = sf.Status
	st, err := openStore(dbPath(*db, env), "faits facts", true)
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	defer st.Close()
	facts, err := factsByDoc(st, f)
	if err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	if len(facts) == 0 {
		fmt.Fprintln(env.Stderr, "faits facts: no fact matches (run 'faits ingest PATH' to read articles)")
		return nil
	}
	sortForReading(facts)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPROGRAMME\tMETRIC\tVALUE\tUNIT\tQUALIFIER\tAS_OF\tSOURCES\tQUOTE")
	for _, x := range facts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", x.ID, x.Programme, x.Metric, frenchValue(x.Value, x.ValueMax),
			x.Unit, dash(x.Qualifier), dash(x.AsOf), x.IndependentSources(), firstQuote(x, quoteRunes))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("facts: write: %w", err)
	}
	return nil
}

// sortForReading groups a programme's figures by metric, then time, so that
// a person reads a series, not the id order an export needs.
func sortForReading(facts []store.Fact) {
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if a.Programme != b.Programme {
			return a.Programme < b.Programme
		}
		if a.Metric != b.Metric {
			return a.Metric < b.Metric
		}
		if a.AsOf != b.AsOf {
			return a.AsOf < b.AsOf
		}
		if a.Value != b.Value {
			return a.Value < b.Value
		}
		return a.ID < b.ID
	})
}

// factsByDoc applies f; a --doc that names no stored path is tried as a
// file name, since people remember "003_….txt", not the folder it was
// ingested from.
func factsByDoc(st *store.Store, f store.Filter) ([]store.Fact, error) {
	facts, err := st.Facts(f)
	if err != nil || f.Doc == "" || len(facts) > 0 || strings.ContainsAny(f.Doc, `/\`) {
		return facts, err
	}
	name := f.Doc
	f.Doc = ""
	all, err := st.Facts(f)
	if err != nil {
		return nil, err
	}
	for _, x := range all {
		for _, s := range x.Sources {
			if eval.DocName(s.Doc) == name {
				facts = append(facts, x)
				break
			}
		}
	}
	return facts, nil
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
