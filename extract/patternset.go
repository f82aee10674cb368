package extract

// This file: a list of patterns read in turn over one text (every
// programme name, every description), whose word gates are looked up from
// the literals the text holds: a sentence holds a few dozen literals, the
// lists have hundreds of patterns, most of them gated out.

import "math/bits"

// patternSet indexes a list of patterns by the literals of their gates.
type patternSet struct {
	n int // patterns in the list
	// always lists the patterns with no gate; byLit[id] those whose
	// gate's first set holds literal id.
	always []int32
	byLit  [][]int32
}

// newPatternSet indexes pats (nil entries are never candidates) over the
// literals of lits, which is built.
func newPatternSet(pats []*pattern, lits *litTable) *patternSet {
	ps := &patternSet{n: len(pats), byLit: make([][]int32, len(lits.list))}
	for k, p := range pats {
		if p == nil {
			continue
		}
		// Whole's gate holds, for a pattern of several alternatives, a
		// literal of each one's first set (or is nil): any match, first
		// or later, holds one of them.
		g := p.whole.gate
		if g == nil {
			ps.always = append(ps.always, int32(k))
			continue
		}
		for _, id := range g[0] {
			ps.byLit[id] = append(ps.byLit[id], int32(k))
		}
	}
	return ps
}

// candidates returns, in list order, the patterns that may match t: those
// whose gate's first set t holds a literal of, and those with no gate. It
// reads t now, not later, so callers may read other texts as they go
// through the list. marks is scratch space of one bit per pattern, all
// clear, and left clear; the list is appended to out.
func (ps *patternSet) candidates(t *subject, marks bitset, out []int32) []int32 {
	for _, k := range ps.always {
		marks[k>>6] |= 1 << (uint(k) & 63)
	}
	for w, set := range t.lits {
		for set != 0 {
			id := w<<6 | bits.TrailingZeros64(set)
			set &= set - 1
			if id < len(ps.byLit) {
				for _, k := range ps.byLit[id] {
					marks[k>>6] |= 1 << (uint(k) & 63)
				}
			}
		}
	}
	for w, set := range marks {
		for set != 0 {
			out = append(out, int32(w<<6|bits.TrailingZeros64(set)))
			set &= set - 1
		}
		marks[w] = 0
	}
	return out
}

// marks returns scratch space for candidates.
func (ps *patternSet) marks() bitset { return make(bitset, ps.n/64+1) }
