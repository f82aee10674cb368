package serve

import (
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/faits/faits/store"
)

// TestQueueAids: the counters, the search, the flagged filter, the flag
// action and a bulk decision with its confirmation.
func TestQueueAids(t *testing.T) {
	s, st := newTestServer(t, Options{Editor: "amina"})
	_, page := do(t, s, "GET", "/queue", nil, nil)
	counts := regexp.MustCompile(`id="c-pending">(\d+)<.*id="c-today">(\d+)<.*id="c-mine">(\d+)<`)
	if m := counts.FindStringSubmatch(page); m == nil || m[1] != "6" || m[2] != "0" || m[3] != "0" {
		t.Errorf("counters %v, want 6 pending, 0 today, 0 by me", m)
	}
	csrf := csrfOf(t, page)
	budget := factID(t, st, "asd", "budget", 25e9)
	if res, b := postForm(t, s, "/facts/"+budget+"/review", url.Values{"csrf": {csrf}, "action": {"accept"}}, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", res.StatusCode, b)
	}
	if _, err := st.Review(factID(t, st, "amo", "beneficiaries", 8.6e6), store.Decision{Action: "reject", By: "karim"}); err != nil {
		t.Fatal(err)
	}
	_, page = do(t, s, "GET", "/queue", nil, nil)
	if m := counts.FindStringSubmatch(page); m == nil || m[1] != "4" || m[2] != "2" || m[3] != "1" {
		t.Errorf("counters %v, want 4 pending, 2 today, 1 by me", m)
	}

	// Search: accents and case ignored.
	rows := regexp.MustCompile(`<tr data-id="(f-[0-9a-f]+)"`)
	for _, tc := range []struct {
		q    string
		want int
	}{{"PRECARITE", 1}, {"tadamon", 3}, {"CNSS", 1}, {"introuvable", 0}} {
		_, page := do(t, s, "GET", "/queue?status=all&q="+url.QueryEscape(tc.q), nil, nil)
		if got := len(rows.FindAllStringSubmatch(page, -1)); got != tc.want {
			t.Errorf("search %q: %d rows, want %d", tc.q, got, tc.want)
		}
	}
	if res, _ := do(t, s, "GET", "/queue?q="+strings.Repeat("x", 201), nil, nil); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a 201-byte search: %d", res.StatusCode)
	}

	// Flag, then the flagged filter.
	low := factID(t, st, "amo", "beneficiaries", 24.3e6)
	if res, b := postForm(t, s, "/facts/"+low+"/review", url.Values{"csrf": {csrf}, "action": {"flag"}}, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("flag: %d %s", res.StatusCode, b)
	}
	if f := mustFact(t, st, low); !f.Flagged || f.Status != "pending" {
		t.Errorf("after flag: %+v", f)
	}
	_, page = do(t, s, "GET", "/queue?flagged=1", nil, nil)
	if m := rows.FindAllStringSubmatch(page, -1); len(m) != 1 || m[0][1] != low || !strings.Contains(page, `value="unflag"`) {
		t.Errorf("flagged queue: %v", m)
	}

	// Bulk: the confirmation, then the decision on every page of the filter.
	_, conf := do(t, s, "GET", "/queue/bulk?action=reject&programme=amo-tadamon", nil, nil)
	if !strings.Contains(conf, `id="bulk-count">2<`) || !strings.Contains(conf, `name="expect" value="2"`) {
		t.Fatalf("confirmation page:\n%s", conf)
	}
	form := url.Values{"csrf": {csrf}, "action": {"reject"}, "programme": {"amo-tadamon"}, "status": {"pending"}, "expect": {"3"}}
	if res, _ := postForm(t, s, "/queue/bulk", form, nil); res.StatusCode != http.StatusConflict {
		t.Errorf("a stale count: %d, want 409", res.StatusCode)
	}
	form.Set("expect", "2")
	for _, bad := range []url.Values{{"action": {"reject"}, "expect": {"2"}}, {"csrf": {csrf}, "action": {"edit"}, "expect": {"2"}}, {"csrf": {csrf}, "action": {"reject"}}} {
		if res, _ := postForm(t, s, "/queue/bulk", bad, nil); res.StatusCode == http.StatusSeeOther {
			t.Errorf("%v taken", bad)
		}
	}
	if fs, _ := st.Facts(store.Filter{Status: "rejected"}); len(fs) != 1 {
		t.Fatalf("refused bulk posts decided %d facts", len(fs)-1)
	}
	if res, b := postForm(t, s, "/queue/bulk", form, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("bulk: %d %s", res.StatusCode, b)
	}
	for _, f := range mustFacts(t, st, store.Filter{Programme: "amo-tadamon"}) {
		h, _ := st.History(f.ID)
		if f.Status != "rejected" || len(h) != 1 || h[0].By != "amina" || !strings.HasPrefix(h[0].Note, "bulk reject of 2 facts") {
			t.Errorf("after bulk: %s %s %+v", f.ID, f.Status, h)
		}
	}
}

func mustFacts(t *testing.T, st *store.Store, f store.Filter) []store.Fact {
	t.Helper()
	fs, err := st.Facts(f)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestQueueHugeArticle: an article of one 20 MB line (no sentence end, so
// each figure's sentence is the whole article) gives a queue page of a
// few kilobytes a fact, not the article again and again.
func TestQueueHugeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 20 MB article")
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "faits.db"), &store.Options{Owner: "serve test", Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	pad := strings.Repeat("la généralisation de la protection sociale se poursuit sans point final ", 10<<20/74)
	body := pad + "avec 3 200 dossiers traités puis 4 100 dossiers validés " + pad
	loadArticles(t, st, []article{{rel: "big/one-line.txt", title: "Une ligne", site: "example.ma", published: "2025-01-01", body: body,
		figs: []figure{
			{"3 200 dossiers", 0, "amo-tns", "files_processed", "file", 3200, "exact", "2025-01"},
			{"4 100 dossiers", 0, "amo-tns", "files_validated", "file", 4100, "exact", "2025-01"},
		}}})
	s, err := New(st, Options{Secret: []byte("test secret")})
	if err != nil {
		t.Fatal(err)
	}
	res, page := do(t, s, "GET", "/queue", nil, nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(page, "<mark>3 200 dossiers</mark>") {
		t.Fatalf("queue: %d, figure marked: %v", res.StatusCode, strings.Contains(page, "3 200 dossiers"))
	}
	if len(page) > 64<<10 {
		t.Errorf("queue page of %d bytes for a %d-byte article", len(page), len(body))
	}
	t.Logf("queue page: %d bytes for a %d-byte article", len(page), len(body))
}
