package serve

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// menuOptions is the options of the queue's select named name.
func menuOptions(t *testing.T, page, name string) []string {
	t.Helper()
	m := regexp.MustCompile(`<select name="` + name + `">(.*?)</select>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no %s menu on the queue", name)
	}
	var out []string
	for _, o := range regexp.MustCompile(`<option[^>]*>([^<]*)</option>`).FindAllStringSubmatch(m[1], -1) {
		out = append(out, o[1])
	}
	return out
}

// TestQueueMenus: the site and rule menus list what the store's sources
// hold; they are read once and kept (a page does not walk every fact), an
// editor's addition puts its rule in at once, and RefreshMenus reads what
// was ingested behind the server.
func TestQueueMenus(t *testing.T) {
	s, st := newTestServer(t, Options{})
	_, page := do(t, s, "GET", "/queue", nil, nil)
	sites, rules := menuOptions(t, page, "site"), menuOptions(t, page, "rule")
	for _, want := range []string{"lematin.ma", "hespress.com", "le360.ma"} {
		if !strings.Contains(strings.Join(sites, "|"), want) {
			t.Errorf("site menu %q lacks %s", sites, want)
		}
	}
	if !strings.Contains(strings.Join(rules, "|"), "beneficiaries/test") || strings.Contains(strings.Join(rules, "|"), "editor") {
		t.Errorf("rule menu %q", rules)
	}

	// Written behind the server: the menus are kept until RefreshMenus.
	loadArticles(t, st, []article{{rel: "e/new.txt", title: "Nouveau", site: "nouveau-site.ma", published: "2025-03-01",
		body: "Le RSU compte 5,6 millions de ménages inscrits à fin février 2025.",
		figs: []figure{{span: "5,6 millions", programme: "rsu", metric: "enrolled", unit: "household", value: 5.6e6, qualifier: "exact", asOf: "2025-02"}}}})
	if _, page = do(t, s, "GET", "/queue", nil, nil); strings.Contains(page, "nouveau-site.ma</option>") {
		t.Error("the menus were read again for a page: each page walks every fact")
	}
	if err := s.RefreshMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, page = do(t, s, "GET", "/queue", nil, nil); !strings.Contains(strings.Join(menuOptions(t, page, "site"), "|"), "nouveau-site.ma") {
		t.Errorf("RefreshMenus did not bring the new site: %q", menuOptions(t, page, "site"))
	}

	// An editor's addition: its rule is in the menu at the next page.
	id := factID(t, st, "amo-tns", "files_processed", 3200)
	f, _ := st.Fact(id)
	doc := f.Sources[0].DocSHA256
	body := `{"doc_sha256":"` + doc + `","start":0,"end":` + strconv.Itoa(3) + `,"programme":"amo-tns","metric":"files_submitted","unit":"file","value":"4 millions","as_of":"2025-01","by":"bot"}`
	if res, b := do(t, s, "POST", "/api/v1/facts", strings.NewReader(body), map[string]string{"Content-Type": "application/json"}); res.StatusCode != 201 {
		t.Fatalf("add: %d %s", res.StatusCode, b)
	}
	if _, page = do(t, s, "GET", "/queue", nil, nil); !strings.Contains(strings.Join(menuOptions(t, page, "rule"), "|"), "editor") {
		t.Errorf("the editor's rule is not in the menu: %q", menuOptions(t, page, "rule"))
	}

	// A refresh stopped by its context changes nothing and says so.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.RefreshMenus(ctx); err == nil {
		t.Error("a cancelled refresh returned no error")
	}
}
