package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The front matter of a dump (masthead, headline, byline, the cover of a
// report) states the publication date in more shapes than the one-piece
// lines readBylines knows: a byline split by pipes ("DATE | Par NAME |
// 4 min de lecture"), a letter's "Rabat, le DATE", a gazette's "N° 212 -
// DATE Page 41", a report's cover with only its month ("Mars 2025").
// These are read only near the top, and only from lines that hold nothing
// but the date and such furniture: a headline or a chronology entry that
// names an event's date says something besides.

// weekday is a French weekday, in full or abbreviated ("jeu."), or an
// English one ("Wed", "Thursday") that English-speaking CMSs print on
// French pages.
const weekday = `(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?`

var (
	// placeDate is a letter's or a note's "Rabat, le 9 mars 2024": a place
	// name, a comma, and a line that is only a date.
	placeDate = regexp.MustCompile(`^\p{Lu}[\p{L}'’ .-]{1,30},\s*(.{6,50})$`)
	// weekdayComma is a masthead's "Mercredi, 22 avril 2026": a day, not
	// a place.
	weekdayComma = regexp.MustCompile(`(?i)^` + weekday + `,`)

	// segmentSep splits a front line into its pieces: pipes (spaced or
	// not: "NAME |21.10.2025"), bullets and dashes between spaces (a dash
	// between digits is part of "17 - 02 - 2025" and is put back by
	// joinDateDashes).
	segmentSep = regexp.MustCompile(`\s*\|\s*|\s+[•·]\s+|\s+[-–—]\s+`)

	// trailingPage is a page number a PDF dump's running head kept on the
	// line of the date ("N° 212 - Mardi 16 juillet 2024 Page 41").
	trailingPage = regexp.MustCompile(`(?i)\s+(?:page|p\.)\s*\d{1,4}$`)

	// frontFurniture are the pieces a byline or a masthead puts beside its
	// date: a reading time, a count of comments or views, a photo credit,
	// an issue or page number, a time of day, a share prompt.
	frontFurniture = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		`(?:(?:temps\s+de\s+)?lecture\s*:?\s*)?\d{1,3}\s*min(?:utes?)?(?:\s+(?:de\s+lecture|read|à lire))?`,
		`(?:vu|lu|consulté|viewed|read)\s+[\d  .,]+\s+(?:fois|times)`,
		`\d[\d.,  ]*(?:\s*[kKM])?\s+(?:commentaires?|comments?|réactions?|réponses?|vues|views|lectures|partages?|shares?|tweets?|posts?|reposts?|messages?|photos?|vidéos?|j'aime|likes?|signets?)`,
		// A thread reader's or an aggregator's link to the original.
		`(?:read|view|lire|voir)\s+(?:on|sur)\s+[\p{L}\d. ]{1,20}`,
		`(?:photo|crédits?|credits?|source|illustration)\s*:.{1,40}`,
		`(?:page|p\.)\s*\d{1,4}`,
		`\d{1,2}\s*[h:]\s*\d{2}(?:\s*(?:[ap]\.?m\.?|gmt|utc))?`,
		// A desk signing for its writers: "Rédaction", "La rédaction
		// économie", "Service Économie".
		`(?:la\s+)?rédaction(?:\s+(?:de\s+|d['’]\s*)?[\p{L}'’ -]{2,30})?`,
		`(?:partager|share)\b.{0,40}`,
		// The section the desk filed it under: "Rubrique : Conjoncture".
		`(?:rubrique|catégorie|categorie|section|thème|category)\s*:\s*[\p{L}'’ &-]{1,40}`,
	}, "|") + `)$`)

	// viewsDate is a video page's line under the player: its views, the
	// day it was put online, its hashtags ("18 406 vues 3 mars 2026 #IPE").
	viewsDate = regexp.MustCompile(`(?i)^\d[\d  .,]*\s*[kKM]?\s+(?:vues|views|visionnages|lectures)\s*[·•|]?\s+(.{6,30}?)(?:\s+#\S+)*$`)

	// issueNumber is a periodical's issue: "N° 212", "Édition 4012",
	// "Numéro 1.412".
	issueNumber = regexp.MustCompile(`(?i)^(?:n°|no\.?|num(?:éro)?\.?|édition|edition|issue|vol(?:ume)?\.?)\s*(?:\d{1,3}(?:[.  ]\d{3})+|\d{1,6})$`)

	// refCode is a report's reference printed beside its date on the
	// cover: "PB-25/19", "DEPF/2024/07", "Réf. : NS-12".
	refCode = regexp.MustCompile(`(?i)^(?:réf(?:érence)?\.?\s*:?\s*|ref\.?\s*:?\s*)?\p{Lu}{1,10}(?:[-/.]\p{Lu}{1,10})*[-/.]?\d[\d/.-]*\s+`)
	// coverMonth is a line that is only a month and its year, the date of
	// a report or a note that gives no day.
	coverMonth = regexp.MustCompile(`(?i)^(?:(?:publié|publiée|publication|édition|edition|version)\s*:?\s*(?:en\s+|de\s+|d['’]\s*)?)?(` + monthAlt + `)\.?\s+((?:19|20)\d{2})$`)
)

// dateLine reads a line (or a piece of one) that is only a dated byline:
// "Publié le …", "Par NAME le …", "le 12 mars 2024 à 10h15", "Rabat, le 9
// mars 2024". It returns the date and the author it names, or "".
func dateLine(s string) (date, author string) {
	if m := publishedLine.FindStringSubmatch(s); m != nil {
		if d := labelledLineDate(m[1], captureStamp{}); d != "" {
			return d, ""
		}
	}
	if len(s) <= 60 && len(strings.Fields(s)) <= 8 && dateOnly.MatchString(s) {
		if d, _ := textDate(s); d != "" {
			return d, ""
		}
	}
	if m := byLine.FindStringSubmatch(s); m != nil {
		if d := bylineTailDate(m[2] + m[3]); d != "" {
			return d, m[1]
		}
	}
	if m := placeDate.FindStringSubmatch(s); m != nil && dateOnly.MatchString(m[1]) && !weekdayComma.MatchString(s) {
		if d, _ := textDate(m[1]); d != "" {
			return d, ""
		}
	}
	return "", ""
}

// placePrefixed reports whether line b opens with a place and a comma
// ("Rabat, le 9 mars 2024"), a weekday being no place.
func placePrefixed(b string) bool {
	return placeDate.MatchString(b) && !weekdayComma.MatchString(b)
}

// frontLineDate reads a front-matter line made of pieces: one dated piece
// and others that are names or byline furniture ("29 mars 2025 | Rédaction
// | 0 commentaire", "N° 212 - Mardi 16 juillet 2024 Page 41"). It returns
// the date, the author a "Par NAME" piece names, and whether the line is a
// byline, which stands under the headline, rather than a masthead (an
// issue's number, a letter's place and date), which stands above it.
//
// A relative piece ("Hier à 18h30", "il y a 3 heures") is counted back
// from the capture stamp c (capture.go); it dates nothing when c is zero.
func frontLineDate(b string, c captureStamp) (date, author string, byline bool) {
	b = trailingPage.ReplaceAllString(asciiDigits(b), "")
	if m := viewsDate.FindStringSubmatch(b); m != nil {
		if d, _ := textDate(m[1]); d != "" {
			return d, "", true
		}
	}
	byline = !placePrefixed(b)
	if d, a := dateLine(b); d != "" {
		return d, a, byline
	}
	if d := sittingDate(b); d != "" {
		return d, "", false
	}
	if d, a := dateThenName(b); d != "" {
		return d, a, true
	}
	pieces := splitPieces(b)
	if len(pieces) < 2 {
		return "", "", false
	}
	unknown := ""
	for _, p := range pieces {
		if issueNumber.MatchString(p) {
			byline = false
			continue
		}
		if d, a := dateLine(p); d != "" {
			if date == "" {
				date = d
			}
			if author == "" {
				author = a
			}
			continue
		}
		if d := relativeDate(p, c); d != "" {
			if date == "" {
				date = d
			}
			continue
		}
		if m := byLine.FindStringSubmatch(p); m != nil && m[2]+m[3] == "" {
			if author == "" {
				author = m[1]
			}
			continue
		}
		if frontFurniture.MatchString(p) || updatedLine.MatchString(p) || looksLikeName(p) || mastheadName(p) || sectionLabel(p) {
			continue
		}
		if unknown == "" && utf8.RuneCountInString(p) <= maxUnknownPiece {
			unknown = p
			continue
		}
		return "", "", false
	}
	if unknown != "" && (date == "" || author == "") {
		// One piece no list knows ("Édition abonnés", "Rubrique
		// Conjoncture") is allowed beside a date and a signature, which
		// no sentence of the body has together.
		return "", "", false
	}
	// A signature makes it a byline, an issue's number beside it or not.
	return date, author, (byline || author != "") && date != ""
}

// maxUnknownPiece is the longest piece of a byline, in runes, that may be
// something no pattern knows.
const maxUnknownPiece = 40

// sectionLabel is a byline's section or rubric, alone in its piece and
// perhaps in Markdown emphasis: "**Dossier**", "_Économie_", "Société".
func sectionLabel(p string) bool {
	p = strings.Trim(p, "*_ ")
	r, _ := utf8.DecodeRuneInString(p)
	return p != "" && utf8.RuneCountInString(p) <= 20 && !strings.ContainsAny(p, " 0123456789") && unicode.IsUpper(r)
}

// furnished reports whether a front line is pieces one of which is a
// byline's furniture ("07/11/2025 | Temps de lecture : 7 min"): no
// sentence of an article's body looks so, however far down it stands.
func furnished(b string) bool {
	pieces := splitPieces(asciiDigits(b))
	if len(pieces) < 2 {
		return false
	}
	for _, p := range pieces {
		if frontFurniture.MatchString(p) || issueNumber.MatchString(p) {
			return true
		}
	}
	return false
}

// splitPieces splits a line at its separators, keeping the dashes of a
// numeric date ("17 - 02 - 2025") inside their piece.
func splitPieces(b string) []string {
	var out []string
	from := 0
	for _, m := range segmentSep.FindAllStringIndex(b, -1) {
		before, _ := utf8.DecodeLastRuneInString(b[:m[0]])
		after, _ := utf8.DecodeRuneInString(b[m[1]:])
		if isDigit(byte(before)) && before < utf8.RuneSelf && isDigit(byte(after)) && after < utf8.RuneSelf && !strings.ContainsAny(b[m[0]:m[1]], "|•·") {
			continue
		}
		out = append(out, strings.TrimSpace(b[from:m[0]]))
		from = m[1]
	}
	return append(out, strings.TrimSpace(b[from:]))
}

// coverDate reads a cover's month-precision date: "Octobre 2025",
// "PB-25/19 Mai 2025".
func coverDate(b string) string {
	b = refCode.ReplaceAllString(b, "")
	if m := coverMonth.FindStringSubmatch(b); m != nil {
		return ymdNamed(m[2], m[1], "")
	}
	return ""
}

var (
	// headlineLabel is what a page prints before its headline on the same
	// line: a format in brackets ("[Vidéo]", "(Transcription)") or a
	// forum's "Sujet :".
	headlineLabel = regexp.MustCompile(`^(?:[\[(][\p{L} -]{2,25}[\])]\s*|(?i:sujet|topic|thread|discussion)\s*:\s*)`)
	// subjectTail is a newsletter's name and number after its subject:
	// "… | La Lettre #418"; subjectReply its "RE :", "TR :" or "Fwd:".
	subjectTail  = regexp.MustCompile(`\s+[|–—-]\s+[^|]{1,40}#\s*\d+$`)
	subjectReply = regexp.MustCompile(`(?i)^(?:(?:re|tr|fwd?|réf)\s*:\s*)+`)
)

// headlineText is a headline line without the label printed before it.
func headlineText(b string) string {
	if t := headlineLabel.ReplaceAllString(b, ""); t != "" {
		return t
	}
	return b
}

// subjectTitle is the title an e-mail's subject gives.
func subjectTitle(s string) string {
	return subjectTail.ReplaceAllString(subjectReply.ReplaceAllString(s, ""), "")
}

// mastheadName is a publication's or a desk's name beside a date on its
// masthead: one capitalised word ("Rédaction", "LeQuotidien"), or up to
// eight words each capitalised or a particle ("La Lettre de la Protection
// Sociale"). No digits: those are dates and counters.
func mastheadName(p string) bool {
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 8 || len(p) > 70 || hasDigit(p) {
		return false
	}
	capitals := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capitals++
		case !mastheadParticles[strings.ToLower(w)]:
			return false
		}
	}
	return capitals >= 1 && (len(words) == 1 && utf8.RuneCountInString(p) <= 25 || capitals >= 2)
}

// mastheadParticles may stand lowercase inside a publication's name.
var mastheadParticles = map[string]bool{"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "l'": true, "d'": true, "et": true, "en": true, "à": true, "au": true, "aux": true, "of": true, "the": true, "and": true}

// sittingLine is a transcript's or a minutes' heading: "Séance du mardi
// 12 mars 2025", "Compte rendu de la réunion du 12/03/2025". The sitting
// dates the transcript.
//
// A periodical's issue heads its page the same way: "Édition du jeudi 12
// mars 2025", "Revue de presse du 12/03/2025", "Bulletin du …".
var sittingLine = regexp.MustCompile(`(?i)^(?:(?:compte[- ]rendu|procès[- ]verbal|pv)(?:\s+(?:intégral|analytique|sommaire))?\s+(?:de\s+la\s+|du\s+)?)?(?:séance|session|réunion|audience|sitting|meeting|édition|edition|revue de presse|bulletin|lettre|newsletter|numéro)(?:\s+(?:plénière|publique|ordinaire|extraordinaire|plenary))?\s+(?:du|of)\s+(.{6,45})$`)

// sittingDate is the date of a sitting's heading, or "".
func sittingDate(b string) string {
	if m := sittingLine.FindStringSubmatch(b); m != nil && dateOnly.MatchString(m[1]) {
		d, _ := textDate(m[1])
		return d
	}
	return ""
}

// asciiDigits writes the Arabic-Indic digits a bilingual page may print
// its dates in (١٢/٠٣/٢٠٢٥, and the Persian forms) as ASCII digits.
func asciiDigits(s string) string {
	if !strings.ContainsAny(s, "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
}

// closingPlaceDate is a letter's or a communiqué's last line: "Fait à
// Rabat, le 12 mars 2025", "Casablanca le 12/03/2025".
var closingPlaceDate = regexp.MustCompile(`^(?:(?i:fait)\s+à\s+)?\p{Lu}[\p{L}'’ .-]{1,30}?,?\s+(?i:le)\s+(.{6,45})$`)

// closingDate is the date of a closing place-and-date line among the last
// three blocks, or "". Only a signature's short lines may follow it: a
// place and a date above a paragraph belong to the text (a quoted letter).
func closingDate(blocks []string) string {
	for i := len(blocks) - 1; i >= 0 && i >= len(blocks)-3 && !isProse(blocks[i]); i-- {
		b := asciiDigits(blocks[i])
		if m := closingPlaceDate.FindStringSubmatch(b); m != nil && dateOnly.MatchString(m[1]) {
			if d, _ := textDate(m[1]); d != "" {
				return d
			}
		}
	}
	return ""
}

// shortYear is a numeric date with a two-digit year ("12/03/25"), read
// only after a publication label, where it cannot be a figure.
var shortYear = regexp.MustCompile(`^\s*(?:le\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})(?:$|[^0-9/.-])`)

// yearlessDay is a day and a month without a year ("12 mars à 10h32").
var yearlessDay = regexp.MustCompile(`(?i)^\s*(?:le\s+)?(?:` + weekday + `,?\s+)?(\d{1,2})(?:er)?\s+(` + monthAlt + `)\.?(?:$|[^\p{L}0-9])`)

// labelledLineDate reads the value of a "Publié le" line: any date, a
// two-digit year's (20YY), or a day and a month dated by the capture
// stamp c (the last such day on or before it).
func labelledLineDate(v string, c captureStamp) string {
	if d := anyDate(v); d != "" {
		return d
	}
	if m := shortYear.FindStringSubmatch(v); m != nil {
		return ymd("20"+m[3], m[2], m[1])
	}
	if m := yearlessDay.FindStringSubmatch(v); m != nil {
		return withCaptureYear(m[1], m[2], c)
	}
	return ""
}

// datePar splits "DATE par NAME" (a byline that names its writer after
// the date).
var datePar = regexp.MustCompile(`(?i)^(.{6,50}?)\s*[,—–-]?\s+(?:par|by)\s+(.{3,60})$`)

// dateThenName reads a byline made of a date and then a name, with or
// without "par" between them: "Le 12 mars 2025 par NAME", "12 mars 2025
// NAME". It returns the date and the name, or "".
func dateThenName(b string) (date, author string) {
	if m := datePar.FindStringSubmatch(b); m != nil && dateOnly.MatchString(m[1]) && looksLikeName(m[2]) {
		d, _ := textDate(m[1])
		return d, m[2]
	}
	m := datePrefix.FindStringIndex(b)
	if m == nil || m[1] == len(b) {
		return "", ""
	}
	rest := strings.TrimLeft(b[m[1]:], " ,-–—|·")
	if d, _ := textDate(b[:m[1]]); d != "" && (looksLikeName(rest) || mastheadName(rest)) {
		return d, ""
	}
	return "", ""
}
