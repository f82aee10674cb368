package serve

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/faits/faits/store"
)

// chart is a server-rendered SVG line chart of one programme, metric and
// unit over as_of. Coordinates are rounded to tenths of a pixel.
type chart struct {
	Programme, Metric, Unit  string
	W, H                     int
	Left, Right, Top, Bottom float64
	XTicks, YTicks           []tick
	Line                     string
	Points                   []point
	Undated                  []factView
}

type tick struct {
	Pos   float64
	Label string
}

type point struct {
	X, Y           float64
	LabelX, LabelY float64
	Href, Title    string
	// Label is "" when no place near the point was free: the value is then
	// in the point's tooltip only.
	Label, Class string
}

const (
	chartW, chartH                     = 760, 340
	marginL, marginR, marginT, marginB = 84, 28, 28, 44
)

// asOfYear places an ISO partial date on a year axis: a year at its middle,
// a month at its middle, a day where it falls. ok is false for "" or junk.
func asOfYear(s string) (float64, bool) {
	for _, l := range []struct {
		layout string
		span   func(t time.Time) (time.Time, time.Time)
	}{
		{"2006", func(t time.Time) (time.Time, time.Time) { return t, t.AddDate(1, 0, 0) }},
		{"2006-01", func(t time.Time) (time.Time, time.Time) { return t, t.AddDate(0, 1, 0) }},
		{"2006-01-02", func(t time.Time) (time.Time, time.Time) { return t, t.AddDate(0, 0, 1) }},
	} {
		if len(s) != len(l.layout) {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err != nil {
			return 0, false
		}
		a, b := l.span(t)
		mid := a.Add(b.Sub(a) / 2)
		y0 := time.Date(mid.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		y1 := y0.AddDate(1, 0, 0)
		return float64(mid.Year()) + float64(mid.Sub(y0))/float64(y1.Sub(y0)), true
	}
	return 0, false
}

// niceStep picks a tick step of 1, 2 or 5 times a power of ten giving about
// n ticks up to max.
func niceStep(max float64, n int) float64 {
	if max <= 0 {
		return 1
	}
	raw := max / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// buildChart lays out facts (all of one programme, metric and unit). Only
// accepted and edited facts are joined by the line; pending ones, when
// given, are drawn hollow so that an editor sees what is still to review.
func buildChart(facts []factView) chart {
	c := chart{W: chartW, H: chartH, Left: marginL, Right: chartW - marginR, Top: marginT, Bottom: chartH - marginB}
	if len(facts) > 0 {
		c.Programme, c.Metric, c.Unit = facts[0].Programme, facts[0].Metric, facts[0].Unit
	}
	type dated struct {
		f factView
		x float64
	}
	var ds []dated
	minX, maxX, maxV := math.Inf(1), math.Inf(-1), 0.0
	for _, f := range facts {
		x, ok := asOfYear(f.AsOf)
		if !ok {
			c.Undated = append(c.Undated, f)
			continue
		}
		ds = append(ds, dated{f, x})
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		v := f.Value
		if f.ValueMax != nil {
			v = *f.ValueMax
		}
		maxV = math.Max(maxV, v)
	}
	if len(ds) == 0 {
		return c
	}
	x0, x1 := math.Floor(minX), math.Ceil(maxX)
	if x1-x0 < 1 {
		x1 = x0 + 1
	}
	step := niceStep(maxV*1.05, 5)
	yTop := math.Max(step, math.Ceil(maxV*1.05/step)*step)
	px := func(x float64) float64 { return round1(c.Left + (x-x0)/(x1-x0)*(c.Right-c.Left)) }
	py := func(v float64) float64 { return round1(c.Bottom - v/yTop*(c.Bottom-c.Top)) }
	yearStep := math.Max(1, math.Ceil((x1-x0)/10))
	for y := x0; y <= x1; y += yearStep {
		c.XTicks = append(c.XTicks, tick{Pos: px(y), Label: strconv.Itoa(int(y))})
	}
	for v := 0.0; v <= yTop+step/2; v += step {
		c.YTicks = append(c.YTicks, tick{Pos: py(v), Label: scaled(v, false)})
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].x != ds[j].x {
			return ds[i].x < ds[j].x
		}
		return ds[i].f.Value < ds[j].f.Value
	})
	var line []string
	for _, d := range ds {
		p := point{X: px(d.x), Y: py(d.f.Value), Href: "/facts/" + d.f.ID, Class: "pt-" + d.f.Status,
			Label: scaled(d.f.Value, false),
			Title: fmt.Sprintf("%s · as of %s · %s · %d source(s) · %s", d.f.Display, d.f.AsOf, d.f.Status, len(d.f.Sources), d.f.ID)}
		c.Points = append(c.Points, p)
		if d.f.Status == "accepted" || d.f.Status == "edited" {
			line = append(line, fmt.Sprintf("%g,%g", p.X, p.Y))
		}
	}
	c.Line = strings.Join(line, " ")
	placeLabels(&c)
	return c
}

// Label boxes are estimated from the text: the desk's chart labels are 12px
// bold, whose glyphs are at most labelRune wide (a wide guess, so that a box
// holds the text the browser draws), from labelAscent above the baseline
// to labelDescent below it.
const (
	labelRune    = 8.0
	labelPad     = 3.0
	labelAscent  = 12.0
	labelDescent = 4.0
	pointRadius  = 8.0 // a point's circle as hovered, with its stroke
)

// box is a rectangle of the chart.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// labelOffsets are the baselines tried for a point's label, nearest first:
// just above the point, just below, then further up and down.
var labelOffsets = []float64{-12, 22, -26, 36, -40, 50, -54, 64}

// placeLabels gives each point's label the nearest place where it overlaps
// no other label and no point, inside the chart; a label with no such place
// is dropped (the point keeps its tooltip). Points are served in x order,
// so that where points cluster the leftmost keep their labels.
func placeLabels(c *chart) {
	taken := make([]box, 0, 2*len(c.Points))
	for _, p := range c.Points {
		taken = append(taken, box{p.X - pointRadius, p.Y - pointRadius, p.X + pointRadius, p.Y + pointRadius})
	}
	for i := range c.Points {
		p := &c.Points[i]
		w := float64(utf8.RuneCountInString(p.Label))*labelRune + 2*labelPad
		p.LabelX = round1(math.Min(math.Max(p.X, w/2), float64(c.W)-w/2))
		placed := false
		for _, off := range labelOffsets {
			y := round1(p.Y + off)
			b := box{p.LabelX - w/2, y - labelAscent, p.LabelX + w/2, y + labelDescent}
			if b.y0 < 0 || b.y1 > c.Bottom {
				continue
			}
			free := true
			for _, t := range taken {
				if b.overlaps(t) {
					free = false
					break
				}
			}
			if free {
				p.LabelY, placed = y, true
				taken = append(taken, b)
				break
			}
		}
		if !placed {
			p.Label, p.LabelY = "", p.Y
		}
	}
}

type timelineSeries struct {
	Programme, Metric string
	Accepted, Pending int
	URL               string
}

type timelineData struct {
	Programme, Metric string
	Pending           bool
	Charts            []chart
	Series            []timelineSeries
	Programmes        []string
	Metrics           []string
}

// timelinePage draws the accepted values of one programme and metric over
// as_of (one chart per unit), and lists every series the store holds.
func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := timelineData{Programme: v.Get("programme"), Metric: v.Get("metric"), Pending: v.Get("pending") == "1"}
	all, err := s.b.Facts(store.Filter{})
	if err != nil {
		s.fail(w, r, fmt.Errorf("list facts: %w", err))
		return
	}
	type key struct{ p, m string }
	counts := map[key]*timelineSeries{}
	ps, ms := map[string]bool{}, map[string]bool{}
	for _, f := range all {
		if f.Status == "rejected" {
			continue
		}
		k := key{f.Programme, f.Metric}
		ts := counts[k]
		if ts == nil {
			q := url.Values{"programme": {f.Programme}, "metric": {f.Metric}}
			ts = &timelineSeries{Programme: f.Programme, Metric: f.Metric, URL: "/timeline?" + q.Encode()}
			counts[k] = ts
		}
		if f.Status == "pending" {
			ts.Pending++
		} else {
			ts.Accepted++
		}
		ps[f.Programme], ms[f.Metric] = true, true
	}
	for _, ts := range counts {
		d.Series = append(d.Series, *ts)
	}
	sort.Slice(d.Series, func(i, j int) bool {
		a, b := d.Series[i], d.Series[j]
		if a.Accepted+a.Pending != b.Accepted+b.Pending {
			return a.Accepted+a.Pending > b.Accepted+b.Pending
		}
		return a.Programme+"/"+a.Metric < b.Programme+"/"+b.Metric
	})
	d.Programmes, d.Metrics = sortedKeys(ps), sortedKeys(ms)
	if d.Programme == "" && d.Metric == "" {
		// Open on the series with the most accepted values.
		best := -1
		for _, ts := range d.Series {
			if ts.Accepted > best {
				best, d.Programme, d.Metric = ts.Accepted, ts.Programme, ts.Metric
			}
		}
	}
	if d.Programme != "" && d.Metric != "" {
		byUnit := map[string][]store.Fact{}
		for _, f := range all {
			if f.Programme != d.Programme || f.Metric != d.Metric {
				continue
			}
			if f.Status == "accepted" || f.Status == "edited" || d.Pending && f.Status == "pending" {
				byUnit[f.Unit] = append(byUnit[f.Unit], f)
			}
		}
		cache := newDocCache(s.b)
		for _, u := range sortedKeys(keysOf(byUnit)) {
			vs, err := cache.views(byUnit[u])
			if err != nil {
				s.fail(w, r, err)
				return
			}
			d.Charts = append(d.Charts, buildChart(vs))
		}
	}
	s.render(w, r, http.StatusOK, "timeline", d)
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}
