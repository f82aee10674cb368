package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/faits/faits/normalize"
)

// A table scraped one cell a line ("Régime / Assurés principaux /
// Bénéficiaires / AMO TNS / 1,9 million / 4,1 millions / …") loses its grid:
// each figure stands alone on its line. cell records, for such a figure,
// the line of its column's header and the line that labels its row.
type cell struct {
	header, label int // sentence indices
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
		for _, e := range x.exprs[si] {
			if e.Kind != normalize.Date {
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
		for _, lab := range found {
			x.inTable[lab] = true
			for c := 1; c < cols; c++ {
				x.cells[lab+c] = &cell{header: header + c, label: lab}
				x.inTable[lab+c] = true
			}
		}
		si = k
	}
}

// cellMetric gives a table cell the metric of the last cue of its column's
// header ("Bénéficiaires", "Assurés principaux").
func (x *run) cellMetric(c *cell, rd *reading) {
	h := x.maskOf(c.header)
	if h == nil {
		return
	}
	best := x.lastCue(h, rd, false)
	if best != nil {
		rd.metric, rd.rule, rd.explicit = best.metric, best.name+"+table", true
	}
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

// A table flattened to pipe lines ("Province | Familles | Versements (MMDH)",
// then "Tiznit | 41.000 | 0,2") keeps one row a line. pipeCol records, for
// each figure of such a row, the line of the header and the header's cell
// for its column.
type pipeCol struct {
	header int    // sentence index of the header line
	unit   string // the unit the column's header names, or ""
}

// pipeScales are the money columns' headers: "Montant (MDH)" holds
// millions of dirhams, "(MMDH)" billions, "(DH)" dirhams.
var pipeScales = []struct {
	re    *regexp.Regexp
	scale float64
}{
	{regexp.MustCompile(`\(\s*(mmdh|mds\s*(dh|dhs|de\s+dirhams|mad)|milliards?\s+(de\s+)?(dh|dhs|dirhams|mad))\s*\)`), 1e9},
	{regexp.MustCompile(`\(\s*(mdh|mdhs|millions?\s+(de\s+)?(dh|dhs|dirhams|mad)|m\s*(dh|mad))\s*\)`), 1e6},
	{regexp.MustCompile(`\(\s*(dh|dhs|dirhams|mad)\s*\)`), 1},
}

// findPipeTables finds the pipe tables of the text: a header line of at
// least three cells and no figure, then at least two lines of as many
// cells holding figures. A bare figure of a money column becomes money at
// the header's scale; a count's column header names its unit.
func (x *run) findPipeTables() {
	x.pipe = map[[2]int]pipeCol{}
	cellsOf := func(si int) []string {
		s := x.sents[si]
		text := strings.TrimSpace(x.in.Text[s.start:s.end])
		if strings.Count(text, "|") < 2 || strings.Contains(text, "\n") {
			return nil
		}
		return strings.Split(text, "|")
	}
	for hs := 0; hs < len(x.sents); hs++ {
		head := cellsOf(hs)
		if head == nil || hasFigure(x.exprs[hs]) {
			continue
		}
		var rows []int
		for r := hs + 1; r < len(x.sents); r++ {
			c := cellsOf(r)
			if len(c) != len(head) || !hasFigure(x.exprs[r]) {
				break
			}
			rows = append(rows, r)
		}
		if len(rows) < 2 {
			continue
		}
		x.inTable[hs] = true
		for _, r := range rows {
			x.inTable[r] = true
			s := x.sents[r]
			for k := range x.exprs[r] {
				e := &x.exprs[r][k]
				if e.Kind == normalize.Date || e.Start < s.start {
					continue
				}
				col := strings.Count(x.in.Text[s.start:e.Start], "|")
				if col >= len(head) {
					continue
				}
				h := foldString(head[col])
				pc := pipeCol{header: hs}
				if e.Kind == normalize.Number && e.Unit == "" {
					for _, sc := range pipeScales {
						if sc.re.MatchString(h) {
							e.Kind, e.Unit, e.Value = normalize.Money, "MAD", e.Value*sc.scale
							if e.ValueMax != nil {
								v := *e.ValueMax * sc.scale
								e.ValueMax = &v
							}
							break
						}
					}
				}
				if e.Kind == normalize.Number {
					pc.unit = x.r.unitByNoun[strings.Join(strings.Fields(h), " ")]
				}
				x.pipe[[2]int{r, e.Start}] = pc
			}
		}
		hs = rows[len(rows)-1]
	}
}
