package serve

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkQueue renders the queue page of the test store; bytes are the
// page's.
func BenchmarkQueue(b *testing.B) {
	s, _ := newTestServer(b, Options{})
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/queue?status=all", nil))
	b.SetBytes(int64(w.Body.Len()))
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/queue?status=all", nil))
	}
}

// BenchmarkDocSegments marks 200 figures in a 100 KB article.
func BenchmarkDocSegments(b *testing.B) {
	para := "Le nombre de bénéficiaires a atteint 24,3 millions de personnes à fin 2024, selon le ministère. "
	body := strings.Repeat(para, 1000)
	var marks []docMark
	for i := 0; i < 200; i++ {
		at := i*5*len(para) + strings.Index(para, "24,3")
		marks = append(marks, docMark{Start: at, End: at + len("24,3 millions"), Fact: fmt.Sprint("f-", i)})
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		docSegments(body, append([]docMark(nil), marks...), "f-3")
	}
}
