package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A scraper often says when it saved a page: a "fetched:" header line, a
// cache's "instantané … affiché le", an archive's capture stamp in its
// URL, SingleFile's "saved date:" comment. That stamp is never the
// article's date, but it is the day a byline's "il y a 3 heures" or
// "Hier à 18h30" counts from, and it gives the year a wire's "Azilal, 12
// mars (MAP) -" leaves out. Without it those bylines date nothing: the
// package does not guess.

// captureStamp is when the copy was saved; the zero value is unknown.
type captureStamp struct {
	t     time.Time
	clock bool // the stamp gives a time of day, so hours can be counted back
}

func (c captureStamp) known() bool { return !c.t.IsZero() }

var (
	// captureHeader is a scraper's header line naming when it saved the
	// page. One ^ holds both alternatives: Go's regexp tries only a line's
	// start when the whole pattern opens with ^, and every byte of the
	// line when each alternative has its own.
	captureHeader = regexp.MustCompile(`(?i)^(?:\s*(?:fetched|scraped|crawled|retrieved|downloaded|captured|saved|archived|accessed)(?:[_ ](?:at|on|date))?\s*:?\s+(.{6,80})$|\s*(?:date (?:de capture|d['’]extraction|de récupération|de consultation)|(?:récupéré|récupérée|extrait|extraite|consulté|consultée|archivé|archivée|capturé|capturée|sauvegardé|sauvegardée|enregistré|enregistrée)\s+le)\s*:?\s+(.{6,160})$)`)

	// captureNote is a scraper's note, in brackets or not, the stamp then
	// the address: "[Capture du 18/04/2025 à 07:30, https://…]", "[Page
	// capturée le 05/11/2026 à 09:12 — https://…]", "[Page enregistrée le
	// 18/09/2026 à 19:40 depuis https://…]". In brackets, what
	// follows the stamp past a spaced dash or a comma may be anything the
	// browser's saver wrote (group 3): an address without its scheme
	// ("site.ma/rubrique/…") or a remark ("page enregistrée depuis le
	// navigateur").
	captureNote = regexp.MustCompile(`(?i)^\[\s*(?:page\s+)?(?:capture|capturée|capturé|copie|sauvegarde|sauvegardée|enregistrée|enregistré|snapshot)\s+(?:du|de|le|of)\s+(.{6,40}?)(?:(?:\s*[,—–·-]\s*|\s+(?:depuis|from|sur)\s+)(https?://[^\s\]]+)|(?:\s*[,—–·]|\s+-)\s+([^\]]{1,200}?))?\s*\]$|^(?:capture|copie|snapshot)\s+(?:du|de|of)\s+(.{6,40}?)(?:\s*,\s*(https?://\S+))?$`)

	// exportLine is an app's line saying when it exported what follows
	// (a phone's messages, a chat): "Exporté le lundi 5 janvier 2026 à
	// 21:40 · 64 conversations · …". It stands under the app's name and
	// file, not first.
	exportLine = regexp.MustCompile(`(?i)^export(?:é|ée|és|ées)\s+le\s+(.{6,240})$`)

	// bareAddress is a page's address written without its scheme
	// ("www.site.ma/a/1", "site.ma/rubrique/titre").
	bareAddress = regexp.MustCompile(`(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?$`)

	// urlHeader is a scraper's header line giving the page's address.
	urlHeader = regexp.MustCompile(`(?i)^\s*(?:url|source[_ ]url|lien|link|permalien|permalink|canonical|adresse)\s*:?\s+(https?://\S+)\s*$`)

	// cacheHeader is a search engine's cache banner above the page: its
	// address, then the snapshot's date ("telle qu'elle était affichée le
	// 14 mars 2025 10:02:11 GMT", "as it appeared on 14 Mar 2025").
	cacheHeader = regexp.MustCompile(`(?i)^(?:ceci est la version en cache de|this is google['’]s cache of)\s+(\S+?)\.?(?:\s|$)`)
	cacheWhen   = regexp.MustCompile(`(?i)(?:affichée le|affiché le|appeared on)\s+(.{6,60}?)(?:\.\s|\.?$)`)

	// waybackHeader is the Internet Archive's banner line: the capture's
	// 14-digit stamp, then the original address.
	waybackHeader = regexp.MustCompile(`(?i)^(?:the wayback machine\s*[-–—:]\s*)?https?://web\.archive\.org/web/(\d{14})[a-z_]*/(\S+)$`)

	// savedComment is a page-saving tool's note in an HTML comment:
	// SingleFile's "saved date: Wed Mar 12 2025 16:20:05 GMT+0100 (…)",
	// HTTrack's "Mirrored from … by HTTrack Website Copier/3.x […], Wed, 12
	// Mar 2025 15:20:05 GMT".
	savedComment = regexp.MustCompile(`(?i)(?:saved date:\s*|by httrack website copier/[^,]*,\s*)([^\n(]{10,60})`)

	stampISO  = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?`)
	stamp14   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$`)
	clockText = regexp.MustCompile(`(?i)\b(\d{1,2})\s*[h:]\s*(\d{2})\b`)
)

// stampLayouts are the machine layouts of a saved-page stamp (RFC 1123 in
// HTTP headers and HTTrack, JavaScript's Date.toString in SingleFile).
var stampLayouts = []string{time.RFC1123Z, time.RFC1123, "Mon Jan 02 2006 15:04:05 GMT-0700", "Mon Jan 2 2006 15:04:05 GMT-0700", time.ANSIC}

// parseStamp reads a capture stamp: an ISO stamp, a 14-digit archive
// stamp, an RFC 1123 or JavaScript date, or a date written for people
// with an optional time of day after it.
func parseStamp(s string) captureStamp {
	s = strings.TrimSpace(s)
	if m := stamp14.FindStringSubmatch(s); m != nil {
		t, err := time.Parse("20060102150405", s)
		if err == nil {
			return captureStamp{t, true}
		}
	}
	if m := stampISO.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if ymd(m[1], m[2], m[3]) == "" {
			return captureStamp{}
		}
		if m[4] == "" {
			return captureStamp{time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), false}
		}
		h, _ := strconv.Atoi(m[4])
		mi, _ := strconv.Atoi(m[5])
		loc := time.UTC
		if z := strings.ReplaceAll(m[7], ":", ""); len(z) == 5 {
			zh, _ := strconv.Atoi(z[1:3])
			zm, _ := strconv.Atoi(z[3:])
			off := zh*3600 + zm*60
			if z[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
		return captureStamp{time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc), true}
	}
	for _, layout := range stampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return captureStamp{t, true}
		}
		// A layout may be followed by a zone's name ("(heure normale…)").
		if n := len(layout); len(s) > n {
			if t, err := time.Parse(layout, strings.TrimSpace(s[:n])); err == nil {
				return captureStamp{t, true}
			}
		}
	}
	d, at := textDate(s)
	if d == "" {
		d, at = monthFirstDate(s)
	}
	if d == "" {
		return captureStamp{}
	}
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return captureStamp{}
	}
	if m := clockText.FindStringSubmatch(s[at:]); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		if h < 24 && mi < 60 {
			return captureStamp{t.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute), true}
		}
	}
	return captureStamp{t, false}
}

// monthFirstDate reads "Mar 12 2025" (no comma), which textDate leaves.
var monthFirst = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})\s+((?:19|20)\d{2})\b`)

func monthFirstDate(s string) (string, int) {
	if m := monthFirst.FindStringSubmatchIndex(s); m != nil {
		return ymdNamed(s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]]), m[0]
	}
	return "", -1
}

// relativeDates are the bylines that count back from the day the page was
// saved, by the unit each counts in ("Publié il y a 6 jours par NAME"). The number is group 1 ("" for a
// named day), the unit group 2.
var relativeDates = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^(?:(?:publié|publiée|posté|postée|mis en ligne|mise en ligne|posted|published|(?:dernière\s+)?mise?\s+à\s+jour\s*:?|modifiée?)\s+)?il\s+y\s+a\s+(\d{1,3}|une?|quelques)\s*(secondes?|minutes?|mins?|mn|heures?|h|jours?|j|semaines?)\.?(?:\s+par\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})?$`),
	regexp.MustCompile(`(?i)^(?:(?:posted|published|updated)\s+)?(\d{1,3}|an?|one|a few)\s+(seconds?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?)\s+ago$`),
	regexp.MustCompile(`(?i)^(?:(?:publié|publiée|posté|postée|mis en ligne|posted|published)\s+)?()(hier|avant-hier|aujourd['’]hui|ce matin|ce soir|cet après-midi|yesterday|today)(?:\s*,?\s*(?:à|at|-|,)?\s*\d{1,2}\s*[h:]\s*\d{0,2}(?:\s*[ap]\.?m\.?)?)?$`),
	// A social network's age of a post, abbreviated: "3 sem.", "2 j",
	// "5 h", "12 min".
	regexp.MustCompile(`(?i)^(\d{1,2})\s*(min|h|j|sem\.?)$`),
}

// relativeDate is the date a relative byline gives against the capture
// stamp c, or "" when s is none or cannot be counted back without
// guessing (hours against a stamp with no time of day); weeks give the
// month when all the days they may mean fall in it, else "".
func relativeDate(s string, c captureStamp) string {
	if !c.known() || len(s) > 60 {
		return ""
	}
	s = strings.TrimSpace(s)
	for _, re := range relativeDates {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		unit := strings.ToLower(m[2])
		n := 1
		switch strings.ToLower(m[1]) {
		case "", "un", "une", "a", "an", "one":
		case "quelques", "a few":
			if !strings.HasPrefix(unit, "s") && !strings.HasPrefix(unit, "m") {
				return "" // "quelques heures", "a few days": no count
			}
		default:
			n, _ = strconv.Atoi(m[1])
		}
		var t time.Time
		switch {
		case strings.HasPrefix(unit, "hier") || unit == "yesterday":
			t = c.t.AddDate(0, 0, -1)
		case unit == "avant-hier":
			t = c.t.AddDate(0, 0, -2)
		case strings.HasPrefix(unit, "aujourd") || strings.HasPrefix(unit, "ce") || unit == "today":
			t = c.t
		case strings.HasPrefix(unit, "j") || strings.HasPrefix(unit, "d"):
			t = c.t.AddDate(0, 0, -n)
		case strings.HasPrefix(unit, "h"):
			if !c.clock {
				return ""
			}
			t = c.t.Add(-time.Duration(n) * time.Hour)
		case strings.HasPrefix(unit, "s") && !strings.HasPrefix(unit, "sem"), strings.HasPrefix(unit, "m"):
			if !c.clock {
				return ""
			}
			t = c.t.Add(-time.Duration(n) * time.Minute)
		case strings.HasPrefix(unit, "sem"):
			// Weeks name no day: "3 sem." is 21 to 27 days back. When
			// all those days fall in one month, the post is of that
			// month, and no more precise.
			first, last := c.t.AddDate(0, 0, -7*n-6), c.t.AddDate(0, 0, -7*n)
			if first.Format("2006-01") != last.Format("2006-01") {
				return ""
			}
			return last.Format("2006-01")
		default:
			return ""
		}
		return t.Format("2006-01-02")
	}
	return ""
}

// relativePieces is relativeDate of line s, or of one of its pieces
// ("r/Maroc · Publié par u/NAME · il y a 3 j", "Publié il y a 2 jours ·
// par NAME"), or "".
func relativePieces(s string, c captureStamp) string {
	if d := relativeDate(s, c); d != "" {
		return d
	}
	for _, sep := range []string{" · ", " | ", " • "} {
		if !strings.Contains(s, sep) {
			continue
		}
		for _, p := range strings.Split(s, sep) {
			if d := relativeDate(p, c); d != "" {
				return d
			}
		}
	}
	return ""
}

// isRelative reports whether s is a relative byline, whatever the stamp.
func isRelative(s string) bool {
	s = strings.TrimSpace(s)
	for _, re := range relativeDates {
		if len(s) <= 60 && re.MatchString(s) {
			return true
		}
	}
	return false
}

// yearlessDateline is a wire's opening that gives the day and month but
// not the year: "Azilal, 12 mars (MAP) -", "RABAT, 12 décembre (Reuters) –".
var yearlessDateline = regexp.MustCompile(`^\p{Lu}[\p{L}'’ .-]{1,40},\s*(?:le\s+)?(?:(?i:` + weekday + `),?\s+)?(\d{1,2})(?:er)?\s+((?i:` + monthAlt + `))\.?\s*(?:\([\p{L} .-]{2,20}\))?\s*[-–—:]`)

// datelineWithYear dates a yearless dateline by the capture stamp: the
// last such day on or before the day the page was saved.
func datelineWithYear(b string, c captureStamp) string {
	if !c.known() {
		return ""
	}
	m := yearlessDateline.FindStringSubmatch(b)
	if m == nil {
		return ""
	}
	return withCaptureYear(m[1], m[2], c)
}

// withCaptureYear dates a day and a month named without their year by the
// capture stamp: the last such day on or before the day the page was
// saved, "" without a stamp.
func withCaptureYear(day, month string, c captureStamp) string {
	if !c.known() {
		return ""
	}
	for _, y := range []int{c.t.Year(), c.t.Year() - 1} {
		d := ymdNamed(strconv.Itoa(y), month, day)
		if d != "" && d <= c.t.Format("2006-01-02") {
			return d
		}
	}
	return ""
}

// urlDateOf is the /2025/03/12/ date of an article's address.
func urlDateOf(u string) string {
	if mm := urlDate.FindStringSubmatch(u); mm != nil {
		return ymd(mm[1], mm[2], mm[3])
	}
	return ""
}

// wrapperHeader reads a header line that says when or where the copy was
// made (a capture stamp, the page's address, a cache's or an archive's
// banner) into meta, and reports whether the line was one.
func wrapperHeader(l string, meta *textMeta) bool {
	if m := captureNote.FindStringSubmatch(l); m != nil {
		if c := parseStamp(m[1] + m[4]); c.known() {
			if !meta.captured.known() {
				meta.captured = c
			}
			if meta.url == "" {
				meta.url = m[2] + m[5]
				// (The scheme a browser would take for a bare address.)
				if bareAddress.MatchString(m[3]) {
					meta.url = "https://" + m[3]
				}
			}
			return true
		}
	}
	if m := captureHeader.FindStringSubmatch(l); m != nil {
		if c := parseStamp(m[1] + m[2]); c.known() {
			if !meta.captured.known() {
				meta.captured = c
			}
			return true
		}
	}
	if m := urlHeader.FindStringSubmatch(l); m != nil {
		if meta.url == "" {
			meta.url = m[1]
		}
		return true
	}
	if m := cacheHeader.FindStringSubmatch(l); m != nil {
		meta.url = strings.TrimRight(m[1], ".")
		if w := cacheWhen.FindStringSubmatch(l); w != nil {
			meta.captured = parseStamp(w[1])
		}
		meta.archived = true
		return true
	}
	if m := waybackHeader.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
		meta.captured = parseStamp(m[1])
		meta.url = m[2]
		meta.archived = true
		return true
	}
	return false
}

// datelineFrom is datelineWithYear on the first block of the lead.
func datelineFrom(lead []string, c captureStamp) string {
	if len(lead) == 0 {
		return ""
	}
	return datelineWithYear(lead[0], c)
}

// readExport reads an export line among the first lines of a dump whose
// header gave no capture stamp, as that stamp and, when nothing dated the
// dump yet, as its date: an export's messages each carry their own day,
// and the first of them is no more the document's than the last.
func readExport(lines []string, meta *textMeta) {
	if meta.captured.known() {
		return
	}
	seen := 0
	for i := 0; i < len(lines) && seen < 8; i++ {
		if lines[i] == "" {
			continue
		}
		seen++
		if m := exportLine.FindStringSubmatch(lines[i]); m != nil {
			if c := parseStamp(m[1]); c.known() {
				meta.captured = c
				if meta.published == "" {
					meta.published, meta.from = c.t.Format("2006-01-02"), "header"
				}
				lines[i] = ""
				return
			}
		}
	}
}
