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
	"github.com/faits/faits/serve"
	"github.com/faits/faits/store"
)

func init() {
	register("review", "record an editor's decision on a fact (accept, reject, edit, undo, flag, keep, not-conflict)", runReview)
}

const reviewUsage = `review [--db PATH] ID accept|reject|undo|flag|unflag [--note TEXT] [--by NAME]
       faits review [--db PATH] ID edit [--value N] [--value-max N] [--programme P] [--metric M]
                    [--unit U] [--qualifier Q] [--as-of D] [--note TEXT] [--by NAME]
       faits review [--db PATH] ID keep|not-conflict [--note TEXT] [--by NAME]

  keep          settle ID's conflict group (faits conflicts): accept ID, reject the others
  not-conflict  rule ID's conflict group no conflict (the values hold side by side,
                a breakdown by level or region): each fact keeps its status
  flag, unflag  ask for (or withdraw) a second look at the fact`

// The review actions beyond store.Review's: they settle a conflict group
// or set a flag.
const (
	actionKeep        = "keep"
	actionNotConflict = store.ActionNotConflict
)

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
	case store.ActionAccept, store.ActionReject, store.ActionUndo, store.ActionFlag, store.ActionUnflag, actionKeep, actionNotConflict:
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
		return usagef("review: unknown action %q (accept, reject, edit, undo, flag, unflag, keep or not-conflict)", action)
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
	fs2, err := decide(st, id, d)
	if cerr := st.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, f := range fs2 {
		if *asJSON {
			err = writeJSONLine(env.Stdout, f)
		} else {
			_, err = fmt.Fprintln(env.Stdout, termString(describeFact(f)))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// decide records d on the fact id and returns the facts it changed: id
// alone, or for keep and not-conflict every fact of id's conflict group,
// settled as the desk settles them.
func decide(st *store.Store, id string, d store.Decision) ([]store.Fact, error) {
	switch d.Action {
	case store.ActionFlag, store.ActionUnflag:
		f, err := st.Flag(id, d.Action == store.ActionFlag, d.By, d.Note)
		if err != nil {
			return nil, fmt.Errorf("review %s: %w", id, err)
		}
		return []store.Fact{f}, nil
	case actionKeep, actionNotConflict:
		group, err := conflictGroup(st, id)
		if err != nil {
			return nil, err
		}
		if d.Action == actionKeep {
			fs, err := serve.KeepOne(st, id, group, d.By)
			if err != nil {
				return nil, fmt.Errorf("review %s keep: %w", id, err)
			}
			return fs, nil
		}
		note := d.Note
		if note == "" {
			note = "not a conflict: the values hold side by side"
		}
		fs, err := st.NotConflict(group, d.By, note)
		if err != nil {
			return nil, fmt.Errorf("review %s not-conflict: %w", id, err)
		}
		return fs, nil
	}
	f, err := st.Review(id, d)
	if err != nil {
		return nil, err
	}
	return []store.Fact{f}, nil
}

// conflictGroup is the ids of the conflict group (faits conflicts) that
// holds the fact id.
func conflictGroup(st *store.Store, id string) ([]string, error) {
	if _, err := st.Fact(id); err != nil {
		return nil, fmt.Errorf("review %s: %w", id, err)
	}
	cs, err := st.Conflicts()
	if err != nil {
		return nil, fmt.Errorf("review %s: %w", id, err)
	}
	for _, c := range cs {
		ids := make([]string, len(c.Facts))
		for i, f := range c.Facts {
			ids[i] = f.ID
		}
		if slices.Contains(ids, id) {
			return ids, nil
		}
	}
	return nil, fmt.Errorf("review %s: the fact is in no conflict group ('faits conflicts' lists them)", id)
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
	if f.Flagged {
		b.WriteString(", flagged")
	}
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
