package serve

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestKeepOne: "keep this one, reject the others" on the conflicts page
// accepts one fact and rejects the rest of its group, one event each.
func TestKeepOne(t *testing.T) {
	s, st := newTestServer(t, Options{Editor: "amina"})
	cs, err := st.Conflicts()
	if err != nil || len(cs) == 0 {
		t.Fatalf("the fixture has no conflict: %v", err)
	}
	g := cs[0]
	_, page := do(t, s, "GET", "/conflicts", nil, nil)
	if !strings.Contains(page, `action="/conflicts/keep"`) {
		t.Fatal("no keep button on the conflicts page")
	}
	form := url.Values{"csrf": {csrfOf(t, page)}, "keep": {g.Facts[0].ID}}
	for _, f := range g.Facts {
		form.Add("group", f.ID)
	}
	if res, b := postForm(t, s, "/conflicts/keep", form, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("keep: %d %s", res.StatusCode, b)
	}
	for i, f := range g.Facts {
		got, _ := st.Fact(f.ID)
		h, _ := st.History(f.ID)
		want := "rejected"
		if i == 0 {
			want = "accepted"
		}
		if got.Status != want || len(h) != 1 || h[0].By != "amina" || !strings.Contains(h[0].Note, "kept "+g.Facts[0].ID) {
			t.Errorf("fact %d: %s, history %+v", i, got.Status, h)
		}
	}
	for _, bad := range []url.Values{
		{"csrf": {form.Get("csrf")}, "keep": {"f-x"}, "group": form["group"]},
		{"csrf": {form.Get("csrf")}, "keep": {g.Facts[0].ID}, "group": {g.Facts[0].ID}},
		{"keep": {g.Facts[0].ID}, "group": form["group"]},
	} {
		if res, _ := postForm(t, s, "/conflicts/keep", bad, nil); res.StatusCode == http.StatusSeeOther {
			t.Errorf("%v accepted", bad)
		}
	}
}
