package normalize

// rangeAt reads a range of figures at token i: "de 500 à 1.200 dirhams",
// "entre 150 et 210 dirhams", "de 8,6 millions à 24,3 millions". A unit
// written once applies to both ends, and so does a scale when that keeps
// the ends in order ("de 8 à 10 millions" is 8 to 10 million, "de 500 à
// 1 million" is not 500 million).
func (s *scanner) rangeAt(i int) (Expr, int, bool) {
	t := s.tok(i)
	// The connectors, as vocabulary ids (repeated to fill the array).
	var conn [3]uint16
	switch t.vi {
	case idDe, idD, idDu:
		conn = [3]uint16{idA, idAu, idAux}
	case idEntre:
		conn = [3]uint16{idEt, idEt, idEt}
	default:
		return Expr{}, i + 1, false
	}
	j := s.skipJoin(i + 1)
	if j == i+1 && t.vi == idD {
		return Expr{}, i + 1, false
	}
	if t.vi == idEntre {
		// "entre un minimum de 500 dirhams et (un maximum de) 1.158 dirhams"
		j = s.skipBound(j, "minimum")
	}
	if !s.startsFigure(j) {
		return Expr{}, i + 1, false
	}
	// The connector must come soon; look for it before reading anything.
	found := false
	for k := j + 1; k < j+10 && k < len(s.toks); k++ {
		if vi := s.toks[k].vi; vi == conn[0] || vi == conn[1] || vi == conn[2] {
			found = true
			break
		}
	}
	if !found {
		return Expr{}, i + 1, false
	}
	if s.isNum(j) && s.identifier(j) > j {
		return Expr{}, i + 1, false
	}
	a, ok := s.readFigure(j)
	if !ok || a.yearLike && a.kind == Number {
		return Expr{}, i + 1, false
	}
	k := a.end
	if vi := s.tok(k).vi; vi == 0 || vi != conn[0] && vi != conn[1] && vi != conn[2] {
		return Expr{}, i + 1, false
	}
	k++
	if t.vi == idEntre {
		k = s.skipBound(k, "maximum")
	}
	if !s.startsFigure(k) || (s.isNum(k) && s.identifier(k) > k) || s.dateAt(k) {
		// ("de 5 % au 31 mai": a figure, then its date.)
		return Expr{}, i + 1, false
	}
	b, ok := s.readFigure(k)
	if !ok || b.yearLike && b.kind == Number {
		return Expr{}, i + 1, false
	}
	// Share the unit written once.
	switch {
	case a.kind == b.kind && a.unit == b.unit:
	case a.kind == Number:
		a.kind, a.unit = b.kind, b.unit
	case b.kind == Number:
		if a.kind == Percent && b.scale != 0 {
			// "ont augmenté de 9,4 % à 4,5 millions": a rise, then the
			// count it reached; a share is never "millions".
			return Expr{}, i + 1, false
		}
		b.kind, b.unit = a.kind, a.unit
	default:
		return Expr{}, i + 1, false
	}
	if a.scale == 0 && b.scale != 0 && a.val*b.scale <= b.val {
		a.val *= b.scale
		a.scale = b.scale
	}
	lo, hi := s.expr(a), s.expr(b)
	lo.Text, hi.Text = s.text[lo.Start:lo.End], s.text[hi.Start:hi.End]
	lo.Qualifier, hi.Qualifier = "exact", "exact"
	e := Expr{
		Start: int(t.start),
		End:   hi.End,
		Kind:  a.kind,
		Unit:  a.unit,
		Value: min(a.val, b.val),
		Low:   &lo,
		High:  &hi,
	}
	mx := max(a.val, b.val)
	e.ValueMax = &mx
	return e, b.end, true
}

// startsFigure reports whether a figure may start at token i.
func (s *scanner) startsFigure(i int) bool {
	t := s.tok(i)
	switch t.kind {
	case tNum:
		return true
	case tWord:
		_, ok := t.num()
		return ok
	}
	return false
}

// dashRange reads "10 - 20 euros", "10 euros - 20 euros": two figures
// joined by a dash set off by spaces, the second with a currency or a
// percent sign the first shares or repeats, in increasing order; and "200
// à 300 dirhams", a bare number joined by "à" to an amount or a share (the
// "de" that usually opens it left out, as in "(200 à 300 dirhams par
// enfant)"). A dash between bare numbers or years is left alone ("2020 -
// 2024" is a period, "10 - 20" may be a score), and so is "à" between
// counts ("6 à 18 ans").
func (s *scanner) dashRange(i int) (Expr, int, bool) {
	// Look for the connector before reading anything: most figures have none.
	found := false
	for k := i + 1; k < i+6 && k < len(s.toks); k++ {
		if t := &s.toks[k]; t.kind == tPunct && t.gap == gSpace && isDash(t.r) || t.vi == idA && t.kind == tWord {
			found = true
			break
		}
	}
	if !found {
		return Expr{}, 0, false
	}
	a, ok := s.readFigure(i)
	if !ok || a.yearLike || a.kind == Money && a.unit == "" {
		return Expr{}, 0, false
	}
	k := a.end
	t := s.tok(k)
	word := t.kind == tWord && t.vi == idA
	if word {
		// "de 200 à 300" is rangeAt's, and it said no.
		if p := s.tok(i - 1); a.kind != Number || p.vi == idDe || p.vi == idD || p.vi == idDu || p.vi == idEntre {
			return Expr{}, 0, false
		}
	} else if t.kind != tPunct || !isDash(t.r) || t.gap != gSpace || s.tok(k+1).gap != gSpace {
		return Expr{}, 0, false
	}
	if !s.isNum(k+1) || s.dateAt(k+1) {
		return Expr{}, 0, false
	}
	b, ok := s.readFigure(k + 1)
	if !ok || b.yearLike || b.kind == Number || b.unit == "" || a.kind != Number && (a.kind != b.kind || a.unit != b.unit) {
		return Expr{}, 0, false
	}
	a.kind, a.unit = b.kind, b.unit
	if a.scale == 0 && b.scale != 0 && a.val*b.scale <= b.val {
		a.val *= b.scale
		a.scale = b.scale
	}
	if a.val >= b.val {
		return Expr{}, 0, false
	}
	lo, hi := s.expr(a), s.expr(b)
	lo.Text, hi.Text = s.text[lo.Start:lo.End], s.text[hi.Start:hi.End]
	lo.Qualifier, hi.Qualifier = "exact", "exact"
	mx := b.val
	return Expr{Start: lo.Start, End: hi.End, Kind: b.kind, Unit: b.unit, Value: a.val, ValueMax: &mx, Low: &lo, High: &hi}, b.end, true
}

// dateAt reports whether a date starts at token i ("31 mai").
func (s *scanner) dateAt(i int) bool {
	if !s.mayStartDate(i) {
		return false
	}
	_, _, ok := s.date(i)
	return ok
}

// skipBound skips "un minimum de" (or "un maximum de": the word given)
// at token k: the end of a range that names itself a bound.
func (s *scanner) skipBound(k int, words ...string) int {
	if !s.word(k, "un") {
		return k
	}
	for _, w := range words {
		if s.word(k+1, w) && (s.word(k+2, "de") || s.word(k+2, "d")) {
			return s.skipJoin(k + 3)
		}
	}
	return k
}

// boundedRange reports whether token i opens "entre un minimum de A et B",
// a range whose figure stands further than a function word's reach.
func (s *scanner) boundedRange(i int) bool {
	return s.toks[i].vi == idEntre && s.skipBound(i+1, "minimum") > i+1
}
