package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/faits/faits/export"
	"github.com/faits/faits/store"
)

// TestAPIExport: GET /api/v1/export gives the bytes faits export prints,
// for the same filter, in both formats.
func TestAPIExport(t *testing.T) {
	s, st := newTestServer(t, Options{})
	want := func(f store.Filter, o export.Options) string {
		var b bytes.Buffer
		if err := export.Write(&b, st.All(f), o); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	cases := []struct {
		target string
		filter store.Filter
		opt    export.Options
		ctype  string
	}{
		{"/api/v1/export", store.Filter{}, export.Options{Format: "jsonl"}, "application/x-ndjson; charset=utf-8"},
		{"/api/v1/export?format=csv&bom=1", store.Filter{}, export.Options{Format: "csv", BOM: true}, "text/csv; charset=utf-8"},
		{"/api/v1/export?format=csv&programme=amo&status=pending", store.Filter{Programme: "amo", Status: "pending"}, export.Options{Format: "csv"}, "text/csv; charset=utf-8"},
		{"/api/v1/export?status=orphaned", store.Filter{Status: store.StatusOrphaned}, export.Options{Format: "jsonl"}, "application/x-ndjson; charset=utf-8"},
		{"/api/v1/export?since=2000-01-01&metric=budget", store.Filter{Metric: "budget"}, export.Options{Format: "jsonl"}, "application/x-ndjson; charset=utf-8"},
	}
	for _, tc := range cases {
		res, body := do(t, s, "GET", tc.target, nil, nil)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != tc.ctype ||
			!strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment; filename=\"faits-") {
			t.Errorf("GET %s: %d %v", tc.target, res.StatusCode, res.Header)
		}
		if w := want(tc.filter, tc.opt); body != w {
			t.Errorf("GET %s:\n got %q\nwant %q", tc.target, body, w)
		}
	}
	// The as_of prefix of the queue's filter applies too.
	_, body := do(t, s, "GET", "/api/v1/export?date=2024", nil, nil)
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		var f store.Fact
		if err := json.Unmarshal([]byte(line), &f); err != nil || !strings.HasPrefix(f.AsOf, "2024") {
			t.Errorf("date=2024 gave %q (%v)", line, err)
		}
	}
	for _, bad := range []string{"format=xml", "format=jsonl&bom=1", "since=yesterday", "status=done", "doc_sha256=abc"} {
		if res, body := do(t, s, "GET", "/api/v1/export?"+bad, nil, nil); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s", bad, res.StatusCode, body)
		}
	}
	res, body := do(t, s, "GET", "/api/v1/files", nil, nil)
	if res.StatusCode != 200 || !strings.Contains(body, `"files"`) {
		t.Errorf("files: %d %s", res.StatusCode, body)
	}
}

// TestReadToken: the read token lets GETs to the API through, and nothing
// else.
func TestReadToken(t *testing.T) {
	s, st := newTestServer(t, Options{Token: "main-token", ReadToken: "read-token"})
	id := factID(t, st, "amo", "beneficiaries", 8.6e6)
	bearer := map[string]string{"Authorization": "Bearer read-token"}
	if res, _ := do(t, s, "GET", "/api/v1/export", nil, bearer); res.StatusCode != 200 {
		t.Errorf("GET export with the read token: %d", res.StatusCode)
	}
	post := map[string]string{"Authorization": "Bearer read-token", "Content-Type": "application/json"}
	if res, _ := do(t, s, "POST", "/api/v1/facts/"+id+"/review", strings.NewReader(`{"action":"accept"}`), post); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST review with the read token: %d", res.StatusCode)
	}
	if res, _ := do(t, s, "GET", "/queue", nil, bearer); res.StatusCode == 200 {
		t.Errorf("desk page with the read token: %d", res.StatusCode)
	}
	if f, _ := st.Fact(id); f.Status != "pending" {
		t.Errorf("the read token changed the fact: %s", f.Status)
	}
}
