package store

import (
	"encoding/binary"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Near-duplicate detection: MinHash signatures over word shingles, looked
// up through LSH bands (lsh.go). The parameters are part of the file
// format (the signatures are stored): changing them needs a migration.
const (
	shingleWords = 4   // words per shingle
	numHashes    = 128 // signature length
	bandRows     = 4   // rows per LSH band
	numBands     = numHashes / bandRows
	// minShingles: shorter texts share too few shingles for an estimate
	// to mean anything; they are only ever grouped by exact hash.
	minShingles = 8
	// ReprintThreshold is the estimated Jaccard similarity of the two
	// texts' shingle sets at or above which they are reprints. A wire
	// story with other furniture or a few words changed scores 0.8-0.95;
	// two articles on the same news written apart score under 0.1.
	ReprintThreshold = 0.5
)

// signature is a MinHash signature.
type signature [numHashes]uint32

// hashSeeds are fixed, so that signatures agree across runs and machines.
var hashSeeds = func() (s [numHashes]uint64) {
	x := uint64(0x6661697473) // "faits"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

// mix64 is the splitmix64 finaliser: a cheap bijection that spreads bits,
// standing in for a family of independent hash functions.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// 64-bit FNV-1a, as hash/fnv computes it, written out so that a word is
// hashed in lower case without a lower-case copy of it.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// shingles returns the distinct hashes (64-bit FNV-1a) of the text's runs
// of shingleWords words in lower case (words: the runs of letters and
// digits, so that punctuation, apostrophes and line breaks, the usual
// differences between two sites' copies, do not count), joined by a
// space, sorted. The text is read once: each byte of a word, lowered, goes
// into the hashes of the four runs it belongs to at once (four products
// that do not wait on each other, where hashing each run in turn read
// every word four times). The hashes are kept in a list made distinct
// whenever it is full: for a long text, its lower-case copy, the list of
// its words and a set of hashes weighed seven times the text (issue 15).
func shingles(text string) []uint64 {
	var hs []uint64
	// a, b, c, d: the runs that began 3, 2, 1 and 0 words before the
	// current word (a run begun 4 words ago is complete and listed).
	var a, b, c, d uint64
	n := 0 // words begun
	in := false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		var lower []byte
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				buf[0] = byte(r)
				lower = buf[:1]
			case 'A' <= r && r <= 'Z':
				buf[0] = byte(r) + 'a' - 'A'
				lower = buf[:1]
			}
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				lower = utf8.AppendRune(buf[:0], unicode.ToLower(r))
			}
		}
		i += size
		if lower == nil {
			if in {
				in = false
				hs = listShingle(hs, n, a)
			}
			continue
		}
		if !in {
			in = true
			n++
			a = (b ^ ' ') * fnvPrime
			b = (c ^ ' ') * fnvPrime
			c = (d ^ ' ') * fnvPrime
			d = fnvOffset
		}
		for _, x := range lower {
			a = (a ^ uint64(x)) * fnvPrime
			b = (b ^ uint64(x)) * fnvPrime
			c = (c ^ uint64(x)) * fnvPrime
			d = (d ^ uint64(x)) * fnvPrime
		}
	}
	if in {
		hs = listShingle(hs, n, a)
	}
	slices.Sort(hs)
	return slices.Compact(hs)
}

// listShingle appends h, the hash of the run ending with the n-th word,
// when the text has had shingleWords words.
func listShingle(hs []uint64, n int, h uint64) []uint64 {
	if n < shingleWords {
		return hs
	}
	if len(hs) == cap(hs) && len(hs) >= 1024 {
		// A text that repeats itself (a template, a refrain) has far
		// fewer distinct shingles than words.
		slices.Sort(hs)
		hs = slices.Compact(hs)
		if len(hs) > cap(hs)/2 {
			// Sorted again only once as many hashes came.
			hs = slices.Grow(hs, cap(hs))
		}
	}
	return append(hs, h)
}

// minhash returns the text's signature and its number of distinct
// shingles; ok is false for a text too short to compare.
func minhash(text string) (sig signature, n int, ok bool) {
	set := shingles(text)
	n = len(set)
	if n < minShingles {
		return sig, n, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, h := range set {
		for i, seed := range hashSeeds {
			if v := uint32(mix64(h^seed) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig, n, true
}

// signed is minhash's result, computed before the write transaction so
// that concurrent ingests overlap the hashing.
type signed struct {
	sig signature
	n   int
	ok  bool
}

func sign(text string) signed {
	sig, n, ok := minhash(text)
	return signed{sig, n, ok}
}

// similarity estimates the Jaccard similarity of two shingle sets.
func similarity(a, b *signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// shareBand reports whether the two signatures agree on a whole band, the
// condition for the LSH lookup to find one from the other.
func shareBand(a, b *signature) bool {
	for band := 0; band < numBands; band++ {
		lo := band * bandRows
		if [bandRows]uint32(a[lo:lo+bandRows]) == [bandRows]uint32(b[lo:lo+bandRows]) {
			return true
		}
	}
	return false
}

// reprints is the edge of the reprint graph. It asks for a shared band as
// well as the similarity so that grouping a document as it arrives (via
// the band lookup) and regrouping after a removal (pairwise) draw the same
// graph, whatever the ingest order.
func reprints(a, b *signature) bool {
	return shareBand(a, b) && similarity(a, b) >= ReprintThreshold
}

// bandHash is the hash of one band of a signature.
func bandHash(sig *signature, band int) uint64 {
	h := uint64(band)
	for _, v := range sig[band*bandRows : (band+1)*bandRows] {
		h = mix64(h ^ uint64(v))
	}
	return h
}

// encodeSig stores the shingle count and the signature.
func encodeSig(sig *signature, n int) []byte {
	b := make([]byte, 0, 4+4*numHashes)
	b = binary.BigEndian.AppendUint32(b, uint32(n))
	for _, v := range sig {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}

func decodeSig(b []byte) (*signature, int, error) {
	if len(b) != 4+4*numHashes {
		return nil, 0, fmt.Errorf("signature of %d bytes", len(b))
	}
	var sig signature
	n := int(binary.BigEndian.Uint32(b))
	for i := range sig {
		sig[i] = binary.BigEndian.Uint32(b[4+4*i:])
	}
	return &sig, n, nil
}
