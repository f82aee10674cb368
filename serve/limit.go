package serve

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// MinTokenBits is the strength CheckToken asks of a token: 128 bits, what
// 16 random bytes give (32 hex characters).
const MinTokenBits = 128

// CheckToken refuses a token too weak to stand guessing over the network:
// under MinTokenBits by the size of the alphabet its characters are drawn
// from (hex digits count 4 bits each, base64 characters 6). It cannot see
// that a long token is a word repeated; the message says how to make a
// random one.
func CheckToken(tok string) error {
	if bits := tokenBits(tok); bits < MinTokenBits {
		return fmt.Errorf("token too weak (%d characters, about %.0f bits; at least %d are needed): make one with `openssl rand -hex 16`",
			len(tok), bits, MinTokenBits)
	}
	return nil
}

// tokenBits estimates a token's strength as its length times the bits of
// the smallest usual alphabet that holds all its characters.
func tokenBits(tok string) float64 {
	lower, upper, hexLetter, b64, other := false, false, true, false, false
	for _, c := range tok {
		switch {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'z':
			lower = true
			hexLetter = hexLetter && c <= 'f'
		case c >= 'A' && c <= 'Z':
			upper = true
			hexLetter = hexLetter && c <= 'F'
		case c == '-' || c == '_' || c == '+' || c == '/' || c == '=':
			b64 = true
		default:
			other = true
		}
	}
	var alphabet float64
	switch {
	case other:
		alphabet = 95 // printable ASCII; beyond it, no more is counted
	case b64:
		alphabet = 64
	case hexLetter && !(lower && upper):
		alphabet = 16
		if !lower && !upper {
			alphabet = 10
		}
	case lower && upper:
		alphabet = 62
	default:
		alphabet = 36
	}
	return float64(len(tok)) * math.Log2(alphabet)
}

// Failed logins: a client address may fail maxFailures times within
// failureWindow; after that its attempts (right or wrong: otherwise the
// guessing would go on) are answered 429 until the window it opened ends.
const (
	maxFailures   = 10
	failureWindow = 10 * time.Minute
	// maxClients bounds the table; expired entries are dropped first.
	maxClients = 10000
)

// limiter counts failed logins (wrong desk token, wrong bearer) by client
// address.
type limiter struct {
	now   func() time.Time
	mu    sync.Mutex
	fails map[string]*failures
}

type failures struct {
	n     int
	since time.Time
}

func newLimiter(now func() time.Time) *limiter {
	if now == nil {
		now = time.Now
	}
	return &limiter{now: now, fails: map[string]*failures{}}
}

// clientAddr is the address a request came from (its IP: one client may
// open many ports).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// isLoopbackIP tells whether a clientAddr is this machine's.
func isLoopbackIP(client string) bool {
	ip := net.ParseIP(client)
	return ip != nil && ip.IsLoopback()
}

// blocked returns how long the client must wait before trying again, or 0.
func (l *limiter) blocked(client string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.fails[client]
	if f == nil {
		return 0
	}
	left := f.since.Add(failureWindow).Sub(l.now())
	if left <= 0 {
		delete(l.fails, client)
		return 0
	}
	if f.n < maxFailures {
		return 0
	}
	return left
}

// failed counts one failed attempt of client.
func (l *limiter) failed(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f := l.fails[client]
	if f == nil || now.Sub(f.since) >= failureWindow {
		if len(l.fails) >= maxClients {
			l.prune(now)
		}
		f = &failures{since: now}
		l.fails[client] = f
	}
	f.n++
}

// succeeded forgets the client's failures.
func (l *limiter) succeeded(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, client)
}

// prune drops expired entries, then, if the table is still full, the
// oldest half: a flood of addresses must not grow memory without end.
func (l *limiter) prune(now time.Time) {
	for c, f := range l.fails {
		if now.Sub(f.since) >= failureWindow {
			delete(l.fails, c)
		}
	}
	if len(l.fails) < maxClients {
		return
	}
	cut := now.Add(-failureWindow / 2)
	for c, f := range l.fails {
		if f.since.Before(cut) || len(l.fails) >= maxClients {
			delete(l.fails, c)
		}
	}
}

// tooMany answers a blocked client.
func tooMany(w http.ResponseWriter, api bool, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	msg := fmt.Sprintf("too many failed logins from this address: try again in %d s", secs)
	if api {
		apiError(w, http.StatusTooManyRequests, msg)
		return
	}
	http.Error(w, msg, http.StatusTooManyRequests)
}
