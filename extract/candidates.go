package extract

// This file: every reading a figure could have. The rules (engine.go and
// the files beside it) make one reading of each figure; here the figure
// also proposes the other programmes its document points at and the other
// metrics its unit fits, plus "no fact", and the model (model.go) picks
// one. The rules that are right by construction stay constraints: a figure
// not_facts refuses, a fraction, a count of a noun the rules do not know,
// or a unit a metric does not count never becomes a fact.

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/faits/faits/normalize"
)

// option is one reading of a figure: a programme, a metric and the unit it
// counts, or no fact at all (metric nil).
type option struct {
	prog string
	mt   *metric
	unit string
}

// none reports whether the option is "no fact".
func (o option) none() bool { return o.mt == nil }

// hardDrops are the reasons of the rules that no weight may overturn: the
// text says the figure is no fact, or counts something the rules do not
// know.
var hardDrops = []string{"no number", "a fraction is no count", "not a fact", "counts something the rules do not know"}

// hardDropped reports whether the rules refused rd for a reason that holds
// whatever its programme and metric.
func hardDropped(rd *reading) bool {
	for _, h := range hardDrops {
		if strings.HasPrefix(rd.dropped, h) {
			return true
		}
	}
	return false
}

// figureOptions lists the readings figure i of sentence si may have. What
// the rules decided comes first, their reading or "no fact", so that a tie
// keeps it.
// rulesProg is the programme the rules would give the figure, even where
// they dropped it for want of a metric or a programme.
func (x *run) figureOptions(si int, m *masked, i int, rd *reading, prev []*reading, extra []string) (opts []option, rulesProg string, ok bool) {
	if hardDropped(rd) {
		return nil, "", false
	}
	if rd.dropped != "" && x.r.notFactsRe != nil && x.findR(x.r.notFactsRe, m.withFocus(i), "not_facts", m.orig[0]) != nil {
		// The rules dropped the figure before asking not_facts.
		return nil, "", false
	}
	if rd.dropped != "" {
		// The rules dropped the figure before asking (a reading they kept
		// has been asked, in read).
		if why := x.constraint(m, i, rd); why != "" {
			rd.dropped = why
			return nil, "", false
		}
	}
	focus := m.withFocus(i)
	type mu struct {
		mt   *metric
		unit string
	}
	var metrics []mu
	for _, mt := range x.r.metrics {
		unit := rd.unit
		if bareMoney(rd) && mt.units["MAD"] {
			// "les prestations se sont chiffrées à 35 milliards": no
			// count reaches a billion (max_value), so a bare billion is
			// read as dirhams too, for the model to weigh (o:bare_money).
			unit = "MAD"
		}
		if unit == "" {
			if rd.fig.e.Kind != normalize.Number || rd.fig.e.Value < minBareCount {
				continue
			}
			probe := &reading{fig: rd.fig, metric: mt}
			unit = x.bareUnit(m, i, probe, prev)
			if unit == "" {
				continue
			}
		}
		if !mt.units[unit] || !x.fits(mt, &reading{fig: rd.fig, unit: unit}) {
			continue
		}
		if mt.reject != nil && x.findR(mt.reject, focus, mt.what, m.orig[0]) != nil {
			continue
		}
		if unit == "percent" && x.rateNoShare(m, i, prev) {
			continue
		}
		metrics = append(metrics, mu{mt, unit})
	}
	if len(metrics) == 0 {
		return nil, "", false
	}
	rulesProg = rd.prog
	if rulesProg == "" {
		probe := *rd
		probe.dropped = ""
		if probe.metric == nil {
			probe.metric = metrics[0].mt
		}
		x.programmeOf(si, m, i, &probe, prev)
		rulesProg = probe.prog
	}
	progs := x.candidateProgrammes(si, m, rulesProg, extra)
	kept := rd.dropped == "" && rd.metric != nil
	opts = make([]option, 0, len(progs)*len(metrics)+2)
	if kept {
		opts = append(opts, option{rd.prog, rd.metric, rd.unit})
	} else {
		opts = append(opts, option{})
	}
	for _, p := range progs {
		for _, c := range metrics {
			o := option{p, c.mt, c.unit}
			// A register counts who is in it (count_metric): its
			// "beneficiaries" are its enrolled, as the rules read them.
			if pr := x.r.programme(p); pr != nil && pr.countMetric != "" && c.mt.id == "beneficiaries" {
				if cm := x.r.metric(pr.countMetric); cm != nil && cm.units[c.unit] {
					o.mt = cm
				}
			}
			// (A figure has a few dozen options at most: a scan finds
			// the one already proposed.)
			if slices.Contains(opts, o) {
				continue
			}
			opts = append(opts, o)
		}
	}
	if kept {
		opts = append(opts, option{})
	}
	return opts, rulesProg, true
}

// candidateProgrammes are the programmes a figure of sentence si may be
// about: the rules' choice, every name of the sentence, the topic of the
// sentences before, the title's, the one the article names most, the
// ones whose descriptions the sentence or its paragraph matches, and those
// of the figures kept just before. Sorted, for a stable order.
func (x *run) candidateProgrammes(si int, m *masked, rulesProg string, extra []string) []string {
	base := x.sentenceProgrammes(si, extra)
	out := base
	add := func(p string) {
		if p == "" {
			return
		}
		k, found := sort.Find(len(out), func(j int) int { return strings.Compare(p, out[j]) })
		if found {
			return
		}
		if len(out) == len(base) {
			// base is shared by every figure of the sentence: copied before
			// it grows.
			out = append(make([]string, 0, len(base)+4), base...)
		}
		out = slices.Insert(out, k, p)
	}
	add(rulesProg)
	for _, rd := range x.kept[si] {
		add(rd.prog)
	}
	return out
}

// sentenceProgrammes is the part of candidateProgrammes that every figure
// of sentence si shares (all but the rules' choice and the figures kept
// before in the sentence), computed once per sentence: sentences are read
// in order, and what it depends on (the sentences before, the document)
// is settled by then.
func (x *run) sentenceProgrammes(si int, extra []string) []string {
	if x.progsOf == si && x.progsDone {
		return x.progs
	}
	seen := map[string]bool{}
	add := func(p string) {
		if p != "" {
			seen[p] = true
		}
	}
	for _, mn := range x.mentions[si] {
		add(mn.prog)
	}
	for _, mn := range x.countNames[si] {
		add(mn.prog) // "3 millions de travailleurs non salariés"
	}
	ctx := x.sentContext(si)
	add(ctx)
	add(x.titleProgramme())
	for _, p := range x.describedIn(si) {
		add(p)
	}
	d := x.doc()
	for _, p := range d.paraDescribed[x.sents[si].para] {
		add(p)
	}
	// Every programme the article names or describes: a short or generic
	// name ("le dispositif", "ce régime") may stand for any of them.
	for p := range d.named {
		add(p)
	}
	for _, p := range d.described {
		add(p)
	}
	for _, p := range x.r.agencies {
		if d.agencyNamed[p.agencyOf] {
			add(p.id)
		}
	}
	if si > 0 {
		for _, rd := range x.kept[si-1] {
			add(rd.prog)
		}
	}
	for _, p := range extra {
		if x.r.programme(p) != nil {
			add(p)
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	x.progsOf, x.progsDone, x.progs = si, true, out
	return out
}

// sentContext is context(si, false), computed once per sentence: it reads
// only the sentences before si, which are read by the time si is.
func (x *run) sentContext(si int) string {
	if x.ctxOf == si && x.ctxDone {
		return x.ctx
	}
	x.ctx, _, _ = x.context(si, false)
	x.ctxOf, x.ctxDone = si, true
	return x.ctx
}

// docFacts is what a whole document says of its programmes, computed once.
type docFacts struct {
	// named counts the names of each programme in the text (umbrella
	// words included, agencies not).
	named map[string]int
	// top is the programme named most (ties: the first named), or "".
	top string
	// paraDescribed lists, per paragraph, the programmes whose descriptions
	// one of its sentences matches.
	paraDescribed map[int][]string
	// described lists the programmes of every paragraph's paraDescribed
	// once: a long text has thousands of paragraphs, and going through
	// them for each sentence made its reading quadratic (issue 15).
	described []string
	// title lists the programmes the title names or describes.
	title map[string]bool
	// agencyNamed holds the programmes whose agency the text names (a
	// weak name: "l'ANSS" for the aid it pays).
	agencyNamed map[string]bool
}

// doc computes docFacts on first use: every sentence's names and
// descriptions.
func (x *run) doc() *docFacts {
	if x.docInfo != nil {
		return x.docInfo
	}
	d := &docFacts{named: map[string]int{}, paraDescribed: map[int][]string{}, title: map[string]bool{}, agencyNamed: map[string]bool{}}
	x.docInfo = d
	firstAt := map[string]int{}
	for si := range x.sents {
		m := x.maskOf(si)
		if m == nil {
			continue
		}
		for _, mn := range x.mentions[si] {
			if mn.tier == weak {
				d.agencyNamed[mn.prog] = true
			}
			if mn.tier != weak {
				d.named[mn.prog]++
				if _, ok := firstAt[mn.prog]; !ok {
					firstAt[mn.prog] = si
				}
			}
		}
		para := x.sents[si].para
		for _, p := range x.describedBy(si, m) {
			if !contains(d.described, p) {
				d.described = append(d.described, p)
			}
			if !contains(d.paraDescribed[para], p) {
				d.paraDescribed[para] = append(d.paraDescribed[para], p)
			}
		}
	}
	// Ties go to the programme named first, then to the smaller id, so
	// that the answer does not depend on map order.
	best := 0
	for p, n := range d.named {
		if n > best || n == best && (firstAt[p] < firstAt[d.top] || firstAt[p] == firstAt[d.top] && p < d.top) {
			d.top, best = p, n
		}
	}
	if t := x.titleProgramme(); t != "" {
		d.title[t] = true
	}
	if x.in.Title != "" {
		for _, p := range x.describes(foldString(x.in.Title), 0) {
			d.title[p] = true
		}
	}
	return d
}

// describedIn lists the programmes whose descriptions sentence si matches.
func (x *run) describedIn(si int) []string { return x.describedBy(si, nil) }

// describedBy is describedIn given si's mask m, when the caller has it (a
// mask not held would be made again), or nil.
func (x *run) describedBy(si int, m *masked) []string {
	if x.described == nil {
		x.described = map[int][]string{}
		x.describedDone = make([]bool, len(x.sents))
	}
	if x.describedDone[si] {
		return x.described[si]
	}
	x.describedDone[si] = true
	if m == nil {
		m = x.maskOf(si)
	}
	if m == nil {
		return nil
	}
	d := x.describes(m.str, m.orig[0])
	if d != nil {
		x.described[si] = d
	}
	return d
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// decide weighs the readings of figure i with the model and makes rd the
// best one; in training it hands them to collect instead.
func (x *run) decide(si int, s sentence, m *masked, i int, rd *reading, prev []*reading) {
	opts, rulesProg, ok := x.figureOptions(si, m, i, rd, prev, x.extraProgs)
	if !ok {
		return
	}
	fs := x.featureSets(si, m, i, rd, rulesProg, opts)
	if x.collect != nil {
		feats := make([]optFeatures, len(opts))
		for k := range opts {
			feats[k] = fs.option(k)
		}
		x.collect(si, s, m, rd, opts, feats)
	}
	if x.model == nil {
		return
	}
	wd := x.model.weighInto(&x.wdBuf, fs, len(opts))
	if x.traceWeigh != nil {
		x.traceWeigh(fs, wd)
	}
	k := argmax(wd.scores)
	o := opts[k]
	// Only the chosen option is explained, when its reading is kept.
	why := func() string { return x.model.why(wd, k) }
	if o.none() {
		if rd.dropped == "" {
			rd.dropped = "model: no fact (" + why() + ")"
		}
		return
	}
	wasKept := rd.dropped == ""
	if wasKept && rd.prog == o.prog && rd.metric == o.mt && rd.unit == o.unit {
		rd.why = why()
		return
	}
	if rd.metric != o.mt {
		rd.rule = x.nearestRule(m, i, rd, o.mt)
	}
	if rd.prog != o.prog {
		rd.progFrom = "model"
	}
	rd.prog, rd.metric, rd.unit, rd.why = o.prog, o.mt, o.unit, why()
	rd.dropped = ""
	if p := x.r.programme(rd.prog); p != nil && p.countMetric != "" && rd.metric.id == "beneficiaries" {
		if cm := x.r.metric(p.countMetric); cm != nil && cm.units[rd.unit] {
			rd.metric, rd.rule = cm, cm.id+"/count-of-"+p.id
		}
	}
	if !wasKept {
		rd.qualifier = rd.fig.e.Qualifier
		if rd.qualifier == "" {
			rd.qualifier = "exact"
		}
		x.hedge(m, rd)
	}
}

// nearestRule names the rule of mt whose cue stands nearest figure i, or
// "METRIC/model" when none does: the rule a model's reading is credited to.
func (x *run) nearestRule(m *masked, i int, rd *reading, mt *metric) string {
	fig := m.figs[i]
	best, bestDist := "", 1<<30
	for _, ru := range mt.rules {
		if ru.cue == nil {
			continue
		}
		for _, cm := range x.cueMatches(m, ru) {
			d := fig.start - (cm.Index + cm.Length)
			if cm.Index >= fig.end {
				d = cm.Index - fig.end
			}
			if d >= 0 && d < bestDist {
				best, bestDist = ru.name, d
			}
		}
	}
	if best == "" {
		return mt.id + "/model"
	}
	return best + "+model"
}

// describes lists, in the rules' order, the programmes whose descriptions
// match folded text s (offset: where s starts, for warnings).
func (x *run) describes(s string, offset int) []string {
	var out []string
	if x.descMarks == nil {
		x.descMarks = x.r.descSet.marks()
	}
	x.descCands = x.r.descSet.candidates(x.subject(s), x.descMarks, x.descCands[:0])
	var last *programme
	for _, k := range x.descCands {
		d := x.r.descs[k]
		if d.prog == last {
			continue // one of its descriptions matched
		}
		if x.find(d.re, s, d.re.name, offset) != nil {
			out = append(out, d.prog.id)
			last = d.prog
		}
	}
	return out
}

// constraint returns why figure i is no fact whatever the weights, or "":
// people a programme does not reach, another country's figure, a
// distribution's bracket, money no metric counts. Each reason's prefix is
// one of hardDrops.
func (x *run) constraint(m *masked, i int, rd *reading) string {
	switch {
	case x.headCell[[2]int{rd.si, m.figs[i].e.Start}]:
		return "not a fact (a table's header)"
	case x.notReached(m, i):
		return "not a fact (not_reached)"
	case x.foreign(m, i):
		return "not a fact (foreign)"
	case x.otherProgramme(rd.si, m, i):
		return "not a fact (another scheme)"
	case bracket(m, i):
		return "not a fact (a bracket of a distribution)"
	case x.offMetricMoney(m, i, rd):
		return offMetricDrop
	case x.noFactColumn(m, rd):
		return "not a fact (a payslip's deduction or rate, or a source)"
	case x.ownTableCell(m, rd):
		return "not a fact (the writer's own accounts)"
	case conversion(m, i, rd):
		return "not a fact (a conversion)"
	}
	return ""
}

// noFactColumn reports whether rd's figure stands in a table column of
// one wage's deductions and rates (payroll_columns), or of sources and
// notes (note_columns).
func (x *run) noFactColumn(m *masked, rd *reading) bool {
	pc, ok := x.pipe[[2]int{rd.si, rd.fig.e.Start}]
	return ok && (x.r.payrollRe != nil && x.find(x.r.payrollRe, pc.header, "payroll_columns", m.orig[0]) != nil ||
		x.r.noteColsRe != nil && x.find(x.r.noteColsRe, pc.header, "note_columns", m.orig[0]) != nil)
}

// ownTableCell reports whether rd's figure stands in a table one of whose
// heading cells (its caption, its column's header) names the writer's own
// accounts (own_tables).
func (x *run) ownTableCell(m *masked, rd *reading) bool {
	pc, ok := x.pipe[[2]int{rd.si, rd.fig.e.Start}]
	if !ok || x.r.ownTablesRe == nil {
		return false
	}
	for _, h := range pc.heads {
		if x.find(x.r.ownTablesRe, foldString(h.Text), "own_tables", m.orig[0]) != nil {
			return true
		}
	}
	return false
}

// conversion reports whether figure i restates the amount in dirhams just
// before it in another currency, for readers abroad: "2,5 milliards de
// dirhams (230 millions d'euros)", "500 dirhams, soit environ 46 euros".
// The dirhams are the fact; the conversion is the writer's arithmetic.
func conversion(m *masked, i int, rd *reading) bool {
	if i == 0 || rd.unit == "" || rd.unit == "MAD" || !moneyUnits[rd.unit] {
		return false
	}
	p := m.figs[i-1]
	if p.e.Unit != "MAD" || m.clause(p.start) != m.clause(m.figs[i].start) && !parenthesised(m, m.figs[i]) {
		return false
	}
	return conversionGap.MatchString(m.sub(p.end, m.figs[i].start))
}

// conversionGap is what stands between an amount and its conversion:
// "(", ", soit environ", "par mois (" (folded text).
var conversionGap = regexp.MustCompile(`^\s*(par\s+(mois|an|jour|enfant|menage|foyer|personne|tete|famille|eleve|beneficiaire|assure)\s*)?[(,;:–-]?\s*(soit\s+|ou\s+|c'est a dire\s+)?(environ\s+|pres\s+de\s+|quelque\s+|l'equivalent\s+de\s+)?$`)

// offMetricDrop is the reason a reading of money that no metric counts is
// dropped (a hard drop: its prefix is one of hardDrops).
const offMetricDrop = "not a fact: money no metric counts (off_metric)"

// offMetricMoney reports whether figure i is an amount whose subject is
// money no metric counts (money_off_metric: collected, held or owed,
// earned, spent outside the reform): the sentence's fronted topic ("Quant aux
// réserves, elles …") or the nearest such word before it with no cue of
// money paid or spent in between ("Les cotisations reçues se sont
// chiffrées à …"). Such amounts are never facts, whatever the weights:
// the model, which sees these words as features too, learns them from
// too few examples to outweigh a programme named beside the figure.
func (x *run) offMetricMoney(m *masked, i int, rd *reading) bool {
	if x.r.moneyOffRe == nil || !moneyUnits[rd.unit] {
		return false
	}
	if pc, ok := x.pipe[[2]int{rd.si, rd.fig.e.Start}]; ok {
		// A table cell's subject is its column ("Réserves (Mds DH)"), not
		// the row's label, which may name what pays it ("AMO Tadamon
		// (prise en charge des cotisations)").
		return x.find(x.r.moneyOffRe, pc.header, "money_off_metric", m.orig[0]) != nil
	}
	return x.offMetricTopic(m, m.figs[i].start, x.r.moneyOffRe) || x.offMetricNearest(m, i, x.r.moneyOffRe, true) || x.offMetricAfter(m, i)
}

// offMetricAfter reports whether amount i is followed by the money it
// measures, something no metric counts: "1,6 MMDH d'arriérés", "54
// milliards de dirhams de cotisations", "1,2 MMDH de sa réserve".
func (x *run) offMetricAfter(m *masked, i int) bool {
	fig := m.figs[i]
	after := strings.TrimLeft(m.sub(fig.end, fig.end+40), " ")
	switch {
	case strings.HasPrefix(after, "de "):
		after = after[len("de "):]
	case strings.HasPrefix(after, "d'"):
		after = after[len("d'"):]
	default:
		return false
	}
	om := x.find(x.r.moneyOffRe, after, "money_off_metric", m.orig[0])
	if om == nil || om.RuneIndex != 0 {
		return false
	}
	if w := om.String(); !strings.HasPrefix(w, "cotis") && !strings.HasPrefix(w, "contrib") {
		// ("paie 1.500 dirhams de loyer": paid, and still no metric's.)
		return true
	}
	// "l'État a versé 9,5 milliards de cotisations pour les assurés":
	// contributions paid for someone are money paid.
	from := m.clauseStart(fig.start)
	return !x.moneyCue(m, false, func(_ *rule, cm span) bool {
		return cm.Index >= from && cm.Index+cm.Length <= fig.start
	})
}

// rateNoShare reports whether percentage i is a rate of change or a
// macro-economic rate that its metric's reject cannot see: a change
// towards a level of another kind ("ont augmenté de 9 % à 4,5 millions":
// the reject keeps "de 18 % à 27 %", a share reached), or the next of
// an enumeration whose first rate is one of change ("en hausse de 5 % sur
// un an et de 3 % en moyenne", "un déficit de 4 % en 2024, de 3,5 % en
// 2025"); not of one whose first share was dropped for another reason
// ("36 % dans les villes et 8 % à la campagne").
func (x *run) rateNoShare(m *masked, i int, prev []*reading) bool {
	fig := m.figs[i]
	if fig.e.Kind != normalize.Percent {
		return false
	}
	if i+1 < len(m.figs) && m.figs[i+1].e.Kind != normalize.Percent {
		if to := strings.TrimSpace(m.sub(fig.end, m.figs[i+1].start)); to == "a" || to == "au" {
			before := lastRunes(m.sub(m.clauseStart(fig.start), fig.start), tailLen)
			if strings.HasSuffix(before, "de ") && x.find(x.r.changesRe, before, "changes", m.orig[0]) != nil {
				return true
			}
		}
	}
	if i > 0 && m.figs[i-1].e.Kind == normalize.Percent && prev[i-1] != nil && prev[i-1].dropped != "" && enumNext.MatchString(m.sub(m.figs[i-1].end, fig.start)) {
		// The rate before was dropped as a rate of change, or for another
		// reason where share's reject would have refused it too ("en
		// hausse de 2 % sur un an", dropped for want of a cue).
		if strings.HasPrefix(prev[i-1].dropped, "rejected by") {
			return true
		}
		sh := x.shareMetric()
		if sh != nil && sh.reject != nil && x.findR(sh.reject, m.withFocus(i-1), sh.what, m.orig[0]) != nil {
			return true
		}
		return x.rateNoShare(m, i-1, prev) // down the enumeration
	}
	return false
}

// enumNext is the text between two figures of one enumeration of rates:
// "…, de", "… et de", with a date or a few words between.
var enumNext = regexp.MustCompile(`^[^.;:]{0,60}?(,|\bet|\bpuis)\s+(de\s+|d')?(plus\s+de\s+|pres\s+de\s+)?$`)

// bareMoney reports whether rd's figure is a bare number of a hundred
// million or more, which counts no people (no count reaches it: the
// metrics' max_value): dirhams left unsaid.
func bareMoney(rd *reading) bool {
	return rd.fig.e.Kind == normalize.Number && rd.fig.e.Unit == "" && rd.fig.e.Value >= bareMoneyMin
}

// bareMoneyMin is the least bare number read as money: twice the largest
// count of people a metric allows (50 million, in a country of 37).
const bareMoneyMin = 1e8

// notReached reports whether count i counts people a programme does not
// reach (not_reached); a percentage so followed is the share not covered,
// a fact.
func (x *run) notReached(m *masked, i int) bool {
	if x.r.notReachedRe == nil || m.figs[i].e.Kind == normalize.Percent {
		return false
	}
	return x.findR(x.r.notReachedRe, m.withFocus(i), "not_reached", m.orig[0]) != nil
}

// foreign reports whether figure i is another country's: its sentence
// names one before it with no word of Morocco between (foreign,
// domestic), or its clause names one after it.
func (x *run) foreign(m *masked, i int) bool {
	if x.r.foreignRe == nil {
		return false
	}
	fig := m.figs[i]
	after := m.sub(fig.end, m.clauseEnd(fig.end))
	if x.r.domesticRe != nil && x.find(x.r.domesticRe, after, "domestic", m.orig[0]) != nil {
		return false // "…, contre 4 millions de ménages au Maroc"
	}
	from := max(0, fig.start-150)
	last := -1
	for _, f := range x.all(x.r.foreignRe, m.sub(from, fig.start), "foreign", m.orig[0]) {
		last = from + f.RuneIndex + f.RuneLength
	}
	if last >= 0 && (x.r.domesticRe == nil || x.find(x.r.domesticRe, m.sub(last, fig.start), "domestic", m.orig[0]) == nil) {
		return true
	}
	return x.find(x.r.foreignRe, after, "foreign", m.orig[0]) != nil
}

// otherProgramme reports whether figure i's sentence, up to the end of
// the figure's clause, names a scheme that is not one of the taxonomy's
// programmes (other_programmes) and none of ours (an agency aside):
// "8.400 familles ont bénéficié du programme d'aide au logement" is the
// housing programme's figure, even in an article about the direct aid. A
// name of ours in a later clause does not claim the figure ("…, 2 millions
// pour le plan X, ajoutant que l'AMO …").
func (x *run) otherProgramme(si int, m *masked, i int) bool {
	if x.r.otherProgsRe == nil {
		return false
	}
	if x.others == nil {
		x.others = make([]otherNames, len(x.sents))
	}
	o := &x.others[si]
	if !o.read {
		*o = otherNames{read: true, scheme: -1, ours: -1}
		if f := x.find(x.r.otherProgsRe, m.str, "other_programmes", m.orig[0]); f != nil {
			o.scheme = f.RuneIndex
		}
		for _, mn := range x.mentions[si] {
			if mn.tier != weak && (o.ours < 0 || mn.start < o.ours) {
				o.ours = mn.start
			}
		}
	}
	end := m.clauseEnd(m.figs[i].end)
	return o.scheme >= 0 && o.scheme < end && (o.ours < 0 || o.ours >= end)
}

// otherNames is where a sentence first names another scheme and first
// names one of ours (rune offsets, -1: nowhere), once read.
type otherNames struct {
	read         bool
	scheme, ours int
}

// bracket reports whether range i is a bracket of a distribution that a
// percentage just before it shares out ("19 % des pensionnés touchent une
// pension entre 500 et 1.000 DH, 35 % entre 1.000 et 1.500 DH"): the
// percentages are the facts, the brackets their classes.
func bracket(m *masked, i int) bool {
	fig := m.figs[i]
	if fig.e.ValueMax == nil {
		return false
	}
	if !strings.HasPrefix(strings.ToLower(fig.e.Text), "entre ") && !strings.HasSuffix(m.sub(max(0, fig.start-8), fig.start), "entre ") {
		return false
	}
	for j := i - 1; j >= 0 && m.figs[j].end >= fig.start-100; j-- {
		if m.figs[j].e.Kind == normalize.Percent {
			return true
		}
	}
	return false
}
