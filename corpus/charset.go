package corpus

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaScanLimit bounds the prescan for a declared charset: pages often put
// kilobytes of scripts and styles before their <meta charset>, so the
// HTML5 1024-byte window is too short for scraped pages.
const metaScanLimit = 16 << 10

// metaCharset matches both <meta charset="x"> and the http-equiv form
// content="text/html; charset=x".
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// decodeBytes turns raw file bytes into valid UTF-8 text and names the
// encoding it used. Order: byte-order mark, then (for HTML) a declared
// charset, then UTF-8 when the bytes are valid UTF-8, then Windows-1252,
// which is what French pages saved without a declaration are in practice
// (and a superset of ISO-8859-1 for printable text).
func decodeBytes(raw []byte, isHTML bool) (string, string) {
	text, name, _ := decodeChecked(raw, isHTML)
	return text, name
}

// decodeChecked is decodeBytes with a warning for the reader when the bytes
// contradict the page's declaration ("" when they agree).
func decodeChecked(raw []byte, isHTML bool) (text, name, warning string) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), "utf-8", ""
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), raw), "utf-16le", ""
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), raw), "utf-16be", ""
	}
	valid := utf8.Valid(raw)
	if isHTML {
		if enc, name := declaredCharset(raw); enc != nil {
			// A page that declares a legacy charset but whose bytes are
			// valid UTF-8 with multi-byte sequences was re-saved as UTF-8 by
			// the scraper; such byte sequences almost never occur in real
			// legacy-encoded text, so the bytes win over the stale
			// declaration.
			if valid && name != "utf-8" && hasHighBit(raw) {
				return string(raw), "utf-8", ""
			}
			if name == "utf-8" || enc == encoding.Nop {
				if valid {
					return string(raw), "utf-8", ""
				}
				// A page saved in Windows-1252 by a template that declares
				// UTF-8: its accents are lone high bytes, never valid
				// sequences. Read it as what it is rather than as mojibake.
				good, bad := utf8Counts(raw)
				if bad > good {
					return decodeWith(charmap.Windows1252, raw), "windows-1252",
						fmt.Sprintf("declares charset utf-8 but %d bytes are not UTF-8: read as windows-1252", bad)
				}
				return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8",
					fmt.Sprintf("%d bytes of invalid UTF-8 replaced by U+FFFD", bad)
			}
			return decodeWith(enc, raw), name, ""
		}
	}
	if valid {
		return string(raw), "utf-8", ""
	}
	return decodeWith(charmap.Windows1252, raw), "windows-1252", ""
}

// utf8Counts counts the valid multi-byte sequences of b and its bytes that
// are no part of a valid sequence.
func utf8Counts(b []byte) (good, bad int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		b = b[n:]
	}
	return good, bad
}

// declaredCharset finds a <meta> charset declaration near the top of a page.
func declaredCharset(raw []byte) (encoding.Encoding, string) {
	head := raw
	if len(head) > metaScanLimit {
		head = head[:metaScanLimit]
	}
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return nil, ""
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil {
		return nil, ""
	}
	// A page cannot really be UTF-16 if its ASCII meta tag was readable.
	if strings.HasPrefix(name, "utf-16") {
		return encoding.Nop, "utf-8"
	}
	return enc, name
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// decodeWith decodes b with enc; decoders of x/text only fail on invalid
// input for multi-byte encodings, where replacement is the right answer.
func decodeWith(enc encoding.Encoding, b []byte) string {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}
