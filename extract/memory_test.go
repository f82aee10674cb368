package extract

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/faits/faits/internal/synth"
)

// longArticle is one text of at least n bytes of distinct paragraphs, one
// figure in every few sentences (synth.Long without its header).
func longArticle(n int) string {
	t := string(synth.Long(3, n).Text)
	return t[strings.Index(t, "\n\n")+2:]
}

// heldBytes is the heap in use once the garbage is collected.
func heldBytes() uint64 {
	var ms runtime.MemStats
	// Twice: the first collection moves what sync.Pools hold (regexp2's
	// runners among them) to their victim caches, still counted; the
	// second frees them, so that what a pool happened to keep does not
	// swing the figure by a megabyte.
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestRunMemory: what one extraction holds while it runs, once it has read
// every sentence, stays a small multiple of its text (issue 15: a 20 MB
// file took 1 GB). Each sentence keeps what the sentences after it read
// (its programme names, kept figures, the as_of of its last fact); its
// masked form, with a rune copy per figure and its cue matches, is held
// for the last maxHeld sentences only.
func TestRunMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("megabytes of text")
	}
	r := mustDefault(t)
	// The model's index and the patterns' pools are made on first use,
	// once for every text: made before measuring.
	r.Extract(Input{Text: longArticle(64 << 10), Published: "2025-03-14"})
	tests := []struct {
		name string
		size int
		// max bytes held per byte of text, the text itself counted out.
		// Measured 4.2 and 3.5 (what a run holds for any text weighs
		// more in the shorter); 4.7 and 4.0 while every sentence had its
		// slice of expressions, its slot for an as_of and one for its
		// descriptions; 9.6 and 8.9 while every masked sentence was held,
		// and 10.8 for 1 MB before that, while each also kept a rune copy
		// of its text and the offset of every rune. On 2026-12-07 (go
		// 1.26) 4.98 and 3.92, and 5.01 with the same code once the model
		// was retrained: the weights decide which readings keep a why, so
		// the bound, meant for twofold regressions, leaves them room.
		// On 2026-12-08, once heldBytes emptied the pools' victim caches
		// (the figures had swung between 4.5 and 5.6 from one run to
		// the next): 3.7 and 3.6.
		max float64
	}{
		{"1 MB article", 1 << 20, 5.5},
		{"4 MB article", 4 << 20, 4.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := longArticle(tt.size)
			before := heldBytes()
			x := r.newRun(Input{Text: text, Published: "2025-03-14"})
			facts, _ := x.extract()
			after := heldBytes()
			runtime.KeepAlive(x)
			if len(facts) < tt.size/500 {
				t.Fatalf("%d facts from %d bytes: the text is not the article meant", len(facts), len(text))
			}
			held := 0
			for _, m := range x.masks {
				if m != nil {
					held++
				}
			}
			if held > maxHeld {
				t.Errorf("%d masked sentences held, want ≤ %d", held, maxHeld)
			}
			per := float64(int64(after)-int64(before)) / float64(len(text))
			t.Logf("%d bytes, %d facts: %.1f bytes held per byte of text", len(text), len(facts), per)
			if per > tt.max {
				t.Errorf("an extraction of %d bytes holds %.1f bytes per byte of text, want ≤ %.1f", len(text), per, tt.max)
			}
		})
	}
}

// BenchmarkLongArticle extracts one long article of distinct paragraphs
// (issue 15): its speed, its allocations, and what the run holds once it
// has read every sentence (held-B/B, bytes per byte of text).
func BenchmarkLongArticle(b *testing.B) {
	r := mustDefault(b)
	r.Extract(Input{Text: longArticle(64 << 10), Published: "2025-03-14"})
	for _, size := range []int{1 << 20, 4 << 20} {
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			text := longArticle(size)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var per float64
			for b.Loop() {
				before := heldBytes()
				x := r.newRun(Input{Text: text, Published: "2025-03-14"})
				x.extract()
				b.StopTimer()
				per = float64(int64(heldBytes())-int64(before)) / float64(len(text))
				runtime.KeepAlive(x)
				b.StartTimer()
			}
			b.ReportMetric(per, "held-B/B")
		})
	}
}
