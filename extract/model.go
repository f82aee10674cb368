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
	bi := 0
	for k, f := range feats {
		scores[k] = m.score(f)
		if scores[k] > scores[bi] {
			bi = k
		}
	}
	return bi, scores
}

// why explains the choice of option k over the runner-up: the features
// whose weights set them apart most, in words, with the margin each gave.
func (m *Model) why(feats []optFeatures, scores []float64, k int) string {
	ru := -1
	for j := range feats {
		if j != k && (ru < 0 || scores[j] > scores[ru]) {
			ru = j
		}
	}
	diff := map[string]float64{}
	for _, f := range feats[k] {
		diff[f] += m.weights[f]
	}
	if ru >= 0 {
		for _, f := range feats[ru] {
			diff[f] -= m.weights[f]
		}
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
