package serve

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/faits/faits/store"
)

func TestQueueListsPendingBySources(t *testing.T) {
	s, st := newTestServer(t, Options{})
	res, body := do(t, s, "GET", "/queue", nil, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /queue: %d %s", res.StatusCode, body)
	}
	ids := regexp.MustCompile(`<tr data-id="([^"]+)"`).FindAllStringSubmatch(body, -1)
	all, err := st.Facts(store.Filter{Status: "pending"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != len(all) {
		t.Fatalf("queue shows %d rows, store has %d pending facts", len(ids), len(all))
	}
	// The budget read in two articles has the most independent sources.
	budget := factID(t, st, "asd", "budget", 25e9)
	if ids[0][1] != budget {
		t.Errorf("first row %s, want the two-source fact %s", ids[0][1], budget)
	}
	if !strings.Contains(body, `class="row st-pending focused"`) {
		t.Errorf("no row has focus")
	}
}

func TestQueueFilters(t *testing.T) {
	s, st := newTestServer(t, Options{})
	tests := []struct {
		query string
		want  func(store.Fact) bool
	}{
		{"programme=amo-tadamon", func(f store.Fact) bool { return f.Programme == "amo-tadamon" }},
		{"metric=budget", func(f store.Fact) bool { return f.Metric == "budget" }},
		{"site=le360.ma", func(f store.Fact) bool { return f.Sources[0].Site == "le360.ma" }},
		{"date=2024", func(f store.Fact) bool { return strings.HasPrefix(f.AsOf, "2024") }},
		{"rule=files_processed/test", func(f store.Fact) bool { return f.Metric == "files_processed" }},
	}
	all, err := st.Facts(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		_, body := do(t, s, "GET", "/queue?"+tc.query, nil, nil)
		want := 0
		for _, f := range all {
			if tc.want(f) {
				want++
				if !strings.Contains(body, `data-id="`+f.ID+`"`) {
					t.Errorf("%s: %s missing", tc.query, f.ID)
				}
			}
		}
		if got := strings.Count(body, "<tr data-id="); got != want || want == 0 {
			t.Errorf("%s: %d rows, want %d (> 0)", tc.query, got, want)
		}
	}
	for _, bad := range []string{"status=maybe", "sort=value", "date=2024-1", "limit=0", "offset=-1"} {
		if res, _ := do(t, s, "GET", "/queue?"+bad, nil, nil); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, res.StatusCode)
		}
	}
}

func TestReviewFormPostAndHistory(t *testing.T) {
	s, st := newTestServer(t, Options{Editor: "amina"})
	id := factID(t, st, "amo", "beneficiaries", 24.3e6)
	_, page := do(t, s, "GET", "/queue", nil, nil)
	csrf := csrfOf(t, page)
	ret := "/queue?status=pending&focus=next"
	res, _ := postForm(t, s, "/facts/"+id+"/review", url.Values{"action": {"accept"}, "csrf": {csrf}, "return": {ret}}, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != ret {
		t.Fatalf("plain form post: %d to %q, want 303 to %q", res.StatusCode, res.Header.Get("Location"), ret)
	}
	f, err := st.Fact(id)
	if err != nil || f.Status != "accepted" {
		t.Fatalf("store says %q (%v), want accepted", f.Status, err)
	}
	h, err := st.History(id)
	if err != nil || len(h) != 1 || h[0].By != "amina" || h[0].Action != "accept" {
		t.Fatalf("history %+v (%v), want one accept by amina", h, err)
	}
	_, page = do(t, s, "GET", "/facts/"+id, nil, nil)
	if !strings.Contains(page, "amina") || !strings.Contains(page, "status: pending → accepted") {
		t.Errorf("fact page does not show the decision in its history")
	}
	// The fetch path: JSON back, then undo.
	res, body := postForm(t, s, "/facts/"+id+"/review", url.Values{"action": {"undo"}},
		map[string]string{"Accept": "application/json", csrfHeader: csrf})
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"status": "pending"`) {
		t.Fatalf("undo by fetch: %d %s", res.StatusCode, body)
	}
	res, body = postForm(t, s, "/facts/"+id+"/review", url.Values{"action": {"undo"}},
		map[string]string{"Accept": "application/json", csrfHeader: csrf})
	if res.StatusCode != http.StatusConflict {
		t.Errorf("undo with nothing to undo: %d %s, want 409", res.StatusCode, body)
	}
	// A redirect never leaves the site.
	res, _ = postForm(t, s, "/facts/"+id+"/review", url.Values{"action": {"reject"}, "csrf": {csrf}, "return": {"//evil.example/x"}}, nil)
	if loc := res.Header.Get("Location"); loc != "/facts/"+id {
		t.Errorf("return //evil.example/x redirected to %q", loc)
	}
}

func TestFactPageHighlightsEverySource(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "asd", "budget", 25e9)
	res, body := do(t, s, "GET", "/facts/"+id, nil, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	if n := strings.Count(body, "<mark>25 milliards de dirhams</mark>"); n != 2 {
		t.Errorf("%d highlighted sources, want 2", n)
	}
	for _, a := range testArticles[:2] {
		if !strings.Contains(body, "/documents/"+sha(a.body)+"?focus="+id+"#s-") {
			t.Errorf("no link to the figure in %s", a.rel)
		}
	}
	if res, _ := do(t, s, "GET", "/facts/f-000000000000", nil, nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown fact: %d, want 404", res.StatusCode)
	}
}

func TestDocumentMarksEveryFigure(t *testing.T) {
	s, st := newTestServer(t, Options{})
	a := testArticles[0]
	id := factID(t, st, "amo", "beneficiaries", 8.6e6)
	res, body := do(t, s, "GET", "/documents/"+sha(a.body)+"?focus="+id, nil, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	for _, f := range a.figs {
		start := strings.Index(a.body, f.span)
		want := `id="` + anchor(start, start+len(f.span)) + `"`
		if !strings.Contains(body, want) || !strings.Contains(body, "<mark>"+f.span+"</mark>") {
			t.Errorf("figure %q not marked with %s", f.span, want)
		}
	}
	if !regexp.MustCompile(`class="fig st-[a-z]+ focus" id="s-\d+-\d+" href="/facts/` + id).MatchString(body) {
		t.Errorf("focused figure not singled out")
	}
}

func TestEditValidatesNextToFields(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "amo-tadamon", "beneficiaries", 11.4e6)
	_, page := do(t, s, "GET", "/facts/"+id+"/edit", nil, nil)
	csrf := csrfOf(t, page)
	if !strings.Contains(page, `value="11,4 millions"`) && !strings.Contains(page, `value="11 400 000"`) {
		t.Errorf("edit form does not hold the current value")
	}
	good := url.Values{"csrf": {csrf}, "programme": {"amo-tadamon"}, "metric": {"beneficiaries"}, "unit": {"person"},
		"qualifier": {"about"}, "value": {"11,4 millions"}, "as_of": {"2024-11"}}
	tests := []struct {
		field, value, wantErr string
	}{
		{"value", "beaucoup", "err-value"},
		{"value", "1.23.4", "err-value"},
		{"as_of", "2024-13", "err-as_of"},
		{"as_of", "nov. 2024", "err-as_of"},
		{"programme", "amo-foo", "err-programme"},
		{"metric", "<b>x</b>", "err-metric"},
		{"value_max", "1", "err-value_max"},
	}
	for _, tc := range tests {
		form := url.Values{}
		for k, v := range good {
			form[k] = v
		}
		form.Set(tc.field, tc.value)
		res, body := postForm(t, s, "/facts/"+id+"/edit", form, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="`+tc.wantErr+`"`) {
			t.Errorf("%s=%q: %d, want 422 with %s", tc.field, tc.value, res.StatusCode, tc.wantErr)
		}
		if strings.Contains(body, "<b>x</b>") {
			t.Errorf("typed value echoed unescaped")
		}
	}
	if f, _ := st.Fact(id); f.Status != "pending" {
		t.Fatalf("invalid edits changed the fact: %s", f.Status)
	}
	good.Set("value", "11 450 000")
	good.Set("return", "/queue")
	res, body := postForm(t, s, "/facts/"+id+"/edit", good, nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("valid edit: %d %s", res.StatusCode, body)
	}
	f, err := st.Fact(id)
	if err != nil || f.Status != "edited" || f.Value != 11.45e6 || f.Qualifier != "about" {
		t.Errorf("after edit: %+v (%v)", f, err)
	}
}

func TestConflictsSideBySide(t *testing.T) {
	s, st := newTestServer(t, Options{})
	_, body := do(t, s, "GET", "/conflicts", nil, nil)
	for _, v := range []float64{11.1e6, 11.4e6} {
		id := factID(t, st, "amo-tadamon", "beneficiaries", v)
		if !strings.Contains(body, `data-id="`+id+`"`) {
			t.Errorf("conflict page lacks %s", id)
		}
	}
	if strings.Count(body, `class="conflict"`) != 1 {
		t.Errorf("want one conflict group")
	}
}

func TestTimelineDrawsAcceptedValues(t *testing.T) {
	s, st := newTestServer(t, Options{})
	low := factID(t, st, "amo", "beneficiaries", 8.6e6)
	high := factID(t, st, "amo", "beneficiaries", 24.3e6)
	for _, id := range []string{low, high} {
		if _, err := st.Review(id, store.Decision{Action: "accept", By: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	_, body := do(t, s, "GET", "/timeline?programme=amo&metric=beneficiaries", nil, nil)
	pt := regexp.MustCompile(`<a href="/facts/([^"]+)" class="pt pt-accepted"><title>[^<]*</title><circle cx="([\d.]+)" cy="([\d.]+)"`)
	m := pt.FindAllStringSubmatch(body, -1)
	if len(m) != 2 {
		t.Fatalf("%d points, want 2", len(m))
	}
	if m[0][1] != low || m[1][1] != high {
		t.Errorf("points in order %s, %s; want %s (2021) then %s (2024-12)", m[0][1], m[1][1], low, high)
	}
	if !(num(t, m[0][2]) < num(t, m[1][2]) && num(t, m[0][3]) > num(t, m[1][3])) {
		t.Errorf("24,3 M is not right of and above 8,6 M: %v %v", m[0][2:], m[1][2:])
	}
	if !strings.Contains(body, `<polyline class="series"`) || !strings.Contains(body, ">24,3 M<") {
		t.Errorf("no line or no value label")
	}
}
