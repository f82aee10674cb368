package corpus

// This file: tables. Whatever a page or a dump made of a table, the clean
// text holds it as package table writes it, one row a line with its cells
// separated by " | ", header rows first, so that extract reads a cell with
// its column's header and its row's label.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faits/faits/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxCellRunes is the longest cell of a data table: a longer one is a
// layout table's column of prose.
const maxCellRunes = 300

// maxSpan bounds colspan and rowspan, and maxCols and maxCells the grid:
// a page's "colspan=65534" must not make the grid as large. A larger grid
// is no table a reader reads cell by cell.
const (
	maxSpan  = 64
	maxCols  = 64
	maxCells = 20000
)

// writeTable writes n as rows of cells if it is a data table and reports
// whether it did; a layout table (nested tables, cells of prose, a single
// row or column) is left to the paragraph writer.
func (w *textWriter) writeTable(n *html.Node) bool {
	var trs []*html.Node
	var foot []*html.Node
	ok := true
	var walk func(p *html.Node, inFoot bool)
	walk = func(p *html.Node, inFoot bool) {
		for c := p.FirstChild; c != nil && ok; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead:
				// The head goes first, wherever the page put it.
				head := trs
				trs = nil
				walk(c, false)
				trs = append(trs, head...)
			case atom.Tbody:
				walk(c, inFoot)
			case atom.Tfoot:
				walk(c, true)
			case atom.Tr:
				if inFoot {
					foot = append(foot, c)
				} else {
					trs = append(trs, c)
				}
			case atom.Caption, atom.Colgroup, atom.Col:
			default:
				ok = false // stray content: not a plain grid
			}
		}
	}
	walk(n, false)
	if !ok || hasNested(n) {
		return false
	}
	grid := buildGrid(append(trs, foot...))
	if grid == nil {
		return false
	}
	w.flush()
	if c := childOf(n, atom.Caption); c != nil {
		w.block(c)
		w.flush()
	}
	for _, row := range grid {
		w.paras = append(w.paras, table.Format(row))
	}
	return true
}

// buildGrid lays the cells of the rows out on a grid: a cell spanning
// columns or rows is written in each of them when it is a label (a group
// header over its columns, a year beside its rows), once when it holds a
// figure, so that no figure is read twice. It returns nil for anything but
// a grid of at least two rows and two columns with short cells.
func buildGrid(trs []*html.Node) [][]string {
	type carry struct {
		text string
		left int
	}
	var grid [][]string
	var down []carry // per column: a cell from above still spanning
	width := 0
	for _, tr := range trs {
		var row []string
		col := 0
		fill := func() {
			for col < len(down) && down[col].left > 0 {
				row = append(row, down[col].text)
				down[col].left--
				col++
			}
		}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			fill()
			text := cellText(c)
			if runeLen(text) > maxCellRunes {
				return nil
			}
			cs, rs := span(c, "colspan"), span(c, "rowspan")
			again := text
			if table.HasFigure(text) {
				again = ""
			}
			for k := 0; k < cs; k++ {
				t := text
				if k > 0 {
					t = again
				}
				row = append(row, t)
				for len(down) <= col {
					down = append(down, carry{})
				}
				if rs > 1 {
					down[col] = carry{again, rs - 1}
				}
				col++
				fill()
			}
		}
		fill()
		for col < len(down) {
			// A row shorter than the spans above it: the spans end here.
			if down[col].left > 0 {
				row = append(row, down[col].text)
				down[col].left--
			} else {
				row = append(row, "")
			}
			col++
		}
		if allEmpty(row) {
			continue
		}
		width = max(width, len(row))
		grid = append(grid, row)
		if width > maxCols || width*len(grid) > maxCells {
			return nil
		}
	}
	if len(grid) < 2 || width < 2 {
		return nil
	}
	for i := range grid {
		for len(grid[i]) < width {
			grid[i] = append(grid[i], "")
		}
	}
	return grid
}

func allEmpty(row []string) bool {
	for _, c := range row {
		if c != "" {
			return false
		}
	}
	return true
}

// span reads a colspan or rowspan attribute: 1 when absent or unreadable,
// at most maxSpan.
func span(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// cellText is the text of a cell on one line: its blocks and line breaks
// become spaces.
func cellText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			if blockTags[n.DataAtom] {
				b.WriteByte(' ')
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if blockTags[n.DataAtom] {
				b.WriteByte(' ')
			}
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// hasNested reports whether a table holds another table.
func hasNested(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Table || hasNested(c)) {
			return true
		}
	}
	return false
}

func childOf(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}

// tabRows turns the runs of tab-separated lines of a dump ("Année\tFamilles")
// into rows before white space is collapsed: two lines or more with as
// many cells, two or more, one of them holding a figure.
func tabRows(raw []string) []string {
	cells := make([][]string, len(raw))
	for i, l := range raw {
		if !strings.Contains(strings.TrimSpace(l), "\t") {
			continue
		}
		var cs []string
		for _, c := range strings.Split(strings.TrimSpace(l), "\t") {
			if c = strings.TrimSpace(c); c != "" {
				cs = append(cs, c)
			}
		}
		if len(cs) >= 2 {
			cells[i] = cs
		}
	}
	return rewriteRuns(raw, cells, func(l string) bool { return strings.TrimSpace(l) == "" })
}

// barRow is a bar chart's row as a page's text version writes it: a
// label, the bar drawn in block glyphs, the value ("AMO TNS ▇▇▇▇ 4,0",
// "Déc. 2024 ▮▮▮▮▮ 3,9 M"). A bar of one glyph is a partial block's ("▏").
var barRow = regexp.MustCompile(`^(\S[^▁-█░▒▓■□▬▮]*?\pL[^▁-█░▒▓■□▬▮]*?)\s*(?:[▁-█░▒▓■□▬▮]{2,}|[▏▎▍▌▋▊▉])\s*([-+−]?\d[\d  .,]*(?:\s?[%\pL.]{1,10})?)$`)

// barRows writes the runs of two or more bar rows as the rows of a table
// ("AMO TNS | 4,0"): the chart's text version is a table, and its
// heading's noun and scale ("Par régime (bénéficiaires, en millions)") are
// then read as a table's caption.
func barRows(lines []string) []string {
	var cells [][]string // allocated at the first bar: most texts draw none
	for i, l := range lines {
		if !strings.ContainsAny(l, barGlyphs) {
			continue
		}
		if m := barRow.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			if cells == nil {
				cells = make([][]string, len(lines))
			}
			cells[i] = []string{strings.TrimSpace(m[1]), strings.TrimSpace(m[2])}
		}
	}
	if cells == nil {
		return lines
	}
	return rewriteRuns(lines, cells, func(l string) bool { return strings.TrimSpace(l) == "" })
}

// barGlyphs are the block glyphs a text version draws its bars with.
const barGlyphs = "▁▂▃▄▅▆▇█▉▊▋▌▍▎▏░▒▓■□▬▮"

// pipeRows writes the pipe tables of a dump the way package table does:
// "| a | b |" and "a | b |" become "a | b", and a Markdown rule
// ("|---|---|") goes. Only runs of two rows or more with as many cells and
// a figure are touched: a menu ("Accueil|Sport") stays as it was.
func pipeRows(lines []string) []string {
	cells := make([][]string, len(lines))
	rule := make([]bool, len(lines))
	for i, l := range lines {
		cs := table.Cells(l, 0)
		if cs == nil {
			continue
		}
		if isRule(cs) {
			rule[i] = true
			continue
		}
		for _, c := range cs {
			cells[i] = append(cells[i], c.Text)
		}
	}
	return rewriteRuns(lines, cells, func(l string) bool { return l == "" }, rule...)
}

func isRule(cs []table.Cell) bool {
	for _, c := range cs {
		if c.Text == "" || strings.Trim(c.Text, "-:= ") != "" {
			return false
		}
	}
	return true
}

// rewriteRuns replaces each run of lines whose cells (nil: no row) have
// the same count, blank lines and rules (skip) allowed between them, with
// the rows package table writes, when the run has two rows or more and a
// figure. A rule inside such a run becomes a blank line.
func rewriteRuns(lines []string, cells [][]string, blank func(string) bool, skip ...bool) []string {
	skipped := func(i int) bool { return i < len(skip) && skip[i] }
	for i := 0; i < len(lines); {
		if cells[i] == nil {
			i++
			continue
		}
		n := len(cells[i])
		rows := []int{i}
		j := i + 1
	run:
		for ; j < len(lines); j++ {
			switch {
			case cells[j] != nil && len(cells[j]) == n:
				rows = append(rows, j)
			case blank(lines[j]) || skipped(j):
			default:
				break run
			}
		}
		figure := false
		for _, r := range rows {
			for _, c := range cells[r] {
				figure = figure || valueCell(c)
			}
		}
		if len(rows) >= 2 && figure {
			for k := i; k < j; k++ {
				switch {
				case cells[k] != nil:
					lines[k] = table.Format(cells[k])
				case skipped(k):
					lines[k] = ""
				}
			}
		}
		i = j
	}
	return lines
}

// isRow reports whether two blocks are rows of one table: as many cells,
// two or more, and either three cells or a figure (two cells without a
// figure may be a menu: "Accueil | Contact").
func isRow(a, b string) bool {
	ca, cb := table.Cells(a, 0), table.Cells(b, 0)
	if ca == nil || len(ca) != len(cb) {
		return false
	}
	if len(ca) >= 3 {
		return true
	}
	for _, c := range append(ca, cb...) {
		if valueCell(c.Text) {
			return true
		}
	}
	return false
}

// valueCell is a cell that is a figure ("41.000", "12,5 %"), not words
// with a number ("Oui (214)": a page's poll).
func valueCell(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return table.HasFigure(s) && (unicode.IsDigit(r) || strings.ContainsRune("+-−<>~≈", r))
}

var (
	spacedFigure = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?$`)
)

// lastField is the last of strings.Fields(s), "" when there is none.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[i+size:]
	}
	return s
}

// isSpacedYear reports whether w is a year of a flattened table's group,
// 19xx or 20xx (as ^(?:19|20)\d{2}$ would, asked of every word of every
// block).
func isSpacedYear(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && isDigit(w[2]) && isDigit(w[3])
}

// maxSpacedCols bounds the columns of a table flattened to one line.
const maxSpacedCols = 12

// spacedTables finds the tables a dump flattened to one line of words
// ("Année Bénéficiaires Dépense totale (millions de DH) 2022 41.250 87,5
// 2023 52.900 112,25"): header words, then two groups or more of a year
// and as many figures each. The header splits into its columns at the
// words that open with a capital ("Bénéficiaires", "Dépense"), and must
// give one column more than a group has figures; the block is then
// written as rows.
func spacedTables(blocks []string) []string {
	var out []string
	for _, b := range blocks {
		if rows := spacedTable(b); rows != nil {
			out = append(out, rows...)
			continue
		}
		out = append(out, b)
	}
	return out
}

func spacedTable(b string) []string {
	if strings.Contains(b, "|") || len(b) > 4000 {
		return nil
	}
	// Its last word is a group's last figure: a sentence, ending with a
	// full stop, is not one, and is not split into its words.
	if !spacedFigure.MatchString(lastField(b)) {
		return nil
	}
	words := strings.Fields(b)
	for s := 1; s < len(words); s++ {
		if !isSpacedYear(words[s]) {
			continue
		}
		rest := words[s:]
		for k := 1; k <= maxSpacedCols; k++ {
			if len(rest)%(k+1) != 0 || len(rest)/(k+1) < 2 {
				continue
			}
			if !spacedGroups(rest, k) {
				continue
			}
			head := titleSegments(words[:s])
			if len(head) != k+1 {
				break
			}
			rows := []string{table.Format(head)}
			for g := 0; g < len(rest); g += k + 1 {
				rows = append(rows, table.Format(rest[g:g+k+1]))
			}
			return rows
		}
	}
	return nil
}

// spacedGroups reports whether words are groups of a year and k figures.
func spacedGroups(words []string, k int) bool {
	for g := 0; g < len(words); g += k + 1 {
		if !isSpacedYear(words[g]) {
			return false
		}
		for _, w := range words[g+1 : g+k+1] {
			if !spacedFigure.MatchString(w) {
				return false
			}
		}
	}
	return true
}

// titleSegments splits header words into columns at each word that opens
// with a capital followed by a small letter, outside brackets ("(DH)"
// stays with its column).
func titleSegments(words []string) []string {
	var out []string
	depth := 0
	for i, w := range words {
		r := []rune(w)
		if i == 0 || depth == 0 && len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
			out = append(out, w)
		} else {
			out[len(out)-1] += " " + w
		}
		depth += strings.Count(w, "(") - strings.Count(w, ")")
		if depth < 0 {
			depth = 0
		}
	}
	return out
}

// alignedCell is one cell of a line laid out with spaces, and the columns
// (in runes) it spans.
type alignedCell struct {
	text       string
	start, end int
}

// alignedCells splits a line at its runs of two spaces or more, the way a
// PDF's text layout ("pdftotext -layout") or a fixed-width dump parts a
// table's columns; nil for a line with a tab or nothing but spaces.
func alignedCells(l string) []alignedCell {
	if strings.ContainsRune(l, '\t') || strings.TrimSpace(l) == "" {
		return nil
	}
	var out []alignedCell
	rs := []rune(l)
	for i := 0; i < len(rs); {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		if i == len(rs) {
			break
		}
		j := i
		for j < len(rs) && !(rs[j] == ' ' && (j+1 == len(rs) || rs[j+1] == ' ')) {
			j++
		}
		out = append(out, alignedCell{text: string(rs[i:j]), start: i, end: j})
		i = j
	}
	return out
}

// alignedSlack is how far, in runes, the cells of one column may stray
// from each other's edges.
const alignedSlack = 2

// alignedRows turns the tables of a dump laid out with spaces into rows
// before white space is collapsed:
//
//	Programme                     LF 2025     PLF 2026
//	                             (en MDH)     (en MDH)
//	Aide aux familles              26 500       29 000
//
// A table is a run of lines (no blank line between them) ending with two
// rows or more whose last cell is a figure and whose cells share their
// column edges (left or right, as labels and figures are aligned). Lines
// above those rows in the run are its header; each of their cells goes
// to the column it overlaps. Justified prose, whose gaps fall anywhere,
// is left alone.
func alignedRows(raw []string) []string {
	for i := 0; i < len(raw); {
		j := i
		for j < len(raw) && strings.TrimSpace(raw[j]) != "" && !strings.Contains(raw[j], "|") {
			j++
		}
		if j == i {
			i++
			continue
		}
		alignedBlock(raw[i:j])
		i = j
	}
	return raw
}

// alignedBlock rewrites the table of block, a run of lines, in place. A
// report's table often has rules of dashes between its header, its body
// and its total, and a source line under it:
//
//	Catégorie                 Nombre de ménages    Part (%)
//	-------------------------------------------------------
//	Ménages avec enfants              2 683 400        68,1
//	-------------------------------------------------------
//	Total                             3 941 200       100,0
//	-------------------------------------------------------
//	Source : ANSS
//
// The rules are read past and become blank lines, and the lines after the
// last row that are not rows (the source, a note) stay text.
func alignedBlock(block []string) {
	var lines []int
	for k, l := range block {
		if !isRuleLine(l) {
			lines = append(lines, k)
		}
	}
	end := len(lines)
	for end > 0 && len(alignedCells(block[lines[end-1]])) < 2 {
		end--
	}
	if end == 0 {
		return
	}
	sub := make([]string, end)
	for k := range sub {
		sub[k] = block[lines[k]]
	}
	rows := alignedTable(sub)
	if rows == nil {
		return
	}
	for k := range sub {
		block[lines[k]] = rows[k]
	}
	for k, l := range block {
		if isRuleLine(l) {
			block[k] = ""
		}
	}
}

// isRuleLine reports whether l is a rule drawn with dashes, equals signs
// or underscores, three at least.
func isRuleLine(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 3 && strings.Trim(t, "-=_ ") == ""
}

// alignedTable returns the lines of block rewritten as rows, or nil.
func alignedTable(block []string) []string {
	cells := make([][]alignedCell, len(block))
	for k, l := range block {
		cells[k] = alignedCells(l)
	}
	// The body: the longest run of rows at the block's end with as many
	// cells, two or more, the last a figure.
	last := cells[len(cells)-1]
	n := len(last)
	if n < 2 {
		return nil
	}
	b := len(cells)
	for b > 0 && len(cells[b-1]) == n && valueCell(cells[b-1][n-1].text) {
		b--
	}
	if len(cells)-b == 1 && b > 0 && chartRow(cells[b-1], last) {
		// A chart's values under its labels ("2022    2023    sept.
		// 2026" over "21,4    23,2    26,1"): one row, but every cell a
		// figure under a label of its own.
		return chartTable(block, b-1)
	}
	if len(cells)-b < 2 {
		return nil
	}
	body := cells[b:]
	cols := make([]alignedCell, n)
	for c := range n {
		left, right := true, true
		cols[c] = body[0][c]
		for _, r := range body[1:] {
			left = left && abs(r[c].start-body[0][c].start) <= alignedSlack
			right = right && abs(r[c].end-body[0][c].end) <= alignedSlack
			cols[c].start, cols[c].end = min(cols[c].start, r[c].start), max(cols[c].end, r[c].end)
		}
		if !left && !right {
			return nil
		}
	}
	// The header: the lines above, from the nearest, while each of their
	// cells overlaps one column alone.
	h := b
	heads := make([][]string, 0, b)
	for h > 0 {
		row := make([]string, n)
		ok := len(cells[h-1]) > 0
		for _, ce := range cells[h-1] {
			c := overlapped(cols, ce)
			if c < 0 {
				ok = false
				break
			}
			row[c] = strings.TrimSpace(row[c] + " " + ce.text)
		}
		if !ok {
			break
		}
		heads = append(heads, row)
		h--
	}
	out := make([]string, 0, len(block))
	out = append(out, block[:h]...)
	for k := len(heads) - 1; k >= 0; k-- {
		out = append(out, table.Format(heads[k]))
	}
	for _, r := range body {
		row := make([]string, n)
		for c, ce := range r {
			row[c] = ce.text
		}
		out = append(out, table.Format(row))
	}
	return out
}

// chartRow reports whether values, a line of figures only, stands under
// labels cell for cell: as many cells, each label over its value.
func chartRow(labels, values []alignedCell) bool {
	if len(labels) != len(values) {
		return false
	}
	for c, v := range values {
		if !valueCell(v.text) || table.HasFigure(labels[c].text) && valueCell(labels[c].text) && !isSpacedYear(strings.TrimRight(labels[c].text, "*")) {
			return false
		}
		if overlapped(values, labels[c]) != c {
			return false
		}
	}
	return true
}

// chartTable writes the lines of block with its labels line (at k) and
// the values line under it as a header row and a body row.
func chartTable(block []string, k int) []string {
	out := append([]string{}, block[:k]...)
	for _, l := range block[k : k+2] {
		var row []string
		for _, ce := range alignedCells(l) {
			row = append(row, ce.text)
		}
		out = append(out, table.Format(row))
	}
	return out
}

// leader is a line whose label and value a run of dots joins, as a
// contents page or a slide's list draws them: "AMO Tadamon ........ 10,3 M".
var leader = regexp.MustCompile(`^\s*(\S.*?\S)\s*(?:\.{4,}|…{2,}|(?:\. ){3,}\.?)\s*(\S.*?)\s*$`)

// leaderRows writes the runs of two dotted lines or more whose values are
// figures as table rows ("AMO Tadamon | 10,3 M"), so that each value reads
// its label as a table cell reads its row's.
func leaderRows(raw []string) []string {
	rows := make([][]string, len(raw))
	for i, l := range raw {
		if m := leader.FindStringSubmatch(l); m != nil && valueCell(m[2]) {
			rows[i] = []string{m[1], m[2]}
		}
	}
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j] != nil {
			j++
		}
		if j-i >= 2 && !contentsPages(rows[i:j]) {
			for k := i; k < j; k++ {
				raw[k] = table.Format(rows[k])
			}
		}
		i = j + 1
	}
	return raw
}

// contentsPages reports whether the values of a run of dotted lines are
// a contents page's page numbers: whole numbers under 1000, in order.
func contentsPages(rows [][]string) bool {
	prev := 0
	for _, r := range rows {
		n, err := strconv.Atoi(r[1])
		if err != nil || n < prev || n >= 1000 {
			return false
		}
		prev = n
	}
	return true
}

// overlapped is the one column that cell ce overlaps, or -1 when it
// overlaps none or several (a title across the table).
func overlapped(cols []alignedCell, ce alignedCell) int {
	found := -1
	for c, col := range cols {
		if ce.start < col.end+alignedSlack && col.start < ce.end+alignedSlack {
			if found >= 0 {
				return -1
			}
			found = c
		}
	}
	return found
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
