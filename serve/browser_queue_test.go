package serve

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/faits/faits/store"
)

// TestBrowserQueueAids drives the queue's aids in Chromium: the counters
// after a decision, s (skip) and f (flag), the search box, and a bulk
// rejection through its confirmation page.
func TestBrowserQueueAids(t *testing.T) {
	needBrowser(t)
	s, st := newTestServer(t, Options{Editor: "browser"})
	ts := httptest.NewServer(s)
	defer ts.Close()
	b := newBrowser(t, ts.URL, "/queue")
	b.waitFor("the queue", deskReady)
	focused := `(document.querySelector('tr.row.focused')||{dataset:{}}).dataset.id`
	if got := b.str(`[document.getElementById('c-pending').textContent, document.getElementById('c-today').textContent, document.getElementById('c-mine').textContent].join(' ')`); got != "6 0 0" {
		t.Errorf("counters %q, want 6 0 0", got)
	}

	// s: the fact in focus goes to the end of the page, the next in focus.
	first, second := b.str(focused), b.str(`document.querySelectorAll('#list tbody tr.row')[1].dataset.id`)
	b.run("press s", chromedp.KeyEvent("s"))
	b.waitFor("the skipped fact last", fmt.Sprintf(`%s === %q && document.querySelector('#list tbody tr.row:last-child').dataset.id === %q`, focused, second, first))
	if got := mustFact(t, st, first).Status; got != "pending" {
		t.Errorf("a skipped fact is %s", got)
	}

	// f flags the fact in focus; the queue comes back with its flag.
	b.run("press f", chromedp.KeyEvent("f"))
	b.waitFor("the flag on the row", fmt.Sprintf(`%s && !!document.querySelector('tr.row[data-id=%q] .flag')`, deskReady, second))
	if f := mustFact(t, st, second); !f.Flagged {
		t.Errorf("after f: %+v", f)
	}
	// The reload f made kept the skipped fact at the end, marked; so does
	// opening the queue anew.
	lastSkipped := fmt.Sprintf(`(function(){var r=document.querySelector('#list tbody tr.row:last-child');return !!r && r.dataset.id === %q && r.classList.contains('skipped');})()`, first)
	if b.str("String("+lastSkipped+")") != "true" {
		t.Errorf("after the reload the skipped fact %s is not last: rows %s", first, b.str(`Array.from(document.querySelectorAll('#list tbody tr.row')).map(function(r){return r.dataset.id}).join(' ')`))
	}
	b.open("/queue")
	b.waitFor("the queue again", deskReady)
	if b.str("String("+lastSkipped+")") != "true" {
		t.Errorf("on a new visit the skipped fact %s is not last", first)
	}
	b.shot("queue-aids.png")

	// a accepts: the counters say so after the next load.
	b.run("press a", chromedp.KeyEvent("a"))
	b.waitFor("the accepted fact to leave", fmt.Sprintf(`!document.querySelector('tr[data-id=%q]')`, second))
	b.open("/queue")
	if got := b.str(`[document.getElementById('c-pending').textContent, document.getElementById('c-today').textContent, document.getElementById('c-mine').textContent].join(' ')`); got != "5 2 2" {
		// flag and accept: two decisions today, both by this editor.
		t.Errorf("counters after flag and accept %q, want 5 2 2", got)
	}

	// The search box filters the queue.
	b.run("search", chromedp.SetValue(chromedp.ID("search"), "précarité"), chromedp.Submit(chromedp.ID("search")))
	b.waitFor("the search's one row", `location.search.includes('q=') && document.querySelectorAll('#list tbody tr.row').length === 1`)

	// Reject every fact of a filter, through the confirmation.
	b.open("/queue?programme=amo-tadamon")
	b.run("reject all", chromedp.Click(chromedp.ID("reject-all")))
	b.waitFor("the confirmation", `location.pathname === '/queue/bulk' && !!document.getElementById('bulk-confirm')`)
	if n := b.str(`document.getElementById('bulk-count').textContent`); n != "2" {
		t.Errorf("confirmation for %s facts, want 2", n)
	}
	b.shot("bulk-confirm.png")
	b.run("confirm", chromedp.Click(chromedp.ID("bulk-confirm")))
	b.waitFor("the queue again", `location.pathname === '/queue' && document.readyState === 'complete'`)
	for _, f := range mustFacts(t, st, store.Filter{Programme: "amo-tadamon"}) {
		if f.Status != "rejected" {
			t.Errorf("after the bulk rejection %s is %s", f.ID, f.Status)
		}
	}
}
