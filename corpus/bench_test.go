package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/faits/faits/internal/synth"
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

// BenchmarkParseSynthetic measures the text-dump stripper on 100 synthetic
// articles (internal/synth, 2.9 KB each), the corpus of the ingest
// benchmark (bench/ingest).
func BenchmarkParseSynthetic(b *testing.B) {
	var arts []synth.Article
	var size int64
	for i := range 100 {
		a := synth.Distinct(1, i)
		arts = append(arts, a)
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			if _, err := Parse(a.Name, a.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
}
