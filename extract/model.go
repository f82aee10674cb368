package extract

// This file: the model that weighs a figure's readings. It is data like the
// rules: a text file of feature weights (one "feature<TAB>weight" a line,
// sorted), trained by `faits train` (train.go), embedded as
// model/default.model and replaceable by a file. Scoring is a sum of the
// weights of an option's features; the highest sum wins, the first option
// (the rules' own reading) on a tie.

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed model/default.model
var defaultModel []byte

// DefaultModelFile is the name reported for the embedded model.
const DefaultModelFile = "model/default.model (embedded)"

// Model is a trained scorer: a weight per feature. It is immutable and safe
// for concurrent use.
type Model struct {
	// File is the name the model was loaded from.
	File string
	// Notes are the file's comment lines (what it was trained on, how).
	Notes   []string
	weights map[string]float64
}

// DefaultModel returns the embedded model.
func DefaultModel() (*Model, error) { return embeddedModel() }

// embeddedModel parses the embedded model once; a Model is immutable, so
// every Rules shares it.
var embeddedModel = sync.OnceValues(func() (*Model, error) { return ParseModel(DefaultModelFile, defaultModel) })

// DefaultModelData returns the embedded model file's bytes.
func DefaultModelData() []byte { return bytes.Clone(defaultModel) }

// LoadModel reads a model file written by Model.WriteTo.
func LoadModel(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	return ParseModel(path, data)
}

// ParseModel reads a model file's bytes; name is used in errors.
func ParseModel(name string, data []byte) (*Model, error) {
	m := &Model{File: name, weights: map[string]float64{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "#") {
			m.Notes = append(m.Notes, strings.TrimSpace(strings.TrimPrefix(t, "#")))
			continue
		}
		f, w, ok := strings.Cut(t, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want feature<TAB>weight", name, line)
		}
		v, err := strconv.ParseFloat(w, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%s:%d: weight %q is not a number", name, line, w)
		}
		if _, dup := m.weights[f]; dup {
			return nil, fmt.Errorf("%s:%d: feature %q given twice", name, line, f)
		}
		m.weights[f] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// Bytes returns the model as a file: its notes, then one feature a line in
// byte order, weights with four decimals. The same model gives the same
// bytes.
func (m *Model) Bytes() []byte {
	var b bytes.Buffer
	for _, n := range m.Notes {
		b.WriteString("# " + n + "\n")
	}
	names := make([]string, 0, len(m.weights))
	for f := range m.weights {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		fmt.Fprintf(&b, "%s\t%s\n", f, strconv.FormatFloat(m.weights[f], 'f', 4, 64))
	}
	return b.Bytes()
}

// Len is the number of weighted features.
func (m *Model) Len() int { return len(m.weights) }

// score sums the weights of features.
func (m *Model) score(f []string) float64 {
	s := 0.0
	for _, n := range f {
		s += m.weights[n]
	}
	return s
}

// best returns the index of the highest-scoring option (the first on a
// tie) and every option's score.
func (m *Model) best(feats []optFeatures) (int, []float64) {
	scores := make([]float64, len(feats))
	for k, f := range feats {
		scores[k] = m.score(f)
	}
	return argmax(scores), scores
}

// argmax is the index of the highest score, the first on a tie.
func argmax(scores []float64) int {
	bi := 0
	for k := range scores {
		if scores[k] > scores[bi] {
			bi = k
		}
	}
	return bi
}

// bestOf is best over features given by parts: each part is looked up
// once, and an option's sum is taken in the order fs.option lists its
// features, so that every score is score(fs.option(k)) to the bit (a
// feature without a weight adds nothing and is left out).
func (m *Model) bestOf(fs *featureSets, n int) (int, []float64) {
	weigh := func(f []string) []float64 {
		var w []float64
		for _, n := range f {
			if v := m.weights[n]; v != 0 {
				w = append(w, v)
			}
		}
		return w
	}
	pw := make([][]float64, len(fs.progs))
	for j, f := range fs.progs {
		pw[j] = weigh(f)
	}
	mw := make([][]float64, len(fs.mets))
	for j, f := range fs.mets {
		mw[j] = weigh(f)
	}
	scores := make([]float64, n)
	for k := range n {
		s := 0.0
		if fs.progOf[k] < 0 {
			for _, f := range fs.none {
				s += m.weights[f]
			}
			scores[k] = s
			continue
		}
		for _, v := range pw[fs.progOf[k]] {
			s += v
		}
		for _, v := range mw[fs.metOf[k]] {
			s += v
		}
		for _, f := range fs.tails[k] {
			s += m.weights[f]
		}
		scores[k] = s
	}
	return argmax(scores), scores
}

// runnerUp is the best option but k (-1 when there is none): the one the
// explanation of k is set against.
func runnerUp(scores []float64, k int) int {
	ru := -1
	for j := range scores {
		if j != k && (ru < 0 || scores[j] > scores[ru]) {
			ru = j
		}
	}
	return ru
}

// why explains the choice of option k over the runner-up: the features
// whose weights set them apart most, in words, with the margin each gave.
func (m *Model) why(feats []optFeatures, scores []float64, k int) string {
	var other []string
	if ru := runnerUp(scores, k); ru >= 0 {
		other = feats[ru]
	}
	return m.explain(feats[k], other)
}

// explain says why features chosen beat features other (nil: no other
// option).
func (m *Model) explain(chosen, other []string) string {
	// Each weighted feature's margin: its weight for each time chosen has
	// it, less its weight for each time other has it, summed in that order.
	type fw struct {
		f string
		w float64
	}
	terms := make([]fw, 0, 32)
	for _, f := range chosen {
		if w := m.weights[f]; w != 0 {
			terms = append(terms, fw{f, w})
		}
	}
	for _, f := range other {
		if w := m.weights[f]; w != 0 {
			terms = append(terms, fw{f, -w})
		}
	}
	// (A stable sort keeps each feature's terms in that order.)
	slices.SortStableFunc(terms, func(a, b fw) int { return strings.Compare(a.f, b.f) })
	var list []fw
	for a := 0; a < len(terms); {
		b, d := a, 0.0
		for ; b < len(terms) && terms[b].f == terms[a].f; b++ {
			d += terms[b].w
		}
		if d > 0.005 {
			list = append(list, fw{terms[a].f, d})
		}
		a = b
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
