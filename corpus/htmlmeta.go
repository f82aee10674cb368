package corpus

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what the markup says about the article, gathered in one walk
// before any pruning (JSON-LD lives in <script>, bylines in <header>).
type pageMeta struct {
	titleTag, h1 string
	metas        map[string]string // lowercased name/property/itemprop → first content
	jsonLD       []string
	timeDate     string // first <time datetime>, preferring a publication one
	timeRaw      string // its datetime value
	timePub      bool
	authorProp   string // itemprop=author / rel=author element text
	authorText   string // byline element text
	bylinePub    string // date written in an element marked as the publication date
	bylineDate   string // date written in another byline-like element
	scriptDate   string // "publishedDate" in a page's own JSON state
	url          string
	// updated is a date labelled as an edit ("Mis à jour le", a modified
	// time in the markup), the last resort; bylineRel a byline that counts
	// back ("il y a 3 heures") from captured, when the page was saved
	// (capture.go).
	updated   string
	bylineRel string
	captured  captureStamp
	// texts are the page's visible text nodes, kept (not copied) for the
	// last-resort date search.
	texts []*html.Node
	// headings are the texts of elements a class names a title or a
	// heading ("contentheading", "entry-title"), the first few.
	headings []string
}

// maxHeadings bounds pageMeta.headings: the headline is near the top.
const maxHeadings = 20

// scriptDateKey finds a publication date in the JSON state many pages
// embed in <script> (Next.js, review widgets).
var scriptDateKey = regexp.MustCompile(`"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|pubDate|firstPublished)"\s*:\s*"([^"]{8,40})"`)

func readPageMeta(root *html.Node) *pageMeta {
	m := &pageMeta{metas: make(map[string]string, 32)}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			m.texts = append(m.texts, n)
			return
		}
		if n.Type == html.CommentNode {
			if mm := savedComment.FindStringSubmatch(n.Data); mm != nil && !m.captured.known() {
				m.captured = parseStamp(mm[1])
			}
			return
		}
		if isWrapper(n) {
			// A cache's banner: its snapshot's date is the capture stamp.
			if mm := cacheWhen.FindStringSubmatch(collapseSpace(innerText(n, 600))); mm != nil && !m.captured.known() {
				m.captured = parseStamp(mm[1])
			}
			return
		}
		if n.Type != html.ElementNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			return
		}
		switch n.DataAtom {
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			if content == "" {
				break
			}
			for _, k := range [3]string{"property", "name", "itemprop"} {
				if v := strings.ToLower(strings.TrimSpace(attr(n, k))); v != "" {
					if _, ok := m.metas[v]; !ok {
						m.metas[v] = content
					}
				}
			}
		case atom.Script:
			if n.FirstChild == nil {
				return
			}
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				m.jsonLD = append(m.jsonLD, n.FirstChild.Data)
			} else if m.scriptDate == "" && (strings.Contains(n.FirstChild.Data, "ublish") || strings.Contains(n.FirstChild.Data, "pubDate")) {
				if mm := scriptDateKey.FindStringSubmatch(n.FirstChild.Data); mm != nil {
					m.scriptDate = mm[1]
				}
			}
			return
		case atom.Style, atom.Noscript, atom.Template:
			return
		case atom.Title:
			if m.titleTag == "" {
				m.titleTag = collapseSpace(innerText(n, 400))
			}
			return
		case atom.H1:
			if m.h1 == "" {
				m.h1 = collapseSpace(innerText(n, 400))
			}
		case atom.Time:
			dt := attr(n, "datetime")
			if dt == "" {
				dt = innerText(n, 100)
			}
			pub := attr(n, "pubdate") != "" || strings.Contains(strings.ToLower(attr(n, "itemprop")+" "+attr(n, "class")), "publi")
			if d := anyDate(dt); d != "" && (m.timeDate == "" || (pub && !m.timePub)) {
				m.timeDate, m.timePub, m.timeRaw = d, pub, dt
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
				m.url = attr(n, "href")
			}
		}
		ci := classID(n)
		ip := strings.ToLower(attr(n, "itemprop"))
		rel := strings.ToLower(attr(n, "rel"))
		if m.authorProp == "" && (ip == "author" || rel == "author") {
			if t := collapseSpace(innerText(n, 400)); runeLen(t) >= 3 && runeLen(t) <= 80 {
				m.authorProp = t
			}
		}
		// (Microdata names the headline too: Joomla's <h2 itemprop="name">.)
		if len(m.headings) < maxHeadings && (hasWord(ci, "title", "heading", "headline", "titre") || ip == "headline" || ip == "name" && isHeading(n)) {
			if t := collapseSpace(innerText(n, 400)); t != "" && runeLen(t) <= 300 {
				m.headings = append(m.headings, t)
			}
		}
		if m.authorText == "" && hasWord(ci, "author", "byline", "auteur", "signature") {
			if t := collapseSpace(innerText(n, 400)); runeLen(t) >= 3 && runeLen(t) <= 80 {
				m.authorText = t
			}
		}
		if m.bylinePub == "" && (ip == "datepublished" || hasWord(ci, "publi", "pubdate", "post-date", "entry-date", "article-date", "date-article")) {
			// A microformat or microdata date gives the machine date in an
			// attribute and a shorter one as text (<abbr class="published"
			// title="2025-03-12T10:32">12 mars</abbr>).
			m.bylinePub = attrDate(n)
			if t := innerText(n, 300); m.bylinePub == "" && len(t) < 300 {
				m.bylinePub = m.elementDate(t)
			}
		}
		if m.bylineDate == "" && (n.DataAtom == atom.Time || hasWord(ci, "date", "byline", "dateline", "meta", "time", "info")) {
			if n.DataAtom != atom.Time && !hasWord(ci, "update", "modif") {
				m.bylineDate = attrDate(n)
			}
			if t := innerText(n, 300); m.bylineDate == "" && len(t) < 300 {
				m.bylineDate = m.elementDate(t)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return m
}

// elementDate is the article's date in a byline element's text: the one
// labelled as the publication, else the first with no label
// (datelabel.go). An update's date is kept apart as the last resort, and a
// relative byline ("il y a 3 heures") for resolve to count back.
func (m *pageMeta) elementDate(t string) string {
	t = asciiDigits(t)
	d, upd := articleDate(t)
	if d == "" {
		// "Publié le 12/03/25": a two-digit year after its label.
		if mm := publishedLine.FindStringSubmatch(collapseSpace(t)); mm != nil {
			d = labelledLineDate(mm[1], captureStamp{})
		}
	}
	if m.updated == "" {
		m.updated = upd
	}
	if d == "" && m.bylineRel == "" {
		if c := collapseSpace(t); isRelative(c) {
			m.bylineRel = c
		}
	}
	return d
}

// hasWord reports whether the lowercased class-and-id string ci holds one
// of words.
func hasWord(ci string, words ...string) bool {
	if ci == "" {
		return false
	}
	for _, w := range words {
		if strings.Contains(ci, w) {
			return true
		}
	}
	return false
}

// innerText is the text under n, cut after about limit bytes: metadata
// is only read from short elements, and nested bylines must not make the
// meta walk quadratic.
func innerText(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if b.Len() > limit {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// ldArticle is the part of a schema.org object this package reads.
type ldArticle struct {
	typ, headline, published, author, publisher string
	// modified is dateModified, a last resort (pageMeta.updated).
	modified string
	// name and url are the object's, for a wiki's page (wikiPage).
	name, url string
}

// wikiPage reports whether the JSON-LD object is a wiki's page
// (Wikipedia's and other MediaWiki sites' "/wiki/" addresses): its text
// is the page as last edited, not as created, and its headline is the
// short description under the page's name.
func (a ldArticle) wikiPage() bool {
	return strings.Contains(a.url, "/wiki/") || strings.Contains(strings.ToLower(a.publisher), "wikimedia")
}

// readJSONLD finds the article object in the page's JSON-LD blocks,
// preferring NewsArticle-like types over any other object with a date.
func readJSONLD(blocks []string) (ldArticle, bool) {
	var best ldArticle
	bestRank := -1
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(b)), &v); err != nil {
			// Invalid JSON-LD is common (trailing commas, HTML comments);
			// the other sources will be tried.
			continue
		}
		visitLD(v, func(obj map[string]any) {
			a := ldArticle{
				typ:       ldString(obj["@type"]),
				headline:  ldString(obj["headline"]),
				published: firstNonEmpty(ldString(obj["datePublished"]), ldString(obj["dateCreated"])),
				modified:  ldString(obj["dateModified"]),
				author:    ldNames(obj["author"]),
				publisher: ldNames(obj["publisher"]),
				name:      ldString(obj["name"]),
				url:       ldString(obj["url"]),
			}
			if a.headline == "" {
				a.headline = ldString(obj["name"])
			}
			rank := 0
			t := strings.ToLower(a.typ)
			switch {
			case strings.Contains(t, "article") || strings.Contains(t, "posting") || strings.Contains(t, "report"):
				rank = 3
			case a.published != "":
				rank = 2
			case strings.Contains(t, "webpage"):
				rank = 1
			default:
				return
			}
			if rank > bestRank {
				best, bestRank = a, rank
			} else if rank == bestRank {
				// Fill gaps from a second object of the same rank.
				if best.published == "" {
					best.published = a.published
				}
				if best.author == "" {
					best.author = a.author
				}
			}
		})
	}
	return best, bestRank >= 0
}

func visitLD(v any, f func(map[string]any)) {
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			visitLD(e, f)
		}
	case map[string]any:
		if _, ok := t["@type"]; ok {
			f(t)
		}
		if g, ok := t["@graph"]; ok {
			visitLD(g, f)
		}
		if e, ok := t["mainEntity"]; ok {
			visitLD(e, f)
		}
	}
}

func ldString(v any) string {
	switch t := v.(type) {
	case string:
		// Many CMSs escape HTML entities inside JSON-LD strings.
		return strings.TrimSpace(html.UnescapeString(t))
	case []any:
		for _, e := range t {
			if s := ldString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldNames reads an author or publisher: a string, an object with a name, or
// a list of them joined with "; ".
func ldNames(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(t))
	case map[string]any:
		return ldString(t["name"])
	case []any:
		var names []string
		for _, e := range t {
			if s := ldNames(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, "; ")
	}
	return ""
}

var (
	urlDate  = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/`)
	byPrefix = regexp.MustCompile(`(?i)^(?:(?:par|by|von|por)\s*:?\s+|(?:autor|auteur|author)\s*:\s*)`)
)

// metaValue returns the first non-empty meta content among keys.
func (m *pageMeta) metaValue(keys ...string) string {
	for _, k := range keys {
		if v := m.metas[k]; v != "" {
			return v
		}
	}
	return ""
}

// isHeading reports whether n is a heading element, h1 to h6.
func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// latinScript reports whether most of the letters of s are Latin ones
// (true for a title with no letters).
func latinScript(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return latin >= other
}

// trimSiteName drops the site's name a <title> ends with: "Headline |
// Afrimag" (a short last piece after " | "), "Headline - Le Site" (after a
// dash only when it is the site's known name).
func trimSiteName(title, site string) string {
	if i := strings.LastIndex(title, " | "); i > 0 {
		if tail := title[i+3:]; len(tail) <= 40 && len(strings.Fields(tail)) <= 5 {
			return strings.TrimSpace(title[:i])
		}
	}
	if site != "" {
		for _, sep := range []string{" - ", " – ", " — "} {
			if head, ok := strings.CutSuffix(title, sep+site); ok && head != "" {
				return head
			}
		}
	}
	return title
}

// printedHead is the part of a <title> before its last dash or bar when
// the page prints that part alone as its headline ("Headline - Some Site",
// the site's name unknown, and "Headline" in the article's heading
// element); else title.
func (m *pageMeta) printedHead(title string) string {
	for _, sep := range []string{" - ", " – ", " — ", " | "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head := strings.TrimSpace(title[:i])
		if head == collapseSpace(m.h1) || slices.Contains(m.headings, head) {
			return head
		}
	}
	return title
}

// resolve chooses title, site, author and date in the order:
// JSON-LD, Open Graph, <time>, other meta, then visible text.
func (m *pageMeta) resolve(doc *Document) {
	ld, _ := readJSONLD(m.jsonLD)

	if ld.wikiPage() {
		// (The page's name, "Aide sociale directe (Maroc)", is its title;
		// its text holds as last edited.)
		ld.headline = firstNonEmpty(collapseSpace(m.h1), ld.name)
		ld.published = firstNonEmpty(ld.modified, ld.published)
	}
	doc.Title = firstNonEmpty(ld.headline, m.metaValue("og:title", "twitter:title", "dc.title", "title", "headline"), m.h1, m.titleTag)
	// A CMS may shorten the JSON-LD headline ("A, B" → "A"): the page's
	// own headline that starts with it and goes on is the full one.
	for _, full := range []string{m.metaValue("og:title"), collapseSpace(m.h1)} {
		if doc.Title != "" && len(full) > len(doc.Title) && strings.HasPrefix(full, doc.Title) {
			doc.Title = full
		}
	}
	// The markup's headline may carry a label the page prints apart, above
	// its <h1> ("EN DIRECT – " + the headline): the <h1> is the headline.
	if h1 := collapseSpace(m.h1); h1 != "" && len(doc.Title) > len(h1) && strings.HasSuffix(doc.Title, h1) {
		if label := strings.TrimRight(doc.Title[:len(doc.Title)-len(h1)], " "); len(label) <= 30 && strings.ContainsAny(label[max(0, len(label)-3):], "–—-:|") {
			doc.Title = h1
		}
	}
	doc.Site = firstNonEmpty(m.metaValue("og:site_name", "application-name", "twitter:site"), ld.publisher)
	if !latinScript(doc.Title) {
		// A bilingual page's Arabic og:title over its French <h1>: the
		// French headline titles the French article.
		for _, t := range []string{collapseSpace(m.h1), m.titleTag} {
			if t != "" && latinScript(t) {
				doc.Title = t
				break
			}
		}
	}
	if doc.Title == m.titleTag {
		doc.Title = m.printedHead(trimSiteName(doc.Title, doc.Site))
	}
	doc.Site = strings.TrimPrefix(doc.Site, "@")

	// Author candidates, best first. A name equal to the site's is the
	// publisher, not a person; text read from bylines must not hold digits
	// (those are dates and counters, never names).
	candidates := []string{ld.author}
	for _, k := range []string{"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "twitter:creator"} {
		candidates = append(candidates, m.metas[k])
	}
	nMarkup := len(candidates)
	candidates = append(candidates, m.authorProp, m.authorText)
	for i, c := range candidates {
		c = byPrefix.ReplaceAllString(collapseSpace(c), "")
		if c == "" || strings.Contains(c, "://") || strings.HasPrefix(c, "@") || strings.EqualFold(c, doc.Site) || notAName[strings.ToLower(c)] {
			continue
		}
		if i >= nMarkup && strings.ContainsAny(c, "0123456789") {
			continue
		}
		doc.Author = c
		break
	}

	doc.URL = firstNonEmpty(m.metaValue("og:url"), m.url)

	type source struct{ value, from string }
	for _, s := range []source{
		{ld.published, "json-ld"},
		{m.metaValue("article:published_time", "og:published_time", "og:article:published_time", "published_time"), "opengraph"},
		{m.metaValue("datepublished"), "meta"},
		{m.timeDate, "time"},
		{m.metaValue(publicationMetas...), "meta"},
		{m.bylinePub, "byline"},
		{m.scriptDate, "script"},
		{m.bylineDate, "byline"},
		{relativeDate(m.bylineRel, m.captured), "byline"},
		{titleDate(m.metaValue("og:title")), "title"},
		{titleDate(m.titleTag), "title"},
	} {
		if d := anyDate(s.value); d != "" {
			doc.Published, doc.PublishedFrom = d, s.from
			if mm := utcStamp.FindStringSubmatch(s.value); mm != nil {
				m.preferLocal(doc, mm[1])
			}
			return
		}
	}
	if mm := urlDate.FindStringSubmatch(doc.URL); mm != nil {
		if d := ymd(mm[1], mm[2], mm[3]); d != "" {
			doc.Published, doc.PublishedFrom = d, "url"
			return
		}
	}
	// A modified time dates an edit: the page's date only when nothing
	// else, not even its first sentence, gives one (parseHTML).
	if d := anyDate(firstNonEmpty(ld.modified, m.metaValue("og:updated_time", "article:modified_time", "datemodified", "last-modified", "dcterms.modified", "dc.date.modified", "modified"))); d != "" {
		m.updated = d
	}
}

// publicationMetas are the meta names and properties, other than Open
// Graph's and schema.org's, that CMSs give the publication date under,
// best first.
var publicationMetas = []string{
	"date", "dc.date", "dc.date.issued", "dc.date.created", "dc.date.published", "dcterms.created", "dcterms.date",
	"dcterms.issued", "pubdate", "pub_date", "publishdate", "publish-date", "publish_date", "publication_date",
	"publication-date", "date_publication", "date-publication", "date_published", "published", "article:published",
	"og:published", "release_date", "sailthru.date", "parsely-pub-date", "article.published", "article_date_original",
	"originalpublicationdate", "cxenseparse:recs:publishtime", "date.available", "citation_publication_date",
	"eprints.date", "datecreated", "created",
}

// dateAttrs are the attributes a date element writes its machine date
// in: microdata's content, microformats' title, data attributes (an ISO
// stamp or Unix seconds).
var dateAttrs = []string{"content", "datetime", "title", "data-date", "data-time", "data-timestamp", "data-published", "data-publish-date", "data-pubdate", "data-created"}

// attrDate is the machine date written in one of n's dateAttrs, or "".
func attrDate(n *html.Node) string {
	for _, k := range dateAttrs {
		v := strings.TrimSpace(attr(n, k))
		if v == "" {
			continue
		}
		if d := isoDate(v); d != "" {
			return d
		}
		if d := unixDate(v); d != "" {
			return d
		}
	}
	return ""
}

// unixDate reads Unix seconds (or milliseconds) of the years the corpus
// covers, as a UTC date.
func unixDate(v string) string {
	if len(v) != 10 && len(v) != 13 || strings.Trim(v, "0123456789") != "" {
		return ""
	}
	n, err := strconv.ParseInt(v[:10], 10, 64)
	if err != nil || n < 946684800 || n > 4102444800 { // 2000 to 2100
		return ""
	}
	return time.Unix(n, 0).UTC().Format("2006-01-02")
}

// titleDate is the date a headline gives the article: none when its words
// give it to a figure ("… au 31 décembre 2024").
func titleDate(t string) string {
	d, _ := articleDate(t)
	return d
}

// visibleDate is the last resort when no markup dates the article: the
// first date of the page's visible text labelled as the publication
// ("Publié le"), else the first with no label; dates labelled as a
// figure's, an edit's or the copy's are passed over (datelabel.go).
func (m *pageMeta) visibleDate() string {
	plain := ""
	for _, t := range m.texts {
		if p := t.Parent; p != nil && p.Type == html.ElementNode && (p.DataAtom == atom.Script || p.DataAtom == atom.Style || p.DataAtom == atom.Title) {
			continue
		}
		if len(t.Data) < 8 || plain != "" && !publicationHint(t.Data) {
			// (Once a plain date is known, only a node that may label
			// one as the publication is worth reading.)
			continue
		}
		for _, d := range labelledDates(t.Data) {
			switch d.kind {
			case datePublished:
				return d.date
			case datePlain:
				if plain == "" {
					plain = d.date
				}
			}
		}
	}
	return plain
}

// publicationHint is a cheap test for the words of a publication label.
func publicationHint(s string) bool {
	for _, w := range [...]string{"ubli", "UBLI", "osté", "osted", "OSTED", "n ligne", "aru"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = collapseSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// notAName are placeholders CMSs print where an author's name would be.
var notAName = map[string]bool{"no author": true, "unknown": true, "admin": true, "administrator": true, "posted": true, "posted by": true, "by": true, "par": true, "auteur": true, "author": true, "auteurs": true, "authors": true}

// utcStamp is a machine date given in UTC ("…T00:44:52.000Z", "+00:00").
var utcStamp = regexp.MustCompile(`T(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)\s*$`)

// preferLocal replaces a date read from a UTC stamp by the date the page
// shows (a <time> with a local offset, or a visible byline) when the two
// are a day apart in the direction a time zone can move a stamp within six
// hours of midnight: an article published at 21:44 in Brasília is stamped
// 00:44 the next day in UTC, and readers, like annotators, go by the local
// day.
func (m *pageMeta) preferLocal(doc *Document, hour string) {
	h, err := strconv.Atoi(hour)
	if err != nil {
		return
	}
	var shift time.Duration
	switch {
	case h < 6:
		shift = -24 * time.Hour
	case h >= 18:
		shift = 24 * time.Hour
	default:
		return
	}
	type alt struct{ date, from string }
	alts := []alt{{m.bylinePub, "byline"}, {m.bylineDate, "byline"}}
	if m.timeDate != "" && !utcStamp.MatchString(m.timeRaw) {
		alts = append([]alt{{m.timeDate, "time"}}, alts...)
	}
	for _, a := range alts {
		if a.date != "" && dayShift(doc.Published, a.date) == shift {
			doc.Published, doc.PublishedFrom = a.date, a.from
			return
		}
	}
}

// dayShift is to − from for two full ISO dates, 0 when either is partial.
func dayShift(from, to string) time.Duration {
	tf, err1 := time.Parse("2006-01-02", from)
	tt, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return 0
	}
	return tt.Sub(tf)
}
