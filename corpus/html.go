package corpus

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// minBody is the length under which a first extraction is distrusted and
// the page is read again without trusting class and id hints.
const minBody = 250

// parseHTML is Parse for pages.
func parseHTML(raw []byte) (*Document, error) {
	text, _, warning := decodeChecked(raw, true)
	root, err := html.Parse(strings.NewReader(text))
	if tooDeep(err) {
		text = flattenDeep(text)
		if root, err = html.Parse(strings.NewReader(text)); err == nil {
			warning = strings.TrimPrefix(warning+"; ", "; ") +
				fmt.Sprintf("nested deeper than 512 elements: tags below %d levels dropped, their text kept", flattenDepth)
		}
	}
	if err != nil {
		if tooDeep(err) {
			return nil, fmt.Errorf("html: nested deeper than 512 elements, even with the deepest tags dropped")
		}
		return nil, fmt.Errorf("html: %w", err)
	}
	meta := readPageMeta(root)
	doc := &Document{Warning: warning}
	meta.resolve(doc)

	paras := extractBody(root, false)
	if bodyLen(paras) < minBody {
		again, err := html.Parse(strings.NewReader(text))
		if err != nil {
			return nil, fmt.Errorf("html: %w", err)
		}
		if p2 := extractBody(again, true); bodyLen(p2) > bodyLen(paras) {
			paras = p2
		}
	}
	doc.Body = joinBlocks(barRows(paras))
	if doc.Published == "" && len(paras) > 0 {
		doc.Published, doc.PublishedFrom = firstSentenceDate(paras[0])
	}
	if doc.Published == "" && meta.updated != "" {
		doc.Published, doc.PublishedFrom = meta.updated, "updated"
	}
	if doc.Published == "" {
		if d := meta.visibleDate(); d != "" {
			doc.Published, doc.PublishedFrom = d, "text"
		}
	}
	doc.Title = nfc(doc.Title)
	doc.Site = nfc(doc.Site)
	doc.Author = nfc(doc.Author)
	return doc, nil
}

func bodyLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}
