package extract

// This file: programme names found in a sentence (mentions) and their tiers.

import (
	"sort"
)

// mention is a programme name found in a masked sentence (rune offsets).
type mention struct {
	start, end int
	prog       string
	tier       tier
}

// tier ranks programme names: a specific name beats an umbrella word,
// which beats an agency's name.
type tier int

const (
	specific tier = iota
	generic
	weak
)

// isAnaphoric reports whether the sentence opens on "Ce régime…" or "Le
// régime…" not followed by a name: it continues an earlier topic.
func (x *run) isAnaphoric(m *masked, ms []mention) bool {
	a := x.find(x.r.anaphoraRe, m.str, "anaphora", m.orig[0])
	if a == nil {
		return false
	}
	end := a.RuneIndex + a.RuneLength
	for _, mn := range ms {
		if mn.start <= end+40 && mn.end > a.RuneIndex && mn.tier == specific {
			return false // "Le régime des non-salariés (AMO TNS)…" names itself
		}
	}
	return true
}

// agencyIsSubject reports whether a weak name is the subject of its
// sentence, so that it may lead the topic of the next ones.
func (x *run) agencyIsSubject(si int, mn mention) bool {
	f := x.maskOf(si)
	return f != nil && x.find(x.r.agencyRe, f.sub(mn.end, f.n()), "agency_subject", f.orig[0]) != nil
}

// findMentions lists the programme names of a sentence; where two overlap
// the longer wins ("assurance maladie obligatoire des TNS" over "AMO").
// afterCount lists apart the specific names not_programme turned down
// only because they follow a count ("3 millions de travailleurs non
// salariés").
func (x *run) findMentions(m *masked) (kept, afterCount []mention) {
	var all []mention
	// Every programme's names in turn, those the sentence's words rule
	// out skipped at once.
	if x.nameMarks == nil {
		x.nameMarks = x.r.nameSet.marks()
	}
	x.nameCands = x.r.nameSet.candidates(x.subject(m.str), x.nameMarks, x.nameCands[:0])
	for _, k := range x.nameCands {
		n := x.r.names[k]
		for _, mt := range x.all(n.re, m.str, n.prog.what, m.orig[0]) {
			if x.find(x.r.notProgRe, m.sub(mt.RuneIndex-40, mt.RuneIndex), "not_programme", m.orig[0]) != nil {
				if n.tier == specific && x.r.countLeadRe != nil && x.find(x.r.countLeadRe, m.sub(mt.RuneIndex-12, mt.RuneIndex), "count_lead", m.orig[0]) != nil {
					afterCount = append(afterCount, mention{mt.RuneIndex, mt.RuneIndex + mt.RuneLength, n.prog.id, n.tier})
				}
				continue // "qui a succédé au RAMED"
			}
			if x.r.notProgAft != nil && x.find(x.r.notProgAft, m.sub(mt.RuneIndex+mt.RuneLength, mt.RuneIndex+mt.RuneLength+50), "not_programme_after", m.orig[0]) != nil {
				continue // "le RAMED a cédé la place à…"
			}
			all = append(all, mention{mt.RuneIndex, mt.RuneIndex + mt.RuneLength, n.prog.id, n.tier})
		}
	}
	if len(all) > 0 {
		all = x.outsideDescriptions(m, all)
	}
	sort.SliceStable(all, func(i, j int) bool {
		li, lj := all[i].end-all[i].start, all[j].end-all[j].start
		if li != lj {
			return li > lj
		}
		return all[i].start < all[j].start
	})
	for _, c := range all {
		overlaps := false
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept, afterCount
}

// outsideDescriptions drops the names that stand inside another
// programme's description: "l'assurance maladie payée par l'État" describes
// AMO Tadamon, and its "assurance maladie" names no other regime.
func (x *run) outsideDescriptions(m *masked, all []mention) []mention {
	if x.descMarks == nil {
		x.descMarks = x.r.descSet.marks()
	}
	x.descCands = x.r.descSet.candidates(x.subject(m.str), x.descMarks, x.descCands[:0])
	if len(x.descCands) == 0 {
		return all
	}
	type described struct {
		start, end int
		prog       string
	}
	var spans []described
	for _, k := range x.descCands {
		d := x.r.descs[k]
		for _, mt := range x.all(d.re, m.str, d.re.name, m.orig[0]) {
			spans = append(spans, described{mt.RuneIndex, mt.RuneIndex + mt.RuneLength, d.prog.id})
		}
	}
	kept := all[:0]
	for _, c := range all {
		inside := false
		for _, d := range spans {
			if d.prog != c.prog && d.start <= c.start && c.end <= d.end {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, c)
		}
	}
	return kept
}

// inIncise reports whether mention k stands in a relative clause or an
// apposition opened right after an earlier specific name of the sentence
// (`incise`).
func (x *run) inIncise(m *masked, ms []mention, k int) bool {
	if x.r.inciseRe == nil {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if ms[j].tier != specific || ms[j].prog == ms[k].prog {
			continue
		}
		return x.find(x.r.inciseRe, m.sub(ms[j].end, ms[k].start), "incise", m.orig[0]) != nil
	}
	return false
}

// titleProgramme returns the first specific programme the title names.
func (x *run) titleProgramme() string {
	if x.in.Title == "" {
		return ""
	}
	if x.titleProgDone {
		return x.titleProg
	}
	x.titleProg, x.titleProgDone = x.findTitleProgramme(), true
	return x.titleProg
}

// findTitleProgramme is titleProgramme computed.
func (x *run) findTitleProgramme() string {
	var fb foldBuilder
	fb.addText(x.in.Title, 0, len(x.in.Title))
	f := fb.done(len(x.in.Title))
	m := &masked{clauses: []int{0}}
	m.setText(f.s, f.orig[0])
	ms, _ := x.findMentions(m)
	for _, mn := range ms {
		if mn.tier == specific {
			return mn.prog
		}
	}
	return ""
}
