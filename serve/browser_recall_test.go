package serve

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/faits/faits/store"
)

// TestBrowserAddMissed: in the article view, a figure no fact took is
// marked in its own style; clicking it opens the add form prefilled from
// normalize's reading and the article's programme, and saving it makes an
// accepted fact with an editor source. A selection of the text offers the
// same form for its span, with the right byte offsets past accented text.
func TestBrowserAddMissed(t *testing.T) {
	needBrowser(t)
	s, st := newTestServer(t, Options{Editor: "browser"})
	loadArticles(t, st, []article{recallArticle})
	ts := httptest.NewServer(s)
	defer ts.Close()
	sha := sha(recallArticle.body)
	b := newBrowser(t, ts.URL, "/documents/"+sha)
	b.waitFor("the article", deskReady)
	if got := b.str(`(() => { const a = document.querySelector('.document .body a.cand'), m = document.querySelector('.document .body a.fig mark');
		return getComputedStyle(a).borderBottomStyle + ' ' + (getComputedStyle(a).backgroundColor !== getComputedStyle(m).backgroundColor); })()`); got != "dashed true" {
		t.Errorf("a missed figure's style: %q, want a dashed underline and another colour than a fact's mark", got)
	}
	b.shot("document-missed.png")

	// Click "4 100": the form comes prefilled.
	b.run("click the missed figure", chromedp.Click(chromedp.CSS(`.document .body a.cand`)))
	b.waitFor("the add form", `location.pathname.endsWith('/add') && !!document.getElementById('add-save') && `+deskReady)
	if got := b.str(`[document.getElementById('value').value, document.getElementById('programme').value, document.getElementById('as_of').value, document.querySelector('#add-quote mark').textContent].join('|')`); !strings.HasPrefix(got, "4 100|amo|2025-03|4 100") {
		t.Errorf("prefilled form %q", got)
	}
	b.shot("add-form.png")
	b.run("fill and save", chromedp.SetValue(chromedp.ID("metric"), "files_processed"), chromedp.SetValue(chromedp.ID("unit"), "file"),
		chromedp.Click(chromedp.ID("add-save")))
	b.waitFor("the new fact's page", `location.pathname.startsWith('/facts/') && document.readyState === 'complete'`)
	id := strings.TrimPrefix(b.str(`location.pathname`), "/facts/")
	f := mustFact(t, st, id)
	if f.Value != 4100 || f.Unit != "file" || f.Status != "accepted" || f.Sources[0].Rule != store.EditorRule {
		t.Errorf("added fact: %+v", f)
	}

	// Select "caisse" (after accented words): the button offers its span.
	b.open("/documents/" + sha)
	word := "caisse"
	at := strings.Index(recallArticle.body, word)
	b.str(fmt.Sprintf(`(() => { const spans = Array.from(document.querySelectorAll('.document .body span[data-o]'));
		const el = spans.find(s => s.textContent.includes(%q)); const node = el.firstChild; const i = node.textContent.indexOf(%q);
		const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + %d);
		const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); return ''; })()`, word, word, len(word)))
	b.waitFor("the add button", `!document.getElementById('add-selection').hidden`)
	want := fmt.Sprintf("/documents/%s/add?start=%d&end=%d", sha, at, at+len(word))
	if got := b.str(`new URL(document.getElementById('add-selection').href).pathname + new URL(document.getElementById('add-selection').href).search`); got != want {
		t.Errorf("selection's add link %q, want %q", got, want)
	}
	b.run("follow it", chromedp.Click(chromedp.ID("add-selection")))
	b.waitFor("its form", `location.pathname.endsWith('/add') && document.querySelector('#add-quote mark').textContent === 'caisse'`)
}
