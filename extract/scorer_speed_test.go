package extract

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestWeighByParts checks the scorer's fast path against the plain one on
// every figure of the test articles: each option weighed by parts
// (Model.weigh) scores, bit for bit, what the sum of its features written
// out scores (Model.score), the same option wins, and every option's why
// says what the explanation computed from the written-out features says.
func TestWeighByParts(t *testing.T) {
	r := mustDefault(t)
	m := r.model
	if m == nil {
		t.Fatal("the default rules have no model")
	}
	figures, explained := 0, 0
	for _, dir := range []string{"../testdata/seeds", "../testdata/variants", "../testdata/dev", "../testdata/fresh"} {
		for n, d := range readDir(t, dir) {
			name := fmt.Sprintf("%s #%d", dir, n)
			x := r.newRun(Input{Text: d.Body, Published: d.Published, Title: d.Title})
			x.traceWeigh = func(fs *featureSets, wd *weighed) {
				figures++
				n := len(wd.scores)
				feats := make([]optFeatures, n)
				for k := range n {
					feats[k] = fs.option(k)
					if got, want := wd.scores[k], m.score(feats[k]); math.Float64bits(got) != math.Float64bits(want) {
						t.Fatalf("%s: option %d scores %v by parts, %v written out", name, k, got, want)
					}
				}
				best, _ := m.best(feats)
				if got := argmax(wd.scores); got != best {
					t.Fatalf("%s: option %d wins by parts, %d written out", name, got, best)
				}
				for k := range n {
					var other []string
					if ru := runnerUp(wd.scores, k); ru >= 0 {
						other = feats[ru]
					}
					if got, want := m.why(wd, k), plainExplain(m, feats[k], other); got != want {
						t.Fatalf("%s: option %d: why by parts %q, written out %q", name, k, got, want)
					}
					explained++
				}
			}
			x.extract()
		}
	}
	if figures == 0 || explained == 0 {
		t.Fatal("no figure was weighed: the test checks nothing")
	}
}

// plainExplain is the explanation as first written: a map of margins over
// the features written out.
func plainExplain(m *Model, chosen, other []string) string {
	diff := map[string]float64{}
	for _, f := range chosen {
		diff[f] += m.weights[f]
	}
	for _, f := range other {
		diff[f] -= m.weights[f]
	}
	type fw struct {
		f string
		w float64
	}
	var list []fw
	for f, w := range diff {
		if w > 0.005 {
			list = append(list, fw{f, w})
		}
	}
	sort.Slice(list, func(a, b int) bool {
		if list[a].w != list[b].w {
			return list[a].w > list[b].w
		}
		return list[a].f < list[b].f
	})
	if len(list) > 3 {
		list = list[:3]
	}
	parts := make([]string, len(list))
	for j, l := range list {
		parts[j] = fmt.Sprintf("%s (+%.1f)", featureText(l.f), l.w)
	}
	return strings.Join(parts, "; ")
}

// TestFigureWords checks figureWords, which reads the words in place,
// against the words of the windows cut out and split (as first written),
// for every figure of the test sentences and of random texts.
func TestFigureWords(t *testing.T) {
	r := mustDefault(t)
	plain := func(m *masked, i, n int) []string {
		fig := m.figs[i]
		before := wordsOf(m.sub(max(0, fig.start-n*12), fig.start))
		if len(before) > n {
			before = before[len(before)-n:]
		}
		after := wordsOf(m.sub(fig.end, min(m.n(), fig.end+n*12)))
		if len(after) > n {
			after = after[:n]
		}
		out := make([]string, 0, len(before)+len(after))
		for _, w := range before {
			out = append(out, "<"+w)
		}
		for _, w := range after {
			out = append(out, ">"+w)
		}
		return out
	}
	var texts []string
	for _, dir := range []string{"../testdata/seeds", "../testdata/variants", "../testdata/dev"} {
		for _, d := range readDir(t, dir) {
			texts = append(texts, d.Body)
		}
	}
	// Long words, stop words and words cut by the window's edge.
	for _, s := range randomTexts(r, 2000) {
		texts = append(texts, s+" 12 "+s+" 7 500 dirhams administrationnelles établissement été ces")
	}
	figures := 0
	for _, text := range texts {
		x := r.newRun(Input{Text: text})
		for si := range x.sents {
			m := x.maskOf(si)
			if m == nil {
				continue
			}
			for i := range m.figs {
				for _, n := range []int{1, 6, 12} {
					figures++
					if got, want := figureWords(m, i, n), plain(m, i, n); !slices.Equal(got, want) {
						t.Fatalf("%q figure %d, %d words: got %q, want %q", m.str, i, n, got, want)
					}
				}
			}
		}
	}
	if figures < 100 {
		t.Fatalf("only %d figures read: the test checks little", figures)
	}
}
