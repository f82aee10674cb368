package corpus

import (
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flattenDepth is the nesting flattenDeep keeps: well under the 512 open
// elements at which html.Parse gives up, since the tree builder may reopen
// formatting elements the tokens do not show.
const flattenDepth = 256

// tooDeep reports whether html.Parse refused a page for its nesting.
func tooDeep(err error) bool {
	return err != nil && strings.Contains(err.Error(), "open stack of elements exceeds")
}

// flattenDeep rewrites a page nested deeper than html.Parse accepts (a
// broken template that never closes its <div>s, or a page built to choke
// parsers): the tags below flattenDepth are dropped, their text kept, so
// that the page's words are still read.
func flattenDeep(text string) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	b.Grow(len(text))
	depth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if !errors.Is(z.Err(), io.EOF) {
				b.Write(z.Raw())
			}
			return b.String()
		}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if void(atom.Lookup(name)) {
				break
			}
			depth++
			if depth > flattenDepth {
				b.WriteByte(' ') // the tag parted words
				continue
			}
		case html.EndTagToken:
			if depth > flattenDepth {
				depth--
				b.WriteByte(' ')
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		b.Write(z.Raw())
	}
}

// void reports elements that never hold content, so never nest.
func void(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
