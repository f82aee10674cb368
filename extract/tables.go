package extract

// This file: figures in the cells of a table written one row a line
// (package table: "Année | Bénéficiaires | Dépense totale (millions de
// DH)", then "2022 | 41.250 | 87,5"). A cell says nothing of what its
// figure is; its column's header says the unit, the scale and the metric,
// and its row's label (or its column's, "Indicateur | 2022 | 2023") when
// the figure holds.

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/faits/faits/normalize"
	"github.com/faits/faits/table"
)

// pipeCol is what a figure of a table cell takes from its table.
type pipeCol struct {
	// heads are the cells that head the figure's column, bottom row first,
	// then its row's label: where to look for the metric's cue.
	heads []table.Cell
	// header is the column's header, folded.
	header string
	// unit is the count noun the header names ("Ménages" → household), or "".
	unit string
	// asOf is the period the row's label, or else the column's header,
	// names ("2021", "S1 2025" → "2025-06"), or "".
	asOf string
	// modality is the rules' modality the column's header says ("Cible
	// 2027", "Objectif" → target), or "".
	modality string
	// estimate is set for a cell flagged as an estimate ("72,4 e").
	estimate bool
	// flag is the estimate ("e") or projection ("p") flag of the column's
	// year ("2024e", "2026p"), or "".
	flag string
}

// periodCell is a cell that names a quarter or a half of a year the row
// gives elsewhere: "T4", "Q2", "S1".
var periodCell = regexp.MustCompile(`^\s*[TQS][1-4]\s*$`)

// flaggedYear is a column header that is a year with a flag: "2024e",
// "2024 (e)" an estimate, "2026p" a projection, "2025*".
var flaggedYear = regexp.MustCompile(`^\s*((?:19|20)\d\d)\s*(e|\(e\)|p|\(p\)|\*)\s*$`)

// unitHeader is a column that gives each row's unit: "Unité", "Unit".
var unitHeader = regexp.MustCompile(`^(unites?|unit|units|unite de mesure)$`)

// estimateFlag ends a cell flagged as an estimate: "72,4 e", "1 860 (e)",
// "(est.)".
var estimateFlag = regexp.MustCompile(`\d\s*(\(e\)|e|\(est\.?\)|est\.)$`)

// headerScales are the money columns' headers: "(millions de DH)" and
// "(MDH)" hold millions of dirhams, "(MMDH)" billions, "(en dirhams)"
// dirhams. Headers are folded (lower case, no accents).
var headerScales = []struct {
	re    *regexp.Regexp
	scale float64
	unit  string
}{
	{regexp.MustCompile(`\bmmdhs?\b|\bmds\s*(?:de\s+)?(?:dh|dhs|dirhams|mad)\b|\bmilliards?\s+(?:de\s+)?(?:dh|dhs|dirhams|mad)\b`), 1e9, "MAD"},
	{regexp.MustCompile(`\bmdhs?\b|\bmillions?\s+(?:de\s+)?(?:dh|dhs|dirhams|mad)\b|\bm\s*(?:dh|mad)\b`), 1e6, "MAD"},
	{regexp.MustCompile(`\bmilliers?\s+(?:de\s+)?(?:dh|dhs|dirhams|mad)\b|\bkdh\b`), 1e3, "MAD"},
	{regexp.MustCompile(`\b(?:dh|dhs|dirhams?|mad)\b`), 1, "MAD"},
	// An international organisation's table counts in dollars or euros:
	// "millions de dollars É.-U.", "(millions d'euros)".
	{regexp.MustCompile(`\bmilliards?\s+(?:de\s+)?(?:dollars|usd)\b`), 1e9, "USD"},
	{regexp.MustCompile(`\bmillions?\s+(?:de\s+)?(?:dollars|usd)\b`), 1e6, "USD"},
	{regexp.MustCompile(`\bmilliards?\s+(?:d'|de\s+)?(?:euros|eur)\b`), 1e9, "EUR"},
	{regexp.MustCompile(`\bmillions?\s+(?:d'|de\s+)?(?:euros|eur)\b`), 1e6, "EUR"},
}

var (
	// countScale: "Bénéficiaires (en milliers)" counts thousands, and so
	// do "Pensionnés (fin 2024, en milliers)", "(en milliers de
	// ménages)" and "(ménages en milliers)".
	countScale = []struct {
		re    *regexp.Regexp
		scale float64
	}{
		{regexp.MustCompile(`\((?:[^()]*[,;]\s*)?(?:\pL+\s+)?(?:en\s+)?millions?(?:\s+de\s+\pL+)?\s*(?:[,;][^()]*)?\)`), 1e6},
		{regexp.MustCompile(`\((?:[^()]*[,;]\s*)?(?:\pL+\s+)?(?:en\s+)?milliers?(?:\s+de\s+\pL+)?\s*(?:[,;][^()]*)?\)`), 1e3},
		// The same word last, without brackets: "Bénéficiaires en
		// milliers", a dataset's "beneficiaires_milliers".
		{regexp.MustCompile(`\pL\s+(?:en\s+)?millions?$`), 1e6},
		{regexp.MustCompile(`\pL\s+(?:en\s+)?milliers?$`), 1e3},
	}
	// percentHeader: "Part (%)", "Taux de couverture (en %)".
	percentHeader = regexp.MustCompile(`%|\bpour\s?cent\b|\ben pourcentage\b|\bpct$`)
)

// findPipeTables reads the tables of the text (table.Find) and records,
// for each figure of a body cell, what it takes from its headers. A bare
// number under a money header becomes money at the header's scale, under
// a percentage header a percentage, under "(en milliers)" a count of
// thousands.
func (x *run) findPipeTables() {
	x.pipe = map[[2]int]pipeCol{}
	x.headCell = map[[2]int]bool{}
	for _, tb := range append(table.Find(x.in.Text), x.flat...) {
		for _, row := range append(append([]table.Row{}, tb.Header...), tb.Body...) {
			for _, si := range x.sentencesIn(row.Start, row.End) {
				x.inTable[si] = true
			}
		}
		for _, row := range tb.Header {
			for _, si := range x.sentencesIn(row.Start, row.End) {
				for _, e := range x.exprsOf(si) {
					if e.Kind != normalize.Date && e.Start >= row.Start && e.End <= row.End {
						x.headCell[[2]int{si, e.Start}] = true
					}
				}
			}
		}
		capCell := x.captionCell(&tb)
		caption := foldString(capCell.Text)
		capUnit := x.scaleUnit(caption)
		if capUnit == "" {
			capUnit = x.countedUnit(caption)
		}
		heads := make([]string, tb.Cols())
		for c := range heads {
			heads[c] = foldString(tb.ColumnHeader(c))
		}
		unitCol := -1
		for c, h := range heads {
			if c > 0 && unitHeader.MatchString(h) {
				unitCol = c
			}
		}
		for r, row := range tb.Body {
			label := tb.RowHeader(r)
			rowUnit := ""
			if unitCol >= 0 && unitCol < len(row.Cells) {
				// "Ménages | milliers | 3 861 | 4 018": a column says each
				// row's unit and scale.
				rowUnit = "(" + foldString(row.Cells[unitCol].Text) + ")"
			}
			// "Pensionnés (nombre) | 872 300" under a caption "(en
			// milliers de dirhams, sauf mention contraire)": the row
			// says what it counts, and the caption's unit and scale are
			// not its.
			own := len(row.Cells) > 0 && ownMeasure.MatchString(foldString(row.Cells[0].Text))
			for col, c := range row.Cells {
				pc := x.cellCol(&tb, r, col, label)
				if pc.unit == "" && !own {
					pc.unit = capUnit
				}
				// "72,4 e", "1 860 (e)": a statistical table's estimate,
				// and so is every cell under "2024e".
				pc.estimate = estimateFlag.MatchString(c.Text) || pc.flag == "e" || pc.flag == "*"
				if pc.flag == "p" && pc.modality == "" {
					// "2026p": a projection, not a figure reached.
					pc.modality = "forecast"
				}
				if capCell.Text != "" {
					// Last: a caption's cue ("Crédits de l'Etat aux
					// régimes") is the whole table's, outweighed by a
					// header's or a row's.
					pc.heads = append(pc.heads, capCell)
				}
				for _, si := range x.sentencesIn(c.Start, c.End) {
					exprs := x.exprsOf(si)
					for k := range exprs {
						e := &exprs[k]
						if e.Kind == normalize.Date || e.Start < c.Start || e.End > c.End {
							continue
						}
						if rowUnit != "" && col != unitCol && scaleCell(e, rowUnit) {
							x.pipe[[2]int{si, e.Start}] = pc
							continue
						}
						if !scaleCell(e, pc.header) && !(col > 0 && scaleCell(e, foldString(label))) && !own {
							// ("Dépenses (MDH) | 35 | 61": the row's label
							// heads a table whose columns are years.) Else
							// the caption says it for every cell: "Les
							// dotations (en MMDH)", "… (en milliers de
							// ménages)".
							scaleCell(e, captionScale(caption, pc.header, heads))
						}
						x.pipe[[2]int{si, e.Start}] = pc
					}
				}
			}
		}
	}
}

// ownMeasure is a row label's own measure, which a caption's does not
// override: "(nombre)", "(en nombre)", "(%)", "(unités)" (folded text).
var ownMeasure = regexp.MustCompile(`\((?:en\s+)?(?:nombre|nb|effectifs?|unites)\)|\((?:en\s+)?(?:%|pourcentage)[^()]*\)`)

// cellCol gathers what column col of body row r takes from its headers.
func (x *run) cellCol(tb *table.Table, r, col int, label string) pipeCol {
	// ("beneficiaires_milliers", "depenses_mdh": a dataset's column
	// names, their words joined by underscores.)
	pc := pipeCol{header: foldString(strings.ReplaceAll(tb.ColumnHeader(col), "_", " "))}
	for h := len(tb.Header) - 1; h >= 0; h-- {
		if col < len(tb.Header[h].Cells) {
			pc.heads = append(pc.heads, tb.Header[h].Cells[col])
		}
	}
	if col > 0 && label != "" {
		pc.heads = append(pc.heads, tb.Body[r].Cells[0])
	}
	pc.unit = x.scaleUnit(pc.header)
	if pc.unit == "" {
		pc.unit = x.nounBefore(pc.header)
	}
	if pc.unit == "" && col > 0 && label != "" {
		pc.unit = x.nounBefore(foldString(label))
	}
	if col > 0 {
		pc.asOf = table.Period(label)
		if len(pc.asOf) == 4 {
			// "2025 | T4 | AMO TNS | 1 874,3": a dataset's year, then its
			// quarter or half in a column of its own.
			for k, c := range tb.Body[r].Cells {
				if k != col && periodCell.MatchString(c.Text) {
					if p := table.Period(c.Text + " " + pc.asOf); p != "" {
						pc.asOf = p
					}
					break
				}
			}
		}
	}
	for h := len(tb.Header) - 1; h >= 0 && pc.asOf == ""; h-- {
		if col < len(tb.Header[h].Cells) {
			pc.asOf = table.Period(tb.Header[h].Cells[col].Text)
		}
	}
	for h := len(tb.Header) - 1; h >= 0 && pc.asOf == "" && col > 0; h-- {
		if col < len(tb.Header[h].Cells) {
			text := tb.Header[h].Cells[col].Text
			pc.asOf = x.headerDate(text)
			if m := flaggedYear.FindStringSubmatch(text); m != nil && pc.asOf == "" {
				// "2024e", "2026p", "2025*": a statistical table's
				// estimated or projected year.
				pc.asOf = m[1]
				pc.flag = strings.ToLower(strings.Trim(m[2], "()"))
			}
		}
	}
	if mo := table.LabelMonth(label); len(pc.asOf) == 4 && col > 0 && mo > 0 {
		// "Ménages à fin décembre | 3,96" under "2024": 2024-12.
		pc.asOf = fmt.Sprintf("%s-%02d", pc.asOf, mo)
	}
	if pc.asOf == "" {
		pc.asOf = x.captionDate(tb)
	}
	if col > 0 {
		for _, md := range x.r.modality {
			if x.find(md.re, pc.header, md.what, 0) != nil {
				pc.modality = md.name
				break
			}
		}
	}
	return pc
}

// headerDate is the period a column header's words name, from one scan:
// its one date ("Dépenses remboursées en 2023 (en MDH)", "Affiliés à fin
// juin 2024"), else its one date that writes its year ("Aujourd'hui
// (situation à juin 2024)"), else its one year written with no cue
// ("Avant la réforme (situation 2022)"), or "".
func (x *run) headerDate(text string) string {
	exprs := normalize.Scan(text, &normalize.Options{Ref: refDate(x.in.Published)})
	if d := soleDate(exprs); d != "" {
		return d
	}
	var dated []normalize.Expr
	for _, e := range exprs {
		if e.Kind == normalize.Date && yearDigits.MatchString(e.Text) {
			dated = append(dated, e)
		}
	}
	if d := soleDate(dated); d != "" {
		return d
	}
	return soleYear(text)
}

// soleYear is the one year (1900 to 2099) text writes in digits, or "".
func soleYear(text string) string {
	ys := yearDigits.FindAllString(text, 2)
	if len(ys) != 1 {
		return ""
	}
	return ys[0]
}

// yearDigits is a year written in digits, a word of its own.
var yearDigits = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// soleDate is the one date among exprs, as a month or a year: the end of
// an interval, a day's month; "" when they hold none, several (which one
// a table holds at is unsaid) or one open at an end.
func soleDate(exprs []normalize.Expr) string {
	date := ""
	for _, e := range exprs {
		if e.Kind != normalize.Date || e.Date == "" {
			continue
		}
		if date != "" {
			return ""
		}
		date = e.Date
	}
	if _, b, ok := strings.Cut(date, "/"); ok {
		date = b
	}
	if strings.HasPrefix(date, "..") || strings.HasSuffix(date, "..") {
		return ""
	}
	if len(date) == 10 {
		date = date[:7]
	}
	return date
}

// captionDate is the one date of the line that introduces the table ("Les
// versements par province à fin 2024 :"), or "": a table whose rows and
// columns name no period holds when its caption says.
func (x *run) captionDate(tb *table.Table) string {
	i := x.captionIndex(tb)
	if i < 0 {
		return ""
	}
	s := x.sents[i]
	line := strings.TrimSpace(x.in.Text[s.start:s.end])
	if strings.HasSuffix(line, ":") {
		return soleDate(x.exprsOf(i))
	}
	// A caption of its own line, with no figure but dates ("Population
	// couverte (fin juin 2024) et prestations (exercice 2023)"): its first
	// date, as a column whose header names another has already taken it.
	if len(line) > maxCaption || (i > 0 && x.sents[i-1].para == s.para) {
		return ""
	}
	exprs := x.exprsOf(i)
	for _, e := range exprs {
		if e.Kind != normalize.Date && !(e.Kind == normalize.Number && e.Unit == "" && e.Value < 100) {
			// ("Tableau 1 - …" numbers the table.)
			return ""
		}
	}
	for k := range exprs {
		if exprs[k].Kind == normalize.Date && exprs[k].Date != "" {
			return soleDate(exprs[k : k+1])
		}
	}
	return ""
}

// captionScale is what of a table's caption gives the scale of the cells
// under header: the whole caption when it names one scale; when its
// parentheses name one a column ("ménages en millions, montants en
// milliards de DH"), the part that shares a word with the header, as
// its own parentheses; for a header no part names, the parts that name
// no column of heads ("(en milliers de personnes ; variation sur un an
// en %)": the thousands are the counts', the percentage the Variation
// column's); "" when there are none.
func captionScale(caption, header string, heads []string) string {
	i, j := strings.LastIndex(caption, "("), strings.LastIndex(caption, ")")
	if i < 0 || j < i {
		return caption
	}
	parts := strings.FieldsFunc(caption[i+1:j], func(r rune) bool { return r == ',' || r == ';' })
	if len(parts) < 2 {
		return caption
	}
	var rest []string
	for _, p := range parts {
		if sharesStem(p, header) {
			return "(" + strings.TrimSpace(p) + ")"
		}
		named := false
		for _, h := range heads {
			named = named || sharesStem(p, h)
		}
		if !named {
			rest = append(rest, strings.TrimSpace(p))
		}
	}
	if len(rest) == 0 {
		return ""
	}
	return "(" + strings.Join(rest, " ; ") + ")"
}

// sharesStem reports whether part and header share a word's first five
// letters: "ménages" heads "Ménages servis", "montants" "Montant versé".
func sharesStem(part, header string) bool {
	hw := strings.Fields(header)
	for _, w := range strings.Fields(part) {
		if len(w) < 5 {
			continue
		}
		for _, h := range hw {
			if len(h) >= 5 && h[:5] == w[:5] {
				return true
			}
		}
	}
	return false
}

// scaleNoun is the count noun a scale names in parentheses: "(en
// milliers de ménages)", "(millions de personnes)" (folded text).
var scaleNoun = regexp.MustCompile(`\((?:[^()]*[,;]\s*)?(?:en\s+)?(?:millions?|milliers?)\s+(?:de\s+|d')(\pL+)\s*[,;)]`)

// scaleUnit is the unit of the noun a header's or a caption's scale
// names ("(en milliers de ménages)": household), or "": it says what the
// cells count, over the header's other words ("Inscriptions (en milliers
// de ménages)").
func (x *run) scaleUnit(folded string) string {
	if m := scaleNoun.FindStringSubmatch(folded); m != nil {
		return x.r.unitByNoun[m[1]]
	}
	return ""
}

// countNoun is the noun a caption counts: "Évolution du nombre de
// ménages bénéficiaires", "Effectifs des assurés" (folded text).
var countNoun = regexp.MustCompile(`\b(?:nombre|effectifs?)\s+(?:de\s+|d'|des\s+)(\pL+)`)

// countedUnit is the unit of the noun a caption counts, or "": a bar
// chart's or a one-column table's cells ("Déc. 2024 | 3,9 M") name none.
func (x *run) countedUnit(folded string) string {
	if m := countNoun.FindStringSubmatch(folded); m != nil {
		return x.r.unitByNoun[m[1]]
	}
	return ""
}

// captionIndex is the sentence right above table tb, or -1. A
// placeholder a dump left in brackets between them ("[Graphique en
// barres]") is passed over: the title is above it.
func (x *run) captionIndex(tb *table.Table) int {
	i := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].end > tb.Start }) - 1
	for i > 0 {
		t := x.in.Text[x.sents[i].start:x.sents[i].end]
		if !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
			break
		}
		i--
	}
	return i
}

// captionCell is the line that titles table tb, empty when the sentence
// above it is a paragraph's rather than a line of its own: "Les régimes à
// fin septembre (en millions de personnes)" gives the scale of cells whose
// header and row name none, and "Crédits de l'Etat aux régimes" their
// metric.
func (x *run) captionCell(tb *table.Table) table.Cell {
	i := x.captionIndex(tb)
	if i < 0 {
		return table.Cell{}
	}
	s := x.sents[i]
	if s.end-s.start > maxCaption || (i > 0 && x.sents[i-1].para == s.para && !x.numberOnly(i-1)) {
		return table.Cell{}
	}
	return table.Cell{Text: x.in.Text[s.start:s.end], Start: s.start, End: s.end}
}

// numberOnly reports whether sentence si is a heading's number alone, the
// "2." of "2. Évolution des personnes couvertes", cut off by the period.
func (x *run) numberOnly(si int) bool {
	s := x.sents[si]
	return (si == 0 || x.sents[si-1].para != s.para) && headingNumber.MatchString(x.in.Text[s.start:s.end]+" ")
}

// maxCaption is the longest line read as a table's caption, in bytes: a
// title, not a paragraph.
const maxCaption = 200

// scaleCell gives a bare number the unit and scale its column's header
// names, and reports whether the header named one.
func scaleCell(e *normalize.Expr, header string) bool {
	if e.Kind != normalize.Number || e.Unit != "" {
		return true
	}
	scale := func(f float64) {
		e.Value *= f
		if e.ValueMax != nil {
			v := *e.ValueMax * f
			e.ValueMax = &v
		}
	}
	for _, sc := range headerScales {
		if sc.re.MatchString(header) {
			e.Kind, e.Unit = normalize.Money, sc.unit
			scale(sc.scale)
			return true
		}
	}
	if percentHeader.MatchString(header) {
		e.Kind = normalize.Percent
		return true
	}
	for _, sc := range countScale {
		if sc.re.MatchString(header) {
			scale(sc.scale)
			return true
		}
	}
	return false
}

// sentencesIn lists the sentences that overlap bytes [a, b).
func (x *run) sentencesIn(a, b int) []int {
	i := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].end > a })
	var out []int
	for ; i < len(x.sents) && x.sents[i].start < b; i++ {
		out = append(out, i)
	}
	return out
}

// pipeMetric gives a table cell's figure the metric of the last cue of its
// column's header ("Nombre de bénéficiaires", "Dépense totale"), or, when
// the header has none, of its row's label ("Affiliés | 1,2 million |
// 1,5 million"). A header's cue outweighs whatever the row line says.
func (x *run) pipeMetric(pc pipeCol, rd *reading) bool {
	for _, c := range pc.heads {
		if ru := x.cellCue(c, rd); ru != nil {
			rd.metric, rd.rule, rd.explicit = ru.metric, ru.name+"+table", true
			return true
		}
	}
	if rd.metric == nil && rd.fig.e.Kind == normalize.Percent {
		// "Population couverte | % | 70,6": a percentage in a table is a
		// share when no cue says more (the share's reject still turns
		// down a change, "+5,1 %").
		if mt := x.r.metric("share"); mt != nil {
			rd.metric, rd.rule, rd.unit = mt, "share/table", "percent"
			return true
		}
	}
	return false
}

// cellCue is the rule of the last metric cue inside cell c that fits rd.
func (x *run) cellCue(c table.Cell, rd *reading) *rule {
	var best *rule
	bestEnd := -1
	for _, si := range x.sentencesIn(c.Start, c.End) {
		h := x.maskOf(si)
		if h == nil {
			continue
		}
		var orig []int // byte offsets of the header's runes, made on first use
		for _, mt := range x.r.metrics {
			if !x.fits(mt, rd) {
				continue
			}
			for _, ru := range mt.rules {
				if ru.cue == nil {
					continue
				}
				for _, cm := range x.cueMatches(h, ru) {
					if orig == nil {
						orig = x.maskFold(x.sents[si], x.exprsOf(si), nil, false).orig
					}
					a, b := orig[cm.Index], orig[cm.Index+cm.Length]
					if a >= c.Start && b <= c.End && b > bestEnd {
						best, bestEnd = ru, b
					}
				}
			}
		}
	}
	return best
}

// cellAsOf is the period a table cell's figure holds at, or "".
func (x *run) cellAsOf(rd *reading) string {
	if pc, ok := x.pipe[[2]int{rd.si, rd.fig.e.Start}]; ok {
		return pc.asOf
	}
	return ""
}

// tableFeatures add what a table cell's headers say of each option: that
// a header's cue names its metric ("t:header_cue"), or another metric
// ("t:header_other"), or that no header holds a cue ("t:header_none");
// "no fact" learns "t:cell". A figure outside a table has none of them.
func (x *run) tableFeatures(rd *reading, opts []option, fs *featureSets) {
	pc, ok := x.pipe[[2]int{rd.si, rd.fig.e.Start}]
	if !ok {
		return
	}
	noneDone := false
	for k, o := range opts {
		if o.none() {
			if !noneDone {
				fs.none = append(fs.none, "t:cell")
				noneDone = true
			}
			continue
		}
		// A tail may be shared (optionFeatures): append to a copy.
		fs.tails[k] = append(fs.tails[k][:len(fs.tails[k]):len(fs.tails[k])], x.headerFeature(pc, rd, o))
	}
}

func (x *run) headerFeature(pc pipeCol, rd *reading, o option) string {
	probe := &reading{fig: rd.fig, unit: o.unit}
	for _, c := range pc.heads {
		if ru := x.cellCue(c, probe); ru != nil {
			if ru.metric == o.mt {
				return "t:header_cue"
			}
			return "t:header_other"
		}
	}
	return "t:header_none"
}

// cellWords are the words of a table cell's column header and row label
// ("^beneficiaires"). The metric's features read them instead of the words
// around the figure, which are the figures of the cells beside it; the
// programme's read them besides the row's words (a row's label may name
// the programme). They are words of their own, not words before the
// figure: a header is not a sentence. nil outside a table.
func (x *run) cellWords(rd *reading) []string {
	pc, ok := x.pipe[[2]int{rd.si, rd.fig.e.Start}]
	if !ok {
		return nil
	}
	out := []string{}
	for _, c := range pc.heads {
		for _, w := range wordsOf(foldString(c.Text)) {
			out = append(out, "^"+w)
		}
	}
	return out
}

func init() {
	featureWords["t:header_cue"] = "a cue of this metric heads the table's column"
	featureWords["t:header_other"] = "a cue of another metric heads the table's column"
	featureWords["t:header_none"] = "no metric's cue heads the table's column"
	featureWords["t:cell"] = "a figure of a table's cell"
}
