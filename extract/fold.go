package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// folded is text prepared for matching: lower case, accents removed,
// apostrophes unified, hyphens, dashes, quotes and white space turned into
// single spaces. Patterns in the rules file are written against this form,
// so "AMO – Tadamoune", "Amo-Tadamoune" and "AMO Tadamoune" all read
// "amo tadamoune".
type folded struct {
	s string
	// orig[i] is the byte offset in the source of the i-th rune of s;
	// orig[len] is the source offset just past the folded range. regexp2
	// reports rune indexes, so this is also how a match finds its bytes.
	orig []int
}

// stripMarks removes combining marks after canonical decomposition, the
// accent folding shown in golang.org/x/text/runes.
var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// foldCache maps a non-ASCII rune to its folded form, computed once.
var foldTable = func() map[rune]rune {
	m := map[rune]rune{}
	for r := rune(0x80); r < 0x250; r++ {
		m[r] = foldSlow(r)
	}
	for _, r := range "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003" {
		m[r] = ' '
	}
	for _, r := range "‐‑‒–—―−" {
		m[r] = ' '
	}
	for _, r := range "«»“”„‟\"" {
		m[r] = ' '
	}
	for _, r := range "’‘ʼ`´′" {
		m[r] = '\''
	}
	m['œ'] = 'o' // kept one rune for one rune: "œuvre" folds to "ouvre"
	m['Œ'] = 'o'
	return m
}()

func foldSlow(r rune) rune {
	r = unicode.ToLower(r)
	s, _, err := transform.String(stripMarks, string(r))
	if err != nil || utf8.RuneCountInString(s) != 1 {
		return r
	}
	out, _ := utf8.DecodeRuneInString(s)
	return out
}

// foldRune returns the folded form of r; ' ' marks a separator.
func foldRune(r rune) rune {
	if r < 0x80 {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r == '-' || r == '"' || r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r == '`':
			return '\''
		}
		return r
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// foldBuilder accumulates a folded string with its offset map.
type foldBuilder struct {
	b    strings.Builder
	orig []int
	last rune
	// firstOnly: orig keeps the offset of the first rune only (a masked
	// sentence needs no other: see masked.orig); n counts the runes.
	firstOnly bool
	n         int
}

// note records that a rune of source offset at was written.
func (fb *foldBuilder) note(at int) {
	if !fb.firstOnly || fb.n == 0 {
		fb.orig = append(fb.orig, at)
	}
	fb.n++
}

func (fb *foldBuilder) addRune(r rune, at int) {
	if r == ' ' && (fb.last == ' ' || fb.last == 0) {
		return
	}
	fb.b.WriteRune(r)
	fb.note(at)
	fb.last = r
}

// addText folds src[start:end].
func (fb *foldBuilder) addText(src string, start, end int) {
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(src[i:])
		fb.addRune(foldRune(r), i)
		i += n
	}
}

// addToken writes a placeholder standing for src[start:end].
func (fb *foldBuilder) addToken(tok string, start int) {
	if fb.last != ' ' && fb.last != 0 {
		fb.addRune(' ', start)
	}
	for _, r := range tok {
		fb.b.WriteRune(r)
		fb.note(start)
	}
	fb.last = 'X'
}

// done returns the folded text; with firstOnly, its orig holds the
// offset of the first rune only (end, when there is none).
func (fb *foldBuilder) done(end int) folded {
	if fb.firstOnly && fb.n > 0 {
		return folded{s: fb.b.String(), orig: fb.orig}
	}
	return folded{s: fb.b.String(), orig: append(fb.orig, end)}
}

// fold folds src[start:end].
func fold(src string, start, end int) folded {
	var fb foldBuilder
	fb.addText(src, start, end)
	return fb.done(end)
}

// foldString folds a whole string, for patterns and aliases.
func foldString(s string) string {
	// (No offsets are wanted: only the first is noted, and the text
	// folds to about a rune a byte.)
	fb := foldBuilder{firstOnly: true}
	fb.b.Grow(len(s))
	fb.addText(s, 0, len(s))
	return strings.TrimSpace(fb.done(len(s)).s)
}
