package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/faits/faits/store"
)

func init() {
	register("history", "show the editors' decisions on a fact, oldest first", runHistory)
}

func runHistory(ctx context.Context, args []string, env *Env) error {
	fs := newFlags("history", "history [--db PATH] [--json] ID", env)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON event a line")
	pos, done, err := parseInterspersed(fs, args)
	if done {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("history: want one fact id")
	}
	st, err := openReader(dbPath(*db, env), "faits history", env)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := st.Fact(pos[0])
	if err != nil {
		return err
	}
	events, err := st.History(pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		for _, ev := range events {
			if err := writeJSONLine(env.Stdout, ev); err != nil {
				return err
			}
		}
		return nil
	}
	return writeHistory(&termWriter{w: env.Stdout}, f, events)
}

// writeHistory prints the fact's current state, then one line per event:
// when, who, what, and the fields the event changed.
func writeHistory(w io.Writer, f store.Fact, events []store.Event) error {
	if _, err := fmt.Fprintln(w, describeFact(f)); err != nil {
		return err
	}
	if len(events) == 0 {
		_, err := fmt.Fprintln(w, "  no decision yet")
		return err
	}
	for _, ev := range events {
		line := fmt.Sprintf("  %s  %-12s %-7s %s", ev.At.UTC().Format(time.RFC3339), ev.By, ev.Action, strings.Join(changes(ev.Before, ev.After), ", "))
		if ev.Undoes != 0 {
			line += fmt.Sprintf(" (reverts #%d)", ev.Undoes)
		}
		if ev.Note != "" {
			line += fmt.Sprintf("  « %s »", ev.Note)
		}
		if _, err := fmt.Fprintf(w, "#%-4d%s\n", ev.Seq, strings.TrimRight(line, " ")); err != nil {
			return err
		}
	}
	return nil
}

// changes lists "field before → after" for each field an event changed.
func changes(a, b store.Fact) []string {
	var out []string
	add := func(name, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf("%s %s → %s", name, dashIfEmpty(x), dashIfEmpty(y)))
		}
	}
	add("status", a.Status, b.Status)
	add("programme", a.Programme, b.Programme)
	add("metric", a.Metric, b.Metric)
	add("value", plainNumber(a.Value), plainNumber(b.Value))
	add("value_max", optNumber(a.ValueMax), optNumber(b.ValueMax))
	add("unit", a.Unit, b.Unit)
	add("qualifier", a.Qualifier, b.Qualifier)
	add("as_of", a.AsOf, b.AsOf)
	if len(out) == 0 {
		out = append(out, "no change")
	}
	return out
}

func optNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return plainNumber(*v)
}
