package extract

// This file: what a count counts (its unit noun), read around the figure.

import (
	"strings"
	"unicode/utf8"

	"github.com/faits/faits/normalize"
)

// countUnit reads the noun that says what a plain count counts.
func (x *run) countUnit(m *masked, i int, rd *reading, prev []*reading) {
	fig := m.figs[i]
	after := m.sub(fig.end, m.n())
	mt := x.find(x.r.nounRe, after, "units", m.orig[0])
	if pc, ok := x.pipe[[2]int{rd.si, fig.e.Start}]; ok && pc.unit != "" {
		// "Province | Familles | …": the column's header names what it
		// counts, unless the cell, written as prose, names it right after
		// the figure ("3,9 millions de ménages" in the row "Enfants aidés").
		if mt == nil || mt.GroupByName("noun").RuneIndex > 4 {
			rd.unit, rd.explicit = pc.unit, true
			return
		}
	}
	if mt != nil {
		g := mt.GroupByName("noun")
		rd.unit = x.r.unitByNoun[strings.Join(strings.Fields(g.String()), " ")]
		rd.explicit = true
		rd.nounEnd = fig.end + g.RuneIndex + g.RuneLength
		return
	}
	// "3,9 millions et 402.000 bénéficiaires", "1,1 million, 690.000 et
	// 655.000 ménages inscrits": one noun for the whole enumeration, and
	// the words after it say what all its figures are.
	last := i
	for j := i + 1; j < len(m.figs); j++ {
		gap := strings.TrimSpace(m.sub(m.figs[j-1].end, m.figs[j].start))
		if gap != "et" && gap != "ou" && gap != "a" && gap != "," && gap != ", et" {
			break
		}
		last = j
	}
	if last > i {
		next := m.figs[last]
		if mt := x.find(x.r.nounRe, m.sub(next.end, m.n()), "units", m.orig[0]); mt != nil {
			g := mt.GroupByName("noun")
			rd.unit = x.r.unitByNoun[strings.Join(strings.Fields(g.String()), " ")]
			rd.explicit = true
			rd.cueFrom = next.end + g.RuneIndex + g.RuneLength
			return
		}
		if next.e.Kind == normalize.Money && strings.TrimSpace(m.sub(fig.end, next.start)) != "," {
			// "400 ou 500 dirhams"; "150, 200 et 250 dirhams par mois":
			// the words after the last amount say what all of them are.
			rd.unit, rd.explicit = next.e.Unit, true
			rd.cueFrom = next.end
			return
		}
	}
	// "assurés principaux (1,9 million)": the noun stands before.
	if fig.start >= 2 && m.at(fig.start-1) == ' ' && m.at(fig.start-2) == '(' {
		if u := x.nounBefore(m.sub(0, fig.start-2)); u != "" {
			rd.unit, rd.explicit = u, true
			return
		}
		// "1,1 million de ménages, suivie de Marrakech-Safi (720.000)": a
		// label that is no noun; the count before says what is counted.
		if p := prevReading(prev, i); p != nil && countUnits[p.unit] {
			rd.unit, rd.explicit = p.unit, true
			return
		}
	}
	// "Points d'accueil : 3.250": a list line's label names what it counts.
	if i == 0 && x.listItem(m, i) {
		if u := x.nounBefore(strings.TrimRight(m.sub(0, fig.start), " :")); u != "" {
			rd.unit, rd.explicit = u, true
			return
		}
	}
	// "portant à 34 le nombre de textes d'application"; a listicle's
	// heading and the sentence after it (joinHeadings): "4,1 millions
	// C'est le nombre de ménages qui…".
	for _, lead := range []string{" le nombre total ", " le nombre ", " le total ", " c'est le nombre total ", " c'est le nombre "} {
		if rest, ok := strings.CutPrefix(after, lead); ok {
			if mt := x.find(x.r.nounRe, rest, "units", m.orig[0]); mt != nil {
				rd.unit, rd.explicit = x.r.unitByNoun[strings.Join(strings.Fields(mt.GroupByName("noun").String()), " ")], true
				return
			}
		}
	}
	// "2,3 milliards de dirhams …, alors que … 3,1 milliards": billions (or
	// hundreds of millions: bareMoneyMin) with no noun after an amount of
	// money are money too, and so down a chain ("de 2 milliards de dirhams
	// à 3 milliards, puis à 4 milliards").
	// Money no metric counts lends its unit too ("a encaissé 2,3 milliards
	// de dirhams de cotisations, alors que les prestations ont atteint 3,1
	// milliards").
	if fig.e.Value >= bareMoneyMin && x.find(x.r.nounRe, after, "units", m.orig[0]) == nil {
		for j := i - 1; j >= 0; j-- {
			p := prev[j]
			if p == nil || p.unit == "" || p.dropped != "" && p.dropped != offMetricDrop {
				continue
			}
			if p.fig.e.Kind == normalize.Money || moneyUnits[p.unit] {
				rd.unit, rd.explicit = p.unit, true
				return
			}
			break
		}
	}
	if x.find(x.r.notNounRe, after, "not_nouns", m.orig[0]) == nil && startsWithWord(after) && !x.isCue(after) {
		if x.programmeOwns(rd.si, m, fig.end) {
			// "dont 11,2 millions de l'AMO Tadamon": the people of a
			// programme (spec/taxonomy.md: a count with no noun counts
			// people).
			rd.unit, rd.explicit = "person", true
			return
		}
		rd.dropped = "counts something the rules do not know: " + firstWords(after, 3)
		return
	}
	// "le nombre d'inscrits … s'élève à 22,5 millions"; "Les dossiers … ont
	// grimpé de 4,2 millions": the noun came first.
	if u := x.nombreDe(m.sub(0, fig.start)); u != "" {
		rd.unit, rd.explicit = u, true
		return
	}
	// "… tandis que Tiznit en compte 29.000": the pronoun stands for what
	// the count before it counted.
	// So it does in the sentence after the count ("… 512.000 ménages. À
	// l'autre bout, Dakhla n'en compte que 6.900."), unless a noun of its
	// own sentence comes first ("les personnes âgées : on en recense
	// …"); and so does "Parmi eux" opening the sentence, of which the
	// figure counts a part.
	if x.r.cliticRe != nil && x.find(x.r.cliticRe, m.sub(m.clauseStart(fig.start), fig.start), "clitic", m.orig[0]) != nil {
		if p := prevReading(prev, i); p != nil && countUnits[p.unit] {
			rd.unit, rd.explicit = p.unit, true
			return
		}
		if p := x.countBefore(rd.si); p != nil && noneKept(prev, i) && x.subjectUnit(m, i) == "" {
			rd.unit, rd.explicit = p.unit, true
			return
		}
	}
	if i == 0 && amongThem(m.sub(0, fig.start)) {
		if p := x.countBefore(rd.si); p != nil && p.fig.e.Value >= fig.e.Value {
			rd.unit, rd.explicit = p.unit, true
			return
		}
	}
	// "700.000 demandes …, dont 640.000 ont été liquidées": a
	// part counts what its total counts, whoever the sentence's subject (a
	// part is no larger than its total: "19 décrets …, dont 900.000"
	// counts something else).
	if x.breakdown(m, rd) {
		if p := prevReading(prev, i); p != nil && countUnits[p.unit] && p.fig.e.Value >= fig.e.Value {
			rd.unit, rd.explicit = p.unit, true
			return
		}
	}
	if u := x.subjectUnit(m, i); u != "" {
		rd.unit, rd.explicit = u, true
	}
}

// programmeOwns reports whether a programme's name follows rune offset at
// of sentence si as the complement of a count: "de l'", "du", "de la",
// "des" and the name.
func (x *run) programmeOwns(si int, m *masked, at int) bool {
	for _, mn := range x.mentions[si] {
		if mn.start < at || mn.start > at+8 || mn.tier == weak {
			continue
		}
		switch strings.TrimSpace(m.sub(at, mn.start)) {
		case "de l'", "du", "de la", "des", "de":
			return true
		}
	}
	return false
}

// breakdown reports whether a figure's clause opens on "dont", "soit",
// "y compris" or "incluant": a part of what came before, not a new topic.
func (x *run) breakdown(m *masked, rd *reading) bool {
	before := strings.TrimLeft(m.sub(m.clauseStart(rd.fig.start), rd.fig.start), " ")
	for _, w := range []string{"dont ", "soit ", "y compris ", "incluant "} {
		if strings.HasPrefix(before, w) {
			return true
		}
	}
	return false
}

// listItem reports whether figure i opens the value of a list line: a
// short label, a colon, the figure ("AMO Tadamon : 10,2 Mds DH", "- dont
// AMO TNS : 4,2 millions").
func (x *run) listItem(m *masked, i int) bool {
	label := strings.TrimRight(m.sub(0, m.figs[i].start), " ")
	if !strings.HasSuffix(label, ":") {
		return false
	}
	label = strings.TrimSuffix(label, ":")
	return utf8.RuneCountInString(label) <= maxLabel && !strings.ContainsAny(label, ":;")
}

// bulletNext reports whether the figure at byte at opens a bulleted item
// ("- 350 pour un orphelin ;") that follows another item of the same list
// on the sentence before: the figures of a list share a unit and a
// metric, which its first item may be the only one to name.
func (x *run) bulletNext(si, at int) bool {
	if si == 0 {
		return false
	}
	head := strings.TrimSpace(x.in.Text[x.sents[si].start:at])
	if utf8.RuneCountInString(head) != 1 || !strings.ContainsAny(head, bullets) {
		return false
	}
	before := strings.TrimSpace(x.in.Text[x.sents[si-1].start:x.sents[si-1].end])
	return strings.HasPrefix(before, head+" ")
}

// bullets open the items of a list.
const bullets = "-–—•*·▪►"

// noneKept reports whether no figure before i in its sentence was kept.
func noneKept(prev []*reading, i int) bool {
	for j := 0; j < i; j++ {
		if p := prev[j]; p != nil && p.dropped == "" {
			return false
		}
	}
	return true
}

// maxLabel is the longest label, in runes, of a list line.
const maxLabel = 80

// countBefore returns the last count kept in the sentence before si, when
// it is of si's paragraph, or nil.
func (x *run) countBefore(si int) *reading {
	if si == 0 || x.sents[si-1].para != x.sents[si].para {
		return nil
	}
	for j := len(x.kept[si-1]) - 1; j >= 0; j-- {
		if p := x.kept[si-1][j]; p.dropped == "" && countUnits[p.unit] {
			return p
		}
	}
	return nil
}

// amongThem reports whether a sentence's words before its first figure
// are "Parmi eux," (or elles, ceux-ci, celles-ci), folded.
func amongThem(s string) bool {
	switch strings.Trim(s, " ,") {
	case "parmi eux", "parmi elles", "parmi ceux ci", "parmi celles ci":
		return true
	}
	return false
}

// prevReading returns the reading of the nearest earlier figure of the
// sentence that was kept, or nil.
func prevReading(prev []*reading, i int) *reading {
	for j := i - 1; j >= 0; j-- {
		if p := prev[j]; p != nil && p.dropped == "" && p.unit != "" {
			return p
		}
	}
	return nil
}

// subjectUnit returns the unit of the first noun before figure i in its
// sentence that no figure of its own stands in front of ("Les guichets
// d'inscription au RSU sont au nombre de 2.100"). The first, not the
// nearest: the subject's head comes first, and the nouns after it qualify
// it ("Les veuves avec un enfant à charge sont 20.000", "Les pensionnés,
// conjoints et orphelins compris, atteignent 1,2 million").
func (x *run) subjectUnit(m *masked, i int) string {
	from := 0
	if i > 0 {
		from = m.figs[i-1].end
	}
	words := strings.Fields(m.sub(from, m.figs[i].start))
	if len(words) > 0 && i > 0 {
		words = words[1:] // the previous figure's own noun follows it
	}
	for k := range words {
		for n := 3; n >= 1; n-- {
			if k+n > len(words) {
				continue
			}
			w := strings.Trim(strings.Join(words[k:k+n], " "), ",;:()")
			w = strings.TrimPrefix(strings.TrimPrefix(w, "d'"), "l'")
			if u, ok := x.r.unitByNoun[w]; ok {
				return u
			}
		}
	}
	return ""
}

// minBareCount is the smallest count read without a noun: "le 3030",
// "la porte 7" are numbers, not figures; "s'élève à 22,5 millions" is.
const minBareCount = 1000

// appositionPronoun are the pronouns a sentence sets off by commas after
// its subject ("L'allocation de base, quant à elle, reste de …").
var appositionPronoun = set("elle", "il", "elles", "eux", "lui", "quant a elle", "quant a lui", "pour sa part", "de son cote")

// moneyUnits are the units of sums of money.
var moneyUnits = set("MAD", "EUR", "USD")

// countUnits are the units of plain counts (not money, not percentages).
var countUnits = set("person", "household", "child", "elderly", "student", "file", "service", "decree", "point")

// bareUnit gives a count written without a noun the unit its metric and
// neighbours imply: "le nombre d'inscrits … s'élève à 22,5 millions" (the
// noun came first), "sur un total de 14 millions déposés" (the previous
// figure's), else people (spec/taxonomy.md), else the one unit the metric
// counts.
func (x *run) bareUnit(m *masked, i int, rd *reading, prev []*reading) string {
	if u := x.nombreDe(m.sub(0, m.figs[i].start)); u != "" && rd.metric.units[u] {
		return u
	}
	for j := i - 1; j >= 0; j-- {
		if p := prev[j]; p != nil && p.unit != "" && countUnits[p.unit] && rd.metric.units[p.unit] {
			return p.unit
		}
	}
	if rd.metric.units["person"] {
		return "person"
	}
	// "4,5 millions ont été acceptées" after a sentence on applications: a
	// metric that counts one kind of thing only (files) says what it is.
	only := ""
	for u := range rd.metric.units {
		if countUnits[u] {
			if only != "" {
				return ""
			}
			only = u
		}
	}
	return only
}

// nounBefore returns the unit of the label a parenthesised figure stands
// for: the first known noun after the last separator ("familles avec
// enfants (2,4 millions)" counts families).
func (x *run) nounBefore(s string) string {
	words := strings.Fields(s)
	start := 0
	for k, w := range words {
		w = strings.TrimRight(w, ",;:")
		if w != words[k] || w == "et" || w == "ou" || w == "entre" || w == "dont" || w == "soit" {
			start = k + 1
		}
	}
	words = words[start:]
	for k := range words {
		for n := 4; n >= 1; n-- {
			if k+n > len(words) {
				continue
			}
			w := strings.TrimPrefix(strings.TrimPrefix(strings.Join(words[k:k+n], " "), "d'"), "l'")
			if u, ok := x.r.unitByNoun[w]; ok {
				return u
			}
		}
	}
	return ""
}

// nombreDe finds "nombre (total) de <noun>" in s and returns its unit.
func (x *run) nombreDe(s string) string {
	k := strings.LastIndex(s, "nombre ")
	if k < 0 {
		return ""
	}
	rest := strings.TrimPrefix(s[k+len("nombre "):], "total ")
	if mt := x.find(x.r.nounRe, rest, "units", 0); mt != nil {
		return x.r.unitByNoun[strings.Join(strings.Fields(mt.GroupByName("noun").String()), " ")]
	}
	return ""
}

func startsWithWord(s string) bool {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return false
	}
	r := []rune(s)[0]
	return r >= 'a' && r <= 'z' || r > 0x7f
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
