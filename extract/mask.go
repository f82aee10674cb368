package extract

// This file: a sentence folded and masked (figures and dates replaced by
// placeholders), its clauses, and the pattern helpers that run on it.

import (
	"fmt"
	"sort"
	"unicode/utf8"

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
	runes   []rune
	str     string
	orig    []int // byte offset in the text of each rune, plus the end
	figs    []slot
	dates   []slot
	clauses []int // rune offsets where clauses start
	cues    map[*rule][]span
}

// find returns the first match of re in s at or after rune offset at, or
// nil; a timeout becomes a warning.
func (x *run) find(re *regexp2.Regexp, s string, name string, offset int) *regexp2.Match {
	if re == nil {
		return nil
	}
	m, err := re.FindStringMatch(s)
	if err != nil {
		x.warn(name, offset, fmt.Sprintf("pattern gave up: %v", err))
		return nil
	}
	return m
}

// findR is find over runes, which spares regexp2 converting a string.
func (x *run) findR(re *regexp2.Regexp, rs []rune, name string, offset int) *regexp2.Match {
	if re == nil {
		return nil
	}
	m, err := re.FindRunesMatch(rs)
	if err != nil {
		x.warn(name, offset, fmt.Sprintf("pattern gave up: %v", err))
		return nil
	}
	return m
}

// all returns every match of re in s.
func (x *run) all(re *regexp2.Regexp, s string, name string, offset int) []*regexp2.Match {
	return x.allR(re, []rune(s), name, offset)
}

// allR returns every match of re in rs.
func (x *run) allR(re *regexp2.Regexp, rs []rune, name string, offset int) []*regexp2.Match {
	var out []*regexp2.Match
	m := x.findR(re, rs, name, offset)
	for m != nil {
		out = append(out, m)
		var err error
		m, err = re.FindNextMatch(m)
		if err != nil {
			x.warn(name, offset, fmt.Sprintf("pattern gave up: %v", err))
			break
		}
	}
	return out
}

// mask folds a sentence, replacing its expressions with placeholders.
func (x *run) mask(s sentence, exprs []normalize.Expr) *masked {
	var fb foldBuilder
	m := &masked{}
	at := s.start
	pos := func() int { return len(fb.orig) }
	for _, e := range exprs {
		fb.addText(x.in.Text, at, e.Start)
		tok := tokNum
		if e.Kind == normalize.Date {
			tok = tokDate
		}
		fb.addToken(tok, e.Start)
		sl := slot{e: e, start: pos() - len(tok), end: pos()}
		if e.Kind == normalize.Date {
			m.dates = append(m.dates, sl)
		} else {
			m.figs = append(m.figs, sl)
		}
		// The rune after the token maps to the end of the expression.
		fb.addRune(' ', e.End)
		at = e.End
	}
	fb.addText(x.in.Text, at, s.end)
	f := fb.done(s.end)
	m.str, m.orig = f.s, f.orig
	m.runes = []rune(m.str)
	m.clauses = []int{0}
	for i, r := range m.runes {
		// Parentheses do not cut: "AMO Tadamon (11,1 millions)" is one clause.
		if r == ',' || r == ';' || r == ':' {
			m.clauses = append(m.clauses, i+1)
		}
	}
	return m
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
	return len(m.runes)
}

func (m *masked) sub(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(m.runes) {
		b = len(m.runes)
	}
	if a >= b {
		return ""
	}
	return string(m.runes[a:b])
}

// withFocus returns the masked sentence with figure i written FIG.
func (m *masked) withFocus(i int) []rune {
	rs := make([]rune, len(m.runes))
	copy(rs, m.runes)
	copy(rs[m.figs[i].start:], []rune(tokFig))
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
	return f.start >= 2 && m.runes[f.start-1] == ' ' && m.runes[f.start-2] == '('
}
