package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser is a headless Chromium on one page, for the desk's browser tests
// after TestBrowserDesk: the same steps, as methods.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	out  string

	mu   sync.Mutex
	errs []string
	stop func()
	done chan struct{}
}

// newBrowser starts Chromium on base+path (skipping the test without one,
// see needBrowser); it is stopped when the test ends, and console errors
// seen by then fail the test unless allowed contains part of them.
func newBrowser(t *testing.T, base, path string, allowed ...string) *browser {
	t.Helper()
	exe := needBrowser(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	b := &browser{t: t, base: base, out: outDir(t), done: make(chan struct{})}
	cctx, stopConsole := context.WithCancel(bctx)
	msgs := chromedp.Console(cctx)
	go func() {
		defer close(b.done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.mu.Lock()
				b.errs = append(b.errs, m.Text)
				b.mu.Unlock()
			}
		}
	}()
	// The first call starts the browser and must not carry a timeout.
	if err := chromedp.Do(bctx, chromedp.Navigate(base+path)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// The deadline only stops a hung browser (a loaded 2-core machine).
	ctx, cancel := context.WithTimeout(bctx, 3*time.Minute)
	b.ctx = ctx
	b.stop = func() {
		stopConsole()
		<-b.done
		cancel()
		cancelBrowser()
		cancelAlloc()
	}
	t.Cleanup(func() {
		b.stop()
		b.mu.Lock()
		defer b.mu.Unlock()
	next:
		for _, e := range b.errs {
			for _, a := range allowed {
				if strings.Contains(e, a) {
					continue next
				}
			}
			t.Errorf("browser console: %s", e)
		}
	})
	return b
}

func (b *browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b *browser) str(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls expr until it is true, across navigations.
func (b *browser) waitFor(what, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waiting for %s (%s): %v", what, expr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// open loads base+path and waits for the desk's script to be ready.
func (b *browser) open(path string) {
	b.t.Helper()
	b.run("open "+path, chromedp.Navigate(b.base+path))
	b.waitFor("the desk on "+path, deskReady)
}

func (b *browser) shot(name string) {
	b.t.Helper()
	// A page still laying out has no size to capture.
	b.waitFor("a laid-out page for "+name, `document.readyState === 'complete' && document.documentElement.scrollWidth > 0`)
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(b.out, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", p)
}
