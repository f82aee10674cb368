package eval

import (
	"math"
	"reflect"
	"testing"
)

func ptr(v float64) *float64 { return &v }

// g and p build a gold fact and a prediction with the fields most cases
// share; cases override what they test.
func g(mod func(*Gold)) Gold {
	x := Gold{Doc: "a.txt", Programme: "rnp", Metric: "enrolled", Unit: "person", Value: 22500000, Qualifier: "exact", AsOf: "2025-09"}
	if mod != nil {
		mod(&x)
	}
	return x
}

func p(mod func(*Prediction)) Prediction {
	x := Prediction{Doc: "a.txt", FactID: "f-1", Programme: "rnp", Metric: "enrolled", Unit: "person", Value: 22500000, Qualifier: "exact", AsOf: "2025-09"}
	if mod != nil {
		mod(&x)
	}
	return x
}

func TestScore(t *testing.T) {
	type want struct {
		P, R, AsOf, Qual     Ratio
		extras, misses       int
		optionalHits         int
		unscored, noGold     []string
		asOfGot, qualGot     []string // Got of the first mismatch, if any
		docs, required, optl int
	}
	tests := []struct {
		name  string
		gold  []Gold
		preds []Prediction
		opt   Options
		want  want
	}{
		{
			name: "exact match",
			gold: []Gold{g(nil)}, preds: []Prediction{p(nil)},
			want: want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "programme_alt counts as right",
			gold:  []Gold{g(func(x *Gold) { x.Programme, x.ProgrammeAlt = "aide-rentree", []string{"asd"} })},
			preds: []Prediction{p(func(x *Prediction) { x.Programme = "asd" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "metric_alt counts as right",
			gold:  []Gold{g(func(x *Gold) { x.MetricAlt = []string{"beneficiaries"} })},
			preds: []Prediction{p(func(x *Prediction) { x.Metric = "beneficiaries" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "programme outside gold and alt is a miss and a false positive",
			gold:  []Gold{g(func(x *Gold) { x.ProgrammeAlt = []string{"rsu"} })},
			preds: []Prediction{p(func(x *Prediction) { x.Programme = "amo" })},
			want:  want{P: Ratio{0, 1}, R: Ratio{0, 1}, extras: 1, misses: 1, docs: 1, required: 1},
		},
		{
			name:  "unit must be equal",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(func(x *Prediction) { x.Unit = "household" })},
			want:  want{P: Ratio{0, 1}, R: Ratio{0, 1}, extras: 1, misses: 1, docs: 1, required: 1},
		},
		{
			name:  "relative difference under 1e-9 matches",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(func(x *Prediction) { x.Value = 22500000 * (1 + 5e-10) })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "relative difference over 1e-9 does not",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(func(x *Prediction) { x.Value = 22500000 * (1 + 2e-9) })},
			want:  want{P: Ratio{0, 1}, R: Ratio{0, 1}, extras: 1, misses: 1, docs: 1, required: 1},
		},
		{
			name:  "zero equals zero",
			gold:  []Gold{g(func(x *Gold) { x.Value = 0 })},
			preds: []Prediction{p(func(x *Prediction) { x.Value = 0 })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name: "value_max must be equal within tolerance",
			gold: []Gold{g(func(x *Gold) { x.Unit, x.Value, x.ValueMax = "MAD", 500, ptr(1200) })},
			preds: []Prediction{
				p(func(x *Prediction) { x.Unit, x.Value, x.ValueMax = "MAD", 500, ptr(1200*(1+1e-12)) }),
				p(func(x *Prediction) { x.Unit, x.Value, x.ValueMax = "MAD", 500, ptr(1300) }),
				p(func(x *Prediction) { x.Unit, x.Value = "MAD", 500 }),
			},
			want: want{P: Ratio{1, 3}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, extras: 2, docs: 1, required: 1},
		},
		{
			name:  "a range never matches a single value",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(func(x *Prediction) { x.ValueMax = ptr(23000000) })},
			want:  want{P: Ratio{0, 1}, R: Ratio{0, 1}, extras: 1, misses: 1, docs: 1, required: 1},
		},
		{
			name:  "optional gold: found is neither right nor wrong",
			gold:  []Gold{g(func(x *Gold) { x.Optional = true })},
			preds: []Prediction{p(nil)},
			want:  want{P: Ratio{0, 0}, R: Ratio{0, 0}, optionalHits: 1, docs: 1, optl: 1},
		},
		{
			name:  "optional gold: not found is not a miss",
			gold:  []Gold{g(func(x *Gold) { x.Optional = true }), g(func(x *Gold) { x.Value = 3 })},
			preds: []Prediction{p(func(x *Prediction) { x.Value = 3 })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1, optl: 1},
		},
		{
			name:  "a key matching required and optional gold is a true positive",
			gold:  []Gold{g(func(x *Gold) { x.Optional = true }), g(nil)},
			preds: []Prediction{p(nil)},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1, optl: 1},
		},
		{
			name:  "document with no gold: every prediction is a false positive",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(nil), p(func(x *Prediction) { x.Doc = "years.txt"; x.Value = 2023 }), p(func(x *Prediction) { x.Doc = "years.txt"; x.Value = 2025 })},
			want:  want{P: Ratio{1, 3}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, extras: 2, noGold: []string{"years.txt"}, docs: 2, required: 1},
		},
		{
			name:  "docs file: a listed document with no gold is scored, others are not",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(nil), p(func(x *Prediction) { x.Doc = "years.txt" }), p(func(x *Prediction) { x.Doc = "other.txt" })},
			opt:   Options{Docs: []string{"a.txt", "years.txt"}},
			want:  want{P: Ratio{1, 2}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, extras: 1, unscored: []string{"other.txt"}, noGold: []string{"years.txt"}, docs: 2, required: 1},
		},
		{
			name:  "gold document never ingested: its facts are misses",
			gold:  []Gold{g(nil), g(func(x *Gold) { x.Doc = "b.txt" })},
			preds: []Prediction{p(nil)},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 2}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, misses: 1, docs: 2, required: 2},
		},
		{
			name:  "documents match by base name",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(func(x *Prediction) { x.Doc = "seeds/sub/a.txt" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "a figure in the wrong document does not count",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(func(x *Prediction) { x.Doc = "b.txt" })},
			want:  want{P: Ratio{0, 1}, R: Ratio{0, 1}, extras: 1, misses: 1, noGold: []string{"b.txt"}, docs: 2, required: 1},
		},
		{
			name:  "predictions with the same key are one",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(nil), p(func(x *Prediction) { x.FactID, x.AsOf = "f-2", "2025" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "as_of wrong",
			gold:  []Gold{g(nil)},
			preds: []Prediction{p(func(x *Prediction) { x.AsOf = "2025" }), p(func(x *Prediction) { x.FactID, x.AsOf = "f-2", "2024-12" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{0, 1}, Qual: Ratio{1, 1}, asOfGot: []string{"2024-12", "2025"}, docs: 1, required: 1},
		},
		{
			name:  "as_of_alt counts as right",
			gold:  []Gold{g(func(x *Gold) { x.AsOfAlt = []string{"2025"} })},
			preds: []Prediction{p(func(x *Prediction) { x.AsOf = "2025" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "gold without as_of is left out of as_of accuracy",
			gold:  []Gold{g(func(x *Gold) { x.AsOf = "" })},
			preds: []Prediction{p(func(x *Prediction) { x.AsOf = "2025" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{0, 0}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name:  "as_of and qualifier are measured on required gold only",
			gold:  []Gold{g(func(x *Gold) { x.Optional = true })},
			preds: []Prediction{p(func(x *Prediction) { x.AsOf, x.Qualifier = "1999", "about" })},
			want:  want{optionalHits: 1, docs: 1, optl: 1},
		},
		{
			name:  "qualifier wrong",
			gold:  []Gold{g(func(x *Gold) { x.Qualifier = "more_than" })},
			preds: []Prediction{p(func(x *Prediction) { x.Qualifier = "about" })},
			want:  want{P: Ratio{1, 1}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{0, 1}, qualGot: []string{"about"}, docs: 1, required: 1},
		},
		{
			name: "matching is not one to one",
			gold: []Gold{g(func(x *Gold) { x.ProgrammeAlt = []string{"rsu"} })},
			preds: []Prediction{
				p(nil),
				p(func(x *Prediction) { x.FactID, x.Programme = "f-2", "rsu" }),
			},
			want: want{P: Ratio{2, 2}, R: Ratio{1, 1}, AsOf: Ratio{1, 1}, Qual: Ratio{1, 1}, docs: 1, required: 1},
		},
		{
			name: "nothing predicted, nothing expected",
			want: want{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(tt.gold, tt.preds, tt.opt)
			w := tt.want
			check := func(what string, got, want any) {
				t.Helper()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %v, want %v", what, got, want)
				}
			}
			check("precision", r.Precision, w.P)
			check("recall", r.Recall, w.R)
			check("as_of", r.AsOf, w.AsOf)
			check("qualifier", r.Qualifier, w.Qual)
			check("extras", len(r.Extras), w.extras)
			check("misses", len(r.Misses), w.misses)
			check("optional hits", r.OptionalHits, w.optionalHits)
			check("unscored", r.Unscored, w.unscored)
			check("no gold", r.NoGold, w.noGold)
			check("documents", r.Documents, w.docs)
			check("required", r.Required, w.required)
			check("optional", r.Optional, w.optl)
			if w.asOfGot != nil {
				if len(r.AsOfWrong) == 0 {
					t.Fatalf("no as_of mismatch reported")
				}
				check("as_of got", r.AsOfWrong[0].Got, w.asOfGot)
			} else {
				check("as_of mismatches", len(r.AsOfWrong), w.AsOf.Den-w.AsOf.Num)
			}
			if w.qualGot != nil {
				if len(r.QualifierWrong) == 0 {
					t.Fatalf("no qualifier mismatch reported")
				}
				check("qualifier got", r.QualifierWrong[0].Got, w.qualGot)
			} else {
				check("qualifier mismatches", len(r.QualifierWrong), w.Qual.Den-w.Qual.Num)
			}
		})
	}
}

func TestF1(t *testing.T) {
	tests := []struct {
		p, r Ratio
		want float64
	}{
		{Ratio{9, 10}, Ratio{8, 10}, 2 * 0.9 * 0.8 / 1.7},
		{Ratio{1, 1}, Ratio{1, 1}, 1},
		{Ratio{0, 3}, Ratio{0, 4}, 0},
		{Ratio{0, 0}, Ratio{0, 0}, 0},
	}
	for _, tt := range tests {
		got := Report{Precision: tt.p, Recall: tt.r}.F1()
		if math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("F1(%v, %v) = %v, want %v", tt.p, tt.r, got, tt.want)
		}
	}
}

func TestRatioString(t *testing.T) {
	for _, tt := range []struct {
		r    Ratio
		want string
	}{
		{Ratio{44, 48}, "0.917 (44/48)"},
		{Ratio{0, 0}, "n/a (0/0)"},
		{Ratio{3, 3}, "1.000 (3/3)"},
	} {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestDocName(t *testing.T) {
	for in, want := range map[string]string{
		"a.txt":            "a.txt",
		"seeds/a.txt":      "a.txt",
		`seeds\sub\a.html`: "a.html",
		"/abs/x/y.htm":     "y.htm",
	} {
		if got := DocName(in); got != want {
			t.Errorf("DocName(%q) = %q, want %q", in, got, want)
		}
	}
}
