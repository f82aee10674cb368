package normalize

import (
	"math/bits"
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
	attr     uint8  // the vocabulary entry's tFn, tDs, tTl and tDt bits
	vi       uint16 // index in vocabEntries of a known word, else 0
	start    int32  // byte offsets; texts are far below 2 GiB
	end      int32
	r        rune // the rune of a punctuation token
}

// Bits of token.attr, copied from the vocabulary entry when the word is
// lexed: the scanner tests them on every token, and a bit of the token is
// cheaper to reach than the entry.
const (
	tFn uint8 = 1 << iota // vocabEntry.fn
	tDs                   // vocabEntry.ds
	tTl                   // vocabEntry.tl
	tDt                   // vocabEntry.dt
	tSt                   // some grammar may start at the word (see vocabAttr)
)

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
				toks = markNear(pushToken(toks, tNum, g, i, j, 0))
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
				toks = pushToken(toks, tPunct, g, i, i+1, rune(c))
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
			vi, upper := wordToken(text, i, j)
			toks = appendWord(toks, g, i, j, vi, upper)
			g = gNone
			i = j
		default:
			toks = pushToken(toks, tPunct, g, i, i+n, r)
			if r == '€' || r == '£' {
				markNear(toks)
			}
			g = gNone
			i += n
		}
	}
	return toks
}

// pushToken appends a token. It writes the fields in place: a token built
// in a local variable and then copied is stored in narrow pieces and
// loaded whole, which the processor cannot forward and pays for dearly at
// this rate.
func pushToken(toks []token, kind tkind, g gap, start, end int, r rune) []token {
	if len(toks) == cap(toks) {
		toks = grow(toks)
	}
	toks = append(toks, token{})
	t := &toks[len(toks)-1]
	t.kind, t.gap, t.start, t.end, t.r = kind, g, int32(start), int32(end), r
	return toks
}

// grow doubles the capacity of s. append grows a large slice by a quarter
// at a time, which copies it some twenty times over on a text dense in
// tokens or expressions (a megabyte of "1,1,1…"); doubling copies it about
// once.
func grow[T any](s []T) []T {
	return append(make([]T, 0, 2*cap(s)+16), s...)
}

// appendWord appends the word text[start:end], vocabulary entry vi (0 for
// none), merging a run of words outside the vocabulary separated by single
// spaces into one token: no grammar looks inside such a run, and most of a
// text is made of them.
func appendWord(toks []token, g gap, start, end int, vi uint16, allUpper bool) []token {
	if vi == 0 && g == gSpace && len(toks) > 0 {
		if p := &toks[len(toks)-1]; p.kind == tWord && p.vi == 0 {
			p.end = int32(end)
			return toks
		}
	}
	toks = pushToken(toks, tWord, g, start, end, 0)
	if vi == 0 {
		return toks
	}
	t := &toks[len(toks)-1]
	t.allUpper, t.vi, t.attr = allUpper, vi, vocabAttr[vi]
	if t.attr&tTl != 0 {
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

// asciiLetters returns x with bit 0x80 set in each byte that is an ASCII
// letter and every other bit clear. Each byte is folded to lower case, its
// low seven bits compared with 'a'-1 and 'z' by adding a bias that carries
// into bit 7 (no carry crosses into the next byte), and bytes of 0x80 and
// above are dropped.
func asciiLetters(x uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	lo7 := (x | 0x2020202020202020) &^ high
	above := lo7 + ones*(0x7f-('a'-1)) // bit 7 set when lo7 >= 'a'
	notAbove := lo7 + ones*(0x7f-'z')  // bit 7 set when lo7 > 'z'
	return above &^ notAbove &^ x & high
}

// lexLatin lexes the word at i. Most words are ASCII letters only: their
// end is found by a tight loop and the word is looked up in one probe of
// vocabTable by its packed key. A word holding any other letter ("été",
// "État") takes the general path of wordToken.
func lexLatin(text string, i int, g gap, toks []token) ([]token, int) {
	// Find the end eight bytes at a time: one step covers most words, so
	// the loop exit is well predicted.
	const high, bit5 = 0x8080808080808080, 0x2020202020202020
	if i+8 <= len(text) {
		// The most common case, a word of at most seven letters followed
		// by an ASCII byte, is keyed straight from the bytes just loaded.
		x := load64(text, i)
		if m := asciiLetters(x); m != high {
			n := bits.TrailingZeros64(^m&high) >> 3
			if j := i + n; j == len(text) || text[j] < utf8.RuneSelf {
				vi := vocabTable.find(wordKey{lo: (x | bit5) & keyMasks[n], n: n})
				return appendWord(toks, g, i, j, vi, x&keyMasks[n]&bit5 == 0), j
			}
		}
	}
	j, lower := i, uint64(0)
	for j+8 <= len(text) {
		x := load64(text, j)
		m := asciiLetters(x)
		if m == 0x8080808080808080 {
			lower |= x & 0x2020202020202020
			j += 8
			continue
		}
		n := bits.TrailingZeros64(^m&0x8080808080808080) >> 3
		lower |= x & keyMasks[n] & 0x2020202020202020
		j += n
		goto end
	}
	for j < len(text) {
		c := text[j]
		if asciiClass[c] == 0 {
			break
		}
		lower |= uint64(c & 0x20)
		j++
	}
end:
	if j < len(text) && text[j] >= utf8.RuneSelf {
		if c := text[j]; c == 0xC3 || c == 0xC5 {
			return lexAccented(text, i, j, g, toks)
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) {
			return lexAccented(text, i, j, g, toks)
		}
	}
	// A letter with bit 0x20 set is lower case.
	var vi uint16
	if n := j - i; n <= 16 {
		vi = vocabTable.find(asciiKey(text, i, j))
	} else if n <= vocabTable.longest {
		vi = vocabTable.findLong(asciiKey(text, i, j), text[i:j])
	}
	return appendWord(toks, g, i, j, vi, lower == 0), j
}

// lexAccented lexes the word at i whose ASCII letters end at j, before a
// byte of 0x80 or above. French words with accents ("été", "année",
// "dépassé") are folded here in one pass over their bytes; a word with a
// letter of another script, or one that foldArray lacks, takes the general
// path of wordToken. Both give the same token.
func lexAccented(text string, i, j int, g gap, toks []token) ([]token, int) {
	var buf [48]byte
	n, runes, allUpper := 0, 0, true
	k := i
	for k < len(text) {
		c := text[k]
		if asciiClass[c] != 0 {
			if n < len(buf) {
				buf[n] = c | 0x20
			}
			n++
			allUpper = allUpper && c&0x20 == 0
			runes++
			k++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		if (c == 0xC3 || c == 0xC5) && k+1 < len(text) && text[k+1]&0xC0 == 0x80 {
			r := rune(c&0x1f)<<6 | rune(text[k+1]&0x3f)
			if f := foldArray[r]; f != "" {
				if n+len(f) <= len(buf) {
					copy(buf[n:], f)
				}
				n += len(f)
				allUpper = allUpper && latinUpper[r]
				runes++
				k += 2
				continue
			}
		}
		if r, _ := utf8.DecodeRuneInString(text[k:]); !unicode.IsLetter(r) {
			break
		}
		end := lexWord(text, k)
		vi, upper := wordToken(text, i, end)
		return appendWord(toks, g, i, end, vi, upper), end
	}
	// The screens of wordToken, so that the result is the same.
	var vi uint16
	switch {
	case n == 0 || k-i > maxVocabLen || n > len(buf) || !vocabFilter.maybeBytes(runes, buf[0], buf[n-1]):
	case n <= 16:
		vi = vocabTable.find(foldedKey(buf[:n]))
	case n <= vocabTable.longest:
		vi = vocabTable.findLong(foldedKey(buf[:n]), string(buf[:n]))
	}
	return appendWord(toks, g, i, k, vi, allUpper), k
}

// latinUpper tells the upper-case letters among the runes of foldArray.
var latinUpper = func() (a [0x180]bool) {
	for r := range a {
		a[r] = unicode.IsUpper(rune(r))
	}
	return a
}()

// wordToken looks up the word text[i:j] that holds letters other than
// ASCII: it folds the word (lower case, no accents). It returns the
// vocabulary id (0 for none) and whether every letter is upper case, which
// only matters for a vocabulary word.
func wordToken(text string, i, j int) (vi uint16, allUpper bool) {
	if j-i > maxVocabLen {
		return 0, false
	}
	// Screen the word by its rune count and folded first and last letters
	// before folding it whole.
	first, _ := utf8.DecodeRuneInString(text[i:])
	last, _ := utf8.DecodeLastRuneInString(text[i:j])
	if !vocabFilter.maybeRunes(utf8.RuneCountInString(text[i:j]), foldRune(first), foldRune(last)) {
		return 0, false
	}
	var buf [48]byte
	n := 0
	allUpper = true
	for k := i; k < j; {
		r, sz := rune(text[k]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[k:])
		}
		k += sz
		if !unicode.IsUpper(r) {
			allUpper = false
		}
		f := foldRune(r)
		if n+len(f) > len(buf) {
			n = -1
			break
		}
		n += copy(buf[n:], f)
	}
	switch {
	case n > 0 && n <= 16:
		vi = vocabTable.find(foldedKey(buf[:n]))
	case n > 0 && n <= vocabTable.longest:
		vi = vocabTable.findLong(foldedKey(buf[:n]), string(buf[:n]))
	}
	return vi, allUpper
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

// tellingWords, besides number words, months, weekdays and feasts, make a
// function word next to them worth a look ("le mois dernier", "à fin").
var tellingWords = map[string]bool{
	"hier": true, "demain": true, "aujourd": true, "lendemain": true, "dernier": true, "derniere": true,
	"derniers": true, "dernieres": true, "prochain": true, "prochaine": true, "prochains": true,
	"prochaines": true, "passe": true, "passee": true, "ecoule": true, "ecoulee": true, "annee": true, "annees": true, "an": true,
	"mois": true, "semaine": true, "semaines": true, "jour": true, "jours": true, "fin": true, "fins": true,
	"debut": true, "cours": true, "terme": true, "date": true, "mi": true, "depuis": true, "courant": true,
	"pourcent": true, "pourcents": true, "pourcentage": true, "pourcentages": true, "premier": true,
	"trimestre": true, "semestre": true, "partir": true, "compter": true, "exercice": true, "periode": true,
	"veille": true, "hiver": true, "printemps": true, "automne": true, "rentree": true,
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
	ordinal int8 // the day an ordinal names ("premier" = 1), else 0
}

// Word attributes held in vocabEntry.flags.
const (
	aPercent uint16 = 1 << iota
	aCountNoun
	aNotFigureSuffix
	aNotFigurePrefix
	aYearCue
	aRiskyMonth
	aCurrency    // first word of a currency name
	aFeast       // first word of a feast name
	aHedgeAdverb // may stand between a hedge and its figure
	aScaleAbbr   // a scale abbreviation in some case ("M", "mds")
	aPastOrNext  // "dernier", "prochaines"… (see pastOrNextWithin)
	aContextLead // first word of a phrase of contextPhrases
)

// is reports whether the token is a vocabulary word with attribute f.
func (t *token) is(f uint16) bool { return t.vi != 0 && vocabEntries[t.vi].flags&f != 0 }

func (t *token) num() (numWord, bool) {
	if t.vi == 0 || vocabEntries[t.vi].nw.kind == 0 {
		return numWord{}, false
	}
	return vocabEntries[t.vi].nw, true
}

// ordinal is the day number of an ordinal word (see ordinalDays), else 0.
func (t *token) ordinal() int { return int(vocabEntries[t.vi].ordinal) }

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
// maybeBytes is maybeRunes given the first and last bytes of the folded
// word.
func (f *wordFilter) maybeBytes(n int, first, last byte) bool {
	return n < len(f.seen) && f.seen[n][letterIndex(first)][letterIndex(last)]
}

func (f *wordFilter) maybeRunes(n int, first, last string) bool {
	return n < len(f.seen) && len(first) > 0 && len(last) > 0 &&
		f.seen[n][letterIndex(first[0])][letterIndex(last[len(last)-1])]
}

// wordKey is a folded word packed into two integers: lo holds its first
// eight bytes, hi its last eight when it is longer (the two overlap),
// little-endian with zeros past the end. Two words of at most 16 bytes are
// equal when their keys are, so a lookup compares integers instead of
// strings; longer words are compared whole once their keys match.
type wordKey struct {
	lo, hi uint64
	n      int
}

// keyMasks[n] keeps the first n bytes of a little-endian word.
var keyMasks = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff,
	0xffffffffffffff, 0xffffffffffffffff}

// load64 reads eight bytes of s from i, little-endian (the compiler makes
// this one load).
func load64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// asciiKey is the key of the folded ASCII word text[i:j] (one letter or
// more, of any case). Setting bit 0x20 of a letter lower-cases it.
func asciiKey(text string, i, j int) wordKey {
	const lower = 0x2020202020202020
	n := j - i
	if n > 8 {
		return wordKey{lo: load64(text, i) | lower, hi: load64(text, j-8) | lower, n: n}
	}
	var lo uint64
	if i+8 <= len(text) {
		lo = load64(text, i) & keyMasks[n]
	} else {
		for k := j - 1; k >= i; k-- {
			lo = lo<<8 | uint64(text[k])
		}
	}
	return wordKey{lo: lo | lower&keyMasks[n], n: n}
}

// foldedKey is the key of a folded word of one byte or more.
func foldedKey(b []byte) wordKey {
	k := wordKey{n: len(b)}
	for x := min(len(b), 8) - 1; x >= 0; x-- {
		k.lo = k.lo<<8 | uint64(b[x])
	}
	if len(b) > 8 {
		for x := len(b) - 1; x >= len(b)-8; x-- {
			k.hi = k.hi<<8 | uint64(b[x])
		}
	}
	return k
}

// hash mixes both halves so that its top bits depend on every byte.
func (k wordKey) hash() uint64 {
	return k.lo*0x9e3779b97f4a7c15 ^ k.hi*0xc2b2ae3d27d4eb4f ^ uint64(k.n)<<58
}

// wordTable is an open-addressing table of the vocabulary keyed by the
// packed folded word. Slots hold entry ids; the keys sit in their own
// array, small enough to stay in cache.
type wordTable struct {
	slots   []uint16
	keys    []wordKey // by entry id
	words   []string  // by entry id
	shift   uint
	mask    uint64
	longest int // the byte length of the longest word
}

func newWordTable(entries []vocabEntry) *wordTable {
	bits := uint(1)
	for 1<<bits < 4*len(entries) {
		bits++
	}
	t := &wordTable{slots: make([]uint16, 1<<bits), keys: make([]wordKey, len(entries)),
		words: make([]string, len(entries)), shift: 64 - bits, mask: 1<<bits - 1}
	for id := 1; id < len(entries); id++ {
		w := entries[id].word
		if w == "" {
			panic("normalize: empty vocabulary word")
		}
		k := foldedKey([]byte(w))
		t.keys[id], t.words[id] = k, w
		t.longest = max(t.longest, len(w))
		for h := k.hash() >> t.shift; ; h = (h + 1) & t.mask {
			if t.slots[h] == 0 {
				t.slots[h] = uint16(id)
				break
			}
		}
	}
	return t
}

// find returns the id of the word of at most 16 bytes with key k, or 0.
func (t *wordTable) find(k wordKey) uint16 {
	for h := k.hash() >> t.shift; ; h = (h + 1) & t.mask {
		id := t.slots[h]
		if id == 0 {
			return 0
		}
		if e := &t.keys[id]; e.lo == k.lo && e.hi == k.hi && e.n == k.n {
			return id
		}
	}
}

// findLong returns the id of the word w, longer than 16 bytes, with key k,
// or 0; w may hold ASCII capitals.
func (t *wordTable) findLong(k wordKey, w string) uint16 {
	for h := k.hash() >> t.shift; ; h = (h + 1) & t.mask {
		id := t.slots[h]
		if id == 0 {
			return 0
		}
		if e := &t.keys[id]; e.lo == k.lo && e.hi == k.hi && e.n == k.n && equalFoldASCII(t.words[id], w) {
			return id
		}
	}
}

// equalFoldASCII compares a folded word with ASCII text of the same length
// in any case.
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
func (t *token) fn() bool { return t.attr&tFn != 0 }

// ds reports a word at which a date expression may start.
func (t *token) ds() bool { return t.attr&tDs != 0 }
