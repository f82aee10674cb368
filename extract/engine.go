package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/faits/faits/normalize"
	"github.com/faits/faits/table"
)

// MaxSentence is the longest sentence, in bytes, that the rules read. Press
// sentences are far shorter; a longer one is a table or a scraping accident
// and is skipped with a warning rather than fed to backtracking patterns.
const MaxSentence = 4000

// run holds the state of one Extract call.
type run struct {
	r        *Rules
	in       Input
	pubMonth string
	// secDate[si] is the month of the dated heading sentence si stands
	// under, "" when none (sections.go); nil when the text has none.
	secDate []string
	// secNow[si] says that secDate[si] is the present of sentence
	// si: a calendar's month heading's ("MAI — …"), or a listed entry's
	// day ("Économie · 5 févr. 2026 · par …", a message's stamp).
	secNow []bool
	// dataDates are the sentences that date the page's data, once
	// dataDate has looked (nil before).
	dataDates []sentAsOf
	warnings  []Warning
	// mentions per sentence index, for programme context.
	mentions [][]mention
	// countNames are, by sentence, the names that stand right after a
	// count ("3 millions de travailleurs non salariés"): not_programme
	// keeps them out of mentions (they describe the people counted), but
	// the model weighs them for the figure they follow. Few sentences
	// have any: a map, where a slice a sentence cost a long text 0.2
	// bytes held a byte (TestRunMemory).
	countNames map[int][]mention
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
	// lastAsOf holds, for the last two sentences that had facts (at
	// index si%2), the as_of of their last fact: a sentence reads the one
	// before it (asOfBefore), and a slot for every sentence of a long text
	// weighed more than its facts.
	lastAsOf [2]sentAsOf
	// masks[i] is sentence i masked, while it is held (see hold): a
	// masked sentence, with its focus copies and cue matches, weighs
	// several times its text, and a long article's every sentence held
	// at once was most of an extraction's memory (issue 15).
	masks []*masked
	// held lists the sentences whose masks are held, in a ring whose
	// oldest entry is at heldNext once it is full.
	held     []int
	heldNext int
	// at is the sentence extract is reading.
	at int
	// sents, exprAt and done hold every sentence, where its expressions
	// are in allExprs (exprsOf), and whether maskOf has prepared it (its
	// mentions, anaphora and asides).
	sents    []sentence
	allExprs []normalize.Expr
	exprAt   [][2]int32
	done     []bool
	// cells are the value cells of flattened tables, by sentence;
	// pipe records, by sentence and byte offset, what each figure of a
	// table's row takes from its headers (tables.go).
	pipe map[[2]int]pipeCol
	// inTable marks every line of such a table.
	cells   map[int]*cell
	inTable map[int]bool
	// flat are the flattened tables, their grid rebuilt from the lines.
	flat []table.Table
	// headCell marks the figures of a table's header rows (sentence,
	// figure start): a header names its columns ("Indicateur | 2024 |
	// 2025"), it holds no fact.
	headCell map[[2]int]bool
	// trace, when set, sees every reading (tests and debugging).
	trace func(si int, m *masked, rd *reading)
	// failed: a pattern ran out of its budget; nothing of the text is kept.
	failed bool
	// the texts patterns last read, converted and scanned once.
	strCache  [4]runesStr
	strNext   int
	subjCache [8]*subject
	subjNext  int
	subjLast  *subject // the entry of subjCache last returned
	// origs are the byte offsets of sentence origsOf's masked runes,
	// for byteAt.
	origs   []int
	origsOf int
	// scratch of findMentions and describes (patternSet.candidates)
	nameMarks, descMarks bitset
	nameCands, descCands []int32
	// model, when set, weighs every figure's readings (candidates.go);
	// collect, when set, sees them with their features (training).
	model   *Model
	collect func(si int, s sentence, m *masked, rd *reading, opts []option, feats []optFeatures)
	// extraProgs are programmes to propose for every figure besides those
	// the document points at (training on an editor's corrections).
	extraProgs []string
	// docInfo, described and describedDone cache what the document and
	// its sentences say of programmes (candidates.go).
	docInfo       *docFacts
	described     map[int][]string // few sentences describe one
	describedDone []bool
	// The figure-independent work of the sentence being decided, done
	// once for all its figures: its candidate programmes (progs) and its
	// context (ctx), valid for sentence progsOf and ctxOf.
	progs          []string
	progsOf, ctxOf int
	progsDone      bool
	ctx            string
	ctxDone        bool
	// titleProg is titleProgramme, once titleProgDone.
	titleProg     string
	titleProgDone bool
	// traceWeigh, when set, sees every figure's options as the model
	// weighed them (tests).
	traceWeigh func(fs *featureSets, wd *weighed)
	// roles[si][k] caches mentionRole of mention k of sentence si.
	roles [][]uint8
	// others[si] caches what otherProgramme reads of sentence si.
	others []otherNames
	// fsBuf and wdBuf are a figure's feature sets and weights, reused
	// by the next figure (decide keeps neither past its figure).
	fsBuf featureSets
	wdBuf weighed
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
	// why says which features weighed most, when the model chose.
	why string
}

// Extract reads every fact the rules find in in. Warnings name the parts of
// the text a pattern gave up on; the facts found elsewhere are still valid.
func (r *Rules) Extract(in Input) ([]Fact, []Warning) {
	x := r.newRun(in)
	return x.extract()
}

// newRun prepares one Extract call: sentences and their expressions.
func (r *Rules) newRun(in Input) *run {
	x := &run{r: r, in: in, pubMonth: month(in.Published), model: r.model}
	exprs := normalize.Scan(in.Text, &normalize.Options{Ref: refDate(in.Published)})
	sents := splitSentences(in.Text)
	x.sents = sents
	if cap(exprs) > len(exprs)+len(exprs)/4+64 {
		// A long text's expressions come in the slice Scan grew, up to
		// twice their size, and the run keeps them to its end.
		exprs = slices.Clip(append([]normalize.Expr(nil), exprs...))
	}
	x.exprAt = make([][2]int32, len(sents))
	x.mapExprs(exprs)
	if e := x.findSections(exprs); len(e) != len(exprs) || len(x.secDate) > 0 {
		x.mapExprs(e)
	}
	x.mentions = make([][]mention, len(sents))
	x.anaphoric = make([]bool, len(sents))
	x.passes = make([]bool, len(sents))
	x.kept = make([][]*reading, len(sents))
	x.lastAsOf = [2]sentAsOf{{si: -1}, {si: -1}}
	x.masks = make([]*masked, len(sents))
	x.done = make([]bool, len(sents))
	x.findTables()
	x.findPipeTables()
	return x
}

// mapExprs keeps exprs as the text's expressions and finds each
// sentence's share of them.
func (x *run) mapExprs(exprs []normalize.Expr) {
	x.allExprs = exprs
	ei := 0
	for si, s := range x.sents {
		for ei < len(exprs) && exprs[ei].Start < s.start {
			ei++
		}
		j := ei
		for j < len(exprs) && exprs[j].End <= s.end {
			j++
		}
		// Sentences do not overlap: no expression is two sentences'.
		x.exprAt[si] = [2]int32{int32(ei), int32(j)}
	}
}

// extract reads every sentence that holds a figure.
func (x *run) extract() ([]Fact, []Warning) {
	sents := x.sents
	var facts []Fact
	for si, s := range sents {
		if !hasFigure(x.exprsOf(si)) {
			continue // read later only if a figure needs it as context
		}
		if s.end-s.start > MaxSentence {
			x.warn("sentences", s.start, fmt.Sprintf("sentence of %d bytes not read (longer than %d)", s.end-s.start, MaxSentence))
			continue
		}
		x.at = si
		facts = append(facts, x.sentence(si, s, x.maskOf(si))...)
	}
	if x.failed {
		// A rule gave up: the text is not read rather than read as if
		// the rule had not matched.
		return nil, x.warnings
	}
	return facts, x.warnings
}

// exprsOf returns the expressions of sentence si, a share of allExprs
// capped so that no append runs into the next sentence's.
func (x *run) exprsOf(si int) []normalize.Expr {
	at := x.exprAt[si]
	return x.allExprs[at[0]:at[1]:at[1]]
}

// sentAsOf is the as_of of the first fact of sentence si.
type sentAsOf struct {
	si   int
	asOf string
}

// asOfBefore is the as_of of the first fact of sentence si-1, or "" when
// it had none.
func (x *run) asOfBefore(si int) string {
	if si == 0 {
		return ""
	}
	if a := x.lastAsOf[(si-1)%2]; a.si == si-1 {
		return a.asOf
	}
	return ""
}

func hasFigure(exprs []normalize.Expr) bool {
	for _, e := range exprs {
		if e.Kind != normalize.Date {
			return true
		}
	}
	return false
}

// maskOf returns sentence si masked, and prepares it on first use:
// programme names, whether it opens on an anaphora, whether it is an
// aside. Those are kept for the whole text; the masked sentence is held
// only a while (hold) and made again if it is asked for after. Sentences
// longer than MaxSentence are left empty.
func (x *run) maskOf(si int) *masked {
	if m := x.masks[si]; m != nil {
		return m
	}
	s := x.sents[si]
	if s.end-s.start > MaxSentence {
		x.done[si] = true
		return nil
	}
	m := x.mask(s, x.exprsOf(si))
	if si <= x.at+maxHeld/2 {
		// (A sentence far ahead, which doc reads once, is not held: the
		// ring would push out the sentences about to be read.)
		x.hold(si, m)
	}
	if !x.done[si] {
		x.done[si] = true
		var afterCount []mention
		x.mentions[si], afterCount = x.findMentions(m)
		if len(afterCount) > 0 {
			if x.countNames == nil {
				x.countNames = map[int][]mention{}
			}
			x.countNames[si] = afterCount
		}
		x.anaphoric[si] = x.isAnaphoric(m, x.mentions[si])
		x.passes[si] = x.find(x.r.asideRe, m.str, "asides", m.orig[0]) != nil
	}
	return m
}

// prepare makes sure sentence si's mentions, anaphora and aside are known,
// without holding its mask when they are.
func (x *run) prepare(si int) {
	if !x.done[si] {
		x.maskOf(si)
	}
}

// maxHeld is how many masked sentences a run holds at most: the sentence
// being read, those just before it that its figures look back at, and the
// headers and topics further back that they point to. An article shorter
// than that is masked once.
const maxHeld = 64

// hold keeps m as sentence si's mask, and lets go of the mask held
// longest if maxHeld are held, unless it is the sentence being read or
// the one before, which stay.
func (x *run) hold(si int, m *masked) {
	x.masks[si] = m
	if len(x.held) < maxHeld {
		x.held = append(x.held, si)
		return
	}
	for {
		old := x.held[x.heldNext]
		x.held[x.heldNext] = si
		x.heldNext = (x.heldNext + 1) % maxHeld
		if old != x.at && old != x.at-1 {
			x.masks[old] = nil
			return
		}
		si = old // kept, as the newest
	}
}

func (x *run) warn(rule string, offset int, msg string) {
	x.warnings = append(x.warnings, Warning{Rule: rule, Offset: offset, Msg: msg})
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
		if x.model != nil || x.collect != nil {
			x.decide(si, s, m, i, rd, readings)
		}
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
			x.passes[si] = x.find(x.r.asideRe, m.str, "asides", m.orig[0]) != nil
		}
		x.kept[si] = append(x.kept[si], rd)
		fs := x.facts(s, m, rd)
		if x.lastAsOf[si%2].si != si {
			// The sentence's first fact: its main clause's date, where a
			// last one is often a compared figure's ("contre 11.900 un an
			// plus tôt").
			x.lastAsOf[si%2] = sentAsOf{si, fs[len(fs)-1].AsOf}
		}
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
	if pc, ok := x.pipe[[2]int{si, fig.e.Start}]; ok {
		x.pipeMetric(pc, rd)
	}
	if rd.metric == nil && (x.listItem(m, i) && noneKept(prev, i) || x.bulletNext(si, fig.e.Start)) {
		// "Par enfant de moins de 6 ans, dans la limite de trois enfants :
		// 200 DH": the label's own numbers are no figures of the list.
		// "- 300 dirhams par enfant ;" then "- 350 pour un orphelin ;":
		// the item goes on the list, in its unit.
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
	if rd.metric.reject != nil && x.findR(rd.metric.reject, focus, rd.metric.what, m.orig[0]) != nil || rd.unit == "percent" && x.rateNoShare(m, i, prev) {
		rd.dropped = "rejected by " + rd.metric.id
		return rd
	}
	if x.findR(x.r.notFactsRe, focus, "not_facts", m.orig[0]) != nil {
		rd.dropped = "not a fact (not_facts)"
		return rd
	}
	if why := x.constraint(m, i, rd); why != "" {
		rd.dropped = why
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
	x.hedge(m, rd)
	return rd
}

// hedge reads the qualifier and modality of a kept reading from the words
// before its figure.
func (x *run) hedge(m *masked, rd *reading) {
	fig := rd.fig
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
		found := false
		for _, q := range x.r.qualifiers {
			if x.find(q.re, tail, q.what, m.orig[0]) != nil {
				rd.qualifier, found = q.name, true
				break
			}
		}
		if !found && (rd.qualifier == "" || rd.qualifier == "exact") {
			// "La pension minimale du régime, relevée en 2020, est fixée
			// à …": a floor named in the subject, clauses away.
			head := m.sub(0, fig.start)
			for _, q := range x.r.subjectQuals {
				if x.find(q.re, head, q.what, m.orig[0]) != nil {
					rd.qualifier = q.name
					break
				}
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
		if x.find(md.re, before, md.what, m.orig[0]) != nil {
			rd.modality = md.name
			break
		}
	}
	if pc, ok := x.pipe[[2]int{rd.si, fig.e.Start}]; ok {
		if pc.modality != "" {
			rd.modality = pc.modality // a table's "Cible 2027" column
		}
		if pc.estimate && rd.qualifier == "exact" {
			rd.qualifier = "about"
		}
	}
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
		Quote: x.in.Text[s.start:s.end], Rule: rd.rule, ProgrammeFrom: rd.progFrom, Why: rd.why,
	}
	end := e.End
	if rd.nounEnd != rd.fig.end {
		end = x.byteAt(rd.si, rd.nounEnd)
	}
	// (The verb may stand in the clause before: "est passée, en janvier,
	// de A à B".)
	if e.ValueMax != nil && e.Low != nil && e.High != nil && (x.find(x.r.changesRe, lastRunes(before, tailLen), "changes", m.orig[0]) != nil ||
		x.find(x.r.changesRe, lastRunes(m.sub(0, rd.fig.start), tailLen), "changes", m.orig[0]) != nil) {
		lo, hi := base, base
		if now := x.nowMonth(rd.si); asOfLow == asOf && now != "" && laterPeriod(asOf, now) {
			// "porter le minimum de 500 à 700 dirhams dès 2027": a date
			// to come is the change's end; its start is the value of now.
			asOfLow = now
		}
		lo.Value, lo.AsOf, lo.Start, lo.End = round(e.Low.Value), asOfLow, e.Low.Start, e.Low.End
		hi.Value, hi.AsOf, hi.Start, hi.End = round(e.High.Value), asOf, e.High.Start, end
		lo.Qualifier = qualifierOr(e.Low.Qualifier, rd.qualifier)
		hi.Qualifier = qualifierOr(e.High.Qualifier, rd.qualifier)
		lo.Span, hi.Span = x.in.Text[lo.Start:lo.End], x.in.Text[hi.Start:hi.End]
		lo.Rule, hi.Rule = rd.rule+"+change", rd.rule+"+change"
		// "s'engage à porter le minimum de 500 à 700 dirhams": the
		// change's start is the value of now, whatever its end is.
		lo.Modality = ""
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

// laterPeriod reports whether period a ("2027", "2026-05") begins after
// period b ends: compared on the digits both write, "2026-05" is not
// later than "2026", nor "2026" than "2026-03".
func laterPeriod(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] > b[:n]
}

func qualifierOr(q, def string) string {
	if q == "" || q == "exact" {
		return def
	}
	return q
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
