package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dlclark/regexp2/v2"

	"github.com/faits/faits/internal/synth"
)

// TestPatternEngines compares, for every pattern of the default rules, the
// compiled pattern (RE2 where it can, word gates, alternatives apart) with
// regexp2 on the whole pattern, as the rules were run before: same first
// match, same successive matches, in runes. The texts are the folded
// sentences of the test articles, each with every figure in focus and cut
// at every figure, and random texts made of the patterns' own words.
func TestPatternEngines(t *testing.T) {
	r := mustDefault(t)
	texts := sentenceTexts(t, r)
	texts = append(texts, randomTexts(r, 3000)...)
	if testing.Short() {
		texts = texts[:len(texts)/10]
	}
	for _, p := range r.all {
		ref := regexp2.MustCompile(p.src, regexp2.ECMAScript)
		for _, s := range texts {
			x := &run{r: r}
			want := refAll(t, ref, s)
			got := x.all(p, s, p.name, 0)
			if !sameMatches(got, want) {
				t.Fatalf("%s %q\non %q:\nall: got %v, want %v", p.name, p.src, s, spans(got), spans(want))
			}
			first := x.find(p, s, p.name, 0)
			var want1 []*match
			if len(want) > 0 {
				want1 = want[:1]
			}
			var got1 []*match
			if first != nil {
				got1 = []*match{first}
			}
			if !sameMatches(got1, want1) {
				t.Fatalf("%s %q\non %q:\nfirst: got %v, want %v", p.name, p.src, s, spans(got1), spans(want1))
			}
			if x.failed {
				t.Fatalf("%s failed on %q: %v", p.name, s, x.warnings)
			}
		}
	}
}

func refAll(t *testing.T, re *regexp2.Regexp, s string) []*match {
	var out []*match
	m, err := re.FindStringMatch(s)
	for m != nil && err == nil {
		out = append(out, fromRegexp2(m))
		m, err = re.FindNextMatch(m)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameMatches(a, b []*match) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].RuneIndex != b[i].RuneIndex || a[i].RuneLength != b[i].RuneLength || a[i].text != b[i].text {
			return false
		}
		for name, g := range b[i].groups {
			h := a[i].GroupByName(name)
			if h.RuneIndex != g.RuneIndex || h.RuneLength != g.RuneLength || h.text != g.text {
				return false
			}
		}
	}
	return true
}

func spans(ms []*match) [][2]int {
	var out [][2]int
	for _, m := range ms {
		out = append(out, [2]int{m.RuneIndex, m.RuneLength})
	}
	return out
}

// sentenceTexts are the masked sentences of the test articles as the
// patterns meet them: whole, with each figure in focus, and the parts
// before and after each figure.
func sentenceTexts(t *testing.T, r *Rules) []string {
	var out []string
	for _, dir := range []string{"../testdata/seeds", "../testdata/variants", "../testdata/dev"} {
		for _, d := range readDir(t, dir) {
			x := r.newRun(Input{Text: d.Body, Published: d.Published, Title: d.Title})
			for si, s := range x.sents {
				if s.end-s.start > MaxSentence {
					continue
				}
				m := x.maskOf(si)
				out = append(out, m.str)
				for i, f := range m.figs {
					out = append(out, string(m.withFocus(i)), m.sub(0, f.start), m.sub(f.end, m.n()))
				}
			}
		}
	}
	return out
}

// randomTexts strings together words of the patterns, placeholders,
// punctuation and odd characters (no-break space, vertical tab, accents).
func randomTexts(r *Rules, n int) []string {
	words := map[string]bool{}
	for _, p := range r.all {
		for _, w := range strings.FieldsFunc(p.src, func(c rune) bool {
			return !(c >= 'a' && c <= 'z' || c == '\'')
		}) {
			words[w] = true
		}
	}
	vocab := []string{"FIG", "NUM", "DAT", ",", ".", ";", ":", "(", ")", "-", "é", "\u00a0", "\v", "  ", "d'", "l'", "x", "de", "a"}
	for w := range words {
		vocab = append(vocab, w)
	}
	slices.Sort(vocab) // map order: sorted, the same texts every run
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := rng.IntN(30); k >= 0; k-- {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			if rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		out[i] = b.String()
	}
	return out
}

// TestBudgetFailsLoudly: a pattern that runs out of its backtracking
// budget makes Extract return no facts and a Fatal warning naming the
// rule, never a silent "no match".
func TestBudgetFailsLoudly(t *testing.T) {
	defer func(b int) { maxBacktrack = b }(maxBacktrack)
	maxBacktrack = 1024
	data := string(DefaultData()) + "\n" // the default rules, with a small budget
	// A not_facts alternative with a lookaround runs on regexp2; its
	// repetition pushes stack for every word of a long run, and it never
	// matches (a folded text has no four capitals in a row). It ends on a
	// class, not a word: a word the text lacks would gate it out.
	data = strings.Replace(data, "not_facts:\n", "not_facts:\n  - '(?=deja)deja\\s(deja\\s?)*[A-Z]{4}'\n", 1)
	r, err := Parse("small-budget.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	text := "L'AMO Tadamon compte " + strings.Repeat("deja ", 600) + "3 millions d'assurés."
	facts, warns := r.Extract(Input{Text: text, Published: "2025-01-01"})
	if len(facts) != 0 {
		t.Errorf("facts %v from a text a rule gave up on", facts)
	}
	var fatal *Warning
	for i := range warns {
		if warns[i].Fatal {
			fatal = &warns[i]
		}
	}
	if fatal == nil || fatal.Rule != "not_facts" || !strings.Contains(fatal.Msg, "budget") {
		t.Fatalf("want a fatal warning of not_facts about its budget, got %+v", warns)
	}
	// The same text with the normal budget reads its fact.
	maxBacktrack = 1 << 20
	r, err = Parse("budget.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if facts, warns := r.Extract(Input{Text: text, Published: "2025-01-01"}); len(facts) == 0 || len(warns) != 0 {
		t.Errorf("with the normal budget: %d facts, warnings %+v", len(facts), warns)
	}
}

// TestDescribesPhrases checks that a programme's descriptions, matched one
// phrase at a time (as describedIn reads them), say the same as the
// alternation of them all, on the test sentences and on random texts.
func TestDescribesPhrases(t *testing.T) {
	r := mustDefault(t)
	texts := sentenceTexts(t, r)
	texts = append(texts, randomTexts(r, 3000)...)
	checked := 0
	for _, p := range r.programmes {
		if p.describes == nil {
			continue
		}
		if len(p.descPhrases) == 0 {
			t.Fatalf("programme %s: describes but no phrases", p.id)
		}
		for _, s := range texts {
			x := &run{r: r}
			whole := x.find(p.describes, s, p.describes.name, 0) != nil
			one := false
			for _, d := range p.descPhrases {
				if x.find(d, s, d.name, 0) != nil {
					one = true
					break
				}
			}
			if whole != one {
				t.Fatalf("programme %s on %q: the alternation says %v, the phrases %v", p.id, s, whole, one)
			}
			if whole {
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no text matched any description: the test checks nothing")
	}
}

// TestAmbiguityRisk: on the backtracking engine (a pattern with a
// lookaround), alternatives that may start alike under a repetition
// without bound are refused, for their matches fail in exponentially many
// ways with a shallow stack that no budget stops; the same part bounded,
// with alternatives that start apart, or on RE2 (no lookaround) is not.
func TestAmbiguityRisk(t *testing.T) {
	tests := []struct {
		src     string
		refused bool
	}{
		{`(?<!z)(a|aa)*b`, true},
		{`(?=x)x(de\s|du\s)+FIG`, true},
		{`(?<!z)((le|la)\s)+FIG`, true},
		{`(?<!z)(\s?a|a)*c`, true},
		{`(?<!z)(a|aa){0,3}b`, false},    // bounded
		{`(?<!z)(a|b)*c`, false},         // the alternatives start apart
		{`(?<!z)(le\s|du\s)+FIG`, false}, // l and d
		{`(a|aa)*b`, false},              // RE2: linear whatever the alternatives
	}
	for _, tt := range tests {
		why := checkPattern(tt.src)
		if got := why != ""; got != tt.refused {
			t.Errorf("checkPattern(%q) = %q, want refused %v", tt.src, why, tt.refused)
		}
	}
}

// TestLitScan: the automaton finds in a text exactly the literals that
// occur in it, on the folded sentences of synthetic articles and on
// texts made to end or start inside a literal.
func TestLitScan(t *testing.T) {
	r := mustDefault(t)
	l := r.lits
	var texts []string
	for i := range 20 {
		for _, s := range strings.Split(string(synth.Distinct(3, i).Text), ". ") {
			f := foldString(s)
			texts = append(texts, f, f[:len(f)/2], f[len(f)/3:])
		}
	}
	for _, lit := range l.list[:50] {
		texts = append(texts, lit, "x"+lit, lit[:len(lit)-1], lit[1:]+" "+lit)
	}
	// Texts read in two halves (scan), with a literal across the middle
	// and at each end of the second half's overlap.
	pad := strings.Repeat("z", 4*l.maxLit)
	for _, lit := range l.list {
		for _, k := range []int{0, 1, len(lit) / 2, len(lit) - 1, l.maxLit - 1, l.maxLit} {
			left := pad[:max(0, len(pad)-k)]
			texts = append(texts, left+lit+pad, pad+lit+left)
		}
	}
	var set bitset
	for _, s := range texts {
		set = l.scan(s, set)
		for id, lit := range l.list {
			if got, want := set.has(int32(id)), strings.Contains(s, lit); got != want {
				t.Fatalf("scan(%q) has %q: %v, want %v", s, lit, got, want)
			}
		}
	}
}

// BenchmarkLitScan scans the folded sentences of 50 synthetic articles
// for the default rules' literals.
func BenchmarkLitScan(b *testing.B) {
	l := mustDefault(b).lits
	var texts []string
	n := 0
	for i := range 50 {
		for _, s := range strings.Split(string(synth.Distinct(1, i).Text), ". ") {
			texts = append(texts, foldString(s))
			n += len(s)
		}
	}
	b.SetBytes(int64(n))
	var set bitset
	for b.Loop() {
		for _, s := range texts {
			set = l.scan(s, set)
		}
	}
}
