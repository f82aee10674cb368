package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start and end a paragraph of the output.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Address: true, atom.Hr: true,
	atom.Br: true, atom.Center: true, atom.Form: true, atom.Fieldset: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true, atom.Body: true, atom.Html: true,
}

// textWriter turns the chosen subtree into paragraphs, dropping the
// furniture left inside the article (link lists, share prompts, credits).
type textWriter struct {
	x      *extractor
	paras  []string
	cur    strings.Builder
	space  bool
	link   int // runes of link text in cur
	inLink int
}

func (w *textWriter) block(n *html.Node) {
	if n.Type == html.TextNode {
		w.text(n.Data)
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	if w.x.isNoise(n) {
		return
	}
	if n.DataAtom == atom.Table && w.writeTable(n) {
		return
	}
	isBlock := blockTags[n.DataAtom]
	if isBlock {
		w.flush()
	}
	// A table row is one paragraph, its cells separated by " | ", so that a
	// figure stays on the line of its label.
	cell := n.DataAtom == atom.Td || n.DataAtom == atom.Th
	if cell && w.cur.Len() > 0 {
		w.cur.WriteString(" |")
		w.space = true
	}
	if n.DataAtom == atom.A {
		w.inLink++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.block(c)
	}
	if n.DataAtom == atom.A {
		w.inLink--
	}
	if isBlock {
		w.flush()
	} else if cell {
		w.space = true
	}
}

func (w *textWriter) text(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u2009', '\u202f':
			if w.cur.Len() > 0 {
				w.space = true
			}
			continue
		case '\u00ad', '\u200b', '\u2060', '\ufeff':
			// Soft hyphens and zero-width spaces are invisible: keeping
			// them would split the words later stages look for.
			continue
		}
		if w.space {
			w.cur.WriteByte(' ')
			w.space = false
		}
		w.cur.WriteRune(r)
		if w.inLink > 0 {
			w.link++
		}
	}
}

// flush ends the current paragraph, keeping it unless it is furniture.
func (w *textWriter) flush() {
	p := w.cur.String()
	link := w.link
	w.cur.Reset()
	w.space, w.link = false, 0
	if p == "" {
		return
	}
	n := runeLen(p)
	// A paragraph that is all link is a menu entry or a "read more" teaser.
	if link*10 >= n*8 && n < 200 {
		return
	}
	if isFurniture(p) || isTweet(p) {
		return
	}
	w.paras = append(w.paras, p)
}

// isNoise decides, from the measures, whether an element inside the main
// content is furniture: link lists, forms, related blocks, titles.
func (x *extractor) isNoise(n *html.Node) bool {
	st := x.st[n]
	if st == nil {
		return false
	}
	switch n.DataAtom {
	case atom.H1:
		// The title is metadata; the body starts with the article.
		return true
	case atom.Form:
		return st.paras < 3
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Table, atom.Dl, atom.Span, atom.Center, atom.Figure:
		ld := st.linkDensity()
		if ld > 0.5 && st.text < 3000 {
			return true
		}
		if ld > 0.3 && st.paras == 0 && st.text < 400 {
			return true
		}
	}
	return false
}
