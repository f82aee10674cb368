package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func loadFiles(b *testing.B, pattern string) (names []string, raws [][]byte, size int64) {
	b.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil {
		b.Fatal(err)
	}
	if len(paths) == 0 {
		b.Skipf("no files match %s", pattern)
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, filepath.Base(p))
		raws = append(raws, raw)
		size += int64(len(raw))
	}
	return names, raws, size
}

// BenchmarkParseText measures the text-dump stripper on the seeds.
func BenchmarkParseText(b *testing.B) {
	names, raws, size := loadFiles(b, filepath.Join(seedDir, "*.txt"))
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for i, raw := range raws {
			if _, err := Parse(names[i], raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseHTML measures decoding, parsing and extraction on the
// shared evaluation pages (skipped when ../shared is not beside the repo).
func BenchmarkParseHTML(b *testing.B) {
	names, raws, size := loadFiles(b, "../../shared/boilerplate-eval/pages/*.html")
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for i, raw := range raws {
			if _, err := Parse(names[i], raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}
