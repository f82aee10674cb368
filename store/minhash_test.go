package store

import (
	"hash/fnv"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/faits/faits/internal/synth"
)

// shinglesSet is shingles as it was first written (the text lowered, split
// into a list of words, their runs hashed into a set): the signatures and
// counts already in stores were made by it, and must stay what shingles
// gives.
func shinglesSet(text string) map[uint64]struct{} {
	w := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	set := make(map[uint64]struct{}, len(w))
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(w); i++ {
		h.Reset()
		for j, word := range w[i : i+shingleWords] {
			if j > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(word))
		}
		set[h.Sum64()] = struct{}{}
	}
	return set
}

// sameShingles reports how shingles(text) differs from shinglesSet(text),
// or "".
func sameShingles(text string) string {
	got, want := shingles(text), shinglesSet(text)
	if len(got) != len(want) {
		return "count differs"
	}
	for i, h := range got {
		if _, ok := want[h]; !ok {
			return "a hash differs"
		}
		if i > 0 && got[i-1] >= h {
			return "not sorted or not distinct"
		}
	}
	return ""
}

func TestShinglesAsStored(t *testing.T) {
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"three words", "trois mots seulement"},
		{"four words", "Quatre mots, pas plus."},
		{"seed article", seedBody(t, "003_eeea78cfebe039dd.txt")},
		{"reprint", reprint003(t)},
		{"synthetic article", string(synth.Distinct(1, 7).Text)},
		{"capitals and accents", "L'ÉTAT ÉLARGIT l'AMO : İSTANBUL, ΣΟΦΊΑ et Ⅻ ⓐ ont 12,5 % de plus en 2025 — «CNSS» ; n°3"},
		{"repeated runs", strings.Repeat("la même phrase revient encore ", 50)},
		{"digits and apostrophes", "l'aide d'État : 500 DH/mois, 1.200 dirhams, 3e trimestre 2024"},
		{"invalid UTF-8", "un \xff texte \xc3 mal \xe2\x82 encodé mais lu quand même ici"},
		{"no letters", "... ,,, ;;; !!! 123"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := sameShingles(tt.text); d != "" {
				t.Errorf("shingles of %.40q: %s from the set as stored", tt.text, d)
			}
		})
	}
}

// FuzzShingles: on any text, shingles gives the hashes the stored
// signatures were made from.
func FuzzShingles(f *testing.F) {
	f.Add("L'AMO Tadamon couvre 11 millions de personnes à fin 2024.")
	f.Add("un \xff texte \xc3 mal encodé")
	f.Fuzz(func(t *testing.T, text string) {
		if d := sameShingles(text); d != "" {
			t.Fatalf("shingles of %q: %s", text, d)
		}
	})
}

// TestShinglesMemory: signing a long text holds little beside its
// shingles' hashes (issue 15: the lower-case copy, the list of its words
// and the set weighed seven times a 20 MB text).
func TestShinglesMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("megabytes of text")
	}
	text := string(synth.Long(3, 4<<20).Text)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sig := sign(text)
	runtime.ReadMemStats(&after)
	if !sig.ok {
		t.Fatal("a long text not signed")
	}
	// Allocated, garbage included: the hashes (8 bytes a shingle, about a
	// word of 6 bytes) as the slice grows, and small words lowered.
	per := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
	t.Logf("%d bytes, %d shingles: %.1f bytes allocated per byte of text", len(text), sig.n, per)
	if per > 4 {
		t.Errorf("signing %d bytes allocates %.1f bytes per byte of text, want ≤ 4", len(text), per)
	}
}

// BenchmarkSign signs one synthetic article (about 3 KB), as Prepare does
// for each file.
func BenchmarkSign(b *testing.B) {
	text := string(synth.Distinct(1, 7).Text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sign(text)
	}
}
