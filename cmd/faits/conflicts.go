package main

import (
	"context"
	"fmt"
	"io"

	"github.com/faits/faits/store"
)

func init() {
	register("conflicts", "list facts with the same programme, metric and as_of but different values", runConflicts)
}

func runConflicts(ctx context.Context, args []string, env *Env) error {
	fs := newFlags("conflicts", "conflicts [--db PATH] [--programme P] [--metric M] [--json]", env)
	db := dbFlag(fs)
	programme := fs.String("programme", "", "only this programme")
	metric := fs.String("metric", "", "only this metric")
	asJSON := fs.Bool("json", false, "print one JSON conflict group a line")
	pos, done, err := parseInterspersed(fs, args)
	if done {
		return err
	}
	if len(pos) != 0 {
		fs.Usage()
		return usagef("conflicts: unexpected argument %q", pos[0])
	}
	st, err := openReader(dbPath(*db, env), "faits conflicts", env)
	if err != nil {
		return err
	}
	defer st.Close()
	all, err := st.Conflicts()
	if err != nil {
		return err
	}
	var cs []store.Conflict
	for _, c := range all {
		if (*programme == "" || c.Programme == *programme) && (*metric == "" || c.Metric == *metric) {
			cs = append(cs, c)
		}
	}
	if *asJSON {
		for _, c := range cs {
			if err := writeJSONLine(env.Stdout, c); err != nil {
				return err
			}
		}
		return nil
	}
	return writeConflicts(&termWriter{w: env.Stdout}, cs)
}

// writeConflicts prints each group, then its facts by value with their
// status, sources and first place read.
func writeConflicts(w io.Writer, cs []store.Conflict) error {
	if len(cs) == 0 {
		_, err := fmt.Fprintln(w, "no conflicts")
		return err
	}
	for i, c := range cs {
		if i > 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintf(w, "%s %s as_of %s (%s): %d values\n", c.Programme, c.Metric, c.AsOf, c.Unit, len(c.Facts)); err != nil {
			return err
		}
		for _, f := range c.Facts {
			v := plainNumber(f.Value)
			if f.ValueMax != nil {
				v += "-" + plainNumber(*f.ValueMax)
			}
			where := "-"
			if len(f.Sources) > 0 {
				s := f.Sources[0]
				where = fmt.Sprintf("%s:%d %q", s.Doc, s.Start, s.Span)
			}
			if _, err := fmt.Fprintf(w, "  %-14s %s %-8s %d sources (%d independent)  %s\n", v, f.ID, f.Status, len(f.Sources), f.IndependentSources(), where); err != nil {
				return err
			}
		}
	}
	return nil
}
