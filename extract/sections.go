package extract

// This file: the dates a page's layout gives to what stands under it,
// which no sentence repeats: a retrospective's month headings ("MARS —
// Tadamon passe les 11 millions"), a slide's dated title ("Chiffres clés
// au 30 septembre 2026"), a key-figures page's "données arrêtées au 31
// décembre 2025".

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/faits/faits/normalize"
)

// maxHeading is the longest line, in bytes, read as a heading.
const maxHeading = 100

// monthHeading is a line that opens on a month, its year maybe, then a
// dash, a colon or nothing: "JANVIER — …", "Mars 2025 : …", "Juin".
var monthHeading = regexp.MustCompile(`^(\pL+)(?:\s+(\d{4}))?\s*(?:[—–:|]|-\s|$)`)

// yearHeading is a line that opens on a year, then a dash, a colon or
// nothing: a chronology's "2023 — L'année du basculement".
var yearHeading = regexp.MustCompile(`^((?:19|20)\d{2})\s*(?:[—–:|]|-\s|$)`)

// yearWritten finds a year written in digits.
var yearWritten = regexp.MustCompile(`(^|\D)\d{4}(\D|$)`)

// heading is a line of its own that heads what follows it.
type heading struct {
	si int
	// month is 1..12 for a month heading, whose year may be unwritten
	// (year 0) until the headings around it give it.
	month, year int
	// date is the heading's date (YYYY-MM or YYYY-MM-DD, or YYYY for a
	// chronology's year), "" for a heading that names none ("La
	// couverture").
	date string
	// yearOnly marks a heading that opens on a year alone ("2023 — …"),
	// dated only when the text has two or more: a chronology.
	yearOnly bool
	// item marks an entry's own dateline, a day's date among a rubric, an
	// author or a reading time ("Économie · 5 févr. 2026 · par …"): the
	// date of what follows it when the text has two or more such lines of
	// different days, a listing (search results, a news feed).
	item bool
	// own marks an item line whose date is the page's own dateline's
	// (its time of day, or days from the publication): outside a listing
	// it heads nothing.
	own bool
	// from is the first sentence the heading dates: the one after it, or
	// for a message's stamp ("[19/06/2025 09:30] CNSS : …") its own.
	from int
}

// findSections dates the sentences under dated headings (x.secDate) and
// reads their dates again from the heading's date: exprs are the text's
// expressions, as scanned from the publication date; it returns them
// with those of each dated section replaced.
func (x *run) findSections(exprs []normalize.Expr) []normalize.Expr {
	heads := listing(x.headings())
	if !x.dateHeadings(heads) {
		return exprs
	}
	x.secDate = make([]string, len(x.sents))
	x.secNow = make([]bool, len(x.sents))
	for k, h := range heads {
		end := len(x.sents)
		if k+1 < len(heads) {
			end = min(heads[k+1].si, heads[k+1].from)
		}
		if h.date == "" || h.from >= end {
			continue
		}
		for si := h.from; si < end; si++ {
			x.secDate[si] = monthOf(h.date)
			x.secNow[si] = h.month > 0
		}
		if h.yearOnly {
			// A chronology's year: "en janvier", "le jeudi 28 décembre"
			// and "à la fin de l'année" under "2023 — …" are 2023's.
			exprs = x.rescan(exprs, x.sents[h.from].start, x.sents[end-1].end, h.date+"-07-01", true)
		}
		if h.month > 0 {
			// (Only a calendar's months: under a slide's "au 30
			// septembre 2026", a month written alone is as near the
			// publication as anywhere else.)
			exprs = x.rescan(exprs, x.sents[h.from].start, x.sents[end-1].end, h.date, true)
		}
		if h.item {
			// A listed entry was written on its day: its "l'an dernier"
			// and "à fin décembre" count from it, its "aujourd'hui" is
			// its month.
			for si := h.from; si < end; si++ {
				x.secNow[si] = true
			}
			exprs = x.rescan(exprs, x.sents[h.from].start, x.sents[end-1].end, h.date, false)
		}
	}
	return exprs
}

// headings lists the lines of the text that stand as headings: a
// paragraph of one short line, its number aside ("2. Lecture"), no
// bullet, no final period, no figure but dates, and not the title (whose
// date is the page's, not a part's).
func (x *run) headings() []heading {
	var out []heading
	title := strings.TrimSpace(x.in.Title)
	for si := 0; si < len(x.sents); {
		last := si
		for last+1 < len(x.sents) && x.sents[last+1].para == x.sents[si].para {
			last++
		}
		first := si
		si = last + 1
		start, end := x.sents[first].start, x.sents[last].end
		text := x.in.Text[start:end]
		if h, ok := x.stamped(first, text); ok {
			out = append(out, h)
			continue
		}
		if len(text) > maxHeading || strings.HasSuffix(text, ".") || listItemLine(text) {
			continue
		}
		if n := headingNumber.FindStringIndex(text); n != nil {
			start += n[1]
			text = text[n[1]:]
		}
		var exprs []normalize.Expr
		for k := first; k <= last; k++ {
			for _, e := range x.exprsOf(k) {
				if e.Start >= start {
					exprs = append(exprs, e)
				}
			}
		}
		if hasFigure(exprs) {
			continue
		}
		h := heading{si: last, from: last + 1}
		if m := monthHeading.FindStringSubmatch(text); m != nil {
			if h.month = normalize.MonthNumber(m[1]); h.month > 0 && m[2] != "" {
				h.year, _ = strconv.Atoi(m[2])
			}
		}
		if h.month == 0 && text != title {
			if strings.Contains(text, "|") {
				continue // a table's header row: its dates are its columns'
			}
			h.date = soleMonthDate(exprs)
			h.item = len(h.date) == len("2006-01-02") && itemLine.MatchString(text)
			if h.date != "" && x.dateline(text, h.date) {
				if !h.item {
					continue
				}
				h.own = true
			}
			if m := yearHeading.FindStringSubmatch(text); m != nil && h.date == "" {
				h.year, _ = strconv.Atoi(m[1])
				h.yearOnly = true
			}
			if si < len(x.sents) && strings.Contains(x.in.Text[x.sents[si].start:x.sents[si].end], "|") {
				// A table's caption ("Les régimes à fin 2024 (en
				// milliers)"): the table reads its date (tables.go); the
				// prose after the table is not under it.
				h.date = ""
			}
		}
		out = append(out, h)
	}
	return out
}

// messageStamp opens a message of a phone's or a chat's export with its
// day and time: "[19/06/2025 09:30] CNSS : …", "[2025-09-02 09:14:33]
// ANSS :", "[12/03/2026, 10:14] Nom : …".
var messageStamp = regexp.MustCompile(`^\[\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}),?[\sT]+\d{1,2}[:h]\d{2}(?::\d{2})?\s*\]`)

// stamped reads the paragraph whose first sentence is first and whose
// text is text as a message opening on its stamp, which dates it and
// what follows it: an item of a listing (an export's messages, a log)
// when the text has messages of two days or more, else a dated heading.
func (x *run) stamped(first int, text string) (heading, bool) {
	m := messageStamp.FindStringIndex(text)
	if m == nil {
		return heading{}, false
	}
	stampEnd := x.sents[first].start + m[1]
	var exprs []normalize.Expr
	for _, e := range x.exprsOf(first) {
		if e.Start < stampEnd {
			exprs = append(exprs, e)
		}
	}
	date := soleMonthDate(exprs)
	if len(date) != len("2006-01-02") {
		return heading{}, false
	}
	return heading{si: first, from: first, date: date, item: true}, true
}

// itemLine is what an entry's dateline holds beside its date: a
// separator "·", an author ("par Hicham …"), a weekday or a time of day.
var itemLine = regexp.MustCompile(`[·•]|\bpar\s+\p{Lu}|(?i:\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)|\b\d{1,2}\s?[:h]\s?\d{2}\b`)

// listing keeps the item lines of a text with two or more of different
// days, a listing, and otherwise drops those that are the page's own
// dateline and reads the others as plain dated headings.
func listing(heads []heading) []heading {
	days := map[string]bool{}
	for _, h := range heads {
		if h.item {
			days[h.date] = true
		}
	}
	if len(days) >= 2 {
		return heads
	}
	out := heads[:0]
	for _, h := range heads {
		if h.own {
			continue
		}
		h.item = false
		out = append(out, h)
	}
	return out
}

// headingNumber is a heading's number: "2. ", "III – ", "4) ".
var headingNumber = regexp.MustCompile(`^(\d{1,2}|[IVX]{1,4})\s?[.)–-]\s+`)

// dateHeadings gives each month heading its date and reports whether any
// heading is dated. A month written without its year is taken as the
// last such month before the next month heading (before the publication
// for the last one): a retrospective looks back, month after month. Alone
// in its text, such a month dates nothing: one "Mai" line is no calendar.
func (x *run) dateHeadings(heads []heading) bool {
	yearless, years := 0, 0
	for _, h := range heads {
		if h.month > 0 && h.year == 0 {
			yearless++
		}
		if h.yearOnly {
			years++
		}
	}
	ref := refDate(x.in.Published)
	next := 0 // the month index (year*12 + month-1) of the next month heading
	if !ref.IsZero() {
		next = ref.Year()*12 + int(ref.Month()) - 1
	}
	dated := false
	for k := len(heads) - 1; k >= 0; k-- {
		h := &heads[k]
		switch {
		case h.month > 0 && h.year > 0:
			next = h.year*12 + h.month - 1
		case h.month > 0 && yearless >= 2 && next > 0:
			y := next / 12
			if h.month-1 > next%12 {
				y--
			}
			h.year = y
			next = y*12 + h.month - 1
		}
		if h.month > 0 && h.year > 0 {
			h.date = time.Date(h.year, time.Month(h.month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
		if h.yearOnly && years >= 2 {
			// (One "2025 : …" line is no chronology.)
			h.date = strconv.Itoa(h.year)
		}
		dated = dated || h.date != ""
	}
	return dated
}

// clockTime is a time of day, as a dateline writes it ("10:02", "14h30").
var clockTime = regexp.MustCompile(`\b\d{1,2}\s?[:h]\s?\d{2}\b`)

// dateline reports whether a line dated date is the page's own dateline
// ("Mardi, 20 Janvier 2026 10:02 – Écrit par …"): a time of day, or the
// publication's day or one of the days around it. It dates nothing the
// publication does not.
func (x *run) dateline(text, date string) bool {
	if clockTime.MatchString(text) {
		return true
	}
	if len(date) != len("2006-01-02") {
		return false
	}
	d, p := refDate(date), refDate(x.in.Published)
	return !p.IsZero() && d.Sub(p).Abs() <= 72*time.Hour
}

// soleMonthDate is the date of a heading's only date, to the month at
// least, its year written ("au 30 septembre 2026", "(sept. 2026)"; the
// end of a period, "janvier-septembre 2026"): "" when it names none, more
// than one, a year alone or an open period.
func soleMonthDate(exprs []normalize.Expr) string {
	date := ""
	for _, e := range exprs {
		if e.Kind != normalize.Date {
			continue
		}
		if date != "" {
			return ""
		}
		date = e.Date
		if strings.HasSuffix(date, "/..") || strings.HasPrefix(date, "../") || !yearWritten.MatchString(e.Text) {
			// ("dix-huit mois après", "le mois dernier": counted from
			// the publication, which dates the page already.)
			return ""
		}
		if _, end, ok := strings.Cut(date, "/"); ok {
			date = end
		}
		if len(date) < len("2006-01") {
			return ""
		}
	}
	return date
}

// rescan reads the dates of text[start:end] again from date, the
// heading's; inYear keeps them in its year: "Le 6 janvier" under "JANVIER"
// of a 2025 retrospective published on 29 December is 2025-01, not the
// January nearest the publication. Without it they are read as from a
// publication of that date (a listed entry's).
func (x *run) rescan(exprs []normalize.Expr, start, end int, date string, inYear bool) []normalize.Expr {
	ref := refDate(date)
	if len(date) == len("2006-01") {
		ref = ref.AddDate(0, 0, 14) // mid-month: "fin du mois" and "début du mois" are both the month
	}
	fresh := normalize.Scan(x.in.Text[start:end], &normalize.Options{Ref: ref, InYear: inYear})
	for k := range fresh {
		fresh[k].Start += start
		fresh[k].End += start
	}
	from := 0
	for from < len(exprs) && exprs[from].Start < start {
		from++
	}
	to := from
	for to < len(exprs) && exprs[to].Start < end {
		to++
	}
	out := make([]normalize.Expr, 0, len(exprs)-(to-from)+len(fresh))
	out = append(out, exprs[:from]...)
	out = append(out, fresh...)
	return append(out, exprs[to:]...)
}

// baseMonth is the as_of of a figure whose sentences name no date: the
// date of the heading it stands under, else the date a sentence before it
// gives the page's data, else the publication month.
func (x *run) baseMonth(si int) string {
	if x.secDate != nil && x.secDate[si] != "" {
		return x.secDate[si]
	}
	if d := x.dataDate(si); d != "" {
		return d
	}
	return x.pubMonth
}

// nowMonth is the month "désormais" and "aujourd'hui" speak of in
// sentence si: under a calendar's month heading ("MAI — …"), that month;
// elsewhere the publication's.
func (x *run) nowMonth(si int) string {
	if x.secNow != nil && x.secNow[si] {
		return x.secDate[si]
	}
	return x.pubMonth
}

// dataDate is the date the last sentence before si, a sentence of prose
// that names no figure, gives the page's data ("Voici les chiffres clés
// arrêtés au 31 décembre 2025", `as_of.data_date`), or "".
func (x *run) dataDate(si int) string {
	if x.r.dataDateRe == nil {
		return ""
	}
	if x.dataDates == nil {
		x.dataDates = []sentAsOf{}
		for k, s := range x.sents {
			exprs := x.exprsOf(k)
			if hasFigure(exprs) || !strings.HasSuffix(x.in.Text[s.start:s.end], ".") {
				// (A line such as "Situation au 30 septembre 2026" heads
				// its slide, not the page: findSections reads it.)
				continue
			}
			d := soleMonthDate(exprs)
			if d == "" {
				continue
			}
			if m := x.maskOf(k); m != nil && x.find(x.r.dataDateRe, m.str, "as_of.data_date", m.orig[0]) != nil {
				x.dataDates = append(x.dataDates, sentAsOf{si: k, asOf: monthOf(d)})
			}
		}
	}
	d := ""
	for _, a := range x.dataDates {
		if a.si < si {
			d = a.asOf
		}
	}
	return d
}
