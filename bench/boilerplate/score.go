package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// counts pools snippet outcomes over pages.
type counts struct{ tp, fp, fn, tn int }

func (c counts) p() float64   { return ratio(c.tp, c.tp+c.fp) }
func (c counts) r() float64   { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64  { return ratio(2*c.tp, 2*c.tp+c.fp+c.fn) }
func (c counts) acc() float64 { return ratio(c.tp+c.tn, c.tp+c.tn+c.fp+c.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// normSpace collapses whitespace runs to one space and trims.
func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func snippetCounts(t truth, body string) counts {
	var c counts
	out := normSpace(body)
	for _, s := range t.With {
		if strings.Contains(out, normSpace(s)) {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, s := range t.Without {
		if strings.Contains(out, normSpace(s)) {
			c.fp++
		} else {
			c.tn++
		}
	}
	return c
}

func (c *counts) add(o counts) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn; c.tn += o.tn }

// tokens are maximal runs of letters, combining marks, digits or "_".
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r) || r == '_')
	})
}

func bag(toks []string, lower bool) map[string]int {
	m := make(map[string]int, len(toks))
	for _, t := range toks {
		if lower {
			t = strings.ToLower(t)
		}
		m[t]++
	}
	return m
}

func overlap(a, b map[string]int) int {
	n := 0
	for k, v := range a {
		n += min(v, b[k])
	}
	return n
}

func tokenF1(out, body string) float64 {
	ot, bt := tokens(out), tokens(body)
	if len(ot) == 0 || len(bt) == 0 {
		return 0
	}
	ov := overlap(bag(ot, true), bag(bt, true))
	p := float64(ov) / float64(len(ot))
	r := float64(ov) / float64(len(bt))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// shingles are 4-token shingles, case-sensitive.
func shingles(s string) map[string]int {
	t := tokens(s)
	m := map[string]int{}
	for i := 0; i+4 <= len(t); i++ {
		m[strings.Join(t[i:i+4], " ")]++
	}
	return m
}

func shingleTPFPFN(out, body string) (tp, fp, fn float64) {
	o, b := shingles(out), shingles(body)
	no, nb := 0, 0
	for _, v := range o {
		no += v
	}
	for _, v := range b {
		nb += v
	}
	ov := overlap(o, b)
	tp, fp, fn = float64(ov), float64(no-ov), float64(nb-ov)
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

// metaKey lowercases and keeps tokens only, for author and title matching.
func metaKey(s string) string {
	return strings.Join(tokens(strings.ToLower(s)), " ")
}

func metaMatch(got, want string) bool {
	g, w := metaKey(got), metaKey(want)
	if g == "" || w == "" {
		return false
	}
	return strings.Contains(g, w) || strings.Contains(w, g)
}

// metaTotal is the number of annotated (non-empty) metadata rows.
var metaTotal struct{ date, dateFr, author, authorFr, title int }

func annotated(p *string) bool { return p != nil && *p != "" }

func score(name string, pages []page, outs []output) result {
	r := result{name: name}
	metaTotal.date, metaTotal.dateFr, metaTotal.author, metaTotal.authorFr, metaTotal.title = 0, 0, 0, 0, 0
	var sumF1, sumP, sumR float64
	nP := 0
	for i, p := range pages {
		o := outs[i]
		fr := p.t.Lang == "fr"
		if len(p.t.With)+len(p.t.Without) > 0 {
			c := snippetCounts(p.t, o.body)
			r.all.add(c)
			if fr {
				r.fr.add(c)
			}
		}
		if p.t.Body != "" {
			r.nBody++
			sumF1 += tokenF1(o.body, p.t.Body)
			tp, fp, fn := shingleTPFPFN(o.body, p.t.Body)
			if tp+fp > 0 {
				sumP += tp / (tp + fp)
				nP++
			}
			if tp+fn > 0 {
				sumR += tp / (tp + fn)
			}
		}
		if annotated(p.t.Date) {
			metaTotal.date++
			if fr {
				metaTotal.dateFr++
			}
			if o.date == *p.t.Date {
				r.dateAll++
				if fr {
					r.dateFr++
				}
			}
		}
		if annotated(p.t.Author) {
			metaTotal.author++
			if fr {
				metaTotal.authorFr++
			}
			if metaMatch(o.author, *p.t.Author) {
				r.authAll++
				if fr {
					r.authFr++
				}
			}
		}
		if annotated(p.t.Title) {
			metaTotal.title++
			if metaMatch(o.title, *p.t.Title) {
				r.titleAll++
			}
		}
	}
	if r.nBody > 0 {
		r.tokF1 = sumF1 / float64(r.nBody)
		r.shR = sumR / float64(r.nBody)
	}
	if nP > 0 {
		r.shP = sumP / float64(nP)
	}
	return r
}

// writeReport lists, per page, what faits got wrong, worst first, to guide
// work on the extractor.
// other, when not nil, is go-trafilatura's output, shown beside faits's
// dates.
func writeReport(b *strings.Builder, pages []page, outs, other []output) {
	type row struct {
		s    float64
		text string
	}
	var rows []row
	for i, p := range pages {
		o := outs[i]
		var lines []string
		s := 1.0
		if len(p.t.With)+len(p.t.Without) > 0 {
			out := normSpace(o.body)
			for _, w := range p.t.With {
				if !strings.Contains(out, normSpace(w)) {
					lines = append(lines, "  MISSING: "+trunc(w, 150))
					s -= 0.2
				}
			}
			for _, w := range p.t.Without {
				if strings.Contains(out, normSpace(w)) {
					lines = append(lines, "  KEPT: "+trunc(w, 150))
					s -= 0.2
				}
			}
		}
		if p.t.Body != "" {
			f := tokenF1(o.body, p.t.Body)
			ot, bt := tokens(o.body), tokens(p.t.Body)
			lines = append(lines, fmt.Sprintf("  tokF1 %.3f (out %d tokens, truth %d)", f, len(ot), len(bt)))
			s = f
		}
		if annotated(p.t.Date) && o.date != *p.t.Date {
			line := fmt.Sprintf("  date %q want %q", o.date, *p.t.Date)
			if other != nil {
				line += fmt.Sprintf(" (other %q)", other[i].date)
			}
			lines = append(lines, line)
		}
		if annotated(p.t.Author) && !metaMatch(o.author, *p.t.Author) {
			lines = append(lines, fmt.Sprintf("  author %q want %q", o.author, *p.t.Author))
		}
		if len(lines) == 0 {
			continue
		}
		rows = append(rows, row{s, fmt.Sprintf("%s [%s] %.2f\n%s\n", p.t.Page, p.t.Lang, s, strings.Join(lines, "\n"))})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].s < rows[j].s })
	for _, r := range rows {
		b.WriteString(r.text)
	}
}

func trunc(s string, n int) string {
	s = normSpace(s)
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
