package extract

// This file: learning the model's weights from documents whose facts are
// known (gold files, editors' decisions). Every figure's options are read
// once with the rules alone; an averaged perceptron then learns, over a
// fixed number of passes in a fixed order, weights under which the right
// option scores highest. Same examples, same bytes out: no randomness, no
// map order, no goroutines.

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
)

// Label is a reading known to be right, or with Wrong known to be wrong,
// somewhere in a document.
type Label struct {
	// Programmes and Metrics are the accepted ids (the first, then
	// alternatives).
	Programmes []string
	Metrics    []string
	Unit       string
	Value      float64
	ValueMax   *float64
	// Optional: finding it is neither required nor wrong.
	Optional bool
	// Wrong: this reading of the figure at At is wrong (an editor rejected
	// it).
	Wrong bool
	// At is the byte offset where the figure's span starts, or -1 for any
	// figure of the document (a gold file).
	At int
	// Quote is the text the fact was read in (a gold file's quote; parts
	// joined by " [...] "), or "". A figure inside a quote that matches
	// none of its labels is one the rules read wrong (a scale, a unit, a
	// value), not a non-fact: it teaches nothing rather than "no fact".
	Quote string
}

// Example is a document with what is known of its facts.
type Example struct {
	Name   string
	Input  Input
	Labels []Label
	// Complete says the labels list every fact of the document (a gold
	// file): a figure that matches none is no fact. Otherwise (an editor's
	// decisions) a figure without a label teaches nothing.
	Complete bool
	// Weight is how much the example's figures count in training, against
	// 1 for the others (0 means 1).
	Weight float64
}

// TrainOptions tune Train.
type TrainOptions struct {
	// Method is "logistic" (the default: a softmax over a figure's options,
	// L2-regularised, fitted by full-batch gradient steps) or
	// "perceptron" (averaged, error-driven).
	Method string
	// Epochs is the number of passes over the examples: perceptron passes
	// (default 10) or logistic gradient steps (default 200).
	Epochs int
	// L2 is the logistic method's regularisation per example (default
	// 0.00001): larger keeps weights small, trusting no single feature much.
	L2 float64
	// WordL2 multiplies L2 for the features that pair a word around the
	// figure with a programme, a metric or "no fact" (default 10; 1: no
	// more than the others). They are tens of thousands, each seen on a
	// few figures, and with the others' L2 they learn the training
	// articles' wording ("passé" weighing for no fact because a gold set's
	// comments said "mon indice est passé de…"). 10 lifted the
	// cross-validated F1 on ../shared/real from 0.831 to 0.848 and the
	// leave-one-set-out mean from 0.875 to 0.881; 5, 30, 50, 100 and 300
	// did less on both (README, "How the model learns").
	WordL2 float64
	// RulesDropout is the share of training figures shown without the
	// features that say what the rules chose (default 0.3; negative: none).
	// The written gold sets were read by the rules' authors, so there the
	// rules are nearly always right and their choice would outweigh every
	// other evidence; on text nobody tuned for they are not. Which figures
	// lose them is fixed by their order, so training stays deterministic.
	RulesDropout float64
	// Draws is how many models the logistic method fits, each with its own
	// draw of the figures RulesDropout hides, and averages (default 10;
	// 1: one fit, the first draw's). Which figures one draw hides moves
	// the cross-validated F1 by up to 0.02 (0.784 to 0.802 over four
	// draws); the average depends on no single lot, so that a change's
	// effect is not mistaken for a lucky draw. Five draws still left 0.004
	// to 0.008 of it (a change with no real article in it moved the real
	// folds by that much); ten and twenty agree within 0.002.
	Draws int
	// Notes are written at the head of the model file.
	Notes []string
}

// TrainStats says what training saw.
type TrainStats struct {
	Documents, Figures, Positive, Negative, Skipped int
	// Unreachable counts figures whose right reading no option offered.
	Unreachable int
	// TrainErrors is the number of figures the final model still reads
	// wrong on the training data.
	TrainErrors int
}

// instance is one figure to learn from: its options' features, which
// options are right, and which (for an editor's rejection) are wrong.
type instance struct {
	feats  [][]int
	target []bool
	weight float64
	// dropped are feats without the rules' choice, and lot the figure's
	// place in the draws (dropLot's input): an instance shows dropped
	// in the draws whose lot falls under the dropout share.
	dropped [][]int
	doc     string
	at      int
}

// Train learns a model from the examples with the rules r (its own model
// is not used: options and features come from the rules alone).
func Train(r *Rules, exs []Example, opt TrainOptions) (*Model, TrainStats) {
	switch opt.Method {
	case "", "logistic":
		opt.Method = "logistic"
		if opt.Epochs <= 0 {
			opt.Epochs = 200
		}
		if opt.L2 <= 0 {
			opt.L2 = 0.00001
		}
		if opt.WordL2 <= 0 {
			opt.WordL2 = 10
		}
		if opt.RulesDropout == 0 {
			opt.RulesDropout = 0.3
		}
		if opt.Draws <= 0 {
			opt.Draws = 10
		}
	case "perceptron":
		if opt.Epochs <= 0 {
			opt.Epochs = 10
		}
	default:
		panic("extract.Train: unknown method " + opt.Method)
	}
	var st TrainStats
	index := map[string]int{}
	var names []string
	intern := func(f []string) []int {
		out := make([]int, len(f))
		for k, n := range f {
			id, ok := index[n]
			if !ok {
				id = len(names)
				index[n] = id
				names = append(names, n)
			}
			out[k] = id
		}
		return out
	}
	sorted := append([]Example(nil), exs...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].Name < sorted[b].Name })
	var data []instance
	rulesOnly := r.WithModel(nil)
	dropEvery := 0 // the share, in percent, of figures shown without the rules' choice
	if opt.RulesDropout > 0 {
		dropEvery = int(math.Round(min(opt.RulesDropout, 1) * 100))
	}
	for _, ex := range sorted {
		st.Documents++
		weight := ex.Weight
		if weight <= 0 {
			weight = 1
		}
		x := rulesOnly.newRun(ex.Input)
		x.extraProgs = labelProgrammes(ex.Labels)
		x.collect = func(si int, s sentence, m *masked, rd *reading, opts []option, feats []optFeatures) {
			st.Figures++
			target, ok := x.label(s, m, rd, opts, ex)
			if !ok {
				st.Skipped++
				return
			}
			any := false
			for _, t := range target {
				any = any || t
			}
			if !any {
				st.Unreachable++
				return
			}
			if noneOnly(opts, target) {
				st.Negative++
			} else {
				st.Positive++
			}
			// Which figures hide the rules' choice: a hash of the
			// document, the figure's place and the draw, so that a figure
			// added elsewhere changes no other figure's lot (a counter
			// would reshuffle them all).
			in := instance{feats: make([][]int, len(feats)), target: target, weight: weight, doc: ex.Name, at: rd.fig.e.Start}
			if dropEvery > 0 {
				in.dropped = make([][]int, len(feats))
			}
			for k, f := range feats {
				in.feats[k] = intern(f)
				if dropEvery > 0 {
					in.dropped[k] = intern(slices.DeleteFunc(slices.Clone(f), rulesChoice))
				}
			}
			data = append(data, in)
		}
		x.extract()
	}

	var weights []float64
	if opt.Method == "perceptron" {
		weights = perceptron(drawn(data, 0, dropEvery), len(names), opt.Epochs)
	} else {
		// The average of Draws fits, summed in draw order.
		weights = make([]float64, len(names))
		for d := 0; d < opt.Draws; d++ {
			for id, v := range logistic(drawn(data, d, dropEvery), l2s(names, opt.L2, opt.WordL2), opt.Epochs) {
				weights[id] += v
			}
		}
		for id := range weights {
			weights[id] = float64(weights[id] / float64(opt.Draws))
		}
	}
	m := &Model{File: "trained", Notes: opt.Notes, weights: map[string]float64{}}
	for id, n := range names {
		v := math.Round(weights[id]*1e4) / 1e4
		if v != 0 {
			m.weights[n] = v
		}
	}
	for _, in := range drawn(data, 0, dropEvery) {
		fs := make([]optFeatures, len(in.feats))
		for k, f := range in.feats {
			fs[k] = make(optFeatures, len(f))
			for j, id := range f {
				fs[k][j] = names[id]
			}
		}
		if k, _ := m.best(fs); !in.target[k] {
			st.TrainErrors++
		}
	}
	m.Notes = append(m.Notes, fmt.Sprintf("%d documents, %d figures learned from (%d facts, %d non-facts), %d without a right option, %d skipped; %s, %d epochs, l2 %g (words ×%g), rules dropout %g, %d draws; %d features; %d training figures still wrong",
		st.Documents, st.Positive+st.Negative, st.Positive, st.Negative, st.Unreachable, st.Skipped, opt.Method, opt.Epochs, opt.L2, opt.WordL2, max(opt.RulesDropout, 0), max(opt.Draws, 1), len(m.weights), st.TrainErrors))
	return m, st
}

// drawn is the data of draw d: each instance with the features it shows
// in that draw.
func drawn(data []instance, d, dropEvery int) []instance {
	out := make([]instance, len(data))
	for i, in := range data {
		out[i] = in
		if in.dropped != nil && dropLot(in.doc, in.at, d) < dropEvery {
			out[i].feats = in.dropped
		}
	}
	return out
}

// dropLot is a figure's lot for RulesDropout in draw d, 0 to 99: FNV-1a
// of the example's name, the figure's byte offset and, past the first
// draw, the draw's number.
func dropLot(name string, at, d int) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	h.Write([]byte{byte(at), byte(at >> 8), byte(at >> 16), byte(at >> 24)})
	if d > 0 {
		h.Write([]byte{byte(d), byte(d >> 8)})
	}
	return int(h.Sum32() % 100)
}

// rulesChoice reports whether feature f says what the rules chose.
func rulesChoice(f string) bool {
	return f == "rules:both" || f == "p:rules" || f == "m:rules" || strings.HasPrefix(f, "m:rule=") || strings.HasPrefix(f, "p:rules_from=")
}

// labelProgrammes are the programmes labels name, proposed for every
// figure so that an editor's correction to a programme the document does
// not point at can still be learned.
func labelProgrammes(ls []Label) []string {
	var out []string
	for _, l := range ls {
		if l.At >= 0 && !l.Wrong && len(l.Programmes) > 0 && !contains(out, l.Programmes[0]) {
			out = append(out, l.Programmes[0])
		}
	}
	sort.Strings(out)
	return out
}

// label says which options of a figure are right. ok is false when the
// figure teaches nothing: it matches only optional facts, or no label
// speaks of it in an incomplete example.
func (x *run) label(s sentence, m *masked, rd *reading, opts []option, ex Example) (target []bool, ok bool) {
	// The values the figure gives (two for a change "de A à B").
	var probe *reading
	for _, o := range opts {
		if !o.none() {
			p := *rd
			p.prog, p.metric, p.unit, p.dropped = o.prog, o.mt, o.unit, ""
			probe = &p
			break
		}
	}
	if probe == nil {
		return nil, false
	}
	facts := x.facts(s, m, probe)
	at := func(l Label) bool {
		if l.At < 0 {
			return true
		}
		if rd.fig.e.Start <= l.At && l.At < rd.fig.e.End {
			return true
		}
		for _, f := range facts {
			if f.Start == l.At {
				return true
			}
		}
		return false
	}
	target = make([]bool, len(opts))
	right, optional, wrong := false, false, false
	wrongOpt := make([]bool, len(opts))
	for _, l := range ex.Labels {
		if !at(l) {
			continue
		}
		for k, o := range opts {
			if o.none() || !labelMatches(l, o, facts) {
				continue
			}
			switch {
			case l.Wrong:
				wrongOpt[k], wrong = true, true
			case l.Optional:
				optional = true
			default:
				target[k], right = true, true
			}
		}
	}
	switch {
	case right:
		return target, true
	case optional:
		return nil, false
	case wrong:
		// Anything but the rejected reading; "no fact" included.
		for k := range opts {
			target[k] = !wrongOpt[k]
		}
		return target, true
	case ex.Complete:
		if x.inQuote(s, rd, ex.Labels) {
			return nil, false
		}
		for k, o := range opts {
			target[k] = o.none()
		}
		return target, true
	}
	return nil, false
}

// sameDigits reports whether two values differ by a scale at most (a
// factor of a thousand, a million or a billion, or none): the same
// figure read with another scale or unit.
func sameDigits(a, b float64) bool {
	if a == 0 || b == 0 {
		return a == b
	}
	r := a / b
	for _, f := range []float64{1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9} {
		if math.Abs(r/f-1) < 1e-9 {
			return true
		}
	}
	return false
}

// inQuote reports whether figure rd stands in a part of some label's
// quote that its sentence holds, with the label's digits: a fact the gold
// states there, which the rules read at another scale or with another
// unit ("1 012" under "(fin 2024, en milliers)" read as 1,012 persons).
func (x *run) inQuote(s sentence, rd *reading, labels []Label) bool {
	text := x.in.Text[s.start:s.end]
	fig := x.in.Text[rd.fig.e.Start:rd.fig.e.End]
	for _, l := range labels {
		for _, part := range strings.Split(l.Quote, " [...] ") {
			part = strings.TrimSpace(part)
			if part == "" || !strings.Contains(part, fig) || !sameDigits(l.Value, rd.fig.e.Value) {
				continue
			}
			if i := strings.Index(text, part); i >= 0 {
				at := s.start + i
				if at <= rd.fig.e.Start && rd.fig.e.End <= at+len(part) {
					return true
				}
			}
		}
	}
	return false
}

// noneOnly reports whether "no fact" is the one right option.
func noneOnly(opts []option, target []bool) bool {
	for k, o := range opts {
		if target[k] != o.none() {
			return false
		}
	}
	return true
}

// labelMatches applies spec/facts.md: unit and values equal, programme and
// metric among the label's.
func labelMatches(l Label, o option, facts []Fact) bool {
	if o.unit != l.Unit || !contains(l.Programmes, o.prog) {
		return false
	}
	if !contains(l.Metrics, o.mt.id) {
		return false
	}
	for _, f := range facts {
		if near(f.Value, l.Value) && nearPtr(f.ValueMax, l.ValueMax) {
			return true
		}
	}
	return false
}

func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func nearPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return near(*a, *b)
}

// LabelString shows a label for messages.
func (l Label) String() string {
	return fmt.Sprintf("%s/%s %g %s", strings.Join(l.Programmes, "|"), strings.Join(l.Metrics, "|"), l.Value, l.Unit)
}

// perceptron learns weights with an averaged perceptron: w are the
// weights, u the weights summed over the steps they held, so that the
// average is w - u/c.
func perceptron(data []instance, n, epochs int) []float64 {
	w := make([]float64, n)
	u := make([]float64, n)
	c := 1.0
	score := func(f []int) float64 {
		s := 0.0
		for _, id := range f {
			s += w[id]
		}
		return s
	}
	for epoch := 0; epoch < epochs; epoch++ {
		for _, in := range data {
			pred, bestRight := 0, -1
			var ps, rs float64
			for k, f := range in.feats {
				s := score(f)
				if k == 0 || s > ps {
					pred, ps = k, s
				}
				if in.target[k] && (bestRight < 0 || s > rs) {
					bestRight, rs = k, s
				}
			}
			if !in.target[pred] {
				for _, id := range in.feats[bestRight] {
					w[id] += in.weight
					u[id] += float64(c * in.weight)
				}
				for _, id := range in.feats[pred] {
					w[id] -= in.weight
					u[id] -= float64(c * in.weight)
				}
			}
			c++
		}
	}
	for id := range w {
		w[id] -= u[id] / c
	}
	return w
}

// logistic fits a conditional log-linear model: a figure's options get
// probabilities softmax(w·f), and the weights minimise the mean of
// -log P(a right option) plus l2/2·|w|², by full-batch gradient steps with
// Adam's step sizes. Sums run in data order and every product is rounded
// to float64 before it is added (float64(a*b)), so no fused multiply-add
// makes two machines disagree.
func logistic(data []instance, l2 []float64, steps int) []float64 {
	n := len(l2)
	w := make([]float64, n)
	g := make([]float64, n)
	m1 := make([]float64, n)
	m2 := make([]float64, n)
	const (
		rate   = 0.05
		beta1  = 0.9
		beta2  = 0.999
		epsAdm = 1e-8
	)
	var scores, p []float64
	total := 0.0
	for _, in := range data {
		total += in.weight
	}
	inv := 1 / math.Max(1, total)
	b1, b2 := 1.0, 1.0
	for step := 0; step < steps; step++ {
		clear(g)
		for _, in := range data {
			scores = scores[:0]
			top := math.Inf(-1)
			for _, f := range in.feats {
				s := 0.0
				for _, id := range f {
					s += w[id]
				}
				scores = append(scores, s)
				top = math.Max(top, s)
			}
			p = p[:0]
			var z, zr float64
			for k, s := range scores {
				e := math.Exp(s - top)
				p = append(p, e)
				z += e
				if in.target[k] {
					zr += e
				}
			}
			// d/ds_k of -log(zr/z) = p_k - [k right]·e_k/zr.
			for k, f := range in.feats {
				d := p[k] / z
				if in.target[k] {
					d -= p[k] / zr
				}
				if d == 0 {
					continue
				}
				d = float64(float64(d*in.weight) * inv)
				for _, id := range f {
					g[id] += d
				}
			}
		}
		b1 = float64(b1 * beta1)
		b2 = float64(b2 * beta2)
		for id := range w {
			gi := g[id] + float64(l2[id]*w[id])
			m1[id] = float64(beta1*m1[id]) + float64((1-beta1)*gi)
			m2[id] = float64(beta2*m2[id]) + float64((1-beta2)*float64(gi*gi))
			mh := m1[id] / (1 - b1)
			vh := m2[id] / (1 - b2)
			w[id] -= float64(rate*mh) / (math.Sqrt(vh) + epsAdm)
		}
	}
	return w
}

// l2s is each feature's regularisation: l2, and mult times l2 for the
// words around a figure (their pairings with programmes and metrics, and
// no fact's), which are many, each seen on few figures.
func l2s(names []string, l2, mult float64) []float64 {
	out := make([]float64, len(names))
	for id, n := range names {
		out[id] = l2
		if strings.HasPrefix(n, "nw:") || strings.HasPrefix(n, progWordPrefix) || strings.HasPrefix(n, metricWordPrefix) {
			out[id] = float64(l2 * mult)
		}
	}
	return out
}
