package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// isTerminal reports whether w is a character device, so that a progress
// bar is drawn for a person and never written into a log file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := rawWriter(w).(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress draws "files done/total, rate, ETA" on one terminal line.
type progress struct {
	w           io.Writer
	total, done int
	start, last time.Time
	now         func() time.Time
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: rawWriter(w), total: total, now: time.Now}
	p.start = p.now()
	return p
}

// step records n more files; it redraws at most ten times a second.
func (p *progress) step(n int) {
	p.done += n
	if t := p.now(); t.Sub(p.last) >= 100*time.Millisecond || p.done == p.total {
		p.last = t
		fmt.Fprint(p.w, "\r"+p.line()+"\x1b[K")
	}
}

// clear erases the bar so that a message can be printed on a clean line;
// the next step draws it again.
func (p *progress) clear() {
	fmt.Fprint(p.w, "\r\x1b[K")
	p.last = time.Time{}
}

func (p *progress) line() string {
	const width = 24
	filled := width
	if p.total > 0 {
		filled = width * p.done / p.total
	}
	s := fmt.Sprintf("[%s%s] %d/%d files", strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.done, p.total)
	elapsed := p.now().Sub(p.start).Seconds()
	if elapsed <= 0 || p.done == 0 {
		return s
	}
	rate := float64(p.done) / elapsed
	eta := time.Duration(float64(p.total-p.done) / rate * float64(time.Second)).Round(time.Second)
	return s + fmt.Sprintf("  %.1f files/s  ETA %s", rate, eta)
}
