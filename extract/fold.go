package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

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

// foldLatin is foldTable below U+0250, where it has every rune, read by
// index rather than hashed: French text is ASCII and Latin-1.
var foldLatin = func() (t [0x250]rune) {
	for r := range t {
		t[r] = foldTable[rune(r)]
	}
	return t
}()

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
	if r < 0x250 {
		return foldLatin[r]
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
	// b is the folded text: a slice that addText appends to in a local
	// variable, where a strings.Builder stored its slice back at every
	// rune (with a write barrier while the collector runs).
	b    []byte
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
	fb.b = utf8.AppendRune(fb.b, r)
	fb.note(at)
	fb.last = r
}

// addText folds src[start:end].
// It is addRune for each rune, with the text, the last rune and the count
// held in local variables.
func (fb *foldBuilder) addText(src string, start, end int) {
	b, last, count := fb.b, fb.last, fb.n
	for i := start; i < end; {
		var r rune
		at := i
		if c := src[i]; c < utf8.RuneSelf {
			r = foldRune(rune(c)) // (not decoded)
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(src[i:])
			r = foldRune(r)
			i += n
		}
		if r == ' ' && (last == ' ' || last == 0) {
			continue
		}
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
		} else {
			b = utf8.AppendRune(b, r)
		}
		if !fb.firstOnly || count == 0 {
			fb.orig = append(fb.orig, at)
		}
		count++
		last = r
	}
	fb.b, fb.last, fb.n = b, last, count
}

// addToken writes a placeholder standing for src[start:end].
func (fb *foldBuilder) addToken(tok string, start int) {
	if fb.last != ' ' && fb.last != 0 {
		fb.addRune(' ', start)
	}
	for _, r := range tok {
		fb.b = utf8.AppendRune(fb.b, r)
		fb.note(start)
	}
	fb.last = 'X'
}

// done returns the folded text; with firstOnly, its orig holds the
// offset of the first rune only (end, when there is none).
func (fb *foldBuilder) done(end int) folded {
	// The bytes are not written again: the string is made of them in
	// place, as strings.Builder's String does.
	s := unsafe.String(unsafe.SliceData(fb.b), len(fb.b))
	if fb.firstOnly && fb.n > 0 {
		return folded{s: s, orig: fb.orig}
	}
	return folded{s: s, orig: append(fb.orig, end)}
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
	fb := foldBuilder{firstOnly: true, b: make([]byte, 0, len(s))}
	fb.addText(s, 0, len(s))
	return strings.TrimSpace(fb.done(len(s)).s)
}
