package normalize

import (
	"strconv"
	"strings"
	"time"
)

// Some dates are placed next to the date the text gave last rather than
// the reference date: "en octobre 2024, … contre 2 millions un an plus
// tôt" is October 2023, "en 2024, contre 1,2 million l'année précédente"
// is 2023. The scanner reads left to right and keeps what it found, so
// the date before is at hand: the anchor.

// contextPhrase is a phrase naming a date by its distance from the
// anchor, in years ('y') or months ('m').
type contextPhrase struct {
	words []string // folded; apostrophes and hyphens between them are skipped
	unit  byte
	off   int
}

// contextPhrases are the phrases contextDate reads. Without an anchor they
// count from the reference date, as "l'année dernière" does.
var contextPhrases = func() []contextPhrase {
	var ps []contextPhrase
	add := func(unit byte, off int, phrases ...string) {
		for _, p := range phrases {
			ps = append(ps, contextPhrase{words: strings.Fields(fold(p)), unit: unit, off: off})
		}
	}
	add('y', -1, "l année précédente", "l an précédent", "l exercice précédent")
	add('y', 0, "la même année", "cette même année", "le même exercice", "cette année là", "cet exercice là")
	add('y', 1, "l année suivante", "l an suivant", "l exercice suivant")
	add('m', -1, "le mois précédent")
	add('m', 0, "le même mois", "ce même mois", "ce mois là", "ce seul mois", "la même date", "cette même date")
	// The period the paragraph named last, a month or an interval, perhaps
	// moved to another year: samePeriod.
	add('P', 0, "la même période", "cette même période")
	add('m', 1, "le mois suivant")
	// Days and weeks: counted from the day the paragraph last named, else
	// from the reference date. 'W' is the Monday-to-Sunday week.
	add('d', -1, "la veille", "le jour précédent", "le jour d avant", "la journée précédente")
	add('d', 0, "le même jour", "ce même jour")
	add('d', 1, "le lendemain", "le jour suivant", "le jour d après", "jour suivant", "la journée suivante")
	add('W', -1, "la semaine précédente", "la semaine d avant")
	add('W', 1, "la semaine suivante", "la semaine qui suit", "la semaine d après")
	return ps
}()

// contextByID lists, by vocabulary id of a first word, the indices of the
// phrases of contextPhrases it opens.
var contextByID = func() [][]int {
	byID := make([][]int, len(vocabEntries))
	for k, p := range contextPhrases {
		id := vocab[p.words[0]].id
		byID[id] = append(byID[id], k)
	}
	return byID
}()

// contextDate reads a phrase of contextPhrases at token i.
func (s *scanner) contextDate(i int) (dval, int, bool) {
	t := s.tok(i)
	if !t.is(aContextLead) {
		return dval{}, 0, false
	}
	for _, k := range contextByID[t.vi] {
		p := &contextPhrases[k]
		end, ok := s.phrase(i, p.words)
		if !ok {
			continue
		}
		if p.unit == 'd' || p.unit == 'W' {
			return s.dayPhrase(i, end, p)
		}
		unit := p.unit
		if unit == 'P' {
			if v, next, ok := s.samePeriod(i, end); ok {
				return v, next, true
			}
			// No period named and no year: as "le même mois".
			unit = 'm'
		}
		if base, ok := s.anchorNear(i); ok {
			if unit == 'y' {
				base = dval{y: base.y}
			}
			if v, ok := shiftDate(base, unit, p.off); ok {
				s.derive(t.start, base)
				v.anchored = true
				return v, end, true
			}
		}
		if s.ref.IsZero() {
			return dval{rel: true}, end, true
		}
		base := dval{y: s.ref.Year()}
		if unit == 'm' {
			base.m = int(s.ref.Month())
		}
		v, _ := shiftDate(base, unit, p.off)
		return v, end, true
	}
	return dval{}, 0, false
}

// samePeriod reads "la même période" matched from token i to end, and the
// year that may follow it ("de 2025", "de l'année précédente", "de l'an
// dernier"): the period the paragraph named last, a month or an interval,
// in that year. "Au premier semestre 2026, X, contre Y sur la même période
// de 2025" puts Y in 2025-01/2025-06; a bare year would say less than the
// text does. Without such a period it is the year alone, or, with no year
// either, as "le même mois".
func (s *scanner) samePeriod(i, end int) (dval, int, bool) {
	base := s.anchorISO(i)
	year, next, step := 0, end, 0
	if s.matches(end, "de") || s.word(end, "en") {
		k := s.skipJoin(end + 1)
		// "de l'année précédente" counts from the period named, an
		// interval included (which anchors no "l'année précédente").
		yw := s.skipJoin(k + 1)
		if s.word(k, "l") && (s.word(yw, "annee") || s.word(yw, "an") || s.word(yw, "exercice")) {
			switch w := s.tok(yw + 1).w(); {
			case strings.HasPrefix(w, "precedent"):
				step, next = -1, yw+2
			case strings.HasPrefix(w, "suivant"):
				step, next = 1, yw+2
			}
		}
		if step == 0 {
			if y, n, ok := s.yearAt(k, false); ok {
				year, next = y, n
			} else if v, n, ok := s.relativeShape(k); ok && v.y != 0 && v.m == 0 && v.iso == "" {
				year, next = v.y, n
			}
		}
	}
	if base == "" || len(base) < 4 {
		if year == 0 {
			return dval{}, 0, false
		}
		return dval{y: year}, next, true
	}
	by, err := strconv.Atoi(base[:4])
	if err != nil {
		return dval{}, 0, false
	}
	if year == 0 {
		year = by + step
	}
	iso, ok := shiftISOYears(base, year-by)
	if !ok {
		return dval{}, 0, false
	}
	// Counted from the period named: recorded as its anchor, so that it is
	// no anchor itself.
	s.derive(s.toks[i].start, dval{iso: base})
	if v, ok := parseISO(iso); ok {
		v.anchored = true
		return v, next, true
	}
	// An interval: the dval renders it as given.
	return dval{iso: iso, y: year, anchored: true}, next, true
}

// shiftISOYears moves a partial date or an interval of two ("2026-01/2026-06")
// by delta years.
func shiftISOYears(iso string, delta int) (string, bool) {
	parts := strings.Split(iso, "/")
	if len(parts) > 2 {
		return "", false
	}
	for k, p := range parts {
		v, ok := parseISO(p)
		if !ok {
			return "", false
		}
		if v, ok = shiftDate(v, 'y', delta); !ok {
			return "", false
		}
		parts[k] = v.String()
	}
	return strings.Join(parts, "/"), true
}

// earlier reads "un an plus tôt", "deux ans plus tôt", "trois mois
// auparavant" at token i: counted back from the anchor when it is precise
// enough for the unit, else from the reference date.
func (s *scanner) earlier(i int) (dval, int, bool) {
	c, unit, next, ok := s.offsetCount(i)
	if !ok {
		return dval{}, 0, false
	}
	end := s.earlierWord(next)
	if end == next {
		// "deux jours plus tard", "une semaine après": counted forward.
		if end = s.laterWord(next); end == next {
			return dval{}, 0, false
		}
		c = -c
	}
	if base, ok := s.anchor(i); ok {
		if v, ok := shiftDate(base, unit, -c); ok {
			s.derive(s.toks[i].start, base)
			v.anchored = true
			return v, end, true
		}
	}
	return dayOf(addUnits(s.ref, unit, -c)), end, true
}

// anchor returns the date the text gave last before token i in the same
// paragraph. A day written without digits ("mercredi", "hier") tells when
// something was said rather than the period of the figures, and a date
// that was itself placed by an anchor ("un an plus tôt") is not the
// period under discussion either: both are passed over, and so is where a
// cumulation starts (noteAnchor). A closed interval or a date left
// unresolved leaves no anchor.
func (s *scanner) anchor(i int) (dval, bool) {
	iso := s.anchorISO(i)
	if iso == "" {
		return dval{}, false
	}
	return parseISO(iso)
}

// anchorISO is the date of the paragraph's anchor before token i as the
// text gave it, an interval included, or "".
func (s *scanner) anchorISO(i int) string {
	if s.lastAnchor == 0 {
		return ""
	}
	e := &s.out[s.lastAnchor-1]
	if e.Start < s.paragraphStart(int(s.toks[i].start)) {
		return ""
	}
	return e.Date
}

// anchorNear is anchor, or else the last date of the paragraph before:
// "Au titre du mois d'octobre, … ¶ Ce même mois, …" points across the
// break, where a count of days or years ("un an plus tôt") keeps to its
// own paragraph.
func (s *scanner) anchorNear(i int) (dval, bool) {
	if v, ok := s.anchor(i); ok || s.lastAnchor == 0 {
		return v, ok
	}
	e := &s.out[s.lastAnchor-1]
	ps := s.paragraphStart(int(s.toks[i].start))
	prev := strings.TrimRight(s.text[:ps], "\n")
	if e.Start < strings.LastIndexByte(prev, '\n')+1 {
		return dval{}, false
	}
	return parseISO(e.Date)
}

// noteAnchor records e, just reported, as the anchor of what follows when
// anchor would take it: a date that no anchor placed, that is not a day
// written without digits, and that is not where a cumulation starts
// ("depuis décembre 2023", open at its end): "Au titre du mois de mai, …
// Depuis le lancement en 2023, … Le même mois, …" is May's, the period
// under discussion, not the start's. Keeping the last one at hand makes
// anchor cost the same however many expressions a paragraph holds.
func (s *scanner) noteAnchor(e *Expr) {
	if e.Kind != Date || s.isDerived(e.Start) || strings.HasSuffix(e.Date, "/..") {
		return
	}
	if d := e.Date; len(d) == len("2006-01-02") && d[4] == '-' && d[7] == '-' &&
		!strings.ContainsAny(e.Text, "0123456789") {
		return
	}
	s.lastAnchor = len(s.out)
}

// paragraphStart returns the offset of the paragraph holding byte at. The
// scanner asks in text order, so the newlines are searched once over the
// whole text rather than from the start of the paragraph at every ask.
func (s *scanner) paragraphStart(at int) int {
	if at < s.paraPos {
		if at >= s.paraStart {
			return s.paraStart
		}
		s.searched += at
		return strings.LastIndexByte(s.text[:at], '\n') + 1
	}
	s.searched += at - s.paraPos
	if k := strings.LastIndexByte(s.text[s.paraPos:at], '\n'); k >= 0 {
		s.paraStart = s.paraPos + k + 1
	}
	s.paraPos = at
	return s.paraStart
}

// derive records that the date starting at byte start was counted from
// the anchor base (the first count made at a start is kept).
func (s *scanner) derive(start int32, base dval) {
	if s.derived == nil {
		s.derived = make(map[int32]string)
	}
	if _, ok := s.derived[start]; !ok {
		s.derived[start] = base.String()
	}
}

// anchorOf returns the anchor the date starting at byte start was counted
// from, or "".
func (s *scanner) anchorOf(start int) string {
	return s.derived[int32(start)]
}

func (s *scanner) isDerived(start int) bool {
	_, ok := s.derived[int32(start)]
	return ok
}

// parseISO reads a partial date "2024", "2024-10" or "2024-10-15".
func parseISO(iso string) (dval, bool) {
	var v dval
	parts := strings.Split(iso, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return v, false
	}
	for k, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 {
			return dval{}, false
		}
		switch k {
		case 0:
			v.y = n
		case 1:
			v.m = n
		case 2:
			v.d = n
		}
	}
	return v, true
}

// shiftDate moves v by c units ('y' years, 'm' months, 'w' weeks, 'd'
// days) and keeps its precision; v must be precise enough for the unit
// (a month to move by months, a day to move by weeks or days).
func shiftDate(v dval, unit byte, c int) (dval, bool) {
	switch unit {
	case 'y':
		if v.d != 0 {
			return dayOf(time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC).AddDate(c, 0, 0)), true
		}
		v.y += c
		return v, true
	case 'm':
		if v.m == 0 {
			return dval{}, false
		}
		if v.d != 0 {
			return dayOf(time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC).AddDate(0, c, 0)), true
		}
		t := time.Date(v.y, time.Month(v.m+c), 1, 0, 0, 0, 0, time.UTC)
		return dval{y: t.Year(), m: int(t.Month())}, true
	case 'w', 'd':
		if v.d == 0 {
			return dval{}, false
		}
		return dayOf(addUnits(time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC), unit, c)), true
	}
	return dval{}, false
}

// addUnits moves t by c units ('y', 'm', 'w' or 'd').
func addUnits(t time.Time, unit byte, c int) time.Time {
	switch unit {
	case 'y':
		return t.AddDate(c, 0, 0)
	case 'm':
		return t.AddDate(0, c, 0)
	case 'w':
		return t.AddDate(0, 0, 7*c)
	}
	return t.AddDate(0, 0, c)
}

// dayPhrase resolves a day or week phrase of contextPhrases matched from
// token i to end: "le lendemain du 13 février" counts from the date after
// "du"; "la veille des élections" counts from an event, which is no date,
// so it is none; otherwise the day the paragraph last named is the base
// ("le 3 mars … le lendemain"), else the reference date.
func (s *scanner) dayPhrase(i, end int, p *contextPhrase) (dval, int, bool) {
	shift := func(base dval) (dval, bool) {
		if p.unit == 'W' {
			if base.d == 0 {
				return dval{}, false
			}
			return weekOf(time.Date(base.y, time.Month(base.m), base.d, 0, 0, 0, 0, time.UTC), p.off), true
		}
		return shiftDate(base, 'd', p.off)
	}
	if s.word(end, "du") || s.word(end, "de") || s.word(end, "des") || s.word(end, "d") {
		k := end + 1
		if s.word(end, "d") {
			k = s.skipJoin(end + 1)
		}
		if s.word(k, "la") || s.word(k, "le") {
			k++
		}
		if base, next, ok := s.dateCore(k); ok && base.d != 0 && base.iso == "" {
			if base.y == 0 {
				return dval{rel: true}, next, true
			}
			if v, ok := shift(base); ok {
				v.anchored = true
				return v, next, true
			}
		}
		return dval{}, 0, false
	}
	if base, ok := s.anchor(i); ok && base.d != 0 {
		if v, ok := shift(base); ok {
			s.derive(s.toks[i].start, base)
			v.anchored = true
			return v, end, true
		}
	}
	if s.ref.IsZero() {
		return dval{rel: true}, end, true
	}
	v, _ := shift(dayOf(s.ref))
	return v, end, true
}
