package normalize

import (
	"math"
	"runtime"
	"strings"
	"testing"
)

// TestLongDigits covers figures with more digits than a uint64 holds,
// which used to index the digit buffer out of bounds when the fraction
// began with a zero (issue 15: "0,020000000000000000000" panicked).
func TestLongDigits(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"0,020000000000000000000", 0.02},
		{"-0,020000000000000000000", -0.02},
		{"0,000000000000000000000000001", 1e-27},
		{"0,12345678901234567890123", 0.12345678901234568},
		{"123456789012345678901234", 1.2345678901234568e23},
		{"1234567890123456789012,5", 1.2345678901234568e21},
		{"9999999999999999999999999", 1e25},
		{"0,0200000000000000000000 %", 0.02},
		{"0," + strings.Repeat("0", 400) + "1", 0},
		{"0," + strings.Repeat("9", 1000), 1},
	} {
		got, err := ParseValue(c.in)
		if err != nil || !nearlyEqual(got, c.want) {
			t.Errorf("ParseValue(%.40q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		exprs := Scan("un taux de "+c.in+" cette année", &Options{Ref: testRef})
		if len(exprs) == 0 || exprs[0].Kind == Date || !nearlyEqual(math.Abs(exprs[0].Value), math.Abs(c.want)) {
			t.Errorf("Scan(%.40q) = %.200s; want the figure %v", c.in, show(exprs), c.want)
		}
	}
	// Too large for a float64: refused, not a panic nor an infinite value.
	for _, bad := range []string{"1" + strings.Repeat("0", 400), strings.Repeat("9", 400) + ",5"} {
		if v, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%.20q…) = %v, want an error", bad, v)
		}
	}
}

// denseInputs are the shapes of a scraper's garbage that are nothing but
// numbers and marks, each repeated to the size asked.
var denseInputs = []string{"1.", "1,", "1 . ", "0,0", "1^", "-1", "de 1 à ", "1 ", "1/",
	"en octobre 2024, un an plus tard, ", "en octobre 2024. L'année précédente, "}

// TestDenseInputLinear feeds megabyte-sized generated inputs (issue 15:
// "1.1.1.…" took 15 s and 0.4 GB) and checks what can fail without a
// clock: the bytes allocated stay a small multiple of the input and grow
// in proportion to it (slices doubled, not grown by a quarter); and the
// paragraph of an anchored date is searched once, not once per date.
func TestDenseInputLinear(t *testing.T) {
	if got := Scan(strings.Repeat("1.", 1<<19), nil); len(got) != 0 {
		t.Errorf("a megabyte of \"1.1.1…\" gave %d expressions, want none (an identifier)", len(got))
	}
	for _, s := range []string{"1.2.3.4.5", "la norme 10.20.30.40.50"} {
		if got := Scan(s, nil); len(got) != 0 {
			t.Errorf("Scan(%q) = %s, want nothing (an identifier)", s, show(got))
		}
	}
	// Thousands groups are a figure however many there are.
	if got := Scan("1.200.000.000.000 dirhams", nil); len(got) != 1 || got[0].Value != 1.2e12 {
		t.Errorf("Scan(\"1.200.000.000.000 dirhams\") = %s, want 1.2e12 dirhams", show(got))
	}
	for _, p := range denseInputs {
		small := allocated(strings.Repeat(p, (1<<14)/len(p)))
		big := allocated(strings.Repeat(p, (1<<17)/len(p)))
		// At most one token (20 bytes) a byte and one expression (144
		// bytes) per two bytes here: 92 bytes per input byte, and at
		// most as much again for the doubling growth and the copy out.
		if per := float64(big) / (1 << 17); per > 260 {
			t.Errorf("%q × 128 kB: %.0f bytes allocated per input byte, want ≤ 260", p, per)
		}
		if ratio := float64(big) / float64(small); ratio > 8*1.5 {
			t.Errorf("%q: 8× the input allocates %.1f× the bytes, want about 8×", p, ratio)
		}
	}
	text := strings.Repeat("En octobre 2024, 3 millions. L'année précédente, 2 millions. ", 1<<14)
	s := scanner{text: text, ref: testRef}
	s.toks = lex(text, nil)
	s.run()
	if s.searched > len(text) {
		t.Errorf("one paragraph of %d bytes: paragraphStart went through %d bytes, want at most the text once", len(text), s.searched)
	}
	if len(s.out) != 4<<14 {
		t.Errorf("got %d expressions, want %d", len(s.out), 4<<14)
	}
}

// allocated returns the bytes Scan allocates on text.
func allocated(text string) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	Scan(text, &Options{Ref: testRef})
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// BenchmarkScanDense measures Scan on a megabyte of each dense input.
func BenchmarkScanDense(b *testing.B) {
	for _, p := range denseInputs {
		text := strings.Repeat(p, (1<<20)/len(p))
		b.Run(strings.TrimSpace(p), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Scan(text, &Options{Ref: testRef})
			}
		})
	}
}
