package normalize

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// num is a number read from the tokens [start, end).
type num struct {
	start, end  int
	val         float64
	scale       float64 // the scale word or abbreviation applied, 0 when none
	digits      bool    // written with digits
	yearLike    bool    // four plain digits that could be a year (1000..2999)
	bareArticle bool    // the lone word "un"/"une", an article far more often than a number
	// commaGroup: one to three digits, a comma and exactly three more
	// ("186,500"): a French decimal, or thousands grouped the English
	// way, which figure decides by what is counted.
	commaGroup bool
	kind       Kind
	unit       string
}

// pow10 holds exact powers of ten for decimal mantissas.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// fractionGlyphs are the Unicode vulgar fractions.
var fractionGlyphs = map[rune]float64{
	'½': 0.5, '⅓': 1.0 / 3, '⅔': 2.0 / 3, '¼': 0.25, '¾': 0.75, '⅕': 0.2, '⅖': 0.4,
	'⅗': 0.6, '⅘': 0.8, '⅙': 1.0 / 6, '⅚': 5.0 / 6, '⅛': 0.125, '⅜': 0.375, '⅝': 0.625, '⅞': 0.875,
}

// mantissa accumulates the digits of one number: the first 19 significant
// digits exactly in m, the rest only as a power of ten. It never allocates
// and never indexes by digit count, so a figure of any length ("0,0200…0"
// with twenty digits, a megabyte of digits) is read in one pass: dropping
// digits past the 19th changes a float64 by less than its own rounding.
type mantissa struct {
	m    uint64
	exp  int // power of ten the integer digits dropped from m stand for
	frac int // digits after the decimal mark kept in m
	full bool
}

func (m *mantissa) add(digits string, frac bool) {
	for k := 0; k < len(digits); k++ {
		d := uint64(digits[k] - '0')
		if !m.full && m.m > (math.MaxUint64-9)/10 {
			m.full = true
		}
		if m.full {
			// Past the digits m holds: an integer digit still counts for
			// its place, a fractional one is below the precision kept.
			if !frac {
				m.exp++
			}
			continue
		}
		m.m = m.m*10 + d
		if frac {
			m.frac++
		}
	}
}

func (m *mantissa) value() float64 {
	e := m.exp - m.frac
	switch {
	case m.m == 0:
		return 0
	case m.m < 1<<53 && e >= 0 && e < len(pow10):
		return float64(m.m) * pow10[e]
	case m.m < 1<<53 && e < 0 && -e < len(pow10):
		return float64(m.m) / pow10[-e]
	}
	// Correctly rounded for the digits kept; a huge exponent gives ±Inf,
	// which the callers refuse as a figure.
	var buf [48]byte
	b := strconv.AppendUint(buf[:0], m.m, 10)
	b = append(b, 'e')
	b = strconv.AppendInt(b, int64(e), 10)
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return math.NaN()
	}
	return v
}

// glued reports whether token i touches the token before it.
func (s *scanner) glued(i int) bool { return i < len(s.toks) && s.toks[i].gap == gNone }

// dotGroup reports whether token j starts a ".ddd" thousands group.
func (s *scanner) dotGroup(j int) bool {
	return s.punct(j, '.') && s.glued(j) && s.isNum(j+1) && s.glued(j+1) && len(s.raw(j+1)) == 3
}

// spaceGroup reports whether token j is a " ddd" thousands group.
func (s *scanner) spaceGroup(j int) bool {
	return s.isNum(j) && s.toks[j].gap == gSpace && len(s.raw(j)) == 3
}

// readDigits reads a number written with digits at token i (or a ",08"
// decimal starting at a comma). French rules: "," is the decimal mark, "."
// and single spaces group thousands by three; "1,200,000" and "1,200.50" are
// read the English way because several comma groups or a comma group then a
// dot cannot be French.
func (s *scanner) readDigits(i int) (num, bool) {
	n := num{start: i, digits: true}
	var m mantissa
	j := i
	if s.punct(i, ',') {
		m.add(s.raw(i+1), true)
		n.end = i + 2
		n.val = m.value()
		return n, true
	}
	first := s.raw(i)
	m.add(first, false)
	j = i + 1
	grouped := false
	switch {
	case len(first) <= 3 && (s.dotGroup(j) || s.spaceGroup(j)):
		// Dots and single spaces group thousands; a hurried typist mixes
		// them in one number ("4.512 806", "3 071.950").
		for {
			if s.dotGroup(j) {
				m.add(s.raw(j+1), false)
				j += 2
			} else if s.spaceGroup(j) {
				m.add(s.raw(j), false)
				j++
			} else {
				break
			}
		}
		grouped = true
	case len(first) <= 3 && s.punct(j, ',') && s.glued(j) && s.isNum(j+1) && s.glued(j+1) && len(s.raw(j+1)) == 3 &&
		((s.punct(j+2, ',') && s.glued(j+2) && s.isNum(j+3) && s.glued(j+3) && len(s.raw(j+3)) == 3) ||
			(s.punct(j+2, '.') && s.glued(j+2) && s.isNum(j+3) && s.glued(j+3))):
		// English grouping.
		for s.punct(j, ',') && s.glued(j) && s.isNum(j+1) && s.glued(j+1) && len(s.raw(j+1)) == 3 {
			m.add(s.raw(j+1), false)
			j += 2
		}
		if s.punct(j, '.') && s.glued(j) && s.isNum(j+1) && s.glued(j+1) {
			m.add(s.raw(j+1), true)
			j += 2
		}
		n.end = j
		n.val = m.value()
		return n, true
	}
	switch {
	case s.punct(j, ',') && s.glued(j) && s.isNum(j+1) && s.glued(j+1):
		n.commaGroup = !grouped && len(first) <= 3 && first != "0" && len(s.raw(j+1)) == 3
		m.add(s.raw(j+1), true)
		j += 2
	case !grouped && s.punct(j, '.') && s.glued(j) && s.isNum(j+1) && s.glued(j+1) &&
		(len(first) > 3 || len(s.raw(j+1)) != 3) && !(s.punct(i-1, '.') && s.glued(i)) &&
		!(s.punct(j+2, '.') && s.glued(j+2) && s.isNum(j+3)):
		// ("192.168.1.2" is a chain of numbers, not decimals.)
		// "1200.5", "2.5": a dot that cannot group thousands is a decimal point.
		m.add(s.raw(j+1), true)
		j += 2
	}
	n.end = j
	n.val = m.value()
	n.yearLike = !grouped && j == i+1 && len(first) == 4 && (first[:2] == "19" || first[:2] == "20" || first == "2100")
	// Exponents: "1e10", "12,32e+14", "-12e-1".
	if s.isWord(j) && s.glued(j) && (s.raw(j) == "e" || s.raw(j) == "E") {
		k := j + 1
		sign := 1.0
		if (s.punct(k, '+') || s.punct(k, '-')) && s.glued(k) {
			if s.punct(k, '-') {
				sign = -1
			}
			k++
		}
		if s.isNum(k) && s.glued(k) {
			e, _ := strconv.Atoi(s.raw(k))
			n.val *= math.Pow(10, sign*float64(e))
			n.end = k + 1
			n.yearLike = false
		}
	}
	// Powers: "1,1^23", "2,5^-1".
	if s.punct(n.end, '^') && s.glued(n.end) {
		k := n.end + 1
		sign := 1.0
		for (s.punct(k, '+') || s.punct(k, '-')) && s.glued(k) {
			if s.punct(k, '-') {
				sign = -sign
			}
			k++
		}
		if s.isNum(k) && s.glued(k) {
			e, _ := strconv.Atoi(s.raw(k))
			n.val = math.Pow(n.val, sign*float64(e))
			n.end = k + 1
			n.yearLike = false
		}
	}
	return n, true
}

// readSpelled reads a number written in words: "quatre-vingt-dix",
// "trois cent vingt quatre", "un demi-million", "cinq milliards et trois
// quarts", "deux cent virgule cinquante deux".
func (s *scanner) readSpelled(i int) (num, bool) {
	n := num{start: i}
	var total, group, pending float64
	var lastScale float64
	afterEt := false
	prevUnit := -1.0
	words := 0
	var hist [4]numWord // the first words taken, for compound ordinals
	j := i
	last := i // token after the last word taken
loop:
	for {
		if words > 0 {
			j = s.skipJoin(j)
		}
		if !s.isWord(j) {
			break
		}
		w := s.toks[j].w()
		if w == "et" && words > 0 {
			k := s.skipJoin(j + 1)
			if _, ok := s.tok(k).num(); !ok || !s.isWord(k) {
				break
			}
			pending += group
			group = 0
			afterEt = true
			prevUnit = -1
			j++
			continue
		}
		if w == "virgule" && words > 0 {
			d, ok := s.readSpelled(j + 1)
			if !ok || d.scale != 0 {
				break
			}
			digits := len(strconv.FormatFloat(d.val, 'f', -1, 64))
			group += d.val / math.Pow(10, float64(digits))
			j = d.end
			last = j
			words++
			break
		}
		nw, ok := s.toks[j].num()
		if !ok {
			break
		}
		switch nw.kind {
		case nwUnit:
			if prevUnit >= 0 && !(prevUnit == 10 && nw.val >= 7 && nw.val <= 9) {
				// "un un", "deux trois": two numbers, not their sum
				// ("dix-sept" is one).
				break loop
			}
			group += nw.val
			prevUnit = nw.val
		case nwTen:
			if prevUnit == 4 && nw.val == 20 {
				group += 76
			} else {
				group += nw.val
			}
			prevUnit = -1
		case nwHundred:
			if group-math.Floor(group/1000)*1000 > 19 {
				// "quarante-cinq cents" are cents of a currency, not 4500
				break loop
			}
			if group == 0 {
				group = 1
			}
			// "trois cent": only the units before "cent" multiply.
			hi := math.Floor(group/1000) * 1000
			group = hi + (group-hi)*100
			prevUnit = -1
		case nwScale:
			g := group + pending
			if g == 0 {
				g = 1
			}
			if nw.val == 1e3 && total >= 1e6 || nw.val > 1e3 || total == 0 {
				total += g * nw.val
			} else {
				total = (total + g) * nw.val
			}
			group, pending = 0, 0
			lastScale = nw.val
			afterEt = false
			prevUnit = -1
		case nwFraction:
			if words == 0 {
				return n, false
			}
			if words == 2 && hist[0].kind == nwUnit && hist[0].val <= 9 && hist[1].kind == nwTen && nw.val <= 9 {
				// "un vingt-cinquième" is 1/25, "une vingt et unième" 1/21.
				n.val = hist[0].val / (hist[1].val + nw.val)
				n.end = j + 1
				return n, true
			}
			switch {
			case afterEt && lastScale > 0 && pending == 0 && s.smallerScaleAt(s.skipJoin(j+1), lastScale):
				// "un milliard et demi million": half of the million
				group = math.Max(group, 1) / nw.val
			case afterEt && lastScale > 0 && pending == 0:
				// "un million et demi", "cinq milliards et trois quarts"
				total += lastScale * math.Max(group, 1) / nw.val
				group = 0
			case group == 0 && total > 0:
				// "cent mille billionieme"
				total /= nw.val
			case group == 0:
				group = 1 / nw.val
			default:
				group /= nw.val
			}
			prevUnit = -1
		case nwDozen:
			if group == 0 {
				group = 1
			}
			group *= 12
			prevUnit = -1
		}
		if words < len(hist) {
			hist[words] = nw
		}
		words++
		j++
		last = j
	}
	if words == 0 {
		return n, false
	}
	if words == 1 {
		if nw, _ := s.toks[i].num(); nw.kind == nwScale && nw.val > 1e3 || nw.kind == nwDozen {
			// "des millions de citoyens": a scale word alone is no figure.
			return num{end: i + 1}, false
		}
	}
	n.end = last
	n.val = total + pending + group
	if words == 1 && (s.toks[i].w() == "un" || s.toks[i].w() == "une") {
		n.bareArticle = true
	}
	if lastScale >= 1e6 {
		n.scale = lastScale
	}
	return n, true
}

// readNumber reads a number core with its scale: digits or words, then
// "millions", "Mds", "k", "et demi"…
func (s *scanner) readNumber(i int) (num, bool) {
	var n num
	var ok bool
	t := s.tok(i)
	switch {
	case t.kind == tNum || (t.kind == tPunct && t.r == ','):
		n, ok = s.readDigits(i)
	case t.kind == tPunct:
		v, isGlyph := fractionGlyphs[t.r]
		if !isGlyph {
			return n, false
		}
		n, ok = num{start: i, end: i + 1, val: v, digits: true}, true
	case t.kind == tWord:
		n, ok = s.readSpelled(i)
		if ok && n.scale != 0 {
			n.bareArticle = false
			return s.readHalf(n), true
		}
	}
	if !ok {
		return n, false
	}
	if n.digits && n.end == i+1 && s.punct(i+1, '/') && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2) &&
		!s.punct(i+3, '/') && !(s.isWord(i+3) && s.glued(i+3)) {
		// "3/4": a fraction (dates such as "22/04" were read before).
		a, _ := strconv.Atoi(s.raw(i))
		b, _ := strconv.Atoi(s.raw(i + 2))
		if b != 0 && a < b && len(s.raw(i+2)) <= 3 {
			n.val = float64(a) / float64(b)
			n.end = i + 3
			n.yearLike = false
		}
	}
	if n.digits {
		// "2  1/4": a whole number then a fraction.
		j := n.end
		if s.isNum(j) && s.toks[j].gap != gNone && s.punct(j+1, '/') && s.glued(j+1) && s.isNum(j+2) && s.glued(j+2) &&
			n.val == math.Trunc(n.val) && !n.yearLike {
			a, _ := strconv.Atoi(s.raw(j))
			b, _ := strconv.Atoi(s.raw(j + 2))
			if b > a && b != 0 && !s.punct(j+3, '/') {
				n.val += float64(a) / float64(b)
				n.end = j + 3
			}
		}
	}
	j := n.end
	t = s.tok(j)
	switch {
	case t.kind == tWord && t.gap != gWide:
		if nw, isNum := t.num(); isNum && n.digits && (nw.kind == nwScale || nw.kind == nwDozen ||
			(nw.kind == nwHundred && t.w() == "cent" && n.val >= 2 && !s.matches(j-1, "pour"))) {
			switch nw.kind {
			case nwScale:
				n.val *= nw.val
			case nwDozen:
				n.val *= 12
			default:
				n.val *= 100
			}
			if nw.kind == nwScale {
				n.scale = nw.val
			}
			n.end = j + 1
			n.yearLike = false
			// "322 mille milliards" is rare enough not to chain further.
			return s.readHalf(n), true
		}
		if sc, isAbbr := s.scaleAbbrAt(j); isAbbr && n.digits && !(t.gap == gNone && notFigureGlued[s.text[int(s.toks[i].start):int(t.end)]] && !s.currencyAt(j+1)) {
			r := s.raw(j)
			if t.gap == gNone || (r != "M" && r != "G" && r != "k" && r != "K") || s.currencyAt(j+1) ||
				((r == "k" || r == "K") && s.tok(j+1).kind != tWord && s.tok(j+1).kind != tNum) ||
				(r == "M" && (s.matches(j+1, "de") || j+1 == len(s.toks) ||
					s.tok(j+1).kind == tPunct && s.tok(j+1).r != '.' || s.lowerWord(j+1) || s.lineEnd(j))) {
				// "1,2 M de personnes", "1,2 M,", "25,3 M assurés" (a
				// name after "M" is "M. Untel" without its period), "8,9
				// M" ending its line
				n.val *= sc
				n.scale = sc
				n.end = j + 1
				n.yearLike = false
			}
		}
	}
	return n, true
}

// lineEnd reports whether token i ends its line.
func (s *scanner) lineEnd(i int) bool {
	end := len(s.text)
	if i+1 < len(s.toks) {
		end = int(s.toks[i+1].start)
	}
	return strings.ContainsRune(s.text[int(s.toks[i].end):end], '\n')
}

// lowerWord reports whether token i is a word written in lower case.
func (s *scanner) lowerWord(i int) bool {
	if s.tok(i).kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.raw(i))
	return unicode.IsLower(r)
}

// scaleAbbrAt reads a scale abbreviation at token i ("M", "Mds", "k"),
// spelled exactly: "M" is a million, "m" a metre.
func (s *scanner) scaleAbbrAt(i int) (float64, bool) {
	if !s.tok(i).is(aScaleAbbr) {
		return 0, false
	}
	sc, ok := scaleAbbr[s.raw(i)]
	return sc, ok
}

// readHalf reads "et demi", "et trois quarts" after a scale word.
func (s *scanner) readHalf(n num) num {
	j := n.end
	if n.scale == 0 || !s.word(j, "et") {
		return n
	}
	if s.word(j+1, "demi") || s.word(j+1, "demie") {
		n.val += n.scale / 2
		n.end = j + 2
		return n
	}
	if nw, ok := s.tok(j + 1).num(); ok && nw.kind == nwUnit && s.isWord(j+1) {
		if fw, ok := s.tok(j + 2).num(); ok && fw.kind == nwFraction && s.isWord(j+2) {
			n.val += n.scale * nw.val / fw.val
			n.end = j + 3
		}
	}
	return n
}

// currencyAt matches a currency name at token i (longest first) and returns
// it with the token after it.
func (s *scanner) currencyMatch(i int) (currency, int, bool) {
	t := s.tok(i)
	var key string
	switch t.kind {
	case tWord:
		key = t.w()
	case tPunct:
		key = s.text[int(t.start):int(t.end)]
	}
	if key == "" || t.kind == tWord && !t.is(aCurrency) {
		return currency{}, 0, false
	}
	for _, c := range currenciesByFirst[key] {
		if end, ok := s.phrase(i, c.words); ok {
			// "$ c" and "$ us" need the letters to stand alone.
			if len(c.words) > 1 && s.isWord(end) && s.glued(end) {
				continue
			}
			return c, end, true
		}
	}
	return currency{}, 0, false
}

func (s *scanner) currencyAt(i int) bool {
	_, _, ok := s.currencyMatch(i)
	return ok
}

// readUnit reads what follows a number: a percent sign or word, or a
// currency (with "de"/"d'" after a scale: "40,5 milliards de dirhams").
func (s *scanner) readUnit(n num) num {
	n.kind = Number
	j := n.end
	t := s.tok(j)
	if t.gap == gWide && !(t.kind == tPunct && (t.r == '%' || t.r == '$' || t.r == '€' || t.r == '£')) {
		return n
	}
	if s.punct(j, '%') || s.punct(j, '٪') {
		n.kind, n.unit, n.end = Percent, "percent", j+1
		return n
	}
	// ("per cent": an English text's, left so by its translator.)
	if s.word(j, "pour") || s.word(j, "per") {
		k := s.skipJoin(j + 1)
		if s.word(k, "cent") && s.tok(k).gap != gWide {
			n.kind, n.unit, n.end = Percent, "percent", k+1
			return n
		}
	}
	if t.kind == tWord && t.is(aPercent) {
		n.kind, n.unit, n.end = Percent, "percent", j+1
		return n
	}
	k := j
	if n.scale != 0 && s.matches(k, "de") && !s.word(k, "des") {
		k = s.skipJoin(k + 1)
		if s.toks[k-1].kind == tPunct && !isApos(s.toks[k-1].r) {
			k = j + 1
		}
	}
	c, end, ok := s.currencyMatch(k)
	if !ok && k != j {
		c, end, ok = s.currencyMatch(j)
	}
	if !ok {
		return n
	}
	if c.code == "" && !n.digits && c.words[0] != "penny" {
		return n
	}
	if c.scale != 1 && n.scale == 0 {
		n.val *= c.scale
		n.scale = c.scale
	}
	n.kind, n.unit, n.end = Money, c.code, end
	n.yearLike = false
	if c.rate != 0 {
		n.val *= c.rate
	}
	if c.code == "" && n.scale >= 1e6 && strings.HasPrefix(c.words[0], "centime") {
		// "290 milliards de centimes": the Moroccan way of counting large
		// sums of dirhams in their hundredths (2,9 milliards de dirhams).
		// A few centimes stay centimes.
		n.unit = "MAD"
		n.val /= 100
	}
	// "1 USD 23 cents": the sub-unit right after the unit.
	if c.code != "" && s.isNum(end) && s.toks[end].gap == gSpace && len(s.raw(end)) <= 2 {
		if sc, send, ok := s.currencyMatch(end + 1); ok && sc.code == "" && sc.words[0] != "penny" {
			v, _ := strconv.Atoi(s.raw(end))
			n.val += float64(v) / 100
			n.end = send
		}
	}
	// "15 dollars et 15 cents", "treize euros et quarante-cinq cents"
	if c.code != "" && s.word(end, "et") {
		if sub, ok := s.readNumber(end + 1); ok && sub.val < 100 && sub.scale == 0 {
			if sc, send, ok := s.currencyMatch(sub.end); ok && sc.code == "" && sc.words[0] != "penny" {
				n.val += sub.val / 100
				n.end = send
			}
		}
	}
	return n
}

// figure reads a number, money amount or percentage at token i. It also
// turns away the numbers that are not figures: bare years, ages, times and
// the lone article "un".
func (s *scanner) figure(i int) (Expr, int, bool) {
	n, ok := s.readFigure(i)
	if !ok {
		return Expr{}, n.end, false
	}
	if n.yearLike && n.kind == Number {
		// A year with no date cue ("CAN 2025") is neither a date nor a count,
		// unless a count noun follows ("2000 familles").
		if (!s.tok(n.end).is(aCountNoun) || !s.isWord(n.end)) && !s.hedgedBefore(i) {
			return Expr{}, n.end, false
		}
	}
	n = s.shareForward(n)
	if s.englishThousands(n) {
		n.val *= 1000
	}
	return s.expr(n), n.end, true
}

// englishThousands reports whether n, written "186,500", groups thousands
// the English way (a translated or hurried text) rather than giving three
// decimals: when it counts people or things that come whole ("186,500
// personnes") or dirhams with no scale ("1,500 dirhams": a dirham has two
// decimals, never three). With a scale word it stays a decimal ("1,250
// milliard"), and so does a measure ("2,500 km") or a percentage.
func (s *scanner) englishThousands(n num) bool {
	if !n.commaGroup || n.scale != 0 {
		return false
	}
	switch n.kind {
	case Money:
		// Dirhams only: Recognizers-Text's conformance reads "12,345 $"
		// as twelve dollars and some, and a translated dollar amount has
		// its scale word ("$3.1 billion") anyway.
		return n.unit == "MAD"
	case Number:
		t := s.tok(n.end)
		return s.isWord(n.end) && t.gap != gWide && t.is(aCountNoun) && !measureNouns[t.w()]
	}
	return false
}

// shareForward gives the bare number n the scale and unit of the figure
// joined to it by "et" or "ou": in "respectivement 30 et 31,5 milliards de
// dirhams" or "2 et 3 millions de personnes" they are written once for
// both, as in a range. n keeps its own span: each figure stays its own
// expression. The two must be of a size ("9 et 12 millions", not "1.200
// et 3 millions"); the figure after is read again when the scanner reaches
// it.
func (s *scanner) shareForward(n num) num {
	if n.kind != Number || n.scale != 0 || n.yearLike || n.val < 1 || !s.isWord(n.end) {
		return n
	}
	if vi := s.toks[n.end].vi; vi != idEt && vi != idOu || !s.startsFigure(n.end+1) ||
		s.isNum(n.end+1) && s.identifier(n.end+1) > n.end+1 {
		return n
	}
	b, ok := s.readFigure(n.end + 1)
	if !ok || b.yearLike || b.kind == Number && b.scale == 0 {
		return n
	}
	mantissa := b.val
	if b.scale != 0 {
		mantissa /= b.scale
	}
	if r := n.val / mantissa; r < 0.1 || r > 10 {
		return n
	}
	if b.scale != 0 {
		n.val *= b.scale
		n.scale = b.scale
	}
	n.kind, n.unit = b.kind, b.unit
	return n
}

// loneOne reports whether the lone "un" or "une" at token i, ending at
// token end, is the number one rather than an article: it ends its clause
// (a mark or the end of the text follows: "de deux à un.", a table cell
// "une"), so there is no noun for it to be the article of. After an
// elision ("l'un", "quelqu'un", "d'un") it is a pronoun or an article.
func (s *scanner) loneOne(i, end int) bool {
	if end >= len(s.toks) {
		return s.notElided(i)
	}
	t := s.toks[end]
	return t.kind == tPunct && strings.ContainsRune(".,;:!?)»…", t.r) && s.notElided(i)
}

// loneOneAt is loneOne for a word "un" or "une" at token i alone: the
// scanner's test before it reads any further.
func (s *scanner) loneOneAt(i int) bool {
	return (s.toks[i].vi == idUn || s.toks[i].vi == idUne) && s.loneOne(i, i+1)
}

// notElided reports whether token i follows no elided word ("l'", "d'").
func (s *scanner) notElided(i int) bool {
	return i == 0 || s.toks[i].gap != gNone || s.toks[i-1].kind != tPunct || !isApos(s.toks[i-1].r)
}

// readFigure reads a number with its unit and applies the rejections shared
// by figures and range ends.
func (s *scanner) readFigure(i int) (num, bool) {
	n, ok := s.readNumber(i)
	if !ok {
		return num{end: i + 1}, false
	}
	if !n.digits && s.punct(n.end, '(') {
		// "cinq cent cinquante (550) dirhams": a legal text writes an
		// amount in words, then in digits between brackets, then its
		// unit. One figure, whose unit is past the brackets.
		if d, ok := s.readDigits(n.end + 1); ok && d.val == n.val && s.punct(d.end, ')') {
			n.end = d.end + 1
		}
	}
	n = s.readUnit(n)
	if n.kind == Number && n.scale == 0 && s.word(n.end, "sur") && n.val == math.Trunc(n.val) {
		// "1 sur 3", "un sur cent vingt cinq"
		if d, ok := s.readNumber(n.end + 1); ok && d.scale == 0 && d.val != 0 && d.val == math.Trunc(d.val) &&
			!s.tok(d.end).is(aNotFigureSuffix) && !d.yearLike {
			n.val /= d.val
			n.end = d.end
			n.bareArticle = false
			n.yearLike = false
		}
	}
	if n.kind == Number && n.bareArticle && !s.loneOne(i, n.end) {
		return num{end: n.end}, false
	}
	if n.kind == Number && n.digits && notFigureGlued[s.text[int(s.toks[n.start].start):int(s.toks[n.end-1].end)]] {
		return num{end: n.end + 1}, false
	}
	if n.kind == Number && n.scale == 0 {
		t := s.tok(n.end)
		if t.kind == tWord && t.gap != gWide && t.is(aNotFigureSuffix) {
			return num{end: n.end + 1}, false
		}
		if t.kind == tWord && t.gap == gNone && n.digits {
			// "9e", "14h30", "3ème": glued letters make an ordinal or a time.
			return num{end: n.end + 1}, false
		}
	}
	if math.IsNaN(n.val) || math.IsInf(n.val, 0) {
		return num{end: n.end}, false
	}
	return n, true
}

func (s *scanner) expr(n num) Expr {
	return Expr{
		Start: int(s.toks[n.start].start),
		End:   int(s.toks[n.end-1].end),
		Kind:  n.kind,
		Value: n.val,
		Unit:  n.unit,
	}
}

// negative reads "-9,2321312" where the minus sign stands before a number
// that is not glued to a word on its left.
func (s *scanner) negative(i int) (Expr, int, bool) {
	if s.punct(i+1, ',') && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2) && (i == 0 || s.toks[i].gap != gNone) {
		// "-,0012G": a decimal with no integer part.
		n, ok := s.readFigure(i + 1)
		if !ok {
			return Expr{}, n.end, false
		}
		e := s.expr(n)
		e.Start = int(s.toks[i].start)
		e.Value = -e.Value
		return e, n.end, true
	}
	if !s.isNum(i+1) || !s.glued(i+1) || (i > 0 && s.toks[i].gap == gNone && s.toks[i-1].kind != tPunct) {
		return Expr{}, i + 1, false
	}
	if i > 0 && s.toks[i-1].kind == tPunct && s.toks[i].gap == gNone {
		return Expr{}, i + 1, false
	}
	if skip := s.notFigure(i + 1); skip > i+1 {
		return Expr{}, skip, false
	}
	n, ok := s.readFigure(i + 1)
	if !ok || n.yearLike {
		return Expr{}, n.end, false
	}
	e := s.expr(n)
	e.Start = int(s.toks[i].start)
	e.Value = -e.Value
	return e, n.end, true
}

// prefixMoney reads a currency written before the amount: "$75 millions",
// "£ 8,10 millions", "EUR 1000", "usd$ 15".
func (s *scanner) prefixMoney(i int) (Expr, int, bool) {
	t := s.tok(i)
	if t.kind == tWord && !t.allUpper && !(s.punct(i+1, '$') && s.glued(i+1)) {
		return Expr{}, i + 1, false
	}
	c, end, ok := s.currencyMatch(i)
	if !ok || c.code == "" {
		return Expr{}, i + 1, false
	}
	if !s.isNum(end) || s.toks[end].gap == gWide {
		return Expr{}, i + 1, false
	}
	if skip := s.notFigure(end); skip > end {
		return Expr{}, skip, false
	}
	n, ok := s.readNumber(end)
	if !ok {
		return Expr{}, i + 1, false
	}
	if c.scale != 1 && n.scale == 0 {
		n.val *= c.scale
	}
	e := Expr{Start: int(t.start), End: int(s.toks[n.end-1].end), Kind: Money, Value: n.val, Unit: c.code}
	return e, n.end, true
}

// ParseValue parses one French or plain number with an optional scale:
// "22,5 millions", "1.200", "1200.5", "3 millions et demi", "quatre-vingt-dix".
// A trailing unit ("dirhams", "%") is accepted and ignored; anything else
// around the number is an error.
func ParseValue(str string) (float64, error) {
	s := scanner{text: str}
	s.toks = lex(str, nil)
	if len(s.toks) == 0 {
		return 0, strconv.ErrSyntax
	}
	start := 0
	neg := false
	if (s.punct(0, '-') || s.punct(0, '−')) && s.isNum(1) {
		neg, start = true, 1
	}
	n, ok := s.readNumber(start)
	if !ok {
		return 0, &strconv.NumError{Func: "ParseValue", Num: str, Err: strconv.ErrSyntax}
	}
	n = s.readUnit(n)
	if n.end != len(s.toks) {
		return 0, &strconv.NumError{Func: "ParseValue", Num: str, Err: strconv.ErrSyntax}
	}
	if neg {
		n.val = -n.val
	}
	if math.IsNaN(n.val) || math.IsInf(n.val, 0) {
		return 0, &strconv.NumError{Func: "ParseValue", Num: str, Err: strconv.ErrRange}
	}
	return n.val, nil
}

// smallerScaleAt reports whether token i is a scale word below scale.
func (s *scanner) smallerScaleAt(i int, scale float64) bool {
	nw, ok := s.tok(i).num()
	return ok && s.isWord(i) && nw.kind == nwScale && nw.val < scale
}

// attachMinus reads "moins 1 200 000" as a negative number: the word
// "moins" right before a figure no hedge has taken, where it cannot be
// the comparative ("au moins", "plus ou moins", "pas moins" are hedges
// or belong to other words, "moins de" is a hedge read before).
func (s *scanner) attachMinus(e *Expr, i int) {
	if e.Kind == Date || e.Qualifier != "exact" || e.Low != nil || e.Start != int(s.toks[i].start) ||
		i < 1 || i-1 < s.floor || !s.word(i-1, "moins") || s.toks[i].gap == gWide || e.Value < 0 {
		return
	}
	if p := s.tok(i - 2); i >= 2 && p.kind == tWord && !minusLeads[p.w()] {
		return
	}
	e.Start = int(s.toks[i-1].start)
	e.Value = -e.Value
	if e.ValueMax != nil {
		v := -*e.ValueMax
		e.ValueMax = &v
	}
}

// minusLeads are the words after which "moins N" is a negative number
// ("un solde de moins 3 millions", "soit moins 12 %").
var minusLeads = map[string]bool{"soit": true, "de": true, "a": true, "est": true, "et": true, "contre": true,
	"atteint": true, "etait": true, "sera": true, "egal": true, "egale": true}
