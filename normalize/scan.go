package normalize

import (
	"strings"
	"sync"
	"time"
)

// Scan returns every expression in text, in order of Start, without overlaps.
// opts may be nil. Spans are byte offsets into text on UTF-8 boundaries.
func Scan(text string, opts *Options) []Expr {
	s := scanner{text: text}
	if opts != nil {
		s.ref, s.inYear = opts.Ref, opts.InYear
	}
	bufs := scanPool.Get().(*scanBufs)
	if want := len(text)/6 + 16; cap(bufs.toks) < want {
		bufs.toks = make([]token, 0, want)
	}
	s.toks = lex(text, bufs.toks[:0])
	s.out = bufs.out[:0]
	s.run()
	for k := range s.out {
		if e := &s.out[k]; e.Kind == Date && len(s.derived) > 0 {
			e.Anchor = s.anchorOf(e.Start)
		}
	}
	if cap(s.toks) > 1<<16 || cap(s.out) > 1<<12 {
		// Too large to keep for the next scan: the caller takes the
		// scratch slice itself rather than a copy.
		return s.out[:len(s.out):len(s.out)]
	}
	// The caller keeps the result: copy it out of the scratch buffer into a
	// slice of its exact size, which costs less than growing a fresh slice
	// expression by expression (an Expr is large and holds pointers).
	out := make([]Expr, len(s.out))
	copy(out, s.out)
	clear(s.out)           // drop the strings and range ends the pool would keep alive
	bufs.toks = s.toks[:0] // tokens hold no pointers: no need to clear
	bufs.out = s.out[:0]
	scanPool.Put(bufs)
	return out
}

// scanBufs are the scratch slices of one scan.
type scanBufs struct {
	toks []token
	out  []Expr
}

// scanPool recycles scratch slices between scans: lexing is most of the
// work and the token slice is the largest allocation.
var scanPool = sync.Pool{New: func() any {
	return &scanBufs{toks: make([]token, 0, 1024), out: make([]Expr, 0, 64)}
}}

// scanner is a pull parser over the tokens of one text: at each token it
// tries the grammars in a fixed order and keeps the first that matches.
type scanner struct {
	text string
	toks []token
	ref  time.Time
	// inYear is Options.InYear.
	inYear bool
	out    []Expr
	// floor is the first token a new expression may use (hedges look back
	// but never into the previous expression).
	floor int
	// prevFloor is floor as it was before the last expression.
	prevFloor int
	// derived maps the start offset of each date placed by an anchor (see
	// anchor), which is no anchor itself, to the anchor it was counted
	// from.
	derived map[int32]string
	// lastAnchor is 1 + the index in out of the date anchor would take,
	// 0 when none; paraPos and paraStart cache paragraphStart's search.
	lastAnchor         int
	paraPos, paraStart int
	// searched counts the bytes paragraphStart went through, for the test
	// that a long paragraph is searched once.
	searched int
}

func (s *scanner) run() {
	for i := 0; i < len(s.toks); {
		// Most tokens start nothing: skip them before the call.
		if t := &s.toks[i]; t.kind == tWord && (t.attr&tSt == 0 || !t.near && t.attr&tFn != 0 && t.vi != idIl && t.vi != idCet && !s.loneOneAt(i) && !s.boundedRange(i)) ||
			t.kind == tPunct && !s.startPunct(i) {
			i++
			continue
		}
		e, next, ok := s.at(i)
		if !ok {
			if next <= i {
				next = i + 1
			}
			i = next
			continue
		}
		next = s.attachPostHedge(&e, next)
		s.attachHedge(&e, i)
		s.attachMinus(&e, i)
		s.listUnit(&e, i, next)
		e.Text = s.text[e.Start:e.End]
		if len(s.out) == cap(s.out) {
			s.out = grow(s.out)
		}
		s.out = append(s.out, e)
		s.noteAnchor(&s.out[len(s.out)-1])
		s.prevFloor, s.floor = s.floor, next
		i = next
	}
}

// listUnit gives the bare number e, read from token i to next, the
// currency of the amount just before it when the two are items of one
// list: "200 dirhams par élève du primaire, 300 au collège et 400 au
// lycée", where the currency is written once for the list. An item is a
// short stretch of words after the amount, then ",", "et" or "ou" (and "à"
// or "de"), then the number, then a preposition or the end of the clause;
// the two are of a size, and the amount is per head (under a million), not
// a total whose scale the number would have to share.
func (s *scanner) listUnit(e *Expr, i, next int) {
	if e.Kind != Number || e.ValueMax != nil || e.Value < 1 || len(s.out) == 0 {
		return
	}
	prev := &s.out[len(s.out)-1]
	if prev.Kind != Money || prev.ValueMax != nil || prev.Value >= 1e6 || prev.Value <= 0 {
		return
	}
	if r := e.Value / prev.Value; r < 0.1 || r > 10 {
		return
	}
	if n := i - s.floor; n < 2 || n > 12 {
		return
	}
	for k := s.floor; k < i; k++ {
		t := &s.toks[k]
		if t.kind == tNum || t.kind == tPunct && t.r != ',' && t.r != '\'' && t.r != '’' {
			return
		}
	}
	words := strings.Fields(strings.ToLower(s.text[s.toks[s.floor].start:s.toks[i].start]))
	if n := len(words); n > 1 && (words[n-1] == "à" || words[n-1] == "a" || words[n-1] == "de") {
		words = words[:n-1]
	}
	if w := words[len(words)-1]; !strings.HasSuffix(w, ",") && w != "et" && w != "ou" {
		return
	}
	if next < len(s.toks) {
		t := &s.toks[next]
		switch {
		case t.kind == tPunct && (t.r == ',' || t.r == '.' || t.r == ';' || t.r == ')'):
		case t.kind == tWord && listPreps[firstWord(s.lower(next))]:
		default:
			return
		}
	}
	e.Kind, e.Unit = Money, prev.Unit
}

// listPreps are the words that may follow an item's number in a list of
// amounts ("300 au collège", "375 pour le deuxième enfant").
var listPreps = map[string]bool{"pour": true, "par": true, "au": true, "aux": true, "à": true, "a": true,
	"dans": true, "en": true, "chez": true, "contre": true, "selon": true}

// firstWord is the first word of a token that runs several words the
// lexer did not tell apart ("par orphelin").
func firstWord(s string) string {
	if k := strings.IndexByte(s, ' '); k >= 0 {
		return s[:k]
	}
	return s
}

// lower is the source text of token i in lower case.
func (s *scanner) lower(i int) string { return strings.ToLower(s.raw(i)) }

// at tries every grammar at token i. When none matches it returns the next
// token to try, which lets a rejected identifier ("2-22-923") be skipped
// whole.
func (s *scanner) at(i int) (Expr, int, bool) {
	t := &s.toks[i]
	switch t.kind {
	case tNum:
		if e, next, ok := s.periodCode(i); ok {
			return e, next, true
		}
		if skip := s.identifier(i); skip > i {
			return Expr{}, skip, false
		}
		if s.mayStartDate(i) {
			if e, next, ok := s.date(i); ok {
				return e, next, true
			}
		}
		if skip := s.notFigure(i); skip > i {
			return Expr{}, skip, false
		}
		if e, next, ok := s.dashRange(i); ok {
			return e, next, true
		}
		return s.figure(i)
	case tWord:
		if t.w() == "" {
			// Every grammar starts at a word of the vocabulary.
			return Expr{}, i + 1, false
		}
		if t.fn() && !s.telling(i+1) && !s.telling(i+2) && !s.telling(i+3) && !(t.vi == idIl && s.word(i+1, "y")) &&
			!(t.vi == idCet && s.word(i+1, "ete")) && !s.loneOneAt(i) && !s.boundedRange(i) {
			return Expr{}, i + 1, false
		}
		if t.ds() {
			if e, next, ok := s.date(i); ok {
				return e, next, true
			}
		}
		if e, next, ok := s.rangeAt(i); ok {
			return e, next, true
		}
		if t.allUpper || s.punct(i+1, '$') {
			if e, next, ok := s.prefixMoney(i); ok {
				return e, next, true
			}
		}
		if _, ok := t.num(); ok {
			return s.figure(i)
		}
		if t.is(aPercent) && s.matches(i+1, "de") {
			// "pourcentage de vingt", "pourcent des trois cent cinq"
			if n, ok := s.readFigure(s.skipJoin(i + 2)); ok && n.kind == Number {
				n.start, n.kind, n.unit = i, Percent, "percent"
				return s.expr(n), n.end, true
			}
		}
	case tPunct:
		switch {
		case t.r == '+' && s.isNum(i+1) && s.toks[i+1].gap == gNone:
			// "+13,6 %": a signed rate, read without its sign (the text
			// before it keeps the "+" for whoever reads the change).
			e, next, ok := s.figure(i + 1)
			if ok && e.Kind == Percent {
				return e, next, true
			}
			// "Variation | +4,1": a change in a table's column of rates,
			// whose "%" is in the header. A bare decimal ends its chain;
			// a phone number does not, and a count ("+1,2 million") is
			// an increase rather than a figure of its own.
			if ok && e.Kind == Number && next >= s.skipNumberChain(i+1) && s.bareDecimal(i+1, next) {
				return e, next, true
			}
			// "+212 5 22 …": a phone number; "+1,2 million": an increase,
			// skipped whole (its ",2 million" is no figure of its own).
			end := s.skipNumberChain(i + 1)
			if ok && next > end {
				end = next
			}
			return Expr{}, end, false
		case t.r == '-' || t.r == '−':
			if e, next, ok := s.negative(i); ok {
				return e, next, true
			}
		case t.r == ',' && (t.gap != gNone || i == 0) && s.isNum(i+1) && s.toks[i+1].gap == gNone &&
			(i == 0 || s.toks[i-1].kind != tNum):
			// ",08": a decimal with no integer part.
			if e, next, ok := s.figure(i); ok {
				return e, next, true
			}
		}
		if t.r == '$' || t.r == '€' || t.r == '£' || t.r == '¥' {
			if e, next, ok := s.prefixMoney(i); ok {
				return e, next, true
			}
		}
		if t.r >= '¼' {
			if _, ok := fractionGlyphs[t.r]; ok {
				return s.figure(i)
			}
		}
	}
	return Expr{}, i + 1, false
}

// tok returns token i, or a zero token past the end.
func (s *scanner) tok(i int) *token {
	if i < 0 || i >= len(s.toks) {
		return &zeroTok
	}
	return &s.toks[i]
}

var zeroTok token

func (s *scanner) isNum(i int) bool  { return i >= 0 && i < len(s.toks) && s.toks[i].kind == tNum }
func (s *scanner) isWord(i int) bool { return i >= 0 && i < len(s.toks) && s.toks[i].kind == tWord }

// raw is the source text of token i.
func (s *scanner) raw(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.text[int(s.toks[i].start):int(s.toks[i].end)]
}

// word reports whether token i is the folded word w.
func (s *scanner) word(i int, w string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tWord && s.toks[i].w() == w
}

// punct reports whether token i is the rune r.
func (s *scanner) punct(i int, r rune) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tPunct && s.toks[i].r == r
}

// matches reports whether token i is w: a folded word, or a symbol written
// as itself ("$").
func (s *scanner) matches(i int, w string) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	switch t.kind {
	case tWord:
		return t.w() == w || (w == "de" && (t.w() == "d" || t.w() == "des"))
	case tPunct:
		return s.text[int(t.start):int(t.end)] == w
	}
	return false
}

// skipJoin moves past apostrophes and hyphens glued inside a phrase
// ("jusqu'à", "au-delà", "quatre-vingt").
func (s *scanner) skipJoin(i int) int {
	for i < len(s.toks) && s.toks[i].kind == tPunct && (isApos(s.toks[i].r) || isDash(s.toks[i].r)) &&
		s.toks[i].gap == gNone && i+1 < len(s.toks) && s.toks[i+1].gap == gNone {
		i++
	}
	return i
}

// phrase matches the words ws from token i (joins skipped) and returns the
// token after the match.
func (s *scanner) phrase(i int, ws []string) (int, bool) {
	for k, w := range ws {
		if k > 0 {
			i = s.skipJoin(i)
		}
		if !s.matches(i, w) {
			return 0, false
		}
		i++
	}
	return i, true
}

// attachHedge extends e leftwards over a hedge phrase ("plus de", "près
// d'", "dépassant les") and sets its qualifier.
func (s *scanner) attachHedge(e *Expr, at int) {
	if e.Qualifier == "" {
		e.Qualifier = "exact"
	}
	if e.Kind == Date {
		e.Qualifier = ""
		return
	}
	first := at
	if int(s.toks[at].start) != e.Start {
		first = s.tokenAt(e.Start)
	}
	last := first - 1
	if last > 0 && s.toks[last].kind == tPunct && isApos(s.toks[last].r) && s.toks[last].gap == gNone {
		last-- // "près d'un million"
	}
	if s.hedgeAt(e, last, s.floor, true) || s.symbolHedge(e, last) {
		return
	}
	// "dépasse aujourd'hui 24 millions", "couvre désormais plus de…": an
	// adverb, or a date already reported, may stand between the hedge and
	// the figure. Over adverbs the span grows; over a reported date it
	// cannot (spans never overlap), so only the qualifier is set.
	pos, floor, extend := last, s.floor, true
	for step := 0; step < 3 && pos >= 0; step++ {
		t := &s.toks[pos]
		switch {
		case t.kind == tWord && t.is(aHedgeAdverb) && pos >= floor:
			pos--
		case len(s.out) > 0 && s.out[len(s.out)-1].Kind == Date && s.out[len(s.out)-1].End == int(t.end):
			pos = s.tokenAt(s.out[len(s.out)-1].Start) - 1
			floor, extend = s.prevFloor, false
		default:
			step = 3
			continue
		}
		if pos != last && s.hedgeAt(e, pos, floor, extend) {
			return
		}
	}
}

// attachPostHedge extends e rightwards over a hedge written after it
// ("2 millions à peu près", "500 dirhams au minimum") and sets its
// qualifier; it returns the token after the expression. The hedge must
// follow the figure directly: after a comma "au moins" opens a clause of
// its own ("3 millions, au moins pour l'instant"), and before another
// figure it hedges that one ("… 400 dirhams environ 20 000 ménages" is
// read as the next figure's "environ").
func (s *scanner) attachPostHedge(e *Expr, next int) int {
	if e.Kind == Date || next >= len(s.toks) {
		return next
	}
	at := next
	if s.isWord(next) && s.toks[next].gap != gNone && fold(s.raw(next)) == "par" && s.isWord(next+1) && perUnits[fold(s.raw(next+1))] {
		// "3 000 dirhams par mois en moyenne": the rate's unit between
		// the figure and its hedge.
		at = next + 2
	}
	if at >= len(s.toks) {
		return next
	}
	t := &s.toks[at]
	if t.kind != tWord || t.vi == 0 || t.gap == gNone {
		return next
	}
	for _, h := range postHedges {
		end, ok := s.phrase(at, h.words)
		// "au plus tard", "au plus tôt" say when, not how many.
		if !ok || s.telling(end) || s.word(end, "tard") || s.word(end, "tot") || s.punct(end, '-') || s.punct(end, '\'') || s.punct(end, '’') {
			continue
		}
		e.Qualifier = h.qualifier
		if e.High != nil && e.High.Qualifier == "exact" {
			e.High.Qualifier = h.qualifier
		}
		if at != next {
			// The span stays the figure's: "par mois" is a cue of what
			// it measures, which the extractor reads around it.
			return next
		}
		e.End = int(s.toks[end-1].end)
		return end
	}
	return next
}

// perUnits are the periods a rate is per ("par mois", "par an"), which
// may stand between a figure and the hedge written after it. (A rate per
// head, "par enfant", is not read: the lexer keeps no token for a word
// its grammar does not name.)
var perUnits = map[string]bool{
	"mois": true, "an": true, "annee": true, "jour": true, "semaine": true, "trimestre": true,
}

// symbolHedges are the signs that qualify the figure right after them in
// notes, threads and slides ("~3,7 MMDH", "≈ 5,6 M", "> 1 M de
// personnes"). "+" is left out: "+12 %" is a change as often as a bound.
var symbolHedges = map[rune]string{
	'~': "about", '≈': "about", '≃': "about", '∼': "about",
	'>': "more_than", '<': "less_than", '≥': "at_least", '⩾': "at_least", '≤': "up_to", '⩽': "up_to",
}

// symbolHedge sets e's qualifier from a sign at token last, written right
// before the figure and apart from what precedes it: "1 < 2" or "a>b"
// compare, and "->" points.
func (s *scanner) symbolHedge(e *Expr, last int) bool {
	if last < s.floor || last < 0 {
		return false
	}
	t := &s.toks[last]
	q, ok := symbolHedges[t.r]
	if t.kind != tPunct || !ok || s.toks[last+1].gap == gWide {
		return false
	}
	if last > 0 {
		p := &s.toks[last-1]
		glued := t.gap == gNone && (p.kind == tWord || p.kind == tNum)
		if glued || p.kind == tNum || p.kind == tPunct && (isDash(p.r) || p.r == '=' || p.r == '<' || p.r == '>') {
			return false
		}
	}
	e.Start = int(t.start)
	qualify(e, q)
	return true
}

// qualify sets e's qualifier, and its range's low end's when that one
// carries none of its own.
func qualify(e *Expr, q string) {
	e.Qualifier = q
	if e.Low != nil && e.Low.Qualifier == "exact" {
		e.Low.Qualifier = q
	}
}

// hedgeAt matches a hedge phrase ending at token last and starting at or
// after floor; it sets e's qualifier and, when extend is set, its start.
func (s *scanner) hedgeAt(e *Expr, last, floor int, extend bool) bool {
	t := s.tok(last)
	if t.kind != tWord || t.vi == 0 {
		return false
	}
	id := t.vi
	if id == idD || id == idDes {
		id = idDe
	}
	for _, h := range hedgesByLastID[id] {
		if start, ok := s.phraseBackIDs(last, h.ids); ok && start >= floor {
			if extend {
				e.Start = int(s.toks[start].start)
			}
			qualify(e, h.qualifier)
			return true
		}
	}
	return false
}

// hedgeAdverbs may stand between a hedge and its figure.
var hedgeAdverbs = map[string]bool{
	"aujourd": true, "hui": true, "desormais": true, "deja": true, "largement": true, "actuellement": true,
	"legerement": true, "ainsi": true, "meme": true, "encore": true, "alors": true, "aussi": true,
	"toujours": true, "bien": true, "nettement": true, "maintenant": true,
}

// phraseBackIDs matches the words ids ending at token i, going backwards
// (joins skipped), and returns the index of the first token; the id of
// "de" also matches "d" and "des".
func (s *scanner) phraseBackIDs(i int, ids []uint16) (int, bool) {
	for k := len(ids) - 1; k >= 0; k-- {
		if k < len(ids)-1 {
			for i >= 1 && s.toks[i].kind == tPunct && (isApos(s.toks[i].r) || isDash(s.toks[i].r)) &&
				s.toks[i].gap == gNone && s.toks[i+1].gap == gNone {
				i--
			}
		}
		if i < 0 || s.toks[i].kind != tWord {
			return 0, false
		}
		vi := s.toks[i].vi
		if vi != ids[k] && !(ids[k] == idDe && (vi == idD || vi == idDes)) {
			return 0, false
		}
		i--
	}
	return i + 1, true
}

// tokenAt returns the index of the token that starts at byte offset b.
func (s *scanner) tokenAt(b int) int {
	lo, hi := 0, len(s.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(s.toks[m].start) < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// telling reports whether token i is a number, a currency symbol or a word
// that figures and dates are built on (a number word, a month, "dernier"…).
func (s *scanner) telling(i int) bool {
	if i >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	switch t.kind {
	case tNum:
		return true
	case tWord:
		return t.attr&tTl != 0
	}
	return t.r == '$' || t.r == '€' || t.r == '£' || t.r == '%'
}

// startPunct reports whether an expression may start at the punctuation
// token i: a sign or a decimal comma glued to a number ("-3", "+212",
// ",08"), a currency symbol or a vulgar fraction. Commas and dashes are
// frequent and mostly start nothing, so the scanner skips them here.
func (s *scanner) startPunct(i int) bool {
	switch r := s.toks[i].r; r {
	case '-', '−':
		return i+1 < len(s.toks) && s.toks[i+1].kind == tNum && s.toks[i+1].gap == gNone ||
			s.punct(i+1, ',') && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2)
	case '+', ',':
		return i+1 < len(s.toks) && s.toks[i+1].kind == tNum && s.toks[i+1].gap == gNone
	case '$', '€', '£', '¥':
		return true
	default:
		return r >= '¼' && fractionGlyphs[r] != 0
	}
}

// mayStartDate screens the number at token i: a date starting with a number
// has a separator after it ("17/02", "17 - 02", "02 04 2009"), is a year, or
// has a month or a unit of time close after it ("26 novembre", "4 au 22
// cette mois", "3 prochaines semaines").
func (s *scanner) mayStartDate(i int) bool {
	if len(s.raw(i)) == 4 {
		return true
	}
	next := s.tok(i + 1)
	switch next.kind {
	case tPunct:
		if next.r == '/' || next.r == '.' || isDash(next.r) {
			return true
		}
	case tNum:
		if next.gap == gSpace && len(s.raw(i+1)) <= 2 {
			return true
		}
	}
	for k := i + 1; k < i+9 && k < len(s.toks); k++ {
		t := &s.toks[k]
		if t.attr&tDt != 0 {
			return true
		}
	}
	return false
}

// bareDecimal reports whether tokens i to next are digits, a decimal
// comma or point and digits, glued: "4,1", "38.2".
func (s *scanner) bareDecimal(i, next int) bool {
	return next == i+3 && (s.punct(i+1, ',') || s.punct(i+1, '.')) && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2)
}
