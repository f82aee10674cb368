package goldset

import (
	"fmt"
	"io"
	"math"

	"github.com/faits/faits/eval"
)

// Kinds counts a report's errors by kind, for people deciding what to work
// on next: a missed gold fact whose figure was read with another programme
// or metric is a wrong programme or metric (its extra is not counted
// again); a missed fact with no such reading was not proposed (or was
// dropped); an extra with no gold fact of the same value is a non-fact
// taken as a fact.
type Kinds struct {
	WrongProgramme, WrongMetric, WrongBoth, NotProposed, NonFact, WrongAsOf int
}

// Classify sorts the errors of rep.
func Classify(rep eval.Report) Kinds {
	var k Kinds
	used := make([]bool, len(rep.Extras))
	for _, g := range rep.Misses {
		found := false
		for i, e := range rep.Extras {
			if e.Doc != g.Doc || e.Unit != g.Unit || !sameValue(e.Value, g.Value) {
				continue
			}
			progOK := e.Programme == g.Programme || contains(g.ProgrammeAlt, e.Programme)
			metOK := e.Metric == g.Metric || contains(g.MetricAlt, e.Metric)
			switch {
			case progOK && !metOK:
				k.WrongMetric++
			case !progOK && metOK:
				k.WrongProgramme++
			default:
				k.WrongBoth++
			}
			used[i], found = true, true
			break
		}
		if !found {
			k.NotProposed++
		}
	}
	for i := range rep.Extras {
		if !used[i] {
			k.NonFact++
		}
	}
	k.WrongAsOf = len(rep.AsOfWrong)
	return k
}

// Add sums two counts.
func (k Kinds) Add(o Kinds) Kinds {
	return Kinds{k.WrongProgramme + o.WrongProgramme, k.WrongMetric + o.WrongMetric, k.WrongBoth + o.WrongBoth,
		k.NotProposed + o.NotProposed, k.NonFact + o.NonFact, k.WrongAsOf + o.WrongAsOf}
}

// Print writes the counts on one line.
func (k Kinds) Print(w io.Writer, label string) {
	fmt.Fprintf(w, "%s: wrong programme %d, wrong metric %d, wrong programme and metric %d, figure not proposed or dropped %d, non-fact taken as a fact %d, wrong as_of %d\n",
		label, k.WrongProgramme, k.WrongMetric, k.WrongBoth, k.NotProposed, k.NonFact, k.WrongAsOf)
}

func sameValue(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
