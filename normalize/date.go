package normalize

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dval is a calendar date known to a precision: y only, y and m, or y, m
// and d. y == 0 means the text gave no year.
type dval struct {
	y, m, d int
	// yearOnly marks a bare year, which is a date only after a cue.
	yearOnly bool
	// rel marks a date that needed the reference date; iso is "" without it.
	rel bool
	// iso overrides the rendering (weeks, decades and other intervals).
	iso string
	// anchored marks a date placed next to an earlier date of the text
	// ("un an plus tôt"), which needs no reference date.
	anchored bool
}

func (v dval) String() string {
	if v.iso != "" {
		return v.iso
	}
	if v.y == 0 {
		return ""
	}
	if v.m == 0 && v.y >= firstYearString && v.y < firstYearString+len(yearStrings) {
		return yearStrings[v.y-firstYearString]
	}
	var buf [16]byte
	return string(v.appendISO(buf[:0]))
}

// blank reports whether v renders as "" (a date the reference date was
// missing for).
func (v dval) blank() bool { return v.iso == "" && v.y == 0 }

// appendISO appends v.String() to b.
func (v dval) appendISO(b []byte) []byte {
	if v.iso != "" {
		return append(b, v.iso...)
	}
	if v.y == 0 {
		return b
	}
	b = appendInt(b, v.y, 4)
	if v.m > 0 {
		b = append(b, '-')
		b = appendInt(b, v.m, 2)
		if v.d > 0 {
			b = append(b, '-')
			b = appendInt(b, v.d, 2)
		}
	}
	return b
}

// joinISO renders the interval "a/b" (either side may be empty) with a
// single allocation.
func joinISO(a, b dval) string {
	var buf [48]byte
	out := a.appendISO(buf[:0])
	out = append(out, '/')
	return string(b.appendISO(out))
}

// yearStrings are the years a text names most, rendered once: a bare year
// is the most frequent date.
const firstYearString = 1900

var yearStrings = func() (ys [201]string) {
	for k := range ys {
		ys[k] = strconv.Itoa(firstYearString + k)
	}
	return ys
}()

// appendInt appends n in decimal, padded with zeros to width digits.
func appendInt(b []byte, n, width int) []byte {
	var tmp [20]byte
	d := strconv.AppendInt(tmp[:0], int64(n), 10)
	for k := len(d); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

func dayOf(t time.Time) dval { return dval{y: t.Year(), m: int(t.Month()), d: t.Day()} }

// date reads a date expression at token i, with its lead words ("en",
// "à fin", "depuis", "au cours de l'année", "entre … et …").
func (s *scanner) date(i int) (Expr, int, bool) {
	if t := s.tok(i); t.kind == tWord && t.fn() && !s.dateSoon(i+1, 7) && !(t.w() == "le" && s.isNum(i+1)) &&
		!(t.vi == idCet && s.word(i+1, "ete")) {
		return Expr{}, i + 1, false
	}
	start := i
	j := i
	mod := ""
	lead := false
	w := s.tok(j).w()
	if w == "a" && (s.word(j+1, "fin") || s.word(j+1, "fins")) {
		j++
		w = "fin"
	}
	if w == "a" && (s.word(j+1, "partir") || s.word(j+1, "compter")) && (s.matches(j+2, "de") || s.word(j+2, "du")) {
		// "à partir de 2027", "à compter du 1er janvier 2026": like
		// "depuis", the date from which on; read from its "de" as after
		// "depuis" ("d'avril" has its apostrophe skipped).
		j += 2
		if s.word(j, "d") {
			j = s.skipJoin(j+1) - 1
		}
		w = "depuis"
	}
	// "d'ici (la) fin …" sets a deadline: "d'ici la fin de l'année" is
	// the end of the current year. The span keeps to "fin …", as "d'ici
	// 2030" is "2030".
	dici := false
	switch w {
	case "fin", "fins":
		mod = "end"
		dici = s.word(i-1, "ici") || s.word(i-1, "la") && s.word(i-2, "ici")
		j++
	case "debut":
		mod = "start"
		j++
	case "mi":
		if s.punct(j+1, '-') {
			mod = "mid"
			j += 2
		}
	case "depuis":
		mod = "since"
		j++
		if s.word(j, "le") {
			j++
		}
	case "entre":
		if s.isNum(j+1) && !s.mayStartDate(j+1) {
			return Expr{}, i + 1, false
		}
		return s.dateInterval(i, j+1, "et")
	case "de", "du":
		if s.isNum(j+1) && !s.mayStartDate(j+1) {
			return Expr{}, i + 1, false
		}
		if e, next, ok := s.dateInterval(i, j+1, "a", "au"); ok {
			return e, next, true
		}
		if w == "du" {
			// "la tranche du mois dernier", "au cours du trimestre
			// écoulé"
			if v, next, ok := s.relative(j); ok {
				return s.dateExpr(start, next, v.String()), next, true
			}
		}
		return Expr{}, i + 1, false
	case "en", "courant", "des":
		lead = true
		j++
	case "au":
		if s.word(j+1, "cours") && s.matches(j+2, "de") && s.word(j+3, "l") && s.word(s.skipJoin(j+4), "annee") {
			j = s.skipJoin(j+4) + 1
			lead = true
		} else if s.word(j+1, "terme") && s.matches(j+2, "de") {
			// "au terme de 2021", "au terme de l'année 2022": its end.
			mod = "end"
			j += 2
		}
	case "l":
		if (s.punct(j+1, '\'') || s.punct(j+1, '’')) && (s.word(j+2, "annee") || s.word(j+2, "an") || s.word(j+2, "exercice")) {
			if v, next, ok := s.relative(i); ok {
				return s.dateExpr(start, next, v.String()), next, true
			}
			j += 3
			lead = true
		}
	case "annee", "exercice":
		j++
		lead = true
	}
	if lead || mod != "" {
		thisYear := -1
		if mod != "" && s.matches(j, "de") {
			// "fin de l'année 2024"
			k := s.skipJoin(j + 1)
			if s.word(k, "l") && s.word(s.skipJoin(k+1), "annee") {
				thisYear = k
				j = s.skipJoin(k+1) + 1
			} else if s.isNum(j + 1) {
				j++ // "d'ici la fin de 2026"
			}
		}
		v, next, ok := s.dateCore(j)
		if !ok && (mod == "" || mod == "since" || mod == "end" && s.word(j, "du")) {
			// ("à la fin du trimestre écoulé": the end of a relative
			// period.)
			v, next, ok = s.relative(j)
		}
		if !ok && thisYear >= 0 && !dici {
			// "à la fin de l'année dernière": the end of a relative
			// year; "fin de l'année" alone says no which.
			if v2, n2, ok2 := s.relative(thisYear); ok2 && n2 > j {
				v, next, ok = v2, n2, true
			}
		}
		if !ok && thisYear >= 0 && dici {
			// "d'ici la fin de l'année prochaine"; with no word after
			// "l'année", a deadline is the end of the current year.
			if v, next, ok = s.relative(thisYear); !ok {
				v, next, ok = dval{rel: true}, j, true
				if !s.ref.IsZero() {
					v.y = s.ref.Year()
				}
			}
		}
		if !ok {
			return Expr{}, i + 1, false
		}
		if mod == "since" {
			// "depuis Oct. 2 au Octobre 22": the interval closes.
			if iso, n2, ok := s.continueInterval(v, next, true); ok {
				return s.dateExpr(start, n2, iso), n2, true
			}
		}
		return s.dateExpr(start, next, s.applyMod(v, mod)), next, true
	}
	v, next, ok := s.dateCore(i)
	if ok && v.yearOnly && !s.yearCued(i) {
		return Expr{}, i + 1, false
	}
	if !ok {
		v, next, ok = s.relative(i)
	}
	if !ok {
		return Expr{}, i + 1, false
	}
	if iso, n2, ok := s.continueInterval(v, next, false); ok {
		return s.dateExpr(start, n2, iso), n2, true
	}
	return s.dateExpr(start, next, v.String()), next, true
}

// continueInterval reads the second end of "A au B", "A jusqu'à B", "A - B"
// after the date a ending at token k ("et" too after "depuis").
func (s *scanner) continueInterval(a dval, k int, allowEt bool) (string, int, bool) {
	j, ok := s.intervalConn(k, allowEt)
	if !ok || a.yearOnly {
		return "", 0, false
	}
	b, next, ok := s.dateCore(j)
	if !ok {
		b, next, ok = s.relative(j)
	}
	if !ok || b.yearOnly {
		return "", 0, false
	}
	if a.rel && a.y != 0 && b.y != 0 && !b.rel {
		a.y = b.y
		if a.m > b.m {
			a.y--
		}
	}
	if a.blank() || b.blank() {
		return "", next, true
	}
	return joinISO(a, b), next, true
}

// intervalConn reads the word joining two ends of an interval and returns
// the token after it.
func (s *scanner) intervalConn(k int, allowEt bool) (int, bool) {
	switch {
	case s.word(k, "au") || s.word(k, "a") || s.word(k, "aux"):
		return k + 1, true
	case allowEt && s.word(k, "et"):
		return k + 1, true
	case s.word(k, "jusqu"):
		j := s.skipJoin(k + 1)
		if s.word(j, "a") || s.word(j, "au") {
			return j + 1, true
		}
	case s.punct(k, '-') || s.punct(k, '–'):
		return k + 1, true
	}
	return 0, false
}

// periodCode reads a quarter or a half written as a code, its year
// after it: "T2 2024" (the second quarter), "S1 2025" (the first half),
// "Q3 2025", "H2 2024"; i is the code's number, glued to its letter.
func (s *scanner) periodCode(i int) (Expr, int, bool) {
	if i == 0 || !s.glued(i) || !s.isWord(i-1) || !s.isNum(i+1) || s.toks[i+1].gap != gSpace ||
		s.glued(i+2) && (s.toks[i+2].kind != tPunct || s.isNum(i+3) && s.glued(i+3)) {
		return Expr{}, 0, false
	}
	if i >= 2 && s.glued(i-1) && s.toks[i-2].kind != tPunct {
		return Expr{}, 0, false // "AT2 2024": the code is the word's end
	}
	months := 0
	switch s.raw(i - 1) {
	case "T", "Q":
		months = 3
	case "S", "H":
		months = 6
	default:
		return Expr{}, 0, false
	}
	n, err := strconv.Atoi(s.raw(i))
	y, err2 := strconv.Atoi(s.raw(i + 1))
	if err != nil || err2 != nil || n < 1 || n*months > 12 || len(s.raw(i+1)) != 4 || y < 1990 || y > 2099 {
		return Expr{}, 0, false
	}
	iso := fmt.Sprintf("%04d-%02d/%04d-%02d", y, (n-1)*months+1, y, n*months)
	return s.dateExpr(i-1, i+2, iso), i + 2, true
}

func (s *scanner) dateExpr(start, next int, iso string) Expr {
	return Expr{Start: int(s.toks[start].start), End: int(s.toks[next-1].end), Kind: Date, Date: iso}
}

// applyMod renders v after a lead word: "fin 2024" is 2024-12, "début
// 2025" 2025-01, "depuis décembre 2023" an interval open at its end.
func (s *scanner) applyMod(v dval, mod string) string {
	switch mod {
	case "end":
		if v.iso == "" && v.y != 0 && v.m == 0 {
			v.m = 12
		}
	case "start":
		if v.iso == "" && v.y != 0 && v.m == 0 {
			v.m = 1
		}
	case "since":
		if strings.Contains(v.iso, "/") {
			return v.iso // "depuis 4 au 22 cette mois" is that interval
		}
		if v.blank() {
			return ""
		}
		return joinISO(v, dval{iso: ".."})
	}
	return v.String()
}

// yearCued reports whether the bare year at token i follows a word that
// makes it a date ("avant 2025", "d'ici 2030", "pour 2025").
func (s *scanner) yearCued(i int) bool {
	p := i - 1
	if p >= 0 && s.toks[p].kind == tPunct && isApos(s.toks[p].r) {
		p--
	}
	if s.punct(p, ')') && s.punct(p-2, '(') {
		p-- // "le projet de loi de finances (PLF) 2026"
	}
	if s.punct(p, '(') && s.punct(i+1, ')') && s.glued(i) && s.glued(i+1) {
		return true // a year alone in brackets: "9 870 (2023)", "Dupont (2019)"
	}
	if !s.isWord(p) {
		return false
	}
	return s.toks[p].is(aYearCue) && !s.hedgedBefore(i)
}

// hedgedBefore reports whether a hedge ends just before token i: "plus de
// 2000 infirmiers" is a count, whatever the number looks like.
func (s *scanner) hedgedBefore(i int) bool {
	var e Expr
	return s.hedgeAt(&e, i-1, 0, false)
}

// dateInterval reads "entre 2021 et fin 2024", "de 2010 à 2018", "du 4 au
// 22 novembre 2016", "entre 3 et 12 de Sept".
func (s *scanner) dateInterval(start, j int, conns ...string) (Expr, int, bool) {
	a, k, ok := s.datePart(j)
	if ok && strings.Contains(a.iso, "/") {
		// "entre 3 et 12 de Sept" was read whole as a day range.
		return s.dateExpr(start, k, a.iso), k, true
	}
	if !ok {
		// A bare day borrows its month and year from the other end.
		if s.isNum(j) && len(s.raw(j)) <= 2 {
			d, _ := strconv.Atoi(s.raw(j))
			if d >= 1 && d <= 31 {
				a, k, ok = dval{d: d}, j+1, true
				if s.word(k, "er") && s.glued(k) {
					k++
				}
			}
		}
		if !ok {
			return Expr{}, start + 1, false
		}
	}
	matched := false
	for _, c := range conns {
		if s.word(k, c) {
			matched = true
		}
	}
	if !matched {
		return Expr{}, start + 1, false
	}
	k++
	b, next, ok := s.datePart(k)
	if !ok {
		return Expr{}, start + 1, false
	}
	if a.y == 0 && a.m == 0 && a.iso == "" && a.d != 0 {
		// bare day: needs a month on the other end
		if b.m == 0 || b.d == 0 && b.iso == "" && !b.monthOnly() {
			return Expr{}, start + 1, false
		}
		a.y, a.m = b.y, b.m
	}
	if a.yearOnly != b.yearOnly && (a.yearOnly || b.yearOnly) && (a.m == 0 && b.m == 0) {
		return Expr{}, start + 1, false
	}
	if (a.yearOnly || b.yearOnly) && s.unitFollows(next) {
		return Expr{}, start + 1, false
	}
	if a.y == 0 && b.y != 0 {
		a.y = b.y
	}
	iso := ""
	if !a.blank() && !b.blank() {
		iso = joinISO(a, b)
	}
	return s.dateExpr(start, next, iso), next, true
}

func (v dval) monthOnly() bool { return v.m != 0 && v.d == 0 }

// unitFollows reports whether a unit follows token i, which makes "de 1500
// à 2000 dirhams" a range of money, not of years.
func (s *scanner) unitFollows(i int) bool {
	t := s.tok(i)
	if t.kind == tPunct && (t.r == '%' || t.r == '$' || t.r == '€') {
		return true
	}
	return t.kind == tWord && (t.is(aPercent) || s.currencyAt(i) || t.is(aCountNoun))
}

// datePart reads one end of an interval, with its own "fin"/"début".
func (s *scanner) datePart(j int) (dval, int, bool) {
	mod := ""
	k := j
	switch {
	case s.word(k, "fin") || s.word(k, "fins"):
		mod = "end"
		k++
	case s.word(k, "debut"):
		mod = "start"
		k++
	}
	v, next, ok := s.dateCore(k)
	if !ok {
		return v, next, false
	}
	switch mod {
	case "end":
		if v.m == 0 {
			v.m = 12
		}
		v.yearOnly = false
	case "start":
		if v.m == 0 {
			v.m = 1
		}
		v.yearOnly = false
	}
	if v.yearOnly && (v.y < 1900 || v.y > 2100) {
		return v, next, false
	}
	return v, next, true
}

// dayNum reads a day of the month at token i: "26", "1er", "premier",
// "vingt-neuf".
func (s *scanner) dayNum(i int) (int, int, bool) {
	switch {
	case s.isNum(i) && len(s.raw(i)) <= 2:
		d, _ := strconv.Atoi(s.raw(i))
		if d < 1 || d > 31 {
			return 0, 0, false
		}
		k := i + 1
		if s.isWord(k) && s.glued(k) {
			if w := s.toks[k].w(); (w == "er" || w == "e") && d == 1 {
				k++
			} else if (w == "e" || w == "eme") && (s.word(k+1, "jour") || s.word(k+1, "semaine") ||
				s.word(k+1, "trimestre") || s.word(k+1, "semestre") || s.word(k+1, "quart")) {
				// "3e jour d'octobre", "3ème trimestre 2016"
				k++
			} else {
				return 0, 0, false
			}
		}
		return d, k, true
	case s.isWord(i) && s.toks[i].ordinal() != 0:
		return s.toks[i].ordinal(), i + 1, true
	case s.isWord(i):
		if nw, ok := s.toks[i].num(); ok && (nw.kind == nwUnit || nw.kind == nwTen) {
			n, ok := s.readSpelled(i)
			if ok && n.val >= 1 && n.val <= 31 && n.val == float64(int(n.val)) && n.scale == 0 {
				return int(n.val), n.end, true
			}
		}
	}
	return 0, 0, false
}

// monthAt reads a month name at token i, with the dot of an abbreviation.
func (s *scanner) monthAt(i int) (int, int, bool) {
	if !s.isWord(i) {
		return 0, 0, false
	}
	m, ok := s.toks[i].month()
	if !ok {
		return 0, 0, false
	}
	k := i + 1
	if s.punct(k, '.') && s.glued(k) && (!fullMonth(s.toks[i].w()) || s.digitsAt(k+1)) {
		// "Oct. 2", "janv. 2025": an abbreviation's dot. After a month
		// written whole the dot ends the sentence, unless digits follow
		// ("Octobre. 2"): "…au titre du mois d'août. Une famille…" names
		// no day.
		k++
	}
	return m, k, true
}

// digitsAt reports whether token i is a number written in digits.
func (s *scanner) digitsAt(i int) bool {
	r := s.raw(i)
	return s.isNum(i) && r != "" && r[0] >= '0' && r[0] <= '9'
}

// yearAt reads a year at token i: four digits, or two after a month or a
// day ("juillet 98", "1er avril 78").
func (s *scanner) yearAt(i int, twoDigits bool) (int, int, bool) {
	if !s.isNum(i) {
		return 0, 0, false
	}
	r := s.raw(i)
	if s.isWord(i+1) && s.glued(i+1) || s.punct(i+1, ',') && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2) ||
		s.punct(i+1, '.') && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2) {
		return 0, 0, false
	}
	switch {
	case len(r) == 4:
		y, _ := strconv.Atoi(r)
		if y < 1000 || y > 2999 {
			return 0, 0, false
		}
		// "2 000 personnes" is a count; "fin 2025 126.000 assurés" is a
		// year, then a number grouped by its own dots.
		if s.isNum(i+1) && s.toks[i+1].gap == gSpace && len(s.raw(i+1)) == 3 &&
			!((s.punct(i+2, '.') || s.punct(i+2, ',')) && s.glued(i+2) && s.isNum(i+3) && s.glued(i+3)) {
			return 0, 0, false
		}
		return y, i + 1, true
	case len(r) == 2 && twoDigits:
		if s.isNum(i+1) && s.toks[i+1].gap == gSpace && len(s.raw(i+1)) == 3 {
			// "Depuis janvier, 23 500 dossiers": a number grouped by
			// thousands, not a year written in two digits.
			return 0, 0, false
		}
		y, _ := strconv.Atoi(r)
		return twoDigitYear(y), i + 1, true
	}
	return 0, 0, false
}

func twoDigitYear(y int) int {
	if y < 50 {
		return 2000 + y
	}
	return 1900 + y
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000 // leap year: 29/2 without a year is a valid date
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// dateCore reads a date with no lead word at token i.
func (s *scanner) dateCore(i int) (dval, int, bool) {
	// The same token is tried as a date from several lead words ("de",
	// "entre", then itself); remember where no date starts.
	if i < len(s.toks) && s.toks[i].noDate {
		return dval{}, i + 1, false
	}
	v, next, ok := s.dateCoreAt(i)
	if !ok && i < len(s.toks) {
		s.toks[i].noDate = true
	}
	return v, next, ok
}

func (s *scanner) dateCoreAt(i int) (dval, int, bool) {
	t := s.tok(i)
	switch t.kind {
	case tNum:
		if v, next, ok := s.numericDate(i); ok {
			return v, next, true
		}
		if d, k, ok := s.dayNum(i); ok && k > i+1 {
			// "1er trimestre 2025"
			if v, next, ok := s.period(d, k); ok {
				return v, next, true
			}
		}
		if v, next, ok := s.dayRange(i); ok {
			return v, next, true
		}
		if d, k, ok := s.dayNum(i); ok {
			if v, next, ok := s.afterDay(d, k); ok {
				return v, next, true
			}
		}
		if y, next, ok := s.yearAt(i, false); ok && y >= 1900 && y <= 2100 {
			if s.unitFollows(next) || s.scaleFollows(next) {
				return dval{}, i + 1, false
			}
			return dval{y: y, yearOnly: true}, next, true
		}
	case tWord:
		k := i
		if _, ok := t.weekday(); ok {
			k++
			if s.punct(k, ',') {
				k++
			}
		} else if _, ok := t.weekdayAbbr(); ok && (s.punct(k+1, '.') || s.punct(k+1, ',')) {
			k += 2
		}
		if k > i {
			if s.word(k, "le") {
				k++
			}
			if v, next, ok := s.numericDate(k); ok && v.d != 0 {
				return v, next, true
			}
			if d, k2, ok := s.dayNum(k); ok {
				if v, next, ok := s.afterDay(d, k2); ok {
					return v, next, true
				}
			}
			return dval{}, i + 1, false
		}
		if w := t.w(); (w == "dernier" || w == "derniere") && (s.word(i+1, "jour") || s.word(i+1, "semaine")) {
			if v, next, ok := s.nthOf(-1, s.word(i+1, "semaine"), i+2); ok {
				return v, next, true
			}
		}
		if d := t.ordinal(); d != 0 {
			if v, next, ok := s.period(d, i+1); ok {
				return v, next, true
			}
			if v, next, ok := s.afterDay(d, i+1); ok {
				return v, next, true
			}
		}
		if v, next, ok := s.holiday(i); ok {
			return v, next, true
		}
		if m, k, ok := s.monthAt(i); ok {
			return s.afterMonth(i, m, k)
		}
		if nw, ok := t.num(); ok && (nw.kind == nwUnit || nw.kind == nwTen) {
			if d, k, ok := s.dayNum(i); ok {
				if v, next, ok := s.afterDay(d, k); ok {
					return v, next, true
				}
			}
		}
	}
	return dval{}, i + 1, false
}

// decimalFollows reports whether token i is a decimal comma or point
// glued between digits: "fin mars 5,28 millions" holds no "mars 5".
func (s *scanner) decimalFollows(i int) bool {
	return (s.punct(i, ',') || s.punct(i, '.')) && s.glued(i) && s.isNum(i+1) && s.glued(i+1)
}

func (s *scanner) scaleFollows(i int) bool {
	t := s.tok(i)
	if t.kind != tWord {
		return false
	}
	if nw, ok := t.num(); ok && nw.kind == nwScale {
		return true
	}
	if !t.is(aScaleAbbr) {
		return false
	}
	_, ok := scaleAbbr[s.raw(i)] // the case decides: "M" is a million, "m" a metre
	return ok
}

// afterDay reads the month (and year) after a day: "26 novembre 2024",
// "12 Janvier, 2016", "23 novembre de 1987", "23/Sep/2020", "22 Juin".
func (s *scanner) afterDay(d, k int) (dval, int, bool) {
	sep := rune(0)
	if (s.punct(k, '/') || s.punct(k, '-')) && s.glued(k) {
		sep = s.toks[k].r
		k++
	}
	m, k2, ok := s.monthAt(k)
	if !ok && sep == 0 {
		if y, rm, next, ok := s.monthRef(k); ok {
			v := dval{y: y, m: rm, d: d, rel: true}
			if y == 0 {
				v = s.resolveYearless(v)
			}
			return v, next, validDay(v.y, rm, d)
		}
	}
	if !ok {
		return dval{}, k, false
	}
	if sep == 0 && s.glued(k) {
		return dval{}, k, false
	}
	v := dval{m: m, d: d}
	if sep != 0 && s.punct(k2, sep) && s.glued(k2) {
		if y, next, ok := s.yearAt(k2+1, true); ok {
			v.y = y
			return v, next, validDay(y, m, d)
		}
	}
	if sep != 0 {
		return v, k2, validDay(0, m, d)
	}
	if y, next, ok := s.yearAfter(k2); ok {
		v.y = y
		return v, next, validDay(y, m, d)
	}
	// "23-2020-septembre" is read by numericDate; here a year-less date.
	if !validDay(0, m, d) {
		return dval{}, k, false
	}
	// "7 sept" without a year is still a date.
	return s.resolveYearless(v), k2, true
}

// yearAfter reads the year after a month: "2024", ", 2016", "de 1987", "98".
func (s *scanner) yearAfter(k int) (int, int, bool) {
	j := k
	if s.punct(j, ',') {
		j++
	} else if s.word(j, "de") && s.isNum(j+1) {
		j++
	}
	if y, next, ok := s.yearAt(j, true); ok {
		if len(s.raw(j)) == 2 {
			yy, _ := strconv.Atoi(s.raw(j))
			if yy <= 31 && j == k {
				return 0, 0, false
			}
		}
		if s.unitFollows(next) || s.scaleFollows(next) {
			return 0, 0, false
		}
		return y, next, true
	}
	return 0, 0, false
}

// afterMonth reads what follows a month name: "octobre 2024", "Oct. 2",
// "novembre 23 de 1987", "Sep-23-2020", "septembre-2020-23", "Mai
// vingt-neuf", or nothing ("Février").
func (s *scanner) afterMonth(i, m, k int) (dval, int, bool) {
	if nw := s.tok(k).w(); s.isWord(k) && (isPast(nw) || isNext(nw)) {
		return dval{}, i + 1, false // "janvier dernier": a relative date
	}
	// "septembre-2020-23", "Sep-23-2020", "Oct/2", "Oct-2"
	if (s.punct(k, '-') || s.punct(k, '/')) && s.glued(k) && s.isNum(k+1) && s.glued(k+1) {
		sep := s.toks[k].r
		a := s.raw(k + 1)
		if s.punct(k+2, sep) && s.glued(k+2) && s.isNum(k+3) && s.glued(k+3) {
			b := s.raw(k + 3)
			if len(a) == 4 {
				y, _ := strconv.Atoi(a)
				d, _ := strconv.Atoi(b)
				if validDay(y, m, d) {
					return dval{y: y, m: m, d: d}, k + 4, true
				}
			}
			d, _ := strconv.Atoi(a)
			if y, next, ok := s.yearAt(k+3, true); ok && validDay(y, m, d) {
				return dval{y: y, m: m, d: d}, next, true
			}
			return dval{}, i + 1, false
		}
		if len(a) <= 2 {
			d, _ := strconv.Atoi(a)
			if validDay(0, m, d) {
				return s.resolveYearless(dval{m: m, d: d}), k + 2, true
			}
		}
		return dval{}, i + 1, false
	}
	if y, next, ok := s.yearAfter(k); ok {
		return dval{y: y, m: m}, next, true
	}
	// "Oct. 2", "novembre 23 de 1987", "Mai vingt-neuf"
	j := k
	if s.punct(j, '.') && !s.glued(j) {
		j++
	}
	if d, next, ok := s.dayNum(j); ok && s.tok(j).gap != gWide && !s.scaleFollows(next) && !s.unitFollows(next) && !s.decimalFollows(next) &&
		!(s.isNum(j) && s.isWord(next) && !s.word(next, "de") && !s.word(next, "au") && !s.word(next, "a") && !s.word(next, "et")) {
		if y, n2, ok := s.yearAfter(next); ok && validDay(y, m, d) {
			return dval{y: y, m: m, d: d}, n2, true
		}
		// "Novembre 19 au 20", "novembre 19-20"
		if k2, ok := s.intervalConn(next, true); ok && validDay(0, m, d) {
			if d2, n2, ok := s.dayNum(k2); ok && d2 > d && validDay(0, m, d2) && !s.isWord(n2) {
				a := s.resolveYearless(dval{m: m, d: d})
				return dval{iso: joinISO(a, dval{y: a.y, m: m, d: d2}), rel: true, y: a.y}, n2, a.y != 0 || true
			}
		}
		if validDay(0, m, d) && !s.isNum(next) {
			return s.resolveYearless(dval{m: m, d: d}), next, true
		}
	}
	// "Novembre entre 19 et 20"
	if s.word(k, "entre") {
		if d, n1, ok := s.dayNum(k + 1); ok && s.word(n1, "et") {
			if d2, n2, ok := s.dayNum(n1 + 1); ok && d2 > d && validDay(0, m, d2) {
				a := s.resolveYearless(dval{m: m, d: d})
				return dval{iso: joinISO(a, dval{y: a.y, m: m, d: d2}), rel: true, y: a.y}, n2, true
			}
		}
	}
	// "mars", "mai" alone are too often something else; after "en",
	// "mois de", "fin", "début", "depuis" or "mi-" they are months.
	if s.toks[i].is(aRiskyMonth) && !s.monthLead(i) {
		return dval{}, i + 1, false
	}
	// A month alone: the nearest one to the reference date, unless a verb
	// in the past says it was the last one ("a été relevé en janvier",
	// written in October).
	v := s.resolveYearless(dval{m: m})
	if !s.ref.IsZero() && v.y*12+v.m > s.ref.Year()*12+int(s.ref.Month()) && s.pastBefore(i) {
		v.y--
	}
	return v, k, true
}

// pastBefore reports whether the month at token i follows "en" after a
// verb in the past: an auxiliary ("a", "ont", "avait", "avaient", "a
// été") then a participle in -é ("a été relevé en janvier", "ont
// augmenté en mars"). The words before are read from the text, as the
// scanner keeps no token for a word its grammar does not name.
func (s *scanner) pastBefore(i int) bool {
	if !s.word(i-1, "en") {
		return false
	}
	before := s.text[max(0, int(s.toks[i-1].start)-80):s.toks[i-1].start]
	if pastTense.MatchString(before) {
		return true
	}
	// The verb may stand before what changed: "est passé à 250 dirhams en
	// janvier", "a augmenté de 10 % en mars", within the clause and with
	// no verb of another tense ("a annoncé que l'aide passera à 300
	// dirhams en janvier") between.
	m := pastTenseApart.FindStringSubmatchIndex(before)
	return m != nil && !otherTense.MatchString(before[m[3]:])
}

// pastTense is an auxiliary and a participle in -é ending the text.
var pastTense = regexp.MustCompile(`(?:^|[^\pL])(?:a|ont|avait|avaient)\s+(?:été\s+)?\pL{2,}(?:é|ée|és|ées)\s+$`)

// pastTenseApart is a verb in the past, then up to 40 characters of its
// clause: an auxiliary and a participle in -é, or être and the participle
// of a verb of change it conjugates ("est passé", "sont montés"; "est
// prévu" is a present).
var pastTenseApart = regexp.MustCompile(`(?:^|[^\pL])((?:a|ont|avait|avaient)\s+(?:été\s+)?\pL{2,}(?:é|ée|és|ées)|(?:est|sont|était|étaient)\s+(?:pass|mont|tomb|descendu|arriv|parvenu|devenu|rest|entr)\pL{0,3})[^,;:.!?()]{1,40}$`)

// otherTense is what, after a verb in the past, starts another clause or
// tense: a conjunction or a verb in the future or the conditional.
var otherTense = regexp.MustCompile(`(?:^|[^\pL])(?:que|qu['’]|qui|lorsque|quand|si)(?:[^\pL]|$)|\pL(?:era|eront|ra|ront|rait|raient)(?:[^\pL]|$)`)

// monthLead reports whether the word before token i makes a risky month
// word ("mars", "mai") a month: "en mars", "au mois de mai", "à fin mars",
// "début mai", "depuis mars", "mi-mai".
func (s *scanner) monthLead(i int) bool {
	switch {
	case s.word(i-1, "en"), s.word(i-1, "fin"), s.word(i-1, "debut"), s.word(i-1, "depuis"):
		return true
	case s.matches(i-1, "de") && (s.word(i-2, "mois") || s.isWord(i-2) && periodNouns[fold(s.raw(i-2))]):
		// "au mois de mai", "les versements de mars", "le bilan de mai"
		return true
	case s.punct(i-1, '-') && s.word(i-2, "mi"):
		return true
	}
	return false
}

// periodNouns are the nouns of what is paid or reported for a month: a
// risky month word after "N de" is a month ("les versements de mars").
var periodNouns = map[string]bool{
	"versement": true, "versements": true, "paiement": true, "paiements": true, "transfert": true, "transferts": true,
	"virement": true, "virements": true, "tranche": true, "echeance": true, "bilan": true, "chiffres": true,
	"donnees": true, "statistiques": true, "prestations": true, "allocations": true, "aide": true, "aides": true,
}

// numericDate reads dates written with digits only: "17/02/2025",
// "17 - 02 - 2025", "2025-09-17", "02 04 2009", "15.05.99", "2015-3",
// "3/2015", "22/04".
func (s *scanner) numericDate(i int) (dval, int, bool) {
	if !s.isNum(i) {
		return dval{}, i + 1, false
	}
	a := s.raw(i)
	sep, g1, ok := s.dateSep(i + 1)
	if !ok || !s.isNum(i+1+g1) {
		return dval{}, i + 1, false
	}
	j := i + 1 + g1
	b := s.raw(j)
	if sep == ' ' && len(b) > 2 {
		return dval{}, i + 1, false
	}
	sep2, g2, ok2 := s.dateSep(j + 1)
	if ok2 && sep2 == sep && s.isNum(j+1+g2) {
		k := j + 1 + g2
		c := s.raw(k)
		next := k + 1
		if s.isWord(next) && s.glued(next) || s.punct(next, '.') && s.glued(next) && s.isNum(next+1) && s.glued(next+1) ||
			s.punct(next, sep) && s.glued(next) && s.isNum(next+1) {
			return dval{}, i + 1, false
		}
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		z, _ := strconv.Atoi(c)
		switch {
		case len(a) == 4 && len(b) <= 2 && len(c) <= 2:
			if validDay(x, y, z) {
				return dval{y: x, m: y, d: z}, next, true
			}
		case len(a) <= 2 && len(b) <= 2 && (len(c) == 4 || len(c) == 2):
			yr := z
			if len(c) == 2 {
				yr = twoDigitYear(z)
			}
			if validDay(yr, y, x) {
				return dval{y: yr, m: y, d: x}, next, true
			}
			if sep != ' ' && validDay(yr, x, y) {
				return dval{y: yr, m: x, d: y}, next, true
			}
		}
		return dval{}, i + 1, false
	}
	next := j + 1
	if s.isWord(next) && s.glued(next) {
		return dval{}, i + 1, false
	}
	if sep == ' ' || sep == ',' {
		return dval{}, i + 1, false
	}
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	switch {
	case len(a) == 4 && len(b) <= 2 && y >= 1 && y <= 12 && x >= 1900 && x <= 2100:
		// "2015-3", "2016 / 11"; "2015.3" only when glued.
		if sep == '.' && (g1 != 1 || !s.glued(j)) {
			return dval{}, i + 1, false
		}
		if s.punct(next, '%') || s.scaleFollows(next) || s.unitFollows(next) {
			return dval{}, i + 1, false
		}
		return dval{y: x, m: y}, next, true
	case len(a) <= 2 && len(b) == 4 && x >= 1 && x <= 12 && y >= 1900 && y <= 2100 && sep != '.':
		return dval{y: y, m: x}, next, true
	case sep == '/' && len(a) <= 2 && len(b) <= 2 && g1 == 1 && s.glued(j) && validDay(0, y, x) &&
		(x > 12 || x >= y || s.punct(next, '-')):
		// A year-less day/month; "3/4" (day < month ≤ 12) is left to
		// fractions, as prose writes fractions that way far more than dates.
		return s.resolveYearless(dval{m: y, d: x}), next, true
	}
	return dval{}, i + 1, false
}

// dateSep reads a date separator at token i: "/", "-", "." (glued or with
// spaces around), or a single space. It returns the separator and the
// number of tokens it takes.
func (s *scanner) dateSep(i int) (rune, int, bool) {
	t := s.tok(i)
	if t.kind == tPunct && (t.r == '/' || isDash(t.r) || t.r == '.') {
		r := t.r
		if isDash(r) {
			r = '-'
		}
		if t.gap == gWide && r != '-' {
			return 0, 0, false
		}
		return r, 1, true
	}
	if t.kind == tNum && t.gap == gSpace {
		return ' ', 0, true
	}
	return 0, 0, false
}

// resolveYearless gives a year-less day or month the year that puts it
// nearest to the reference date; without one the date stays unknown.
func (s *scanner) resolveYearless(v dval) dval {
	v.rel = true
	if s.ref.IsZero() {
		return v
	}
	if s.inYear {
		v.y = s.ref.Year()
		return v
	}
	best, bestDist := 0, time.Duration(1<<62)
	for y := s.ref.Year() - 1; y <= s.ref.Year()+1; y++ {
		d := v.d
		if d == 0 {
			d = 15
		}
		if !validDay(y, v.m, d) {
			continue
		}
		t := time.Date(y, time.Month(v.m), d, 0, 0, 0, 0, time.UTC)
		dist := t.Sub(s.ref)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	v.y = best
	return v
}

// ordinalDays are day numbers written as ordinals ("premier", "seconde de
// août").
var ordinalDays = map[string]int{
	"premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4,
	"cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
}

// monthRef reads a month that is not named: "cette mois", "ce mois",
// "mois prochain", "du mois prochain", "de cette mois", or "de Sept" after
// a day. y is 0 for a named month without a year.
func (s *scanner) monthRef(k int) (y, m, next int, ok bool) {
	if s.word(k, "de") || s.word(k, "du") {
		k++
	}
	if m, next, ok := s.monthAt(k); ok {
		if yy, n2, ok := s.yearAfter(next); ok {
			return yy, m, n2, true
		}
		return 0, m, next, true
	}
	if s.ref.IsZero() {
		return 0, 0, 0, false
	}
	if s.word(k, "le") {
		k++
	}
	switch {
	case (s.word(k, "ce") || s.word(k, "cette")) && s.word(k+1, "mois"):
		return s.ref.Year(), int(s.ref.Month()), s.skipCi(k + 2), true
	case s.word(k, "mois") && (isNext(s.tok(k+1).w()) || isPast(s.tok(k+1).w())):
		dir := 1
		if isPast(s.tok(k + 1).w()) {
			dir = -1
		}
		d := time.Date(s.ref.Year(), s.ref.Month()+time.Month(dir), 1, 0, 0, 0, 0, time.UTC)
		return d.Year(), int(d.Month()), k + 2, true
	}
	return 0, 0, 0, false
}

// dayRange reads "4 au 22 novembre 2016", "19-20 Novembre", "3 et 12 de
// Sept", "4 jusqu'à 23 de cette mois": two days sharing one month.
func (s *scanner) dayRange(i int) (dval, int, bool) {
	d1, k, ok := s.dayNum(i)
	if !ok {
		return dval{}, 0, false
	}
	j, ok := s.intervalConn(k, true)
	if !ok {
		return dval{}, 0, false
	}
	d2, k2, ok := s.dayNum(j)
	if !ok || d2 <= d1 {
		return dval{}, 0, false
	}
	b, next, ok := s.afterDay(d2, k2)
	if !ok || b.m == 0 || b.iso != "" {
		return dval{}, 0, false
	}
	a := dval{y: b.y, m: b.m, d: d1}
	if a.y == 0 {
		return dval{rel: true}, next, true
	}
	return dval{iso: joinISO(a, b), y: b.y}, next, true
}

// dateSoon reports whether one of the n tokens from i can carry a date: a
// number shaped like one, or a date-telling word.
func (s *scanner) dateSoon(i, n int) bool {
	for k := i; k < i+n && k < len(s.toks); k++ {
		t := &s.toks[k]
		if t.kind == tNum && s.mayStartDate(k) || t.attr&tDt != 0 {
			return true
		}
	}
	return false
}

// period reads the quarter or half year after the ordinal n: "premier
// trimestre 2025" is 2025-01/2025-03, "second semestre 2024"
// 2024-07/2024-12.
func (s *scanner) period(n, k int) (dval, int, bool) {
	months := 0
	switch s.tok(k).w() {
	case "trimestre":
		months = 3
	case "semestre":
		months = 6
	case "quart":
		// "le troisième quart de 2016": only with its year ("le premier
		// quart d'heure" is no quarter).
		if n < 1 || n > 4 {
			return dval{}, 0, false
		}
		return s.firstMonths((n-1)*3+1, n*3, k+1, false)
	case "jour", "semaine":
		return s.nthOf(n, s.tok(k).w() == "semaine", k+1)
	default:
		return dval{}, 0, false
	}
	if n < 1 || n*months > 12 {
		return dval{}, 0, false
	}
	return s.firstMonths((n-1)*months+1, n*months, k+1, true)
}

// nthOf reads what follows "troisième jour", "première semaine", "dernier
// jour" (n -1 for the last) at token k: "d'octobre 2015" (the n-th day, or
// the n-th Monday-to-Sunday week wholly in the month) or, for a week,
// "de 2027" (the ISO week n of the year).
func (s *scanner) nthOf(n int, week bool, k int) (dval, int, bool) {
	if !s.matches(k, "de") && !s.word(k, "du") {
		return dval{}, 0, false
	}
	j := s.skipJoin(k + 1)
	if s.word(k, "d") && j == k+1 {
		return dval{}, 0, false
	}
	if s.word(j, "mois") {
		j++ // "du mois d'octobre"
		if s.matches(j, "de") {
			j = s.skipJoin(j + 1)
		}
	}
	if week && n >= 1 && n <= 53 {
		if y, next, ok := s.yearAt(j, false); ok && y >= 1900 && y <= 2100 {
			// ISO 8601: week 1 holds 4 January.
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(n-1))
			return dval{iso: joinISO(dayOf(mon), dayOf(mon.AddDate(0, 0, 6)))}, next, true
		}
	}
	m, next, ok := s.monthAt(j)
	if !ok {
		return dval{}, 0, false
	}
	v := dval{m: m}
	if y, n2, ok := s.yearAfter(next); ok {
		v.y, next = y, n2
	} else if v = s.resolveYearless(v); v.y == 0 {
		return dval{rel: true}, next, true
	}
	first := time.Date(v.y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	if !week {
		switch {
		case n == -1:
			return dayOf(last), next, true
		case n >= 1 && n <= last.Day():
			return dval{y: v.y, m: m, d: n}, next, true
		}
		return dval{}, 0, false
	}
	mon := first.AddDate(0, 0, (8-int(first.Weekday()))%7) // first Monday
	if n == -1 {
		mon = last.AddDate(0, 0, -((int(last.Weekday())+6)%7)-7) // last full week
		if last.Weekday() == time.Sunday {
			mon = mon.AddDate(0, 0, 7)
		}
	} else {
		mon = mon.AddDate(0, 0, 7*(n-1))
	}
	if sun := mon.AddDate(0, 0, 6); n < -1 || n == 0 || sun.Month() != time.Month(m) || mon.Month() != time.Month(m) {
		return dval{}, 0, false
	}
	return dval{iso: joinISO(dayOf(mon), dayOf(mon.AddDate(0, 0, 6)))}, next, true
}

// firstMonths is the interval of months from..to of the year named at
// token k ("2025", "de 2025", "de l'année", "de l'année dernière"). With
// bare, no year may be named: a period of the year ("au premier semestre")
// is then one of the reference year, as a news report tells of the
// current year.
func (s *scanner) firstMonths(from, to, k int, bare bool) (dval, int, bool) {
	y, next, ok := s.yearAfter(k)
	fromRef := false
	if !ok && s.matches(k, "de") {
		if v, n2, ok2 := s.relative(k + 1); ok2 && v.iso == "" && v.m == 0 {
			// "de l'année dernière", "de cette année"
			y, next, ok, fromRef = v.y, n2, true, v.rel
		} else if s.word(k+1, "l") && s.word(s.skipJoin(k+2), "annee") {
			y, next, ok, fromRef = 0, s.skipJoin(k+2)+1, true, true
		}
	}
	if !ok && bare {
		next, ok, fromRef = k, true, true
	}
	if !ok {
		return dval{}, 0, false
	}
	if fromRef {
		if s.ref.IsZero() {
			return dval{rel: true}, next, true
		}
		y = s.ref.Year()
	}
	a, b := dval{y: y, m: from}, dval{y: y, m: to}
	return dval{iso: joinISO(a, b), y: y}, next, true
}
