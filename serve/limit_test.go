package serve

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestCheckToken(t *testing.T) {
	for _, tc := range []struct {
		tok  string
		weak bool
	}{
		{"a", true},
		{"tok-123", true},
		{strings.Repeat("f", 31), true},               // 124 bits of hex
		{strings.Repeat("f", 32), false},              // openssl rand -hex 16
		{"0123456789ABCDEF0123456789ABCDEF", false},   // upper-case hex
		{"3q2-7wEAAAA_3q2-7wEAAA", false},             // 16 bytes in base64url: 22 × 6 bits
		{"12345678901234567890123456789012345", true}, // 35 digits: 116 bits
		{"123456789012345678901234567890123456789", false},
	} {
		err := CheckToken(tc.tok)
		if (err != nil) != tc.weak {
			t.Errorf("CheckToken(%q) = %v, want weak=%v", tc.tok, err, tc.weak)
		}
		if err != nil && !strings.Contains(err.Error(), "openssl rand -hex 16") {
			t.Errorf("CheckToken(%q) = %v: does not say how to make a token", tc.tok, err)
		}
	}
}

// TestFailedLoginsLimited: from one address, maxFailures wrong tokens (desk
// login or bearer) are answered 401; then every attempt, even with the right
// token, gets 429 with Retry-After until the window ends; another address is
// not held back; a success clears the count. The clock is the test's.
func TestFailedLoginsLimited(t *testing.T) {
	const token = "0123456789abcdef0123456789abcdef"
	now := time.Date(2025, 2, 17, 9, 0, 0, 0, time.UTC)
	s, _ := newTestServer(t, Options{Token: token, Clock: func() time.Time { return now }})
	login := func(addr, tok string) *http.Response {
		form := url.Values{"token": {tok}, "return": {"/queue"}}
		r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8080/login", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.RemoteAddr = addr
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w.Result()
	}
	bearer := func(addr, tok string) *http.Response {
		r := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8080/api/v1/facts", nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		r.RemoteAddr = addr
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w.Result()
	}
	const a, b = "198.51.100.7:5000", "198.51.100.8:5000"
	for i := range maxFailures {
		try := login
		if i%2 == 1 {
			try = bearer // both kinds count together
		}
		if res := try(a, "guess"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d, want 401", i+1, res.StatusCode)
		}
	}
	for _, try := range []func(string, string) *http.Response{login, bearer} {
		res := try("198.51.100.7:6000", token) // another port, same client
		if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "600" {
			t.Errorf("after %d failures the right token got %d (Retry-After %q), want 429 and 600",
				maxFailures, res.StatusCode, res.Header.Get("Retry-After"))
		}
	}
	if res := bearer(b, token); res.StatusCode != http.StatusOK {
		t.Errorf("another address: %d, want 200", res.StatusCode)
	}
	now = now.Add(failureWindow - time.Second)
	if res := login(a, token); res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "1" {
		t.Errorf("a second before the window ends: %d (Retry-After %q)", res.StatusCode, res.Header.Get("Retry-After"))
	}
	now = now.Add(time.Second)
	if res := login(a, token); res.StatusCode != http.StatusSeeOther {
		t.Errorf("after the window: %d, want 303 (logged in)", res.StatusCode)
	}
	// A success forgets earlier failures.
	for range maxFailures - 1 {
		bearer(a, "guess")
	}
	bearer(a, token)
	if res := bearer(a, "guess"); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("after a success the count starts again: %d, want 401", res.StatusCode)
	}
}

// TestReadTokenThroughLockOut: the read-only commands of this machine
// (the read token, from loopback) still read while the loopback address is
// locked out by wrong logins; the read token from elsewhere, the full token
// and a wrong one are still held back, and it reads only.
func TestReadTokenThroughLockOut(t *testing.T) {
	const token, read = "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"
	s, _ := newTestServer(t, Options{Token: token, ReadToken: read})
	req := func(method, addr, tok string) int {
		r := httptest.NewRequest(method, "http://127.0.0.1:8080/api/v1/facts", strings.NewReader("{}"))
		r.Header.Set("Authorization", "Bearer "+tok)
		r.Header.Set("Content-Type", "application/json")
		r.RemoteAddr = addr
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w.Result().StatusCode
	}
	const local, remote = "127.0.0.1:4000", "198.51.100.7:5000"
	for range maxFailures {
		req(http.MethodGet, local, "guess")
		req(http.MethodGet, remote, "guess")
	}
	for _, tc := range []struct {
		method, addr, tok string
		want              int
	}{
		{http.MethodGet, local, read, http.StatusOK},
		{http.MethodGet, "[::1]:4001", read, http.StatusOK},
		{http.MethodGet, remote, read, http.StatusTooManyRequests},
		{http.MethodGet, local, token, http.StatusTooManyRequests},
		{http.MethodGet, local, "guess", http.StatusTooManyRequests},
		{http.MethodPost, local, read, http.StatusTooManyRequests},
	} {
		if got := req(tc.method, tc.addr, tc.tok); got != tc.want {
			t.Errorf("%s from %s with %.5s…: %d, want %d", tc.method, tc.addr, tc.tok, got, tc.want)
		}
	}
}

func TestLimiterBounded(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(func() time.Time { return now })
	for i := range 3 * maxClients {
		now = now.Add(time.Millisecond)
		l.failed(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + time.Duration(i).String())
	}
	if n := len(l.fails); n > maxClients {
		t.Errorf("%d clients kept, want at most %d", n, maxClients)
	}
}
