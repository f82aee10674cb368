package extract

// This file: a sentence folded and masked (figures and dates replaced by
// placeholders), its clauses, and the pattern helpers that run on it.

import (
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"
	"unsafe"

	"github.com/dlclark/regexp2/v2"

	"github.com/faits/faits/normalize"
)

// Placeholders standing for expressions in a masked sentence; all three
// have the same length so that the focus can be swapped in place.
const (
	tokFig  = "FIG"
	tokNum  = "NUM"
	tokDate = "DAT"
)

// slot is an expression placed in a masked sentence.
type slot struct {
	e          normalize.Expr
	start, end int // rune offsets of the placeholder
}

// masked is one sentence folded, with expressions replaced by placeholders.
type masked struct {
	str string
	// runes is str as runes, for the offsets patterns give (rune indexes),
	// kept only where str is not ASCII: a folded sentence almost always
	// is (97 % of them in the real articles), and its byte offsets are
	// then its rune offsets. Read it through n, at, sub and withFocus.
	runes []rune
	// orig[0] is the byte offset in the text of the first rune, which
	// warnings name. The offsets of the other runes are not kept: at 8
	// bytes a rune, for every sentence of a long article, they were most of
	// an extraction's memory, and a fact needs one of them (byteAt).
	orig    []int
	figs    []slot
	dates   []slot
	clauses []int // rune offsets where clauses start
	cues    map[*rule][]span
	// focus[i] is withFocus(i), once made.
	focus [][]rune
}

// find returns the first match of re in s, or nil. A pattern that runs
// out of its backtracking budget makes the whole text fail (x.fail).
func (x *run) find(re *pattern, s string, name string, offset int) *match {
	if re == nil {
		return nil
	}
	m, err := re.first(x.subject(s))
	if err != nil {
		x.fail(name, offset, err)
		return nil
	}
	return m
}

// findR is find over runes.
func (x *run) findR(re *pattern, rs []rune, name string, offset int) *match {
	if re == nil {
		return nil
	}
	return x.find(re, x.runesString(rs), name, offset)
}

// all returns every match of re in s.
func (x *run) all(re *pattern, s string, name string, offset int) []*match {
	if re == nil {
		return nil
	}
	out, err := re.all(x.subject(s))
	if err != nil {
		x.fail(name, offset, err)
		return nil
	}
	return out
}

// allR returns every match of re in rs.
func (x *run) allR(re *pattern, rs []rune, name string, offset int) []*match {
	if re == nil {
		return nil
	}
	return x.all(re, x.runesString(rs), name, offset)
}

// runesString converts rs once: the same runes (a sentence, a sentence
// with its focus) are read by many patterns in a row.
func (x *run) runesString(rs []rune) string {
	if len(rs) == 0 {
		return ""
	}
	for _, c := range x.strCache {
		if len(c.rs) == len(rs) && &c.rs[0] == &rs[0] {
			return c.s
		}
	}
	s := string(rs)
	x.strCache[x.strNext] = runesStr{rs, s}
	x.strNext = (x.strNext + 1) % len(x.strCache)
	return s
}

// runesStr pairs runes with their string; holding rs keeps its address
// from being reused for other runes while it is cached.
type runesStr struct {
	rs []rune
	s  string
}

// subject prepares s for patterns: which literals it holds, found once
// for all the patterns that read the same text.
func (x *run) subject(s string) *subject {
	// Most calls read the text the call before read (a sentence, read by
	// every programme name in turn): it is tried first.
	if c := x.subjLast; c != nil && c.is(s) {
		return c
	}
	for _, c := range x.subjCache {
		if c != nil && c.is(s) {
			x.subjLast = c
			return c
		}
	}
	// The subject it replaces is no longer read (callers do not keep
	// one past their match): it is reused, set and all.
	t := x.subjCache[x.subjNext]
	if t == nil {
		t = &subject{}
		x.subjCache[x.subjNext] = t
	}
	t.s, t.ascii = s, isASCII(s)
	t.lits = x.r.lits.scan(s, t.lits)
	x.subjNext = (x.subjNext + 1) % len(x.subjCache)
	x.subjLast = t
	return t
}

// is reports whether t was made of s itself (the same bytes in memory):
// a pointer and a length compared, not the text.
func (t *subject) is(s string) bool {
	return len(t.s) == len(s) && (len(s) == 0 || unsafe.StringData(t.s) == unsafe.StringData(s))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fail records that a pattern ran out of its budget: the text is not read.
func (x *run) fail(name string, offset int, err error) {
	if x.failed {
		return
	}
	x.failed = true
	msg := err.Error()
	if errors.Is(err, regexp2.ErrBacktrackingStackLimit) {
		msg = fmt.Sprintf("%v (%d slots); the text is not read", ErrBudget, maxBacktrack)
	}
	x.warnings = append(x.warnings, Warning{Rule: name, Offset: offset, Msg: msg, Fatal: true})
}

// mask folds a sentence, replacing its expressions with placeholders.
func (x *run) mask(s sentence, exprs []normalize.Expr) *masked {
	m := &masked{}
	f := x.maskFold(s, exprs, m, true)
	m.setText(f.s, f.orig[0])
	m.clauses = []int{0}
	i := 0
	for _, r := range m.str {
		// Parentheses do not cut: "AMO Tadamon (11,1 millions)" is one clause.
		if r == ',' || r == ';' || r == ':' {
			m.clauses = append(m.clauses, i+1)
		}
		i++
	}
	return m
}

// setText gives m its folded text, which starts at byte offset at of the
// text.
func (m *masked) setText(str string, at int) {
	m.str, m.orig = str, []int{at}
	if !isASCII(str) {
		m.runes = []rune(str)
	}
}

// n is the length of the masked text in runes.
func (m *masked) n() int {
	if m.runes == nil {
		return len(m.str)
	}
	return len(m.runes)
}

// at is the rune at offset i.
func (m *masked) at(i int) rune {
	if m.runes == nil {
		return rune(m.str[i])
	}
	return m.runes[i]
}

// byteAt returns the byte offset in the text of rune i of sentence si's
// masked text (i may be its length: the sentence's end). The fold is made
// again rather than kept for every sentence (see masked.orig), once for
// all the facts of the sentence being read: the last one made is kept.
func (x *run) byteAt(si, i int) int {
	if x.origs == nil || x.origsOf != si {
		x.origs, x.origsOf = x.maskFold(x.sents[si], x.exprsOf(si), nil, false).orig, si
	}
	return x.origs[i]
}

// maskFold folds sentence s with its expressions written as placeholders;
// m, if not nil, is given the placeholders' slots. With firstOnly, the
// offset map keeps the first rune's offset only.
func (x *run) maskFold(s sentence, exprs []normalize.Expr, m *masked, firstOnly bool) folded {
	// Folding keeps about a rune a byte: sized once rather than grown.
	fb := foldBuilder{firstOnly: firstOnly, b: make([]byte, 0, s.end-s.start+16)}
	if firstOnly {
		fb.orig = make([]int, 0, 1)
	} else {
		fb.orig = make([]int, 0, s.end-s.start+17)
	}
	at := s.start
	pos := func() int { return fb.n }
	for _, e := range exprs {
		fb.addText(x.in.Text, at, e.Start)
		tok := tokNum
		if e.Kind == normalize.Date {
			tok = tokDate
		}
		fb.addToken(tok, e.Start)
		sl := slot{e: e, start: pos() - len(tok), end: pos()}
		switch {
		case m == nil:
		case e.Kind == normalize.Date:
			m.dates = append(m.dates, sl)
		default:
			m.figs = append(m.figs, sl)
		}
		// The rune after the token maps to the end of the expression.
		fb.addRune(' ', e.End)
		at = e.End
	}
	fb.addText(x.in.Text, at, s.end)
	return fb.done(s.end)
}

// clause returns the index of the clause holding rune offset i.
func (m *masked) clause(i int) int {
	return sort.SearchInts(m.clauses, i+1) - 1
}

// clauseStart returns the rune offset where the clause holding i starts.
func (m *masked) clauseStart(i int) int { return m.clauses[m.clause(i)] }

// clauseEnd returns the rune offset where the clause holding i ends.
func (m *masked) clauseEnd(i int) int {
	c := m.clause(i)
	if c+1 < len(m.clauses) {
		return m.clauses[c+1] - 1
	}
	return m.n()
}

// sub is the masked text from rune offset a to b, clipped to it.
func (m *masked) sub(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > m.n() {
		b = m.n()
	}
	if a >= b {
		return ""
	}
	if m.runes == nil {
		return m.str[a:b]
	}
	return string(m.runes[a:b])
}

// withFocus returns the masked sentence with figure i written FIG. It is
// made once per figure and shared (callers only read it): the same runes
// are then converted to a string and scanned for literals once
// (runesString, subject), however many patterns read them.
func (m *masked) withFocus(i int) []rune {
	if m.focus == nil {
		m.focus = make([][]rune, len(m.figs))
	}
	if rs := m.focus[i]; rs != nil {
		return rs
	}
	var rs []rune
	if m.runes == nil {
		rs = []rune(m.str)
	} else {
		rs = make([]rune, len(m.runes))
		copy(rs, m.runes)
	}
	copy(rs[m.figs[i].start:], []rune(tokFig))
	m.focus[i] = rs
	return rs
}

// tailLen is how much text before a figure or a date the patterns that
// end at it (qualifiers, changes, as_of) are given: they look at the few
// words just before, and a shorter text spares scanning the whole clause.
const tailLen = 80

func lastRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[len(r)-n:])
}

// figureBetween reports whether a figure stands between rune offsets a and
// b: a cue beyond another figure belongs to that one.
func (x *run) figureBetween(m *masked, a, b int) bool {
	for _, f := range m.figs {
		if f.start >= a && f.end <= b {
			return true
		}
	}
	return false
}

// parenthesised reports whether a figure opens a parenthesis.
func parenthesised(m *masked, f slot) bool {
	return f.start >= 2 && m.at(f.start-1) == ' ' && m.at(f.start-2) == '('
}
