package extract

// This file: the as_of of a figure (spec/taxonomy.md): dates of its clause
// and sentence, anchors, the publication month.

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// asOf applies spec/taxonomy.md: a date of the figure's clause, else a date
// earlier in the sentence, else the publication month. The second result
// is the start of an interval, for the low end of a change. A clause that
// speaks of the present ("contre 41 % à l'heure actuelle") holds at the
// publication month; a sentence that continues the one before on a
// pronoun ("Elles ont bénéficié à…") at that sentence's date.
func (x *run) asOf(m *masked, rd *reading) (string, string) {
	a, b := x.asOfRaw(m, rd)
	return monthOf(x.seasonal(rd, a)), monthOf(x.seasonal(rd, b))
}

// monthOf is a day's month: a figure "au 30 juin" holds at June, as the
// spec's examples and every gold set write it (a reader who gives the day
// also accepts the month: each gold line dated to the day has its month
// as an alternative, none the reverse).
func monthOf(date string) string {
	if len(date) == 10 {
		return date[:7]
	}
	return date
}

// seasonal dates a year-only as_of of a programme paid once a year at a
// fixed month (the rules' `paid_in`: the school-year aid in September) to
// that month, when it is the publication's year and the month has come:
// "l'aide a touché cette année 3,4 millions d'élèves" in October 2024
// holds at 2024-09.
func (x *run) seasonal(rd *reading, date string) string {
	if len(date) != 4 || rd.metric == nil || rd.metric.id == "allowance" {
		return date
	}
	pm := x.r.programme(rd.prog)
	if pm == nil || pm.paidIn == 0 {
		return date
	}
	// Only the publication's own year: an earlier year's figure ("contre 3
	// millions l'an dernier") is as precise as the text says.
	d := fmt.Sprintf("%s-%02d", date, pm.paidIn)
	if len(x.pubMonth) < 7 || date != x.pubMonth[:4] || d > x.pubMonth {
		return date
	}
	return d
}

// cellDated reports whether a table cell written as prose dates its own
// figure with a year, in the figure's clause and within the cell ("200
// dirhams en décembre 2023, 250 dirhams en janvier 2025" under "Désormais
// (situation à décembre 2025)"): the sentence's date is more precise than
// the column's. A row label or a header is in another cell, past a "|".
func (x *run) cellDated(m *masked, rd *reading) bool {
	fig := rd.fig
	cl := m.clause(fig.start)
	for k := range m.dates {
		d := &m.dates[k]
		if m.clause(d.start) != cl || !x.usableDate(m, d) || !yearWritten.MatchString(d.e.Text) {
			continue
		}
		a, b := d.end, fig.start
		if d.start >= fig.end {
			a, b = fig.end, d.start
		}
		if a <= b && !strings.Contains(m.sub(a, b), "|") && !x.figureBetween(m, a, b) {
			return true
		}
	}
	return false
}

// asOfRaw is asOf before seasonal.
func (x *run) asOfRaw(m *masked, rd *reading) (string, string) {
	if d := x.cellAsOf(rd); d != "" && !x.cellDated(m, rd) {
		// "2021 | 22.003 | 316,4": the row's label says when.
		return d, d
	}
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
				// "a ouvert 14 agences en 2024 et compte aujourd'hui 132
				// agences": the present next to the figure, on either
				// side, is nearer than a date further off.
				// ("passer de 4,8 millions aujourd'hui à 9,5 millions en
				// 2030": a present right after another figure is that
				// figure's.)
				if d.start >= fig.end && !x.figureBetween(m, fig.end, d.start) ||
					d.end <= fig.start && !x.figureBetween(m, d.end, fig.start) && !figureRightBefore(m, d.start) {
					nowDist = min(nowDist, dist)
				}
			}
			continue
		}
		if d.end <= fig.start && strings.Contains(m.sub(d.end, fig.start), ":") &&
			x.find(x.r.comparedBaseRe, m.sub(max(0, d.start-tailLen), d.start), "as_of.compared_base", m.orig[0]) != nil {
			continue
		}
		if m.clause(d.start) == cl || setOff(m, d, cl) || x.datedBack(m, d, fig, cl) {
			if x.othersDate(m, fig, d) {
				continue
			}
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
	if rd.metric != nil && (rd.metric.id == "budget" || x.futurePayment(m, fig.start, rd)) && (best == nil || m.clause(best.start) != cl && !setOff(m, best, cl)) {
		// "Le PLF 2026 alloue 29 milliards", "le budget 2025, adopté le
		// mois dernier, prévoit…": the law's year, over a date of
		// another clause or the publication month.
		if y := x.financeYear(rd.si, rd.fig.e.End, best == nil); y != "" {
			if py := x.pubYear(); rd.fig.e.Low != nil && py != "" && y > py {
				// "Sa dotation passe de 26,5 à 29 milliards": from the
				// year in course to the law's.
				return y, py
			}
			return y, y
		}
	}
	if best == nil && (now || x.find(x.r.nowRe, m.sub(m.clauseStart(fig.start), m.clauseEnd(fig.start)), "as_of.now", m.orig[0]) != nil) {
		n := x.nowMonth(rd.si)
		return n, n
	}
	if best == nil {
		best = before
	}
	if best == nil && strings.Contains(" "+m.sub(m.clauseStart(fig.start), m.clauseEnd(fig.start))+" ", " alors ") {
		// "a succédé en décembre 2022 au RAMED, qui comptait alors 10,6
		// millions": "alors" is the moment just named, even a launch's.
		for k := range m.dates {
			if d := &m.dates[k]; d.end <= fig.start && d.e.Date != "" && !strings.Contains(d.e.Date, "/") {
				best = d
			}
		}
	}
	if best == nil {
		clause := m.sub(m.clauseStart(fig.start), m.clauseEnd(fig.start))
		prev := x.asOfBefore(rd.si)
		if prev == "" {
			prev = x.anchorMonth(rd.si - 1)
		}
		if prev == "" && rd.si > 0 && x.sents[rd.si-1].para == x.sents[rd.si].para &&
			x.find(x.r.imperfectRe, clause, "as_of.imperfect", m.orig[0]) != nil {
			// "En 1998, il prend la direction des prestations. La caisse
			// sert alors 290 000 retraités.": the date the story moved to.
			if d := x.narrativeDate(rd.si - 1); d != "" {
				return d, d
			}
		}
		if prev != "" && (x.find(x.r.continuesRe, m.str, "as_of.continues", m.orig[0]) != nil ||
			x.sents[rd.si-1].para == x.sents[rd.si].para &&
				(x.find(x.r.imperfectRe, clause, "as_of.imperfect", m.orig[0]) != nil ||
					x.find(x.r.samePeriodRe, m.str, "as_of.same_period", m.orig[0]) != nil ||
					x.anchoredBefore(rd.si) && len(prev) == len("2006-01") && x.paidInPeriod(m, rd, clause) &&
						x.find(x.r.cumulativeRe, m.str, "as_of.cumulative", m.orig[0]) == nil && !sinceDate(m))) {
			return prev, prev
		}
		base := x.baseMonth(rd.si)
		return base, base
	}
	date := best.e.Date
	if a, b, ok := strings.Cut(date, "/"); ok {
		return b, a
	}
	if d := x.backDate(rd.si, m, best); d != "" {
		return d, d
	}
	// (A day, the publication's own included, is given as its month by
	// asOf: monthOf.)
	return date, date
}

// datedBack reports whether date d, in the clause right after figure
// fig's (clause cl), opens on words that date the figure before it
// (`as_of.dated_back`: "…, un chiffre qui date de février 2024").
func (x *run) datedBack(m *masked, d *slot, fig *slot, cl int) bool {
	if x.r.datedBackRe == nil || d.start < fig.end || m.clause(d.start) != cl+1 || x.figureBetween(m, fig.end, d.start) {
		return false
	}
	return x.find(x.r.datedBackRe, m.sub(m.clauseStart(d.start), d.start), "as_of.dated_back", m.orig[0]) != nil
}

// setOff reports whether date d stands alone between commas right against
// clause cl: "En 2025, l'enveloppe était de 38 milliards", "11,9 millions
// de personnes couvertes, à fin avril, par le régime". Such a date dates
// the clause it is set against, as if written in it.
func setOff(m *masked, d *slot, cl int) bool {
	dc := m.clause(d.start)
	if dc != cl-1 && dc != cl+1 || m.clause(d.end-1) != dc {
		return false
	}
	rest := strings.TrimSpace(m.sub(m.clauseStart(d.start), d.start)) + " " + strings.TrimSpace(m.sub(d.end, m.clauseEnd(d.start)))
	return dateLead(strings.Trim(rest, " ,;:"))
}

// dateLead reports whether s, folded, is all that stands beside a date set
// off on its own: nothing, or a preposition that only places it ("en",
// "à fin", "vers").
func dateLead(s string) bool {
	switch s {
	case "", "en", "a", "au", "a fin", "fin", "le", "des", "a la fin de", "vers":
		return true
	}
	return false
}

// futurePayment reports whether rd is an amount paid whose clause says it
// in the future ("le fonds recevra une subvention de 1,2 milliard"): in a
// finance bill's article, money not yet paid is the bill's. A clause
// joined by "et" shares the verb of the one before ("le budget versera 17
// milliards à la caisse, et 3 milliards au titre des pensions").
func (x *run) futurePayment(m *masked, at int, rd *reading) bool {
	if rd.metric.id != "amount_paid" || x.r.futureRe == nil {
		return false
	}
	from := m.clauseStart(at)
	for c := m.clause(at); c > 0 && strings.HasPrefix(strings.TrimLeft(m.sub(m.clauses[c], m.clauseEnd(m.clauses[c])), " ,;"), "et "); c-- {
		from = m.clauses[c-1]
	}
	return x.find(x.r.futureRe, m.sub(from, m.clauseEnd(at)), "as_of.future", m.orig[0]) != nil
}

// anchoredBefore reports whether a sentence of si's paragraph, among the
// few before it, reports on a period ("Au titre du mois d'août, …"): the
// paragraph goes on about that period.
func (x *run) anchoredBefore(si int) bool {
	if x.r.periodAnchorRe == nil {
		return false
	}
	for k := si - 1; k >= 0 && k >= si-maxAnchorGap && x.sents[k].para == x.sents[si].para; k-- {
		if h := x.maskOf(k); h != nil && !stockDatesOnly(h) && x.find(x.r.periodAnchorRe, h.str, "as_of.period_anchor", h.orig[0]) != nil {
			return true
		}
	}
	return false
}

// stockDatesOnly reports whether every date of sentence h closes a
// period ("à fin janvier", "au 31 mars"): a count at such a date is a
// stock ("11,5 millions de bénéficiaires à fin janvier"), not a report on
// a period ("servis en mars") whose paragraph goes on about it.
func stockDatesOnly(h *masked) bool {
	if len(h.dates) == 0 {
		return false
	}
	for k := range h.dates {
		t := foldString(h.dates[k].e.Text)
		if !strings.HasPrefix(t, "a fin") && !strings.HasPrefix(t, "fin ") && !strings.HasPrefix(t, "au ") && !strings.HasPrefix(t, "a la fin") {
			return false
		}
	}
	return true
}

// anchorMonth is the month sentence si reports on when it names one and
// gives no figure ("Le gouvernement a fait le point sur l'aide versée au
// titre du mois de février."), for the sentences after it: "" otherwise.
func (x *run) anchorMonth(si int) string {
	if si < 0 || x.r.periodAnchorRe == nil {
		return ""
	}
	h := x.maskOf(si)
	if h == nil || len(h.figs) > 0 || stockDatesOnly(h) || x.find(x.r.periodAnchorRe, h.str, "as_of.period_anchor", h.orig[0]) == nil {
		return ""
	}
	for k := range h.dates {
		if d := &h.dates[k]; x.usableDate(h, d) && !strings.Contains(d.e.Date, "/") {
			if mo := monthOf(d.e.Date); len(mo) == len("2006-01") {
				return mo
			}
		}
	}
	return ""
}

// narrativeDate is the date sentence si opens on when it names no figure
// ("En 1998, il prend la direction des prestations."): the moment a
// narrative moves to, which the next sentence's imperfect or "alors"
// speaks of. "" when si has a figure, or opens otherwise.
func (x *run) narrativeDate(si int) string {
	if si < 0 {
		return ""
	}
	h := x.maskOf(si)
	if h == nil || len(h.figs) > 0 || len(h.dates) == 0 {
		return ""
	}
	d := &h.dates[0]
	if !dateLead(strings.Trim(h.sub(0, d.start), " ")) {
		return ""
	}
	if strings.Contains(d.e.Date, "/") || !x.usableDate(h, d) {
		return ""
	}
	return monthOf(d.e.Date)
}

// paidInPeriod reports whether rd may hold at the period its paragraph
// reports on: a count, or money paid ("pour un montant de 2,49
// milliards"), but not a rate or an envelope (`as_of.envelope`: "le
// gouvernement a mobilisé une enveloppe de …"), which hold when the article
// says.
func (x *run) paidInPeriod(m *masked, rd *reading, clause string) bool {
	if !moneyMetric(rd) {
		return true
	}
	return rd.metric != nil && rd.metric.id == "amount_paid" &&
		x.find(x.r.envelopeRe, clause, "as_of.envelope", m.orig[0]) == nil
}

// sinceDate reports whether the sentence counts from a date: "Depuis
// décembre 2023, 73 milliards ont été distribués" (the date, masked, hides
// its "depuis" from `as_of.cumulative`).
func sinceDate(m *masked) bool {
	for _, d := range m.dates {
		if strings.HasSuffix(d.e.Date, "/..") || strings.HasPrefix(foldString(d.e.Text), "depuis") {
			return true
		}
	}
	return false
}

// figureRightBefore reports whether a figure ends right before rune
// offset at, with only spaces between.
func figureRightBefore(m *masked, at int) bool {
	for _, f := range m.figs {
		if f.end <= at && strings.TrimSpace(m.sub(f.end, at)) == "" {
			return true
		}
	}
	return false
}

// moneyMetric reports whether rd reads an amount of money: a rate or a
// budget holds when the article says, not at the period a paragraph
// reports on ("le montant de 250 dirhams par enfant").
func moneyMetric(rd *reading) bool {
	return rd.unit == "MAD" || rd.unit == "EUR" || rd.unit == "USD"
}

// maxAnchorGap is how many sentences back a period's anchor reaches.
const maxAnchorGap = 3

// financeYear returns the year of the finance law named nearest before
// the figure ending at byte figEnd of sentence si (after it when none is
// before), unless a comparison stands between ("contre 26 milliards dans
// la loi de finances 2025" is that law's); "la loi de finances en cours"
// gives the publication year. When wide and the sentence names none, an
// earlier sentence of the paragraph or the title may; "" when none does.
func (x *run) financeYear(si, figEnd int, wide bool) string {
	s := x.sents[si]
	before := []rune(foldString(x.in.Text[s.start:figEnd]))
	if y, at, n, ok := x.lawIn(string(before), true); ok {
		if compared(string(before[at+n:])) {
			return ""
		}
		return y
	}
	after := []rune(foldString(x.in.Text[figEnd:s.end]))
	if y, at, _, ok := x.lawIn(string(after), false); ok {
		// ("29 milliards prévus par le PLF 2026"; a law past "contre" or
		// past another figure is that figure's.)
		if between := string(after[:at]); !compared(between) && !strings.ContainsAny(between, "0123456789") {
			return y
		}
	}
	if !wide {
		return ""
	}
	for k := si - 1; k >= 0 && k >= si-3 && x.sents[k].para == s.para; k-- {
		// ("… 41 milliards en 2026, contre 38 milliards dans la loi de
		// finances 2025": the law compared with is no law of the
		// paragraph's.)
		text := foldString(x.in.Text[x.sents[k].start:x.sents[k].end])
		for _, mt := range x.all(x.r.financeYearRe, text, "as_of.finance_year", 0) {
			if head := []rune(text)[:mt.RuneIndex]; !compared(string(head[max(0, len(head)-comparedReach):])) {
				return mt.GroupByName("year").String()
			}
		}
	}
	return x.yearOf(x.r.financeTitleRe, x.in.Title, "as_of.finance_title")
}

// lawIn finds in folded text the last (or, !last, the first) finance law
// named with its year or as the law in course, and returns that year (the
// publication's for the law in course), its rune offset and length.
func (x *run) lawIn(text string, last bool) (year string, at, length int, ok bool) {
	at = -1
	for _, re := range []*pattern{x.r.financeYearRe, x.r.financeNowRe} {
		for _, mt := range x.all(re, text, "as_of.finance_year", 0) {
			if at < 0 || last && mt.RuneIndex > at || !last && mt.RuneIndex < at {
				at, length, ok = mt.RuneIndex, mt.RuneLength, true
				if re == x.r.financeNowRe {
					year = x.pubYear()
				} else {
					year = mt.GroupByName("year").String()
				}
			}
		}
	}
	return year, at, length, ok
}

// compared reports whether folded text sets what follows against another
// time or figure.
func compared(text string) bool {
	text = " " + text + " "
	for _, w := range comparedWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// pubYear is the publication's year, or "".
func (x *run) pubYear() string {
	if len(x.in.Published) < 4 {
		return ""
	}
	return x.in.Published[:4]
}

// yearOf returns the group "year" of re's first match in text, folded.
func (x *run) yearOf(re *pattern, text, name string) string {
	if mt := x.find(re, foldString(text), name, 0); mt != nil {
		return mt.GroupByName("year").String()
	}
	return ""
}

// othersDate reports whether date d of figure fig's clause is another
// figure's: after fig, past a figure it is compared with ("81.400
// allocataires contre 74.900 en 2022"), or before fig, between the two ends of
// a change ("passé de 2.100 dirhams en 2020 à 2.650 dirhams au premier
// semestre 2025").
func (x *run) othersDate(m *masked, fig *slot, d *slot) bool {
	if d.start >= fig.end {
		if !x.figureBetween(m, fig.end, d.start) {
			return false
		}
		return compared(m.sub(fig.end, d.start))
	}
	if d.end > fig.start {
		return false
	}
	if t := strings.TrimSpace(m.sub(d.end, fig.start)); t != "a" && t != "au" {
		return false
	}
	for _, f := range m.figs {
		// ("a versé 3 milliards en 2024 à 1,1 million de ménages" pays
		// them: only "de A … à B" is a change.)
		if f.end <= d.start && strings.TrimSpace(m.sub(f.end, d.start)) == "" &&
			strings.HasSuffix(" "+strings.TrimSpace(m.sub(f.start-5, f.start)), " de") {
			return true
		}
	}
	return false
}

// comparedReach is how far before a finance law, in runes, a comparison
// word makes it the law compared with.
const comparedReach = 40

// comparedWords set a figure against another one.
var comparedWords = []string{" contre ", " par rapport ", " compare", " alors qu", " tandis qu", " au lieu de "}

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
			if o.end > upTo || !x.usableDate(mm, o) {
				continue
			}
			date := o.e.Date
			if _, end, ok := strings.Cut(date, "/"); ok {
				// "Au premier semestre (2026-01/2026-06), X, contre Y un
				// an plus tôt": counted from the period's end.
				date = end
			}
			of := foldString(o.e.Text)
			if x.find(x.r.backRe, of, "as_of.back", mm.orig[0]) != nil ||
				(len(o.e.Date) == 10 && !strings.ContainsAny(o.e.Text, "0123456789")) {
				continue
			}
			found = date
		}
		return found
	}
	if a := pick(m, d.start); a != "" {
		return a
	}
	continues := x.anaphoric[si] || x.find(x.r.continuesRe, m.str, "as_of.continues", m.orig[0]) != nil
	for _, f := range m.figs {
		if f.end <= d.start && !continues {
			// Compared with a figure of its own sentence that names no
			// date: "un an plus tôt" counts from when that figure holds,
			// the sentence's first fact's as_of (the publication month,
			// "désormais"), not from the paragraph's last date, which the
			// normalizer counted from ("En juin, X. L'AMO TNS couvre
			// désormais A, contre B un an plus tôt").
			if a := x.lastAsOf[si%2]; samePara && a.si == si {
				return a.asOf
			}
			return ""
		}
	}
	if si == 0 || (samePara && x.sents[si-1].para != x.sents[si].para) {
		return ""
	}
	if pm := x.maskOf(si - 1); pm != nil {
		return pick(pm, pm.n())
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
		if (strings.HasPrefix(ft, w) || strings.HasPrefix(ft, "ce "+w)) && !strings.ContainsAny(ft, "0123456789") {
			// (A weekday with its day, "le mardi 5 décembre", is a
			// date like any other.)
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
