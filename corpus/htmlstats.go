package corpus

import (
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeStats are the text measures of one element's subtree, computed once
// bottom-up so that no scoring step walks a subtree again.
type nodeStats struct {
	text   int // non-space runes of visible text
	link   int // of which inside <a>
	commas int
	paras  int // <p> descendants with some text
	own    int // non-space runes in direct text children
}

// measure fills st for n's element subtree and returns n's stats.
func measure(n *html.Node, st map[*html.Node]*nodeStats, inLink bool) nodeStats {
	var s nodeStats
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t, commas := countText(c.Data)
			s.text += t
			s.own += t
			s.commas += commas
			if inLink {
				s.link += t
			}
		case html.ElementNode:
			cs := measure(c, st, inLink || c.DataAtom == atom.A)
			s.text += cs.text
			s.link += cs.link
			s.commas += cs.commas
			s.paras += cs.paras
			if c.DataAtom == atom.P && cs.text > 0 {
				s.paras++
			}
		}
	}
	if n.Type == html.ElementNode {
		cp := s
		st[n] = &cp
	}
	return s
}

// countText counts non-space runes and commas (Latin and CJK).
func countText(s string) (n, commas int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\t', '\n', '\r', '\f':
				continue
			case ',':
				commas++
			}
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\u00a0', '\u200b', '\u2009', '\u202f':
			continue
		case '，', '、', '،':
			commas++
		}
		n++
	}
	return n, commas
}

func (s *nodeStats) linkDensity() float64 {
	if s == nil || s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}
