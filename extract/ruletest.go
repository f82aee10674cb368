package extract

import (
	"fmt"
	"strings"
)

// exampleDate is the publication date examples are read with, so that a
// relative date in an example resolves the same way every time.
const exampleDate = "2025-01-15"

// Failure is a rule example that did not behave as its rule says.
type Failure struct {
	File    string
	Line    int
	Rule    string
	Example string
	// Got lists the facts the example gave, as "rule programme/metric value".
	Got []string
	Msg string
}

func (f Failure) Error() string {
	return fmt.Sprintf("%s:%d: rule %s: %s\n\texample: %s\n\tgot: %s",
		f.File, f.Line, f.Rule, f.Msg, f.Example, strings.Join(f.Got, "; "))
}

// Test runs every rule's examples: an example that must match has to give
// a fact read by that rule, one that must not match must give none. The
// examples are whole sentences, so a rule is tested together with the
// programmes, units and links it depends on.
func (r *Rules) Test() (passed int, failures []Failure) {
	for _, m := range r.metrics {
		for _, ru := range m.rules {
			for _, ex := range ru.match {
				got, hit := r.tryExample(ru, ex.text)
				if hit {
					passed++
					continue
				}
				failures = append(failures, Failure{r.File, ex.line, ru.name, ex.text, got, "must match, but no fact was read by this rule"})
			}
			for _, ex := range ru.noMatch {
				got, hit := r.tryExample(ru, ex.text)
				if !hit {
					passed++
					continue
				}
				failures = append(failures, Failure{r.File, ex.line, ru.name, ex.text, got, "must not match, but the rule read a fact"})
			}
		}
	}
	for _, p := range r.programmes {
		for _, ex := range p.descEx {
			x := r.newRun(Input{Text: ex.text, Published: exampleDate})
			if x.describes(foldString(ex.text), 0) != nil && contains(x.describes(foldString(ex.text), 0), p.id) {
				passed++
				continue
			}
			failures = append(failures, Failure{r.File, ex.line, p.id + " describes", ex.text, x.describes(foldString(ex.text), 0), "must match a description of " + p.id})
		}
	}
	return passed, failures
}

func (r *Rules) tryExample(ru *rule, text string) (got []string, hit bool) {
	// The rules alone: an example tests its rule, not the model's weights.
	facts, _ := r.WithModel(nil).Extract(Input{Text: text, Published: exampleDate})
	for _, f := range facts {
		got = append(got, fmt.Sprintf("%s %s/%s %g %s", f.Rule, f.Programme, f.Metric, f.Value, f.Unit))
		if f.Rule == ru.name || strings.HasPrefix(f.Rule, ru.name+"+") {
			hit = true
		}
	}
	if len(got) == 0 {
		got = []string{"no fact"}
	}
	return got, hit
}
