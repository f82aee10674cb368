package normalize

import (
	"strconv"
	"strings"
	"time"
)

// relative reads a date that only the reference date resolves: "hier",
// "aujourd'hui", "à ce jour", "janvier dernier", "mardi dernier", "l'an
// dernier", "le mois dernier", "la semaine prochaine", "il y a deux ans",
// "lundi". Without a reference date the expression is still found, with an
// empty date.
func (s *scanner) relative(i int) (dval, int, bool) {
	if v, next, ok := s.decade(i); ok {
		return v, next, true
	}
	v, next, ok := s.relativeShape(i)
	if !ok {
		return v, i + 1, false
	}
	if s.ref.IsZero() && !v.anchored {
		return dval{rel: true}, next, true
	}
	return v, next, true
}

// isPast reports whether w, after a period's noun, means the one before
// the reference's: "l'année dernière", "le mois passé", "l'année écoulée".
func isPast(w string) bool {
	return w == "dernier" || w == "derniere" || w == "passe" || w == "passee" || w == "ecoule" || w == "ecoulee"
}

func isNext(w string) bool { return w == "prochain" || w == "prochaine" }

func (s *scanner) relativeShape(i int) (dval, int, bool) {
	ref := s.ref
	t := s.tok(i)
	if t.kind != tWord {
		return dval{}, 0, false
	}
	w := t.w()
	if v, next, ok := s.contextDate(i); ok {
		return v, next, true
	}
	if v, next, ok := s.weekPart(i); ok {
		return v, next, true
	}
	if v, next, ok := s.monthYearPart(i); ok {
		return v, next, true
	}
	if v, next, ok := s.season(i); ok {
		return v, next, true
	}
	// "le 16" opens a clause ("Le 16, …", "…, le 16, …"): after a word it
	// is mostly a day of a habit or a list ("entre le 5 et le 10").
	if w == "le" && (i == 0 || !s.isWord(i-1)) {
		if v, next, ok := s.bareDay(i + 1); ok {
			return v, next, true
		}
	}
	day := func(n int) dval { return dayOf(ref.AddDate(0, 0, n)) }
	switch w {
	case "aujourd":
		k := s.skipJoin(i + 1)
		if k > i+1 && s.word(k, "hui") {
			return dayOf(ref), k + 1, true
		}
	case "a":
		if s.word(i+1, "ce") && s.word(i+2, "jour") {
			return dayOf(ref), i + 3, true
		}
		if s.word(i+1, "cette") && s.word(i+2, "date") {
			return dayOf(ref), i + 3, true
		}
	case "hier":
		return day(-1), i + 1, true
	case "demain":
		return day(1), i + 1, true
	case "lendemain":
		return day(1), i + 1, true
	case "avant":
		if k := s.skipJoin(i + 1); s.word(k, "hier") {
			return day(-2), k + 1, true
		}
	case "apres":
		if k := s.skipJoin(i + 1); s.word(k, "demain") {
			return day(2), k + 1, true
		}
	case "l", "le", "la", "ce", "cet", "cette", "du":
		k := s.skipJoin(i + 1)
		if w == "l" && k == i+1 {
			return dval{}, 0, false
		}
		unit := s.tok(k).w()
		if !s.isWord(k) {
			return dval{}, 0, false
		}
		// "cette année", "ce mois", "cette semaine", "cette décembre", "cette vendredi"
		this := w == "ce" || w == "cet" || w == "cette"
		if this {
			switch {
			case unit == "annee" || unit == "an":
				return dval{y: ref.Year()}, k + 1, true
			case unit == "mois":
				return dval{y: ref.Year(), m: int(ref.Month())}, s.skipCi(k + 1), true
			case unit == "semaine":
				return weekOf(ref, 0), k + 1, true
			}
			if m, ok := s.tok(k).month(); ok && !s.tok(k).is(aRiskyMonth) {
				return dval{y: ref.Year(), m: m}, k + 1, true
			}
			if wd, ok := s.tok(k).weekday(); ok {
				return dayOf(weekday(ref, wd, 0)), k + 1, true
			}
			return dval{}, 0, false
		}
		dir := 0
		if isPast(s.tok(k + 1).w()) {
			dir = -1
		} else if isNext(s.tok(k + 1).w()) {
			dir = 1
		}
		if dir == 0 {
			if unit == "lendemain" {
				return day(1), k + 1, true
			}
			if (unit == "annee" || unit == "exercice") && s.word(k+1, "en") && s.word(k+2, "cours") {
				// "l'année en cours", "l'exercice en cours": this year.
				return dval{y: ref.Year()}, k + 3, true
			}
			return dval{}, 0, false
		}
		switch unit {
		case "an", "annee":
			return dval{y: ref.Year() + dir}, k + 2, true
		case "mois":
			d := ref.AddDate(0, dir, 0)
			if d.Day() != ref.Day() {
				d = time.Date(ref.Year(), ref.Month()+time.Month(dir), 1, 0, 0, 0, 0, time.UTC)
			}
			return dval{y: d.Year(), m: int(d.Month())}, k + 2, true
		case "semaine":
			return weekOf(ref, dir), k + 2, true
		case "trimestre", "semestre":
			// "au cours du trimestre écoulé", "le semestre dernier": the
			// quarter or half-year before the reference's, as its months.
			n := 3
			if unit == "semestre" {
				n = 6
			}
			p := (ref.Year()*12+int(ref.Month())-1)/n + dir
			y, m := p*n/12, p*n%12+1
			return dval{iso: joinISO(dval{y: y, m: m}, dval{y: y, m: m + n - 1})}, k + 2, true
		case "rentree":
			// "la rentrée dernière": the school year's, in September.
			return monthFrom(ref, 9, dir), k + 2, true
		}
	case "prochain":
		if m, ok := s.tok(i + 1).month(); ok && s.isWord(i+1) && !s.tok(i+1).is(aRiskyMonth) {
			return monthFrom(ref, m, 1), i + 2, true
		}
	case "il":
		// "il y a deux ans", "il ya 2 jours"
		k := i + 1
		switch {
		case s.word(k, "y") && s.word(k+1, "a"):
			k += 2
		case s.word(k, "ya"):
			k++
		default:
			return dval{}, 0, false
		}
		// "il y a à peu près un mois", "il y a environ deux ans": the
		// hedge softens the count; the date is read as said.
		if end, ok := s.phrase(k, []string{"a", "peu", "pres"}); ok {
			k = end
		} else if s.word(k, "environ") || s.word(k, "presque") {
			k++
		}
		return s.offset(k, -1)
	case "dans":
		return s.offset(i+1, 1)
	}
	if _, ok := t.num(); ok {
		// "un an plus tôt", "deux ans plus tôt", "trois mois auparavant"
		if v, next, ok := s.earlier(i); ok {
			return v, next, true
		}
	}
	if m, ok := t.month(); ok && s.isWord(i+1) && !t.is(aRiskyMonth) {
		switch nw := s.toks[i+1].w(); {
		case isPast(nw):
			return monthFrom(ref, m, -1), i + 2, true
		case isNext(nw):
			return monthFrom(ref, m, 1), i + 2, true
		}
	}
	if wd, ok := t.weekday(); ok {
		k := i + 1
		nw := s.tok(k).w()
		switch {
		case isPast(nw) && s.isWord(k):
			return dayOf(weekday(ref, wd, -1)), k + 1, true
		case isNext(nw) && s.isWord(k):
			return dayOf(weekday(ref, wd, 1)), k + 1, true
		case (nw == "suivant" || nw == "suivante") && s.isWord(k):
			// "mercredi suivant": the one of the next week
			return dayOf(weekday(ref, wd, 1)), k + 1, true
		case nw == "d" && s.word(s.skipJoin(k+1), "apres"):
			return dayOf(weekday(ref, wd, 1)), s.skipJoin(k+1) + 1, true
		case nw == "en" && (s.word(k+1, "huit") || s.word(k+1, "quinze") || s.raw(k+1) == "8" || s.raw(k+1) == "15"):
			// "lundi en huit": a week after the coming Monday (today
			// when it is Monday); "en quinze", two weeks after.
			days := 7
			if s.word(k+1, "quinze") || s.raw(k+1) == "15" {
				days = 14
			}
			ahead := (wd - int(ref.Weekday()) + 7) % 7
			return dayOf(ref.AddDate(0, 0, ahead+days)), k + 2, true
		case nw == "cette" && s.word(k+1, "semaine"):
			return dayOf(weekday(ref, wd, 0)), k + 2, true
		case (nw == "la" || nw == "de") && s.word(k+1, "semaine") && (isPast(s.tok(k+2).w()) || isNext(s.tok(k+2).w())),
			nw == "de" && s.word(k+1, "la") && s.word(k+2, "semaine") && (isPast(s.tok(k+3).w()) || isNext(s.tok(k+3).w())):
			j := k + 2
			if s.word(k+1, "la") {
				j++
			}
			dir := -1
			if isNext(s.tok(j).w()) {
				dir = 1
			}
			mon := weekday(ref, 1, 0).AddDate(0, 0, 7*dir)
			off := (wd + 6) % 7
			return dayOf(mon.AddDate(0, 0, off)), j + 1, true
		case (nw == "la" || nw == "de") && (s.word(k+1, "semaine") || s.word(k+1, "la") && s.word(k+2, "semaine")):
			// "mardi de la semaine suivante", "mardi la semaine d'après"
			j := k + 2
			if s.word(k+1, "la") {
				j++
			}
			end := 0
			switch {
			case s.word(j, "suivante"):
				end = j + 1
			case s.word(j, "d") && s.word(s.skipJoin(j+1), "apres"):
				end = s.skipJoin(j+1) + 1
			}
			if end > 0 {
				mon := weekday(ref, 1, 0).AddDate(0, 0, 7)
				return dayOf(mon.AddDate(0, 0, (wd+6)%7)), end, true
			}
		}
		// A bare weekday: the last one on or before the reference date, as
		// a news report tells what happened.
		back := (int(ref.Weekday()) - wd + 7) % 7
		return dayOf(ref.AddDate(0, 0, -back)), i + 1, true
	}
	// "les 12 derniers mois", "3 prochaines semaines", "dernière 3 semaines"
	k := i
	if w == "les" || w == "des" || w == "ces" {
		k++
	}
	// "les six premiers mois de l'année", "les trois premiers mois de
	// 2024": the opening months of a named year (a year must be named:
	// "les six premiers mois du programme" count from no calendar date).
	if n, ok := s.readNumber(k); ok && n.scale == 0 && n.val >= 1 && n.val <= 12 && n.val == float64(int(n.val)) &&
		(s.word(n.end, "premiers") || s.word(n.end, "premieres")) && s.word(n.end+1, "mois") {
		if v, next, ok := s.firstMonths(1, int(n.val), n.end+2, false); ok {
			return v, next, true
		}
	}
	dir := 0
	if isPast(s.tok(k).w()) || s.word(k, "derniers") || s.word(k, "dernieres") {
		dir = -1
		k++
	}
	if dir == 0 && !s.pastOrNextWithin(k+1, 4) {
		return dval{}, 0, false
	}
	if n, ok := s.readNumber(k); ok && n.scale == 0 && n.val >= 1 && n.val <= 100 && n.val == float64(int(n.val)) {
		j := n.end
		if dir == 0 {
			switch nw := s.tok(j).w(); {
			case isPast(nw) || nw == "derniers" || nw == "dernieres":
				dir = -1
				j++
			case isNext(nw) || nw == "prochains" || nw == "prochaines":
				dir = 1
				j++
			}
		}
		if dir != 0 {
			c := int(n.val)
			var add func(time.Time, int) time.Time
			switch s.tok(j).w() {
			case "jours", "jour":
				add = func(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }
			case "semaines", "semaine":
				add = func(t time.Time, n int) time.Time { return t.AddDate(0, 0, 7*n) }
			case "mois":
				add = func(t time.Time, n int) time.Time { return t.AddDate(0, n, 0) }
			case "annees", "ans":
				add = func(t time.Time, n int) time.Time { return t.AddDate(n, 0, 0) }
			default:
				return dval{}, 0, false
			}
			from, to := add(ref, -c), ref.AddDate(0, 0, -1)
			if dir > 0 {
				from, to = ref.AddDate(0, 0, 1), add(ref, c)
			}
			return dval{iso: joinISO(dayOf(from), dayOf(to))}, j + 1, true
		}
	}
	return dval{}, 0, false
}

// decade reads "les années 1990", "les années deux mille".
func (s *scanner) decade(i int) (dval, int, bool) {
	k := i
	if s.word(k, "les") {
		k++
	}
	if !s.word(k, "annees") {
		return dval{}, 0, false
	}
	n, ok := s.readNumber(k + 1)
	if !ok {
		return dval{}, 0, false
	}
	y := int(n.val)
	if float64(y) != n.val || y < 1000 || y > 2999 || y%10 != 0 || (n.digits && len(s.raw(k+1)) != 4) {
		return dval{}, 0, false
	}
	return dval{iso: strconv.Itoa(y) + "/" + strconv.Itoa(y+9)}, n.end, true
}

// skipCi skips the "-ci" of "ce mois-ci".
func (s *scanner) skipCi(k int) int {
	if s.punct(k, '-') && s.glued(k) && s.raw(k+1) == "ci" {
		return k + 2
	}
	return k
}

// offset reads "deux ans", "2 jours", "3 semaines", "3 mois" after "il y a"
// (dir -1) or "dans" (dir 1), counted from the reference date.
func (s *scanner) offset(k, dir int) (dval, int, bool) {
	c, unit, next, ok := s.offsetCount(k)
	if !ok {
		return dval{}, 0, false
	}
	return dayOf(addUnits(s.ref, unit, c*dir)), next, true
}

// offsetCount reads a count of units of time at token k: "deux ans", "2
// jours", "3 semaines", "un mois". unit is 'y', 'm', 'w' or 'd'.
func (s *scanner) offsetCount(k int) (c int, unit byte, next int, ok bool) {
	n, ok := s.readNumber(k)
	if !ok && (s.word(k, "un") || s.word(k, "une")) {
		// A lone "un" is no figure, but "il y a un an" counts one year.
		n, ok = num{val: 1, start: k, end: k + 1}, true
	}
	if !ok || n.scale != 0 || n.val != float64(int(n.val)) || n.val > 1000 {
		return 0, 0, 0, false
	}
	switch s.tok(n.end).w() {
	case "jour", "jours":
		unit = 'd'
	case "semaine", "semaines":
		unit = 'w'
	case "mois":
		unit = 'm'
	case "an", "ans", "annee", "annees":
		unit = 'y'
	default:
		return 0, 0, 0, false
	}
	return int(n.val), unit, n.end + 1, true
}

// earlierWord returns the token after "plus tôt" or "auparavant" at k, or
// k when neither stands there.
func (s *scanner) earlierWord(k int) int {
	switch {
	case s.word(k, "plus") && s.word(k+1, "tot"):
		return k + 2
	case s.word(k, "auparavant"):
		return k + 1
	}
	return k
}

// laterWord returns the token after "plus tard", or after an "après" that
// ends the phrase ("deux jours après." but not "deux jours après la
// signature", which counts from an event), or k.
func (s *scanner) laterWord(k int) int {
	switch {
	case s.word(k, "plus") && s.word(k+1, "tard"):
		return k + 2
	case s.word(k, "apres") && (k+1 >= len(s.toks) || s.tok(k+1).kind == tPunct && s.tok(k+1).r != '-'):
		return k + 1
	}
	return k
}

// monthFrom is the month m before (dir -1) or after (dir 1) ref, never the
// reference month itself.
func monthFrom(ref time.Time, m, dir int) dval {
	y := ref.Year()
	rm := int(ref.Month())
	if dir < 0 && m >= rm {
		y--
	}
	if dir > 0 && m <= rm {
		y++
	}
	return dval{y: y, m: m}
}

// weekday returns the day wd of ref's week (Monday first) moved by dir
// weeks; dir -1 with a day after… see callers: -1 means the last such day
// strictly before ref, 1 the one in the next week.
func weekday(ref time.Time, wd, dir int) time.Time {
	switch dir {
	case -1:
		back := (int(ref.Weekday()) - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case 1:
		mon := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
		return mon.AddDate(0, 0, 7+(wd+6)%7)
	}
	mon := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
	return mon.AddDate(0, 0, (wd+6)%7)
}

// weekOf is the Monday-to-Sunday week of ref moved by dir weeks.
func weekOf(ref time.Time, dir int) dval {
	mon := weekday(ref, 1, 0).AddDate(0, 0, 7*dir)
	sun := mon.AddDate(0, 0, 6)
	return dval{iso: joinISO(dayOf(mon), dayOf(sun))}
}

// pastOrNextWithin reports whether one of the n tokens from i is
// "derniers", "prochaines" or the like.
func (s *scanner) pastOrNextWithin(i, n int) bool {
	for k := i; k < i+n && k < len(s.toks); k++ {
		if s.toks[k].is(aPastOrNext) {
			return true
		}
	}
	return false
}

// weekParts are the parts of the reference week a phrase names, as days
// of the week from Monday (0) to Sunday (6), both ends included.
var weekParts = func() []struct {
	words    []string
	from, to int
} {
	var ps []struct {
		words    []string
		from, to int
	}
	add := func(from, to int, phrases ...string) {
		for _, p := range phrases {
			ps = append(ps, struct {
				words    []string
				from, to int
			}{strings.Fields(fold(p)), from, to})
		}
	}
	add(0, 1, "debut de semaine", "au debut de la semaine", "en debut de semaine")
	add(2, 3, "milieu de semaine", "au milieu de la semaine", "en milieu de semaine")
	add(3, 6, "fin de semaine", "a la fin de la semaine", "en fin de semaine")
	add(0, 6, "dans la semaine")
	return ps
}()

// monthYearParts are the parts of the reference month (days, unit 'm')
// or year (months, unit 'y') a phrase names without naming the month or
// year: "en début d'année" is January (as "début 2025" is 2025-01), "à la
// fin de l'année" December. "En début de mois" is left out: the press
// writes it of a habit ("saturées en début de mois") more than of a date.
var monthYearParts = func() []struct {
	words    []string
	unit     byte
	from, to int // days of the month (to 0: the last), or months
} {
	type part = struct {
		words    []string
		unit     byte
		from, to int
	}
	var ps []part
	add := func(unit byte, from, to int, phrases ...string) {
		for _, p := range phrases {
			ps = append(ps, part{strings.Fields(fold(p)), unit, from, to})
		}
	}
	add('y', 12, 12, "fin d annee", "a la fin de l annee")
	add('y', 1, 1, "debut d annee", "au debut de l annee")
	return ps
}()

// monthYearPart reads a phrase of monthYearParts at token i; one that
// names its own month or year next ("à la fin de l'année 2024", "…
// dernière") is left to the grammars that read it.
func (s *scanner) monthYearPart(i int) (dval, int, bool) {
	t := s.tok(i)
	if t.vi == 0 || !t.ds() {
		return dval{}, 0, false
	}
	for _, k := range monthYearPartsByFirst[t.w()] {
		p := &monthYearParts[k]
		end, ok := s.phrase(i, p.words)
		if !ok {
			continue
		}
		if _, _, ok := s.yearAfter(end); ok || s.tok(end).is(aPastOrNext) || s.isWord(end) && s.isMonth(end) ||
			s.matches(end, "de") || s.word(end, "en") {
			return dval{}, 0, false
		}
		if s.ref.IsZero() {
			return dval{rel: true}, end, true
		}
		y, m := s.ref.Year(), int(s.ref.Month())
		if p.unit == 'y' {
			return dval{y: y, m: p.from}, end, true
		}
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		to := p.to
		if to == 0 {
			to = last
		}
		return dval{iso: joinISO(dval{y: y, m: m, d: p.from}, dval{y: y, m: m, d: to})}, end, true
	}
	return dval{}, 0, false
}

// weekPartsByFirst and monthYearPartsByFirst index the tables by first
// word: "a", "au" and "en" are frequent, and most open none of them.
var weekPartsByFirst, monthYearPartsByFirst = func() (map[string][]int, map[string][]int) {
	w, m := map[string][]int{}, map[string][]int{}
	for k, p := range weekParts {
		w[p.words[0]] = append(w[p.words[0]], k)
	}
	for k, p := range monthYearParts {
		m[p.words[0]] = append(m[p.words[0]], k)
	}
	return w, m
}()

// weekPart reads a phrase of weekParts at token i: "en fin de semaine" is
// Thursday to Sunday of the reference week.
func (s *scanner) weekPart(i int) (dval, int, bool) {
	t := s.tok(i)
	if t.vi == 0 || !t.ds() && t.w() != "milieu" {
		return dval{}, 0, false
	}
	for _, k := range weekPartsByFirst[t.w()] {
		p := &weekParts[k]
		end, ok := s.phrase(i, p.words)
		if !ok {
			continue
		}
		if s.ref.IsZero() {
			return dval{rel: true}, end, true
		}
		mon := weekday(s.ref, 1, 0)
		a, b := dayOf(mon.AddDate(0, 0, p.from)), dayOf(mon.AddDate(0, 0, p.to))
		return dval{iso: joinISO(a, b)}, end, true
	}
	return dval{}, 0, false
}

// "été" is no telling word (it is far more often "a été"): the scanner
// lets "cet" through to season when "été" follows.

// seasons are the astronomical seasons, as Duckling dates them: the month
// and day each starts and ends (winter runs over the new year).
var seasons = map[string][4]int{
	"printemps": {3, 21, 6, 20}, "ete": {6, 21, 9, 23}, "automne": {9, 24, 12, 20}, "hiver": {12, 21, 3, 20},
}

// season reads "cet été", "cet hiver", "ce printemps": the season under
// way at the reference date or, when none is, the next one of that name.
func (s *scanner) season(i int) (dval, int, bool) {
	w := s.tok(i).w()
	if w != "ce" && w != "cet" || !s.isWord(i+1) {
		return dval{}, 0, false
	}
	se, ok := seasons[s.tok(i+1).w()]
	if !ok {
		return dval{}, 0, false
	}
	if s.ref.IsZero() {
		return dval{rel: true}, i + 2, true
	}
	y := s.ref.Year()
	if se[2] < se[0] {
		// winter: the one that began last December until it ends
		if int(s.ref.Month()) < se[0] {
			y--
		}
		return dval{iso: joinISO(dval{y: y, m: se[0], d: se[1]}, dval{y: y + 1, m: se[2], d: se[3]})}, i + 2, true
	}
	if end := time.Date(y, time.Month(se[2]), se[3], 0, 0, 0, 0, time.UTC); s.ref.After(end) {
		y++
	}
	return dval{iso: joinISO(dval{y: y, m: se[0], d: se[1]}, dval{y: y, m: se[2], d: se[3]})}, i + 2, true
}

// bareDay reads a day of the month named without its month after "le":
// "le 16", "le 2/3", "le 17 02", ending a clause. The month is the one the
// paragraph last named, else the reference month.
func (s *scanner) bareDay(k int) (dval, int, bool) {
	if !s.isNum(k) || len(s.raw(k)) > 2 || s.toks[k].gap == gWide {
		return dval{}, 0, false
	}
	d, _ := strconv.Atoi(s.raw(k))
	next := k + 1
	m := 0
	switch {
	case s.punct(next, '/') && s.glued(next) && s.isNum(next+1) && s.glued(next+1) && len(s.raw(next+1)) <= 2:
		m, _ = strconv.Atoi(s.raw(next + 1))
		next += 2
	case s.isNum(next) && s.toks[next].gap == gSpace && len(s.raw(next)) <= 2:
		m, _ = strconv.Atoi(s.raw(next))
		next++
	}
	if t := s.tok(next); next < len(s.toks) && !(t.kind == tPunct && strings.ContainsRune(",.;:)", t.r) && !(s.isNum(next+1) && s.glued(next+1))) {
		return dval{}, 0, false
	}
	if m != 0 {
		if !validDay(0, m, d) {
			return dval{}, 0, false
		}
		return s.resolveYearless(dval{m: m, d: d}), next, true
	}
	if d < 1 || d > 31 {
		return dval{}, 0, false
	}
	base := dayOf(s.ref)
	if a, ok := s.anchor(k); ok && a.m != 0 {
		base = a
	} else if s.ref.IsZero() {
		return dval{rel: true}, next, true
	}
	if !validDay(base.y, base.m, d) {
		return dval{}, 0, false
	}
	return dval{y: base.y, m: base.m, d: d}, next, true
}

func (s *scanner) isMonth(i int) bool {
	_, ok := s.toks[i].month()
	return ok
}
