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
	// index is built on first use (Model.ix), for the scorer.
	index     *modelIndex
	indexOnce sync.Once
}

// modelIndex looks features up for the scorer: each weighted feature's
// weight and number (explanations group by it), and the features that
// pair a word with an id ("pw:<aide|asd") by their word part, so that a
// word that no feature pairs with anything costs one look-up for all ids.
type modelIndex struct {
	names []string // in byte order; a feature's number is its place here
	feats map[string]feat
	// pairs holds, by word part ("pw:<aide"), the pairing of that word
	// with each id, indexed by the id's number in ids ("asd" → 3): an
	// array read, not a string look-up, for each programme or metric of a
	// figure. An id no feature pairs the word with has weight 0.
	pairs map[string][]feat
	ids   map[string]int32
	// scratch holds marginScratch for explanations.
	scratch sync.Pool
}

// marginScratch sums an explanation's margins by feature number; it is
// left all zero and false after use.
type marginScratch struct {
	sum     []float64
	seen    []bool
	touched []int32
}

// feat is a weighted feature: its weight and its number in the index.
type feat struct {
	w  float64
	id int32
}

// ix returns the model's index, building it once.
func (m *Model) ix() *modelIndex {
	m.indexOnce.Do(func() {
		ix := &modelIndex{feats: make(map[string]feat, len(m.weights)), pairs: map[string][]feat{}, ids: map[string]int32{}}
		names := make([]string, 0, len(m.weights))
		for f := range m.weights {
			names = append(names, f)
		}
		sort.Strings(names)
		ix.names = names
		ix.scratch.New = func() any {
			return &marginScratch{sum: make([]float64, len(names)), seen: make([]bool, len(names))}
		}
		for id, f := range names {
			ft := feat{m.weights[f], int32(id)}
			ix.feats[f] = ft
			if !strings.HasPrefix(f, progWordPrefix) && !strings.HasPrefix(f, metricWordPrefix) {
				continue
			}
			if left, right, ok := strings.Cut(f, "|"); ok {
				n, ok := ix.ids[right]
				if !ok {
					n = int32(len(ix.ids))
					ix.ids[right] = n
				}
				p := ix.pairs[left]
				if int(n) >= len(p) {
					p = append(p, make([]feat, int(n)+1-len(p))...)
				}
				p[n] = ft
				ix.pairs[left] = p
			}
		}
		m.index = ix
	})
	return m.index
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

// weighed is a figure's options weighed by parts (featureSets): each
// part's weighted features in order, and every option's score.
type weighed struct {
	fs          *featureSets
	none        []feat
	progs, mets [][]feat
	tails       [][]feat
	scores      []float64
	// arena holds every part's features; pPairs and mPairs the words'
	// pairings. Kept for the next figure when wd is reused.
	arena          []feat
	pPairs, mPairs [][]feat
	buf            []byte
}

// weigh scores the n options of fs. Each part is looked up once, and an
// option's sum is taken in the order fs.option lists its features, so that
// every score is score(fs.option(k)) to the bit (a feature without a
// weight adds nothing and is left out).
func (m *Model) weigh(fs *featureSets, n int) *weighed {
	return m.weighInto(&weighed{}, fs, n)
}

// weighInto is weigh into wd, whose lists it reuses.
func (m *Model) weighInto(wd *weighed, fs *featureSets, n int) *weighed {
	ix := m.ix()
	wd.fs = fs
	// Every part is cut from one array, sized for them all.
	size := len(fs.none)
	for _, f := range fs.progs {
		size += len(f) + len(fs.pWords)
	}
	for _, f := range fs.mets {
		size += len(f) + len(fs.mWords)
	}
	for _, f := range fs.tails {
		size += len(f)
	}
	arena := wd.arena[:0]
	if cap(arena) < size {
		arena = make([]feat, 0, size)
	}
	// (cut relies on arena's not moving: it never grows past size.)
	cut := func(from int) []feat { return arena[from:len(arena):len(arena)] }
	addFeats := func(f []string) {
		for _, n := range f {
			if ft, ok := ix.feats[n]; ok && ft.w != 0 {
				arena = append(arena, ft)
			}
		}
	}
	// The weighted pairings of each word, looked up once for every id.
	buf := wd.buf
	pairsOf := func(out [][]feat, prefix string, words []string) [][]feat {
		out = out[:0]
		for _, w := range words {
			buf = append(append(buf[:0], prefix...), w...)
			if p := ix.pairs[string(buf)]; p != nil {
				out = append(out, p)
			}
		}
		return out
	}
	addPairs := func(pairs [][]feat, id string) {
		n, ok := ix.ids[id]
		if !ok {
			return // no word pairs with id
		}
		for _, p := range pairs {
			if int(n) < len(p) && p[n].w != 0 {
				arena = append(arena, p[n])
			}
		}
	}
	addFeats(fs.none)
	wd.none = cut(0)
	pPairs := pairsOf(wd.pPairs, progWordPrefix, fs.pWords)
	wd.pPairs = pPairs
	wd.progs = slices.Grow(wd.progs[:0], len(fs.progs))[:len(fs.progs)]
	for j, f := range fs.progs {
		from := len(arena)
		addFeats(f)
		addPairs(pPairs, fs.progID[j])
		wd.progs[j] = cut(from)
	}
	mPairs := pairsOf(wd.mPairs, metricWordPrefix, fs.mWords)
	wd.mPairs = mPairs
	wd.mets = slices.Grow(wd.mets[:0], len(fs.mets))[:len(fs.mets)]
	for j, f := range fs.mets {
		from := len(arena)
		addFeats(f)
		addPairs(mPairs, fs.metID[j])
		wd.mets[j] = cut(from)
	}
	wd.tails = slices.Grow(wd.tails[:0], n)[:n]
	wd.scores = slices.Grow(wd.scores[:0], n)[:n]
	for k := range n {
		s := 0.0
		if fs.progOf[k] < 0 {
			for _, ft := range wd.none {
				s += ft.w
			}
			wd.scores[k] = s
			continue
		}
		for _, ft := range wd.progs[fs.progOf[k]] {
			s += ft.w
		}
		for _, ft := range wd.mets[fs.metOf[k]] {
			s += ft.w
		}
		from := len(arena)
		addFeats(fs.tails[k])
		wd.tails[k] = cut(from)
		for _, ft := range wd.tails[k] {
			s += ft.w
		}
		wd.scores[k] = s
	}
	wd.arena, wd.buf = arena, buf
	return wd
}

// option returns the weighted features of option k, in order, after dst.
func (wd *weighed) option(dst []feat, k int) []feat {
	if wd.fs.progOf[k] < 0 {
		return append(dst, wd.none...)
	}
	dst = append(dst, wd.progs[wd.fs.progOf[k]]...)
	dst = append(dst, wd.mets[wd.fs.metOf[k]]...)
	return append(dst, wd.tails[k]...)
}

// why explains the choice of option k over the runner-up, as explain does
// with the options' features written out.
func (m *Model) why(wd *weighed, k int) string {
	chosen := wd.option(make([]feat, 0, 64), k)
	var other []feat
	if ru := runnerUp(wd.scores, k); ru >= 0 {
		other = wd.option(make([]feat, 0, 64), ru)
	}
	return m.explainFeats(chosen, other)
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

// explain says why features chosen beat features other (nil: no other
// option): the features whose weights set them apart most, in words, with
// the margin each gave.
func (m *Model) explain(chosen, other []string) string {
	ix := m.ix()
	weighted := func(f []string) []feat {
		var out []feat
		for _, n := range f {
			if ft, ok := ix.feats[n]; ok && ft.w != 0 {
				out = append(out, ft)
			}
		}
		return out
	}
	return m.explainFeats(weighted(chosen), weighted(other))
}

// explainFeats is explain over weighted features.
func (m *Model) explainFeats(chosen, other []feat) string {
	ix := m.ix()
	// Each feature's margin: its weight for each time chosen has it, less
	// its weight for each time other has it, summed in that order.
	sc := ix.scratch.Get().(*marginScratch)
	defer ix.scratch.Put(sc)
	sc.touched = sc.touched[:0]
	for _, ft := range chosen {
		if !sc.seen[ft.id] {
			sc.seen[ft.id] = true
			sc.touched = append(sc.touched, ft.id)
		}
		sc.sum[ft.id] += ft.w
	}
	for _, ft := range other {
		if !sc.seen[ft.id] {
			sc.seen[ft.id] = true
			sc.touched = append(sc.touched, ft.id)
		}
		sc.sum[ft.id] -= ft.w
	}
	// The three largest margins, larger first, then by name: what a sort
	// of them all would put first (names are distinct, so the order is
	// total), kept by insertion.
	type fw struct {
		f string
		w float64
	}
	var top [3]fw
	n := 0
	for _, id := range sc.touched {
		d := sc.sum[id]
		sc.sum[id], sc.seen[id] = 0, false
		if d <= 0.005 {
			continue
		}
		c := fw{ix.names[id], d}
		j := n
		for j > 0 && (c.w > top[j-1].w || c.w == top[j-1].w && c.f < top[j-1].f) {
			j--
		}
		if j >= len(top) {
			continue
		}
		if n < len(top) {
			n++
		}
		copy(top[j+1:n], top[j:n-1])
		top[j] = c
	}
	// "text (+1.2); text (+0.4)", written in one buffer, about the size
	// of three: every kept figure is explained.
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(160)
	var num [24]byte
	for j, l := range top[:n] {
		if j > 0 {
			b.WriteString("; ")
		}
		b.WriteString(featureText(l.f))
		b.WriteString(" (+")
		b.Write(strconv.AppendFloat(num[:0], l.w, 'f', 1, 64))
		b.WriteByte(')')
	}
	return b.String()
}
