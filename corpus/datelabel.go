package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A date on a page is not always the article's: the words printed before
// it say what it dates. "Publié le" dates the article, "Mis à jour le" a
// later edit, "Imprimé le" or a cache's "affichée le" the copy, and "au",
// "à fin" or "depuis le" a figure ("2,5 millions d'assurés au 31 décembre
// 2024"). The tables below are those words; labelledDates reads every
// date of a short text with the kind its label gives it.

// dateKind is what a date's label says it dates.
type dateKind int

const (
	// datePlain has no label: a byline's bare date, a dateline's.
	datePlain dateKind = iota
	// datePublished is labelled as the publication ("Publié le").
	datePublished
	// dateUpdated is labelled as a later edit ("Mis à jour le").
	dateUpdated
	// dateCopy dates the copy, not the article: a print, a cache's
	// snapshot, an archive's capture, the reader's visit.
	dateCopy
	// dateData dates a figure or an event's bounds ("au", "à fin",
	// "depuis le", "à partir du", "bilan au").
	dateData
)

// dateLabels are the labels, by kind. Each is matched as the words right
// before the date (after them only "le", "du", "on", a weekday, a colon).
// Longer labels come first where one holds another ("bilan au" and "au").
var dateLabels = []struct {
	kind   dateKind
	labels []string
}{
	{datePublished, []string{
		`publiée?(?:\s+par\s+[^,;|]{1,40}?)?`, `date de publication`, `mis en ligne`, `mise en ligne`,
		`posté`, `postée`, `paru`, `parue`, `posted`, `published`, `publication`, `first published`,
	}},
	{dateUpdated, []string{
		`mis à jour`, `mise à jour`, `màj`, `maj`, `modifié`, `modifiée`, `actualisé`, `actualisée`,
		`dernière modification`, `updated`, `last updated`, `last modified`, `modified`, `révisé`, `révisée`,
	}},
	{dateCopy, []string{
		`imprimé`, `imprimée`, `printed`, `consulté`, `consultée`, `accessed`, `affichée`, `affiché`,
		`appeared`, `capturé`, `capturée`, `captured`, `archivé`, `archivée`, `archived`, `téléchargé`,
		`téléchargée`, `downloaded`, `généré`, `générée`, `generated`, `extrait`, `récupéré`, `récupérée`,
		`retrieved`, `saved`, `saved date`, `fetched`, `scraped`, `crawled`, `snapshot`, `instantané`,
		`date de capture`, `date d['’]impression`, `date de consultation`,
	}},
	{dateData, []string{
		`bilan au`, `situation au`, `arrêté au`, `arrêtée au`, `arrêtés au`, `arrêtées au`, `chiffres au`,
		`données au`, `à la date du`, `jusqu['’]au`, `jusqu['’]à`, `à fin`, `fin`, `au`, `aux`,
		`depuis`, `à partir du`, `à compter du`, `avant`, `après`, `dès`, `d['’]ici`, `d['’]ici au`,
		`entre`, `au titre du`, `as of`, `as at`, `until`, `since`,
	}},
}

// labelFill is what may stand between a label and its date.
const labelFill = `\s*:?\s*(?:(?:le|la|du|des|on|at|en\s+date\s+du)\s+)?(?:` + weekday + `,?\s+)?$`

// labelRe is dateLabels compiled into one expression, a group a kind,
// matched against the end of the text before a date (one pass, not one a
// kind: it runs on every date of every byline).
var labelRe = compileLabels()

func compileLabels() *regexp.Regexp {
	groups := make([]string, 0, len(dateLabels))
	for _, l := range dateLabels {
		groups = append(groups, `(`+strings.Join(l.labels, "|")+`)`)
	}
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + strings.Join(groups, "|") + `)` + labelFill)
}

// labelWindow bounds how far before a date its label is looked for.
const labelWindow = 48

// kindBefore is the kind of a date that starts at byte at of s.
func kindBefore(s string, at int) dateKind {
	from := max(0, at-labelWindow)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from++
	}
	m := labelRe.FindStringSubmatchIndex(s[from:at])
	if m == nil {
		return datePlain
	}
	for i, l := range dateLabels {
		if m[2+2*i] >= 0 {
			return l.kind
		}
	}
	return datePlain
}

// labelledDate is one date found in a text, with its offset and kind.
type labelledDate struct {
	date string
	at   int
	kind dateKind
}

// labelledDates are the full dates written in s, in order, each with the
// kind its label gives it.
func labelledDates(s string) []labelledDate {
	var out []labelledDate
	last := -1
	for _, y := range yearPositions(s) {
		from := max(0, y-48, last+1)
		for from > 0 && from < len(s) && !utf8.RuneStart(s[from]) {
			from++
		}
		if from >= y+4 {
			continue
		}
		d, at := windowDate(s[from : y+4])
		if d == "" {
			continue
		}
		at += from
		out = append(out, labelledDate{d, at, kindBefore(s, at)})
		last = y + 3
	}
	return out
}

// articleDate chooses the date a short text (a byline block, a page's
// date element) gives the article: the first labelled as the publication,
// else the first with no label. The first date labelled as an update is
// returned apart, a last resort when nothing else dates the page.
func articleDate(s string) (date, updated string) {
	for _, d := range labelledDates(s) {
		switch d.kind {
		case datePublished:
			return d.date, updated
		case datePlain:
			if date == "" {
				date = d.date
			}
		case dateUpdated:
			if updated == "" {
				updated = d.date
			}
		}
	}
	return date, updated
}
