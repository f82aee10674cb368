package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"

	"github.com/faits/faits/normalize"
)

// MaxSentence is the longest sentence, in bytes, that the rules read. Press
// sentences are far shorter; a longer one is a table or a scraping accident
// and is skipped with a warning rather than fed to backtracking patterns.
const MaxSentence = 4000

// Placeholders standing for expressions in a masked sentence; all three
// have the same length so that the focus can be swapped in place.
const (
	tokFig  = "FIG"
	tokNum  = "NUM"
	tokDate = "DAT"
)

// run holds the state of one Extract call.
type run struct {
	r        *Rules
	in       Input
	pubMonth string
	warnings []Warning
	// mentions per sentence index, for programme context.
	mentions [][]mention
	// anaphoric[i]: sentence i opens on "Ce régime…" and so continues the
	// topic of the sentences before it.
	anaphoric []bool
	// passes[i]: sentence i leaves the topic as it found it, so context()
	// looks past it: an aside ("Pour rappel, l'AMO Tadamon couvre…"), a
	// breakdown line ("dont AMO TNS : 4,2 millions"), or a sentence whose
	// main figure took its programme from the sentences before (a name it
	// mentions in passing, "lancé avec l'aide directe", is no new topic).
	passes []bool
	// kept[i] are the figures of sentence i that were kept, for the lines
	// of a list and the sentences that follow it.
	kept [][]*reading
	// lastAsOf[i] is the as_of of the last fact of sentence i.
	lastAsOf []string
	masks    []*masked
	// sents, exprs and done hold every sentence, its expressions, and
	// whether maskOf has prepared it.
	sents []sentence
	exprs [][]normalize.Expr
	done  []bool
	// cells are the value cells of flattened tables, by sentence;
	// pipe records the column of each figure of a pipe table's row.
	pipe map[[2]int]pipeCol
	// inTable marks every line of such a table.
	cells   map[int]*cell
	inTable map[int]bool
	// trace, when set, sees every reading (tests and debugging).
	trace func(si int, m *masked, rd *reading)
}

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

// slot is an expression placed in a masked sentence.
type slot struct {
	e          normalize.Expr
	start, end int // rune offsets of the placeholder
}

// masked is one sentence folded, with expressions replaced by placeholders.
type masked struct {
	runes   []rune
	str     string
	orig    []int // byte offset in the text of each rune, plus the end
	figs    []slot
	dates   []slot
	clauses []int // rune offsets where clauses start
	cues    map[*rule][]span
}

// reading is what the rules made of one figure.
type reading struct {
	si        int // the sentence
	fig       *slot
	unit      string
	nounEnd   int // rune offset after the unit noun, or after the figure
	cueFrom   int // for a figure of an enumeration, after the noun that ends it
	explicit  bool
	metric    *metric
	rule      string
	sameCl    bool
	prog      string
	progFrom  string
	dropped   string
	modality  string
	qualifier string
}

// Extract reads every fact the rules find in in. Warnings name the parts of
// the text a pattern gave up on; the facts found elsewhere are still valid.
func (r *Rules) Extract(in Input) ([]Fact, []Warning) {
	x := r.newRun(in)
	return x.extract()
}

// newRun prepares one Extract call: sentences and their expressions.
func (r *Rules) newRun(in Input) *run {
	x := &run{r: r, in: in, pubMonth: month(in.Published)}
	exprs := normalize.Scan(in.Text, &normalize.Options{Ref: refDate(in.Published)})
	sents := splitSentences(in.Text)
	x.sents = sents
	x.exprs = make([][]normalize.Expr, len(sents))
	x.mentions = make([][]mention, len(sents))
	x.anaphoric = make([]bool, len(sents))
	x.passes = make([]bool, len(sents))
	x.kept = make([][]*reading, len(sents))
	x.lastAsOf = make([]string, len(sents))
	x.masks = make([]*masked, len(sents))
	x.done = make([]bool, len(sents))
	ei := 0
	for si, s := range sents {
		for ei < len(exprs) && exprs[ei].Start < s.start {
			ei++
		}
		for j := ei; j < len(exprs) && exprs[j].End <= s.end; j++ {
			x.exprs[si] = append(x.exprs[si], exprs[j])
		}
	}
	x.findTables()
	x.findPipeTables()
	return x
}

// extract reads every sentence that holds a figure.
func (x *run) extract() ([]Fact, []Warning) {
	sents := x.sents
	var facts []Fact
	for si, s := range sents {
		if !hasFigure(x.exprs[si]) {
			continue // read later only if a figure needs it as context
		}
		if s.end-s.start > MaxSentence {
			x.warn("sentences", s.start, fmt.Sprintf("sentence of %d bytes not read (longer than %d)", s.end-s.start, MaxSentence))
			continue
		}
		facts = append(facts, x.sentence(si, s, x.maskOf(si))...)
	}
	return facts, x.warnings
}

func hasFigure(exprs []normalize.Expr) bool {
	for _, e := range exprs {
		if e.Kind != normalize.Date {
			return true
		}
	}
	return false
}

// maskOf prepares sentence si on first use: masked text, programme names,
// whether it opens on an anaphora. Sentences longer than MaxSentence are
// left empty.
func (x *run) maskOf(si int) *masked {
	if x.done[si] {
		return x.masks[si]
	}
	x.done[si] = true
	s := x.sents[si]
	if s.end-s.start > MaxSentence {
		return nil
	}
	m := x.mask(s, x.exprs[si])
	x.masks[si] = m
	x.mentions[si] = x.findMentions(m)
	x.anaphoric[si] = x.isAnaphoric(m, x.mentions[si])
	x.passes[si] = x.findR(x.r.asideRe, m.runes, "asides", m.orig[0]) != nil
	return m
}

func (x *run) warn(rule string, offset int, msg string) {
	x.warnings = append(x.warnings, Warning{Rule: rule, Offset: offset, Msg: msg})
}

// find returns the first match of re in s at or after rune offset at, or
// nil; a timeout becomes a warning.
func (x *run) find(re *regexp2.Regexp, s string, name string, offset int) *regexp2.Match {
	if re == nil {
		return nil
	}
	m, err := re.FindStringMatch(s)
	if err != nil {
		x.warn(name, offset, fmt.Sprintf("pattern gave up: %v", err))
		return nil
	}
	return m
}

// findR is find over runes, which spares regexp2 converting a string.
func (x *run) findR(re *regexp2.Regexp, rs []rune, name string, offset int) *regexp2.Match {
	if re == nil {
		return nil
	}
	m, err := re.FindRunesMatch(rs)
	if err != nil {
		x.warn(name, offset, fmt.Sprintf("pattern gave up: %v", err))
		return nil
	}
	return m
}

// all returns every match of re in s.
func (x *run) all(re *regexp2.Regexp, s string, name string, offset int) []*regexp2.Match {
	return x.allR(re, []rune(s), name, offset)
}

// allR returns every match of re in rs.
func (x *run) allR(re *regexp2.Regexp, rs []rune, name string, offset int) []*regexp2.Match {
	var out []*regexp2.Match
	m := x.findR(re, rs, name, offset)
	for m != nil {
		out = append(out, m)
		var err error
		m, err = re.FindNextMatch(m)
		if err != nil {
			x.warn(name, offset, fmt.Sprintf("pattern gave up: %v", err))
			break
		}
	}
	return out
}

// mask folds a sentence, replacing its expressions with placeholders.
func (x *run) mask(s sentence, exprs []normalize.Expr) *masked {
	var fb foldBuilder
	m := &masked{}
	at := s.start
	pos := func() int { return len(fb.orig) }
	for _, e := range exprs {
		fb.addText(x.in.Text, at, e.Start)
		tok := tokNum
		if e.Kind == normalize.Date {
			tok = tokDate
		}
		fb.addToken(tok, e.Start)
		sl := slot{e: e, start: pos() - len(tok), end: pos()}
		if e.Kind == normalize.Date {
			m.dates = append(m.dates, sl)
		} else {
			m.figs = append(m.figs, sl)
		}
		// The rune after the token maps to the end of the expression.
		fb.addRune(' ', e.End)
		at = e.End
	}
	fb.addText(x.in.Text, at, s.end)
	f := fb.done(s.end)
	m.str, m.orig = f.s, f.orig
	m.runes = []rune(m.str)
	m.clauses = []int{0}
	for i, r := range m.runes {
		// Parentheses do not cut: "AMO Tadamon (11,1 millions)" is one clause.
		if r == ',' || r == ';' || r == ':' {
			m.clauses = append(m.clauses, i+1)
		}
	}
	return m
}

// isAnaphoric reports whether the sentence opens on "Ce régime…" or "Le
// régime…" not followed by a name: it continues an earlier topic.
func (x *run) isAnaphoric(m *masked, ms []mention) bool {
	a := x.findR(x.r.anaphoraRe, m.runes, "anaphora", m.orig[0])
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
	f := x.masks[si]
	return f != nil && x.find(x.r.agencyRe, f.sub(mn.end, len(f.runes)), "agency_subject", f.orig[0]) != nil
}

// clause returns the index of the clause holding rune offset i.
func (m *masked) clause(i int) int {
	return sort.SearchInts(m.clauses, i+1) - 1
}

// clauseStart returns the rune offset where the clause holding i starts.
func (m *masked) clauseStart(i int) int { return m.clauses[m.clause(i)] }

// clauseEnd returns the rune offset where the clause holding i ends.
func (m *masked) clauseEnd(i int) int {
	c := m.clause(i)
	if c+1 < len(m.clauses) {
		return m.clauses[c+1] - 1
	}
	return len(m.runes)
}

func (m *masked) sub(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(m.runes) {
		b = len(m.runes)
	}
	if a >= b {
		return ""
	}
	return string(m.runes[a:b])
}

// withFocus returns the masked sentence with figure i written FIG.
func (m *masked) withFocus(i int) []rune {
	rs := make([]rune, len(m.runes))
	copy(rs, m.runes)
	copy(rs[m.figs[i].start:], []rune(tokFig))
	return rs
}

// findMentions lists the programme names of a sentence; where two overlap
// the longer wins ("assurance maladie obligatoire des TNS" over "AMO").
func (x *run) findMentions(m *masked) []mention {
	var all []mention
	for _, p := range x.r.programmes {
		for t, list := range [][]alias{p.patterns, p.generic, p.weak} {
			for _, al := range list {
				if al.word != "" && !strings.Contains(m.str, al.word) {
					continue
				}
				for _, mt := range x.allR(al.re, m.runes, "programme "+p.id, m.orig[0]) {
					if x.find(x.r.notProgRe, m.sub(mt.RuneIndex-40, mt.RuneIndex), "not_programme", m.orig[0]) != nil {
						continue // "qui a succédé au RAMED"
					}
					if x.r.notProgAft != nil && x.find(x.r.notProgAft, m.sub(mt.RuneIndex+mt.RuneLength, mt.RuneIndex+mt.RuneLength+50), "not_programme_after", m.orig[0]) != nil {
						continue // "le RAMED a cédé la place à…"
					}
					all = append(all, mention{mt.RuneIndex, mt.RuneIndex + mt.RuneLength, p.id, tier(t)})
				}
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		li, lj := all[i].end-all[i].start, all[j].end-all[j].start
		if li != lj {
			return li > lj
		}
		return all[i].start < all[j].start
	})
	var kept []mention
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
	return kept
}

// sentence reads every figure of one sentence.
func (x *run) sentence(si int, s sentence, m *masked) []Fact {
	if len(m.figs) == 0 {
		return nil
	}
	var facts []Fact
	readings := make([]*reading, len(m.figs))
	for i := range m.figs {
		rd := x.read(si, m, i, readings)
		readings[i] = rd
		if x.trace != nil {
			x.trace(si, m, rd)
		}
		if rd.dropped != "" {
			continue
		}
		switch {
		case len(facts) == 0 && rd.progFrom == "context":
			x.passes[si] = true
		case x.passes[si] && (rd.progFrom == "clause" || rd.progFrom == "sentence") && !x.breakdown(m, rd):
			// "…un soutien mensuel de 500 dirhams, accompagné d'une aide
			// pour la rentrée, allant jusqu'à 200 dirhams": a later
			// figure of its own names a new topic.
			x.passes[si] = x.findR(x.r.asideRe, m.runes, "asides", m.orig[0]) != nil
		}
		x.kept[si] = append(x.kept[si], rd)
		fs := x.facts(s, m, rd)
		x.lastAsOf[si] = fs[len(fs)-1].AsOf
		facts = append(facts, fs...)
	}
	return facts
}

// read decides unit, metric and programme of figure i.
func (x *run) read(si int, m *masked, i int, prev []*reading) *reading {
	fig := &m.figs[i]
	rd := &reading{si: si, fig: fig, nounEnd: fig.end, qualifier: fig.e.Qualifier}
	if rd.qualifier == "" {
		rd.qualifier = "exact"
	}
	if !hasDigitOrNumberWord(fig.e.Text) {
		rd.dropped = "no number: " + fig.e.Text
		return rd
	}
	switch fig.e.Kind {
	case normalize.Money:
		rd.unit, rd.explicit = fig.e.Unit, true
	case normalize.Percent:
		rd.unit, rd.explicit = "percent", true
	default:
		if fig.e.Value > 0 && fig.e.Value < 1 {
			// "environ une sur cinq": a ratio, not a count.
			rd.dropped = "a fraction is no count"
			return rd
		}
		x.countUnit(m, i, rd, prev)
		if rd.dropped != "" {
			return rd
		}
	}
	focus := m.withFocus(i)
	x.metricOf(m, i, focus, rd, prev)
	if rd.dropped != "" {
		return rd
	}
	if c := x.cells[si]; c != nil && (rd.metric == nil || strings.Contains(rd.rule, "/default-")) {
		x.cellMetric(c, rd)
	}
	if pc, ok := x.pipe[[2]int{si, fig.e.Start}]; ok && (rd.metric == nil || strings.Contains(rd.rule, "/default-")) {
		x.cellMetric(&cell{header: pc.header, label: -1}, rd)
	}
	if rd.metric == nil && x.listItem(m, i) && noneKept(prev, i) {
		// "Par enfant de moins de 6 ans, dans la limite de trois enfants :
		// 200 DH": the label's own numbers are no figures of the list.
		x.listMetric(si, rd)
	}
	if rd.metric == nil && si > 0 && x.r.pronounRe != nil && x.findR(x.r.pronounRe, focus, "pronoun", m.orig[0]) != nil {
		x.pronounMetric(si, rd)
	}
	if rd.metric == nil && si > 0 && x.findR(x.r.carryRe, focus, "carry", m.orig[0]) != nil {
		// "Un an plus tôt, ils étaient 205.000": what the sentence before
		// counted (its first figure of the same kind).
		for _, p := range x.kept[si-1] {
			unit := rd.unit
			if unit == "" {
				unit = p.unit
			}
			if p.metric.units[unit] && x.fits(p.metric, &reading{fig: rd.fig, unit: unit}) {
				rd.unit, rd.metric, rd.rule, rd.explicit = unit, p.metric, p.metric.id+"/carry", true
				rd.progFrom = "link:" + p.prog
				break
			}
		}
	}
	if rd.metric == nil {
		if rd.dropped == "" {
			rd.dropped = "no metric"
		}
		return rd
	}
	if rd.unit == "" {
		if !strings.Contains(rd.rule, "/link-") && fig.e.Value < minBareCount {
			rd.dropped = "a small number with no noun"
			return rd
		}
		rd.unit = x.bareUnit(m, i, rd, prev)
	}
	if !rd.metric.units[rd.unit] {
		rd.dropped = "unit " + rd.unit + " not counted by " + rd.metric.id
		return rd
	}
	if rd.metric.reject != nil && x.findR(rd.metric.reject, focus, "metric "+rd.metric.id, m.orig[0]) != nil {
		rd.dropped = "rejected by " + rd.metric.id
		return rd
	}
	if x.findR(x.r.notFactsRe, focus, "not_facts", m.orig[0]) != nil {
		rd.dropped = "not a fact (not_facts)"
		return rd
	}
	x.programmeOf(si, m, i, rd, prev)
	if rd.prog == "" {
		rd.dropped = "no programme"
		return rd
	}
	if p := x.r.programme(rd.prog); p != nil && p.countMetric != "" && rd.metric.id == "beneficiaries" {
		if cm := x.r.metric(p.countMetric); cm != nil && cm.units[rd.unit] {
			rd.metric, rd.rule = cm, cm.id+"/count-of-"+p.id
		}
	}
	before := m.sub(m.clauseStart(fig.start), fig.start)
	tail := m.sub(max(m.clauseStart(fig.start), fig.start-tailLen), fig.start)
	if c := m.clause(fig.start); c >= 2 && appositionPronoun[strings.TrimSpace(strings.Trim(m.sub(m.clauses[c-1], m.clauses[c]), " ,"))] {
		// "L'allocation de base, quant à elle, reste de …": a pronoun set off
		// by commas is no clause; the hedge stands before it.
		tail = strings.TrimRight(m.sub(max(m.clauses[c-2], fig.start-tailLen), m.clauses[c-1]), " ,") + " " + strings.TrimLeft(m.sub(m.clauses[c], fig.start), " ")
	}
	{
		// Hedges apart from the figure, and negations ("ne dépasse
		// toutefois pas 40 %"), say more than the words the figure carries.
		for _, q := range x.r.qualifiers {
			if x.find(q.re, tail, "qualifiers."+q.name, m.orig[0]) != nil {
				rd.qualifier = q.name
				break
			}
		}
		// "ne pourra être inférieur à 500 DH" is a floor, "ne sera pas
		// supérieur à 40 %" a ceiling: a negated comparison the figure
		// carries turns over.
		if x.r.negationRe != nil && x.find(x.r.negationRe, tail, "negation", m.orig[0]) != nil {
			switch fig.e.Qualifier {
			case "less_than":
				rd.qualifier = "at_least"
			case "more_than":
				rd.qualifier = "up_to"
			}
		}
	}
	for _, md := range x.r.modality {
		if x.find(md.re, before, "modality."+md.name, m.orig[0]) != nil {
			rd.modality = md.name
			break
		}
	}
	return rd
}

// countUnit reads the noun that says what a plain count counts.
func (x *run) countUnit(m *masked, i int, rd *reading, prev []*reading) {
	fig := m.figs[i]
	if pc, ok := x.pipe[[2]int{rd.si, fig.e.Start}]; ok && pc.unit != "" {
		// "Province | Familles | …": the column's header names what it counts.
		rd.unit, rd.explicit = pc.unit, true
		return
	}
	after := m.sub(fig.end, len(m.runes))
	if mt := x.find(x.r.nounRe, after, "units", m.orig[0]); mt != nil {
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
		if mt := x.find(x.r.nounRe, m.sub(next.end, len(m.runes)), "units", m.orig[0]); mt != nil {
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
	if fig.start >= 2 && m.runes[fig.start-1] == ' ' && m.runes[fig.start-2] == '(' {
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
	// "portant à 34 le nombre de textes d'application"
	for _, lead := range []string{" le nombre total ", " le nombre ", " le total "} {
		if rest, ok := strings.CutPrefix(after, lead); ok {
			if mt := x.find(x.r.nounRe, rest, "units", m.orig[0]); mt != nil {
				rd.unit, rd.explicit = x.r.unitByNoun[strings.Join(strings.Fields(mt.GroupByName("noun").String()), " ")], true
				return
			}
		}
	}
	// "2,3 milliards de dirhams …, alors que … 3,1 milliards": billions with
	// no noun after an amount of money are money too, and so down a chain
	// ("de 2 milliards de dirhams à 3 milliards, puis à 4 milliards").
	if fig.e.Value >= 1e9 && x.find(x.r.nounRe, after, "units", m.orig[0]) == nil {
		if p := prevReading(prev, i); p != nil && (p.fig.e.Kind == normalize.Money || moneyUnits[p.unit]) {
			rd.unit, rd.explicit = p.unit, true
			return
		}
	}
	if x.find(x.r.notNounRe, after, "not_nouns", m.orig[0]) == nil && startsWithWord(after) && !x.isCue(after) {
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
	if x.r.cliticRe != nil && x.find(x.r.cliticRe, m.sub(m.clauseStart(fig.start), fig.start), "clitic", m.orig[0]) != nil {
		if p := prevReading(prev, i); p != nil && countUnits[p.unit] {
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

// noneKept reports whether no figure before i in its sentence was kept.
func noneKept(prev []*reading, i int) bool {
	for j := 0; j < i; j++ {
		if p := prev[j]; p != nil && p.dropped == "" {
			return false
		}
	}
	return true
}

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

// maxLabel is the longest label, in runes, of a list line.
const maxLabel = 80

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

// subjectUnit returns the unit of the nearest noun before figure i in its
// sentence that no figure of its own stands in front of ("Les guichets
// d'inscription au RSU sont au nombre de 2.100").
func (x *run) subjectUnit(m *masked, i int) string {
	from := 0
	if i > 0 {
		from = m.figs[i-1].end
	}
	words := strings.Fields(m.sub(from, m.figs[i].start))
	if len(words) > 0 && i > 0 {
		words = words[1:] // the previous figure's own noun follows it
	}
	for k := len(words) - 1; k >= 0; k-- {
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

// tailLen is how much text before a figure or a date the patterns that
// end at it (qualifiers, changes, as_of) are given: they look at the few
// words just before, and a shorter text spares scanning the whole clause.
const tailLen = 80

func lastRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[len(r)-n:])
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
	for _, cm := range x.allR(ru.cue, m.runes, ru.name, m.orig[0]) {
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

// figureBetween reports whether a figure stands between rune offsets a and
// b: a cue beyond another figure belongs to that one.
func (x *run) figureBetween(m *masked, a, b int) bool {
	for _, f := range m.figs {
		if f.start >= a && f.end <= b {
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
	var lm *regexp2.Match
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
			unit = p.unit
		}
		if !p.metric.units[unit] {
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

// parenthesised reports whether a figure opens a parenthesis.
func parenthesised(m *masked, f slot) bool {
	return f.start >= 2 && m.runes[f.start-1] == ' ' && m.runes[f.start-2] == '('
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
	last := x.findR(x.r.lastRe, m.runes, "anaphora_last", m.orig[0]) != nil
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
	var fb foldBuilder
	fb.addText(x.in.Title, 0, len(x.in.Title))
	f := fb.done(len(x.in.Title))
	m := &masked{str: f.s, orig: f.orig, runes: []rune(f.s), clauses: []int{0}}
	for _, mn := range x.findMentions(m) {
		if mn.tier == specific {
			return mn.prog
		}
	}
	return ""
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
		x.maskOf(k0)
		ms := x.mentions[k0]
		if x.sents[k0].para != x.sents[si].para && paraWeak != "" {
			return paraWeak, weak, paraWeakAt
		}
		if x.sents[k0].para == x.sents[si].para && paraWeak == "" && !x.inTable[k0] {
			for _, mn := range ms {
				if mn.tier == weak && sentenceOpener[strings.TrimSpace(x.masks[k0].sub(0, mn.start))] {
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
		header := strings.HasSuffix(strings.TrimRight(x.masks[k0].str, " "), ":")
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
			describes := x.r.describedRe != nil && x.find(x.r.describedRe, x.masks[k0].sub(mn.start-40, mn.start), "described", x.masks[k0].orig[0]) != nil
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

// facts turns a reading into one fact, or two for a change written as a
// range ("passant de 8,6 millions à 24,3 millions").
func (x *run) facts(s sentence, m *masked, rd *reading) []Fact {
	e := rd.fig.e
	before := m.sub(m.clauseStart(rd.fig.start), rd.fig.start)
	asOf, asOfLow := x.asOf(m, rd)
	base := Fact{
		Programme: rd.prog, Metric: rd.metric.id, Unit: rd.unit,
		Qualifier: rd.qualifier, Modality: rd.modality,
		Quote: x.in.Text[s.start:s.end], Rule: rd.rule, ProgrammeFrom: rd.progFrom,
	}
	end := m.orig[rd.nounEnd]
	if rd.nounEnd == rd.fig.end {
		end = e.End
	}
	// (The verb may stand in the clause before: "est passée, en janvier,
	// de A à B".)
	if e.ValueMax != nil && e.Low != nil && e.High != nil && (x.find(x.r.changesRe, lastRunes(before, tailLen), "changes", m.orig[0]) != nil ||
		x.find(x.r.changesRe, lastRunes(m.sub(0, rd.fig.start), tailLen), "changes", m.orig[0]) != nil) {
		lo, hi := base, base
		lo.Value, lo.AsOf, lo.Start, lo.End = round(e.Low.Value), asOfLow, e.Low.Start, e.Low.End
		hi.Value, hi.AsOf, hi.Start, hi.End = round(e.High.Value), asOf, e.High.Start, end
		lo.Qualifier = qualifierOr(e.Low.Qualifier, rd.qualifier)
		hi.Qualifier = qualifierOr(e.High.Qualifier, rd.qualifier)
		lo.Span, hi.Span = x.in.Text[lo.Start:lo.End], x.in.Text[hi.Start:hi.End]
		lo.Rule, hi.Rule = rd.rule+"+change", rd.rule+"+change"
		return []Fact{lo, hi}
	}
	f := base
	f.Value, f.AsOf, f.Start, f.End = round(e.Value), asOf, e.Start, end
	if e.ValueMax != nil {
		v := round(*e.ValueMax)
		f.ValueMax = &v
	}
	f.Span = x.in.Text[f.Start:f.End]
	return []Fact{f}
}

func qualifierOr(q, def string) string {
	if q == "" || q == "exact" {
		return def
	}
	return q
}

// asOf applies spec/taxonomy.md: a date of the figure's clause, else a date
// earlier in the sentence, else the publication month. The second result
// is the start of an interval, for the low end of a change. A clause that
// speaks of the present ("contre 41 % à l'heure actuelle") holds at the
// publication month; a sentence that continues the one before on a
// pronoun ("Elles ont bénéficié à…") at that sentence's date.
func (x *run) asOf(m *masked, rd *reading) (string, string) {
	fig := rd.fig
	cl := m.clause(fig.start)
	var best *slot
	bestDist := 1 << 30
	var before *slot
	now := false
	nowDist := 1 << 30
	if d := x.respectiveDate(m, rd); d != nil {
		best, bestDist = d, 0
	}
	for k := range m.dates {
		d := &m.dates[k]
		dist := d.start - fig.end
		if d.end <= fig.start {
			dist = fig.start - d.end
		}
		if !x.usableDate(m, d) {
			if m.clause(d.start) == cl && x.isNow(d) {
				now = true
				if d.start >= fig.end && !x.figureBetween(m, fig.end, d.start) {
					nowDist = min(nowDist, dist)
				}
			}
			continue
		}
		if m.clause(d.start) == cl {
			if dist < bestDist {
				best, bestDist = d, dist
			}
		} else if d.end <= fig.start && x.find(x.r.comparedRe, m.sub(m.clauseStart(d.start), d.start), "as_of.compared", m.orig[0]) == nil {
			before = d
		}
	}
	if best != nil && now && nowDist < bestDist {
		// "passer de 4,8 millions aujourd'hui à 9,5 millions en 2030": the
		// present, written right after the figure, is nearer than 2030.
		best = nil
	}
	if best == nil && (now || x.find(x.r.nowRe, m.sub(m.clauseStart(fig.start), m.clauseEnd(fig.start)), "as_of.now", m.orig[0]) != nil) {
		return x.pubMonth, x.pubMonth
	}
	if best == nil {
		best = before
	}
	if best == nil {
		if rd.si > 0 && x.lastAsOf[rd.si-1] != "" && x.findR(x.r.continuesRe, m.runes, "as_of.continues", m.orig[0]) != nil {
			return x.lastAsOf[rd.si-1], x.lastAsOf[rd.si-1]
		}
		return x.pubMonth, x.pubMonth
	}
	date := best.e.Date
	if a, b, ok := strings.Cut(date, "/"); ok {
		return b, a
	}
	if d := x.backDate(rd.si, m, best); d != "" {
		return d, d
	}
	if len(date) == 10 && (date == x.in.Published || !strings.ContainsAny(best.e.Text, "0123456789")) {
		// The publication day itself (a dateline, "ce lundi 17 février")
		// dates the article, not the figure; "il y a un an" is only as
		// precise as a month.
		if date == x.in.Published {
			return x.pubMonth, x.pubMonth
		}
		date = date[:7]
	}
	return date, date
}

// respectiveDate pairs the figures and the dates that follow
// "respectivement" in order: "atteindre respectivement 30 et 31,5 milliards
// en 2027 et 2028" puts the first figure in 2027. It returns nil unless
// figures and dates are as many.
func (x *run) respectiveDate(m *masked, rd *reading) *slot {
	k := strings.Index(m.str, " respectivement ")
	if k < 0 {
		return nil
	}
	at := utf8.RuneCountInString(m.str[:k])
	cl := m.clause(rd.fig.start)
	var figs []int
	for j, f := range m.figs {
		if f.start > at && m.clause(f.start) == cl {
			figs = append(figs, j)
		}
	}
	var dates []*slot
	for k := range m.dates {
		if d := &m.dates[k]; d.start > at && m.clause(d.start) == cl && x.usableDate(m, d) {
			dates = append(dates, d)
		}
	}
	if len(figs) < 2 || len(figs) != len(dates) {
		return nil
	}
	for n, j := range figs {
		if m.figs[j].start == rd.fig.start {
			return dates[n]
		}
	}
	return nil
}

// nowWords are the dates the normalizer reads as the publication day that
// speak of the present, not of an event.
var nowWords = []string{"aujourd'hui", "a ce jour", "ce jour", "actuellement"}

func (x *run) isNow(d *slot) bool {
	ft := foldString(d.e.Text)
	for _, w := range nowWords {
		if ft == w {
			return true
		}
	}
	return false
}

// backDate resolves a date that points back at another: "À cette date"
// (the date named just before) and "trois ans plus tôt", "un an
// auparavant" after a dated figure (counted from that date, not from the
// publication: "58 Mds DH en 2024, contre 49 Mds DH trois ans plus tôt" is
// 2021). It returns "" for any other date, or when nothing came before.
func (x *run) backDate(si int, m *masked, d *slot) string {
	ft := foldString(d.e.Text)
	anaphoric := x.find(x.r.backRe, ft, "as_of.back", m.orig[0]) != nil
	// The normalizer counts such a phrase from the paragraph's last date
	// when there is one (d.e.Anchor), else from the publication date; the
	// distance it says is the same either way, and the anchor that counts
	// is the one chosen here, which knows which figure is compared.
	base := d.e.Anchor
	if base == "" && len(d.e.Date) == 10 {
		if ref := refDate(x.in.Published); !ref.IsZero() {
			base = ref.Format("2006-01-02")
		}
	}
	relative := !anaphoric && base != "" && !strings.ContainsAny(d.e.Text, "0123456789") &&
		(strings.Contains(ft, "plus tot") || strings.Contains(ft, "auparavant") || strings.HasSuffix(ft, " avant"))
	if !anaphoric && !relative {
		return ""
	}
	anchor := x.anchorDate(si, m, d, relative)
	if anchor == "" || anaphoric {
		return anchor
	}
	from, ok1 := monthIndex(base)
	to, ok2 := monthIndex(d.e.Date)
	if !ok1 || !ok2 {
		return ""
	}
	return shiftMonths(anchor, to-from)
}

// monthIndex numbers the month of an ISO partial date (a bare year counts
// from its January), so that two dates of the same precision give the
// distance between them in months.
func monthIndex(date string) (int, bool) {
	if len(date) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0, false
	}
	m := 1
	if len(date) >= 7 {
		if m, err = strconv.Atoi(date[5:7]); err != nil {
			return 0, false
		}
	}
	return y*12 + m - 1, true
}

// anchorDate returns the last usable date before d in its sentence, else,
// when no figure of the sentence stands before d or the sentence continues
// the one before ("Ces foyers ont perçu X, contre Y un an plus tôt"), the
// last date of the sentence before (of the same paragraph, for a relative
// date), passing over dates that themselves point back.
func (x *run) anchorDate(si int, m *masked, d *slot, samePara bool) string {
	pick := func(mm *masked, upTo int) string {
		found := ""
		for k := range mm.dates {
			o := &mm.dates[k]
			if o.end > upTo || !x.usableDate(mm, o) || strings.Contains(o.e.Date, "/") {
				continue
			}
			of := foldString(o.e.Text)
			if x.find(x.r.backRe, of, "as_of.back", mm.orig[0]) != nil ||
				(len(o.e.Date) == 10 && !strings.ContainsAny(o.e.Text, "0123456789")) {
				continue
			}
			found = o.e.Date
		}
		return found
	}
	if a := pick(m, d.start); a != "" {
		return a
	}
	continues := x.anaphoric[si] || x.findR(x.r.continuesRe, m.runes, "as_of.continues", m.orig[0]) != nil
	for _, f := range m.figs {
		if f.end <= d.start && !continues {
			// Compared with an undated figure of its own sentence, which
			// holds at the publication date.
			return ""
		}
	}
	if si == 0 || (samePara && x.sents[si-1].para != x.sents[si].para) {
		return ""
	}
	if pm := x.maskOf(si - 1); pm != nil {
		return pick(pm, len(pm.runes))
	}
	return ""
}

// shiftMonths moves an ISO partial date by delta months, to month
// precision; a year moves only by whole years.
func shiftMonths(date string, delta int) string {
	switch len(date) {
	case 4:
		y, err := strconv.Atoi(date)
		if err != nil || delta%12 != 0 {
			return ""
		}
		return strconv.Itoa(y + delta/12)
	case 7:
		t, err := time.Parse("2006-01", date)
		if err != nil {
			return ""
		}
		return t.AddDate(0, delta, 0).Format("2006-01")
	case 10:
		// "Au 30 juin, X, contre Y six mois plus tôt": the day does not
		// carry over; the month does.
		return shiftMonths(date[:7], delta)
	}
	return ""
}

// weekdays and words of the day: an event date ("a dévoilé lundi"), not the
// date a figure holds.
var eventDates = []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"hier", "avant hier", "aujourd'hui", "demain", "ce jour", "ce matin", "ce soir"}

func (x *run) usableDate(m *masked, d *slot) bool {
	date := d.e.Date
	if date == "" || strings.HasSuffix(date, "/..") || strings.HasPrefix(date, "../") {
		return false
	}
	ft := foldString(d.e.Text)
	for _, w := range eventDates {
		if strings.HasPrefix(ft, w) || strings.HasPrefix(ft, "ce "+w) {
			return false
		}
	}
	before := m.sub(max(m.clauseStart(d.start), d.start-tailLen), d.start)
	if t := strings.TrimSpace(before); (t == "" || t == "le" || t == "en" || t == "au") && m.clause(d.start) > 0 {
		// A date in apposition ("deux ans après son lancement, en décembre
		// 2023, le programme…", "depuis son ouverture, le 4 mars, …") says
		// what the clause before it says.
		cs := m.clauseStart(d.start) - 1
		before = strings.TrimRight(m.sub(max(m.clauses[m.clause(d.start)-1], cs-tailLen), cs), " ") + " "
	}
	if x.find(x.r.notAsOfRe, before, "as_of.not_as_of", m.orig[0]) != nil {
		return false
	}
	return true
}

// month returns the YYYY-MM (or YYYY) part of an ISO partial date.
func month(published string) string {
	if len(published) >= 7 {
		return published[:7]
	}
	return published
}

// refDate resolves relative dates: the publication day, or the first day of
// its month or year when only those are known.
func refDate(published string) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(published) >= len(layout) {
			if t, err := time.Parse(layout, published[:len(layout)]); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// hasDigitOrNumberWord rejects "des millions de citoyens": a scale word
// alone is a manner of speaking, not a figure.
func hasDigitOrNumberWord(s string) bool {
	for _, w := range strings.Fields(foldString(s)) {
		if strings.ContainsAny(w, "0123456789") {
			return true
		}
		switch strings.TrimSuffix(w, "s") {
		case "million", "milliard", "mille", "des", "de", "d'", "plus", "pres", "environ", "quelque", "quelques", "centaine", "dizaine", "millier":
			continue
		}
		return true
	}
	return false
}

// round keeps 12 significant digits: "8,2 millions" computed as 8.2×1e6 is
// 8199999.999999999 in binary, and the fact's id and export must say 8200000.
func round(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}
