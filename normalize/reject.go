package normalize

import "strings"

// identifier reports whether the number at token i is part of a name rather
// than a figure, judging by what precedes it: "décret n° 2-22-923",
// "loi 65-00", "Ep 89", "G20", "COVID-19". It returns the token after the
// whole identifier, or i when the number may be a figure.
func (s *scanner) identifier(i int) int {
	t := &s.toks[i]
	if i == 0 {
		return i
	}
	p := &s.toks[i-1]
	switch {
	case t.gap == gNone && p.kind == tWord:
		// "G20", "Ep89", "H1N1". A number spaced from the code is a
		// figure of its own: "S1 2025 : 4,1 millions", "T2 3 %".
		return s.skipGluedChain(i)
	case t.gap == gNone && p.kind == tPunct && (isDash(p.r) || p.r == '/') && p.gap == gNone && s.isWord(i-2):
		// "COVID-19", "AMO-2".
		return s.skipGluedChain(i)
	case p.kind == tPunct && (p.r == '°' || p.r == 'º') && s.isWord(i-2) && s.toks[i-2].is(aNotFigurePrefix):
		return s.skipNumberChain(i)
	case p.kind == tPunct && p.r == '.' && p.gap == gNone && s.isWord(i-2) && s.toks[i-2].is(aNotFigurePrefix):
		// "art. 5", "n. 12"
		return s.skipNumberChain(i)
	case p.kind == tWord && (p.w() == "h" || s.raw(i-1) == "H") && s.isNum(i-2) && t.gap != gWide:
		// the minutes of "14 h 30"
		return s.skipNumberChain(i)
	case p.kind == tWord && p.gap != gWide && p.is(aNotFigurePrefix) && t.gap != gWide:
		return s.skipNumberChain(i)
	case p.kind == tWord && s.hijriBefore(i):
		// the year of "8 chaabane 1447", "17 joumada I 1445"
		return s.skipNumberChain(i)
	}
	return i
}

// hijriMonths are the months of the Hijri calendar as Morocco's official
// texts write them in French ("du 8 chaabane 1447 (27 janvier 2026)"):
// the day and the year around one are a date, which the Gregorian date in
// brackets repeats, never figures.
var hijriMonths = map[string]bool{
	"moharrem": true, "mouharram": true, "muharram": true, "safar": true, "rabii": true, "rabia": true,
	"rabi": true, "joumada": true, "jumada": true, "journada": true, "rejeb": true, "rajab": true,
	"chaabane": true, "chaaban": true, "chaban": true, "ramadan": true, "ramadane": true,
	"chaoual": true, "chawal": true, "chawwal": true, "kaada": true, "kiada": true, "qaada": true,
	"kiida": true, "hijja": true, "hija": true, "hijjah": true,
}

// hijriTails are the words that may stand between such a month and its
// year: "joumada I", "rabii al aoual", "joumada al oula", "dou al hijja".
var hijriTails = map[string]bool{
	"i": true, "ii": true, "al": true, "el": true, "oula": true, "ula": true, "ola": true,
	"akhira": true, "akhir": true, "thani": true, "tani": true, "awal": true, "aoual": true, "oual": true,
}

// hijriBefore reports whether a Hijri month ends just before token i,
// with at most two of its tails between.
func (s *scanner) hijriBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && s.isWord(k); k-- {
		if s.hijriMonth(k) {
			return true
		}
		if w := s.toks[k].w(); w != "" {
			if !hijriTails[w] {
				return false
			}
			continue
		}
		raw := s.raw(k)
		if !strings.Contains(raw, " ") {
			return false // out of the vocabulary: no tail
		}
		for _, w := range strings.Fields(fold(raw)) {
			if !hijriTails[w] {
				return false
			}
		}
	}
	return false
}

// hijriMonth reports whether word token k opens on a Hijri month (the
// lexer may have joined its tail: "joumada I").
func (s *scanner) hijriMonth(k int) bool {
	if w := s.toks[k].w(); w != "" {
		return hijriMonths[w] // (the months are in the vocabulary)
	}
	raw := s.raw(k)
	j := strings.IndexByte(raw, ' ')
	if j < 0 {
		return false // a word out of the vocabulary is no month
	}
	return hijriMonths[fold(raw[:j])]
}

// notFigure reports whether the number at token i has the shape of a phone
// number, a time of day or a hyphenated reference rather than a figure,
// once dates have had their chance. It returns the token after the shape,
// or i.
func (s *scanner) notFigure(i int) int {
	r := s.raw(i)
	next := s.tok(i + 1)
	switch {
	case next.kind == tWord && s.hijriMonth(i+1):
		// the day of "8 chaabane 1447"
		return i + 1
	case len(r) >= 2 && r[0] == '0' && !(s.punct(i+1, ',') && next.gap == gNone && s.isNum(i+2) && s.glued(i+2)) &&
		(strings.Trim(r, "0") != "" || next.kind == tNum && next.gap == gSpace):
		// "05 22 00 00 00", "0522000000": a leading zero is no quantity.
		return s.skipNumberChain(i)
	case next.kind == tPunct && next.gap == gNone && (isDash(next.r) || next.r == ':') &&
		s.isNum(i+2) && s.toks[i+2].gap == gNone:
		// "2-22-923", "65-00", "14:30".
		return s.skipNumberChain(i)
	case next.kind == tPunct && next.gap == gNone && next.r == '/' && s.isNum(i+2) && s.toks[i+2].gap == gNone &&
		s.punct(i+3, '/'):
		// "12/34/56" that was no date.
		return s.skipNumberChain(i)
	case next.kind == tPunct && next.gap == gNone && next.r == '.' && s.dottedChain(i):
		// "1.2.3.4.5", "1.1.1.1…": an identifier. Skipped whole so that a
		// long chain costs one pass, not one figure per number.
		return s.skipNumberChain(i)
	}
	// Four or more groups split by single spaces where the groups after the
	// first are not all thousands: a phone number ("212 5 22 00 00 00").
	groups, thousands := 1, true
	for j := i + 1; s.isNum(j) && s.toks[j].gap == gSpace; j++ {
		groups++
		if len(s.raw(j)) != 3 {
			thousands = false
		}
	}
	if groups >= 4 && !thousands {
		return s.skipNumberChain(i)
	}
	return i
}

// skipNumberChain returns the token after the run of numbers starting at i
// joined by single spaces, dots, dashes, slashes or colons.
func (s *scanner) skipNumberChain(i int) int { return s.skipChain(i, true) }

// skipGluedChain is skipNumberChain over glued tokens only: the end of
// an identifier such as "H1N1", "COVID-19" or "2-22-923bis", which a
// number spaced from it does not continue ("S1 3 millions").
func (s *scanner) skipGluedChain(i int) int { return s.skipChain(i, false) }

// skipChain returns the token after the chain of numbers starting at i,
// over single spaces too when spaced is set.
func (s *scanner) skipChain(i int, spaced bool) int {
	joins := func(g gap) bool { return g == gNone || spaced && g != gWide }
	j := i + 1
	for j < len(s.toks) {
		t := &s.toks[j]
		if t.kind == tNum && joins(t.gap) {
			j++
			continue
		}
		if t.kind == tPunct && joins(t.gap) && (t.r == '.' || isDash(t.r) || t.r == '/' || t.r == ':') &&
			s.isNum(j+1) && joins(s.toks[j+1].gap) {
			j += 2
			continue
		}
		// glued letters inside an identifier ("H1N1", "2-22-923bis")
		if t.kind == tWord && t.gap == gNone && s.isNum(j+1) && s.toks[j+1].gap == gNone {
			j += 2
			continue
		}
		break
	}
	return j
}

// dottedChain reports whether the number at token i starts five or more
// numbers glued by dots that do not group thousands ("1.200.000.000.000"
// does). Shorter chains are left to the figure grammar: Recognizers-Text
// reads an address such as "192.168.1.2" as the figures 192168, 1 and 2,
// and faits keeps that reading; no one writes a figure with five parts.
func (s *scanner) dottedChain(i int) bool {
	n, thousands := 1, len(s.raw(i)) <= 3
	for j := i + 1; s.punct(j, '.') && s.glued(j) && s.isNum(j+1) && s.glued(j+1); j += 2 {
		n++
		if len(s.raw(j+1)) != 3 {
			thousands = false
		}
	}
	return n >= 5 && !thousands
}
