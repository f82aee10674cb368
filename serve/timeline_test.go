package serve

import (
	"fmt"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/faits/faits/store"
)

func TestAsOfYear(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"2021", 2021.5, true},
		{"2024-12", 2024 + 11.5/12, true},
		{"2024-01-01", 2024 + 0.5/366, true},
		{"", 0, false},
		{"2024-13", 0, false},
		{"fin 2024", 0, false},
	} {
		got, ok := asOfYear(tc.in)
		if ok != tc.ok || math.Abs(got-tc.want) > 0.01 {
			t.Errorf("asOfYear(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, tc := range []struct{ max, want float64 }{{25.5e6, 10e6}, {30, 10}, {8, 2}, {0, 1}, {1.2e9, 250e6}} {
		if got := niceStep(tc.max, 5); got != tc.want {
			t.Errorf("niceStep(%v) = %v, want %v", tc.max, got, tc.want)
		}
	}
}

func TestBuildChart(t *testing.T) {
	facts := []factView{
		{Fact: store.Fact{ID: "b", Programme: "amo", Metric: "beneficiaries", Unit: "person", Value: 24.3e6, AsOf: "2024-12", Status: "accepted"}},
		{Fact: store.Fact{ID: "a", Programme: "amo", Metric: "beneficiaries", Unit: "person", Value: 8.6e6, AsOf: "2021", Status: "edited"}},
		{Fact: store.Fact{ID: "p", Programme: "amo", Metric: "beneficiaries", Unit: "person", Value: 20e6, AsOf: "2023", Status: "pending"}},
		{Fact: store.Fact{ID: "u", Programme: "amo", Metric: "beneficiaries", Unit: "person", Value: 1, AsOf: "", Status: "accepted"}},
	}
	c := buildChart(facts)
	if len(c.Points) != 3 || len(c.Undated) != 1 {
		t.Fatalf("%d points, %d undated", len(c.Points), len(c.Undated))
	}
	order := c.Points[0].Href + c.Points[1].Href + c.Points[2].Href
	if order != "/facts/a/facts/p/facts/b" {
		t.Errorf("points in order %s", order)
	}
	for _, p := range c.Points {
		if p.X < c.Left || p.X > c.Right || p.Y < c.Top || p.Y > c.Bottom {
			t.Errorf("point %+v outside the plot", p)
		}
	}
	// The line joins the accepted and edited points only.
	if n := len(splitFields(c.Line)); n != 2 {
		t.Errorf("line through %d points, want 2", n)
	}
	if c.YTicks[len(c.YTicks)-1].Label != "30 M" {
		t.Errorf("top tick %q, want 30 M", c.YTicks[len(c.YTicks)-1].Label)
	}
}

func splitFields(s string) []string {
	var out []string
	cur := ""
	for _, r := range s + " " {
		if r == ' ' {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
			continue
		}
		cur += string(r)
	}
	return out
}

// TestChartLabelsApart: where points cluster, no two labels share a place
// and none covers a point; the labels that find no room are dropped, not
// drawn on top of each other.
func TestChartLabelsApart(t *testing.T) {
	var facts []factView
	for i, v := range []float64{10.1e6, 10.2e6, 10.25e6, 10.3e6, 10.35e6, 10.4e6, 10.5e6, 10.6e6, 22e6} {
		asOf := fmt.Sprintf("2024-03-%02d", 2*i+1)
		if i == 8 {
			asOf = "2025-11" // far from the cluster
		}
		facts = append(facts, factView{Fact: store.Fact{ID: fmt.Sprint("f", i), Programme: "amo", Metric: "beneficiaries",
			Unit: "person", Value: v, AsOf: asOf, Status: "accepted"}})
	}
	c := buildChart(facts)
	var boxes []box
	shown := 0
	for _, p := range c.Points {
		if p.Label == "" {
			continue
		}
		shown++
		w := float64(utf8.RuneCountInString(p.Label))*labelRune + 2*labelPad
		b := box{p.LabelX - w/2, p.LabelY - labelAscent, p.LabelX + w/2, p.LabelY + labelDescent}
		if b.x0 < 0 || b.x1 > float64(c.W) || b.y0 < 0 || b.y1 > c.Bottom {
			t.Errorf("label %q at %v,%v leaves the chart", p.Label, p.LabelX, p.LabelY)
		}
		for _, q := range c.Points {
			if b.overlaps(box{q.X - pointRadius, q.Y - pointRadius, q.X + pointRadius, q.Y + pointRadius}) {
				t.Errorf("label %q covers the point at %v,%v", p.Label, q.X, q.Y)
			}
		}
		for _, o := range boxes {
			if b.overlaps(o) {
				t.Errorf("label %q at %v,%v overlaps another label", p.Label, p.LabelX, p.LabelY)
			}
		}
		boxes = append(boxes, b)
	}
	// The lone point far from the cluster always has room.
	if last := c.Points[len(c.Points)-1]; last.Label == "" {
		t.Errorf("the isolated point lost its label")
	}
	if shown < 3 {
		t.Errorf("only %d of %d labels shown", shown, len(c.Points))
	}
	t.Logf("%d of %d labels shown", shown, len(c.Points))
}
