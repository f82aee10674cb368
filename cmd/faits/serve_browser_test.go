package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/faits/faits/store"
)

// needBrowser returns a browser binary (Debian's chromium first), or ends a
// test that has none: a skip on a machine without Chromium, but a failure
// when FAITS_REQUIRE_BROWSER is set (CI installs Chromium and sets it, so
// that a broken install fails the run instead of passing it untested).
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

// TestBrowserReviewSeeds is the README's promise: `faits serve` on the
// ingested seeds, and an editor reviews every fact with the keyboard only.
// It leaves screenshots of the seed queue and a seed fact page.
func TestBrowserReviewSeeds(t *testing.T) {
	exe := needBrowser(t)
	base := os.Getenv("FAITS_TEST_OUT")
	if base == "" {
		base = filepath.Join(os.TempDir(), "faits-test-out")
	}
	out := filepath.Join(base, "serve-seeds")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", out)

	db := filepath.Join(t.TempDir(), "faits.db")
	if _, stderr, err := run(t, nil, "ingest", "--db", db, filepath.Join("..", "..", "testdata", "seeds")); err != nil {
		t.Fatalf("ingest seeds: %v\n%s", err, stderr)
	}
	url, _, stop := startServe(t, "--db", db, "--editor", "keyboard")

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx, chromedp.Navigate(url+"/queue")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, 3*time.Minute)
	defer cancel()
	shot := func(name string, full bool) {
		t.Helper()
		a := chromedp.CaptureScreenshot()
		if full {
			a = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(ctx, a)
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		p := filepath.Join(out, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	rows := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#list tbody tr.row').length`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("tr.row.focused"))); err != nil {
		t.Fatal(err)
	}
	// desk.js says when its keys are bound; the rows show before that.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.desk === 'ready'`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the desk's keys: %v", err)
	}
	n := rows()
	if n < 20 {
		t.Fatalf("the seed queue shows %d facts", n)
	}
	shot("queue.png", false)
	top, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('tr.row.focused').dataset.id`))
	if err != nil {
		t.Fatal(err)
	}
	for left := n; left > 0; left-- {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("a")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll('#list tbody tr.row').length === %d`, left-1),
			chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("after %d presses of a: %v", n-left+1, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("d-none"))); err != nil {
		t.Fatalf("no 'queue empty' message: %v", err)
	}
	shot("queue-done.png", false)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/facts/"+top), chromedp.WaitVisible(chromedp.CSS("blockquote.quote mark"))); err != nil {
		t.Fatal(err)
	}
	shot("fact.png", true)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/timeline?programme=amo&metric=beneficiaries"), chromedp.WaitVisible(chromedp.CSS("h2"))); err != nil {
		t.Fatal(err)
	}
	shot("timeline-amo.png", true)
	cancelBrowser()
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}

	st, err := store.Open(db, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.Facts(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range all {
		if f.Status != "accepted" {
			t.Errorf("%s is %s after the keyboard review", f.ID, f.Status)
		}
		if h, err := st.History(f.ID); err != nil || len(h) != 1 || h[0].By != "keyboard" {
			t.Errorf("%s history %+v (%v)", f.ID, h, err)
		}
	}
	t.Logf("%d seed facts reviewed with the keyboard", len(all))
}
