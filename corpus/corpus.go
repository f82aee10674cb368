// Package corpus turns scraped article files (plain-text dumps and HTML
// pages) into clean article text with its metadata: charset decoding,
// boilerplate removal, title, site, author and publication date.
package corpus

// Document is one article after cleaning.
type Document struct {
	// File is the path the document was read from, as given by the caller.
	File string `json:"file"`
	// Title, Site, Author and URL are "" when the page does not give them.
	Title  string `json:"title"`
	Site   string `json:"site"`
	Author string `json:"author"`
	URL    string `json:"url,omitempty"`
	// Published is an ISO 8601 partial date ("2025-02-17", "2023-04") or ""
	// when the article gives none; PublishedFrom names where it was found
	// and is "" when Published is. Pages: "json-ld", "opengraph", "meta",
	// "time", "byline" (a visible date element, or a relative one counted
	// back from the page's saved date), "script" (the page's JSON state),
	// "title", "url", then "first-sentence" / "dateline" of the body,
	// "updated" (a modified time or "Mis à jour le") and, last, "text" (the
	// first date on the page that its words give to no figure, edit or
	// copy). Text dumps: "header" (a scraper's or an e-mail's header, an
	// app's "Exporté le …" over the messages it exported, or a cover that
	// gives only a month), "byline" (a "Publié dans … le …"
	// block, a byline or masthead line near the top, a relative byline
	// counted back from the scraper's capture stamp), "dateline",
	// "first-sentence", then "closing" (a communiqué's last "Fait à X, le
	// …"), "url" (the address a header line gives) and "updated". A date
	// that dates the copy (a print, a cache's snapshot, an archive's
	// capture) is never the publication date.
	Published     string `json:"published"`
	PublishedFrom string `json:"published_from"`
	// Body is the article's own text, NFC, paragraphs separated by "\n\n".
	// Every span the later stages report is a byte offset into Body.
	Body string `json:"body"`
	// Warning is what the reader should know of how the file was read
	// (its bytes contradict its declared charset), "" mostly; the document
	// is usable either way. (A string, not a slice: Documents compare.)
	Warning string `json:"-"`
}
