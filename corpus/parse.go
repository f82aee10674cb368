package corpus

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Parse cleans one file's raw bytes into a Document. The extension of name
// chooses the stripper: .html and .htm are pages, anything else is a text
// dump. The error is non-nil only when the input cannot be read as a
// document at all; an article with no recognisable body gives an empty Body.
// Parse keeps no state between calls and is safe for concurrent use.
func Parse(name string, raw []byte) (*Document, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		doc, err := parseHTML(raw)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		doc.File = name
		return doc, nil
	default:
		doc := parseText(raw)
		doc.File = name
		return doc, nil
	}
}

// parseText is Parse for text dumps.
func parseText(raw []byte) *Document {
	text, _ := decodeBytes(raw, false)
	blocks, meta := stripText(text)
	return &Document{
		Title:         nfc(meta.title),
		Site:          nfc(meta.site),
		Author:        nfc(meta.author),
		Published:     meta.published,
		PublishedFrom: meta.from,
		Body:          joinBlocks(blocks),
	}
}

// joinBlocks is the Body of a document: paragraphs in NFC separated by one
// blank line. Repeated paragraphs stay: interviews repeat their questions
// and recipes their lines, and the eval set's truth keeps them.
func joinBlocks(blocks []string) string {
	var b strings.Builder
	for _, p := range blocks {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return nfc(b.String())
}

func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}
