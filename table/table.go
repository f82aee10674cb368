// Package table reads the tables of an article's clean text. corpus writes
// every table it keeps, from an HTML page or a text dump, as rows of cells
// separated by " | ", one row a line, header rows first (Format); extract
// reads them back with Find, so that a figure in a cell can take its unit,
// scale and metric from its column's header and its date from its row's.
//
// A table is one reader's business so that the writer and the reader
// agree by construction: what corpus writes, Find reads, whatever the page
// looked like.
package table

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sep separates the cells of a row in clean text.
const Sep = " | "

// Cell is one cell of a row: its text, trimmed, and where that text stands
// in the input (byte offsets; Start == End for an empty cell).
type Cell struct {
	Text       string
	Start, End int
}

// Row is one line of a table: where the line stands in the input and its
// cells, left to right.
type Row struct {
	Start, End int
	Cells      []Cell
}

// Table is a run of rows with as many cells each. Header holds the rows
// above the first row with a figure (none when the first row has one);
// Body the rest.
type Table struct {
	Start, End int
	Header     []Row
	Body       []Row
}

// Cols is the number of columns.
func (t *Table) Cols() int {
	if len(t.Header) > 0 {
		return len(t.Header[0].Cells)
	}
	return len(t.Body[0].Cells)
}

// ColumnHeader is the header of column c: the texts of its header cells,
// top to bottom, without repeats (a group header spanning several columns
// is written above each of them), joined by " ".
func (t *Table) ColumnHeader(c int) string {
	var parts []string
	for _, r := range t.Header {
		if c >= len(r.Cells) {
			continue
		}
		s := r.Cells[c].Text
		if s != "" && s != Empty && (len(parts) == 0 || parts[len(parts)-1] != s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// RowHeader is the label of body row r: its first cell without the
// row's number in a numbered list ("1. "), unless that cell holds a figure
// (a table with no label column), in which case "".
func (t *Table) RowHeader(r int) string {
	cells := t.Body[r].Cells
	if len(cells) == 0 {
		return ""
	}
	// "1. Ménages bénéficiaires (millions)": the row's number in a list
	// of indicators is no figure of the label.
	label := cells[0].Text
	if n := rowNumber.FindStringIndex(label); n != nil {
		label = label[n[1]:]
	}
	if HasFigure(label) {
		return ""
	}
	return label
}

// rowNumber is a row label's number in a numbered list: "1. ", "2) ".
var rowNumber = regexp.MustCompile(`^\d{1,2}[.)]\s+`)

// Empty stands for an empty cell in clean text: a row that opened or
// closed on a bare '|' would read as a Markdown row.
const Empty = "—"

// Format writes one row of clean text: the cells with their white space
// collapsed, any '|' of their own turned into '/' and an empty cell
// written Empty, so that the line splits back into the same cells.
func Format(cells []string) string {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteString(Sep)
		}
		c = strings.ReplaceAll(strings.Join(strings.Fields(c), " "), "|", "/")
		if c == "" {
			c = Empty
		}
		b.WriteString(c)
	}
	return b.String()
}

// Cells splits a line into its cells, or returns nil when the line is no
// table row: it needs a '|' between two cells. The pipes that open and
// close a Markdown row ("| a | b |") bound no cell.
func Cells(line string, offset int) []Cell {
	if !strings.Contains(line, "|") {
		return nil
	}
	var out []Cell
	start := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] != '|' {
			continue
		}
		out = append(out, trimCell(line, start, i, offset))
		start = i + 1
	}
	trimmed := strings.TrimSpace(line)
	if len(out) > 1 && out[0].Text == "" && strings.HasPrefix(trimmed, "|") && strings.HasSuffix(trimmed, "|") {
		out = out[1:]
	}
	if len(out) > 0 && out[len(out)-1].Text == "" && strings.HasSuffix(trimmed, "|") {
		out = out[:len(out)-1]
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// CellOf is text as one cell, its white space trimmed, offset where text
// stands in the input: a cell written on a line of its own.
func CellOf(text string, offset int) Cell { return trimCell(text, 0, len(text), offset) }

func trimCell(line string, a, b, offset int) Cell {
	for a < b {
		r, n := utf8.DecodeRuneInString(line[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(line[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return Cell{Text: line[a:b], Start: offset + a, End: offset + b}
}

// separator reports whether a row is a Markdown rule ("|---|:--:|").
func separator(cells []Cell) bool {
	for _, c := range cells {
		if strings.Trim(c.Text, "-:= ") != "" || c.Text == "" {
			return false
		}
	}
	return true
}

// Find reads the tables of text: runs of consecutive rows (blank lines
// between them allowed) with as many cells each, at least two cells and
// two rows, one of which holds a figure. The leading rows without a figure
// (a year or a period is none: "Indicateur | 2022 | 2023") are the
// header.
func Find(text string) []Table {
	var out []Table
	var cur []Row
	flush := func() {
		if t, ok := build(cur); ok {
			out = append(out, t)
		}
		cur = nil
	}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		switch cells := Cells(line, start); {
		case strings.TrimSpace(line) == "":
			// A blank line parts paragraphs, not rows.
		case cells == nil:
			flush()
		case separator(cells):
			if len(cur) > 0 && len(cur[0].Cells) != len(cells) {
				flush()
			}
		default:
			if len(cur) > 0 && len(cur[0].Cells) != len(cells) {
				flush()
			}
			cur = append(cur, Row{Start: start, End: end, Cells: cells})
		}
		start = end + 1
	}
	flush()
	return out
}

func build(rows []Row) (Table, bool) {
	for len(rows) > 2 && titleRow(rows[0]) {
		// "BULLETIN DE PAIE – Juin 2026 – … | — | — | —": a title spanning
		// the table, its other cells placeholders, stands above the
		// header; it is no row of the table.
		rows = rows[1:]
	}
	if len(rows) < 2 {
		return Table{}, false
	}
	h := 0
	for h < len(rows) && !rowHasFigure(rows[h]) {
		h++
	}
	if h == len(rows) {
		return Table{}, false
	}
	return Table{Start: rows[0].Start, End: rows[len(rows)-1].End, Header: rows[:h], Body: rows[h:]}, true
}

// titleRow reports whether r has text in its first cell only, its other
// cells empty or a dash: a title (a merged cell, once rendered) above the
// table.
func titleRow(r Row) bool {
	if strings.TrimSpace(r.Cells[0].Text) == "" {
		return false
	}
	for _, c := range r.Cells[1:] {
		switch strings.TrimSpace(c.Text) {
		case "", "—", "–", "-", "…", "...":
		default:
			return false
		}
	}
	return true
}

func rowHasFigure(r Row) bool {
	for _, c := range r.Cells {
		if HasFigure(c.Text) {
			return true
		}
	}
	return false
}

// HasFigure reports whether a cell holds a digit that is not part of a
// year or a period: "316,4" does, "S1 2025" and "Bénéficiaires (2024)"
// do not.
func HasFigure(s string) bool {
	if !strings.ContainsAny(s, "0123456789") || Period(s) != "" {
		return false
	}
	// "Bénéficiaires (2024)", "S1": the year a header names is no figure.
	return strings.ContainsAny(yearToks.ReplaceAllString(s, " "), "0123456789")
}
