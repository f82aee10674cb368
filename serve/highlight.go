package serve

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/faits/faits/store"
)

// segment is a run of text, marked or not. Templates escape Text: no
// article text ever reaches the page as HTML.
type segment struct {
	Text  string
	Mark  bool
	ID    string // anchor of a marked figure in the document view
	Fact  string // fact id of a marked figure
	Title string
	Focus bool
	// Status of a marked figure's fact (pending, accepted…), for its colour.
	Status string
	// Cand marks a figure normalize read that no fact took; Href adds it.
	Cand bool
	Href string
	// Off is the segment's byte offset in the document, for a selection
	// made in the browser to name its span.
	Off int
}

// quoteSegments splits a source's sentence around its figure. The figure is
// located by its byte offsets in the document body when the sentence can be
// found there around them, so that a figure written twice in one sentence is
// marked where the rule read it; otherwise by its first occurrence.
func quoteSegments(src store.Source, body string) []segment {
	return clipSegments(quoteSegments0(src, body), quoteContext)
}

// quoteContext is how much of a sentence the desk shows on each side of its
// figure: a page without sentence ends (a 20 MB scrape on one line) has a
// whole article for a sentence, and the queue shows three a fact.
const quoteContext = 300

// clipSegments keeps at most n bytes of text before and after the marked
// segment, cut at a character boundary, with "…" where text was cut.
func clipSegments(segs []segment, n int) []segment {
	mark := -1
	for i, sg := range segs {
		if sg.Mark {
			mark = i
			break
		}
	}
	if mark < 0 {
		if len(segs) == 1 && len(segs[0].Text) > 2*n {
			return []segment{{Text: cutAfter(segs[0].Text, 2*n) + "…"}}
		}
		return segs
	}
	out := make([]segment, len(segs))
	copy(out, segs)
	if mark > 0 && len(out[0].Text) > n {
		out[0].Text = "…" + cutBefore(out[0].Text, n)
	}
	if last := len(out) - 1; last > mark && len(out[last].Text) > n {
		out[last].Text = cutAfter(out[last].Text, n) + "…"
	}
	return out
}

// cutBefore is the last n bytes of s or fewer, starting on a character.
func cutBefore(s string, n int) string {
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// cutAfter is the first n bytes of s or fewer, ending on a character.
func cutAfter(s string, n int) string {
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

func quoteSegments0(src store.Source, body string) []segment {
	q, span := src.Quote, src.Span
	if q == "" {
		q = span
	}
	if validRange(body, src.Start, src.End) {
		for from := 0; ; {
			i := strings.Index(body[from:], q)
			if i < 0 {
				break
			}
			qs := from + i
			if qs <= src.Start && src.End <= qs+len(q) {
				return split3(q, src.Start-qs, src.End-qs)
			}
			if qs > src.Start {
				break
			}
			from = qs + 1
		}
	}
	if i := strings.Index(q, span); i >= 0 && span != "" {
		return split3(q, i, i+len(span))
	}
	return []segment{{Text: q}}
}

func split3(s string, a, b int) []segment {
	var out []segment
	if a > 0 {
		out = append(out, segment{Text: s[:a]})
	}
	out = append(out, segment{Text: s[a:b], Mark: true})
	if b < len(s) {
		out = append(out, segment{Text: s[b:]})
	}
	return out
}

// validRange reports whether [start, end) is a non-empty slice of body that
// starts and ends on character boundaries.
func validRange(body string, start, end int) bool {
	return 0 <= start && start < end && end <= len(body) &&
		utf8.RuneStart(body[start]) && (end == len(body) || utf8.RuneStart(body[end]))
}

// docMark is one extracted figure in a document.
type docMark struct {
	Start, End int
	Fact       string
	Title      string
	// Status is the fact's review status; the mark is coloured by it.
	Status string
	// Cand: a figure no fact took (candidates), added at Href.
	Cand bool
	Href string
}

// anchor names a figure in the document view, so that a fact page can link
// straight to it (#s-1042-1078).
func anchor(start, end int) string {
	return "s-" + strconv.Itoa(start) + "-" + strconv.Itoa(end)
}

// docSegments marks every figure of body. Overlapping or invalid ranges are
// dropped (the first one read wins) rather than producing broken text.
func docSegments(body string, marks []docMark, focus string) []segment {
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].Start != marks[j].Start {
			return marks[i].Start < marks[j].Start
		}
		return marks[i].End > marks[j].End
	})
	var out []segment
	pos := 0
	for _, m := range marks {
		if !validRange(body, m.Start, m.End) || m.Start < pos {
			continue
		}
		if m.Start > pos {
			out = append(out, segment{Text: body[pos:m.Start], Off: pos})
		}
		if m.Cand {
			out = append(out, segment{Text: body[m.Start:m.End], Cand: true, Href: m.Href, Title: m.Title, Off: m.Start})
		} else {
			out = append(out, segment{Text: body[m.Start:m.End], Mark: true, ID: anchor(m.Start, m.End),
				Fact: m.Fact, Title: m.Title, Focus: focus != "" && m.Fact == focus, Status: m.Status, Off: m.Start})
		}
		pos = m.End
	}
	if pos < len(body) {
		out = append(out, segment{Text: body[pos:], Off: pos})
	}
	return out
}
