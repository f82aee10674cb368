package extract

import (
	"fmt"
	"testing"
)

func TestZZProbe(t *testing.T) {
	r := mustDefault(t)
	show := func(name string, p *pattern) {
		if p == nil {
			return
		}
		for i, b := range p.alts {
			var g []string
			for _, id := range b.gate {
				g = append(g, r.lits.list[id])
			}
			fmt.Printf("%s alt%d re2=%v gate=%q\n", name, i, b.re2 != nil, g)
		}
		fmt.Printf("%s whole re2=%v gated=%v\n", name, p.whole.re2 != nil, p.whole.gate != nil)
	}
	for _, p := range r.programmes {
		show("describes "+p.id, p.describes)
	}
	show("conditions", r.conditionRe)
	show("described", r.describedRe)
	show("asides", r.asideRe)
	show("notfacts", r.notFactsRe)
}
