package serve

import "testing"

func TestSafeReturn(t *testing.T) {
	for in, want := range map[string]string{
		"/queue?status=pending&focus=f-1": "/queue?status=pending&focus=f-1",
		"/facts/f-1":                      "/facts/f-1",
		"":                                "/x",
		"//evil.example/":                 "/x",
		"/\\evil.example":                 "/x",
		"https://evil.example/":           "/x",
		"javascript:alert(1)":             "/x",
		"queue":                           "/x",
	} {
		if got := safeReturn(in, "/x"); got != want {
			t.Errorf("safeReturn(%q) = %q, want %q", in, got, want)
		}
	}
}
