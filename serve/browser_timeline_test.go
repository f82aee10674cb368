package serve

import (
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/faits/faits/store"
)

// clusterArticle holds nine readings of one series, eight of them a few
// days and a few hundred thousand apart: their points cluster on the chart.
func clusterArticle() article {
	a := article{rel: "t/cluster.txt", title: "Série serrée", site: "example.ma", published: "2025-12-01"}
	var body strings.Builder
	for i, v := range []string{"10,1", "10,2", "10,25", "10,3", "10,35", "10,4", "10,5", "10,6", "22"} {
		asOf := fmt.Sprintf("2024-03-%02d", 2*i+1)
		if i == 8 {
			asOf = "2025-11"
		}
		span := v + " millions"
		fmt.Fprintf(&body, "Relevé numéro %d : %s de bénéficiaires.\n", i+1, span)
		var x float64
		fmt.Sscanf(strings.Replace(v, ",", ".", 1), "%g", &x)
		a.figs = append(a.figs, figure{span, 0, "amo", "insured", "person", x * 1e6, "exact", asOf})
	}
	a.body = body.String()
	return a
}

// TestBrowserTimelineLabels: on a chart whose points cluster, the labels
// the browser draws do not overlap one another.
func TestBrowserTimelineLabels(t *testing.T) {
	needBrowser(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "faits.db"), &store.Options{Owner: "serve test", Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	loadArticles(t, st, []article{clusterArticle()})
	facts, err := st.Facts(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range facts {
		if _, err := st.Review(f.ID, store.Decision{Action: "accept", By: "browser"}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(st, Options{Secret: []byte("test secret")})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	b := newBrowser(t, ts.URL, "/timeline?programme=amo&metric=insured")
	b.run("timeline", chromedp.WaitVisible(chromedp.CSS("svg.tl")))
	b.shot("timeline-cluster.png")
	got := b.str(`(() => {
		const ls = Array.from(document.querySelectorAll('svg.tl text.plab')).map(t => t.getBoundingClientRect());
		const pts = Array.from(document.querySelectorAll('svg.tl a.pt circle')).map(c => c.getBoundingClientRect());
		let bad = [];
		ls.forEach((a, i) => {
			ls.forEach((b, j) => { if (i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) bad.push('label ' + i + '/' + j); });
			pts.forEach((b, j) => { if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) bad.push('label ' + i + ' on point ' + j); });
		});
		return ls.length + ' ' + pts.length + ' ' + bad.join(',');
	})()`)
	var labels, points int
	var bad string
	fmt.Sscanf(got, "%d %d %s", &labels, &points, &bad)
	if points != 9 {
		t.Fatalf("%d points drawn, want 9 (%q)", points, got)
	}
	if bad != "" {
		t.Errorf("overlaps in the browser: %s", bad)
	}
	if labels < 3 {
		t.Errorf("%d labels drawn of %d points", labels, points)
	}
	t.Logf("%d labels drawn for %d points", labels, points)
}
