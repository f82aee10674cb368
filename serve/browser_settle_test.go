package serve

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserNotConflict: on the conflicts page, "Not a conflict" with a
// note records an event on each fact of the group, and the page no longer
// lists it.
func TestBrowserNotConflict(t *testing.T) {
	needBrowser(t)
	s, st := newTestServer(t, Options{Editor: "browser"})
	ts := httptest.NewServer(s)
	defer ts.Close()
	cs, err := st.Conflicts()
	if err != nil || len(cs) != 1 {
		t.Fatalf("the fixture has %d conflicts, want 1: %v", len(cs), err)
	}
	b := newBrowser(t, ts.URL, "/conflicts")
	b.run("conflicts", chromedp.WaitVisible(chromedp.CSS(".conflict form.distinct button")),
		chromedp.SendKeys(chromedp.CSS(".conflict form.distinct input[name=note]"), "deux dates"))
	b.shot("conflicts-distinct.png")
	b.run("not a conflict", chromedp.Click(chromedp.CSS(".conflict form.distinct button")))
	b.waitFor("the conflicts page without the group", `location.pathname === '/conflicts' && document.readyState === 'complete' && !document.querySelector('.conflict')`)
	for _, f := range cs[0].Facts {
		h, err := st.History(f.ID)
		if err != nil || len(h) != 1 || h[0].Action != "not-conflict" || h[0].By != "browser" || h[0].Note != "deux dates" {
			t.Errorf("history of %s: %+v (%v)", f.ID, h, err)
		}
	}
	if left, err := st.Conflicts(); err != nil || len(left) != 0 {
		t.Errorf("conflicts left: %+v (%v)", left, err)
	}
}
