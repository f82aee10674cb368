package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropTags never hold article text: code, media, widgets, and the page
// regions (nav, aside, footer, header) the issue names as furniture.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Option: true, atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true,
	atom.Menu: true, atom.Dialog: true, atom.Head: true, atom.Link: true, atom.Meta: true,
	atom.Audio: true, atom.Video: true, atom.Source: true, atom.Track: true, atom.Map: true,
	atom.Figcaption: true, atom.Picture: true, atom.Img: true, atom.Label: true, atom.Title: true,
}

// dropRoles are ARIA landmarks of page furniture.
var dropRoles = map[string]bool{
	"navigation": true, "banner": true, "complementary": true, "contentinfo": true,
	"menu": true, "menubar": true, "dialog": true, "alertdialog": true, "search": true,
	"toolbar": true, "tablist": true, "alert": true, "tooltip": true,
}

// Class and id hints ("social-" and not "social": the French "sociale"
// names content on the sites this project reads). strongNoise removes an element whatever else its
// class says (a "content-share" block is still a share block); weakNoise
// only when no content hint is present ("article-header" stays).
var (
	strongNoise = []string{
		"share", "sharing", "social-", "socials", "caption", "credit", "comment", "related",
		"newsletter", "cookie", "consent", "gdpr", "outbrain", "taboola", "breadcrumb",
		"sponsor", "advert", "adsense", "dfp-", "-ad-", "ad-slot", "adslot", "ads-", "promo",
		"popup", "modal", "subscribe", "paywall", "signup", "sign-up", "login", "disqus",
		"recommend", "read-more", "readmore", "read-also", "readalso", "lire-aussi", "lireaussi", "a-lire", "alire", "more-stories",
		"most-read", "mostread", "most-popular", "trending", "tag-list", "taglist", "tagcloud",
		"post-tags", "article-tags", "entry-tags", "author-bio", "authorbio", "about-author",
		"skip-link", "skiplink", "print-only", "visually-hidden", "sr-only", "screen-reader",
		"wp-caption-text", "byline", "timestamp", "-meta", "meta-", "_meta", "toolbar", "pagination", "pager",
		"footnote-ref", "rating", "vote", "jump-link", "inline-ad", "teaser-list", "also-read",
		"see-also", "voir-aussi", "follow-us", "suivez-nous",
	}
	weakNoise = []string{
		"footer", "header", "masthead", "menu", "sidebar", "side-bar", "aside", "banner", "nav",
		"combx", "community", "cover-wrap", "extra", "legends", "remark", "replies", "rss",
		"shoutbox", "skyscraper", "supplemental", "agegate", "yom-remote", "meta", "tags",
		"topbar", "top-bar", "teaser", "infobox", "widget",
	}
	// "extrait" is French for an excerpt (a search result's snippet), not
	// Readability's "extra": it is the text.
	contentHints = []string{"article", "body", "content", "main", "entry", "post", "story", "text", "column", "shadow", "blog", "extrait"}
)

// noiseHint tells whether an element's class or id marks it as furniture:
// 2 strong, 1 weak (overridden by a content hint), 0 none.
func noiseHint(n *html.Node) int {
	ci := classID(n)
	if ci == "" {
		return 0
	}
	for _, s := range strongNoise {
		if hintIn(ci, s) {
			return 2
		}
	}
	for _, s := range weakNoise {
		if hintIn(ci, s) {
			for _, c := range contentHints {
				if hintIn(ci, c) {
					return 0
				}
			}
			return 1
		}
	}
	return 0
}

// hintIn reports whether the class-and-id string ci carries hint h. Long
// hints and hints with a hyphen match anywhere ("articleComments" is a
// comment block); short ones only at the start of a class token ("navbar",
// "nav-main"), since "nav" is also in "canvas" and "meta" in "metamorph".
func hintIn(ci, h string) bool {
	if len(h) >= 6 || strings.ContainsRune(h, '-') {
		return strings.Contains(ci, h)
	}
	for i := 0; ; {
		j := strings.Index(ci[i:], h)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || !isAlnum(ci[j-1]) {
			return true
		}
		i = j + 1
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

// classID is the lowercased class and id of an element, " "-joined.
func classID(n *html.Node) string {
	var class, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		}
	}
	if class == "" && id == "" {
		return ""
	}
	return strings.ToLower(class + " " + id)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isHidden reports elements a browser would not show.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "display:none") || strings.Contains(v, "display: none") ||
				strings.Contains(v, "visibility:hidden") || strings.Contains(v, "visibility: hidden") {
				return true
			}
		}
	}
	return false
}

// alwaysDrop reports elements removed in every pass.
func alwaysDrop(n *html.Node) bool {
	if dropTags[n.DataAtom] {
		return true
	}
	if r := attr(n, "role"); r != "" && dropRoles[strings.ToLower(r)] {
		return true
	}
	return isHidden(n) || isWrapper(n)
}

// wrapperMarks are the ids and classes of the banners a cache or an
// archive puts above the page it serves (Google's cache header, the
// Wayback Machine's toolbar): their text and dates are the copy's, never
// the article's.
var wrapperMarks = []string{"google-cache-hdr", "wm-ipp", "wm-toolbar", "wm-capinfo", "donato", "archive-toolbar", "wb-header"}

// isWrapper reports whether n is such a banner. The marks are matched in
// the attributes as written (the tools write them in lowercase): this runs
// on every element, and lowercasing each class would cost more than the
// rest of the check.
func isWrapper(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Div {
		return false // (the banners are divs; the test runs on every element)
	}
	for _, a := range n.Attr {
		if a.Key != "id" && a.Key != "class" || len(a.Val) < 6 {
			continue
		}
		for _, w := range wrapperMarks {
			if strings.Contains(a.Val, w) {
				return true
			}
		}
	}
	return false
}
