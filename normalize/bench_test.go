package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkScan measures throughput on the seed articles, in MB/s of text.
func BenchmarkScan(b *testing.B) {
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var sb strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatalf("read %s: %v", p, err)
		}
		sb.Write(data)
		sb.WriteByte('\n')
	}
	text := sb.String()
	opts := &Options{Ref: testRef}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Scan(text, opts)
	}
}
