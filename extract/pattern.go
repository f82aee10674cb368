package extract

// This file: a compiled rules pattern. Each top-level alternative runs on
// Go's regexp (RE2: linear time) unless it needs lookaround, and then on
// regexp2; each carries the words one of which any match must contain, so
// that a pass of one automaton over a sentence rules most patterns out
// before any of them runs. Answers are regexp2's, in ECMAScript mode.

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// pattern is one compiled pattern of a rules file.
type pattern struct {
	src  string
	name string
	// alts are the top-level alternatives, for a first match; whole is the
	// pattern entire, for successive matches.
	alts  []*branch
	whole *branch
	// words, for a plain phrase (`\bw1\s+w2\b`): matched by hand, a
	// scan for the first word and a check of the rest.
	words []string
}

// branch is a pattern, or one alternative of it, on one engine.
type branch struct {
	re2 *regexp.Regexp  // nil: lookaround, or syntax not read here
	bt  *regexp2.Regexp // the backtracking engine, used when re2 is nil
	// gate lists sets of literal ids: a match contains one literal of
	// each set, so a text that lacks every literal of one is ruled out.
	// The first set is the most telling; nil: none known.
	gate [][]int32
	// gateMask is gate with each set's ids grouped by the word of a
	// bitset they fall in, as admits reads them.
	gateMask [][]wordMask
	// nullable: a match may be empty, so successive matches are left to
	// regexp2, whose rule for empty matches differs from Go's.
	nullable bool
	names    []string // RE2 subexpression names by index
	named    bool     // some subexpression has a name
}

// match is where a pattern matched, in runes, as regexp2 reports it.
type match struct {
	RuneIndex, RuneLength int
	text                  string
	groups                map[string]*match
}

// String returns the matched text.
func (m *match) String() string { return m.text }

// GroupByName returns the named capture, or an empty match.
func (m *match) GroupByName(name string) *match {
	if g, ok := m.groups[name]; ok {
		return g
	}
	return &match{}
}

// ErrBudget is the error of a pattern that ran out of its backtracking
// budget on a text: the text is not read, rather than read as "no match".
var ErrBudget = errors.New("pattern exceeded its backtracking budget")

// maxBacktrack is the backtracking budget, in stack slots, of a pattern
// that runs on regexp2. It counts work, not time, so a busy machine gives
// the same answer as an idle one.
var maxBacktrack = 1 << 20 // a variable for tests only

// compilePattern compiles src; lits collects the gate literals.
func compilePattern(src, name string, lits *litTable) (*pattern, error) {
	bt, err := regexp2.Compile(src, regexp2.ECMAScript, regexp2.OptionMaxBacktrackingStackSize(maxBacktrack))
	if err != nil {
		return nil, err
	}
	p := &pattern{src: src, name: name}
	tree, perr := parseRe(src)
	if perr != nil {
		// Syntax this reader does not know: regexp2 alone, always run.
		b := &branch{bt: bt, nullable: true}
		p.alts, p.whole = []*branch{b}, b
		return p, nil
	}
	alts := []*node{tree}
	if tree.kind == nAlt {
		alts = tree.subs
	}
	var union []int32
	gated := true
	allRE2 := true
	for _, a := range alts {
		b, err := newBranch(a, lits)
		if err != nil {
			return nil, err
		}
		if b.re2 == nil {
			allRE2 = false
		}
		if b.gate == nil {
			gated = false
		} else {
			union = append(union, b.gate[0]...)
		}
		p.alts = append(p.alts, b)
	}
	if len(alts) == 1 {
		p.whole = p.alts[0]
		p.maskGates()
		return p, nil
	}
	w := &branch{bt: bt, nullable: tree.minLen() == 0}
	if gated {
		w.gate = [][]int32{union}
	}
	if allRE2 {
		var sb strings.Builder
		tree.re2(&sb)
		if re, err := regexp.Compile(sb.String()); err == nil {
			w.re2, w.names, w.named = re, re.SubexpNames(), re.NumSubexp() > 0
		}
	}
	p.whole = w
	p.maskGates()
	return p, nil
}

// maskGates sets the gateMask of p's branches from their gates.
func (p *pattern) maskGates() {
	for _, b := range p.alts {
		b.maskGate()
	}
	p.whole.maskGate()
}

func (b *branch) maskGate() {
	b.gateMask = nil
	for _, ids := range b.gate {
		b.gateMask = append(b.gateMask, wordMasks(ids))
	}
}

func newBranch(n *node, lits *litTable) (*branch, error) {
	b := &branch{nullable: n.minLen() == 0}
	var sets [][]string
	if l, ok := n.literals(); ok {
		sets = append(sets, l)
	}
	// Then every other set a match needs a literal of ("=\s*FIG" needs
	// "=" besides FIG, which every sentence in focus holds): a text
	// that has the first but lacks one of these is not run at all.
	for _, l := range n.clauses() {
		if !slices.ContainsFunc(sets, func(k []string) bool { return slices.Equal(k, l) }) {
			sets = append(sets, l)
		}
	}
	for _, l := range sets {
		// Each text is scanned for the literals it holds itself (a
		// sentence with its focus holds FIG), so a literal is kept as
		// written. A letter alone is in nearly every text: a set that
		// has one is no gate, and no literal is made that fires at
		// every byte.
		if slices.ContainsFunc(l, func(s string) bool {
			return len(s) == 1 && (s[0] >= 'a' && s[0] <= 'z' || s[0] == ' ')
		}) {
			continue
		}
		ids := make([]int32, len(l))
		for i, s := range l {
			ids[i] = lits.id(s)
		}
		b.gate = append(b.gate, ids)
	}
	if !n.needsBacktracker() {
		var sb strings.Builder
		n.re2(&sb)
		if re, err := regexp.Compile(sb.String()); err == nil {
			b.re2, b.names, b.named = re, re.SubexpNames(), re.NumSubexp() > 0
		}
	}
	if b.re2 == nil {
		bt, err := regexp2.Compile(n.text, regexp2.ECMAScript, regexp2.OptionMaxBacktrackingStackSize(maxBacktrack))
		if err != nil {
			return nil, err
		}
		b.bt = bt
	}
	return b, nil
}

// subject is a text a pattern runs on: the string, whether it is ASCII
// (rune and byte offsets agree), and the literals it contains.
type subject struct {
	s     string
	ascii bool
	lits  bitset
}

// first returns the first match of p in t, or nil; regexp2's leftmost
// match, its first alternative among those that start there.
func (p *pattern) first(t *subject) (*match, error) {
	if p.words != nil {
		if !t.lits.admits(p.whole.gateMask) {
			return nil, nil
		}
		a, b := p.phraseAt(t.s, 0)
		if a < 0 {
			return nil, nil
		}
		return t.span(a, b), nil
	}
	var best *match
	for _, b := range p.alts {
		if !t.lits.admits(b.gateMask) {
			continue
		}
		m, err := b.first(t)
		if err != nil {
			return nil, err
		}
		if m != nil && (best == nil || m.RuneIndex < best.RuneIndex) {
			best = m
			if m.RuneIndex == 0 {
				break
			}
		}
	}
	return best, nil
}

// all returns the successive matches of p in t.
func (p *pattern) all(t *subject) ([]*match, error) {
	b := p.whole
	if !t.lits.admits(b.gateMask) {
		return nil, nil
	}
	if p.words != nil {
		var out []*match
		for at := 0; ; {
			a, e := p.phraseAt(t.s, at)
			if a < 0 {
				return out, nil
			}
			out = append(out, t.span(a, e))
			at = e
		}
	}
	if b.re2 != nil && !b.nullable && !b.named {
		locs := b.re2.FindAllStringIndex(t.s, -1)
		out := make([]*match, len(locs))
		for i, loc := range locs {
			out[i] = t.span(loc[0], loc[1])
		}
		return out, nil
	}
	if b.re2 != nil && !b.nullable {
		locs := b.re2.FindAllStringSubmatchIndex(t.s, -1)
		out := make([]*match, len(locs))
		for i, loc := range locs {
			out[i] = b.fromLoc(t, loc)
		}
		return out, nil
	}
	var out []*match
	m, err := b.bt.FindStringMatch(t.s)
	for m != nil && err == nil {
		out = append(out, fromRegexp2(m))
		m, err = b.bt.FindNextMatch(m)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (b *branch) first(t *subject) (*match, error) {
	if b.re2 != nil && !b.named {
		loc := b.re2.FindStringIndex(t.s)
		if loc == nil {
			return nil, nil
		}
		return t.span(loc[0], loc[1]), nil
	}
	if b.re2 != nil {
		loc := b.re2.FindStringSubmatchIndex(t.s)
		if loc == nil {
			return nil, nil
		}
		return b.fromLoc(t, loc), nil
	}
	m, err := b.bt.FindStringMatch(t.s)
	if err != nil || m == nil {
		return nil, err
	}
	return fromRegexp2(m), nil
}

func (b *branch) fromLoc(t *subject, loc []int) *match {
	m := t.span(loc[0], loc[1])
	for i := 2; i+1 < len(loc); i += 2 {
		if name := b.names[i/2]; name != "" && loc[i] >= 0 {
			if m.groups == nil {
				m.groups = map[string]*match{}
			}
			m.groups[name] = t.span(loc[i], loc[i+1])
		}
	}
	return m
}

// span turns a byte range of t into a match in runes.
func (t *subject) span(a, b int) *match {
	m := &match{RuneIndex: a, RuneLength: b - a, text: t.s[a:b]}
	if !t.ascii {
		m.RuneIndex = utf8.RuneCountInString(t.s[:a])
		m.RuneLength = utf8.RuneCountInString(m.text)
	}
	return m
}

func fromRegexp2(m *regexp2.Match) *match {
	out := &match{RuneIndex: m.RuneIndex, RuneLength: m.RuneLength, text: m.String()}
	for _, g := range m.Groups()[1:] {
		if g.Name != "" && len(g.Captures) > 0 {
			if out.groups == nil {
				out.groups = map[string]*match{}
			}
			out.groups[g.Name] = &match{RuneIndex: g.RuneIndex, RuneLength: g.RuneLength, text: g.String()}
		}
	}
	return out
}

// checkPattern reports the first part of src that could backtrack
// without bound, or "".
func checkPattern(src string) string {
	tree, err := parseRe(src)
	if err != nil {
		var u errUnsupported
		if errors.As(err, &u) {
			return "" // regexp2 syntax this reader does not know: not judged
		}
		return err.Error()
	}
	if n, why := tree.backtrackRisk(); n != nil {
		return fmt.Sprintf("%s: %q", why, n.text)
	}
	if tree.needsBacktracker() {
		if n, why := tree.ambiguityRisk(); n != nil {
			return fmt.Sprintf("%s, in %q", why, n.text)
		}
	}
	return ""
}

// bitset is a set of literal ids.
type bitset []uint64

func (s bitset) has(i int32) bool { return s[i>>6]&(1<<(uint(i)&63)) != 0 }

// wordMask is a set of literal ids that fall in one word of a bitset.
type wordMask struct {
	w int32
	m uint64
}

// wordMasks groups ids by the word of a bitset they fall in, in the order
// of their words.
func wordMasks(ids []int32) []wordMask {
	var out []wordMask
	for _, i := range ids {
		w, bit := i>>6, uint64(1)<<(uint(i)&63)
		k := slices.IndexFunc(out, func(x wordMask) bool { return x.w == w })
		if k < 0 {
			out = append(out, wordMask{w, bit})
			continue
		}
		out[k].m |= bit
	}
	slices.SortFunc(out, func(a, b wordMask) int { return int(a.w - b.w) })
	return out
}

// admits reports whether s holds a literal of every set of gate (gateMask
// of a branch); a nil gate (none known) admits every text.
func (s bitset) admits(gate [][]wordMask) bool {
	for _, set := range gate {
		if !s.anyOf(set) {
			return false
		}
	}
	return true
}

// anyOf reports whether s holds one of the literals of set.
func (s bitset) anyOf(set []wordMask) bool {
	for _, x := range set {
		if s[x.w]&x.m != 0 {
			return true
		}
	}
	return false
}

// litTable numbers the gate literals of a rules file and, once built,
// finds all of them in a text in one pass (Aho–Corasick).
type litTable struct {
	ids  map[string]int32
	list []string
	// the automaton: state × byte class → state
	class  [256]uint8
	nclass int
	next   []int32
	out    [][]int32 // literals ending at each state, suffixes included
	// outMask is out grouped by the words of a bitset, as scan sets them.
	outMask [][]wordMask
	// next16 is next in half the room, when the states fit (always, for
	// rules of today's size: a few thousand), with final16 set on the
	// states some literal ends at. The scan reads this table only, until
	// a literal ends: a smaller table stays in cache, and the test for a
	// literal's end is on the value just read.
	next16 []uint16
	// maxLit is the length of the longest literal.
	maxLit int
}

// final16 marks, in next16, a state some literal ends at.
const final16 = 1 << 15

func (l *litTable) id(s string) int32 {
	if l.ids == nil {
		l.ids = map[string]int32{}
	}
	if i, ok := l.ids[s]; ok {
		return i
	}
	i := int32(len(l.list))
	l.ids[s] = i
	l.list = append(l.list, s)
	return i
}

// build makes the automaton over the literals numbered so far.
func (l *litTable) build() {
	used := [256]bool{}
	for _, s := range l.list {
		for i := 0; i < len(s); i++ {
			used[s[i]] = true
		}
	}
	l.nclass = 1 // class 0: a byte no literal has
	for c := range 256 {
		if used[c] {
			l.class[c] = uint8(l.nclass)
			l.nclass++
		}
	}
	k := l.nclass
	goto_ := []int32{}
	newState := func() int32 {
		goto_ = append(goto_, make([]int32, k)...)
		for i := len(goto_) - k; i < len(goto_); i++ {
			goto_[i] = -1
		}
		l.out = append(l.out, nil)
		return int32(len(l.out) - 1)
	}
	newState()
	for id, s := range l.list {
		st := int32(0)
		for i := 0; i < len(s); i++ {
			c := int32(l.class[s[i]])
			if goto_[st*int32(k)+c] < 0 {
				ns := newState()
				goto_[st*int32(k)+c] = ns
			}
			st = goto_[st*int32(k)+c]
		}
		l.out[st] = append(l.out[st], int32(id))
	}
	fail := make([]int32, len(l.out))
	queue := []int32{}
	for c := 0; c < k; c++ {
		if s := goto_[c]; s >= 0 {
			fail[s] = 0
			queue = append(queue, s)
		} else {
			goto_[c] = 0
		}
	}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		l.out[st] = append(l.out[st], l.out[fail[st]]...)
		for c := 0; c < k; c++ {
			s := goto_[st*int32(k)+int32(c)]
			if s >= 0 {
				fail[s] = goto_[fail[st]*int32(k)+int32(c)]
				queue = append(queue, s)
			} else {
				goto_[st*int32(k)+int32(c)] = goto_[fail[st]*int32(k)+int32(c)]
			}
		}
	}
	l.next = goto_
	l.maxLit = 0
	for _, s := range l.list {
		l.maxLit = max(l.maxLit, len(s))
	}
	l.outMask = make([][]wordMask, len(l.out))
	for st, ids := range l.out {
		l.outMask[st] = wordMasks(ids)
	}
	l.next16 = nil
	if len(l.out) <= final16 {
		l.next16 = make([]uint16, len(goto_))
		for i, v := range goto_ {
			l.next16[i] = uint16(v)
			if len(l.out[v]) > 0 {
				l.next16[i] |= final16
			}
		}
	}
}

// scan returns the set of literals that occur in s, in set when it has
// the right size (its old content is cleared). A state's literals are
// set each time the text reaches it: a word or two of the bitset ORed
// (outMask), cheaper than asking first whether they were set already,
// which took half the scan's time when it was a scratch bitset of states
// and a list of those to clear.
func (l *litTable) scan(s string, set bitset) bitset {
	if n := (len(l.list)+63)/64 + 1; len(set) != n {
		set = make(bitset, n)
	} else {
		clear(set)
	}
	if len(l.list) == 0 {
		return set
	}
	k := int32(l.nclass)
	st := int32(0)
	outMask := l.outMask
	if next := l.next16; next != nil {
		class := &l.class
		i := 0
		if len(s) >= 4*l.maxLit {
			// Two halves at once, the second from maxLit-1 bytes before
			// the middle: each step waits on the state the step before
			// read from a table larger than the nearest cache, and two
			// chains that do not wait on each other take about the time
			// of one. A literal that ends in the second half begins after
			// the second chain's start, so the two find the literals of
			// s and no others.
			mid := len(s) / 2
			a, b := s[:mid], s[mid-l.maxLit+1:]
			b = b[:len(a)] // the rest of b is read after the loop
			sb := int32(0)
			for ; i < len(a); i++ {
				va := next[st*k+int32(class[a[i]])]
				vb := next[sb*k+int32(class[b[i]])]
				st, sb = int32(va&^final16), int32(vb&^final16)
				if va&final16 != 0 {
					for _, x := range outMask[st] {
						set[x.w] |= x.m
					}
				}
				if vb&final16 != 0 {
					for _, x := range outMask[sb] {
						set[x.w] |= x.m
					}
				}
			}
			s, st, i = s[mid-l.maxLit+1:], sb, len(a)
		}
		for ; i < len(s); i++ {
			v := next[st*k+int32(class[s[i]])]
			st = int32(v &^ final16)
			if v&final16 != 0 {
				for _, x := range outMask[st] {
					set[x.w] |= x.m
				}
			}
		}
	} else {
		for i := 0; i < len(s); i++ {
			st = l.next[st*k+int32(l.class[s[i]])]
			for _, x := range outMask[st] {
				set[x.w] |= x.m
			}
		}
	}
	return set
}

// phraseAt finds the first match of the phrase p.words at or after byte
// at of s: `\b` + the words joined by `\s+` + `\b`, as regexp2 reads it.
// The words hold no space, so the greedy `\s+` takes every space before
// the next word and no backtracking can give another answer.
func (p *pattern) phraseAt(s string, at int) (int, int) {
	w0 := p.words[0]
	for at <= len(s) {
		k := strings.Index(s[at:], w0)
		if k < 0 {
			return -1, -1
		}
		start := at + k
		at = start + 1
		if !boundary(s, start) {
			continue
		}
		i := start + len(w0)
		ok := true
		for _, w := range p.words[1:] {
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !isECMASpace(r) {
					break
				}
				j += n
			}
			if j == i || !strings.HasPrefix(s[j:], w) {
				ok = false
				break
			}
			i = j + len(w)
		}
		if ok && boundary(s, i) {
			return start, i
		}
	}
	return -1, -1
}

// boundary is regexp2's ECMAScript \b at byte i of s: a word character
// ([0-9A-Za-z_]) on one side only.
func boundary(s string, i int) bool {
	before := i > 0 && isECMAWord(s[i-1])
	after := i < len(s) && isECMAWord(s[i])
	return before != after
}

func isECMAWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

func isECMASpace(r rune) bool {
	for i := 0; i < len(ecmaSpace); i += 2 {
		if r >= ecmaSpace[i] && r <= ecmaSpace[i+1] {
			return true
		}
	}
	return false
}
