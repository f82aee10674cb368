package table

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find reads any text without panicking and that what
// it returns points back into the text: every cell's offsets give its
// text, rows lie inside their table, tables do not overlap and each has
// a body row.
func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Add("| a |\n|---|\n| 1 |")
	f.Add("a | b\n\n\n1 | —\n")
	f.Fuzz(func(t *testing.T, text string) {
		last := -1
		for _, tb := range Find(text) {
			if tb.Start <= last || tb.End < tb.Start || tb.End > len(text) {
				t.Fatalf("table %d:%d after %d in %d bytes", tb.Start, tb.End, last, len(text))
			}
			last = tb.End
			if len(tb.Body) == 0 {
				t.Fatalf("table with no body: %+v", tb)
			}
			for _, rows := range [][]Row{tb.Header, tb.Body} {
				for _, r := range rows {
					if r.Start < tb.Start || r.End > tb.End || len(r.Cells) != tb.Cols() {
						t.Fatalf("row %+v outside table %d:%d or not %d cells", r, tb.Start, tb.End, tb.Cols())
					}
					for _, c := range r.Cells {
						if c.Start < r.Start || c.End > r.End || text[c.Start:c.End] != c.Text {
							t.Fatalf("cell %+v does not read %q", c, text[max(0, c.Start):min(len(text), c.End)])
						}
					}
				}
			}
			for c := 0; c < tb.Cols(); c++ {
				if h := tb.ColumnHeader(c); utf8.ValidString(text) && !utf8.ValidString(h) {
					t.Fatalf("header %q of valid text is not UTF-8", h)
				}
			}
		}
		Period(text)
		LabelMonth(text)
	})
}
