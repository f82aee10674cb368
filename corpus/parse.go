package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Parse cleans one file's raw bytes into a Document. The extension of name
// chooses the stripper: .html and .htm are pages, anything else is a text
// dump. The error is non-nil only when the input cannot be read as a
// document at all; an article with no recognisable body gives an empty Body.
// Parse keeps no state between calls and is safe for concurrent use.
func Parse(name string, raw []byte) (*Document, error) {
	if kind := binaryKind(raw); kind != "" {
		return nil, fmt.Errorf("parse %s: %w (%s)", name, ErrNotText, kind)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		doc, err := parseHTML(raw)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		doc.File = name
		doc.Title = trimTitleMarks(doc.Title)
		return doc, nil
	default:
		doc := parseText(raw)
		doc.File = name
		doc.Title = trimTitleMarks(doc.Title)
		return doc, nil
	}
}

// trimTitleMarks drops the emoji and pictographs a post's headline ends
// on ("… 7 chiffres que personne ne regarde 🧵👇"): they are no words of
// the title.
func trimTitleMarks(t string) string {
	return strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.So, r) || r == '\ufe0f' || r == '\u200d' || unicode.Is(unicode.Sk, r)
	})
}

// ErrNotText is the error Parse returns for a file whose bytes are not
// text in any encoding: a scraper that saved a PDF, an image or a gzipped
// response under an article's name.
var ErrNotText = errors.New("not a text or HTML file")

// binarySniff bounds how much of a file binaryKind looks at.
const binarySniff = 8 << 10

// binaryKind names what a non-text file looks like, or returns "" for text.
// Text in UTF-16 (with its byte-order mark) holds NUL bytes, so the marks
// are checked first; any other text has none, nor many control bytes,
// whatever its 8-bit charset.
func binaryKind(raw []byte) string {
	for _, sig := range []struct{ magic, kind string }{
		{"\x1f\x8b", "gzip data"},
		{"%PDF-", "a PDF document"},
		{"PK\x03\x04", "a zip archive"},
		{"\x89PNG", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"GIF8", "a GIF image"},
	} {
		if bytes.HasPrefix(raw, []byte(sig.magic)) {
			return sig.kind
		}
	}
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return ""
	}
	head := raw[:min(len(raw), binarySniff)]
	control := 0
	for _, c := range head {
		switch {
		case c == 0:
			return "binary data (NUL bytes)"
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b:
			control++
		}
	}
	// A few stray control bytes occur in scraped text; a tenth of the
	// bytes does not.
	if len(head) > 0 && control*10 > len(head) {
		return "binary data (control bytes)"
	}
	return ""
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
	// Sized once: the body is kept for the whole extraction, and a
	// builder grown by doubling would keep up to twice a long text, after
	// as much garbage (issue 15).
	size := 0
	for _, p := range blocks {
		if p = strings.TrimSpace(p); p != "" {
			size += len(p) + 2
		}
	}
	var b strings.Builder
	b.Grow(max(size-2, 0))
	prevCue, prevOpen := false, false
	for _, p := range blocks {
		p = strings.TrimSpace(p)
		cue := strings.HasPrefix(p, "[") && timecodeFirst.MatchString(p)
		p = strings.TrimSpace(dropTimecodes(p))
		if p == "" {
			continue
		}
		switch {
		case b.Len() == 0:
		case cue && prevCue && prevOpen && startsLower(p):
			// A transcript's cues, one a block, cut a sentence every few
			// words: the cue that goes on with it joins it.
			b.WriteByte(' ')
		default:
			b.WriteString("\n\n")
		}
		b.WriteString(p)
		prevCue, prevOpen = cue, !sentenceClosed(p)
	}
	return nfc(b.String())
}

// cueStamp is a video transcript's or a subtitle's cue stamp:
// "[00:01:12]", "[01:02:03.500]". Hours, minutes and seconds all written:
// a live blog's "[10:30]" is the hour of an entry.
const cueStamp = `\[\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?\]`

// srtTiming is a subtitle file's cue timing line: "00:01:02,500 -->
// 00:01:05,000" (SubRip; WebVTT writes a period).
var srtTiming = regexp.MustCompile(`^\s*(\d{1,2}:\d{2}:\d{2}[.,]\d{1,3})\s*-->\s*\d{1,2}:\d{2}:\d{2}[.,]\d{1,3}`)

// srtCues rewrites a subtitle file's cues (a number, a timing line, one
// or two lines of text) as a transcript's: one line, opened by its stamp
// ("[00:01:02,500] text"), neither the cue's number nor its timing read
// as a figure. A cue that goes on with the sentence the cue before left
// open joins its line: cut every few words, the cues would otherwise
// read as a run of short lines (a menu) and a figure lose its noun.
func srtCues(lines []string) []string {
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "-->") }) {
		return lines // (every dump passes here; few are subtitles)
	}
	out := lines[:0:0]
	open := false // the last line out is a cue whose sentence goes on
	for i := 0; i < len(lines); i++ {
		num := strings.TrimSpace(lines[i])
		var m []string
		if num != "" && strings.Trim(num, "0123456789") == "" && i+1 < len(lines) {
			m = srtTiming.FindStringSubmatch(lines[i+1])
		}
		if m == nil {
			out = append(out, lines[i])
			open = open && num == ""
			continue
		}
		text := ""
		j := i + 2
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
			text += " " + strings.TrimSpace(lines[j])
		}
		i = j - 1
		if text == "" {
			continue
		}
		if k := len(out) - 1; open && startsLower(text) {
			// (Past the blank line that parted the cues.)
			for k > 0 && out[k] == "" {
				k--
			}
			out = append(out[:k], out[k]+text)
		} else {
			out = append(out, "["+m[1]+"]"+text)
		}
		open = !sentenceClosed(text)
	}
	return out
}

// quoteMarks are the marks an e-mail client puts before each line it
// quotes, one for each level: "> ", "> > ", ">>".
var quoteMarks = regexp.MustCompile(`^\s*(?:>\s?)+`)

// unquote takes the quote marks off the lines of a thread's quoted
// replies, when two lines or more carry them: the quoted text is read as
// text (its lists as lists), and a quoted blank line parts paragraphs.
func unquote(lines []string) []string {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), ">") {
			if n++; n >= 2 {
				break
			}
		}
	}
	if n < 2 {
		return lines
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = quoteMarks.ReplaceAllString(l, "")
	}
	return out
}

// boxVerticals are the strokes a text dump draws a frame's sides and a
// table's column rules with.
const boxVerticals = "│┃║┆┊"

// isBoxRune reports whether r is a box-drawing character (U+2500–U+257F).
func isBoxRune(r rune) bool { return r >= 0x2500 && r <= 0x257F }

// unbox takes the frames off the boxes a text dump draws ("┌────┐", "│ LE
// SAVIEZ-VOUS ? │", "└────┘") so that their text is read as text, and
// writes a boxed table's rows ("│ Fin 2023 │ 84 % │") as pipe rows. A
// border line parts paragraphs as a blank line does; a title set in a top
// border ("┌─ MÉTHODOLOGIE ───") is kept as a line of its own.
func unbox(lines []string) []string {
	boxed := false
	for _, l := range lines {
		if strings.IndexFunc(l, isBoxRune) >= 0 {
			boxed = true
			break
		}
	}
	if !boxed {
		return lines
	}
	out := make([]string, 0, len(lines)+8)
	for _, l := range lines {
		t := strings.TrimSpace(l)
		first, _ := utf8.DecodeRuneInString(t)
		if !isBoxRune(first) {
			out = append(out, l)
			continue
		}
		if !strings.ContainsRune(boxVerticals, first) || strings.IndexFunc(t, func(r rune) bool { return !isBoxRune(r) && !unicode.IsSpace(r) }) < 0 {
			// A border, maybe with a title in it.
			if title := strings.TrimSpace(strings.Map(func(r rune) rune {
				if isBoxRune(r) {
					return ' '
				}
				return r
			}, t)); title != "" && strings.IndexFunc(t, func(r rune) bool { return strings.ContainsRune(boxVerticals, r) }) < 0 {
				out = append(out, "", collapseSpace(title), "")
			} else {
				out = append(out, "")
			}
			continue
		}
		// The frame's sides go; the strokes between are a table's
		// column rules, and an empty cell stays a cell.
		var cells []string
		from := 0
		for i, r := range t {
			if strings.ContainsRune(boxVerticals, r) {
				cells = append(cells, strings.TrimSpace(t[from:i]))
				from = i + utf8.RuneLen(r)
			}
		}
		cells = append(cells, strings.TrimSpace(t[from:]))
		cells = cells[1:] // before the left side: nothing
		if len(cells) > 1 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

// timecodeFirst is a block that opens with a cue stamp.
var timecodeFirst = regexp.MustCompile(`^` + cueStamp)

// startsLower reports whether p's first letter or digit is a lowercase
// letter or a digit: the rest of a sentence, not a new one.
func startsLower(p string) bool {
	for _, r := range p {
		switch {
		case unicode.IsLower(r) || unicode.IsDigit(r):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// sentenceClosed reports whether p ends a sentence or a speaker's turn.
func sentenceClosed(p string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p, " »”\"')"))
	return strings.ContainsRune(".!?:…", r)
}

// timecode is a cue stamp with the blanks around it.
var timecode = regexp.MustCompile(`[ \t]*` + cueStamp + `[ \t]*`)

// dropTimecodes removes a transcript's cue stamps from a block: they cut
// its sentences every few words ("couvre 11,6 [00:00:32] millions"), and
// a figure or a date read across one would be lost.
func dropTimecodes(p string) string {
	if !strings.Contains(p, ":") || !strings.Contains(p, "]") {
		return p
	}
	p = timecode.ReplaceAllString(p, " ")
	return strings.ReplaceAll(strings.ReplaceAll(p, "\n ", "\n"), " \n", "\n")
}

func nfc(s string) string {
	if below0300(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// below0300 reports whether s is valid UTF-8 with no character from
// U+0300 up (its lead bytes are below 0xCC): such a text is in NFC, for
// every character below the combining marks is NFC's quick-check Yes and
// a starter, and French in Latin-1 is read without x/text's tables.
func below0300(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xCC {
			return false
		}
	}
	return utf8.ValidString(s)
}
