package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/faits/faits/store"
)

func num(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAPIFactsPaginates(t *testing.T) {
	s, st := newTestServer(t, Options{})
	all, _ := st.Facts(store.Filter{})
	var seen []string
	next := "/api/v1/facts?limit=2"
	for next != "" {
		res, body := do(t, s, "GET", next, nil, nil)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("GET %s: %d %s", next, res.StatusCode, body)
		}
		var p factsPage
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		if p.Total != len(all) || len(p.Facts) > 2 {
			t.Fatalf("page total %d size %d", p.Total, len(p.Facts))
		}
		for _, f := range p.Facts {
			seen = append(seen, f.ID)
		}
		next = p.Next
	}
	if len(seen) != len(all) {
		t.Errorf("pages gave %d facts, store has %d", len(seen), len(all))
	}
	for i := range seen {
		if seen[i] != all[i].ID {
			t.Errorf("fact %d: %s, want %s (id order)", i, seen[i], all[i].ID)
		}
	}
	_, body := do(t, s, "GET", "/api/v1/facts?programme=amo&metric=beneficiaries", nil, nil)
	var p factsPage
	json.Unmarshal([]byte(body), &p)
	if p.Total != 2 {
		t.Errorf("filtered total %d, want 2", p.Total)
	}
	if res, _ := do(t, s, "GET", "/api/v1/facts?limit=5000", nil, nil); res.StatusCode != http.StatusBadRequest {
		t.Errorf("limit over the max: %d", res.StatusCode)
	}
}

func TestAPIFactAndDocument(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "amo-tns", "files_processed", 3200)
	res, body := do(t, s, "GET", "/api/v1/facts/"+id, nil, nil)
	var f store.Fact
	if err := json.Unmarshal([]byte(body), &f); err != nil || res.StatusCode != 200 || f.ID != id || f.Sources[0].Span != "3 200 dossiers" {
		t.Fatalf("GET fact: %d %s", res.StatusCode, body)
	}
	res, body = do(t, s, "GET", "/api/v1/documents/"+f.Sources[0].DocSHA256, nil, nil)
	var d store.Document
	if err := json.Unmarshal([]byte(body), &d); err != nil || res.StatusCode != 200 || d.Body != testArticles[3].body {
		t.Fatalf("GET document: %d %s", res.StatusCode, body)
	}
	for target, want := range map[string]int{
		"/api/v1/facts/f-000000000000":     404,
		"/api/v1/documents/" + sha("none"): 404,
		"/api/v1/documents/abc":            400,
		"/api/v1/nothing":                  404,
	} {
		if res, body := do(t, s, "GET", target, nil, nil); res.StatusCode != want || !strings.Contains(body, `"error"`) {
			t.Errorf("GET %s: %d %s, want %d with a JSON error", target, res.StatusCode, body, want)
		}
	}
}

func TestAPIReview(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "amo", "beneficiaries", 8.6e6)
	post := func(body string, ct string) (int, string) {
		res, b := do(t, s, "POST", "/api/v1/facts/"+id+"/review", strings.NewReader(body), map[string]string{"Content-Type": ct})
		return res.StatusCode, b
	}
	if code, b := post(`{"action":"accept","by":"bot"}`, "application/json"); code != 200 || !strings.Contains(b, `"status": "accepted"`) {
		t.Fatalf("accept: %d %s", code, b)
	}
	if h, _ := st.History(id); len(h) != 1 || h[0].By != "bot" {
		t.Errorf("history %+v", h)
	}
	tests := []struct {
		body, ct string
		want     int
	}{
		{`{"action":"accept"}`, "text/plain", 415},
		{`{"action":"approve"}`, "application/json", 400},
		{`{"action":"accept","extra":1}`, "application/json", 400},
		{`{"action":"accept"} {}`, "application/json", 400},
		{`{"action":"edit"}`, "application/json", 400},
		{`{"action":"edit","edit":{"as_of":"2021-13"}}`, "application/json", 422},
		{`{"action":"edit","edit":{"programme":"nope"}}`, "application/json", 422},
		{`{"action":"edit","edit":{"programme":"nope","unit":"bogus","value":-5}}`, "application/json", 422},
		{`{"action":"edit","edit":{"value":"beaucoup"}}`, "application/json", 422},
		{`{"action":"edit","edit":{"value":true}}`, "application/json", 400},
		{`{"action":"edit","edit":{}}`, "application/json", 422},
		{`{"action":"edit","edit":{"value":"3,9 millions"}}`, "application/json", 200},
		{`{"action":"edit","edit":{"value":8700000,"as_of":"2021"}}`, "application/json", 200},
	}
	for _, tc := range tests {
		if code, b := post(tc.body, tc.ct); code != tc.want {
			t.Errorf("%s (%s): %d %s, want %d", tc.body, tc.ct, code, b, tc.want)
		}
	}
	if f, _ := st.Fact(id); f.Value != 8.7e6 || f.Status != "edited" {
		t.Errorf("after API edit: %v %s", f.Value, f.Status)
	}
	// A refusal names each field with the words the desk and the command
	// line use (package edits).
	code, b := post(`{"action":"edit","edit":{"programme":"nope","unit":"bogus","value":-5}}`, "application/json")
	var res struct {
		Fields map[string]string `json:"fields"`
	}
	if err := json.Unmarshal([]byte(b), &res); err != nil || code != 422 || len(res.Fields) != 3 ||
		!strings.Contains(res.Fields["value"], "below zero") || !strings.Contains(res.Fields["unit"], `"bogus" is not a unit`) {
		t.Errorf("422 body %s", b)
	}
}

// TestAPISources pages every fact's sources and finds them all, in the
// order the list gives the first ones; the list carries the counts.
func TestAPISources(t *testing.T) {
	s, st := newTestServer(t, Options{})
	all, _ := st.Facts(store.Filter{})
	_, body := do(t, s, "GET", "/api/v1/facts?limit=1000", nil, nil)
	var list factsPage
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Facts) != len(all) {
		t.Fatalf("list gave %d facts, store has %d", len(list.Facts), len(all))
	}
	for i, f := range all {
		l := list.Facts[i]
		if l.SourceCount != len(f.Sources) || l.IndependentCount != f.IndependentSources() || len(l.Sources) > listSources {
			t.Errorf("%s: list says %d sources (%d independent) and carries %d; it has %d (%d)",
				f.ID, l.SourceCount, l.IndependentCount, len(l.Sources), len(f.Sources), f.IndependentSources())
		}
		var got []store.Source
		for next := "/api/v1/facts/" + f.ID + "/sources?limit=1"; next != ""; {
			res, body := do(t, s, "GET", next, nil, nil)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d %s", next, res.StatusCode, body)
			}
			var p sourcesPage
			if err := json.Unmarshal([]byte(body), &p); err != nil {
				t.Fatal(err)
			}
			if p.Total != len(f.Sources) {
				t.Fatalf("%s: total %d, want %d", f.ID, p.Total, len(f.Sources))
			}
			got = append(got, p.Sources...)
			next = p.Next
		}
		if len(got) != len(f.Sources) {
			t.Fatalf("%s: paged %d sources, want %d", f.ID, len(got), len(f.Sources))
		}
		for j, src := range l.Sources {
			if !reflect.DeepEqual(got[j], src) {
				t.Errorf("%s: source %d of the list differs from the paged one", f.ID, j)
			}
		}
	}
	if res, _ := do(t, s, "GET", "/api/v1/facts/f-000000000000/sources", nil, nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("sources of an unknown fact: %d, want 404", res.StatusCode)
	}
	if res, _ := do(t, s, "GET", "/api/v1/facts/"+all[0].ID+"/sources?limit=0", nil, nil); res.StatusCode != http.StatusBadRequest {
		t.Errorf("limit 0: %d, want 400", res.StatusCode)
	}
}

// TestAPIAdd: POST /api/v1/facts adds a fact the rules missed, checked as
// an edit is; its source names the rule "editor" and its history starts
// with "add".
func TestAPIAdd(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "amo-tns", "files_processed", 3200)
	f, _ := st.Fact(id)
	docSHA := f.Sources[0].DocSHA256
	d, _ := st.Document(docSHA)
	// Any other piece of the text serves: the first word.
	end := strings.IndexByte(d.Body, ' ')
	post := func(body string) (int, string) {
		res, b := do(t, s, "POST", "/api/v1/facts", strings.NewReader(body), map[string]string{"Content-Type": "application/json"})
		return res.StatusCode, b
	}
	ok := `{"doc_sha256":"` + docSHA + `","start":0,"end":` + strconv.Itoa(end) + `,"programme":"amo-tns","metric":"files_submitted","unit":"file","value":"4 millions","as_of":"2025-01","by":"bot"}`
	code, b := post(ok)
	var got store.Fact
	if err := json.Unmarshal([]byte(b), &got); err != nil || code != 201 || got.Value != 4e6 || got.Status != "accepted" ||
		len(got.Sources) != 1 || got.Sources[0].Rule != store.EditorRule || got.Sources[0].Span != d.Body[:end] {
		t.Fatalf("add: %d %s", code, b)
	}
	if h, _ := st.History(got.ID); len(h) != 1 || h[0].Action != store.ActionAdd || h[0].By != "bot" {
		t.Errorf("history %+v", h)
	}
	for body, want := range map[string]int{
		ok: 409,
		`{"doc_sha256":"` + docSHA + `","start":0,"end":99999999,"programme":"amo-tns","metric":"files_submitted","unit":"file","value":1}`: 422,
		`{"doc_sha256":"` + docSHA + `","start":0,"end":3,"programme":"nope","metric":"files_submitted","unit":"file","value":-1}`:          422,
		`{"doc_sha256":"` + docSHA + `","start":0,"end":3,"metric":"files_submitted","unit":"file","value":1}`:                              422,
		`{"doc_sha256":"` + sha("none") + `","start":0,"end":3,"programme":"amo","metric":"enrolled","unit":"person","value":1}`:            404,
		`{"doc_sha256":"abc","start":0,"end":3}`: 400,
		`{"bogus":1}`:                            400,
	} {
		if code, b := post(body); code != want {
			t.Errorf("%s: %d %s, want %d", body, code, b, want)
		}
	}
}

// TestAPIFactBounded: GET /api/v1/facts/{id} carries the counts and the
// first ?sources= sources, the same as the sources pages give, and names
// the next page in a Link header when it leaves some out.
func TestAPIFactBounded(t *testing.T) {
	s, st := newTestServer(t, Options{})
	all, err := st.Facts(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var most store.Fact
	for _, f := range all {
		if len(f.Sources) > len(most.Sources) {
			most = f
		}
	}
	n := len(most.Sources)
	if n < 2 {
		t.Fatalf("the test store has no fact with two sources")
	}
	for _, k := range []int{0, 1, n, n + 5} {
		res, body := do(t, s, "GET", fmt.Sprintf("/api/v1/facts/%s?sources=%d", most.ID, k), nil, nil)
		var f store.Fact
		if err := json.Unmarshal([]byte(body), &f); err != nil || res.StatusCode != 200 {
			t.Fatalf("sources=%d: %d %s", k, res.StatusCode, body)
		}
		if f.SourceCount != n || f.IndependentCount != most.IndependentSources() || len(f.Sources) != min(k, n) {
			t.Errorf("sources=%d: count %d (%d independent), carries %d; want %d (%d), %d",
				k, f.SourceCount, f.IndependentCount, len(f.Sources), n, most.IndependentSources(), min(k, n))
		}
		page, _, err := st.Sources(most.ID, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i, src := range f.Sources {
			if !reflect.DeepEqual(src, page[i]) {
				t.Errorf("sources=%d: source %d is not the sources page's", k, i)
			}
		}
		link := res.Header.Get("Link")
		wantLink := ""
		if k < n {
			wantLink = fmt.Sprintf(`</api/v1/facts/%s/sources?offset=%d&limit=%d>; rel="next"`, most.ID, k, max(k, 1))
		}
		if link != wantLink {
			t.Errorf("sources=%d: Link %q, want %q", k, link, wantLink)
		}
	}
	res, body := do(t, s, "GET", "/api/v1/facts/"+most.ID, nil, nil)
	var f store.Fact
	if err := json.Unmarshal([]byte(body), &f); err != nil || res.StatusCode != 200 || len(f.Sources) != min(n, factSourcesDefault) {
		t.Errorf("default: %d, %d sources", res.StatusCode, len(f.Sources))
	}
	for _, bad := range []string{"-1", "1001", "x"} {
		if res, _ := do(t, s, "GET", "/api/v1/facts/"+most.ID+"?sources="+bad, nil, nil); res.StatusCode != http.StatusBadRequest {
			t.Errorf("sources=%s: %d, want 400", bad, res.StatusCode)
		}
	}
}
