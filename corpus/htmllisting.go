package corpus

import (
	"unicode/utf8"

	"golang.org/x/net/html"
)

// This file: the datelines of a listing's entries. A search results page
// or a news feed is a run of items of one tag and class, each a headline,
// a line with its date and a snippet. On an article page a line whose
// class says "meta" or "date" is furniture; on a listing it is the date
// of the snippet under it, which a reader needs to date its figures.

// minListing is how many dated items of one kind make a listing.
const minListing = 3

// maxItemDateline is the longest item dateline, in runes: a rubric, a
// date, an author, a reading time.
const maxItemDateline = 120

// minSnippet is the least text, in runes, an item holds besides its links
// and its dateline: a listing's entry has a snippet, where a "Lire aussi"
// list's has only its headline.
const minSnippet = 60

// listingDatelines marks (x.keep) the datelines of the entries of every
// listing under n: for each group of minListing or more sibling elements
// of one tag and class, each holding a short element that gives a full
// date and a snippet, the outermost such element of each item.
func (x *extractor) listingDatelines(n *html.Node) {
	var count map[string]int
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		x.listingDatelines(c)
		if c.FirstChild != nil {
			if count == nil {
				count = map[string]int{}
			}
			count[itemKey(c)]++
		}
	}
	var lines map[string][]*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.FirstChild == nil || count[itemKey(c)] < minListing {
			continue
		}
		if d := x.itemDateline(c); d != nil && x.snippet(c, d) {
			if lines == nil {
				lines = map[string][]*html.Node{}
			}
			k := itemKey(c)
			lines[k] = append(lines[k], d)
		}
	}
	for k, ds := range lines {
		// (Every group's lines are marked or none: the map's order
		// changes nothing.)
		if len(ds) >= minListing && 2*len(ds) >= count[k] {
			for _, d := range ds {
				x.keep[d] = true
			}
		}
	}
}

// itemKey is what the items of one listing share: their tag and class.
func itemKey(n *html.Node) string { return n.Data + "\x00" + attr(n, "class") }

// itemDateline is the outermost element inside item whose text is short
// and gives a full date, or nil.
func (x *extractor) itemDateline(item *html.Node) *html.Node {
	for c := item.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if st := x.st[c]; st == nil || st.text > maxItemDateline {
			// (Non-space runes: more than a dateline's whole text.)
			if d := x.itemDateline(c); d != nil {
				return d
			}
			continue
		}
		t := innerText(c, 4*maxItemDateline)
		if utf8.RuneCountInString(t) > maxItemDateline {
			continue
		}
		if d, _ := textDate(t); d != "" {
			return c
		}
	}
	return nil
}

// snippet reports whether item holds text of its own besides its links
// and its dateline d.
func (x *extractor) snippet(item, d *html.Node) bool {
	it, dt := x.st[item], x.st[d]
	return it != nil && dt != nil && it.text-it.link-dt.text >= minSnippet
}
