package table

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// folder lowers the accents a period's words carry, so that one pattern
// reads "Février", "fevrier" and "FÉVRIER".
var folder = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "û", "u", "ù", "u", "ô", "o", "î", "i", "ï", "i", "à", "a", "â", "a", "’", "'", "\u00a0", " ", "\u202f", " ")

var (
	year = `((?:19|20)\d{2})`
	// A label's footnote mark or provisional note says nothing of when:
	// "2025*", "2024 (p)", "2023 (1)".
	noteRe  = regexp.MustCompile(`\s*(?:\*+|\((?:\*+|\d|p|e|prov\.?|provisoire|estimations?|previsions?)\))$`)
	yearRe  = regexp.MustCompile(`^(?:(?:en|annee|an|exercice|au titre de)\s+)?` + year + `$`)
	endYrRe = regexp.MustCompile(`^(?:a\s+)?fin\s+(?:d'annee\s+)?` + year + `$`)
	halfRe  = regexp.MustCompile(`^(?:s|h)([12])\s*[-/]?\s*` + year + `$|^` + year + `\s*[-/]?\s*(?:s|h)([12])$`)
	quartRe = regexp.MustCompile(`^(?:t|q)([1-4])\s*[-/]?\s*` + year + `$|^` + year + `\s*[-/]?\s*(?:t|q)([1-4])$`)
	ordRe   = regexp.MustCompile(`^(?:a\s+fin\s+|fin\s+|au\s+)?(1er|1|premier|2e|2eme|2nd|deuxieme|second|3e|3eme|troisieme|4e|4eme|quatrieme)\s+(semestre|trimestre)\s+(?:de\s+|de l'annee\s+)?` + year + `$`)
	monthRe = regexp.MustCompile(`^(?:a\s+)?(?:(?:fin|debut|mi)[- ]+)?(?:(?:le\s+)?(?:1er|\d{1,2})\s+)?([a-z]+)\.?\s+` + year + `$`)
	spanRe  = regexp.MustCompile(`^(?:de\s+)?` + year + `\s*(?:-|–|/|a|au)\s*` + year + `$`)
	// labelMonthRe finds a month with no year inside a longer label:
	// "Ménages bénéficiaires à fin décembre (millions)".
	labelMonthRe = regexp.MustCompile(`(?:^|\s)(?:a\s+fin|fin|au\s+\d{1,2}|en)\s+([a-z]+)(?:$|[\s(),;:])`)
	yearToks     = regexp.MustCompile(`(?:^|[^\d])(?:19|20)\d{2}(?:$|[^\d])|\b[sShHtTqQ][1-4]\b|\b(?:1er|[1-4]e|[1-4]eme)\b`)
)

var months = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
	"mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
	"octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}

// Period reads a row or column label that names when its figures hold and
// gives it as an as_of (spec/taxonomy.md): "2021" → "2021", "S1 2025" and
// "1er semestre 2025" → "2025-06" (a period holds at its end), "T3 2024" →
// "2024-09", "fin juin 2025" → "2025-06", "fin 2024" → "2024-12". A span
// of years ("2024-2025") ends in its last year. Anything else, "".
func Period(label string) string {
	s := strings.ToLower(strings.TrimSpace(folder.Replace(label)))
	s = strings.Join(strings.Fields(s), " ")
	s = noteRe.ReplaceAllString(s, "")
	if m := yearRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	if m := endYrRe.FindStringSubmatch(s); m != nil {
		return m[1] + "-12"
	}
	if m := halfRe.FindStringSubmatch(s); m != nil {
		n, y := m[1], m[2]
		if n == "" {
			n, y = m[4], m[3]
		}
		return ym(y, 6*atoi(n))
	}
	if m := quartRe.FindStringSubmatch(s); m != nil {
		n, y := m[1], m[2]
		if n == "" {
			n, y = m[4], m[3]
		}
		return ym(y, 3*atoi(n))
	}
	if m := ordRe.FindStringSubmatch(s); m != nil {
		n := 1
		switch m[1] {
		case "2e", "2eme", "2nd", "deuxieme", "second":
			n = 2
		case "3e", "3eme", "troisieme":
			n = 3
		case "4e", "4eme", "quatrieme":
			n = 4
		}
		if m[2] == "semestre" {
			if n > 2 {
				return ""
			}
			return ym(m[3], 6*n)
		}
		return ym(m[3], 3*n)
	}
	if m := monthRe.FindStringSubmatch(s); m != nil {
		if mo, ok := months[m[1]]; ok {
			return ym(m[2], mo)
		}
	}
	if m := spanRe.FindStringSubmatch(s); m != nil && m[2] > m[1] {
		return m[2]
	}
	return ""
}

func ym(y string, m int) string { return fmt.Sprintf("%s-%02d", y, m) }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// LabelMonth returns the month (1-12) a label names with no year ("Ménages
// bénéficiaires à fin décembre (millions)" → 12), so that a column headed
// by a year can date its cell to that month; 0 when it names none, or a
// year too (Period reads those).
func LabelMonth(label string) int {
	s := strings.ToLower(strings.Join(strings.Fields(folder.Replace(label)), " "))
	if yearToks.MatchString(s) {
		return 0
	}
	if m := labelMonthRe.FindStringSubmatch(s); m != nil {
		return months[m[1]]
	}
	return 0
}
