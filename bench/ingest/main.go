// Command ingest measures `faits ingest` on a corpus of distinct synthetic
// articles (internal/synth, the same corpus on every machine):
//
//	cd bench && go run ./ingest [-n 20000] [-workers 2] [-faits BIN] [-old BIN] [-dir DIR]
//
// It writes the corpus (once: an existing -dir is reused), runs each binary's
// `ingest --workers W` into a fresh store, and prints articles/s, MB/s of
// article text, CPU seconds and peak RSS of the ingest process. With -old,
// both binaries run side by side in one run (old, new, alternately,
// -passes times), so that the ratio holds on a shared machine.
//
// The per-stage CPU share is measured in this process, one stage at a time
// over the whole corpus on one goroutine: corpus (read and parse a file),
// normalize (figures and dates), extract (the rules, less normalize), and
// store (the rest of the new binary's ingest CPU: the writer, hashing,
// scheduling).
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/internal/synth"
	"github.com/faits/faits/normalize"
)

func main() {
	n := flag.Int("n", 20000, "articles in the corpus")
	workers := flag.Int("workers", 2, "ingest --workers")
	bin := flag.String("faits", "", "faits binary to measure (default: built from ../cmd/faits)")
	old := flag.String("old", "", "an older faits binary to run side by side")
	dir := flag.String("dir", "", "corpus folder (default: a folder under the temp dir named by -n)")
	passes := flag.Int("passes", 1, "runs of each binary (the best is reported)")
	flag.Parse()
	if err := run(*n, *workers, *bin, *old, *dir, *passes); err != nil {
		fmt.Fprintln(os.Stderr, "bench ingest:", err)
		os.Exit(1)
	}
}

type result struct {
	wall    time.Duration
	cpu     time.Duration
	maxRSS  int64 // bytes
	exports int
}

func run(n, workers int, bin, old, dir string, passes int) error {
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("faits-bench-distinct-%d", n))
	}
	size, err := corpusAt(dir, n)
	if err != nil {
		return err
	}
	if bin == "" {
		bin = filepath.Join(os.TempDir(), "faits-bench-bin")
		cmd := exec.Command("go", "build", "-o", bin, "../cmd/faits")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("build faits: %w", err)
		}
	}
	fmt.Printf("corpus: %d distinct articles, %.1f MB of files, in %s\n", n, float64(size)/1e6, dir)
	bins := [][2]string{{"faits", bin}}
	if old != "" {
		bins = [][2]string{{"old", old}, {"new", bin}}
	}
	best := map[string]result{}
	for p := 0; p < passes; p++ {
		for _, b := range bins {
			r, err := ingest(b[1], dir, workers)
			if err != nil {
				return fmt.Errorf("%s: %w", b[0], err)
			}
			if cur, ok := best[b[0]]; !ok || r.wall < cur.wall {
				best[b[0]] = r
			}
		}
	}
	fmt.Printf("\n| binary | articles/s | MB/s | wall s | CPU s | peak RSS MB |\n|---|---:|---:|---:|---:|---:|\n")
	for _, b := range bins {
		r := best[b[0]]
		fmt.Printf("| %s | %.0f | %.2f | %.1f | %.1f | %.0f |\n", b[0], float64(n)/r.wall.Seconds(),
			float64(size)/1e6/r.wall.Seconds(), r.wall.Seconds(), r.cpu.Seconds(), float64(r.maxRSS)/1e6)
	}
	if old != "" {
		fmt.Printf("\nnew/old: %.2f× articles/s, %.2f× less CPU\n", best["old"].wall.Seconds()/best["new"].wall.Seconds(),
			best["old"].cpu.Seconds()/best["new"].cpu.Seconds())
	}
	last := best[bins[len(bins)-1][0]]
	return stages(dir, last.cpu)
}

// corpusAt writes the corpus into dir unless it is there, and returns the
// size of its files.
func corpusAt(dir string, n int) (int64, error) {
	var size int64
	count := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			if info, err := d.Info(); err == nil {
				size += info.Size()
				count++
			}
		}
		return nil
	})
	if count == n {
		return size, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return 0, err
	}
	return synth.Write(dir, 0, n, func(i int) synth.Article { return synth.Distinct(1, i) })
}

// ingest runs one binary's ingest into a fresh store and measures it.
func ingest(bin, dir string, workers int) (result, error) {
	tmp, err := os.MkdirTemp("", "faits-bench-db")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(tmp)
	db := filepath.Join(tmp, "b.db")
	cmd := exec.Command(bin, "ingest", "--db", db, "--workers", fmt.Sprint(workers), dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return result{}, fmt.Errorf("ingest: %w\n%s", err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return result{wall: wall, cpu: cpu, maxRSS: ru.Maxrss * 1024}, nil
}

// stages runs each stage alone over the corpus and prints its share of
// the ingest's CPU.
func stages(dir string, ingestCPU time.Duration) error {
	var paths []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return nil
	})
	rules, err := extract.Default()
	if err != nil {
		return err
	}
	var docs []*corpus.Document
	t0 := cpuNow()
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		d, err := corpus.Parse(p, raw)
		if err != nil {
			return err
		}
		docs = append(docs, d)
	}
	t1 := cpuNow()
	var text int64
	for _, d := range docs {
		normalize.Scan(d.Body, nil)
		text += int64(len(d.Body))
	}
	t2 := cpuNow()
	for _, d := range docs {
		rules.Extract(extract.Input{Text: d.Body, Published: d.Published, Title: d.Title})
	}
	t3 := cpuNow()
	parse, norm, ext := t1-t0, t2-t1, (t3-t2)-(t2-t1)
	storeCPU := max(ingestCPU-parse-norm-ext, 0)
	total := parse + norm + ext + storeCPU
	share := func(d time.Duration) string { return fmt.Sprintf("%.0f %%", 100*d.Seconds()/total.Seconds()) }
	fmt.Printf("\nper-stage CPU (each stage alone, one goroutine; store = the rest of the ingest's CPU):\n\n")
	fmt.Printf("| stage | CPU s | share |\n|---|---:|---:|\n")
	fmt.Printf("| corpus | %.1f | %s |\n| normalize | %.1f | %s |\n| extract | %.1f | %s |\n| store and the rest | %.1f | %s |\n",
		parse.Seconds(), share(parse), norm.Seconds(), share(norm), ext.Seconds(), share(ext), storeCPU.Seconds(), share(storeCPU))
	fmt.Printf("\nExtract (normalize included) alone: %.2f MB/s of clean text on one core (%.1f MB)\n", float64(text)/1e6/(t3-t2).Seconds(), float64(text)/1e6)
	return nil
}

// cpuNow is this process's CPU time so far.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
