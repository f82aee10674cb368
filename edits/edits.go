// Package edits checks what an editor gives about a fact — taxonomy ids,
// a value written the French way or plainly, an as_of date — so that the
// desk, the JSON API and the command line accept and refuse exactly the
// same things, with the same words.
package edits

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faits/faits/extract"
	"github.com/faits/faits/normalize"
	"github.com/faits/faits/store"
)

// The ids of spec/taxonomy.md: the floor of what editors may choose, which
// the rules data may extend (the spec lets the project add ids, never rename
// these).
var (
	specProgrammes = []string{
		"amo", "amo-tadamon", "amo-tns", "amo-achamil", "amo-salaries",
		"amo-fonctionnaires", "ramed", "rnp", "rsu", "asd", "aide-rentree",
		"pension-tns", "retraite", "ipe", "allocations-familiales", "anss",
		"protection-sociale",
	}
	specMetrics = []string{
		"beneficiaries", "enrolled", "files_submitted", "files_processed",
		"amount_paid", "budget", "allowance", "services_billed",
		"decrees_adopted", "share", "points_of_service",
	}
	specUnits = []string{
		"person", "household", "child", "elderly", "student", "file",
		"service", "decree", "point", "MAD", "EUR", "USD", "percent",
	}
	specQualifiers = []string{"exact", "about", "more_than", "at_least", "less_than", "up_to"}
)

// Taxonomy is the ids an editor may choose, in the order a form offers them.
type Taxonomy struct {
	Programmes, Metrics, Units, Qualifiers []string
}

// New joins the ids of spec/taxonomy.md and those of the rules in use, so
// that an id a rules file adds can be chosen by editors too. A nil r means
// the spec's ids only.
func New(r *extract.Rules) Taxonomy {
	t := Taxonomy{Programmes: specProgrammes, Metrics: specMetrics,
		Units: union(specUnits, extract.Units()), Qualifiers: union(specQualifiers, extract.Qualifiers())}
	if r != nil {
		t.Programmes = union(specProgrammes, r.Programmes())
		t.Metrics = union(specMetrics, r.Metrics())
	}
	return t
}

// Default is New over the embedded rules.
func Default() (Taxonomy, error) {
	r, err := extract.Default()
	if err != nil {
		return Taxonomy{}, fmt.Errorf("embedded rules: %w", err)
	}
	return New(r), nil
}

// Choices is list plus current when the rules gave a fact an id the list
// lacks, so that an edit never forces a change nobody asked for.
func Choices(list []string, current string) []string {
	if current == "" || slices.Contains(list, current) {
		return list
	}
	return append([]string{current}, list...)
}

// Fields is what an editor gave. A nil field was not given and keeps the
// fact's own value; AsOf "" clears the date, ValueMax "" the upper bound's
// absence stays.
type Fields struct {
	Value, ValueMax                    *Value
	Programme, Metric, Unit, Qualifier *string
	AsOf                               *string
}

// Value is a value as given: text an editor typed, or a number a program
// sent (a JSON number is never read the French way: 1.234 stays 1.234).
type Value struct {
	Text     string
	Number   float64
	IsNumber bool
}

// Text is a typed value.
func Text(s string) *Value { return &Value{Text: s} }

// Number is a value a program gave as a number.
func Number(v float64) *Value { return &Value{Number: v, IsNumber: true} }

func (v *Value) empty() bool { return !v.IsNumber && strings.TrimSpace(v.Text) == "" }

func (v *Value) parse() (float64, error) {
	if v.IsNumber {
		return checkNumber(v.Number, plain(v.Number))
	}
	return ParseValue(v.Text)
}

// Errors maps a field's name (as in the fact record: value, value_max,
// programme, metric, unit, qualifier, as_of) to what is wrong with it.
type Errors map[string]string

// Error lists the fields in order, one "field: reason" after the other.
func (e Errors) Error() string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(e)) {
		parts = append(parts, k+": "+e[k])
	}
	return strings.Join(parts, "; ")
}

// Edit checks in against the taxonomy, with cur the fact as it is, and
// returns the store edit (only the fields given), or one reason per wrong
// field. An edit that gives nothing is an error of its own (key "").
func (t Taxonomy) Edit(in Fields, cur store.Fact) (*store.Edit, Errors) {
	errs := Errors{}
	e := &store.Edit{}
	id := func(field string, v *string, list []string, cur string, dst *string) {
		if v == nil {
			return
		}
		s := strings.TrimSpace(*v)
		if !slices.Contains(Choices(list, cur), s) {
			errs[field] = fmt.Sprintf("%q is not a %s of the taxonomy (one of %s).", s, field, strings.Join(Choices(list, cur), ", "))
			return
		}
		*dst = s
	}
	id("programme", in.Programme, t.Programmes, cur.Programme, &e.Programme)
	id("metric", in.Metric, t.Metrics, cur.Metric, &e.Metric)
	id("unit", in.Unit, t.Units, cur.Unit, &e.Unit)
	id("qualifier", in.Qualifier, t.Qualifiers, cur.Qualifier, &e.Qualifier)
	if in.Value != nil {
		if v, err := in.Value.parse(); err != nil {
			errs["value"] = err.Error()
		} else {
			e.Value = &v
		}
	}
	if in.ValueMax != nil && !in.ValueMax.empty() {
		if m, err := in.ValueMax.parse(); err != nil {
			errs["value_max"] = err.Error()
		} else {
			e.ValueMax = &m
		}
	}
	if in.AsOf != nil {
		a := strings.TrimSpace(*in.AsOf)
		if !ValidAsOf(a) {
			errs["as_of"] = fmt.Sprintf("%q is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a real day), or leave it empty.", a)
		} else {
			e.AsOf = &a
		}
	}
	if _, bad := errs["value"]; !bad && e.ValueMax != nil {
		v := cur.Value
		if e.Value != nil {
			v = *e.Value
		}
		if *e.ValueMax <= v {
			errs["value_max"] = fmt.Sprintf("The upper bound (%s) must be above the value (%s).", plain(*e.ValueMax), plain(v))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if *e == (store.Edit{}) {
		return nil, Errors{"": "The edit changes nothing: give at least one of value, value_max, programme, metric, unit, qualifier, as_of."}
	}
	return e, nil
}

// Fact checks the values of a fact an editor adds where the rules found
// none: programme, metric, unit and value are required, the qualifier is
// "exact" when not given. The span, document and author are the caller's.
func (t Taxonomy) Fact(in Fields) (store.Addition, Errors) {
	errs := Errors{}
	for field, v := range map[string]*string{"programme": in.Programme, "metric": in.Metric, "unit": in.Unit} {
		if v == nil || strings.TrimSpace(*v) == "" {
			errs[field] = "Choose a " + field + "."
		}
	}
	if in.Value == nil || in.Value.empty() {
		errs["value"] = "Write the figure."
	}
	if in.Qualifier == nil || strings.TrimSpace(*in.Qualifier) == "" {
		exact := "exact"
		in.Qualifier = &exact
	}
	e, ferrs := t.Edit(in, store.Fact{})
	for k, v := range ferrs {
		if _, ok := errs[k]; !ok && k != "" {
			errs[k] = v
		}
	}
	if len(errs) > 0 {
		return store.Addition{}, errs
	}
	a := store.Addition{Programme: e.Programme, Metric: e.Metric, Unit: e.Unit, Value: *e.Value,
		ValueMax: e.ValueMax, Qualifier: e.Qualifier}
	if e.AsOf != nil {
		a.AsOf = *e.AsOf
	}
	return a, nil
}

// ParseValue reads a value as an editor types it, French ("22,5 millions",
// "1 234,5", "1.234.567", "onze") or plain ("22500000", "22.5", "2.25e7"),
// with the extractor's own number reader, so that the desk and the rules
// agree on every spelling. A figure of the taxonomy is never negative.
func ParseValue(s string) (float64, error) {
	t := strings.TrimSpace(s)
	v, err := normalize.ParseValue(t)
	if err != nil {
		// An exponent is no French, but scripts write it.
		if f, ferr := strconv.ParseFloat(t, 64); ferr == nil && strings.ContainsAny(t, "eE") {
			v, err = f, nil
		}
	}
	if err != nil {
		return 0, fmt.Errorf("%q is not a number: write it the French way (22,5 millions; 1 234,5) or plainly (22500000).", t)
	}
	return checkNumber(v, t)
}

func checkNumber(v float64, t string) (float64, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number.", t)
	}
	if v < 0 {
		return 0, fmt.Errorf("%q is below zero: counts, amounts and shares never are.", t)
	}
	return v, nil
}

// ValidAsOf reports whether s is "" or an ISO 8601 partial date: YYYY,
// YYYY-MM or YYYY-MM-DD naming a real day.
func ValidAsOf(s string) bool {
	if s == "" {
		return true
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}

// union keeps a's order and appends b's ids that a lacks.
func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, x := range b {
		if x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
