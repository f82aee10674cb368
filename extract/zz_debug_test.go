package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("ZZ"))
	if err != nil {
		t.Skip()
	}
	r := mustDefault(t)
	x := r.newRun(Input{Text: string(b), Published: "2024-03-12"})
	x.trace = func(si int, m *masked, rd *reading) {
		mt := ""
		if rd.metric != nil {
			mt = rd.metric.id
		}
		fmt.Printf("%-14s %-10s %-14s %-8s %q drop=%q rule=%s from=%s\n", rd.fig.e.Text, rd.prog, mt, rd.unit, "", rd.dropped, rd.rule, rd.progFrom)
	}
	x.extract()
}
