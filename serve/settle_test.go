package serve

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/faits/faits/store"
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

// TestNotConflict: "not a conflict" on the conflicts page and through the
// API records an event on each fact and takes the group off the list.
func TestNotConflict(t *testing.T) {
	s, st := newTestServer(t, Options{Editor: "amina"})
	cs, err := st.Conflicts()
	if err != nil || len(cs) != 1 {
		t.Fatalf("the fixture has %d conflicts, want 1: %v", len(cs), err)
	}
	g := cs[0]
	_, page := do(t, s, "GET", "/conflicts", nil, nil)
	if !strings.Contains(page, `action="/conflicts/distinct"`) {
		t.Fatal("no not-a-conflict button on the conflicts page")
	}
	form := url.Values{"csrf": {csrfOf(t, page)}, "note": {"two counts of two dates"}}
	for _, f := range g.Facts {
		form.Add("group", f.ID)
	}
	for _, bad := range []url.Values{
		{"csrf": {form.Get("csrf")}, "group": {g.Facts[0].ID}},
		{"csrf": {form.Get("csrf")}, "group": {g.Facts[0].ID, "../x"}},
		{"group": form["group"]},
	} {
		if res, _ := postForm(t, s, "/conflicts/distinct", bad, nil); res.StatusCode == http.StatusSeeOther {
			t.Errorf("%v accepted", bad)
		}
	}
	if res, b := postForm(t, s, "/conflicts/distinct", form, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("not a conflict: %d %s", res.StatusCode, b)
	}
	for _, f := range g.Facts {
		h, _ := st.History(f.ID)
		if len(h) != 1 || h[0].Action != "not-conflict" || h[0].By != "amina" || h[0].Note != "two counts of two dates" {
			t.Errorf("history of %s: %+v", f.ID, h)
		}
	}
	if _, page := do(t, s, "GET", "/conflicts", nil, nil); strings.Contains(page, `class="conflict"`) {
		t.Error("the group is still on the conflicts page")
	}
	if _, b := do(t, s, "GET", "/api/v1/conflicts", nil, nil); strings.TrimSpace(b) != "[]" {
		t.Errorf("GET /api/v1/conflicts: %s", b)
	}
	// The API: undo one ruling, and rule again as a tool.
	if _, err := st.Review(g.Facts[0].ID, store.Decision{Action: "undo", By: "amina"}); err != nil {
		t.Fatal(err)
	}
	if cs, _ := st.Conflicts(); len(cs) != 1 {
		t.Fatalf("undo did not reopen the group: %+v", cs)
	}
	json := map[string]string{"Content-Type": "application/json"}
	body := `{"facts": ["` + g.Facts[0].ID + `", "` + g.Facts[1].ID + `"], "by": "script", "note": "ok"}`
	if res, b := do(t, s, "POST", "/api/v1/conflicts/not-conflict", strings.NewReader(body), json); res.StatusCode != http.StatusOK || !strings.Contains(b, `"facts"`) {
		t.Fatalf("API: %d %s", res.StatusCode, b)
	}
	if cs, _ := st.Conflicts(); len(cs) != 0 {
		t.Errorf("the API's ruling left the group open: %+v", cs)
	}
	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"facts": ["` + g.Facts[0].ID + `"]}`, http.StatusBadRequest},
		{`{"facts": ["` + g.Facts[0].ID + `", "f-000000000000"]}`, http.StatusNotFound},
		{`{"facts": ["` + g.Facts[0].ID + `", "` + factID(t, st, "asd", "budget", 25e9) + `"]}`, http.StatusUnprocessableEntity},
		{`{"facts": [], "bogus": 1}`, http.StatusBadRequest},
	} {
		if res, b := do(t, s, "POST", "/api/v1/conflicts/not-conflict", strings.NewReader(tc.body), json); res.StatusCode != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.body, res.StatusCode, b, tc.code)
		}
	}
}

// TestAPIKeep: POST /api/v1/conflicts/keep settles a group as the desk's
// button does, and refuses what is no conflict group.
func TestAPIKeep(t *testing.T) {
	s, st := newTestServer(t, Options{Editor: "amina"})
	cs, err := st.Conflicts()
	if err != nil || len(cs) != 1 {
		t.Fatalf("the fixture has %d conflicts, want 1: %v", len(cs), err)
	}
	g := cs[0]
	keep, other := g.Facts[1].ID, g.Facts[0].ID
	json := map[string]string{"Content-Type": "application/json"}
	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"keep": "` + keep + `", "facts": ["` + keep + `"]}`, http.StatusBadRequest},
		{`{"keep": "` + keep + `", "facts": ["` + other + `", "f-000000000000"]}`, http.StatusBadRequest},
		{`{"keep": "` + keep + `", "facts": ["` + keep + `", "f-000000000000"]}`, http.StatusNotFound},
		{`{"keep": "` + keep + `", "facts": ["` + keep + `", "` + factID(t, st, "asd", "budget", 25e9) + `"]}`, http.StatusUnprocessableEntity},
	} {
		if res, b := do(t, s, "POST", "/api/v1/conflicts/keep", strings.NewReader(tc.body), json); res.StatusCode != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.body, res.StatusCode, b, tc.code)
		}
	}
	for _, f := range g.Facts {
		if h, _ := st.History(f.ID); len(h) != 0 {
			t.Fatalf("a refused request decided %s: %+v", f.ID, h)
		}
	}
	body := `{"keep": "` + keep + `", "facts": ["` + other + `", "` + keep + `"], "by": "script"}`
	if res, b := do(t, s, "POST", "/api/v1/conflicts/keep", strings.NewReader(body), json); res.StatusCode != http.StatusOK || !strings.Contains(b, `"status": "accepted"`) {
		t.Fatalf("keep: %d %s", res.StatusCode, b)
	}
	for _, f := range g.Facts {
		got, _ := st.Fact(f.ID)
		h, _ := st.History(f.ID)
		want := map[bool]string{true: "accepted", false: "rejected"}[f.ID == keep]
		if got.Status != want || len(h) != 1 || h[0].By != "script" || h[0].Note != "conflict settled: kept "+keep {
			t.Errorf("%s: %s, history %+v", f.ID, got.Status, h)
		}
	}
	if cs, _ := st.Conflicts(); len(cs) != 0 {
		t.Errorf("the group is still a conflict: %+v", cs)
	}
}
