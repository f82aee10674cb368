package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The date helpers below return ISO 8601 partial dates ("2025-02-17",
// "2023-04") or "" and never guess a missing year: an article that says
// "lundi" without a year has no publication date we can stand behind.

var (
	isoStamp = regexp.MustCompile(`^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?:$|[^0-9])`)
	// isoCompact is 20250217 or 2025/02/17 as some CMSs write them in meta.
	isoSlash = regexp.MustCompile(`^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b`)

	monthNames = map[string]int{
		"janvier": 1, "janv": 1, "jan": 1, "january": 1, "januar": 1, "enero": 1, "gennaio": 1, "janeiro": 1, "styczeń": 1, "stycznia": 1,
		"février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "feb": 2, "february": 2, "februar": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2, "lutego": 2,
		"mars": 3, "mar": 3, "march": 3, "märz": 3, "marzo": 3, "março": 3, "marca": 3,
		"avril": 4, "avr": 4, "apr": 4, "april": 4, "abril": 4, "aprile": 4, "kwietnia": 4,
		"mai": 5, "may": 5, "mayo": 5, "maggio": 5, "maio": 5, "maja": 5,
		"juin": 6, "jun": 6, "june": 6, "juni": 6, "junio": 6, "giugno": 6, "junho": 6, "czerwca": 6,
		"juillet": 7, "juil": 7, "jul": 7, "july": 7, "juli": 7, "julio": 7, "luglio": 7, "julho": 7, "lipca": 7,
		"août": 8, "aout": 8, "aug": 8, "august": 8, "agosto": 8, "sierpnia": 8,
		"septembre": 9, "sept": 9, "sep": 9, "september": 9, "septiembre": 9, "settembre": 9, "setembro": 9, "września": 9,
		"octobre": 10, "oct": 10, "october": 10, "oktober": 10, "octubre": 10, "ottobre": 10, "outubro": 10, "października": 10,
		"novembre": 11, "nov": 11, "november": 11, "noviembre": 11, "novembro": 11, "listopada": 11,
		"décembre": 12, "decembre": 12, "déc": 12, "dec": 12, "december": 12, "dezember": 12, "diciembre": 12, "dicembre": 12, "dezembro": 12, "grudnia": 12,
	}
	monthAlt = monthAlternation()

	// dayMonthYear: "mardi 26 novembre 2024", "1er décembre 2022",
	// "17. März 2019", "26 de noviembre de 2024".
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+)?(` + monthAlt + `)\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	// monthDayYear: "September 16, 2025", "Nov. 3, 2019".
	monthDayYear = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
	// numericDMY: "17 - 02 - 2025", "17/02/2025", "17.02.2025" (the
	// French and European order; the year must be four digits).
	numericDMY = regexp.MustCompile(`\b(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})\b`)
	// isoInText finds 2025-02-17 inside running text.
	isoInText = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	// monthYear: "avril 2023" alone, used only for headers.
	monthYear = regexp.MustCompile(`(?i)^\s*(` + monthAlt + `)\s+((?:19|20)\d{2})\s*$`)
)

func monthAlternation() string {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, regexp.QuoteMeta(n))
	}
	// Longest first so that "septembre" wins over "sept".
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && len(names[j]) > len(names[j-1]); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return strings.Join(names, "|")
}

// isoDate reads a machine date (ISO 8601 stamp, RFC 1123, 2025/02/17) as
// found in meta tags, JSON-LD and <time datetime>.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if m := isoStamp.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := isoSlash.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// anyDate reads a date written for machines or for people.
func anyDate(s string) string {
	if d := isoDate(s); d != "" {
		return d
	}
	d, _ := textDate(s)
	return d
}

// textDate finds the first full date written in running text and returns it
// with its byte offset, or "" and -1. Every written date ends with its
// four-digit year, so the expressions only run on a short window before
// each year: running them over whole paragraphs is slow.
func textDate(s string) (string, int) {
	for _, y := range yearPositions(s) {
		from := max(0, y-48)
		for from > 0 && !utf8.RuneStart(s[from]) {
			from++
		}
		if d, at := windowDate(s[from : y+4]); d != "" {
			return d, from + at
		}
	}
	return "", -1
}

// windowDate is textDate on a window ending with a year.
func windowDate(s string) (string, int) {
	best, at := "", -1
	try := func(d string, i int) {
		if d != "" && (at < 0 || i < at) {
			best, at = d, i
		}
	}
	if m := dayMonthYear.FindStringSubmatchIndex(s); m != nil {
		try(ymdNamed(s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]]), m[0])
	}
	if m := monthDayYear.FindStringSubmatchIndex(s); m != nil {
		try(ymdNamed(s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]]), m[0])
	}
	if m := numericDMY.FindStringSubmatchIndex(s); m != nil {
		try(ymd(s[m[8]:m[9]], s[m[6]:m[7]], s[m[2]:m[3]]), m[0])
	}
	if m := isoInText.FindStringSubmatchIndex(s); m != nil {
		try(ymd(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]), m[0])
	}
	return best, at
}

// yearPositions are the byte offsets of the four-digit numbers 19xx and
// 20xx in s that stand alone or end an ISO date's year position.
func yearPositions(s string) []int {
	var out []int
	for i := 0; i+4 <= len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') {
			if j < len(s) && s[j] == '-' {
				// 2025-02-17: the window must reach past the day.
				out = append(out, min(i+6, len(s)-4))
			} else {
				out = append(out, i)
			}
		}
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// headerDate reads the value of a header line: an ISO stamp, a month and a
// year, or a written date.
func headerDate(s string) string {
	if d := isoDate(s); d != "" {
		return d
	}
	if m := monthYear.FindStringSubmatch(s); m != nil {
		return ymdNamed(m[2], m[1], "")
	}
	d, _ := textDate(s)
	return d
}

func ymdNamed(year, month, day string) string {
	n, ok := monthNames[strings.ToLower(strings.TrimSuffix(month, "."))]
	if !ok {
		return ""
	}
	return ymd(year, strconv.Itoa(n), day)
}

// ymd validates and formats; day may be "" for a month-precision date.
func ymd(year, month, day string) string {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	if err1 != nil || err2 != nil || y < 1900 || y > 2100 || m < 1 || m > 12 {
		return ""
	}
	if day == "" {
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > 31 {
		return ""
	}
	if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() != d {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}
