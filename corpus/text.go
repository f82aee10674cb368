package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faits/faits/table"
)

// wordEnd ends a furniture phrase: the phrase must not be the start of a
// longer word ("Les plus lucides…"), which \b cannot say for accented
// letters.
const wordEnd = `(?:[^\p{L}\p{N}].*)?`

// textMeta is what a text dump says about itself outside its body.
type textMeta struct {
	title, site, author string
	published, from     string
	// captured is when the scraper saved the page (capture.go); url the
	// page's address a header gave; updated a "Mis à jour le" date, the
	// last resort.
	captured captureStamp
	url      string
	updated  string
	// archived: the stamp is a cache's or an archive's snapshot, which
	// may be years after the article, not a scraper's save.
	archived bool
}

var (
	// headerDateLine is a scraper's "date VALUE" header at the top of a dump,
	// possibly followed on the same line by the body (" date 2025-09-17 La
	// sécurité sociale…").
	headerDateLine = regexp.MustCompile(`(?i)^\s*(?:date|published|publié le|date de publication)\s*:?\s+(\d{4}-\d{2}(?:-\d{2})?(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+|$)(.*)$`)
	// headerKV is a "Key: value" header line.
	// An e-mail's header (a newsletter saved as text) is one too: "De :",
	// "À :", "Objet :", and its date under "Date :" or "Envoyé :".
	headerKV = regexp.MustCompile(`(?i)^\s*(title|titre|source|site|url|author|auteur|date|envoyé|sent|de|from|à|to|cc|objet|subject)\s*:\s*(.+?)\s*$`)

	// metaHeader is a scraper's copy of the page's machine metadata:
	// "datePublished: 2025-03-12T10:00:00+01:00", "article:published_time
	// = …", "dateModified: …" (the modified date is only a last resort).
	metaHeader = regexp.MustCompile(`(?i)^\s*"?((?:og:|article:)?(?:date_?published|published_?(?:time|at|date|on)|pub_?date|publish_?date|publication_?date|date_?created|created_?at|date_?modified|modified_?(?:time|at)|updated_?(?:time|at)))"?\s*[:=]\s*"?([^"]{6,40}?)"?,?\s*$`)

	// publishedIn is the "Publié dans / Hespress / le 17 - 02 - 2025"
	// block of press aggregators, once its lines are joined.
	publishedIn = regexp.MustCompile(`(?i)^publi[ée]e?\s+dans\s+(.{1,60}?)\s+le\s+(.+)$`)

	// furniture are whole blocks that are page furniture, never article
	// text, in French and English dumps.
	furniture = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		// Phrases that open a furniture block, whatever follows them.
		`(?:(?:à |a )?lire (?:aussi|également|egalement|la suite)|` + otherMedia + `|dans ce numéro|au sommaire(?: de ce numéro)?|in this issue|voir aussi|sur le même sujet|dans la même rubrique|articles? similaires?|les plus lus?|cliquez\s+ici|signaler (?:une annonce|un abus|un contenu)|merci d['’]avoir signalé|cette image sera automatiquement bloquée|abonnez-vous|inscrivez-vous|newsletter|subscribe|tags?\s*:|mots[- ]clés\s*:|permalien|permalink|(?:image|photo) (?:illustrative|d['’]illustration)|(?:(?:plus d['’]|d['’]autres )?articles|(?:audios? et )?vidéos|contenus?) sur (?:le|ce) (?:même )?sujet)` + wordEnd,
		// The same in the other languages scraped pages come in.
		`(?:read (?:more|also)|see also|related(?: articles?| stories)?\s*:|lea (?:también|más)|lee también|le puede interesar|mira\s*:|czytaj (?:też|także|więcej)|leggi anche|lesen sie auch|mehr zum thema|leia também|veja também)` + wordEnd,
		// Credits and captions.
		`©.*`,
		`\(?(?:crédits?|credits?)\s*(?:photos?)?\s*:.*`,
		`(?:photo|image|illustration)\s*(?:d['’]illustration)?\s*[:©].*`,
		// Whole blocks that are a share or print prompt, a label, a button.
		`(?:partager|partagez|share|tweet|imprimer|print|e-?mail|commenter|réagir|j['’]aime)(?:\s+(?:sur|on|via|par|cet article|this(?: article| story)?|l['’]article)(?:\s+\S+){0,2})?\s*:?`,
		`(?:publicité|advertisement|sponsorisé|beitragsbild|wird geladen|loading|chargement)\s*[.…]*`,
		// A reading time on its own line: "Temps de lecture : 4 min",
		// "Lecture : 7 mn".
		`(?:temps\s+de\s+)?lecture\s*:?\s*\d{1,3}\s*(?:min(?:utes?)?|mn)`,
		// A market ticker under the masthead: "Bourse : MASI 18 241,55
		// (+0,62%)", "MASI 17.842,6 (+0,4%) MADEX … EUR/MAD 10,71".
		`(?:bourse(?:\s+de\s+casablanca)?\s*[:—–-]?\s*)?(?:masi|madex|msi\s*20|eur\s*/\s*mad|usd\s*/\s*mad)\b.{0,160}`,
		`(?:ok|f|t|in|x)`,
		`(?:facebook|twitter|linkedin|whatsapp|telegram|instagram|youtube|tiktok|messenger|pinterest|reddit|threads|google\+?)`,
		// A share bar with its counts: "Partager : Facebook 2,3k | X |
		// WhatsApp", "Partager : 214 Tweeter LinkedIn".
		`(?:partager|partagez|share)\s*:?\s*(?:[\d.,]+\s*[km]?\s*[|·•]?\s*)?(?:(?:facebook|twitter|tweeter|x|linkedin|whatsapp|telegram|e-?mail|messenger)(?:\s+[\d.,]+\s*[km]?)?\s*[|·•]?\s*)+`,
		// The same bar drawn with its icons' letters and its count:
		// "Partager : f in X ✉ (73)".
		`(?:partager|partagez|share)\s*:?(?:\s*(?:[ftxg]|in|g\+|✉|📧|🔗|\([\d.,]+\)|[\d.,]+)(?:\s*[|·•])?)+`,
		// A line of the page's counters: "Commentaires (3) | Partagé 64
		// fois", "12 commentaires · Lu 1.204 fois"; a view counter alone,
		// labelled ("Vues : 1 204"), whose figure would read as a count.
		counterPiece + `(?:\s*[|·•]\s*` + counterPiece + `)+`,
		viewCounter,
		// A document-sharing site's listing: a document's title, then
		// two counters or more ("Bilan 2024 (PDF) · 12 pages · 3 412
		// vues").
		`(?:[•·-]\s*)?[^|·•]{1,200}(?:\s*[|·•]\s*` + counterPiece + `){2,}`,
	}, "|") + `)$`)
	// Two more kinds of furniture open on any text: their patterns, kept
	// apart from furniture's, run only on the blocks that end or hold what
	// they need (as one alternation, any block's every byte began a run of
	// .{0,200} in Go's regexp).
	//
	// furnitureTagged is another article's headline tagged with its outlet
	// and age: "IPE : 74.800 salariés indemnisés (Médias24 - il y a 5
	// heures)".
	furnitureTagged = regexp.MustCompile(`(?i)^.{0,200}\((?:[^()]{1,40}\s[-–—]\s)?(?:hier|avant-hier|aujourd['’]hui|il y a \d+ (?:min(?:utes?)?|h|heures?|jours?))\)$`)
	// furnitureForum is a forum post's signature line: "abdou75 | Membre |
	// Messages : 3".
	furnitureForum = regexp.MustCompile(`(?i)^(?:.{0,80}\|\s*)?(?:messages|posts|réponses|membre depuis|inscrit le)\s*:\s*[\d .]+$`)

	// endMarkers end the article: what follows them in a dump is the site's
	// tail (related lists, ads, comments).
	endMarkers = regexp.MustCompile(`(?i)^(?:cliquez\s+ici\s+pour\s+lire\s+l['’]article|signaler une annonce|(?:\d+\s+)?commentaires?(?:\s*\(\d+\))?\s*:?$|laisser un commentaire|ajouter un commentaire|vos réactions|réagissez à cet article)`)

	// seeAlso heads a list of other articles' headlines, mid-article or at
	// its end; the headlines under it go with it.
	seeAlso = regexp.MustCompile(`(?i)^(?:(?:à |a )?lire (?:aussi|également|egalement)|` + otherMedia + `|voir aussi|sur le même sujet|dans la même rubrique|articles? similaires?|les plus lus?|read (?:more|also)|see also|related(?: articles?| stories)?)\s*:?$`)

	// tweetSignature is the tail of an embedded tweet:
	// "— Agence MAP (@MAP_Information) September 16, 2025".
	tweetSignature = regexp.MustCompile(`[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*\p{L}+\.?\s+\d{1,2},\s+\d{4}`)

	// signature is an agency credit closing a dispatch: "LNT avec CdP",
	// "(MAP)", "avec AFP".
	signature = regexp.MustCompile(`^\(?(?:avec\s+)?([A-Z][A-Za-z0-9&]{1,9})(?:\s*(?:avec|et|/|-)\s*[A-Z][A-Za-z0-9&]{1,9})*\)?$`)
)

// otherMedia heads a radio or TV site's list of its other programmes, as
// "Lire aussi" heads a list of articles: "À écouter aussi", "À revoir".
const otherMedia = `(?:à |a )?(?:écouter|ecouter|réécouter|reecouter|regarder|revoir|découvrir|decouvrir) (?:aussi|également|egalement)`

// counterPiece is one of a page's counters: "Commentaires (3)", "12
// commentaires", "Partagé 64 fois", "Lu 1.204 fois", "Vues : 1 204", a
// shared document's "12 pages" and "0 évaluation".
const counterPiece = `(?:(?:commentaires?|réactions?|comments?)\s*\(\d+\)|\d[\d.,  ]*\s*(?:commentaires?|réactions?|comments?|vues|views|partages?|shares?|pages|évaluations?|téléchargements?|downloads?)|(?:partagé|lu|vu|consulté)\s+[\d.,  ]+\s+fois|` + viewCounter + `)`

// viewCounter is a page's count of views or readings, labelled before it:
// "Vues : 1 204", "Lectures : 3.506", "Views: 980".
const viewCounter = `(?:vues|lectures|consultations|views|visites)\s*:\s*\d[\d.,  ]*`

// breakingWords may not end a sentence, so a line that ends with one was
// broken by the dump in the middle of a sentence.
var breakingWords = map[string]bool{
	"à": true, "de": true, "du": true, "des": true, "le": true, "la": true, "les": true,
	"en": true, "au": true, "aux": true, "et": true, "ou": true, "pour": true, "par": true, "sur": true,
	"dans": true, "un": true, "une": true, "avec": true, "chez": true, "vers": true, "entre": true,
	"que": true, "qui": true, "dont": true, "son": true, "sa": true, "ses": true, "leur": true, "leurs": true,
	"ce": true, "cette": true, "ces": true, "depuis": true, "sans": true, "sous": true, "selon": true,
	"the": true, "of": true, "to": true, "in": true, "and": true, "for": true, "with": true,
}

// stripText cleans a text dump: header lines become metadata, lines broken
// inside a sentence are rejoined, furniture, embedded tweets and runs of
// short unpunctuated lines (menus, headline lists) are dropped.
func stripText(s string) ([]string, textMeta) {
	var meta textMeta
	lines := splitLines(s)
	lines = readHeader(lines, &meta)
	readExport(lines, &meta)
	blocks := spacedTables(joinBroken(lines))
	front := frontDate(blocks)
	blocks = readPublishedIn(blocks, &meta)
	blocks = readBylines(blocks, &meta)
	blocks = cutAtEnd(blocks)
	blocks = dropFurniture(blocks)
	blocks = dropShortRuns(blocks, &meta)
	closing := closingDate(blocks)
	blocks = dropTail(blocks, &meta)
	if meta.published == "" && front.date != "" {
		// The dated line no reader knew is the byline: the headline
		// stands above it, and the line itself is no article text.
		if meta.title == "" {
			meta.title = front.title
		}
		if i := slices.Index(blocks, front.line); i >= 0 {
			blocks = slices.Delete(blocks, i, i+1)
		}
	}
	// A dump often opens with the headline on a line of its own: it titles
	// the document, and the dispatch's first sentence is the next block.
	// A section's kicker ("Société", "Économie") may stand above it.
	lead := blocks
	k := 0
	for k < 2 && k+2 < len(blocks) && sectionLabel(blocks[k]) {
		k++
	}
	if len(blocks) > k+1 && titleLike(blocks[k]) {
		if meta.title == "" {
			meta.title = headlineText(blocks[k])
		}
		if d, _ := firstSentenceDate(blocks[k]); d == "" {
			lead = blocks[k+1:]
		}
	}
	if meta.published == "" && len(lead) > 0 {
		meta.published, meta.from = firstSentenceDate(lead[0])
	}
	// The weaker sources, best first: a wire's yearless dateline dated by
	// the capture stamp, a communiqué's closing place and date, the date
	// in the page's address, an update's date, and last the day the
	// scraper saved the page: a page is published on or before it, most
	// often in its month, which dates the figures better than no date at
	// all (a cache's or an archive's snapshot may be years later).
	captured := ""
	if meta.captured.known() && !meta.archived {
		captured = meta.captured.t.Format("2006-01-02")
	}
	for _, s := range []struct{ date, from string }{
		{datelineFrom(lead, meta.captured), "dateline"},
		{closing, "closing"},
		{urlDateOf(meta.url), "url"},
		{front.date, "front"},
		{meta.updated, "updated"},
		{captured, "captured"},
	} {
		if meta.published == "" && s.date != "" {
			meta.published, meta.from = s.date, s.from
		}
	}
	return blocks, meta
}

// frontDate is the last resort for a dump whose dated line no reader
// knows ("Rédigé par SITE avec MAP le Mercredi 28 Octobre 2026 à 12:07 |
// Lu 1874 fois"): the full date of the first short block above the first
// paragraph that bears a dated line's marks (a time of day, a weekday, a
// separator, or an opening "Le", "Par", "Publié", an issue's "Édition
// N°"), that line, and the headline right above it, if it reads as one. A
// headline that names a day ("Aide directe : le versement du 28 février
// avancé") bears none of the marks; one that names it with its weekday
// does, and gives way to the dated line of that day right under it.
func frontDate(blocks []string) frontLine {
	for i, b := range blocks {
		if i >= maxFrontBlocks || isProse(b) {
			break
		}
		if utf8.RuneCountInString(b) > maxFrontLine || !frontMarks.MatchString(b) {
			continue
		}
		if d, _ := textDate(b); len(d) == 10 {
			// A headline may name the day of its programme ("La Matinale
			// du jeudi 20 mars 2025 : …") right above the dated line
			// ("Podcast | 20/03/2025 | 08h10"): the line under it is the
			// byline, and it the headline.
			if i+1 < len(blocks) && headlineLine(b) && !dateOnly.MatchString(asciiDigits(b)) && utf8.RuneCountInString(blocks[i+1]) <= maxFrontLine && frontMarks.MatchString(blocks[i+1]) {
				if d2, _ := textDate(blocks[i+1]); d2 == d {
					return frontLine{date: d, line: blocks[i+1], title: headlineText(b)}
				}
			}
			f := frontLine{date: d, line: b}
			if i > 0 && headlineLine(blocks[i-1]) && !isFurniture(blocks[i-1]) {
				f.title = headlineText(blocks[i-1])
			}
			return f
		}
	}
	return frontLine{}
}

// frontLine is what frontDate finds: a date, the line that holds it, and
// the headline above that line ("" when none reads as one).
type frontLine struct {
	date, line, title string
}

// maxFrontBlocks and maxFrontLine bound where frontDate looks: the page's
// top, in blocks, and a dated line's length, in runes.
const (
	maxFrontBlocks = 30
	maxFrontLine   = 120
)

// frontMarks are the marks of a dated line.
var frontMarks = regexp.MustCompile(`(?i)\b\d{1,2}\s*[h:]\s*\d{2}\b|\||\s[·•]\s|\b` + weekday + `(?:\s|,)|^\s*(?:le|par|publié|publiée|rédigé|rédigée|mis en ligne|mise en ligne|posté|écrit)\b|^\s*(?:édition|edition|n°|numéro)\b`)

// titleLike tells a headline line from a paragraph: one short line that
// starts with a capital or a digit and ends without the punctuation that
// closes or continues a sentence ("AMO Achamil : le régime cherche encore
// son public", "Que change la réforme ?" are titles; "Les chiffres sont les
// suivants :" is not).
func titleLike(b string) bool {
	if strings.Contains(b, "\n") || len(b) > 240 || strings.Count(b, " | ") >= 2 {
		return false // (a menu: "Nation | Economie | Société")
	}
	if tocLine.MatchString(b) {
		return false // (a report's contents: "1. Présentation ........ 213")
	}
	// A headline may open on a quotation: «Aucun …»: le ministre …
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(b, "«\"“ \u00a0"))
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(b)
	if strings.ContainsRune(".,;:…", last) {
		return false
	}
	words := strings.Fields(b)
	n := len(words)
	if n >= 4 && !strings.ContainsAny(b, ":?!«\"") && allCapitalised(words) {
		return false // (a menu: "Actualité Politique Économie Société Monde")
	}
	if furnished(b) {
		return false // ("Temps de lecture : 6 min | Télécharger le PDF")
	}
	return n >= 2 && n <= 30
}

// allCapitalised reports whether every word is capitalised and not in
// capitals ("Politique", not "POLITIQUE"): a menu's entries, where a
// French headline has lowercase words and one in capitals is a headline
// still ("RSU : LA BARRE DES CINQ MILLIONS").
func allCapitalised(words []string) bool {
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ToUpper(w[size:]) == w[size:] {
			return false
		}
	}
	return true
}

// splitLines returns the lines with whitespace collapsed and their tables
// written as package table writes them (tables.go); a blank line is kept as
// "" because it is a paragraph boundary.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := alignedRows(tabRows(leaderRows(srtCues(unquote(unbox(strings.Split(s, "\n")))))))
	out := make([]string, 0, len(raw))
	for _, l := range raw {
		out = append(out, collapseSpace(l))
	}
	return barRows(pipeRows(out))
}

// readHeader consumes the "key value" lines a scraper wrote at the top.
func readHeader(lines []string, meta *textMeta) []string {
	for i := 0; i < len(lines) && i < 8; i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if wrapperHeader(l, meta) {
			lines[i] = ""
			continue
		}
		if m := metaHeader.FindStringSubmatch(l); m != nil {
			if d := headerDate(m[2]); d != "" {
				lines[i] = ""
				if strings.Contains(strings.ToLower(m[1]), "modif") || strings.Contains(strings.ToLower(m[1]), "updated") {
					if meta.updated == "" {
						meta.updated = d
					}
				} else if meta.published == "" || meta.from != "header" {
					meta.published, meta.from = d, "header"
				}
				continue
			}
		}
		if m := headerDateLine.FindStringSubmatch(l); m != nil {
			if d := headerDate(m[1]); d != "" {
				meta.published, meta.from = d, "header"
				lines[i] = strings.TrimSpace(m[2])
				if lines[i] != "" {
					return lines[i:]
				}
				continue
			}
		}
		if m := headerKVOf(l); m != nil {
			switch strings.ToLower(m[1]) {
			case "title", "titre":
				meta.title = m[2]
			case "objet", "subject":
				if meta.title == "" {
					meta.title = subjectTitle(m[2])
				}
			case "source", "site":
				meta.site = m[2]
				if strings.HasPrefix(m[2], "http") && meta.url == "" {
					meta.url = m[2]
				}
			case "url":
				meta.url = m[2]
			case "author", "auteur":
				meta.author = m[2]
			case "date", "envoyé", "sent":
				if d := headerDate(m[2]); d != "" {
					meta.published, meta.from = d, "header"
				} else {
					return lines[i:]
				}
			}
			lines[i] = ""
			continue
		}
		return lines[i:]
	}
	return lines
}

// headerKVOf is headerKV.FindStringSubmatch(l), asked only of a line with
// the colon every match has (not of an article's first paragraph).
func headerKVOf(l string) []string {
	if !strings.Contains(l, ":") {
		return nil
	}
	return headerKV.FindStringSubmatch(l)
}

// joinBroken turns lines into blocks: a blank line or a new line starts a
// block unless the line break is clearly inside a sentence ("à\nRabat\n, la
// 9e édition").
func joinBroken(lines []string) []string {
	var blocks []string
	prevBlank := true
	for _, l := range lines {
		if l == "" || ruleLine(l) {
			// A rule drawn across the page ("————", "* * *") parts
			// blocks as a blank line does: the heading it frames is a
			// block of its own, not a run of three short ones.
			prevBlank = true
			continue
		}
		if !prevBlank && len(blocks) > 0 && brokenInside(blocks[len(blocks)-1], l) {
			last := blocks[len(blocks)-1]
			if h, ok := hyphenated(last, l); ok {
				// "1,5 mil-" / "lion de pensions": a word a PDF dump cut.
				blocks[len(blocks)-1] = h + l
			} else if strings.HasSuffix(last, "'") || strings.HasSuffix(last, "’") || startsWithCloser(l) {
				blocks[len(blocks)-1] = last + l
			} else {
				blocks[len(blocks)-1] = last + " " + l
			}
		} else {
			blocks = append(blocks, l)
		}
		prevBlank = false
	}
	return blocks
}

// ruleLine reports whether l is a rule drawn with dashes, underscores,
// equals signs, stars or box-drawing strokes: three of them at least and
// nothing else but spaces.
func ruleLine(l string) bool {
	n := 0
	for _, r := range l {
		switch {
		case r == ' ':
		case strings.ContainsRune("-—–_=*~#─━═", r):
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// hyphenated reports whether line prev ends with a word cut by a hyphen
// that next completes ("mil-" then "lion"), and returns prev without that
// hyphen; a compound's prefix keeps it ("non-" then "salariés").
func hyphenated(prev, next string) (string, bool) {
	head, ok := strings.CutSuffix(prev, "-")
	if !ok || head == "" {
		return "", false
	}
	r, _ := utf8.DecodeLastRuneInString(head)
	n, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(r) || !unicode.IsLower(n) {
		return "", false
	}
	if compoundPrefixes[strings.ToLower(lastWord(head))] {
		return prev, true
	}
	return head, true
}

// compoundPrefixes are the words a hyphen joins to the next in French
// compounds ("non-salariés", "socio-économique"), whose hyphen a line
// break keeps.
var compoundPrefixes = map[string]bool{
	"non": true, "anti": true, "ex": true, "sous": true, "semi": true, "post": true, "pré": true, "pre": true,
	"auto": true, "co": true, "demi": true, "mi": true, "néo": true, "multi": true, "inter": true, "extra": true,
	"socio": true, "médico": true, "medico": true, "bien": true, "après": true, "avant": true, "arrière": true,
	"vice": true, "contre": true, "sans": true, "quasi": true, "ultra": true, "intra": true, "franco": true,
	"arabo": true, "euro": true, "maroco": true, "grand": true, "petit": true, "haut": true, "nord": true, "sud": true,
}

func startsWithCloser(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return strings.ContainsRune(",;.)]»:!?…%", r)
}

func brokenInside(prev, next string) bool {
	if endsSentence(prev) || isRow(prev, next) {
		return false
	}
	// A byline's date under the headline ("mardi 3 juin 2025 à 10:12
	// GMT") starts with a lowercase weekday but is a line of its own.
	if len(next) <= 60 && dateOnly.MatchString(next) && !strings.HasSuffix(prev, ",") && !breakingWords[strings.ToLower(lastWord(prev))] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if startsWithCloser(next) || unicode.IsLower(r) {
		return true
	}
	if strings.HasSuffix(prev, "'") || strings.HasSuffix(prev, "’") {
		return true
	}
	// Only a long line (a sentence, not a headline) may continue on the next
	// line after a word that cannot end it.
	if breakingWords[strings.ToLower(lastWord(prev))] && utf8.RuneCountInString(prev) >= 40 {
		return true
	}
	// A line of a wrapped page ("… couvre 4 millions de ménages,
	// comprenant" / "5,7 millions d'enfants …") goes on with a figure after
	// any word: a headline is shorter, a list's lead ends with a colon.
	last, _ := utf8.DecodeLastRuneInString(prev)
	return unicode.IsDigit(r) && (unicode.IsLower(last) || last == ',') && utf8.RuneCountInString(prev) >= minWrapped && !strings.Contains(prev, "|")
}

// minWrapped is the shortest line, in runes, read as a wrapped line of a
// paragraph laid out at a fixed width (a PDF's text, a plain-text mail).
const minWrapped = 70

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func endsSentence(l string) bool {
	l = strings.TrimRight(l, " ")
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?…:;»\"”)", r)
}

// lowerHasPrefix is strings.HasPrefix(strings.ToLower(s), prefix) for a
// prefix in ASCII lower case, without lowering all of s.
func lowerHasPrefix(s, prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 || unicode.ToLower(r) != rune(prefix[i]) {
			return false
		}
		s = s[size:]
	}
	return true
}

// readPublishedIn reads an aggregator's "TITLE / AUTHOR / Publié dans / SITE
// / le DATE" block and drops it together with everything above the title,
// which is the page's navigation.
func readPublishedIn(blocks []string, meta *textMeta) []string {
	for i := range blocks {
		if !lowerHasPrefix(blocks[i], "publi") {
			continue
		}
		// The block may be split over up to three lines.
		for n := 1; n <= 3 && i+n <= len(blocks); n++ {
			joined := strings.Join(blocks[i:i+n], " ")
			m := publishedIn.FindStringSubmatch(joined)
			if m == nil {
				continue
			}
			d := anyDate(m[2])
			if d == "" {
				continue
			}
			if meta.published == "" || meta.from != "header" {
				meta.published, meta.from = d, "byline"
			}
			if meta.site == "" {
				meta.site = strings.TrimSpace(m[1])
			}
			start := i
			if i >= 1 && looksLikeName(blocks[i-1]) {
				if meta.author == "" {
					meta.author = blocks[i-1]
				}
				start = i - 1
			}
			if start >= 1 && isHeadline(blocks[start-1]) {
				if meta.title == "" {
					meta.title = blocks[start-1]
				}
				// The title heads the body.
				return append([]string{blocks[start-1]}, blocks[i+n:]...)
			}
			return blocks[i+n:]
		}
	}
	return blocks
}

// dateOnlyPattern is a date and its filler: "le", a weekday, a time.
const dateOnlyPattern = `(?i)^(?:le\s+|du\s+)?(?:` + weekday + `,?\s+)?(?:[0-9]{1,4}(?:er)?[\s/.-]*(?:\p{L}+\.?)?[\s/.,-]*[0-9]{1,4}(?:\s*[/.-]\s*[0-9]{2,4})?|\p{L}{3,9}\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4})(?:\s*(?:à|-|,|\|)?\s*[0-9]{1,2}\s*[h:]\s*[0-9]{2}(?:\s*min)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC)(?:\s*[+-]\s*[0-9]{1,2})?)?)?`

var (
	// publishedLine is a dump's "Publié le 17/02/2025 à 10h23" line.
	// A forum's "Posté le …" and a magazine's "Paru le …" say the same.
	// A print version's "Article publié le …" says the same.
	// A bare "Date :" under the headline says the same (with its colon:
	// "Date limite de dépôt …" is no byline).
	publishedLine = regexp.MustCompile(`(?i)^(?:(?:(?:article|cet article a été|date de|émission|emission|transcription|podcast|épisode|episode|vidéo|video|reportage|chronique|communiqué|communique)\s+)?(?:publié|publiée|publication|mis en ligne|mise en ligne|posted|published|posté|postée|paru|parue|diffusé|diffusée)(?:\s+(?:le|on))?\s*:?|date\s*:|billet\s+de\s+blog\s*:?)\s*(.{6,60})$`)
	// copyLine dates the copy, not the article: a print version's
	// "Imprimé le …", a saved page's "Consulté le …". Dropped, never read.
	copyLine = regexp.MustCompile(`(?i)^(?:imprimé|imprimée|printed|consulté|consultée|accessed|téléchargé|téléchargée|downloaded|généré|générée|generated)(?:\s+(?:le|on))?\s*:?\s*.{6,60}$`)
	// updatedLine is its "Mis à jour le …" sibling, dropped but not used:
	// the publication date is the one that dates the figures.
	updatedLine = regexp.MustCompile(`(?i)^(?:(?:dernière\s+)?(?:mis|mise)\s+à\s+jour|màj|modifié|modifiée|actualisé|actualisée|updated|last updated|last modified)(?:\s+(?:le|on))?\s*:?\s*.{6,60}$`)
	// dateOnly is a line made of a date and its filler: "le", a weekday, a
	// time, separators.
	// An English byline puts the month first: "Mar 12, 2025".
	dateOnly = regexp.MustCompile(dateOnlyPattern + `\s*$`)
	// datePrefix is such a date at the start of a longer line.
	datePrefix = regexp.MustCompile(dateOnlyPattern + `(?:$|[\s,|·–—-])`)
	// byLine is "Par Zaina Jnina" or "Par Zaina Jnina - Hespress".
	// The tail may hold the date: "Par Hayat Kamal - Le 14/01/2026 à 11h05",
	// "Par Hayat Kamal le 14/01/2026 à 11h05" (no separator before a
	// lowercase "le" and a digit).
	// "Rédigé par NAME le Mardi 19 Mai 2026" is the same byline, and so is
	// one that names two authors ("Par NAME et NAME"), and so is a
	// document-sharing site's "Transféré par NAME le 16 févr. 2026" (the
	// day the document was put online).
	byLine = regexp.MustCompile(`^(?:Par|By|(?:Rédigé|Rédigée|Écrit|Écrite|Ecrit|Ecrite|Posté|Postée|Publié|Publiée|Signé|Signée|Transféré|Transférée|Téléversé|Téléversée|Partagé|Partagée|Ajouté|Ajoutée)\s+par|(?:Written|Posted|Published|Uploaded|Shared)\s+by)\s+((?:` + newsroom + `|\p{Lu}[\p{L}\p{N}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})(?:\s+(?:et|and|&)\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})?)(?:\s*\([^()]{1,30}\))?(?:\s*[-–—|,]\s*(.{0,80})|\s+(le\s+(?:(?i:` + weekday + `)\s+)?[0-9].{0,36}))?$`)
	// slashYMD is a year-first date in a byline's tail: "Edition N°512 du
	// 2024/02/22".
	slashYMD = regexp.MustCompile(`\b((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})\b`)
)

// bylineTailDate reads the date of a byline's tail.
func bylineTailDate(tail string) string {
	if d := anyDate(tail); d != "" {
		return d
	}
	if m := slashYMD.FindStringSubmatch(tail); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	return ""
}

// piecesPublished is the publication date of a byline of pieces joined by
// " | ", read from its first piece that publishedLine reads, or "".
func piecesPublished(b string, captured captureStamp) string {
	sep := ""
	// (A spaced dash parts the pieces too: "Publié le jeudi 19 février
	// 2026 à 08:30 — Lettre n° 412 — Temps de lecture : 5 min".)
	for _, s := range []string{" | ", " · ", " • ", " — ", " – "} {
		if strings.Contains(b, s) {
			sep = s
			break
		}
	}
	if sep == "" {
		return ""
	}
	// ("Avril 2026 (version révisée : juin 2026) · 38 pages · Mis en
	// ligne le 11 juin 2026": a working paper's line of pieces.)
	pieces := strings.Split(b, sep)
	// "Émission diffusée le 8 juillet … | Transcription publiée le 9
	// juillet": the page's own publication first.
	for _, published := range []bool{true, false} {
		for _, p := range pieces {
			p = strings.TrimSpace(p)
			if published && !strings.Contains(strings.ToLower(p), "publi") {
				continue
			}
			if m := publishedLine.FindStringSubmatch(p); m != nil {
				if d := labelledLineDate(m[1], captured); d != "" {
					return d
				}
			}
		}
	}
	// "Rue20 FR | 04/09/2025 - 09:14 | Mis à jour le …": a piece that is
	// a day and its time, and nothing else, says when too.
	if len(pieces) <= 4 {
		for _, p := range pieces {
			if p = strings.TrimSpace(p); bareDateTime.MatchString(p) {
				if d := labelledLineDate(p, captured); d != "" {
					return d
				}
			}
		}
		// "Par NAME | 12 nov. | 7 min de lecture": a day and a month
		// alone beside a byline, a blog's date in the year the page was
		// saved (not a thread's "NAME @handle · 5 nov.", a reply).
		if captured.known() && piecesAuthor(b) != "" {
			for _, p := range pieces {
				if m := bareDayMonth.FindStringSubmatch(strings.TrimSpace(p)); m != nil {
					if d := withCaptureYear(m[1], m[2], captured); d != "" {
						return d
					}
				}
			}
		}
	}
	return ""
}

// bareDayMonth is a byline piece that is a day and its month, no year:
// "12 nov.", "3 mars".
var bareDayMonth = regexp.MustCompile(`^(\d{1,2})(?:er)?\s+((?i:` + monthAlt + `))\.?$`)

// piecesAuthor is the author a line of pieces names ("Par NAME · il y a
// 8 jours · Lecture : 9 min"), or "".
func piecesAuthor(b string) string {
	for _, sep := range []string{" | ", " · ", " • "} {
		if !strings.Contains(b, sep) {
			continue
		}
		for _, p := range strings.Split(b, sep) {
			if m := byLine.FindStringSubmatch(strings.TrimSpace(p)); m != nil {
				return personName(m[1])
			}
		}
	}
	return ""
}

// bareDateTime is a byline piece that is a day with its time:
// "04/09/2025 - 09:14", "04/09/2025 à 09h14", "15 juillet 2026 - 17:20".
var bareDateTime = regexp.MustCompile(`^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{4})\s*(-|à|,)?\s*\d{1,2}[:h]\d{2}$`)

// tocLine is a line of a table of contents: dot leaders, a page number.
var tocLine = regexp.MustCompile(`(?:\.\s?){5,}\s*\d{1,4}$`)

// issueLine is a paper's issue line: "Edition N°:6961 Le 19/02/2025".
var issueLine = regexp.MustCompile(`(?i)^\s*(?:édition|edition|n°|numéro)\b.*\d`)

// interviewDek is the line under an interview's headline: "Entretien
// avec le directeur général de …".
var interviewDek = regexp.MustCompile(`(?i)^(?:entretien|interview|rencontre)\s+(?:avec|de|du|d['’])`)

// timeOfDay is a time in a dated line: "10h15", "07:58".
var timeOfDay = regexp.MustCompile(`\b\d{1,2}\s*[h:]\s*\d{2}\b`)

// bylineLabel is a byline's label alone on its line, its date on the
// next: "Publié", "Mis en ligne le", "Date :".
var bylineLabel = regexp.MustCompile(`(?i)^(?:publié|publiée|publié le|publiée le|mis en ligne|mise en ligne|mis en ligne le|mise en ligne le|posté|posté le|date|date de publication)\s*:?$`)

// readBylines reads and drops the byline lines near the top of a dump:
// "Par NAME" and "Publié le DATE" (with its "Mis à jour le" twin).
func readBylines(blocks []string, meta *textMeta) []string {
	out := blocks[:0]
	// masthead is set when the title was read above a date alone on its
	// line with no time of day ("Jeudi 14 Mai 2026" under the paper's
	// motto or menu): the byline under the headline, if the front matter
	// has one, places the headline better.
	masthead := false
	// The front matter ends with the first paragraphs: a dated line under
	// the standfirst is still a byline, one under the second paragraph is
	// article text (a chronology's "12 mars 2024 - Lancement du registre").
	prose, cover := 0, ""
	// The headline stands right above the byline, under the site's name
	// and section when the dump kept them ("La Vie Eco / Cour des comptes :
	// … / Par Nadia Lamlili / Publié le 25 mars 2025").
	titleAbove := func() {
		if masthead && prose == 0 {
			old := meta.title
			meta.title, masthead = "", false
			defer func() {
				if meta.title == "" {
					meta.title = old
				}
			}()
		}
		// A label the page sets on a line of its own above the date
		// ("Publié" / "18/06/2026 à 14h08") is the byline's.
		if len(out) > 0 && bylineLabel.MatchString(out[len(out)-1]) {
			out = out[:len(out)-1]
		}
		if meta.title == "" && len(out) > 0 {
			above := out[len(out)-1]
			// A writer's name on its own line may stand between the
			// headline and the date ("HEADLINE / Karim Benali / 12 mars
			// 2025"): the headline is the line above the name.
			// So may a desk's signature ("SNRTnews avec MAP").
			// (Or two such lines: the names of several writers, a
			// writer's name then their role and town, "Journaliste,
			// Casablanca".)
			if k := creditsAbove(out); k > 0 {
				if meta.author == "" && looksLikeName(out[len(out)-k]) {
					meta.author = out[len(out)-k]
				}
				above = out[len(out)-k-1]
			} else if len(out) > 1 && signature.MatchString(above) && !signature.MatchString(out[len(out)-2]) {
				above = out[len(out)-2]
			} else if len(out) > 1 && issueLine.MatchString(above) {
				// So may the issue's line ("Edition N°:6961 Le
				// 19/02/2025") above "Par NAME | Partager".
				above = out[len(out)-2]
			} else if len(out) > 1 && interviewDek.MatchString(above) && titleLike(headlineText(out[len(out)-2])) {
				// And an interview's dek, which names who speaks, under
				// the headline that quotes them.
				above = out[len(out)-2]
			}
			if len(out) == 1 && len(strings.Fields(above)) < 3 {
				// The dump's first line above a masthead's date ("Hespress
				// FR / Mercredi 15 avril 2026") is the site's name; the
				// byline under the headline places the headline.
				return
			}
			// (A trail, "Le Club > Blogs > Tribunes", is no headline.)
			if t := headlineText(above); titleLike(t) && strings.Count(t, " > ") < 2 {
				meta.title = t
			}
		}
	}
	defer func() {
		if meta.published == "" && cover != "" {
			meta.published, meta.from = cover, "header"
		}
	}()
	// front counts the blocks of more than two words: a menu's entries
	// ("Accueil", "Explorer", "Notifications") do not push the byline
	// out of the front matter.
	front := 0
	for i, b := range blocks {
		// (A ticker under the masthead, "Bourse : MASI 18 241,55
		// (+0,62%)", ends like a sentence but is furniture.)
		if isProse(b) && !isFurniture(b) {
			prose++
		}
		if len(strings.Fields(b)) > 2 {
			front++
		}
		if front > 15 || len(b) > 200 || len(b) > 100 && !strings.Contains(b, " | ") {
			out = append(out, b)
			continue
		}
		// A line of pieces ("Par la rédaction | Publié le 27/03/2025 à
		// 07:58 | Mis à jour le …", "Diffusé le 20 janvier 2026 | Durée :
		// 18 min"): its piece that says when it was published.
		if d := piecesPublished(b, meta.captured); d != "" {
			if meta.published == "" {
				meta.published, meta.from = d, "byline"
			}
			if meta.author == "" {
				meta.author = piecesAuthor(b)
			}
			titleAbove()
			continue
		}
		if len(b) > 100 {
			out = append(out, b)
			continue
		}
		if m := publishedLine.FindStringSubmatch(b); m != nil {
			if d := labelledLineDate(m[1], meta.captured); d != "" {
				if meta.published == "" {
					meta.published, meta.from = d, "byline"
				}
				titleAbove()
				// ("Le Club > Blogs" above "Billet de blog 13 mai 2026",
				// the headline under it.)
				titleBelow(blocks, i, meta)
				continue
			}
		}
		if updatedLine.MatchString(b) && hasDigit(b) {
			if meta.updated == "" {
				meta.updated, _ = textDate(asciiDigits(b))
			}
			continue
		}
		if copyLine.MatchString(b) && hasDigit(b) {
			continue
		}
		// "il y a 3 heures", "Hier à 18h30": counted back from the day
		// the page was saved, when the scraper said.
		if d := relativePieces(b, meta.captured); d != "" {
			if meta.published == "" {
				meta.published, meta.from = d, "byline"
			}
			if meta.author == "" {
				meta.author = piecesAuthor(b)
			}
			titleAbove()
			// A forum's post line ("r/Maroc · Publié par u/NAME · il y a
			// 3 j") stands above the post's title, past a flair
			// ("Politique / Économie").
			titleBelow(blocks, i, meta)
			continue
		}
		// A line that is only a date ("Le 12/03/2024 à 10h15", "mardi 26
		// novembre 2024") is the byline's date.
		if a := asciiDigits(b); len(a) <= 60 && len(strings.Fields(a)) <= 7 {
			if d, _ := textDate(a); d != "" && dateOnly.MatchString(a) {
				if meta.published == "" {
					meta.published, meta.from = d, "byline"
				}
				untitled := meta.title == ""
				titleAbove()
				masthead = untitled && meta.title != "" && !timeOfDay.MatchString(a)
				continue
			}
		}
		if m := byLine.FindStringSubmatch(b); m != nil {
			if meta.author == "" {
				meta.author = personName(m[1])
			}
			if d := bylineTailDate(m[2] + m[3]); d != "" && meta.published == "" {
				meta.published, meta.from = d, "byline"
			}
			titleAbove()
			continue
		}
		// (A question for a headline counts as prose: a line of pieces
		// with a reading time is a byline past it and its standfirst.)
		if meta.published != "" && (meta.title == "" || masthead) && prose == 0 {
			// A masthead's date ("Mercredi, 22 avril 2026") above the
			// section and the headline: the byline under the headline
			// still tells where the headline is.
			if d, _, byline := frontLineDate(b, meta.captured); d != "" && byline {
				replaced := masthead
				titleAbove()
				if !replaced {
					continue
				}
				// Under a masthead's title the line stays where it was
				// read: with the menu and the motto it is a run of
				// front blocks, which dropShortRuns drops whole, and
				// without it the headline under it would look like the
				// second of a list of headlines.
			}
		}
		if meta.published == "" && (prose <= 1 || prose <= 3 && furnished(b)) {
			if d, a, byline := frontLineDate(b, meta.captured); d != "" {
				meta.published, meta.from = d, "byline"
				if meta.author == "" {
					meta.author = a
				}
				switch {
				case byline:
					titleAbove()
				case !placePrefixed(b):
					// A masthead (an issue, an edition, a sitting) stands
					// above the headline: the headline right above the
					// first paragraph, past an issue's furniture ("Dans ce
					// numéro").
					if meta.title == "" {
						meta.title = headlineBelow(blocks, i)
					}
				case placePrefixed(b):
					// A letter or a note puts its place and date above
					// its title or below it: the title is the headline
					// right above the first paragraph (past a share bar),
					// else the line above.
					if meta.title == "" {
						meta.title = headlineBelow(blocks, i)
					}
					if len(out) > 0 && !kicker(out[len(out)-1]) {
						titleAbove()
					}
				}
				continue
			}
			// A month alone dates a report's cover, above its first
			// paragraph, unless a full date follows.
			if prose == 0 && cover == "" {
				cover = coverDate(b)
			}
		}
		out = append(out, b)
	}
	return out
}

// titleBelow titles meta, when nothing above its byline at block i did,
// with a headline among the next two blocks that a paragraph follows.
func titleBelow(blocks []string, i int, meta *textMeta) {
	for k := i + 1; meta.title == "" && k < min(i+3, len(blocks)-1); k++ {
		if headlineLine(blocks[k]) && isProse(blocks[k+1]) {
			meta.title = blocks[k]
		}
	}
}

// headlineBelow is the headline right under block i and above the first
// paragraph, past furniture ("Dans ce numéro", a share bar), or "".
func headlineBelow(blocks []string, i int) string {
	j := i + 1
	for j < len(blocks) && isFurniture(blocks[j]) {
		j++
	}
	if j+1 < len(blocks) && headlineLine(blocks[j]) && isProse(blocks[j+1]) {
		return blocks[j]
	}
	return ""
}

// newsroom is a byline's newsroom or one of its services, in place of a
// writer's name: "Par la rédaction", "Par la rédaction du Desk", "Par le
// service Études de …".
const newsroom = `(?:[Ll]a\s+[Rr][ée]daction(?:\s+(?:du|de|d['’])\s*\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.-]*){0,2})?|(?:[Ll]e\s+service|[Ll]['’]équipe|[Ll]a\s+direction|[Ll]e\s+pôle|[Ll]e\s+département)(?:\s+[\p{L}'’.-]+){1,5})`

var newsroomRe = regexp.MustCompile(`^` + newsroom + `$`)

// personName is a byline's name, or "" for the newsroom or one of its
// services, which name no author.
func personName(n string) string {
	if newsroomRe.MatchString(n) {
		return ""
	}
	return n
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// nameParticles may stand lowercase inside a name ("Ahmed el Alami").
var nameParticles = map[string]bool{"de": true, "du": true, "el": true, "al": true, "ben": true, "ibn": true, "van": true, "von": true, "le": true, "la": true, "d'": true, "d’": true}

// looksLikeName is a byline: two to five capitalised words, no digits.
// creditsAbove is how many credit lines (creditLine), one or two, end
// out with a line above them that is none, or 0.
func creditsAbove(out []string) int {
	k := 0
	for k < 2 && k < len(out) && creditLine(out[len(out)-1-k]) {
		k++
	}
	if k == 0 || k == len(out) || creditLine(out[len(out)-1-k]) {
		return 0
	}
	return k
}

// creditLine is a line of writers' names ("Karim Benali", "Claire Vasseur,
// Mehdi Bensouda et Thomas Riquier") or a writer's role and town.
func creditLine(l string) bool {
	if looksLikeName(l) {
		return true
	}
	parts := strings.FieldsFunc(strings.ReplaceAll(l, " et ", ","), func(r rune) bool { return r == ',' })
	if len(parts) < 2 || len(parts) > 6 {
		return false
	}
	for _, p := range parts {
		if !looksLikeName(strings.TrimSpace(p)) {
			return false
		}
	}
	return true
}

func looksLikeName(l string) bool {
	// "Mohammed Bensaïd (Oujda)": a correspondent's name and city.
	if i := strings.LastIndexByte(l, '('); i > 0 && strings.HasSuffix(l, ")") && i >= len(l)-30 {
		l = strings.TrimSpace(l[:i])
	}
	words := strings.Fields(l)
	if len(words) < 2 || len(words) > 5 || len(l) > 60 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[strings.ToLower(w)] {
			return false
		}
		if strings.ContainsAny(w, "0123456789:") {
			return false
		}
	}
	return true
}

func isHeadline(l string) bool {
	n := utf8.RuneCountInString(l)
	return n >= 15 && n <= 250 && !strings.HasSuffix(l, ".")
}

func dropFurniture(blocks []string) []string {
	out := blocks[:0]
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if seeAlso.MatchString(b) {
			// (Under it, a line an emoji leads is a teaser, whatever it
			// ends with: "🎧 AMO Tadamon : 11,4 millions d'assurés, et
			// après ?".)
			for i+1 < len(blocks) && (!isProse(blocks[i+1]) && !listItem.MatchString(blocks[i+1]) || linkedHeadline(blocks[i+1]) || emojiLed(blocks[i+1])) {
				i++
			}
			continue
		}
		if isFurniture(b) || isTweet(b) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// maxFurniture bounds the length of a furniture line: longer blocks are
// article text, and skipping the expression for them keeps stripping fast.
const maxFurniture = 300

func isFurniture(b string) bool {
	if len(b) > maxFurniture {
		return false
	}
	return furniture.MatchString(b) ||
		strings.HasSuffix(b, ")") && furnitureTagged.MatchString(b) ||
		strings.Contains(b, ":") && furnitureForum.MatchString(b)
}

func isTweet(b string) bool {
	return strings.Contains(b, "pic.twitter.com") || (strings.Contains(b, "(@") && tweetSignature.MatchString(b))
}

// isProse is a block that reads as running text rather than a menu entry or
// a headline: it ends like a sentence, or is long enough to be one.
func isProse(b string) bool {
	// A block of 640 bytes has 160 runes at least (4 bytes a rune at
	// most): a paragraph's runes are not counted.
	if len(b) >= 160*utf8.UTFMax {
		return true
	}
	n := utf8.RuneCountInString(b)
	if n >= 160 {
		return true
	}
	return n >= 25 && endsSentence(b) && strings.Count(b, " ") >= 4
}

// linkedHeadline is another article's headline in a list under "Lire
// aussi": a bulleted line that does not end a sentence with a full stop
// ("- Aide directe : 4 millions de foyers payés", "› Retraites : combien
// pour 2026 ?"), where the article's own list items end with one, or with
// a semicolon, or hold a sentence.
func linkedHeadline(b string) bool {
	if !listItem.MatchString(b) || utf8.RuneCountInString(b) > maxLinkedHeadline {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(b))
	return !strings.ContainsRune(".;:,", last)
}

// maxLinkedHeadline is the longest line read as a linked headline, in runes.
const maxLinkedHeadline = 160

// listItem is a bulleted or numbered line: part of the article's own
// lists, whose items hold figures as often as its sentences do.
var listItem = regexp.MustCompile(`^(?:[-•*–—·▪►✓→›▸]|\d{1,2}[.)]|[a-z][.)])\s`)

// emojiItem is a line a social network's post bullets with an emoji and
// writes as a phrase with its figure ("📊 4,1 millions de ménages à fin
// décembre", "👶 dont 5,5 millions d'enfants"), not a menu's or a
// counter's ("🔍 Rechercher Accueil Réseau", "💬 64 commentaires"): three
// words or more, most of them lowercase, and a digit.
func emojiItem(b string) bool {
	if !emojiLed(b) {
		return false
	}
	_, size := utf8.DecodeRuneInString(b)
	rest := strings.TrimPrefix(b[size:], "\uFE0F")
	if !strings.HasPrefix(rest, " ") || !strings.ContainsAny(rest, "0123456789") {
		return false
	}
	words, lower := 0, 0
	for _, w := range strings.Fields(rest) {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(first) {
			continue
		}
		words++
		if unicode.IsLower(first) {
			lower++
		}
	}
	return words >= 3 && 2*lower > words
}

// emojiLed reports whether b opens with a pictograph or a dingbat.
func emojiLed(b string) bool {
	r, _ := utf8.DecodeRuneInString(b)
	return r >= 0x1F300 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF
}

// emojiList reports whether blocks[i] is an item of a list of two or more
// emoji-bulleted phrases (one such line alone is a headline's teaser:
// "🎧 Bac 2025 : un taux de réussite de 70,8 %").
func emojiList(blocks []string, i int) bool {
	return emojiItem(blocks[i]) && (i > 0 && emojiItem(blocks[i-1]) || i+1 < len(blocks) && emojiItem(blocks[i+1]))
}

// dropShortRuns removes runs of three or more non-prose blocks: menus and
// headline lists. One or two such blocks between paragraphs are headings;
// a run introduced by a line ending with ":" is the article's own list.
// The headline found in a dropped run may title the document (meta).
func dropShortRuns(blocks []string, meta *textMeta) []string {
	out := make([]string, 0, len(blocks))
	for i := 0; i < len(blocks); {
		if isProse(blocks[i]) || listItem.MatchString(blocks[i]) || emojiList(blocks, i) {
			out = append(out, blocks[i])
			i++
			continue
		}
		j := i
		for j < len(blocks) && !isProse(blocks[j]) && !listItem.MatchString(blocks[j]) && !emojiList(blocks, j) {
			j++
		}
		data := dataRun(blocks[i:j])
		if k := tableIn(blocks[i:j]); k > 1 && !data {
			// A table further down the run, under its caption line: the
			// lines above the caption are a run of their own (a menu, or
			// headings), the caption and the table the article's.
			j = i + k - 1
		}
		introduced := (i > 0 && strings.HasSuffix(blocks[i-1], ":")) || strings.HasSuffix(blocks[i], ":") || data ||
			(i > 0 && sameRow(blocks[i-1], blocks[i])) || tableIn(blocks[i:j]) >= 0 || chartIn(blocks[i:j])
		if j-i < 3 || introduced {
			out = append(out, blocks[i:j]...)
		} else if len(out) == 0 && j < len(blocks) && headlineLine(blocks[j-1]) && !headlineLine(blocks[j-2]) {
			// The one headline under the site's menu, right above the
			// first paragraph, titles the document (several such lines
			// are a list of other articles' headlines).
			out = append(out, blocks[j-1])
		} else if len(out) == 0 && j < len(blocks) && headlineLine(blocks[j-1]) && kicker(blocks[j-2]) && meta.title == "" {
			// A section's name in capitals or a breadcrumb above it is no
			// headline either. (The headline titles the document but
			// stays out of the body, as it always has here: the model is
			// trained on these bodies.)
			meta.title = blocks[j-1]
		}
		i = j
	}
	return out
}

// tableIn is the index in run of the first of three blocks that are rows
// of one table flattened to pipes (sameRow), or -1: a table under a
// heading ("Un an en chiffres", then "Indicateur | 2024 | 2025" and its
// rows) is no menu, wherever it starts in a run of short blocks.
func tableIn(run []string) int {
	for k := 0; k+2 < len(run); k++ {
		if sameRow(run[k], run[k+1]) && sameRow(run[k], run[k+2]) {
			return k
		}
	}
	return -1
}

// chartIn reports whether run holds a chart's labels and the row of its
// values (tables.go: chartTable): two rows of one table, the second all
// figures.
func chartIn(run []string) bool {
	for k := 0; k+1 < len(run); k++ {
		if !sameRow(run[k], run[k+1]) {
			continue
		}
		all := true
		for _, c := range table.Cells(run[k+1], 0) {
			all = all && valueCell(c.Text)
		}
		if all {
			return true
		}
	}
	return false
}

// dataRun reports whether a run of short blocks holds data rather than a
// menu: at least two of its blocks, and a third of them, are data lines (a
// slide's "4,21 M ménages bénéficiaires", "2024 : 200 DH", "Rural ......
// 59 %"). A menu's entries and a list of headlines are words.
func dataRun(run []string) bool {
	n := 0
	for _, b := range run {
		if isDataLine(b) {
			n++
		}
	}
	return n >= 2 && 3*n >= len(run)
}

var (
	// figureFirst: a figure and a few words of what it counts ("4,21 M
	// ménages bénéficiaires", "138 000 naissances").
	figureFirst = regexp.MustCompile(`^\d[\d ,.\x{a0}\x{202f}]*\S*(\s+\S+){0,4}$`)
	// labelled: a label and its figure, after a colon or dotted leaders
	// ("Aide minimale par ménage : 500 DH", "Rural ........ 59 %").
	labelled = regexp.MustCompile(`^[^:.…]{1,60}(\s?:|\.{4,}|…{2,})\s*(près de |plus de |environ )?\d[\d ,.\x{a0}\x{202f}]*\s*(%|\pL{1,8}(\s\pL{1,8})?)?$`)
)

// isDataLine reports whether a short block (a bullet aside) is a figure
// with its label.
func isDataLine(b string) bool {
	if utf8.RuneCountInString(b) > 80 {
		return false
	}
	b = strings.TrimSpace(strings.TrimLeft(b, "-•*–—·▪►✓→ "))
	if cs := table.Cells(b, 0); len(cs) == 2 && !valueCell(cs[0].Text) && valueCell(cs[1].Text) {
		return true // "Rural | 59 %", as leaderRows writes "Rural ...... 59 %"
	}
	if figureFirst.MatchString(b) || labelled.MatchString(b) {
		return true
	}
	// A press kit's boxed figure and its caption: "[ 11,6 M ]
	// bénéficiaires de l'AMO Tadamon", "88 % de la population couverte".
	// Its figure has a decimal, a thousands group or a percent, which a
	// listicle's link ("10 choses à savoir sur …") has not.
	if m := boxedFigure.FindStringSubmatch(b); m != nil {
		return keyFigure.MatchString(m[1])
	}
	return false
}

// boxedFigure is a figure, maybe in brackets, then up to ten words.
var boxedFigure = regexp.MustCompile(`^\[?\s*(\d[\d ,.\x{a0}\x{202f}]*\s*(?:%|M|Md|Mds|millions?|milliards?)?)\s*\]?(?:\s+\S+){1,10}$`)

// keyFigure is a figure written as a statistic: a decimal, a thousands
// group or a percentage.
var keyFigure = regexp.MustCompile(`^\d+,\d|^\d{1,3}(?:[ .\x{a0}\x{202f}]\d{3})+|^\d+(?:,\d+)?\s*%`)

// kicker is a section label above a headline: capitals only ("AFRIQUE DU
// NORD", "COMMUNIQUÉ N° 12") or a breadcrumb ("Accueil > Société").
func kicker(b string) bool {
	return strings.Contains(b, " > ") || strings.ToUpper(b) == b
}

// headlineLine is a line that reads as a headline rather than a menu
// entry: titleLike and at least five words.
func headlineLine(b string) bool {
	return titleLike(b) && len(strings.Fields(b)) >= 5
}

// sameRow reports whether two blocks are lines of one table flattened to
// pipes ("Province | Familles | Versements (MMDH)" then "Tiznit |
// 41.000 | 0,2"; isRow). The rows under such a header are the article's
// own table, not a menu.
func sameRow(a, b string) bool { return isRow(a, b) }

// cutAtEnd cuts the article at the first end marker after its start, or
// at the marker of the next article an infinite scroll appended to the
// page once the article's prose has begun (a menu's "Article suivant »"
// above it is no end).
func cutAtEnd(blocks []string) []string {
	prose := false
	for i, b := range blocks {
		if i > 0 && len(b) <= maxFurniture && endMarkers.MatchString(b) {
			return blocks[:i]
		}
		if prose && len(b) <= maxFurniture && nextArticle.MatchString(b) {
			return blocks[:i]
		}
		prose = prose || isProse(b)
	}
	return blocks
}

// nextArticle is the line an infinite scroll writes between an article and
// the next one it loads, in whatever rules and arrows the site draws
// around it: "▼ ARTICLE SUIVANT ▼", "—— Article suivant ——", "[Chargement
// de l'article suivant…]", "À lire ensuite".
var nextArticle = regexp.MustCompile(`(?i)^[^\pL\pN]*(?:(?:chargement\s+de\s+)?l['’]article\s+suivant|article\s+suivant|à\s+lire\s+ensuite|next\s+article|up\s+next)[^\pL\pN]*$`)

// dropTail drops closing non-prose lines (a heading with nothing under it,
// an agency signature), reading a signature as the site when none is known.
func dropTail(blocks []string, meta *textMeta) []string {
	for len(blocks) > 1 && !endsSentence(blocks[len(blocks)-1]) && utf8.RuneCountInString(blocks[len(blocks)-1]) < 80 &&
		!isRow(blocks[len(blocks)-2], blocks[len(blocks)-1]) {
		// (A table's last row ends the article's text, not its furniture.)
		last := blocks[len(blocks)-1]
		if m := signature.FindStringSubmatch(last); m != nil && meta.site == "" {
			meta.site = m[1]
		}
		blocks = blocks[:len(blocks)-1]
	}
	return blocks
}

// dateline is an agency dispatch's opening: "RABAT, 17 février 2025
// (MAP) -", "Casablanca, le 3 mars 2024 –".
var dateline = regexp.MustCompile(`^\p{Lu}[\p{L}'’ .-]{1,40},\s*(?:le\s+)?[^,()–—-]{6,40}?\s*(?:\([\p{L} .-]{2,20}\))?\s*[-–—:]`)

// firstSentenceDate is the explicit date of the first sentence ("a présidé,
// mardi 26 novembre 2024 à Rabat"), which dates a dispatch that gives no
// other date, and says whether it stood in a dateline.
//
// A date its words give to something else is skipped: a figure's "au 31
// décembre 2024", a copy's "affichée le" (datelabel.go).
func firstSentenceDate(b string) (string, string) {
	end := len(b)
	if i := strings.Index(b, ". "); i >= 0 {
		end = i
	}
	for _, d := range labelledDates(b[:end]) {
		if d.kind != datePlain && d.kind != datePublished {
			continue
		}
		if m := dateline.FindStringIndex(b); m != nil && d.at < m[1] {
			return d.date, "dateline"
		}
		return d.date, "first-sentence"
	}
	return "", ""
}
