package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/faits/faits/normalize"
	"github.com/faits/faits/table"
)

// A table scraped one cell a line ("Régime / Assurés principaux /
// Bénéficiaires / AMO TNS / 1,9 million / 4,1 millions / …") loses its grid:
// each figure stands alone on its line. The grid is rebuilt as a
// table.Table (findPipeTables reads its headers, scales and caption as a
// pipe table's); cell records, for such a figure, the line that labels its
// row, whose programme the figure's line does not name.
type cell struct {
	label int // sentence index
}

// maxCell is the longest line, in runes, read as a table cell.
const maxCell = 40

// findTables marks the value cells of the flattened tables of the text: a
// run of short lines with no figure (the column headers, then the first
// row's label) followed by rows made of a label line and one figure line
// per remaining column. At least two columns of values and two complete
// rows are needed; anything else is left to the ordinary rules.
func (x *run) findTables() {
	x.cells = map[int]*cell{}
	x.inTable = map[int]bool{}
	n := len(x.sents)
	kind := make([]int, n) // 0: no cell, 1: text cell, 2: figure cell
	for si, s := range x.sents {
		text := strings.TrimSpace(x.in.Text[s.start:s.end])
		if text == "" || utf8.RuneCountInString(text) > maxCell || strings.HasSuffix(text, ".") ||
			strings.HasSuffix(text, ":") || (si > 0 && x.sents[si-1].para == s.para) ||
			(si+1 < n && x.sents[si+1].para == s.para) {
			continue
		}
		figs := 0
		for _, e := range x.exprsOf(si) {
			// A table writes its values in digits: a number in words
			// belongs to a label ("Neuf autres régions").
			if e.Kind != normalize.Date && strings.ContainsAny(e.Text, "0123456789") {
				figs++
			}
		}
		switch figs {
		case 0:
			kind[si] = 1
		case 1:
			kind[si] = 2
		}
	}
	for si := 0; si < n; {
		j := si
		for j < n && kind[j] == 1 {
			j++
		}
		cols := j - si - 1 // header lines; the last text line labels the first row
		if cols < 3 {
			si = max(j, si+1)
			continue
		}
		header := si
		var found []int // label lines of complete rows
		k := j - 1
		for k < n && kind[k] == 1 {
			ok := k+cols-1 < n
			for c := 1; ok && c < cols; c++ {
				ok = kind[k+c] == 2
			}
			if !ok {
				break
			}
			found = append(found, k)
			k += cols
		}
		if len(found) < 2 {
			si = max(j, si+1)
			continue
		}
		for c := 0; c < cols; c++ {
			x.inTable[header+c] = true
		}
		tb := table.Table{Start: x.sents[header].start, End: x.sents[found[len(found)-1]+cols-1].end}
		tb.Header = []table.Row{x.lineRow(header, cols)}
		for _, lab := range found {
			x.inTable[lab] = true
			for c := 1; c < cols; c++ {
				x.cells[lab+c] = &cell{label: lab}
				x.inTable[lab+c] = true
			}
			tb.Body = append(tb.Body, x.lineRow(lab, cols))
		}
		// The grid rebuilt, its cells take their scale, unit, metric
		// and period from their headers and caption as a pipe table's do.
		x.flat = append(x.flat, tb)
		si = k
	}
}

// lineRow is the row of a flattened table made of the n lines from
// sentence si on, one cell each.
func (x *run) lineRow(si, n int) table.Row {
	r := table.Row{Start: x.sents[si].start, End: x.sents[si+n-1].end}
	for c := si; c < si+n; c++ {
		s := x.sents[c]
		r.Cells = append(r.Cells, table.CellOf(x.in.Text[s.start:s.end], s.start))
	}
	return r
}

// cellProgramme is the programme its row's label names, or "".
func (x *run) cellProgramme(c *cell) string {
	x.maskOf(c.label)
	best := ""
	for _, mn := range x.mentions[c.label] {
		if mn.tier == specific {
			return mn.prog
		}
		if best == "" {
			best = mn.prog
		}
	}
	return best
}
