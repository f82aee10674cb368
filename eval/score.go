package eval

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// Prediction is one fact as read in one document: a fact with sources in
// two documents gives two Predictions.
type Prediction struct {
	Doc       string
	FactID    string
	Programme string
	Metric    string
	Unit      string
	Value     float64
	ValueMax  *float64
	AsOf      string
	Qualifier string
	// Quote is the sentence the figure was read in, for people reading a
	// report.
	Quote string
}

// Options tune Score.
type Options struct {
	// Docs, when non-nil, lists the documents the gold speaks for besides
	// those named by a gold fact (documents that hold no fact): predictions
	// in any other document are not scored and are listed in
	// Report.Unscored. When nil, every predicted document is scored and one
	// with no gold fact counts all its predictions as false positives.
	Docs []string
}

// Ratio is a share with its counts, so that reports can show both.
type Ratio struct{ Num, Den int }

// Value is Num/Den, or 0 when Den is 0.
func (r Ratio) Value() float64 {
	if r.Den == 0 {
		return 0
	}
	return float64(r.Num) / float64(r.Den)
}

// String shows "0.917 (44/48)", or "n/a (0/0)" when there is nothing to
// measure.
func (r Ratio) String() string {
	if r.Den == 0 {
		return "n/a (0/0)"
	}
	return fmt.Sprintf("%.3f (%d/%d)", r.Value(), r.Num, r.Den)
}

// Key is a prediction reduced as the spec says, with what its facts said
// about as_of and qualifier in this document.
type Key struct {
	Doc        string
	Programme  string
	Metric     string
	Unit       string
	Value      float64
	ValueMax   *float64
	AsOfs      []string
	Qualifiers []string
	FactIDs    []string
	Quote      string
}

// Mismatch is a matched gold fact whose as_of or qualifier no matching
// prediction got right.
type Mismatch struct {
	Gold Gold
	// Got lists the values the matching predictions gave.
	Got []string
}

// Report is the outcome of Score.
type Report struct {
	Precision, Recall  Ratio
	AsOf, Qualifier    Ratio
	Documents          int // documents scored
	Required, Optional int // gold facts in scored documents
	Predicted          int // predicted keys in scored documents
	Matched            int // keys matching a required gold fact
	OptionalHits       int // keys matching only optional gold facts: neither right nor wrong
	// Misses are required gold facts no prediction matched; Extras are
	// predicted keys that match no gold fact (false positives).
	Misses          []Gold
	Extras          []Key
	AsOfWrong       []Mismatch
	QualifierWrong  []Mismatch
	Unscored        []string // predicted documents outside Options.Docs
	DocsWithoutPred []string // scored documents with gold facts but no prediction
	// NoGold lists scored documents with predictions and no gold fact: all
	// their predictions are false positives (right for an article whose
	// only numbers are years, wrong if the gold simply does not cover it).
	NoGold []string
}

// F1 is the harmonic mean of precision and recall, 0 when both are.
func (r Report) F1() float64 {
	p, q := r.Precision.Value(), r.Recall.Value()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// Score compares predictions with gold facts as spec/facts.md says.
// Documents are matched by DocName. A key matching a required gold fact is a
// true positive even if it also matches an optional one; a key matching only
// optional gold facts is left out of precision; every other key is a false
// positive. Matching is not one-to-one: the spec counts matched predictions
// and matched gold facts separately.
func Score(gold []Gold, preds []Prediction, opt Options) Report {
	goldByDoc := map[string][]Gold{}
	scope := map[string]bool{}
	for _, g := range gold {
		d := DocName(g.Doc)
		goldByDoc[d] = append(goldByDoc[d], g)
		scope[d] = true
	}
	for _, d := range opt.Docs {
		scope[DocName(d)] = true
	}
	keysByDoc := reduce(preds)

	var rep Report
	docs := map[string]bool{}
	for d := range keysByDoc {
		if opt.Docs != nil && !scope[d] {
			rep.Unscored = append(rep.Unscored, d)
			continue
		}
		docs[d] = true
	}
	for d := range scope {
		docs[d] = true
	}
	names := make([]string, 0, len(docs))
	for d := range docs {
		names = append(names, d)
	}
	sort.Strings(names)
	sort.Strings(rep.Unscored)
	rep.Documents = len(names)

	for _, d := range names {
		scoreDoc(&rep, goldByDoc[d], keysByDoc[d])
		switch {
		case len(keysByDoc[d]) == 0 && len(goldByDoc[d]) > 0:
			rep.DocsWithoutPred = append(rep.DocsWithoutPred, d)
		case len(keysByDoc[d]) > 0 && len(goldByDoc[d]) == 0:
			rep.NoGold = append(rep.NoGold, d)
		}
	}
	rep.Precision = Ratio{Num: rep.Matched, Den: rep.Predicted - rep.OptionalHits}
	return rep
}

func scoreDoc(rep *Report, gold []Gold, keys []Key) {
	for _, k := range keys {
		rep.Predicted++
		req, opt := false, false
		for _, g := range gold {
			if matches(k, g) {
				if g.Optional {
					opt = true
				} else {
					req = true
				}
			}
		}
		switch {
		case req:
			rep.Matched++
		case opt:
			rep.OptionalHits++
		default:
			rep.Extras = append(rep.Extras, k)
		}
	}

	for _, g := range gold {
		if g.Optional {
			rep.Optional++
			continue
		}
		rep.Required++
		rep.Recall.Den++
		var hits []Key
		for _, k := range keys {
			if matches(k, g) {
				hits = append(hits, k)
			}
		}
		if len(hits) == 0 {
			rep.Misses = append(rep.Misses, g)
			continue
		}
		rep.Recall.Num++
		if g.AsOf != "" {
			want := append([]string{g.AsOf}, g.AsOfAlt...)
			ok, got := anyOf(hits, func(k Key) []string { return k.AsOfs }, want)
			rep.AsOf.Den++
			if ok {
				rep.AsOf.Num++
			} else {
				rep.AsOfWrong = append(rep.AsOfWrong, Mismatch{Gold: g, Got: got})
			}
		}
		if g.Qualifier != "" {
			ok, got := anyOf(hits, func(k Key) []string { return k.Qualifiers }, []string{g.Qualifier})
			rep.Qualifier.Den++
			if ok {
				rep.Qualifier.Num++
			} else {
				rep.QualifierWrong = append(rep.QualifierWrong, Mismatch{Gold: g, Got: got})
			}
		}
	}
}

// anyOf reports whether some hit has one of the wanted values, and
// otherwise every value the hits gave.
func anyOf(hits []Key, vals func(Key) []string, want []string) (bool, []string) {
	var got []string
	for _, k := range hits {
		for _, v := range vals(k) {
			if slices.Contains(want, v) {
				return true, nil
			}
			if !slices.Contains(got, v) {
				got = append(got, v)
			}
		}
	}
	sort.Strings(got)
	return false, got
}

func matches(k Key, g Gold) bool {
	return k.Unit == g.Unit &&
		near(k.Value, g.Value) &&
		nearPtr(k.ValueMax, g.ValueMax) &&
		(k.Programme == g.Programme || slices.Contains(g.ProgrammeAlt, k.Programme)) &&
		(k.Metric == g.Metric || slices.Contains(g.MetricAlt, k.Metric))
}

// relTol is the spec's tolerance: figures read from text and scaled
// ("22,5 millions") may differ from the gold's in the last bits.
const relTol = 1e-9

func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) < relTol*math.Max(math.Abs(a), math.Abs(b))
}

func nearPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return near(*a, *b)
}

// reduce groups predictions into keys per document; the keys of a document
// keep the order of their first prediction.
func reduce(preds []Prediction) map[string][]Key {
	type id struct {
		doc, programme, metric, unit string
		value, valueMax              float64
		hasMax                       bool
	}
	out := map[string][]Key{}
	index := map[id]int{}
	for _, p := range preds {
		d := DocName(p.Doc)
		k := id{doc: d, programme: p.Programme, metric: p.Metric, unit: p.Unit, value: p.Value}
		if p.ValueMax != nil {
			k.valueMax, k.hasMax = *p.ValueMax, true
		}
		i, ok := index[k]
		if !ok {
			i = len(out[d])
			index[k] = i
			out[d] = append(out[d], Key{
				Doc: d, Programme: p.Programme, Metric: p.Metric, Unit: p.Unit,
				Value: p.Value, ValueMax: p.ValueMax, Quote: p.Quote,
			})
		}
		key := &out[d][i]
		key.AsOfs = addUnique(key.AsOfs, p.AsOf)
		key.Qualifiers = addUnique(key.Qualifiers, p.Qualifier)
		if p.FactID != "" {
			key.FactIDs = addUnique(key.FactIDs, p.FactID)
		}
	}
	return out
}

func addUnique(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}
