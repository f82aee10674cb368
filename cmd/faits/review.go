package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/faits/faits/store"
)

func init() {
	register("review", "record an editor's decision on a fact (accept, reject, edit, undo)", runReview)
}

const reviewUsage = `review [--db PATH] ID accept|reject|undo [--note TEXT] [--by NAME]
       faits review [--db PATH] ID edit [--value N] [--value-max N] [--programme P] [--metric M]
                    [--unit U] [--qualifier Q] [--as-of D] [--note TEXT] [--by NAME]`

func runReview(ctx context.Context, args []string, env *Env) error {
	fs := newFlags("review", reviewUsage, env)
	db := dbFlag(fs)
	by := fs.String("by", "", "who decides (default $USER)")
	note := fs.String("note", "", "why, kept in the fact's history")
	asJSON := fs.Bool("json", false, "print the fact's new state as JSON")
	value := fs.String("value", "", "edit: the figure (11100000, 11,1e6, 11 100 000)")
	valueMax := fs.String("value-max", "", "edit: the upper end of a range")
	programme := fs.String("programme", "", "edit: programme id (taxonomy.md)")
	metric := fs.String("metric", "", "edit: metric id")
	unit := fs.String("unit", "", "edit: unit id")
	qualifier := fs.String("qualifier", "", "edit: qualifier id")
	asOf := fs.String("as-of", "", `edit: when the figure holds (YYYY, YYYY-MM, YYYY-MM-DD; "none" for unknown)`)
	pos, done, err := parseInterspersed(fs, args)
	if done {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return fmt.Errorf("review: want a fact id and an action: %w", errUsage)
	}
	id, action := pos[0], pos[1]
	d := store.Decision{Action: action, By: *by, Note: *note}
	if d.By == "" {
		d.By = env.Getenv("USER")
	}
	if d.By == "" {
		return fmt.Errorf("review: who decides? give --by NAME or set $USER: %w", errUsage)
	}
	editFlags := map[string]bool{}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "value", "value-max", "programme", "metric", "unit", "qualifier", "as-of":
			editFlags[f.Name] = true
		}
	})
	switch action {
	case store.ActionAccept, store.ActionReject, store.ActionUndo:
		if len(editFlags) > 0 {
			return fmt.Errorf("review: %s takes no edited values (use 'edit'): %w", action, errUsage)
		}
	case store.ActionEdit:
		e := &store.Edit{Programme: *programme, Metric: *metric, Unit: *unit, Qualifier: *qualifier}
		if editFlags["value"] {
			v, err := parseNumber(*value)
			if err != nil {
				return fmt.Errorf("review: --value: %v: %w", err, errUsage)
			}
			e.Value = &v
		}
		if editFlags["value-max"] {
			v, err := parseNumber(*valueMax)
			if err != nil {
				return fmt.Errorf("review: --value-max: %v: %w", err, errUsage)
			}
			e.ValueMax = &v
		}
		if editFlags["as-of"] {
			a := *asOf
			if a == "none" {
				a = ""
			}
			if !store.ValidAsOf(a) {
				return fmt.Errorf("review: --as-of %q is not YYYY, YYYY-MM or YYYY-MM-DD: %w", *asOf, errUsage)
			}
			e.AsOf = &a
		}
		if len(editFlags) == 0 {
			return fmt.Errorf("review: edit needs at least one of --value, --value-max, --programme, --metric, --unit, --qualifier, --as-of: %w", errUsage)
		}
		d.Edit = e
	default:
		fs.Usage()
		return fmt.Errorf("review: unknown action %q (accept, reject, edit or undo): %w", action, errUsage)
	}
	path := dbPath(*db, env)
	// A read-write open would create a missing file: a mistyped --db
	// must not leave an empty store behind.
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("review: %s: no fact store there (run 'faits ingest PATH' first, or give --db): %w", path, err)
	}
	st, err := openStore(path, "faits review", false)
	if err != nil {
		return err
	}
	f, err := st.Review(id, d)
	if cerr := st.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSONLine(env.Stdout, f)
	}
	_, err = fmt.Fprintln(env.Stdout, describeFact(f))
	return err
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments (the flag package stops at the first of those).
func parseInterspersed(fs *flag.FlagSet, args []string) (pos []string, done bool, err error) {
	for {
		if done, err := parseFlags(fs, args); done {
			return nil, true, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, false, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), false, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNumber reads a figure as an editor types it: a decimal comma or
// point, spaces (also non-breaking) or underscores between digit groups,
// an exponent.
func parseNumber(s string) (float64, error) {
	t := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "_", "").Replace(strings.TrimSpace(s))
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}

// describeFact is a fact's state on one line.
func describeFact(f store.Fact) string {
	var b strings.Builder
	status := f.Status
	if f.Decision != "" {
		status += " (" + f.Decision + ")"
	}
	fmt.Fprintf(&b, "%s %s: %s %s %s", f.ID, status, dashIfEmpty(f.Programme), dashIfEmpty(f.Metric), plainNumber(f.Value))
	if f.ValueMax != nil {
		fmt.Fprintf(&b, "-%s", plainNumber(*f.ValueMax))
	}
	fmt.Fprintf(&b, " %s, %s, as_of %s", dashIfEmpty(f.Unit), dashIfEmpty(f.Qualifier), dashIfEmpty(f.AsOf))
	fmt.Fprintf(&b, ", %d sources (%d independent)", len(f.Sources), f.IndependentSources())
	return b.String()
}

func plainNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
