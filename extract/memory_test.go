package extract

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/faits/faits/internal/synth"
)

// longArticle joins the bodies of synthetic articles into one text of at
// least n bytes: a long article of distinct paragraphs, one figure in
// every few sentences.
func longArticle(n int) string {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		t := synth.Distinct(3, i).Text
		b.Write(t[bytes.Index(t, []byte("\n\n"))+2:])
		b.WriteByte('\n')
	}
	return b.String()
}

// TestRunMemory: what one extraction holds while it runs, once it has read
// every sentence, stays a small multiple of its text (issue 15: a 20 MB
// file took 1 GB). A sentence's masked form is kept for the sentences
// after it; the byte offset of each of its runes (eight bytes a rune) and
// a rune copy of an ASCII text (four) were most of that and are no longer
// kept.
func TestRunMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a megabyte of text")
	}
	r := mustDefault(t)
	tests := []struct {
		name string
		size int
		// max bytes held per byte of text, the text itself counted
		// out. Measured 10.8 for the 1 MB article; 12.3 while each
		// masked sentence kept a rune copy of its text, 22.1 while it
		// also kept the offset of each rune.
		max float64
	}{
		{"1 MB article", 1 << 20, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := longArticle(tt.size)
			held := func() uint64 {
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				return ms.HeapAlloc
			}
			before := held()
			x := r.newRun(Input{Text: text, Published: "2025-03-14"})
			facts, _ := x.extract()
			after := held()
			runtime.KeepAlive(x)
			if len(facts) < 1000 {
				t.Fatalf("%d facts from %d bytes: the text is not the article meant", len(facts), len(text))
			}
			per := float64(int64(after)-int64(before)) / float64(len(text))
			t.Logf("%d bytes, %d facts: %.1f bytes held per byte of text", len(text), len(facts), per)
			if per > tt.max {
				t.Errorf("an extraction of %d bytes holds %.1f bytes per byte of text, want ≤ %.0f", len(text), per, tt.max)
			}
		})
	}
}
