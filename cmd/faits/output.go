package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/faits/faits/extract"
)

// warningText is how a command says an ingest warning after the file name:
// a rule's names the rule and the byte; a reading warning of corpus (no
// rule) is said as it is.
func warningText(w extract.Warning) string {
	if w.Rule == "" {
		return "warning: " + w.Msg
	}
	return fmt.Sprintf("warning: rule %s at byte %d: %s", w.Rule, w.Offset, w.Msg)
}

// termString escapes what a terminal would act on instead of showing:
// control characters (C0 but newline, DEL, C1: "\x1b]0;title\a" retitles
// the window, "\r" overwrites the line) and the bidirectional overrides
// that reorder what is shown. Scraped titles, sentences, file names and
// editors' notes reach the terminal through it; they are shown as \xNN or
// \uNNNN, so nothing is hidden either.
func termString(s string) string { return escapeFor(s, termEscaped) }

// messageString is termString for messages on standard error, which keep
// their tabs (flag's usage indents with them; a tab moves the cursor, it
// cannot rewrite what is shown).
func messageString(s string) string {
	return escapeFor(s, func(r rune) bool { return r != '\t' && termEscaped(r) })
}

func escapeFor(s string, escaped func(rune) bool) string {
	i := strings.IndexFunc(s, escaped)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case !escaped(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func termEscaped(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// termWriter passes what is written through termString; a rune split
// between two writes is held until it is whole. (Tab separates the cells of
// a tabwriter before it reaches here, as padding spaces.)
type termWriter struct {
	w    io.Writer
	part []byte
	// message keeps tabs (messageString): standard error's writer.
	message bool
}

func (t *termWriter) Write(p []byte) (int, error) {
	b := append(t.part, p...)
	// Hold back an incomplete rune at the end.
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	t.part = append([]byte(nil), b[cut:]...)
	esc := termString
	if t.message {
		esc = messageString
	}
	if _, err := io.WriteString(t.w, esc(string(b[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// rawWriter is the writer under a termWriter: the progress bar draws with
// control characters on purpose, and a terminal is recognised by its file.
func rawWriter(w io.Writer) io.Writer {
	if t, ok := w.(*termWriter); ok {
		return t.w
	}
	return w
}
