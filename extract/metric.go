package extract

// This file: the metric of a figure: cues and patterns near it, links to
// the figure before, list lines and pronouns.

import (
	"sort"
	"strings"
)

// pronounMetric gives a figure whose subject is a demonstrative pronoun
// ("Celles-ci ont atteint 412 MDH" after a sentence that ends on "les
// dépenses") the metric of the last cue of the sentence before: the pronoun
// stands for its last noun.
func (x *run) pronounMetric(si int, rd *reading) {
	h := x.maskOf(si - 1)
	if h == nil {
		return
	}
	best := x.lastCue(h, rd, false)
	if best != nil {
		rd.metric, rd.rule = best.metric, best.name+"+pronoun"
	}
}

// lastCue returns the rule whose cue ends last in h among the metrics that
// fit rd: a pronoun, a list line or a table cell stands for the last noun
// of the text it points to. With penalize, a generic cue counts as ending
// genericPenalty runes earlier, so a specific cue near it wins.
func (x *run) lastCue(h *masked, rd *reading, penalize bool) *rule {
	var best *rule
	bestEnd := -1 << 30 // a penalised cue at the head may end "before" 0
	for _, mt := range x.r.metrics {
		if !x.fits(mt, rd) {
			continue
		}
		for _, ru := range mt.rules {
			if ru.cue == nil {
				continue
			}
			for _, cm := range x.cueMatches(h, ru) {
				end := cm.Index + cm.Length
				if penalize && ru.generic {
					end -= genericPenalty
				}
				if end > bestEnd {
					best, bestEnd = ru, end
				}
			}
		}
	}
	return best
}

// listMetric gives a list line with no cue of its own the metric of the
// line before it ("- dont AMO Tadamon : 11,3 millions" after "Population
// couverte : 26,1 millions de personnes"), or, for the first line, the
// last cue of the sentence that introduces the list ("les principales
// dotations sociales :").
func (x *run) listMetric(si int, rd *reading) {
	if si == 0 {
		return
	}
	if k := x.kept[si-1]; len(k) > 0 {
		p := k[len(k)-1]
		unit := rd.unit
		if unit == "" {
			unit = p.unit
		}
		if p.metric.units[unit] && x.fits(p.metric, &reading{fig: rd.fig, unit: unit}) {
			rd.unit, rd.metric, rd.rule, rd.explicit = unit, p.metric, p.metric.id+"/list", true
			return
		}
	}
	h := x.maskOf(si - 1)
	if h == nil || !strings.HasSuffix(strings.TrimRight(h.str, " "), ":") {
		return
	}
	best := x.lastCue(h, rd, true)
	if best != nil {
		rd.metric, rd.rule = best.metric, best.name+"+list"
	}
}

// isCue reports whether s starts with a metric cue ("14 millions déposés").
func (x *run) isCue(s string) bool {
	w := strings.TrimLeft(s, " ")
	if k := strings.IndexAny(w, " ,;:.()"); k > 0 {
		w = w[:k]
	}
	for _, mt := range x.r.metrics {
		for _, ru := range mt.rules {
			if ru.cue == nil {
				continue
			}
			if m := x.find(ru.cue, w, ru.name, 0); m != nil && m.RuneIndex == 0 {
				return true
			}
		}
	}
	return false
}

// genericPenalty is how much further away, in characters, a generic cue
// counts: "le budget consacré à … atteindra 38,6 milliards" is a budget,
// though "consacré" stands nearer.
const genericPenalty = 25

// candidate is a metric rule that fired near a figure.
type candidate struct {
	rule     *rule
	sameCl   bool
	distance int
}

func (c candidate) better(o candidate) bool {
	if c.sameCl != o.sameCl {
		return c.sameCl
	}
	return c.distance < o.distance
}

// metricOf chooses the metric: a pattern or cue in the figure's clause,
// then a link to the previous figure ("dont", "soit", "contre"), then a cue
// in a neighbouring clause, then the default metric of an explicit noun. A
// metric whose value range excludes the figure ("coût mensuel … 2 MMDH" is
// no allowance) gives way to the next candidate.
func (x *run) metricOf(m *masked, i int, focus []rune, rd *reading, prev []*reading) {
	fig := m.figs[i]
	var cands []candidate
	for _, mt := range x.r.metrics {
		if !x.fits(mt, rd) {
			continue
		}
		for _, ru := range mt.rules {
			if ru.pattern != nil {
				for _, pm := range x.allR(ru.pattern, focus, ru.name, m.orig[0]) {
					if pm.RuneIndex <= fig.start && fig.end <= pm.RuneIndex+pm.RuneLength {
						cands = append(cands, candidate{ru, true, 0})
					}
				}
				continue
			}
			for _, cm := range x.cueMatches(m, ru) {
				a, b := cm.Index, cm.Index+cm.Length
				var dist int
				switch {
				case b <= fig.start:
					dist = fig.start - b
					if x.figureBetween(m, b, fig.start) {
						continue
					}
				case a >= rd.nounEnd:
					from := max(rd.nounEnd, rd.cueFrom)
					if a < from {
						continue // inside the enumeration
					}
					dist = a - from
					if x.figureBetween(m, from, a) {
						continue
					}
				case a >= fig.end:
					dist = 0 // inside the unit noun ("adhérents")
				default:
					continue
				}
				same := m.clause(a) == m.clause(fig.start)
				if !same && dist > 60 {
					continue
				}
				if ru.generic {
					dist += genericPenalty
				}
				cands = append(cands, candidate{ru, same, dist})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].better(cands[b]) })
	if len(cands) > 0 && cands[0].sameCl {
		rd.metric, rd.rule, rd.sameCl = cands[0].rule.metric, cands[0].rule.name, true
		return
	}
	if x.link(m, i, rd, prev) != nil {
		return
	}
	if len(cands) > 0 {
		rd.metric, rd.rule = cands[0].rule.metric, cands[0].rule.name
		return
	}
	if rd.explicit && rd.unit != "" {
		for _, mt := range x.r.metrics {
			if mt.isDefault && mt.units[rd.unit] && (mt.defaultUnits == nil || mt.defaultUnits[rd.unit]) && x.fits(mt, rd) {
				rd.metric, rd.rule = mt, mt.id+"/default-"+rd.unit
				return
			}
		}
	}
}

// cueMatches returns the matches of a cue rule in a sentence, computed
// once for all the sentence's figures.
func (x *run) cueMatches(m *masked, ru *rule) []span {
	if m.cues == nil {
		m.cues = map[*rule][]span{}
	}
	if c, ok := m.cues[ru]; ok {
		return c
	}
	var out []span
	for _, cm := range x.all(ru.cue, m.str, ru.name, m.orig[0]) {
		out = append(out, span{cm.RuneIndex, cm.RuneLength})
	}
	m.cues[ru] = out
	return out
}

// span is a match's rune offset and length.
type span struct{ Index, Length int }

// fits reports whether metric mt may read the figure: its unit (any count
// unit when the figure has no noun yet) and its value range.
func (x *run) fits(mt *metric, rd *reading) bool {
	if rd.unit != "" && !mt.units[rd.unit] {
		return false
	}
	if rd.unit == "" && !anyCount(mt.units) {
		return false
	}
	v := rd.fig.e.Value
	return !(mt.minValue > 0 && v < mt.minValue) && !(mt.maxValue > 0 && v > mt.maxValue)
}

func anyCount(units map[string]bool) bool {
	for u := range units {
		if countUnits[u] {
			return true
		}
	}
	return false
}

// link inherits metric (and a missing unit) from the previous figure when
// the clause ties the two ("dont 5,5 millions d'enfants").
func (x *run) link(m *masked, i int, rd *reading, prev []*reading) *reading {
	fig := m.figs[i]
	before := m.sub(m.clauseStart(fig.start), fig.start)
	var lm *match
	for _, mt := range x.all(x.r.linksRe, before, "links", m.orig[0]) {
		lm = mt
	}
	var word string
	switch {
	case lm != nil:
		word = strings.ReplaceAll(strings.TrimSpace(lm.String()), " ", "-")
	case i > 0 && parenthesised(m, fig) && parenthesised(m, m.figs[i-1]):
		// "salariés du privé (8,9 millions), AMO Tadamon (11,1 millions)":
		// one list, one metric.
		word = "list"
	case i > 0 && strings.TrimSpace(m.sub(m.figs[i-1].end, fig.start)) == ",":
		// "perçoivent respectivement 200, 300 et 400 dirhams": the middle
		// of an enumeration is read as its first figure.
		word = "enum"
	case i > 0 && x.find(x.r.labelRe, before, "labels", m.orig[0]) != nil:
		// "les artisans représentent 38 %, les agriculteurs 27 %": the
		// verb of the first clause serves the next ones.
		word = "label"
	default:
		return nil
	}
	for j := i - 1; j >= 0; j-- {
		p := prev[j]
		if j == i-1 && lm != nil && rd.unit == "" && p != nil && strings.HasPrefix(p.dropped, "counts something") && p.fig.e.Value >= minBareCount {
			// "6.500 postes …, contre 5.500 l'an dernier": the bare count
			// counts what the figure it is compared with counts, which is
			// no fact.
			rd.dropped = "linked to a count of something the rules do not know"
			return p
		}
		if p == nil || p.metric == nil || p.dropped != "" {
			continue
		}
		if rd.unit == "percent" && p.unit != "percent" {
			// "3,9 millions de demandes, dont 84 % acceptées": a share of
			// the total before it.
			if sh := x.shareMetric(); sh != nil {
				rd.metric, rd.rule = sh, sh.id+"/link-"+word
				rd.progFrom = "link:" + p.prog
				return p
			}
		}
		unit := rd.unit
		if unit == "" {
			if p.unit == "percent" {
				// "14 %, soit 1.011.043": the bare figure counts the people
				// the share is of; it is no share itself.
				continue
			}
			unit = p.unit
		}
		if !p.metric.units[unit] || !x.fits(p.metric, &reading{fig: rd.fig, unit: unit}) {
			// "l'aide portée à 300 dirhams, 340 millions de plus": an
			// enumeration's figure outside the metric's range (no
			// allowance is 340 million dirhams) is not read as it.
			continue
		}
		rd.unit, rd.metric = unit, p.metric
		rd.rule = p.metric.id + "/link-" + word
		rd.prog, rd.progFrom = "", ""
		if p.prog != "" {
			// Kept as a fallback: the clause may name its own programme.
			rd.progFrom = "link:" + p.prog
		}
		return p
	}
	return nil
}

// shareMetric is the metric of percentages.
func (x *run) shareMetric() *metric {
	for _, mt := range x.r.metrics {
		if mt.units["percent"] {
			return mt
		}
	}
	return nil
}
