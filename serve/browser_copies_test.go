package serve

import (
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/faits/faits/store"
)

// TestBrowserCopies: an article saved by two sites word for word is one
// document; the fact page and the document page list both copies, with
// each one's site and date, and so does the API.
func TestBrowserCopies(t *testing.T) {
	needBrowser(t)
	s, st := newTestServer(t, Options{Editor: "browser"})
	again := testArticles[2] // the le360 article
	again.rel, again.site, again.published, again.url = "e/repris.txt", "lematin.ma", "2024-11-29", "https://lematin.ma/repris"
	loadArticles(t, st, []article{again})
	id := factID(t, st, "amo-tadamon", "beneficiaries", 11.4e6)
	ts := httptest.NewServer(s)
	defer ts.Close()
	_, api := do(t, s, "GET", "/api/v1/facts/"+id, nil, nil)
	var f store.Fact
	if err := json.Unmarshal([]byte(api), &f); err != nil || len(f.Sources) != 1 {
		t.Fatalf("API fact: %v %s", err, api)
	}
	want := []store.Copy{{Doc: "c/conflit.txt", Title: "Tadamon, autre chiffre", Site: "le360.ma", Published: "2024-11-28"},
		{Doc: "e/repris.txt", Title: "Tadamon, autre chiffre", Site: "lematin.ma", URL: "https://lematin.ma/repris", Published: "2024-11-29"}}
	if !reflect.DeepEqual(f.Sources[0].Copies, want) {
		t.Errorf("API copies %+v, want %+v", f.Sources[0].Copies, want)
	}
	b := newBrowser(t, ts.URL, "/facts/"+id)
	b.run("fact page", chromedp.WaitVisible(chromedp.CSS(".copies")))
	if got := b.str(`Array.from(document.querySelectorAll('.sources .copies li')).map(l => l.textContent.trim()).join(' | ')`); got != "c/conflit.txt · le360.ma · 2024-11-28 | e/repris.txt · lematin.ma · 2024-11-29 · https://lematin.ma/repris" {
		t.Errorf("copies on the fact page: %q", got)
	}
	b.shot("fact-copies.png")
	b.run("document", chromedp.Click(chromedp.CSS("a.doclink")))
	b.waitFor("the document's copies", `document.querySelectorAll('.document .meta .copy').length === 2`)
}
