package normalize

import (
	"unicode"
	"unicode/utf8"
)

// tkind is the class of a token.
type tkind uint8

const (
	tWord  tkind = iota + 1 // a run of letters
	tNum                    // a run of ASCII digits
	tPunct                  // any other single rune
)

// gap describes the white space before a token: number grouping ("313 000")
// accepts only a single space of any width, never a line break.
type gap uint8

const (
	gNone  gap = iota // glued to the previous token
	gSpace            // exactly one space, no-break space or narrow no-break space
	gWide             // several spaces, a tab or a line break
)

// token is one lexical unit of the text. A word of the vocabulary carries
// the index of its entry (folded form and attributes); other words carry
// nothing, since the scanner never looks inside them. Tokens hold no
// pointers and are small, as lexing writes thousands of them.
type token struct {
	kind     tkind
	gap      gap
	allUpper bool   // every letter is upper case (vocabulary words only)
	near     bool   // a telling token is among the next three (see markNear)
	noDate   bool   // the scanner found that no date starts here (memo)
	vi       uint16 // index in vocabEntries of a known word, else 0
	start    int32  // byte offsets; texts are far below 2 GiB
	end      int32
	r        rune // the rune of a punctuation token
}

// lex splits text into tokens.
func lex(text string, toks []token) []token {
	g := gNone
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				g = widen(g)
				i++
				continue
			case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				g = gWide
				i++
				continue
			case c >= '0' && c <= '9':
				j := i + 1
				for j < len(text) && text[j] >= '0' && text[j] <= '9' {
					j++
				}
				toks = markNear(append(toks, token{kind: tNum, gap: g, start: int32(i), end: int32(j)}))
				g = gNone
				i = j
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				j := 0
				toks, j = lexLatin(text, i, g, toks)
				g = gNone
				i = j
				continue
			default:
				toks = append(toks, token{kind: tPunct, gap: g, start: int32(i), end: int32(i + 1), r: rune(c)})
				if c == '$' || c == '%' {
					markNear(toks)
				}
				g = gNone
				i++
				continue
			}
		}
		if c == 0xC3 || c == 0xC5 {
			// a word starting with an accented Latin letter ("été", "État")
			if r, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsLetter(r) {
				j := 0
				toks, j = lexLatin(text, i, g, toks)
				g = gNone
				i = j
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == 0xA0 || r == 0x202F || r == 0x2009 || r == 0x2007:
			g = widen(g)
			i += n
		case unicode.IsSpace(r):
			g = gWide
			i += n
		case unicode.IsLetter(r):
			j := lexWord(text, i)
			toks = appendWord(toks, wordToken(text, i, j, g))
			g = gNone
			i = j
		default:
			toks = append(toks, token{kind: tPunct, gap: g, start: int32(i), end: int32(i + n), r: r})
			if r == '€' || r == '£' {
				markNear(toks)
			}
			g = gNone
			i += n
		}
	}
	return toks
}

// appendWord appends a word token, merging a run of words outside the
// vocabulary separated by single spaces into one token: no grammar looks
// inside such a run, and most of a text is made of them.
func appendWord(toks []token, t token) []token {
	if t.vi == 0 {
		if t.gap == gSpace && len(toks) > 0 {
			p := &toks[len(toks)-1]
			if p.kind == tWord && p.vi == 0 {
				p.end = t.end
				return toks
			}
		}
		return append(toks, t)
	}
	toks = append(toks, t)
	if vocabEntries[t.vi].tl {
		markNear(toks)
	}
	return toks
}

// markNear notes on the three tokens before the last one that a telling
// token follows them closely, so that the scanner can pass over function
// words with nothing to qualify.
func markNear(toks []token) []token {
	n := len(toks) - 1
	for k := n - 1; k >= 0 && k >= n-3; k-- {
		toks[k].near = true
	}
	return toks
}

func widen(g gap) gap {
	if g == gNone {
		return gSpace
	}
	return gWide
}

// lexWord returns the end of the run of letters starting at i.
func lexWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += n
	}
	return i
}

// asciiClass is 1 for an ASCII lower-case letter, 2 for an upper-case one.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 2
	}
	return t
}()

// lexLatin lexes the word at i, hashing its folded form on the way; French
// words are ASCII letters and two-byte Latin-1 letters (é, à, ç, œ…). A
// word holding letters of other scripts takes the slow path.
func lexLatin(text string, i int, g gap, toks []token) ([]token, int) {
	j, upper, h, accents := i, 0, uint32(hashInit), false
	for j < len(text) {
		c := text[j]
		if k := asciiClass[c]; k != 0 {
			h = (h ^ uint32(c|0x20)) * hashPrime
			upper += int(k >> 1)
			j++
			continue
		}
		if c == 0xC3 || c == 0xC5 {
			r, sz := utf8.DecodeRuneInString(text[j:])
			f := ""
			if r < rune(len(foldArray)) {
				f = foldArray[r]
			}
			if f == "" {
				if unicode.IsLetter(r) {
					break // a letter we do not fold: slow path
				}
				goto done
			}
			if unicode.IsUpper(r) {
				upper++
			}
			for k := 0; k < len(f); k++ {
				h = (h ^ uint32(f[k])) * hashPrime
			}
			accents = true
			j += sz
			continue
		}
		if c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) {
				break // another script inside the word: slow path
			}
		}
		goto done
	}
	if j < len(text) && text[j] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) {
			j = lexWord(text, i)
			return appendWord(toks, wordToken(text, i, j, g)), j
		}
	}
done:
	t := token{kind: tWord, gap: g, start: int32(i), end: int32(j)}
	if !accents {
		t.allUpper = upper == j-i
		t.setWord(vocabTable.get(h, text[i:j], upper > 0))
		return appendWord(toks, t), j
	}
	if vocabTable.occupied(h) {
		// A likely hit: fold the word to compare it.
		return appendWord(toks, wordToken(text, i, j, g)), j
	}
	return appendWord(toks, t), j
}

func wordToken(text string, i, j int, g gap) token {
	t := token{kind: tWord, gap: g, start: int32(i), end: int32(j)}
	if j-i > maxVocabLen {
		return t
	}
	// Screen the word by its rune count and folded first and last letters
	// before folding it whole.
	first, _ := utf8.DecodeRuneInString(text[i:])
	last, _ := utf8.DecodeLastRuneInString(text[i:j])
	if !vocabFilter.maybeRunes(utf8.RuneCountInString(text[i:j]), foldRune(first), foldRune(last)) {
		return t // allUpper is only worked out for vocabulary words
	}
	// Fast path: a word of ASCII letters.
	ascii, lower := true, true
	for k := i; k < j; k++ {
		c := text[k]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			lower = false
		}
	}
	if ascii {
		t.allUpper = !lower
		for k := i; k < j && t.allUpper; k++ {
			t.allUpper = text[k] >= 'A' && text[k] <= 'Z'
		}
		if lower {
			if vocabFilter.maybe(text[i:j]) {
				t.setWord(vocab[text[i:j]])
			}
			return t
		}
		var buf [48]byte
		for k := i; k < j; k++ {
			c := text[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k-i] = c
		}
		if vocabFilter.maybe(string(buf[:j-i])) {
			t.setWord(vocab[string(buf[:j-i])])
		}
		return t
	}
	var buf [48]byte
	n := 0
	t.allUpper = true
	for k := i; k < j; {
		r, sz := rune(text[k]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[k:])
		}
		k += sz
		up := unicode.IsUpper(r)
		if !up {
			t.allUpper = false
		}
		f := foldRune(r)
		if n+len(f) > len(buf) {
			n = -1
			break
		}
		n += copy(buf[n:], f)
	}
	if n > 0 {
		h := uint32(hashInit)
		for _, c := range buf[:n] {
			h = (h ^ uint32(c)) * hashPrime
		}
		t.setWord(vocabTable.get(h, string(buf[:n]), false))
	}
	return t
}

// foldRune lowercases r and strips its accent, for the Latin letters French
// uses; other letters pass through lower-cased.
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return asciiStr[r : r+1]
	}
	if r < rune(len(foldArray)) {
		if f := foldArray[r]; f != "" {
			return f
		}
	}
	return string(unicode.ToLower(r))
}

// foldArray is foldTable as an array over Latin-1 and Latin Extended-A.
var foldArray = func() (a [0x180]string) {
	for r, f := range foldTable {
		if r < rune(len(a)) {
			a[r] = f
		}
	}
	return a
}()

const asciiStr = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

var foldTable = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'À': "a", 'Â': "a", 'Ä': "a", 'Á': "a",
	'ç': "c", 'Ç': "c",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'É': "e", 'È': "e", 'Ê': "e", 'Ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'Î': "i", 'Ï': "i", 'Í': "i",
	'ô': "o", 'ö': "o", 'ó': "o", 'Ô': "o", 'Ö': "o", 'Ó': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u", 'Ù': "u", 'Û': "u", 'Ü': "u", 'Ú': "u",
	'ÿ': "y", 'Ÿ': "y", 'ñ': "n", 'Ñ': "n",
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae",
}

// fold returns the folded form of a whole string (used to build tables).
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, foldRune(r)...)
	}
	return string(b)
}

// isApos reports whether r is an apostrophe as French text writes it.
func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '´' }

// isDash reports whether r is a hyphen or dash.
func isDash(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' || r == '−'
}

func (t *token) setWord(e *vocabEntry) {
	if e != nil {
		t.vi = e.id
	}
}

// tellingWords, besides number words, months, weekdays and feasts, make a
// function word next to them worth a look ("le mois dernier", "à fin").
var tellingWords = map[string]bool{
	"hier": true, "demain": true, "aujourd": true, "lendemain": true, "dernier": true, "derniere": true,
	"derniers": true, "dernieres": true, "prochain": true, "prochaine": true, "prochains": true,
	"prochaines": true, "passe": true, "passee": true, "annee": true, "annees": true, "an": true,
	"mois": true, "semaine": true, "semaines": true, "jour": true, "jours": true, "fin": true, "fins": true,
	"debut": true, "cours": true, "date": true, "mi": true, "depuis": true, "courant": true,
	"pourcent": true, "pourcents": true, "pourcentage": true, "pourcentages": true, "premier": true,
	"trimestre": true, "semestre": true,
}

// vocabEntry is a word of the vocabulary with what the tables say of it,
// so that the scanner reads attributes instead of looking words up.
type vocabEntry struct {
	id      uint16 // index in vocabEntries
	word    string
	fn      bool // a function word
	ds      bool // a date may start here
	tl      bool // telling: a figure or date is likely close (see telling)
	dt      bool // date-telling: a month, a weekday, "dernier", "mois"…
	flags   uint16
	nw      numWord
	month   int8 // 1..12, 0 when not a month
	weekday int8 // 1..7 (Sunday = 7), 0 when not a weekday
	wdAbbr  int8 // same, for "lun.", "mar."…
}

// Word attributes held in vocabEntry.flags.
const (
	aPercent uint16 = 1 << iota
	aCountNoun
	aNotFigureSuffix
	aNotFigurePrefix
	aYearCue
	aRiskyMonth
	aCurrency // first word of a currency name
	aFeast    // first word of a feast name
)

// is reports whether the token is a vocabulary word with attribute f.
func (t *token) is(f uint16) bool { return t.vi != 0 && vocabEntries[t.vi].flags&f != 0 }

func (t *token) num() (numWord, bool) {
	if t.vi == 0 || vocabEntries[t.vi].nw.kind == 0 {
		return numWord{}, false
	}
	return vocabEntries[t.vi].nw, true
}

func (t *token) month() (int, bool) {
	if t.vi == 0 || vocabEntries[t.vi].month == 0 {
		return 0, false
	}
	return int(vocabEntries[t.vi].month), true
}

func (t *token) weekday() (int, bool) {
	if t.vi == 0 || vocabEntries[t.vi].weekday == 0 {
		return 0, false
	}
	return int(vocabEntries[t.vi].weekday) % 7, true
}

func (t *token) weekdayAbbr() (int, bool) {
	if t.vi == 0 || vocabEntries[t.vi].wdAbbr == 0 {
		return 0, false
	}
	return int(vocabEntries[t.vi].wdAbbr) % 7, true
}

// wordFilter rejects most words that are not in the vocabulary without a
// map lookup, by their length, first and last letters.
type wordFilter struct {
	seen [64][27][27]bool
}

func letterIndex(c byte) int {
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

func (f *wordFilter) add(w string) {
	if len(w) < len(f.seen) {
		f.seen[len(w)][letterIndex(w[0])][letterIndex(w[len(w)-1])] = true
	}
}

// maybeRunes screens a word of n runes whose folded first and last letters
// are first and last (vocabulary words fold to ASCII, one byte a rune).
func (f *wordFilter) maybeRunes(n int, first, last string) bool {
	return n < len(f.seen) && len(first) > 0 && len(last) > 0 &&
		f.seen[n][letterIndex(first[0])][letterIndex(last[len(last)-1])]
}

func (f *wordFilter) maybe(w string) bool {
	return len(w) < len(f.seen) && f.seen[len(w)][letterIndex(w[0])][letterIndex(w[len(w)-1])]
}

// FNV-1a, computed while lexing so that a word is hashed in the same pass
// that finds its end.
const (
	hashInit  = 2166136261
	hashPrime = 16777619
)

// wordTable is an open-addressing table of the vocabulary keyed by the FNV
// hash of the folded word. Slots keep the full hash so that a miss rarely
// touches an entry.
type wordTable struct {
	slots []wordSlot
	mask  uint32
}

type wordSlot struct {
	h  uint32
	id uint16 // index in entries; 0 is an empty slot
}

func newWordTable(entries []vocabEntry) *wordTable {
	size := 1
	for size < 4*len(entries) {
		size *= 2
	}
	t := &wordTable{slots: make([]wordSlot, size), mask: uint32(size - 1)}
	for id := 1; id < len(entries); id++ {
		w := entries[id].word
		h := uint32(hashInit)
		for k := 0; k < len(w); k++ {
			h = (h ^ uint32(w[k])) * hashPrime
		}
		for k := h & t.mask; ; k = (k + 1) & t.mask {
			if t.slots[k].id == 0 {
				t.slots[k] = wordSlot{h: h, id: uint16(id)}
				break
			}
		}
	}
	return t
}

// occupied reports whether a word with hash h may be in the table.
func (t *wordTable) occupied(h uint32) bool {
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		switch sl := t.slots[k]; {
		case sl.id == 0:
			return false
		case sl.h == h:
			return true
		}
	}
}

// get finds the word w with hash h; fold says w may hold ASCII capitals.
func (t *wordTable) get(h uint32, w string, fold bool) *vocabEntry {
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		sl := t.slots[k]
		if sl.id == 0 {
			return nil
		}
		if sl.h != h {
			continue
		}
		e := &vocabEntries[sl.id]
		if len(e.word) == len(w) && (e.word == w || fold && equalFoldASCII(e.word, w)) {
			return e
		}
	}
}

// equalFoldASCII compares a folded word with ASCII text in any case.
func equalFoldASCII(folded, w string) bool {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != folded[k] {
			return false
		}
	}
	return true
}

// w is the folded word of a vocabulary token, "" for any other token.
func (t *token) w() string {
	if t.vi == 0 {
		return ""
	}
	return vocabEntries[t.vi].word
}

// fn reports a function word (see functionWords).
func (t *token) fn() bool { return t.vi != 0 && vocabEntries[t.vi].fn }

// ds reports a word at which a date expression may start.
func (t *token) ds() bool { return t.vi != 0 && vocabEntries[t.vi].ds }
