package extract

// This file: what the model sees of a reading. Each option of a figure
// (candidates.go) is described by named features: where its programme is
// named and how far, whether the title, the paragraph's topic or a
// description points at it, which cue of its metric stands near and in
// which clause, the words around the figure. The names are the model's
// vocabulary: model files map them to weights, and explanations turn them
// back into words.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faits/faits/normalize"
)

// optFeatures are the features of one option.
type optFeatures []string

// figureFeatures describes every option of figure i.
func (x *run) figureFeatures(si int, m *masked, i int, rd *reading, rulesProg string, opts []option) []optFeatures {
	fs := x.featureSets(si, m, i, rd, rulesProg, opts)
	out := make([]optFeatures, len(opts))
	for k := range opts {
		out[k] = fs.option(k)
	}
	return out
}

// featureSets are the features of a figure's options by parts: an
// option's features are those of its programme (then the words around the
// figure paired with it), then those of its metric (then the nearer words
// paired with it), then its own (tail). The parts are computed once and
// shared by the options that pair them, so that the model weighs each part
// once (Model.bestOf) and the list of an option is written out only when
// it is wanted (training, and the why of the chosen option).
type featureSets struct {
	none   []string // "no fact"
	progs  [][]string
	progID []string // the programme of each part of progs
	mets   [][]string
	metID  []string // the metric of each part of mets
	tails  [][]string
	progOf []int // per option, its programme's part (-1: "no fact")
	metOf  []int
	// pWords and mWords are the words paired with the programme
	// ("pw:WORD|PROG") and with the metric ("mw:WORD|METRIC").
	pWords, mWords []string
}

// Prefixes of the features that pair a word around the figure with a
// programme or a metric: prefix + word + "|" + id.
const (
	progWordPrefix   = "pw:"
	metricWordPrefix = "mw:"
)

// option returns the features of option k.
func (fs *featureSets) option(k int) optFeatures {
	if fs.progOf[k] < 0 {
		return fs.none
	}
	pi, mi := fs.progOf[k], fs.metOf[k]
	pf, mf, tf := fs.progs[pi], fs.mets[mi], fs.tails[k]
	f := make(optFeatures, 0, len(pf)+len(fs.pWords)+len(mf)+len(fs.mWords)+len(tf))
	f = append(f, pf...)
	f = appendWordFeatures(f, progWordPrefix, fs.pWords, fs.progID[pi])
	f = append(f, mf...)
	f = appendWordFeatures(f, metricWordPrefix, fs.mWords, fs.metID[mi])
	return append(f, tf...)
}

func appendWordFeatures(f []string, prefix string, words []string, id string) []string {
	for _, w := range words {
		f = append(f, prefix+w+"|"+id)
	}
	return f
}

// featureSets describes every option of figure i by parts.
func (x *run) featureSets(si int, m *masked, i int, rd *reading, rulesProg string, opts []option) *featureSets {
	words := figureWords(m, i, 6)
	sentWords := figureWords(m, i, 12)
	if hw := x.cellWords(rd); hw != nil {
		words, sentWords = hw, append(sentWords, hw...)
	}

	ctx := x.sentContext(si)
	fs := x.newFeatureSets(len(opts))
	// A placeholder (another figure, a number, a date) says nothing of
	// which programme a figure is about: paired with programmes it only
	// lets the model learn where figures happened to stand.
	fs.pWords, fs.mWords = slices.DeleteFunc(sentWords, placeholderWord), words
	noneDone := false
	for k, o := range opts {
		if o.none() {
			if !noneDone {
				fs.none = x.noneFeatures(fs.none[:0], m, i, rd, words)
				noneDone = true
			}
			fs.progOf[k], fs.metOf[k] = -1, -1
			continue
		}
		// (A figure has a few programmes and metrics: found by a scan.)
		pi := slices.Index(fs.progID, o.prog)
		if pi < 0 {
			pi = len(fs.progs)
			fs.progs = append(fs.progs, x.progFeatures(spare(fs.progs), si, m, i, rd, rulesProg, o.prog, ctx))
			fs.progID = append(fs.progID, o.prog)
		}
		mi := slices.Index(fs.metID, o.mt.id)
		if mi < 0 {
			mi = len(fs.mets)
			fs.mets = append(fs.mets, x.metricFeatures(spare(fs.mets), m, i, rd, o.mt))
			fs.metID = append(fs.metID, o.mt.id)
		}
		fs.progOf[k], fs.metOf[k] = pi, mi
		fs.tails[k] = x.optionFeatures(o, o.prog == rulesProg && rd.metric == o.mt)
		if moneyUnits[o.unit] && bareMoney(rd) {
			fs.tails[k] = append(fs.tails[k][:len(fs.tails[k]):len(fs.tails[k])], "o:bare_money")
		}
	}
	x.tableFeatures(rd, opts, fs)
	return fs
}

// newFeatureSets returns empty feature sets for n options. Outside
// training, where no one keeps them past the figure, they are the run's,
// reused figure after figure with the lists they hold (see spare);
// training keeps every figure's, so it is given new ones.
func (x *run) newFeatureSets(n int) *featureSets {
	if x.collect != nil {
		return &featureSets{tails: make([][]string, n), progOf: make([]int, n), metOf: make([]int, n)}
	}
	fs := &x.fsBuf
	fs.none = fs.none[:0]
	fs.progs, fs.progID = fs.progs[:0], fs.progID[:0]
	fs.mets, fs.metID = fs.mets[:0], fs.metID[:0]
	fs.tails = slices.Grow(fs.tails[:0], n)[:n]
	fs.progOf = slices.Grow(fs.progOf[:0], n)[:n]
	fs.metOf = slices.Grow(fs.metOf[:0], n)[:n]
	clear(fs.tails)
	return fs
}

// spare is the list a reused featureSets held at the next place of list,
// emptied, for the next part to be written into; nil when there is none.
func spare(list [][]string) []string {
	if len(list) < cap(list) {
		return list[: len(list)+1 : len(list)+1][len(list)][:0]
	}
	return nil
}

// optionFeatures are the features of an option's pair: how often its
// programme has its metric, its metric its unit, and whether the rules
// read it so. The strings are made once for each pair the rules meet,
// and shared by every run (the pairs are few: programmes × metrics ×
// units).
func (x *run) optionFeatures(o option, rules bool) []string {
	var f []string
	if v, ok := x.r.pairFeats.Load(o); ok {
		f = v.([]string)
	} else {
		f = []string{"pm:" + o.prog + "|" + o.mt.id, "mu:" + o.mt.id + "|" + o.unit, "rules:both"}
		x.r.pairFeats.Store(o, f)
	}
	if !rules {
		return f[:2:2]
	}
	return f
}

// progFeatures describes programme p for figure i of sentence si (the
// words around the figure paired with p are added by featureSets).
func (x *run) progFeatures(dst []string, si int, m *masked, i int, rd *reading, rulesProg, p, ctx string) []string {
	fig := m.figs[i]
	f := dst
	if f == nil {
		f = make([]string, 0, 24) // room for them all: a figure has many programmes
	}
	if pr := x.r.programme(p); pr != nil {
		f = append(f, pr.featID)
	} else {
		f = append(f, "p:id="+p)
	}
	if p == rulesProg {
		f = append(f, "p:rules")
		if rd.dropped == "" {
			f = append(f, "p:rules_from="+rd.progFrom)
		}
	}
	var best *mention
	bestDist := 1 << 30
	for k := range x.mentions[si] {
		mn := &x.mentions[si][k]
		if mn.prog != p {
			continue
		}
		d := mn.start - fig.end
		if mn.end <= fig.start {
			d = fig.start - mn.end
		}
		if d < 0 {
			d = 0
		}
		if best == nil || mn.tier < best.tier || mn.tier == best.tier && d < bestDist {
			best, bestDist = mn, d
		}
	}
	if best == nil {
		f = append(f, "p:unnamed")
	} else {
		where := 1 // sentence
		if m.clause(best.start) == m.clause(fig.start) {
			where = 0 // clause
		}
		side := "p:named.after"
		between := false
		if best.end <= fig.start {
			side = "p:named.before"
			between = x.figureBetween(m, best.end, fig.start)
		} else {
			between = x.figureBetween(m, fig.end, best.start)
		}
		nf := &namedFeats[best.tier]
		f = append(f, nf.tier, nf.where[where], side, pNamedDist[distIdx(bestDist)])
		if between {
			f = append(f, "p:named.figure_between")
		}
		cond, desc, reg := x.mentionRole(si, m, best)
		if cond {
			f = append(f, "p:named.as_condition")
		}
		if reg {
			f = append(f, "p:named.registered_in")
		}
		if desc {
			f = append(f, "p:named.describes_people")
		}
		if best.start >= fig.end && x.complementOf(m, rd, best) {
			f = append(f, "p:named.complement")
		}
		if best.end <= fig.start && relativeLead.MatchString(m.sub(best.end, fig.start)) {
			f = append(f, "p:named.antecedent")
		}
	}
	for _, mn := range x.countNames[si] {
		// "3 millions de travailleurs non salariés": the people counted
		// are named by the programme's name.
		if mn.prog == p && mn.start >= fig.end && mn.start-fig.end <= 4 {
			f = append(f, "p:named_after_count")
			break
		}
	}
	for _, mn := range x.mentions[si] {
		if mn.tier == weak && mn.prog != p {
			if pr := x.r.programme(mn.prog); pr != nil && pr.covers[p] {
				f = append(f, "p:agency_covers")
				break
			}
		}
	}
	d := x.doc()
	if p == ctx {
		f = append(f, "p:context")
	}
	if d.title[p] {
		f = append(f, "p:title")
	}
	if p == d.top {
		f = append(f, "p:doc_top")
	}
	f = append(f, pDocNamed[countIdx(d.named[p])])
	if contains(x.describedIn(si), p) {
		f = append(f, "p:described.sentence")
	} else if contains(d.paraDescribed[x.sents[si].para], p) {
		f = append(f, "p:described.paragraph")
	}
	if k := x.kept[si]; len(k) > 0 && k[len(k)-1].prog == p {
		f = append(f, "p:figure_before")
	}
	if si > 0 {
		for _, r := range x.kept[si-1] {
			if r.prog == p {
				f = append(f, "p:sentence_before")
				break
			}
		}
	}
	return f
}

// relativeLead opens a relative clause right after a name: the figure
// the clause holds is said of that name ("…au RAMED, qui comptait alors
// 10,6 millions de bénéficiaires"; folded text).
var relativeLead = regexp.MustCompile(`^\s*,?\s*(qui|dont|lequel|laquelle|lesquels|lesquelles)\b`)

// complementOf reports whether mention mn follows figure rd and its noun
// with only a preposition between: "3,1 millions de foyers pour le RSU,
// et 14,2 millions de citoyens au RNP" pairs each count with its name.
func (x *run) complementOf(m *masked, rd *reading, mn *mention) bool {
	between := strings.TrimSpace(m.sub(max(rd.fig.end, rd.nounEnd), mn.start))
	switch between {
	case "", "au", "a la", "a l'", "aux", "du", "de la", "de l'", "des", "pour le", "pour la", "pour l'", "dans le", "dans la":
		return true
	}
	return false
}

// mentionRole reports whether the words before mention mn of sentence si
// make it a condition ("pour bénéficier de X") or say who the people are
// ("les familles bénéficiaires de X"): read once per mention, however many
// figures and programmes ask.
func (x *run) mentionRole(si int, m *masked, mn *mention) (cond, desc, reg bool) {
	const (
		known = 1 << iota
		isCond
		isDesc
		isReg
	)
	if x.roles == nil {
		x.roles = make([][]uint8, len(x.sents))
	}
	if x.roles[si] == nil {
		x.roles[si] = make([]uint8, len(x.mentions[si]))
	}
	k := 0
	for k < len(x.mentions[si]) && &x.mentions[si][k] != mn {
		k++
	}
	r := x.roles[si][k]
	if r&known == 0 {
		r = known
		before := m.sub(mn.start-40, mn.start)
		if x.r.conditionRe != nil && x.find(x.r.conditionRe, before, "conditions", m.orig[0]) != nil {
			r |= isCond
		}
		if x.r.describedRe != nil && x.find(x.r.describedRe, before, "described", m.orig[0]) != nil {
			r |= isDesc
		}
		if x.r.registeredRe != nil && x.find(x.r.registeredRe, before, "registered_in", m.orig[0]) != nil {
			r |= isReg
		}
		x.roles[si][k] = r
	}
	return r&isCond != 0, r&isDesc != 0, r&isReg != 0
}

// metricFeatures describes metric mt for figure i (the words near the
// figure paired with mt are added by featureSets).
func (x *run) metricFeatures(dst []string, m *masked, i int, rd *reading, mt *metric) []string {
	fig := m.figs[i]
	f := dst
	if f == nil {
		f = make([]string, 0, 16)
	}
	f = append(f, mt.featID)
	if rd.dropped == "" && rd.metric == mt {
		f = append(f, "m:rules", "m:rule="+ruleBase(rd.rule))
	} else if rd.dropped != "" {
		f = append(f, "m:"+mt.id+"|dropped="+dropClass(rd.dropped))
	}
	if rd.explicit {
		f = append(f, mt.featNoun)
	}
	if mt.isDefault {
		f = append(f, "m:default")
	}
	// The nearest cue of the metric, as metricOf measures it.
	bestSame, bestDist, bestGeneric, bestSide, found := false, 1<<30, false, "", false
	focus := []rune(nil)
	for _, ru := range mt.rules {
		if ru.pattern != nil {
			if focus == nil {
				focus = m.withFocus(i)
			}
			for _, pm := range x.allR(ru.pattern, focus, ru.name, m.orig[0]) {
				if pm.RuneIndex <= fig.start && fig.end <= pm.RuneIndex+pm.RuneLength {
					f = append(f, "m:pattern")
					break
				}
			}
			continue
		}
		for _, cm := range x.cueMatches(m, ru) {
			a, b := cm.Index, cm.Index+cm.Length
			var dist int
			side := "before"
			switch {
			case b <= fig.start:
				dist = fig.start - b
			case a >= fig.end:
				dist, side = a-max(rd.nounEnd, fig.end), "after"
				if dist < 0 {
					dist = 0
				}
			default:
				continue
			}
			same := m.clause(a) == m.clause(fig.start)
			if !found || same && !bestSame || same == bestSame && dist < bestDist {
				bestSame, bestDist, bestGeneric, bestSide, found = same, dist, ru.generic, side, true
			}
		}
	}
	if found {
		where := 1 // sentence
		if bestSame {
			where = 0 // clause
		}
		side := "m:cue.before"
		if bestSide == "after" {
			side = "m:cue.after"
		}
		f = append(f, mCue[where], mCueDist[where][distIdx(bestDist)], side)
		if bestGeneric {
			f = append(f, "m:cue.generic")
		}
	} else {
		f = append(f, "m:no_cue")
	}
	return f
}

// noneFeatures describes "no fact" for figure i.
func (x *run) noneFeatures(dst []string, m *masked, i int, rd *reading, words []string) []string {
	e := m.figs[i].e
	f := slices.Grow(dst, 12+len(words))
	f = append(f, "n:bias", nKind[kindIdx(e.Kind)])
	if rd.dropped != "" {
		f = append(f, "n:dropped="+dropClass(rd.dropped))
	} else {
		f = append(f, "n:rules_kept")
	}
	if rd.unit != "" {
		f = append(f, "n:unit="+rd.unit)
	} else {
		f = append(f, "n:no_unit")
	}
	f = append(f, nValue[magnitudeIdx(e.Value)])
	if x.doc().top == "" {
		f = append(f, "n:doc_names_none")
	}
	if parenthesised(m, m.figs[i]) {
		f = append(f, "n:parenthesised")
	}
	if x.r.offMetricRe != nil {
		fig := m.figs[i]
		if x.find(x.r.offMetricRe, m.sub(max(m.clauseStart(fig.start), fig.start-60), fig.start), "off_metric", m.orig[0]) != nil {
			f = append(f, "n:off_metric.before")
		}
		if rd.unit != "" && moneyUnits[rd.unit] && x.offMetricNearest(m, i, x.r.offMetricRe, false) {
			f = append(f, "n:off_metric.nearest")
		}
		if x.find(x.r.offMetricRe, m.sub(max(fig.end, rd.nounEnd), max(fig.end, rd.nounEnd)+25), "off_metric", m.orig[0]) != nil {
			f = append(f, "n:off_metric.after")
		}
		if x.offMetricTopic(m, fig.start, x.r.offMetricRe) {
			f = append(f, "n:off_metric.topic")
		}
	}
	if x.listItem(m, i) {
		f = append(f, "n:list_item")
	}
	for _, w := range words {
		f = append(f, "nw:"+w)
	}
	return f
}

// offMetricNearest reports whether, before amount i in its sentence, a word
// for what no metric counts stands nearer than any specific cue of a
// metric of money: the subject an amount is said of often stands clauses
// away ("Les cotisations encaissées par le régime ont, cette année
// encore, progressé pour atteindre …"; "Quant aux réserves du fonds,
// elles s'élèvent à …"), while "les pensions versées ont atteint …" names
// money paid. words is off_metric (a feature) or money_off_metric (with strict:
// the constraint, which also lets a generic cue heading the figure stand
// in the way, "des dépenses de FIG", and passes over a word in
// parentheses, "… pour le régime (entreprises publiques) et …").
func (x *run) offMetricNearest(m *masked, i int, words *pattern, strict bool) bool {
	fig := m.figs[i]
	before := m.sub(0, fig.start)
	off := -1
	for _, om := range x.all(words, before, words.name, m.orig[0]) {
		end := om.RuneIndex + om.RuneLength
		if rest := before[byteIndex(before, end):]; strict && strings.Count(rest, ")") > strings.Count(rest, "(") {
			continue
		}
		off = max(off, end)
	}
	if off < 0 {
		return false
	}
	if strict {
		// A count stands between: the word is its subject ("la condition
		// de cotisation, ramenée de 780 à 260 jours, et le plafond de
		// l'aide, qui atteindra FIG"). An amount or a rate between does
		// not stop it ("le solde du fonds atteint A, auxquels s'ajoutent
		// FIG"; "les recettes ont crû de 5 % pour atteindre FIG").
		for _, o := range m.figs {
			if o.start >= off && o.end <= fig.start && o.e.Kind != normalize.Money && o.e.Kind != normalize.Percent {
				return false
			}
		}
	}
	// A cue right after the word qualifies it ("les cotisations reçues",
	// "les contributions versées par l'État"): the money is still what
	// no metric counts.
	participle := off + 2
	for participle < fig.start && isWordRune(m.at(participle)) {
		participle++
	}
	return !x.moneyCue(m, strict, func(ru *rule, cm span) bool {
		e := cm.Index + cm.Length
		if e > fig.start || e <= off || cm.Index <= participle {
			return false
		}
		return !ru.generic || headsFigure(m.sub(e, fig.start))
	})
}

// moneyCue reports whether some cue of a metric of money (generic ones
// too when generic is set) matches in m where found says so.
func (x *run) moneyCue(m *masked, generic bool, found func(ru *rule, cm span) bool) bool {
	for _, mt := range x.r.metrics {
		if !mt.units["MAD"] {
			continue
		}
		for _, ru := range mt.rules {
			if ru.cue == nil || ru.generic && !generic {
				continue
			}
			for _, cm := range x.cueMatches(m, ru) {
				if found(ru, cm) {
					return true
				}
			}
		}
	}
	return false
}

// headsFigure reports whether the text between a noun and a figure makes
// the figure its complement: "des dépenses globales de FIG", "un coût de
// FIG", "le montant d'FIG".
func headsFigure(between string) bool {
	f := strings.Fields(between)
	if len(f) == 0 {
		return true // "le texte mobilise FIG"
	}
	if len(f) > 3 {
		return false
	}
	last := f[len(f)-1]
	return last == "de" || strings.HasSuffix(last, "d'") || (len(f) >= 2 && f[len(f)-2] == "de" && (last == "plus" || last == "pres"))
}

// byteIndex is the byte offset of rune offset r in s.
func byteIndex(s string, r int) int {
	for b := range s {
		if r == 0 {
			return b
		}
		r--
	}
	return len(s)
}

// offMetricTopic reports whether the sentence's fronted topic, before
// rune offset at, has a word of words (off_metric or money_off_metric):
// "Concernant les déficits cumulés, ils ont totalisé …".
func (x *run) offMetricTopic(m *masked, at int, words *pattern) bool {
	if x.r.topicRe == nil || words == nil {
		return false
	}
	t := x.find(x.r.topicRe, m.sub(0, at), "topic", m.orig[0])
	if t == nil {
		return false
	}
	return x.find(words, t.String(), words.name, m.orig[0]) != nil
}

var tierName = map[tier]string{specific: "specific", generic: "generic", weak: "weak"}

// The features made of a fixed word and a bucket are written out once
// here, not for every figure and option.
var (
	distNames      = [...]string{"0-5", "6-20", "21-50", "51+"}
	countNames     = [...]string{"0", "1", "2-3", "4+"}
	magnitudeNames = [...]string{"<100", "<1e4", "<1e6", "<1e9", ">=1e9"}
	kindNames      = [...]string{"money", "percent", "count"}
	whereNames     = [...]string{"clause", "sentence"}

	pNamedDist [len(distNames)]string
	pDocNamed  [len(countNames)]string
	nValue     [len(magnitudeNames)]string
	nKind      [len(kindNames)]string
	mCue       [len(whereNames)]string
	mCueDist   [len(whereNames)][len(distNames)]string
	// namedFeats[t] are "p:named.<tier>" and its ".clause", ".sentence".
	namedFeats [weak + 1]struct {
		tier  string
		where [len(whereNames)]string
	}
)

func init() {
	for i, d := range distNames {
		pNamedDist[i] = "p:named.dist=" + d
	}
	for i, c := range countNames {
		pDocNamed[i] = "p:doc_named=" + c
	}
	for i, v := range magnitudeNames {
		nValue[i] = "n:value=" + v
	}
	for i, k := range kindNames {
		nKind[i] = "n:kind=" + k
	}
	for w, wn := range whereNames {
		mCue[w] = "m:cue." + wn
		for i, d := range distNames {
			mCueDist[w][i] = "m:cue." + wn + ".dist=" + d
		}
	}
	for t := range namedFeats {
		tn := tierName[tier(t)]
		namedFeats[t].tier = "p:named." + tn
		for w, wn := range whereNames {
			namedFeats[t].where[w] = "p:named." + tn + "." + wn
		}
	}
}

func distIdx(d int) int {
	switch {
	case d <= 5:
		return 0
	case d <= 20:
		return 1
	case d <= 50:
		return 2
	}
	return 3
}

func countIdx(n int) int {
	switch {
	case n == 0:
		return 0
	case n == 1:
		return 1
	case n <= 3:
		return 2
	}
	return 3
}

func magnitudeIdx(v float64) int {
	switch {
	case v < 100:
		return 0
	case v < 1e4:
		return 1
	case v < 1e6:
		return 2
	case v < 1e9:
		return 3
	}
	return 4
}

func kindIdx(k normalize.Kind) int {
	switch k {
	case normalize.Money:
		return 0
	case normalize.Percent:
		return 1
	}
	return 2
}

// dropClass is the reason of a drop without its particulars ("unit child
// not counted by budget" → "unit not counted").
func dropClass(reason string) string {
	switch {
	case strings.HasPrefix(reason, "unit "):
		return "unit_not_counted"
	case strings.HasPrefix(reason, "rejected by"):
		return "rejected"
	case strings.HasPrefix(reason, "model"):
		return "model"
	}
	if k := strings.IndexAny(reason, ":("); k > 0 {
		reason = reason[:k]
	}
	return strings.ReplaceAll(strings.TrimSpace(reason), " ", "_")
}

// ruleBase is a rule's name without the marks of how it was reached
// ("amount_paid/verse+pronoun" → "amount_paid/verse").
func ruleBase(rule string) string {
	if k := strings.IndexByte(rule, '+'); k > 0 {
		return rule[:k]
	}
	return rule
}

// figureWords returns the words within n words of figure i, folded, with
// the placeholders of other figures and dates kept as FIG, NUM and DAT,
// each marked with its side ("<" before the figure, ">" after) so that
// "versés 4 millions" and "4 millions versés" stay apart.
func figureWords(m *masked, i int, n int) []string {
	// The words of the n*12 runes on each side, as wordsOf splits them (a
	// word cut by the edge of that window is cut alike), read in place
	// from the nearest outwards and stopped at the n-th.
	fig := m.figs[i]
	out := make([]string, 0, 2*n)
	var buf []byte
	add := func(a, b int, side byte) bool {
		buf = append(buf[:0], side)
		for j := a; j < b; j++ {
			buf = utf8.AppendRune(buf, m.at(j))
		}
		if len(buf)-1 < 3 || stopWords[string(buf[1:])] {
			return false
		}
		out = append(out, string(buf))
		return true
	}
	lo := max(0, fig.start-n*12)
	for b := fig.start; b > lo && len(out) < n; {
		for b > lo && !isWordRune(m.at(b-1)) {
			b--
		}
		a := b
		for a > lo && isWordRune(m.at(a-1)) {
			a--
		}
		if a < b {
			add(a, b, '<')
		}
		b = a
	}
	slices.Reverse(out)
	hi := min(m.n(), fig.end+n*12)
	for a, k := fig.end, 0; a < hi && k < n; {
		for a < hi && !isWordRune(m.at(a)) {
			a++
		}
		b := a
		for b < hi && isWordRune(m.at(b)) {
			b++
		}
		if a < b && add(a, b, '>') {
			k++
		}
		a = b
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordsOf splits folded text into words of two letters or more (l', d'
// and the like are dropped: they say little and are many).
func wordsOf(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) >= 3 && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// placeholderWord reports whether a word of figureWords is the mask of
// another figure, a number or a date.
func placeholderWord(w string) bool {
	if w == "" {
		return false
	}
	w = w[1:] // the side mark
	return w == tokFig || w == tokNum || w == tokDate
}

// stopWords are words too common to say anything of a figure.
var stopWords = set("les", "des", "une", "est", "qui", "que", "par", "sur", "pour", "dans", "aux", "avec", "ont", "son", "ses", "leur", "leurs", "cette", "ces", "mais", "elle", "ils", "elles", "sont", "ete", "plus", "entre")

// featureText says in words what a feature says, for explanations.
func featureText(f string) string {
	key, arg, _ := strings.Cut(f, "=")
	switch {
	case strings.HasPrefix(f, "pw:") || strings.HasPrefix(f, "mw:") || strings.HasPrefix(f, "nw:"):
		w := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(f, "pw:"), "mw:"), "nw:")
		w, _, _ = strings.Cut(w, "|")
		if strings.HasPrefix(w, "<") {
			return "«" + w[1:] + "» before the figure"
		}
		if strings.HasPrefix(w, "^") {
			return "«" + w[1:] + "» in the table's headers"
		}
		return "«" + strings.TrimPrefix(w, ">") + "» after the figure"
	case strings.HasPrefix(f, "pm:"):
		return "how often this programme has this metric"
	case strings.HasPrefix(f, "mu:"):
		return "how often this metric counts this unit"
	case strings.HasPrefix(f, "m:rule="):
		return "the rule " + strings.TrimPrefix(f, "m:rule=") + " matched"
	case strings.Contains(f, "|dropped="):
		return "the rules found no reading (" + f[strings.Index(f, "=")+1:] + ")"
	case strings.HasSuffix(f, "|noun"):
		return "a unit noun follows the figure"
	case strings.HasPrefix(f, "p:named.dist="):
		return "the programme is named " + arg + " characters away"
	case strings.HasPrefix(f, "p:doc_named="):
		return "the article names the programme " + arg + " times"
	case strings.HasPrefix(f, "p:id=") || strings.HasPrefix(f, "m:id="):
		return "how often " + arg + " is right"
	}
	if t, ok := featureWords[key]; ok {
		return t
	}
	if strings.Contains(key, ".dist") {
		base := key[:strings.Index(key, ".dist")]
		if t, ok := featureWords[base]; ok {
			return t + ", " + arg + " characters away"
		}
	}
	if key == "p:rules_from" || key == "n:dropped" || key == "n:kind" || key == "n:unit" || key == "n:value" {
		return featureWords[key] + " " + arg
	}
	return f
}

// featureWords are the words for the features that take no argument.
var featureWords = map[string]string{
	"rules:both":                "the rules read it so",
	"p:rules":                   "the rules' choice of programme",
	"p:rules_from":              "the rules took the programme from",
	"p:unnamed":                 "the sentence does not name the programme",
	"p:named.specific":          "the sentence names the programme",
	"p:named.generic":           "the sentence uses an umbrella word for it",
	"p:named.weak":              "the sentence names its agency",
	"p:named.specific.clause":   "the programme is named in the figure's clause",
	"p:named.specific.sentence": "the programme is named in the sentence",
	"p:named.generic.clause":    "an umbrella word in the figure's clause",
	"p:named.generic.sentence":  "an umbrella word in the sentence",
	"p:named.weak.clause":       "the agency is named in the figure's clause",
	"p:named.weak.sentence":     "the agency is named in the sentence",
	"p:named.before":            "the name comes before the figure",
	"p:named.after":             "the name comes after the figure",
	"p:named.figure_between":    "another figure stands between name and figure",
	"p:named.complement":        "the name follows the figure and its noun as their complement («… de personnes au X»)",
	"p:named.registered_in":     "the name follows «inscrits au» (a register's count, or a condition for an aid)",
	"p:named.as_condition":      "the name is only a condition (to qualify for something else)",
	"p:named.antecedent":        "the figure is in a relative clause on the name («X, qui compte…»)",
	"p:named_after_count":       "the people counted are named by the programme («3 millions de travailleurs non salariés»)",
	"p:named.describes_people":  "the name only says who the people are",
	"p:agency_covers":           "an agency that runs the programme is named",
	"p:context":                 "the sentences before are about it",
	"p:title":                   "the title names or describes it",
	"p:doc_top":                 "the programme the article names most",
	"p:described.sentence":      "the sentence describes what the programme gives",
	"p:described.paragraph":     "the paragraph describes what the programme gives",
	"p:figure_before":           "the figure before in the sentence has it",
	"p:sentence_before":         "a figure of the sentence before has it",
	"m:rules":                   "the rules' choice of metric",
	"m:default":                 "the metric its unit usually has",
	"m:pattern":                 "a pattern of the metric covers the figure",
	"m:cue.clause":              "a cue of the metric in the figure's clause",
	"m:cue.sentence":            "a cue of the metric in the sentence",
	"m:cue.before":              "the cue comes before the figure",
	"m:cue.after":               "the cue comes after the figure",
	"m:cue.generic":             "the cue is a generic word",
	"m:no_cue":                  "no cue of the metric in the sentence",
	"n:bias":                    "most figures are no fact",
	"n:rules_kept":              "the rules kept it",
	"n:dropped":                 "the rules dropped it:",
	"n:kind":                    "a figure of kind",
	"n:unit":                    "a count of unit",
	"n:no_unit":                 "no unit noun",
	"n:value":                   "a value",
	"n:doc_names_none":          "the article names no programme",
	"n:parenthesised":           "the figure stands in parentheses",
	"n:list_item":               "the figure ends a list line",
	"n:off_metric.before":       "a word for what no metric counts (contributions, deficits, wages…) before the figure",
	"n:off_metric.lead":         "a word for what no metric counts opens the sentence",
	"n:off_metric.after":        "a word for what no metric counts just after the figure",
	"n:off_metric.nearest":      "a word for what no metric counts is the nearest subject before the amount",
	"n:off_metric.topic":        "the sentence's fronted topic is something no metric counts",
	"o:bare_money":              "a bare billion, read as dirhams",
}
