package edits

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/faits/faits/store"
)

var parseValueCases = []struct {
	in   string
	want float64
	ok   bool
}{
	{"22500000", 22500000, true},
	{"22.5", 22.5, true},
	{"22,5", 22.5, true},
	{"22,5 millions", 22500000, true},
	{"3,9 millions", 3900000, true},
	{" 3,9 millions ", 3900000, true},
	{"1 234,5", 1234.5, true},
	{"1\u00a0234,5", 1234.5, true},
	{"1\u202f234\u202f567", 1234567, true},
	{"1.234.567", 1234567, true},
	{"1.234,5", 1234.5, true},
	{"40,5 milliards", 40.5e9, true},
	{"1 million", 1e6, true},
	{"3 mille", 3000, true},
	{"2.25e7", 22500000, true},
	{"1E3", 1000, true},
	{"onze", 11, true},
	{"quatre-vingt-dix", 90, true},
	{"3 millions et demi", 3.5e6, true},
	{"0", 0, true},
	{"-5", 0, false},
	{"−5", 0, false},
	{"-1e3", 0, false},
	{"", 0, false},
	{"vingt-cinq virgule", 0, false},
	{"1,2,3", 0, false},
	{"1.23.4", 0, false},
	{"12.34,5", 0, false},
	{"12 pommes", 0, false},
	{"millions", 0, false},
	{"NaN", 0, false},
	{"Inf", 0, false},
	{"1e400", 0, false},
}

func TestParseValue(t *testing.T) {
	for _, tc := range parseValueCases {
		got, err := ParseValue(tc.in)
		if (err == nil) != tc.ok || tc.ok && math.Abs(got-tc.want) > 1e-9*math.Max(1, math.Abs(tc.want)) {
			t.Errorf("ParseValue(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && strings.Contains(err.Error(), "strconv") {
			t.Errorf("ParseValue(%q): %q names a Go function", tc.in, err)
		}
	}
}

// FuzzParseValue: never a panic, never a negative or non-finite value, and
// a value written with a decimal comma (as the desk's form writes it; "1.887"
// is 1887 the French way) reads back as itself.
func FuzzParseValue(f *testing.F) {
	for _, tc := range parseValueCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseValue(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Fatalf("ParseValue(%q) = %v", s, v)
		}
		if v < 1e15 {
			p := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
			back, err := ParseValue(p)
			if err != nil || math.Abs(back-v) > 1e-6*math.Max(1, v) {
				t.Fatalf("%v written %q reads back as %v, %v", v, p, back, err)
			}
		}
	})
}

func TestValidAsOf(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "2024": true, "2024-12": true, "2024-02-29": true,
		"2023-02-29": false, "2024-13": false, "2024-00": false, "24": false, "2024-1": false,
		"2024-12-1": false, "fin 2024": false, "2024-12-31T00": false,
	} {
		if got := ValidAsOf(s); got != want {
			t.Errorf("ValidAsOf(%q) = %v, want %v", s, got, want)
		}
	}
}

func ptr(s string) *string { return &s }

func TestEdit(t *testing.T) {
	tax := New(nil)
	cur := store.Fact{ID: "f-1", Programme: "amo-tns", Metric: "enrolled", Value: 3.5e6, Unit: "person", Qualifier: "exact", AsOf: "2024"}
	odd := cur
	odd.Programme = "rules-only" // an id the rules gave that the list lacks
	cases := []struct {
		name    string
		cur     store.Fact
		in      Fields
		want    store.Edit
		badKeys []string
	}{
		{"french value", cur, Fields{Value: Text("3,9 millions")}, store.Edit{Value: f64(3.9e6)}, nil},
		{"json number is not French", cur, Fields{Value: Number(1.234)}, store.Edit{Value: f64(1.234)}, nil},
		{"typed 1.234 is French", cur, Fields{Value: Text("1.234")}, store.Edit{Value: f64(1234)}, nil},
		{"ids", cur, Fields{Programme: ptr("amo"), Unit: ptr("household"), Qualifier: ptr("about")},
			store.Edit{Programme: "amo", Unit: "household", Qualifier: "about"}, nil},
		{"as_of cleared", cur, Fields{AsOf: ptr("")}, store.Edit{AsOf: ptr("")}, nil},
		{"range", cur, Fields{Value: Text("3"), ValueMax: Text("4 millions")}, store.Edit{Value: f64(3), ValueMax: f64(4e6)}, nil},
		{"empty value_max is no bound", cur, Fields{ValueMax: Text(" ")}, store.Edit{}, []string{""}},
		{"keeps the rules' own id", odd, Fields{Programme: ptr("rules-only")}, store.Edit{Programme: "rules-only"}, nil},
		{"the issue's bad edit", cur, Fields{Programme: ptr("nope"), Unit: ptr("bogus"), Value: Text("-5")}, store.Edit{},
			[]string{"programme", "unit", "value"}},
		{"bad metric and qualifier", cur, Fields{Metric: ptr("x"), Qualifier: ptr("roughly")}, store.Edit{}, []string{"metric", "qualifier"}},
		{"bad date", cur, Fields{AsOf: ptr("2021-13")}, store.Edit{}, []string{"as_of"}},
		{"bound under the fact's value", cur, Fields{ValueMax: Text("1 million")}, store.Edit{}, []string{"value_max"}},
		{"bound under the new value", cur, Fields{Value: Text("5"), ValueMax: Number(4)}, store.Edit{}, []string{"value_max"}},
		{"negative number", cur, Fields{Value: Number(-1)}, store.Edit{}, []string{"value"}},
		{"nothing", cur, Fields{}, store.Edit{}, []string{""}},
	}
	for _, tc := range cases {
		got, errs := tax.Edit(tc.in, tc.cur)
		if len(tc.badKeys) > 0 {
			for _, k := range tc.badKeys {
				if errs[k] == "" {
					t.Errorf("%s: no error for %q (errors %v)", tc.name, k, errs)
				}
			}
			if len(errs) != len(tc.badKeys) || got != nil {
				t.Errorf("%s: errors %v, edit %v; want errors on %v only", tc.name, errs, got, tc.badKeys)
			}
			continue
		}
		if errs != nil {
			t.Errorf("%s: %v", tc.name, errs)
			continue
		}
		if show(*got) != show(tc.want) {
			t.Errorf("%s: got %s, want %s", tc.name, show(*got), show(tc.want))
		}
	}
}

func TestNewAddsRulesIDs(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"amo-tadamon", "protection-sociale"} {
		if !contains(tax.Programmes, want) {
			t.Errorf("programmes lack %q", want)
		}
	}
	if !contains(tax.Units, "MAD") || !contains(tax.Qualifiers, "more_than") {
		t.Errorf("units %v, qualifiers %v", tax.Units, tax.Qualifiers)
	}
}

func TestErrorsMessage(t *testing.T) {
	got := Errors{"value": "bad.", "as_of": "late."}.Error()
	if got != "as_of: late.; value: bad." {
		t.Errorf("got %q", got)
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func f64(v float64) *float64 { return &v }

func show(e store.Edit) string {
	o := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	a := "-"
	if e.AsOf != nil {
		a = "[" + *e.AsOf + "]"
	}
	return strings.Join([]string{o(e.Value), o(e.ValueMax), e.Programme, e.Metric, e.Unit, e.Qualifier, a}, "|")
}

func TestFact(t *testing.T) {
	tax := New(nil)
	a, errs := tax.Fact(Fields{Programme: ptr("asd"), Metric: ptr("beneficiaries"), Unit: ptr("household"), Value: Text("3,9 millions"), AsOf: ptr("2024-12")})
	if errs != nil || a.Value != 3.9e6 || a.Qualifier != "exact" || a.AsOf != "2024-12" || a.Programme != "asd" {
		t.Errorf("%+v %v", a, errs)
	}
	_, errs = tax.Fact(Fields{Programme: ptr("nope"), Value: Text("-1")})
	for _, k := range []string{"programme", "metric", "unit", "value"} {
		if errs[k] == "" {
			t.Errorf("no error on %s: %v", k, errs)
		}
	}
}
