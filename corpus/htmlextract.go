package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractor holds the per-page state of main-content extraction: the
// pruned tree's measures and the candidates' scores.
type extractor struct {
	st     map[*html.Node]*nodeStats
	score  map[*html.Node]float64
	scored []*html.Node // the keys of score in the order first scored, for deterministic choices
	// keep are the elements no class or id hint removes: a listing's
	// datelines (htmllisting.go).
	keep map[*html.Node]bool
}

// extractBody returns the paragraphs of the page's main content. root is
// modified (furniture is unlinked). relaxed is the second attempt on a page
// whose first extraction came out nearly empty: class and id hints are not
// trusted then.
func extractBody(root *html.Node, relaxed bool) []string {
	x := &extractor{st: make(map[*html.Node]*nodeStats, 1024)}
	pruneAlways(root)
	total := measure(root, x.st, false)
	if !relaxed {
		x.keep = map[*html.Node]bool{}
		x.listingDatelines(root)
		x.pruneHinted(root, total.text)
		clear(x.st)
		measure(root, x.st, false)
	}
	body := findBody(root)
	if body == nil {
		return nil
	}
	nodes := x.mainNodes(body)
	w := &textWriter{x: x}
	for _, n := range nodes {
		w.block(n)
	}
	w.flush()
	return w.paras
}

// pruneAlways unlinks comments and elements that never hold article text.
func pruneAlways(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && alwaysDrop(c):
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			pruneAlways(c)
		}
		c = next
	}
}

// pruneHinted unlinks elements whose class or id marks them as furniture,
// unless they hold most of the page's text (a whole page wrapped in
// class="main-header-wrap" must survive).
func (x *extractor) pruneHinted(n *html.Node, total int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type != html.ElementNode {
			c = next
			continue
		}
		if c.DataAtom != atom.Body && c.DataAtom != atom.Html {
			h := noiseHint(c)
			st := x.st[c]
			limit := 0.4
			if h == 2 {
				limit = 0.75
			}
			if h > 0 && st != nil && float64(st.text) < limit*float64(total) && !figureCaption(c) && !x.keep[c] {
				n.RemoveChild(c)
				c = next
				continue
			}
		}
		if c.FirstChild != nil {
			x.pruneHinted(c, total)
		}
		c = next
	}
}

// figureCaption reports whether n, marked as a caption, says what the
// figure standing alone just before it is: a key-figures page's "25,3 M"
// over "assurés couverts par l'AMO" (class "kpi-caption"). An image's
// caption follows an image, not a number; this one is the figure's noun.
func figureCaption(n *html.Node) bool {
	if !hintIn(classID(n), "caption") {
		return false
	}
	p := n.PrevSibling
	for p != nil && p.Type != html.ElementNode {
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) != "" {
			return false
		}
		p = p.PrevSibling
	}
	if p == nil || p.DataAtom == atom.Img || p.DataAtom == atom.Picture || p.DataAtom == atom.Figure {
		return false
	}
	return figureAlone(strings.TrimSpace(innerText(p, 64)))
}

// figureAlone reports whether s is a figure and its few words alone ("25,3
// M", "9,8 Mds DH", "87,4 %"): a digit, at most five words, no sentence.
func figureAlone(s string) bool {
	if s == "" || len(s) > 40 || strings.HasSuffix(s, ".") || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	return len(strings.Fields(s)) <= 5
}

func findBody(root *html.Node) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if c.DataAtom == atom.Body {
					found = c
					return
				}
				walk(c)
			}
		}
	}
	walk(root)
	if found == nil {
		return root
	}
	return found
}

// Scoring follows Readability's idea: paragraphs vote for their parent and
// grandparent with their length and commas; class hints and link density
// adjust the vote.
var (
	positiveHints = []string{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story", "texte", "contenu", "corps"}
	negativeHints = []string{"comment", "com-", "contact", "foot", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "hidden", "banner", "combx", "share", "social-", "nav", "menu", "caption", "credit"}
)

func classWeight(n *html.Node) float64 {
	w := 0.0
	for _, key := range [2]string{"class", "id"} {
		v := strings.ToLower(attr(n, key))
		if v == "" {
			continue
		}
		for _, h := range negativeHints {
			if strings.Contains(v, h) {
				w -= 25
				break
			}
		}
		for _, h := range positiveHints {
			if strings.Contains(v, h) {
				w += 25
				break
			}
		}
	}
	return w
}

func tagWeight(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Article:
		return 10
	case atom.Div, atom.Main, atom.Section:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// paraText is how much a node counts as a paragraph: a <p>, <pre> or <td>
// by its whole text, a container by the text written directly in it (a
// <div> used as a paragraph).
func (x *extractor) paraText(n *html.Node) int {
	st := x.st[n]
	if st == nil {
		return 0
	}
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote:
		return st.text
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Font, atom.Span, atom.Center:
		return st.own
	}
	return 0
}

func (x *extractor) addScore(n *html.Node, v float64) {
	s, ok := x.score[n]
	if !ok {
		s = tagWeight(n) + classWeight(n)
		x.scored = append(x.scored, n)
	}
	x.score[n] = s + v
}

// mainNodes picks the main-content element and the siblings that continue
// it, in document order.
func (x *extractor) mainNodes(body *html.Node) []*html.Node {
	x.score = make(map[*html.Node]float64, 256)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if t := x.paraText(c); t >= 25 {
				st := x.st[c]
				v := 1 + float64(st.commas) + min(float64(t/100), 3)
				if c.DataAtom != atom.P && c.DataAtom != atom.Pre && c.DataAtom != atom.Td && c.DataAtom != atom.Blockquote {
					// The div votes for itself too: its own text is the paragraph.
					x.addScore(c, v)
				}
				level := 0
				for a := c.Parent; a != nil && a.Type == html.ElementNode && level < 3; a = a.Parent {
					div := 1.0
					switch level {
					case 1:
						div = 2
					case 2:
						div = 6
					}
					x.addScore(a, v/div)
					level++
				}
			}
			walk(c)
		}
	}
	walk(body)

	var top *html.Node
	best := 0.0
	for _, n := range x.scored {
		s := x.score[n] * (1 - x.st[n].linkDensity())
		x.score[n] = s
		if top == nil || s > best || (s == best && x.st[n].text > x.st[top].text) {
			top, best = n, s
		}
	}
	if top == nil {
		return []*html.Node{body}
	}
	top = x.widen(top, best)
	return x.withTwins(body, top, x.withSiblings(top))
}

// withTwins adds, in document order, the elements elsewhere in the page
// with the same tag and class as the main block: CMSs split an article
// into several "story-text" blocks around ads and asides, and only one of
// them wins the scoring.
func (x *extractor) withTwins(body, top *html.Node, chosen []*html.Node) []*html.Node {
	class := attr(top, "class")
	if class == "" {
		return chosen
	}
	in := make(map[*html.Node]bool, len(chosen))
	for _, n := range chosen {
		in[n] = true
	}
	var out []*html.Node
	twins := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if in[c] {
				out = append(out, c)
				continue
			}
			if c.DataAtom == top.DataAtom && attr(c, "class") == class {
				if st := x.st[c]; st.text >= 50 && st.linkDensity() < 0.3 {
					out = append(out, c)
					twins++
					continue
				}
			}
			walk(c)
		}
	}
	walk(body)
	if twins == 0 {
		return chosen
	}
	return out
}

// widen moves up from the top candidate when the article is split across
// several high-scoring children of one ancestor, or when the candidate is
// an only child.
func (x *extractor) widen(top *html.Node, best float64) *html.Node {
	// Like Readability, only the best few candidates are rivals; this also
	// bounds the ancestor checks below.
	const nRivals = 5
	var rivals []*html.Node
	for _, n := range x.scored {
		s := x.score[n]
		if n == top || s < 0.75*best || s <= 0 {
			continue
		}
		i := len(rivals)
		for i > 0 && x.score[rivals[i-1]] < s {
			i--
		}
		if i < nRivals {
			rivals = append(rivals, nil)
			copy(rivals[i+1:], rivals[i:])
			rivals[i] = n
			if len(rivals) > nRivals {
				rivals = rivals[:nRivals]
			}
		}
	}
	if len(rivals) >= 3 {
		for a := top.Parent; a != nil && a.DataAtom != atom.Body && a.Type == html.ElementNode; a = a.Parent {
			inside := 0
			for _, r := range rivals {
				if contains(a, r) {
					inside++
				}
			}
			if inside >= 3 {
				top = a
				break
			}
		}
	}
	for top.Parent != nil && top.Parent.Type == html.ElementNode && top.Parent.DataAtom != atom.Body && onlyElementChild(top.Parent) {
		top = top.Parent
	}
	return top
}

func contains(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

func onlyElementChild(p *html.Node) bool {
	count := 0
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			count++
		} else if c.Type == html.TextNode && !isBlank(c.Data) {
			return false
		}
	}
	return count == 1
}

// withSiblings appends the siblings of top that continue the article: good
// candidates themselves, or plain paragraphs of running text.
func (x *extractor) withSiblings(top *html.Node) []*html.Node {
	if top.Parent == nil {
		return []*html.Node{top}
	}
	best := x.score[top]
	threshold := max(10, best*0.2)
	topClass := attr(top, "class")
	var out []*html.Node
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if s == top {
			out = append(out, s)
			continue
		}
		bonus := 0.0
		if topClass != "" && attr(s, "class") == topClass {
			bonus = best * 0.2
		}
		if sc, ok := x.score[s]; ok && sc+bonus >= threshold {
			out = append(out, s)
			continue
		}
		// A sibling of the same kind as the main block (the next "field
		// item" of a CMS) continues the article when it is text, not links.
		if bonus > 0 && s.DataAtom == top.DataAtom {
			if st := x.st[s]; st.text >= 80 && st.linkDensity() < 0.3 {
				out = append(out, s)
				continue
			}
		}
		if s.DataAtom == atom.P {
			st := x.st[s]
			ld := st.linkDensity()
			if st.text > 80 && ld < 0.25 {
				out = append(out, s)
			}
		}
	}
	return out
}
