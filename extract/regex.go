package extract

// This file: a reader of the rules' pattern syntax (regexp2's ECMAScript
// dialect, the part of it rules use), so that a pattern can be checked for
// unbounded backtracking, given the words any match must contain, and
// written in Go's RE2 syntax when it needs no lookaround.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// node is one element of a parsed pattern.
type node struct {
	kind     nodeKind
	r        rune     // lit
	ranges   []rune   // class: sorted, disjoint [lo, hi] pairs
	subs     []*node  // concat, alt, group, look, repeat (one)
	name     string   // named capture
	capture  bool     // group is a capture
	min, max int      // repeat; max < 0: no bound
	lazy     bool     // repeat
	behind   bool     // look
	negate   bool     // look
	pos      int      // rune offset in the pattern, for messages
	text     string   // the pattern text of the node, for messages
	_        struct{} // keep composite literals keyed
}

type nodeKind int

const (
	nLit nodeKind = iota
	nClass
	nBol      // ^
	nEol      // $
	nWordB    // \b
	nNonWordB // \B
	nConcat
	nAlt
	nGroup
	nLook
	nRepeat
)

// The ECMAScript classes regexp2 uses (syntax.ECMASpaceClass and friends).
var (
	ecmaSpace = []rune{0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a,
		0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff}
	ecmaWord  = []rune{'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}
	ecmaDigit = []rune{'0', '9'}
	// "." is anything but a line terminator.
	ecmaDot = complement([]rune{0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029})
)

// errUnsupported marks syntax this reader does not know; such a pattern
// is left to regexp2 whole, with no word gate.
type errUnsupported struct{ msg string }

func (e errUnsupported) Error() string { return e.msg }

type reParser struct {
	p   []rune
	i   int
	src string
}

// parseRe parses a rules pattern. An error of type errUnsupported means
// the pattern is valid for regexp2 perhaps, but not read here.
func parseRe(src string) (*node, error) {
	ps := &reParser{p: []rune(src), src: src}
	n, err := ps.alt()
	if err != nil {
		return nil, err
	}
	if ps.i < len(ps.p) {
		return nil, ps.unsupported("unexpected %q", string(ps.p[ps.i]))
	}
	return n, nil
}

func (ps *reParser) unsupported(format string, a ...any) error {
	return errUnsupported{fmt.Sprintf("at %d: ", ps.i) + fmt.Sprintf(format, a...)}
}

func (ps *reParser) more() bool { return ps.i < len(ps.p) }
func (ps *reParser) peek() rune { return ps.p[ps.i] }

func (ps *reParser) alt() (*node, error) {
	start := ps.i
	var alts []*node
	for {
		c, err := ps.concat()
		if err != nil {
			return nil, err
		}
		alts = append(alts, c)
		if ps.more() && ps.peek() == '|' {
			ps.i++
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{kind: nAlt, subs: alts, pos: start, text: string(ps.p[start:ps.i])}, nil
}

func (ps *reParser) concat() (*node, error) {
	start := ps.i
	var items []*node
	for ps.more() && ps.peek() != '|' && ps.peek() != ')' {
		atomStart := ps.i
		a, err := ps.atom()
		if err != nil {
			return nil, err
		}
		a, err = ps.quantifier(a, atomStart)
		if err != nil {
			return nil, err
		}
		items = append(items, a)
	}
	return &node{kind: nConcat, subs: items, pos: start, text: string(ps.p[start:ps.i])}, nil
}

func (ps *reParser) quantifier(a *node, atomStart int) (*node, error) {
	if !ps.more() {
		return a, nil
	}
	min, max := 0, 0
	switch ps.peek() {
	case '*':
		min, max = 0, -1
		ps.i++
	case '+':
		min, max = 1, -1
		ps.i++
	case '?':
		min, max = 0, 1
		ps.i++
	case '{':
		j := ps.i + 1
		num := func() (int, bool) {
			k := j
			for j < len(ps.p) && ps.p[j] >= '0' && ps.p[j] <= '9' {
				j++
			}
			if k == j {
				return 0, false
			}
			v, err := strconv.Atoi(string(ps.p[k:j]))
			return v, err == nil
		}
		lo, ok := num()
		if !ok {
			return nil, ps.unsupported("'{' that is no quantifier")
		}
		hi := lo
		if j < len(ps.p) && ps.p[j] == ',' {
			j++
			if j < len(ps.p) && ps.p[j] == '}' {
				hi = -1
			} else if hi, ok = num(); !ok {
				return nil, ps.unsupported("'{' that is no quantifier")
			}
		}
		if j >= len(ps.p) || ps.p[j] != '}' {
			return nil, ps.unsupported("'{' that is no quantifier")
		}
		if lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo) {
			return nil, ps.unsupported("repetition count")
		}
		min, max = lo, hi
		ps.i = j + 1
	default:
		return a, nil
	}
	switch a.kind {
	case nBol, nEol, nWordB, nNonWordB, nLook:
		return nil, ps.unsupported("quantified assertion")
	}
	q := &node{kind: nRepeat, subs: []*node{a}, min: min, max: max, pos: atomStart}
	if ps.more() && ps.peek() == '?' {
		q.lazy = true
		ps.i++
	}
	q.text = string(ps.p[atomStart:ps.i])
	if ps.more() && strings.ContainsRune("*+?{", ps.peek()) {
		return nil, ps.unsupported("quantifier after quantifier")
	}
	return q, nil
}

func (ps *reParser) atom() (*node, error) {
	start := ps.i
	c := ps.p[ps.i]
	ps.i++
	switch c {
	case '(':
		g := &node{kind: nGroup, pos: start}
		if ps.more() && ps.peek() == '?' {
			rest := string(ps.p[ps.i:min(ps.i+3, len(ps.p))])
			switch {
			case strings.HasPrefix(rest, "?:"):
				ps.i += 2
			case strings.HasPrefix(rest, "?="), strings.HasPrefix(rest, "?!"):
				g = &node{kind: nLook, negate: rest[1] == '!', pos: start}
				ps.i += 2
			case strings.HasPrefix(rest, "?<="), strings.HasPrefix(rest, "?<!"):
				g = &node{kind: nLook, behind: true, negate: rest[2] == '!', pos: start}
				ps.i += 3
			case strings.HasPrefix(rest, "?<"):
				j := ps.i + 2
				for j < len(ps.p) && (ps.p[j] == '_' || ps.p[j] >= 'a' && ps.p[j] <= 'z' || ps.p[j] >= 'A' && ps.p[j] <= 'Z' || j > ps.i+2 && ps.p[j] >= '0' && ps.p[j] <= '9') {
					j++
				}
				if j == ps.i+2 || j >= len(ps.p) || ps.p[j] != '>' {
					return nil, ps.unsupported("group name")
				}
				g.capture, g.name = true, string(ps.p[ps.i+2:j])
				ps.i = j + 1
			default:
				return nil, ps.unsupported("group kind (?%s", rest)
			}
		} else {
			g.capture = true
		}
		body, err := ps.alt()
		if err != nil {
			return nil, err
		}
		if !ps.more() || ps.peek() != ')' {
			return nil, ps.unsupported("unclosed group")
		}
		ps.i++
		g.subs = []*node{body}
		g.text = string(ps.p[start:ps.i])
		return g, nil
	case '[':
		return ps.class(start)
	case '\\':
		if !ps.more() {
			return nil, ps.unsupported("trailing backslash")
		}
		e := ps.p[ps.i]
		ps.i++
		switch e {
		case 'b':
			return &node{kind: nWordB, pos: start, text: `\b`}, nil
		case 'B':
			return &node{kind: nNonWordB, pos: start, text: `\B`}, nil
		}
		rs, lit, err := ps.escape(e, false)
		if err != nil {
			return nil, err
		}
		if rs != nil {
			return &node{kind: nClass, ranges: rs, pos: start, text: string(ps.p[start:ps.i])}, nil
		}
		return &node{kind: nLit, r: lit, pos: start, text: string(ps.p[start:ps.i])}, nil
	case '.':
		return &node{kind: nClass, ranges: ecmaDot, pos: start, text: "."}, nil
	case '^':
		return &node{kind: nBol, pos: start, text: "^"}, nil
	case '$':
		return &node{kind: nEol, pos: start, text: "$"}, nil
	case '*', '+', '?', '{', '}', ']', ')', '|':
		ps.i--
		return nil, ps.unsupported("%q out of place", string(c))
	}
	return &node{kind: nLit, r: c, pos: start, text: string(c)}, nil
}

// escape reads the escape after a backslash: a class (rs) or one rune.
func (ps *reParser) escape(e rune, inClass bool) (rs []rune, lit rune, err error) {
	switch e {
	case 's':
		return ecmaSpace, 0, nil
	case 'S':
		return complement(ecmaSpace), 0, nil
	case 'w':
		return ecmaWord, 0, nil
	case 'W':
		return complement(ecmaWord), 0, nil
	case 'd':
		return ecmaDigit, 0, nil
	case 'D':
		return complement(ecmaDigit), 0, nil
	case 'n':
		return nil, '\n', nil
	case 't':
		return nil, '\t', nil
	case 'r':
		return nil, '\r', nil
	case 'f':
		return nil, '\f', nil
	case 'v':
		return nil, '\v', nil
	case 'b':
		if inClass {
			return nil, '\b', nil
		}
	}
	if e < 0x80 && (e >= 'a' && e <= 'z' || e >= 'A' && e <= 'Z' || e >= '0' && e <= '9' || e == '_') {
		return nil, 0, ps.unsupported(`escape \%c`, e)
	}
	return nil, e, nil // an identity escape: "\.", "\(", "\'"
}

func (ps *reParser) class(start int) (*node, error) {
	negate := false
	if ps.more() && ps.peek() == '^' {
		negate = true
		ps.i++
	}
	var set []rune
	first := true
	for {
		if !ps.more() {
			return nil, ps.unsupported("unclosed class")
		}
		c := ps.p[ps.i]
		if c == ']' && !first {
			ps.i++
			break
		}
		if c == ']' || c == '[' {
			return nil, ps.unsupported("%q in a class", string(c))
		}
		first = false
		ps.i++
		lo := c
		if c == '\\' {
			if !ps.more() {
				return nil, ps.unsupported("trailing backslash")
			}
			e := ps.p[ps.i]
			ps.i++
			rs, lit, err := ps.escape(e, true)
			if err != nil {
				return nil, err
			}
			if rs != nil {
				if ps.more() && ps.peek() == '-' && ps.i+1 < len(ps.p) && ps.p[ps.i+1] != ']' {
					return nil, ps.unsupported("range from a class escape")
				}
				set = union(set, rs)
				continue
			}
			lo = lit
		}
		hi := lo
		if ps.more() && ps.peek() == '-' && ps.i+1 < len(ps.p) && ps.p[ps.i+1] != ']' {
			ps.i++
			h := ps.p[ps.i]
			ps.i++
			if h == '\\' {
				if !ps.more() {
					return nil, ps.unsupported("trailing backslash")
				}
				e := ps.p[ps.i]
				ps.i++
				rs, lit, err := ps.escape(e, true)
				if err != nil || rs != nil {
					return nil, ps.unsupported("range to a class escape")
				}
				h = lit
			} else if h == '[' {
				return nil, ps.unsupported("'[' in a class")
			}
			if h < lo {
				return nil, ps.unsupported("range out of order")
			}
			hi = h
		}
		set = union(set, []rune{lo, hi})
	}
	if negate {
		set = complement(set)
	}
	return &node{kind: nClass, ranges: set, pos: start, text: string(ps.p[start:ps.i])}, nil
}

// union merges two sorted range lists.
func union(a, b []rune) []rune {
	all := append(append([]rune(nil), a...), b...)
	// sort pairs by lo (small lists: insertion sort)
	for i := 2; i < len(all); i += 2 {
		for j := i; j >= 2 && all[j] < all[j-2]; j -= 2 {
			all[j], all[j-2] = all[j-2], all[j]
			all[j+1], all[j-1] = all[j-1], all[j+1]
		}
	}
	var out []rune
	for i := 0; i < len(all); i += 2 {
		lo, hi := all[i], all[i+1]
		if n := len(out); n > 0 && lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], hi)
			continue
		}
		out = append(out, lo, hi)
	}
	return out
}

// complement is every rune not in the sorted range list rs.
func complement(rs []rune) []rune {
	var out []rune
	next := rune(0)
	for i := 0; i < len(rs); i += 2 {
		if rs[i] > next {
			out = append(out, next, rs[i]-1)
		}
		next = rs[i+1] + 1
	}
	if next <= utf8.MaxRune {
		out = append(out, next, utf8.MaxRune)
	}
	return out
}

// needsBacktracker reports whether n uses what RE2 cannot do: lookaround.
func (n *node) needsBacktracker() bool {
	if n.kind == nLook {
		return true
	}
	for _, s := range n.subs {
		if s.needsBacktracker() {
			return true
		}
	}
	return false
}

// minLen is the fewest runes a match of n spans.
func (n *node) minLen() int {
	switch n.kind {
	case nLit, nClass:
		return 1
	case nConcat:
		t := 0
		for _, s := range n.subs {
			t += s.minLen()
		}
		return t
	case nAlt:
		m := -1
		for _, s := range n.subs {
			if l := s.minLen(); m < 0 || l < m {
				m = l
			}
		}
		return max(m, 0)
	case nGroup:
		return n.subs[0].minLen()
	case nRepeat:
		return n.min * n.subs[0].minLen()
	}
	return 0
}

// maxLen is the most runes a match of n spans, or -1 without bound.
func (n *node) maxLen() int {
	switch n.kind {
	case nLit, nClass:
		return 1
	case nConcat:
		t := 0
		for _, s := range n.subs {
			l := s.maxLen()
			if l < 0 {
				return -1
			}
			t += l
		}
		return t
	case nAlt:
		m := 0
		for _, s := range n.subs {
			l := s.maxLen()
			if l < 0 {
				return -1
			}
			m = max(m, l)
		}
		return m
	case nGroup:
		return n.subs[0].maxLen()
	case nRepeat:
		l := n.subs[0].maxLen()
		if n.max < 0 && l != 0 {
			return -1
		}
		if l < 0 {
			return -1
		}
		return n.max * l
	}
	return 0
}

// re2 writes n in Go's regexp syntax with the same meaning on any text.
func (n *node) re2(b *strings.Builder) {
	switch n.kind {
	case nLit:
		b.WriteString(regexp.QuoteMeta(string(n.r)))
	case nClass:
		b.WriteString(classRE2(n.ranges))
	case nBol:
		b.WriteString(`\A`)
	case nEol:
		b.WriteString(`\z`)
	case nWordB:
		b.WriteString(`\b`)
	case nNonWordB:
		b.WriteString(`\B`)
	case nConcat:
		for _, s := range n.subs {
			s.re2(b)
		}
	case nAlt:
		for i, s := range n.subs {
			if i > 0 {
				b.WriteByte('|')
			}
			s.re2(b)
		}
	case nGroup:
		if n.name != "" {
			b.WriteString("(?P<" + n.name + ">")
		} else {
			b.WriteString("(?:")
		}
		n.subs[0].re2(b)
		b.WriteByte(')')
	case nRepeat:
		b.WriteString("(?:")
		n.subs[0].re2(b)
		b.WriteByte(')')
		switch {
		case n.max < 0:
			fmt.Fprintf(b, "{%d,}", n.min)
		default:
			fmt.Fprintf(b, "{%d,%d}", n.min, n.max)
		}
		if n.lazy {
			b.WriteByte('?')
		}
	default:
		panic("re2: lookaround")
	}
}

func classRE2(rs []rune) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < len(rs); i += 2 {
		fmt.Fprintf(&b, `\x{%x}`, rs[i])
		if rs[i+1] != rs[i] {
			fmt.Fprintf(&b, `-\x{%x}`, rs[i+1])
		}
	}
	b.WriteByte(']')
	if len(rs) == 0 {
		return `[^\x00-\x{10FFFF}]`
	}
	return b.String()
}

// literals returns strings one of which every match of n contains, or ok
// false when none can be told. Among the parts of a sequence it keeps the
// set whose shortest string is longest: the rarest words.
func (n *node) literals() (set []string, ok bool) {
	switch n.kind {
	case nLit:
		return []string{string(n.r)}, true
	case nGroup:
		return n.subs[0].literals()
	case nRepeat:
		if n.min == 0 {
			return nil, false
		}
		return n.subs[0].literals()
	case nAlt:
		seen := map[string]bool{}
		for _, s := range n.subs {
			l, ok := s.literals()
			if !ok {
				return nil, false
			}
			for _, x := range l {
				if !seen[x] {
					seen[x] = true
					set = append(set, x)
				}
			}
		}
		return set, true
	case nConcat:
		var best []string
		bestScore := -1
		consider := func(l []string) {
			if s := litScore(l); s > bestScore {
				best, bestScore = l, s
			}
		}
		var run []rune
		flush := func() {
			if len(run) > 0 {
				consider([]string{string(run)})
				run = nil
			}
		}
		for _, s := range n.subs {
			if s.kind == nLit {
				run = append(run, s.r)
				continue
			}
			flush()
			if l, ok := s.literals(); ok {
				consider(l)
			}
		}
		flush()
		return best, bestScore >= 0
	}
	return nil, false
}

// maxClauses bounds the sets an alternation is given (their number is the
// product of its alternatives').
const maxClauses = 16

// clauses returns literal sets any match of n contains a member of each:
// literals() of every part of a sequence, where literals() picks one.
// Optional parts and lookaround add none.
func (n *node) clauses() [][]string {
	switch n.kind {
	case nLit:
		return [][]string{{string(n.r)}}
	case nGroup:
		return n.subs[0].clauses()
	case nRepeat:
		if n.min == 0 {
			return nil
		}
		return n.subs[0].clauses()
	case nAlt:
		// (a and b) or (c and d) is (a or c) and (a or d) and (b or c)
		// and (b or d): "=\s*FIG|FIG\s*(\S+\s*)?=" needs "=".
		out := [][]string{nil}
		for _, s := range n.subs {
			cs := s.clauses()
			if len(cs) == 0 || len(out)*len(cs) > maxClauses {
				if l, ok := n.literals(); ok {
					return [][]string{l}
				}
				return nil
			}
			var next [][]string
			for _, a := range out {
				for _, c := range cs {
					u := slices.Clone(a)
					for _, x := range c {
						if !slices.Contains(u, x) {
							u = append(u, x)
						}
					}
					next = append(next, u)
				}
			}
			out = next
		}
		return out
	case nConcat:
		var out [][]string
		var run []rune
		for _, s := range n.subs {
			if s.kind == nLit {
				run = append(run, s.r)
				continue
			}
			if len(run) > 0 {
				out = append(out, []string{string(run)})
				run = nil
			}
			out = append(out, s.clauses()...)
		}
		if len(run) > 0 {
			out = append(out, []string{string(run)})
		}
		return out
	}
	return nil
}

// litScore rates a literal set by its shortest member's letters and
// digits: "fonctionnement" rules out more sentences than "(" or "NUM".
func litScore(l []string) int {
	s := 1 << 30
	for _, x := range l {
		k := 0
		for _, r := range strings.NewReplacer(tokFig, "", tokNum, "", tokDate, "").Replace(x) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
				k++
			}
		}
		s = min(s, k)
	}
	return s
}

// backtrackRisk returns the first part of n a backtracking matcher could
// spend unbounded time on, or nil: a repetition without bound of
// something that itself repeats a variable number of times ("(a+)+",
// "(\s*x)*", star height two), and a lookbehind without a longest length.
func (n *node) backtrackRisk() (*node, string) {
	switch n.kind {
	case nRepeat:
		if n.max < 0 && n.subs[0].unbounded() {
			return n, "nested quantifier: a repetition without bound of a part that repeats itself"
		}
	case nLook:
		if n.behind && n.subs[0].maxLen() < 0 {
			return n, "lookbehind without a longest length (use {0,N}, not * or +)"
		}
	}
	for _, s := range n.subs {
		if r, why := s.backtrackRisk(); r != nil {
			return r, why
		}
	}
	return nil, ""
}

// ambiguityRisk is backtrackRisk's second half, for a pattern that runs
// on the backtracking engine (it has a lookaround; RE2 is linear on any
// pattern): a repetition without bound of a part holding alternatives
// that may start on the same character ("(a|aa)*", "(de\s|du\s)+"). A
// text can be cut into such alternatives in exponentially many ways, each
// tried when the match fails, while the stack, which the budget counts,
// stays shallow: on 28 a's "(?<!z)(a|aa)*b" took 1.6 s and no budget
// stopped it. The test is coarse (alternatives that a later part tells
// apart are refused too): bound the repetition ({0,N}) or make the
// alternatives start apart.
func (n *node) ambiguityRisk() (*node, string) {
	if n.kind == nRepeat && n.max < 0 {
		if a := n.subs[0].overlappingAlt(); a != nil {
			return n, "alternatives that may start alike under a repetition without bound: " + strconv.Quote(a.text)
		}
	}
	for _, s := range n.subs {
		if r, why := s.ambiguityRisk(); r != nil {
			return r, why
		}
	}
	return nil, ""
}

// overlappingAlt returns an alternation within n two of whose
// alternatives may start with the same character, or nil.
func (n *node) overlappingAlt() *node {
	if n.kind == nAlt {
		firsts := make([][]rune, len(n.subs))
		for i, s := range n.subs {
			firsts[i], _ = s.firstChars()
			for j := range i {
				if intersects(firsts[i], firsts[j]) {
					return n
				}
			}
		}
	}
	for _, s := range n.subs {
		if a := s.overlappingAlt(); a != nil {
			return a
		}
	}
	return nil
}

// firstChars is the set of characters (sorted [lo, hi] pairs, possibly
// overlapping) a match of n may start with, and whether n may match
// empty text (then what follows n may start the match too).
func (n *node) firstChars() (set []rune, nullable bool) {
	switch n.kind {
	case nLit:
		return []rune{n.r, n.r}, false
	case nClass:
		return n.ranges, false
	case nConcat:
		for _, s := range n.subs {
			f, null := s.firstChars()
			set = append(set, f...)
			if !null {
				return set, false
			}
		}
		return set, true
	case nAlt:
		for _, s := range n.subs {
			f, null := s.firstChars()
			set = append(set, f...)
			nullable = nullable || null
		}
		return set, nullable
	case nGroup:
		return n.subs[0].firstChars()
	case nRepeat:
		f, null := n.subs[0].firstChars()
		return f, null || n.min == 0
	}
	return nil, true // anchors, \b, lookaround: no character
}

// intersects reports whether two sets of [lo, hi] pairs share a character.
func intersects(a, b []rune) bool {
	for i := 0; i+1 < len(a); i += 2 {
		for j := 0; j+1 < len(b); j += 2 {
			if a[i] <= b[j+1] && b[j] <= a[i+1] {
				return true
			}
		}
	}
	return false
}

// unbounded reports whether n holds a repetition without bound.
func (n *node) unbounded() bool {
	if n.kind == nRepeat && n.max < 0 {
		return true
	}
	for _, s := range n.subs {
		if s.unbounded() {
			return true
		}
	}
	return false
}
