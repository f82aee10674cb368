package serve

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/faits/faits/store"
)

// needBrowser returns a browser binary (Debian's chromium first), or ends a
// test that has none: a skip on a machine without Chromium, but a failure
// when FAITS_REQUIRE_BROWSER is set (CI installs Chromium and sets it, so
// that a broken install fails the run instead of passing it with the desk
// untested).
func needBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const msg = "no chromium binary found (/usr/bin/chromium, chromium, google-chrome); install Debian's chromium to run the browser tests"
	if v := os.Getenv("FAITS_REQUIRE_BROWSER"); v != "" && v != "0" {
		t.Fatal("browser test failed: FAITS_REQUIRE_BROWSER is set and " + msg)
	}
	t.Skip("browser test skipped: " + msg)
	return ""
}

// deskReady is true once desk.js has bound its key handlers on the current
// page. The rows, the focused one included, are rendered by the server, so
// they show before the deferred script runs: a key pressed between the two
// is lost.
const deskReady = `document.body.dataset.desk === 'ready'`

// outDir is where the browser test leaves its screenshots:
// $FAITS_TEST_OUT/serve, or faits-test-out/serve in the system's temporary
// folder. They are kept after the test for people to look at.
func outDir(t *testing.T) string {
	t.Helper()
	base := os.Getenv("FAITS_TEST_OUT")
	if base == "" {
		base = filepath.Join(os.TempDir(), "faits-test-out")
	}
	dir := filepath.Join(base, "serve")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("output folder: %v", err)
	}
	return dir
}

// TestBrowserDesk drives the desk in headless Chromium: review with the
// keyboard, read a fact and its document, fail and pass an edit, and look
// at the timeline, taking screenshots on the way.
func TestBrowserDesk(t *testing.T) {
	exe := needBrowser(t)
	s, st := newTestServer(t, Options{Editor: "browser"})
	ts := httptest.NewServer(s)
	defer ts.Close()
	out := outDir(t)
	t.Logf("screenshots in %s", out)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	// Collect console errors and exceptions: a CSP violation or a script
	// error shows up there.
	cctx, stopConsole := context.WithCancel(bctx)
	var mu sync.Mutex
	var consoleErrs []string
	done := make(chan struct{})
	msgs := chromedp.Console(cctx)
	go func() {
		defer close(done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				consoleErrs = append(consoleErrs, m.Text)
				mu.Unlock()
			}
		}
	}()
	// The first call starts the browser and must not carry a timeout.
	if err := chromedp.Do(bctx, chromedp.Navigate(ts.URL+"/queue")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// The deadline only stops a hung browser: the whole walk took up to 65s
	// on a loaded 2-core machine (go test -race beside busy loops).
	ctx, cancel := context.WithTimeout(bctx, 3*time.Minute)
	defer cancel()

	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	str := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	waitFor := func(what, expr string) {
		t.Helper()
		// A navigation destroys the page's context under a running poll:
		// poll again in the new page until the deadline.
		deadline := time.Now().Add(30 * time.Second)
		for {
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Until(deadline))))
			if err == nil {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s (%s): %v", what, expr, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	shot := func(name string, full bool) {
		t.Helper()
		a := chromedp.CaptureScreenshot()
		if full {
			a = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(ctx, a)
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		p := filepath.Join(out, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	status := func(id string) string {
		t.Helper()
		f, err := st.Fact(id)
		if err != nil {
			t.Fatalf("fact %s: %v", id, err)
		}
		return f.Status
	}
	focused := `(document.querySelector('tr.row.focused')||{dataset:{}}).dataset.id`

	// The queue: accept the first fact with "a".
	run("queue", chromedp.WaitVisible(chromedp.CSS("tr.row.focused")))
	waitFor("the desk's keys", deskReady)
	first := str(focused)
	second := str(`document.querySelectorAll('#list tbody tr.row')[1].dataset.id`)
	shot("queue.png", false)
	if ws := str(`getComputedStyle(document.querySelector('#list td.val')).whiteSpace`); ws != "nowrap" {
		t.Errorf("the FIGURE column wraps (white-space %q)", ws)
	}
	// The download link gives the filtered facts as a spreadsheet reads them
	// (the byte order mark is asked for; XHR's decoder drops it).
	got := str(`(() => { const a = document.getElementById('download-csv'); const x = new XMLHttpRequest(); x.open('GET', a.href, false); x.send();
		return a.search.includes('bom=1') + ' ' + x.status + ' ' + x.getResponseHeader('Content-Type') + ' ' + x.responseText.split('\r\n')[0]; })()`)
	if want := "true 200 text/csv; charset=utf-8 id,programme,metric,value,"; !strings.HasPrefix(got, want) {
		t.Errorf("download link: %q, want prefix %q", got, want)
	}
	run("press a", chromedp.KeyEvent("a"))
	waitFor("the next fact in focus", fmt.Sprintf(`!document.querySelector('tr[data-id=%q]') && %s === %q && !document.getElementById(%q).hidden`,
		first, focused, second, "d-"+second))
	if got := status(first); got != "accepted" {
		t.Fatalf("after a: store says %s is %s, want accepted", first, got)
	}
	if h, err := st.History(first); err != nil || len(h) != 1 || h[0].By != "browser" {
		t.Fatalf("history of %s: %+v (%v)", first, h, err)
	}
	shot("queue-after-accept.png", false)

	// Reject the next with "x", then undo it with "u": it comes back in focus.
	run("press x", chromedp.KeyEvent("x"))
	waitFor("the rejected fact to leave", fmt.Sprintf(`!document.querySelector('tr[data-id=%q]')`, second))
	if got := status(second); got != "rejected" {
		t.Fatalf("after x: %s is %s", second, got)
	}
	// u reloads the queue: wait for the new page's keys too, not only for
	// its rows, before the next press.
	run("press u", chromedp.KeyEvent("u"))
	waitFor("the undone fact back in focus", fmt.Sprintf(`%s === %q && %s`, focused, second, deskReady))
	if got := status(second); got != "pending" {
		t.Fatalf("after u: %s is %s, want pending", second, got)
	}

	// j and k move the focus: j to the row below, k back.
	third := str(fmt.Sprintf(`(document.querySelector('tr.row[data-id=%q]').nextElementSibling || {dataset: {}}).dataset.id || ''`, second))
	if third == "" {
		t.Fatalf("no fact below %s in the queue for j to move to", second)
	}
	run("press j", chromedp.KeyEvent("j"))
	waitFor("j to move the focus to the next fact", fmt.Sprintf(`%s === %q`, focused, third))
	run("press k", chromedp.KeyEvent("k"))
	waitFor("k back to the previous fact", fmt.Sprintf(`%s === %q`, focused, second))

	// ? shows the help, Esc hides it.
	run("press ?", chromedp.KeyEvent("?"), chromedp.WaitVisible(chromedp.ID("help")))
	shot("help.png", false)
	run("press Esc", chromedp.KeyEvent(kb.Escape), chromedp.WaitNotVisible(chromedp.ID("help")))

	// e opens the edit form of the fact in focus.
	run("press e", chromedp.KeyEvent("e"))
	waitFor("the edit form", fmt.Sprintf(`location.pathname === %q && !!document.getElementById('value')`, "/facts/"+second+"/edit"))

	// A fact page: every source with its figure highlighted.
	budget := factID(t, st, "asd", "budget", 25e9)
	run("fact page", chromedp.Navigate(ts.URL+"/facts/"+budget), chromedp.WaitVisible(chromedp.CSS("blockquote.quote mark")))
	if got := str(`Array.from(document.querySelectorAll('blockquote.quote mark')).map(m => m.textContent).join('|')`); got != "25 milliards de dirhams|25 milliards de dirhams" {
		t.Errorf("highlights on the fact page: %q", got)
	}
	if bg := str(`getComputedStyle(document.querySelector('blockquote.quote mark')).backgroundColor`); bg == "rgba(0, 0, 0, 0)" || bg == "" {
		t.Errorf("the highlight has no background (stylesheet blocked?)")
	}
	shot("fact.png", true)

	// Its document: the figure in focus is scrolled into view.
	low := factID(t, st, "amo", "beneficiaries", 8.6e6)
	run("fact page 2", chromedp.Navigate(ts.URL+"/facts/"+low), chromedp.WaitVisible(chromedp.CSS("a.doclink")))
	run("open document", chromedp.Click(chromedp.CSS("a.doclink")))
	waitFor("the document with its figure in view", `(() => { const m = document.querySelector('a.fig:target mark');
		if (!m) return false; const r = m.getBoundingClientRect();
		return window.scrollY > 0 && r.top >= 0 && r.bottom <= window.innerHeight; })()`)
	if got := str(`document.querySelector('a.fig:target mark').textContent`); got != "8,6 millions" {
		t.Errorf("figure in focus %q, want 8,6 millions", got)
	}
	if n := str(`String(document.querySelectorAll('.document .body mark').length)`); n != "3" {
		t.Errorf("%s figures marked in the document, want 3", n)
	}
	shot("document.png", false)

	// Article markup stays text in the browser too.
	xss := testArticles[3]
	run("markup article", chromedp.Navigate(ts.URL+"/documents/"+sha(xss.body)), chromedp.WaitVisible(chromedp.CSS(".document .body")))
	if got := str(`String(document.querySelectorAll('.document script, .document img').length) + ' ' + document.title`); !strings.HasPrefix(got, "0 <script>") {
		t.Errorf("markup in an article became elements: %q", got)
	}

	// The edit form: an error next to the field, then a saved correction.
	run("edit form", chromedp.Navigate(ts.URL+"/facts/"+budget+"/edit"), chromedp.WaitVisible(chromedp.ID("value")),
		chromedp.SetValue(chromedp.ID("value"), "beaucoup"), chromedp.SetValue(chromedp.ID("as_of"), "2025-14"),
		chromedp.Submit(chromedp.ID("value")), chromedp.WaitVisible(chromedp.ID("err-value")), chromedp.WaitVisible(chromedp.ID("err-as_of")))
	shot("edit-errors.png", false)
	run("edit again", chromedp.SetValue(chromedp.ID("value"), "25,5 milliards"), chromedp.SetValue(chromedp.ID("as_of"), "2025-02"),
		chromedp.Submit(chromedp.ID("value")))
	waitFor("the fact page after the edit", fmt.Sprintf(`location.pathname === %q`, "/facts/"+budget))
	if f, err := st.Fact(budget); err != nil || f.Value != 25.5e9 || f.Status != "edited" {
		t.Errorf("after the edit: %+v (%v)", f, err)
	}

	// Timeline and conflicts.
	for _, id := range []string{low, factID(t, st, "amo", "beneficiaries", 24.3e6)} {
		if _, err := st.Review(id, store.Decision{Action: "accept", By: "browser"}); err != nil {
			t.Fatal(err)
		}
	}
	// Marks in the article take their fact's status colour.
	run("document by status", chromedp.Navigate(ts.URL+"/documents/"+mustFact(t, st, low).Sources[0].DocSHA256), chromedp.WaitVisible(chromedp.CSS("a.fig.st-accepted mark")))
	colours := str(`(() => { const c = s => { const m = document.querySelector('.document .body a.fig.st-' + s + ' mark'); return m ? getComputedStyle(m).backgroundColor : ''; };
		const l = s => getComputedStyle(document.querySelector('.legend mark.l-' + s)).backgroundColor;
		return [c('accepted'), l('accepted'), l('pending')].join('|'); })()`)
	// The document's facts are decided here: the legend shows what a
	// pending one looks like.
	if parts := strings.Split(colours, "|"); len(parts) != 3 || parts[0] == "" || parts[0] != parts[1] || parts[0] == parts[2] {
		t.Errorf("an accepted figure's mark (%q) is not the legend's accepted colour, or is the pending one", colours)
	}
	shot("document-status.png", false)
	run("timeline", chromedp.Navigate(ts.URL+"/timeline?programme=amo&metric=beneficiaries"), chromedp.WaitVisible(chromedp.CSS("svg.tl")))
	if n := str(`String(document.querySelectorAll('svg.tl a.pt').length)`); n != "2" {
		t.Errorf("%s points on the timeline, want 2", n)
	}
	shot("timeline.png", true)
	run("conflicts", chromedp.Navigate(ts.URL+"/conflicts"), chromedp.WaitVisible(chromedp.CSS(".conflict")))
	shot("conflicts.png", true)
	// Keep one value of the first group: it is accepted, the others rejected.
	kept := str(`document.querySelector('.conflict form.keep input[name=keep]').value`)
	others := str(`Array.from(document.querySelector('.conflict').querySelectorAll('form.keep')[0].querySelectorAll('input[name=group]')).map(i => i.value).join(' ')`)
	run("keep this one", chromedp.Click(chromedp.CSS(".conflict form.keep button")))
	waitFor("the conflicts page again", `location.pathname === '/conflicts' && document.readyState === 'complete'`)
	for _, id := range strings.Fields(others) {
		want := "rejected"
		if id == kept {
			want = "accepted"
		}
		deadline := time.Now().Add(10 * time.Second)
		for status(id) != want && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if got := status(id); got != want {
			t.Errorf("after keep %s: %s is %s, want %s", kept, id, got, want)
		}
	}

	stopConsole()
	<-done
	mu.Lock()
	defer mu.Unlock()
	for _, e := range consoleErrs {
		if strings.Contains(e, "status of 422") {
			continue // the edit form answered the invalid values as it should
		}
		t.Errorf("browser console: %s", e)
	}
}

// TestBrowserLogin: with a token, the desk asks for it once, then the
// keyboard works as on loopback (the session cookie and the CSRF token go
// along with the desk's fetch calls).
func TestBrowserLogin(t *testing.T) {
	exe := needBrowser(t)
	const token = "browser-test-token"
	s, st := newTestServer(t, Options{Token: token})
	ts := httptest.NewServer(s)
	defer ts.Close()
	out := outDir(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx, chromedp.Navigate(ts.URL+"/queue")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("token"))); err != nil {
		t.Fatalf("no login form: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "login.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("name"), "Amina"), chromedp.SetValue(chromedp.ID("token"), token),
		chromedp.Submit(chromedp.ID("token")), chromedp.WaitVisible(chromedp.CSS("tr.row.focused"))); err != nil {
		t.Fatalf("login: %v", err)
	}
	// The login's redirect loads the queue: its keys are bound a moment
	// after its rows show.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](deskReady, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the queue's keys after login: %v", err)
	}
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('tr.row.focused').dataset.id`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`!document.querySelector('tr[data-id=%q]')`, first),
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("x after login: %v", err)
	}
	h, err := st.History(first)
	if err != nil || len(h) != 1 || h[0].Action != "reject" || h[0].By != "Amina" {
		t.Errorf("history after x: %+v (%v)", h, err)
	}
}

func mustFact(t *testing.T, st *store.Store, id string) store.Fact {
	t.Helper()
	f, err := st.Fact(id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
