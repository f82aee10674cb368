// Command boilerplate scores faits's corpus extractor beside go-trafilatura
// and go-readability on ../shared/boilerplate-eval, exactly as that
// folder's README says, and writes the comparison table.
//
//	cd bench && go run ./boilerplate -shared ../../shared/boilerplate-eval -out boilerplate/RESULTS.md
//
// It runs on one core (GOMAXPROCS=1) so that the speeds compare with the
// README's single-core column.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/go-shiori/dom"
	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// truth is one line of truth.jsonl.
type truth struct {
	Page    string   `json:"page"`
	Lang    string   `json:"lang"`
	URL     string   `json:"url"`
	Origin  string   `json:"origin"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	Body    string   `json:"body"`
	Title   *string  `json:"title"`
	Author  *string  `json:"author"`
	Date    *string  `json:"date"`
}

// output is what an extractor returned for one page.
type output struct {
	body, title, author, date string
}

type extractor struct {
	name string
	run  func(raw []byte, u *url.URL, name string) output
}

func main() {
	shared := flag.String("shared", "../../shared/boilerplate-eval", "boilerplate-eval folder")
	out := flag.String("out", "boilerplate/RESULTS.md", "file the markdown table is written to")
	passes := flag.Int("passes", 5, "timed passes per extractor (the median is reported)")
	only := flag.String("only", "", "run only the extractor whose name contains this (e.g. faits)")
	report := flag.String("report", "", "write per-page faits scores and misses to this file")
	show := flag.String("show", "", "print faits's document for this page of the set and exit")
	flag.Parse()
	if *show != "" {
		raw, err := os.ReadFile(filepath.Join(*shared, "pages", *show))
		if err == nil {
			var d *corpus.Document
			if d, err = corpus.Parse(*show, raw); err == nil {
				fmt.Printf("title %q\nsite %q\nauthor %q\npublished %q (%s)\n\n%s\n", d.Title, d.Site, d.Author, d.Published, d.PublishedFrom, d.Body)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "boilerplate:", err)
			os.Exit(1)
		}
		return
	}
	runtime.GOMAXPROCS(1)
	if err := run(*shared, *out, *passes, *only, *report); err != nil {
		fmt.Fprintln(os.Stderr, "boilerplate:", err)
		os.Exit(1)
	}
}

type page struct {
	t   truth
	raw []byte
	u   *url.URL
}

func load(shared string) ([]page, int64, error) {
	f, err := os.Open(filepath.Join(shared, "truth.jsonl"))
	if err != nil {
		return nil, 0, fmt.Errorf("open truth: %w", err)
	}
	defer f.Close()
	var pages []page
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var t truth
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, 0, fmt.Errorf("truth line: %w", err)
		}
		raw, err := os.ReadFile(filepath.Join(shared, "pages", t.Page))
		if err != nil {
			return nil, 0, fmt.Errorf("read page: %w", err)
		}
		p := page{t: t, raw: raw}
		if t.URL != "" {
			if u, err := url.Parse(t.URL); err == nil {
				p.u = u
			}
		}
		size += int64(len(raw))
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("read truth: %w", err)
	}
	return pages, size, nil
}

func extractors() []extractor {
	return []extractor{
		{"faits (corpus)", func(raw []byte, _ *url.URL, name string) output {
			d, err := corpus.Parse(name, raw)
			if err != nil {
				return output{}
			}
			return output{d.Body, d.Title, d.Author, d.Published}
		}},
		{"go-trafilatura", func(raw []byte, u *url.URL, _ string) output {
			doc, err := dom.Parse(bytes.NewReader(raw))
			if err != nil {
				return output{}
			}
			r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
				ExcludeComments: true, ExcludeTables: false, Focus: trafilatura.Balanced, OriginalURL: u,
			})
			if err != nil || r == nil {
				return output{}
			}
			o := output{body: r.ContentText, title: r.Metadata.Title, author: r.Metadata.Author}
			if !r.Metadata.Date.IsZero() {
				o.date = r.Metadata.Date.Format("2006-01-02")
			}
			return o
		}},
		{"go-readability", func(raw []byte, u *url.URL, _ string) output {
			doc, err := dom.Parse(bytes.NewReader(raw))
			if err != nil {
				return output{}
			}
			a, err := readability.FromDocument(doc, u)
			if err != nil {
				return output{}
			}
			o := output{body: a.TextContent, title: a.Title, author: a.Byline}
			if a.PublishedTime != nil {
				o.date = a.PublishedTime.Format("2006-01-02")
			}
			return o
		}},
	}
}

// result is one extractor's scores.
type result struct {
	name                        string
	all, fr                     counts
	tokF1, shP, shR             float64
	nBody                       int
	dateAll, dateFr             int
	authAll, authFr             int
	titleAll                    int
	pagesPerSec, mbPerSec       float64 // wall clock
	cpuPagesPerSec, cpuMBPerSec float64 // process CPU time
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// cpuTime is the CPU time (user + system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func run(shared, out string, passes int, only, report string) error {
	pages, size, err := load(shared)
	if err != nil {
		return err
	}
	// The extractors' loggers would otherwise time their own output.
	var rs []result
	var rep strings.Builder
	var faitsOuts, otherOuts []output
	var exs []extractor
	for _, ex := range extractors() {
		if only == "" || strings.Contains(ex.name, only) {
			exs = append(exs, ex)
		}
	}
	// Passes are interleaved (each pass runs every extractor in turn) so
	// that load from other processes on a shared machine falls on all of
	// them alike; CPU time is measured beside wall time for the same reason.
	outs := make([][]output, len(exs))
	walls := make([][]time.Duration, len(exs))
	cpus := make([][]time.Duration, len(exs))
	for i := range exs {
		outs[i] = make([]output, len(pages))
	}
	for pass := 0; pass < max(1, passes); pass++ {
		for i, ex := range exs {
			runtime.GC()
			cpu0 := cpuTime()
			start := time.Now()
			for j, p := range pages {
				o := ex.run(p.raw, p.u, p.t.Page)
				if pass == 0 {
					outs[i][j] = o
				}
			}
			walls[i] = append(walls[i], time.Since(start))
			cpus[i] = append(cpus[i], cpuTime()-cpu0)
		}
	}
	for i, ex := range exs {
		wall, cpu := median(walls[i]).Seconds(), median(cpus[i]).Seconds()
		r := score(ex.name, pages, outs[i])
		r.pagesPerSec = float64(len(pages)) / wall
		r.mbPerSec = float64(size) / 1e6 / wall
		r.cpuPagesPerSec = float64(len(pages)) / cpu
		r.cpuMBPerSec = float64(size) / 1e6 / cpu
		rs = append(rs, r)
		fmt.Fprintf(os.Stderr, "%s: %.2fs wall, %.2fs CPU (medians of %d passes)\n", ex.name, wall, cpu, len(walls[i]))
		if strings.HasPrefix(ex.name, "faits") {
			faitsOuts = outs[i]
		} else if otherOuts == nil {
			otherOuts = outs[i]
		}
	}
	if report != "" && faitsOuts != nil {
		writeReport(&rep, pages, faitsOuts, otherOuts)
	}
	table := render(rs, len(pages), size, passes)
	fmt.Print(table)
	if report != "" {
		if err := os.WriteFile(report, []byte(rep.String()), 0o644); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	if out != "" {
		if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
			return fmt.Errorf("write table: %w", err)
		}
	}
	return nil
}

func render(rs []result, n int, size int64, passes int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Boilerplate removal on shared/boilerplate-eval (%d pages, %.1f MB)\n\n", n, float64(size)/1e6)
	fmt.Fprintf(&b, "Scored as the set's README says; one process, GOMAXPROCS=1, %s/%s, %s; speeds are the median of %d interleaved passes over all pages and include charset decoding and HTML parsing; \"wall\" is elapsed time, \"CPU\" the process's user+system time (the fairer figure when other processes share the machine).\n\n", runtime.GOOS, runtime.GOARCH, runtime.Version(), passes)
	fmt.Fprintln(&b, "| extractor | snippets F1 all (P/R) | acc | snippets F1 fr (P/R) | body tok-F1 (n) | shingle F1 (P/R) | date ok all / fr | author all / fr | title all | pages/s 1 core (wall) | MB/s 1 core (wall) | pages/s (CPU) | MB/s (CPU) |")
	fmt.Fprintln(&b, "|---|---|---:|---|---|---|---|---|---|---:|---:|---:|---:|")
	for _, r := range rs {
		shF1 := 0.0
		if r.shP+r.shR > 0 {
			shF1 = 2 * r.shP * r.shR / (r.shP + r.shR)
		}
		fmt.Fprintf(&b, "| %s | %.3f (%.3f/%.3f) | %.3f | %.3f (%.3f/%.3f) | %.3f (%d) | %.3f (%.3f/%.3f) | %d/%d · %d/%d | %d/%d · %d/%d | %d/%d | %.0f | %.1f | %.0f | %.1f |\n",
			r.name, r.all.f1(), r.all.p(), r.all.r(), r.all.acc(), r.fr.f1(), r.fr.p(), r.fr.r(),
			r.tokF1, r.nBody, shF1, r.shP, r.shR,
			r.dateAll, metaTotal.date, r.dateFr, metaTotal.dateFr,
			r.authAll, metaTotal.author, r.authFr, metaTotal.authorFr,
			r.titleAll, metaTotal.title, r.pagesPerSec, r.mbPerSec, r.cpuPagesPerSec, r.cpuMBPerSec)
	}
	return b.String()
}
