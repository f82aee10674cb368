package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/faits/faits/edits"
	"github.com/faits/faits/extract"
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
	by := fs.String("by", "", "who decides (default $FAITS_EDITOR, else $USER, else the system account)")
	note := fs.String("note", "", "why, kept in the fact's history")
	asJSON := fs.Bool("json", false, "print the fact's new state as JSON")
	value := fs.String("value", "", `edit: the figure, French or plain ("3,9 millions", "11 100 000", 11100000)`)
	valueMax := fs.String("value-max", "", "edit: the upper end of a range")
	programme := fs.String("programme", "", "edit: programme id (taxonomy.md)")
	metric := fs.String("metric", "", "edit: metric id")
	unit := fs.String("unit", "", "edit: unit id")
	qualifier := fs.String("qualifier", "", "edit: qualifier id")
	asOf := fs.String("as-of", "", `edit: when the figure holds (YYYY, YYYY-MM, YYYY-MM-DD; "none" for unknown)`)
	rules := fs.String("rules", "", "edit: rules file whose programme and metric ids are allowed beyond the taxonomy's (default the embedded rules)")
	pos, done, err := parseInterspersed(fs, args)
	if done {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return usagef("review: want a fact id and an action")
	}
	id, action := pos[0], pos[1]
	fromEnv(fs, "by", "FAITS_EDITOR", by)
	fromEnv(fs, "rules", "FAITS_RULES", rules)
	d := store.Decision{Action: action, By: *by, Note: *note}
	if d.By == "" {
		d.By = whoAmI(env)
	}
	if d.By == "" {
		return usagef("review: who decides? give --by NAME or set FAITS_EDITOR")
	}
	editFlags := map[string]bool{}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "value", "value-max", "programme", "metric", "unit", "qualifier", "as-of":
			editFlags[f.Name] = true
		}
	})
	var edit *editFlagValues
	switch action {
	case store.ActionAccept, store.ActionReject, store.ActionUndo:
		if len(editFlags) > 0 {
			return usagef("review: %s takes no edited values (use 'edit')", action)
		}
	case store.ActionEdit:
		if len(editFlags) == 0 {
			return usagef("review: edit needs at least one of --value, --value-max, --programme, --metric, --unit, --qualifier, --as-of")
		}
		edit = &editFlagValues{flags: editFlags, value: *value, valueMax: *valueMax, programme: *programme,
			metric: *metric, unit: *unit, qualifier: *qualifier, asOf: *asOf}
	default:
		fs.Usage()
		return usagef("review: unknown action %q (accept, reject, edit or undo)", action)
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
	if edit != nil {
		if d.Edit, err = edit.check(st, id, *rules); err != nil {
			st.Close()
			return err
		}
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
	_, err = fmt.Fprintln(env.Stdout, termString(describeFact(f)))
	return err
}

// editFlagValues are the edit flags as given, checked against the fact
// once the store is open, by the validation the desk and the API use.
type editFlagValues struct {
	flags                                                     map[string]bool
	value, valueMax, programme, metric, unit, qualifier, asOf string
}

func (e *editFlagValues) check(st *store.Store, id, rulesPath string) (*store.Edit, error) {
	tax, err := taxonomyOf(rulesPath)
	if err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	cur, err := st.Fact(id)
	if err != nil {
		return nil, fmt.Errorf("review %s: %w", id, err)
	}
	var in edits.Fields
	str := func(flag string, v string) *string {
		if !e.flags[flag] {
			return nil
		}
		return &v
	}
	if e.flags["value"] {
		in.Value = edits.Text(e.value)
	}
	if e.flags["value-max"] {
		in.ValueMax = edits.Text(e.valueMax)
	}
	in.Programme, in.Metric = str("programme", e.programme), str("metric", e.metric)
	in.Unit, in.Qualifier = str("unit", e.unit), str("qualifier", e.qualifier)
	if in.AsOf = str("as-of", e.asOf); in.AsOf != nil && *in.AsOf == "none" {
		*in.AsOf = ""
	}
	ed, errs := tax.Edit(in, cur)
	if errs != nil {
		var lines []string
		for _, k := range slices.Sorted(maps.Keys(errs)) {
			flag := "--" + strings.ReplaceAll(k, "_", "-")
			if k == "" {
				flag = "edit"
			}
			lines = append(lines, flag+": "+errs[k])
		}
		return nil, usagef("review %s: nothing saved:\n  %s", id, strings.Join(lines, "\n  "))
	}
	return ed, nil
}

// taxonomyOf is the taxonomy with the ids of the rules file at path (the
// embedded rules when path is "").
func taxonomyOf(path string) (edits.Taxonomy, error) {
	if path == "" {
		return edits.Default()
	}
	r, err := extract.Load(path)
	if err != nil {
		return edits.Taxonomy{}, fmt.Errorf("rules: %w", err)
	}
	return edits.New(r), nil
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
