package extract

// This file: the programme of a figure: names in its clause and sentence,
// the topic of the sentences before, the title.

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	footnoteOpen = regexp.MustCompile(`^\s*\((\d{1,2})\)\s`)
	footnoteCall = regexp.MustCompile(`[\pL\d]\.?\((\d{1,2})\)`)
)

// footnoteProgramme is, for a footnote "(4) …", the programme of the facts
// of the sentence that calls it ("… loi de finances 2024(4).").
func (x *run) footnoteProgramme(si int) string {
	s := x.sents[si]
	mt := footnoteOpen.FindStringSubmatch(x.in.Text[s.start:s.end])
	if mt == nil {
		return ""
	}
	for k := si - 1; k >= 0; k-- {
		t := x.in.Text[x.sents[k].start:x.sents[k].end]
		for _, c := range footnoteCall.FindAllStringSubmatch(t, -1) {
			if c[1] != mt[1] {
				continue
			}
			for j := len(x.kept[k]) - 1; j >= 0; j-- {
				if rd := x.kept[k][j]; rd != nil && rd.prog != "" {
					return rd.prog
				}
			}
			if ms := x.mentions[k]; len(ms) > 0 {
				return ms[len(ms)-1].prog
			}
			return ""
		}
	}
	return ""
}

// nameOfFigureBefore reports whether a name stands a few words after
// another figure of the same clause ("12 Mrds de dirhams à l'AMO Tadamon").
func (x *run) nameOfFigureBefore(m *masked, mn mention, cl int) bool {
	for _, f := range m.figs {
		if f.end <= mn.start && mn.start-f.end <= 30 && m.clause(f.start) == cl {
			return true
		}
	}
	return false
}

// programmeOf finds the programme: a name in the figure's clause, the
// programme of the figure it is linked to, the metric's own fallback, a
// name earlier in the sentence, the sentences before (where "Ce régime…"
// points), then an agency's name, then a name later in the sentence.
func (x *run) programmeOf(si int, m *masked, i int, rd *reading, prev []*reading) {
	fig := m.figs[i]
	inherited := strings.TrimPrefix(rd.progFrom, "link:")
	rd.progFrom = ""
	set := func(p, from string) { rd.prog, rd.progFrom = p, from }
	ms := x.mentions[si]
	cl := m.clause(fig.start)
	if p := x.respectively(m, i, ms); p != "" {
		set(p, "clause")
		return
	}
	if c := x.cells[si]; c != nil && len(ms) == 0 {
		if p := x.cellProgramme(c); p != "" {
			set(p, "table")
			return
		}
	}
	var best *mention
	bestDist := 1 << 30
	ownWeak, ownWeakSubject := "", false
	for k := range ms {
		mn := &ms[k]
		inClause := m.clause(mn.start) == cl
		if mn.tier == weak && (inClause || mn.end <= fig.start) {
			if ownWeak == "" {
				ownWeak = mn.prog
				ownWeakSubject = x.agencyIsSubject(si, *mn)
			}
			continue
		}
		if !inClause || mn.tier == weak {
			continue
		}
		d := mn.start - fig.end
		if mn.end <= fig.start {
			d = fig.start - mn.end
			if x.figureBetween(m, mn.end, fig.start) {
				// "17,2 Mrds ont été consacrés à l'ASD et 9,1 Mrds aux
				// cotisations de l'AMO solidaire": the name belongs to the
				// figure between.
				d += 1000
			} else if x.nameOfFigureBefore(m, *mn, cl) {
				// "12 Mrds à l'AMO Tadamon et 3 Mrds à l'IPE": the name
				// right after the figure before is that figure's; one
				// after this figure is nearer in sense.
				d += 500
			}
		} else if x.figureBetween(m, fig.end, mn.start) {
			d += 1000
		}
		if best == nil || mn.tier < best.tier || (mn.tier == best.tier && d < bestDist) {
			best, bestDist = mn, d
		}
	}
	switch {
	case best != nil:
		set(best.prog, "clause")
		return
	case inherited != "":
		set(inherited, "link")
		return
	case rd.metric.fallbackProgramme != "":
		set(rd.metric.fallbackProgramme, "metric")
		return
	}
	if p := x.footnoteProgramme(si); p != "" {
		// "(4) Contre 9 Mrds …": a footnote is about the sentence that
		// calls it.
		set(p, "context")
		return
	}
	last := x.find(x.r.lastRe, m.str, "anaphora_last", m.orig[0]) != nil
	if x.anaphoric[si] {
		if ctx, _, _ := x.context(si, last); ctx != "" {
			set(ctx, "context")
			return
		}
	}
	var genericBefore string
	// A clause that opens on its verb ("…, compte 26 millions") has its
	// subject at the head of the sentence: "Le RNP, passage obligé avant
	// l'inscription au RSU, compte…" counts the RNP, not the register named
	// in the incise.
	if x.isCue(m.sub(m.clauseStart(fig.start), fig.start)) && m.clause(fig.start) > 0 {
		for _, mn := range ms {
			if mn.end <= fig.start && mn.tier == specific {
				set(mn.prog, "sentence")
				return
			}
		}
	}
	for k := len(ms) - 1; k >= 0; k-- {
		mn := ms[k]
		if mn.end > fig.start {
			continue
		}
		if mn.tier == specific && x.inIncise(m, ms, k) {
			// "L'AMO Achamil, qui s'adresse aux exclus du RSU, a
			// suivi … : 10 millions": the name of the relative clause is
			// no subject.
			continue
		}
		if mn.tier == specific {
			set(mn.prog, "sentence")
			return
		}
		if mn.tier == generic && genericBefore == "" {
			genericBefore = mn.prog
		}
	}
	ctx, t, at := x.context(si, last)
	if ownWeakSubject && at >= 0 && x.sents[at].para != x.sents[si].para &&
		!(ctx == x.titleProgramme() && x.r.programme(ownWeak).covers[ctx]) {
		// (unless the article is about a regime the agency runs, and the
		// paragraph before was too: "La Caisse a reçu…" in an article on
		// the AMO TNS.)
		// "La Caisse a remboursé…" opening a paragraph: the agency as a
		// whole, not the regime the previous paragraph ended on.
		set(ownWeak, "sentence")
		return
	}
	if ownWeak != "" && ctx != "" && !x.r.programme(ownWeak).covers[ctx] {
		ctx = "" // "La CNSS a ouvert 9 agences" after a sentence on the RSU
	}
	if tp := x.titleProgramme(); tp != "" && ctx != "" && ctx != tp && at >= 0 && x.sents[at].para != x.sents[si].para {
		set(tp, "title")
		return
	}
	if ctx != "" && (t == specific || (genericBefore == "" && (t == generic || ownWeak == ""))) {
		set(ctx, "context")
		return
	}
	if genericBefore != "" {
		set(genericBefore, "sentence")
		return
	}
	if ownWeak != "" {
		set(ownWeak, "sentence")
		return
	}
	for _, mn := range ms {
		if mn.start >= fig.end && mn.tier != weak {
			set(mn.prog, "sentence")
			return
		}
	}
}

// context returns the programme the previous sentences are about: in the
// nearest earlier sentence that names one, its first specific name, else
// its first umbrella word, else its agency. Sentences that themselves
// continue an earlier topic ("Ce régime a permis … une couverture santé")
// are passed over. With last ("ce dernier registre"), the last name counts
// instead of the first. The third result is the sentence, or -1.
func (x *run) context(si int, last bool) (string, tier, int) {
	// A weak name that opens a sentence of the figure's own paragraph ("La
	// retraite, d'abord.") is its topic rather than a name of an earlier
	// paragraph.
	paraWeak, paraWeakAt := "", -1
	for k0 := si - 1; k0 >= 0; k0-- {
		x.prepare(k0)
		ms := x.mentions[k0]
		if x.sents[k0].para != x.sents[si].para && paraWeak != "" {
			return paraWeak, weak, paraWeakAt
		}
		if x.sents[k0].para == x.sents[si].para && paraWeak == "" && !x.inTable[k0] {
			for _, mn := range ms {
				if mn.tier == weak && sentenceOpener[strings.TrimSpace(x.maskOf(k0).sub(0, mn.start))] {
					paraWeak, paraWeakAt = mn.prog, k0
					break
				}
			}
		}
		if x.anaphoric[k0] || x.passes[k0] {
			// A sentence that continued a topic passes on the topic its
			// figures took ("Celles-ci sont servies à 1,1 million de
			// salariés. Leur montant est de …").
			if p := x.carriedTopic(k0); p != "" {
				return p, specific, k0
			}
			// "Celles-ci" points at the last name of the sentence right
			// before, even when that sentence continued a topic itself.
			if !(last && k0 == si-1 && x.anaphoric[k0] && len(ms) > 0) {
				continue
			}
		}
		if len(ms) == 0 || x.inTable[k0] {
			continue
		}
		var best *mention
		bestDescribes := false
		m0 := x.maskOf(k0)
		header := strings.HasSuffix(strings.TrimRight(m0.str, " "), ":")
		for k := range ms {
			mn := &ms[k]
			if mn.tier == weak && !header && !x.agencyIsSubject(k0, *mn) {
				// An agency leads the topic as its sentence's subject, or
				// as what a list's heading is about ("Le réseau de la CNSS
				// en chiffres :").
				continue
			}
			// "Les familles bénéficiaires de l'ASD ont perçu l'aide de
			// rentrée": a name that only says who the people are gives way
			// to another name of the sentence.
			describes := x.r.describedRe != nil && x.find(x.r.describedRe, m0.sub(mn.start-40, mn.start), "described", m0.orig[0]) != nil
			if best == nil || mn.tier < best.tier || (mn.tier == best.tier && (last || (bestDescribes && !describes))) {
				best, bestDescribes = mn, describes
			}
		}
		if best != nil {
			return best.prog, best.tier, k0
		}
	}
	return "", weak, -1
}

// sentenceOpener is what may stand before a name that opens its sentence.
var sentenceOpener = map[string]bool{"": true, "la": true, "le": true, "les": true, "l'": true}

// carriedTopic is the programme the figures of sentence k took from the
// sentences before it, if they did.
func (x *run) carriedTopic(k int) string {
	for _, rd := range x.kept[k] {
		if rd.progFrom == "context" {
			return rd.prog
		}
	}
	return ""
}

// respectively pairs names and figures around "respectivement": "Les régimes
// AMO TNS et AMO Al Chamil comptent respectivement 3,9 millions et 402.000
// bénéficiaires" gives the first figure to the first name.
func (x *run) respectively(m *masked, i int, ms []mention) string {
	k := strings.Index(m.str, " respectivement ")
	if k < 0 {
		return ""
	}
	at := utf8.RuneCountInString(m.str[:k])
	var names []string
	for _, mn := range ms {
		if mn.end <= at && mn.tier != weak {
			names = append(names, mn.prog)
		}
	}
	var figs []int
	for j, f := range m.figs {
		if f.start > at {
			figs = append(figs, j)
		}
	}
	if len(names) < 2 || len(names) != len(figs) {
		return ""
	}
	for n, j := range figs {
		if j == i {
			return names[n]
		}
	}
	return ""
}
