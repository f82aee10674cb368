package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// collapseSpace turns every run of white space (including no-break spaces)
// into one space and trims the ends.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s // most lines: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff' {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// collapsed reports whether collapseSpace(s) is s: valid UTF-8 whose
// only white space is single spaces between other characters, none of
// them one collapseSpace drops.
func collapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				if space {
					return false
				}
				space = true
				continue
			}
			if c <= '\r' && c >= '\t' { // \t \n \v \f \r
				return false
			}
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) ||
			r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff' {
			return false // (an invalid byte is written as U+FFFD)
		}
		i += size
		space = false
	}
	return true
}

// isBlank reports whether s has no visible character.
func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// runeLen is the number of runes in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
