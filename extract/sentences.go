package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is a byte range of the text; para counts paragraphs (lines).
type sentence struct {
	start, end int
	para       int
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "dr": true, "pr": true,
	"st": true, "ste": true, "cf": true, "etc": true, "ex": true, "art": true, "no": true,
	"n°": true, "av": true, "bd": true, "p": true, "vol": true, "env": true, "min": true,
}

// monthAbbreviations end with a period that a year or a day follows
// ("déc. 2024"), which ends no sentence.
var monthAbbreviations = map[string]bool{
	"janv": true, "jan": true, "févr": true, "fév": true, "fevr": true, "fev": true, "avr": true,
	"juil": true, "sept": true, "sep": true, "oct": true, "nov": true, "déc": true, "dec": true,
}

// exhibitNumber reports whether s ends on the number of a table, a chart
// or a box ("Tableau 1"): the period after it ends no sentence ("Tableau
// 1. Les régimes …"). It looks at the end of s only: it runs at every
// period of a line.
func exhibitNumber(s string) bool {
	d := len(s)
	for d > 0 && d > len(s)-2 && s[d-1] >= '0' && s[d-1] <= '9' {
		d--
	}
	if d == len(s) || d == 0 || s[d-1] != ' ' {
		return false
	}
	return exhibits[strings.ToLower(lastWord(s[:d-1]))]
}

// exhibits are the words a table's, a chart's or a box's number follows.
var exhibits = map[string]bool{
	"tableau": true, "table": true, "figure": true, "graphique": true, "encadré": true, "encadre": true,
	"annexe": true, "carte": true, "schéma": true,
}

// splitSentences cuts text into sentences: a line break always ends one;
// '.', '!', '?' or '…' ends one when white space and a capital, a digit or
// an opening quote follow, unless the word before is an abbreviation
// ("M. Akhannouch").
func splitSentences(text string) []sentence {
	var out []sentence
	para := -1
	prevAsks, prevItem := false, false
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		if line := strings.TrimSpace(text[lineStart:lineEnd]); line != "" {
			item := listItemLine(line)
			// A question line (an interviewer's, a subheading asking one)
			// opens the paragraph that answers it, and a header ending on
			// a colon the bulleted list under it: the answer and the items
			// continue its topic.
			if !(prevAsks || (item && prevItem)) {
				para++
			}
			out = splitLine(text, lineStart, lineEnd, para, out)
			end := strings.TrimRight(line, " »\"”")
			prevAsks = strings.HasSuffix(end, "?")
			prevItem = item || strings.HasSuffix(end, ":")
		}
		lineStart = lineEnd + 1
	}
	return joinHeadings(text, out)
}

// joinHeadings joins a figure that stands alone, as a listicle's heading
// ("3. 4,1 millions") or a key-figures page's big number, to the sentence
// after it when that one says what the figure is ("C'est le nombre de
// ménages qui…", "de la population est couverte"): apart, the figure has
// neither noun nor programme nor date. The list number before it, a
// sentence of its own, is left alone.
func joinHeadings(text string, ss []sentence) []sentence {
	out := ss[:0]
	for i := 0; i < len(ss); i++ {
		if i+1 < len(ss) && figureHeading(text[ss[i].start:ss[i].end]) && explainsBefore(text[ss[i+1].start:ss[i+1].end]) {
			out = append(out, sentence{start: ss[i].start, end: ss[i+1].end, para: ss[i+1].para})
			i++
			continue
		}
		out = append(out, ss[i])
	}
	return out
}

// figureHeading reports whether s is a figure and its few words alone
// ("4,1 millions", "29 milliards de dirhams", "88 %"): a digit, at most
// five words, no final period.
func figureHeading(s string) bool {
	if strings.HasSuffix(s, ".") || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	return len(strings.Fields(s)) <= 5
}

// explainsBefore reports whether sentence s opens by saying what the
// figure before it is: "C'est le nombre de…", "Ce sont…", "Il s'agit du…",
// or a caption that goes on from it in lower case (a key-figures page's
// "25,3 M" over "assurés couverts par l'AMO").
func explainsBefore(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		return true
	}
	l := strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	for _, p := range []string{"c'est ", "ce sont ", "il s'agit ", "soit "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// listItemLine reports whether a line is an item of a bulleted list.
func listItemLine(l string) bool {
	for _, b := range []string{"- ", "– ", "— ", "• ", "* ", "· "} {
		if strings.HasPrefix(l, b) {
			return true
		}
	}
	return false
}

func splitLine(text string, start, end, para int, out []sentence) []sentence {
	s := start
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		// Closing quotes and brackets stay with the sentence they close,
		// French spacing included ("fait. » Ensuite").
		j, k := i, i
		for k < end {
			c, m := utf8.DecodeRuneInString(text[k:])
			switch {
			case c == '»' || c == '"' || c == '”' || c == ')' || c == '\'' || c == '’':
				k += m
				j = k
				continue
			case unicode.IsSpace(c):
				k += m
				continue
			}
			break
		}
		if k == j || k >= end {
			continue // no space after, or end of line (handled below)
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("«\"“(—–-", next) {
			continue
		}
		if r == '.' && abbreviations[strings.ToLower(lastWord(text[s:i-1]))] {
			continue
		}
		if r == '.' && unicode.IsDigit(next) && monthAbbreviations[strings.ToLower(lastWord(text[s:i-1]))] {
			continue // "(déc. 2024)", "sept. 2026"
		}
		if r == '.' && exhibitNumber(text[s:i-1]) {
			continue // "Tableau 1. Assurance maladie : …", a caption's number
		}
		out = appendSentence(out, text, s, j, para)
		s = k
		i = k
	}
	return appendSentence(out, text, s, end, para)
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '°' })
	return s[i+1:]
}

// appendSentence adds text[start:end] trimmed of white space, if any is left.
func appendSentence(out []sentence, text string, start, end, para int) []sentence {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start < end {
		out = append(out, sentence{start: start, end: end, para: para})
	}
	return out
}
