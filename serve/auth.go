package serve

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// contentSecurityPolicy allows only the desk's own embedded script and
// style: no inline script, no inline style, nothing from elsewhere. Article
// text is escaped anyway; this is the second wall.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; form-action 'self'; " +
	"frame-ancestors 'none'; base-uri 'none'"

const (
	sessionCookie = "faits_session"
	editorCookie  = "faits_editor"
	csrfField     = "csrf"
	csrfHeader    = "X-CSRF-Token"
)

func setSecurityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
}

// IsLoopback reports whether a listen address (host:port) accepts
// connections from this machine only. An empty host listens on every
// interface and is not loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	return loopbackName(host)
}

// loopbackHost reports whether a request's Host header names this machine.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	return loopbackName(strings.Trim(host, "[]"))
}

func loopbackName(host string) bool {
	if host == "" {
		return false
	}
	if h := strings.ToLower(host); h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// authorized lets the request through or answers it with the reason it may
// not pass.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	api := strings.HasPrefix(r.URL.Path, "/api/")
	deny := func(code int, msg string) bool {
		if api {
			if code == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="faits"`)
			}
			apiError(w, code, msg)
		} else {
			http.Error(w, msg, code)
		}
		return false
	}
	// Browsers mark cross-site requests (Sec-Fetch-Site, Origin): refuse
	// any that would change state, whatever else they carry.
	if err := http.NewCrossOriginProtection().Check(r); err != nil {
		return deny(http.StatusForbidden, "cross-origin request refused")
	}
	if s.opt.Token == "" {
		if !loopbackHost(r.Host) {
			return deny(http.StatusForbidden, "this desk answers on a loopback address only; start it with --token to serve other hosts")
		}
		return true
	}
	// A bearer is a login attempt: limited by client address (see limiter).
	client, attempt := clientAddr(r), r.Header.Get("Authorization") != ""
	// The read-only commands on this machine read through the read token
	// (from the owner file, readable by its user only). Every local
	// process shares the loopback address, so an editor's mistyped logins
	// would lock them out too; the read token is 128 random bits, so
	// letting it through a lock-out gives a guesser nothing (a wrong one
	// is still refused and counted).
	if attempt && api && (r.Method == http.MethodGet || r.Method == http.MethodHead) && isLoopbackIP(client) && s.readBearerOK(r) {
		return true
	}
	if attempt {
		if wait := s.limit.blocked(client); wait > 0 {
			tooMany(w, api, wait)
			return false
		}
	}
	if s.bearerOK(r) {
		s.limit.succeeded(client)
		return true
	}
	if api && (r.Method == http.MethodGet || r.Method == http.MethodHead) && s.readBearerOK(r) {
		return true
	}
	if attempt {
		s.limit.failed(client)
	}
	if api {
		// A logged-in editor may read the API in the browser (the desk
		// links to it); changing state through it takes the bearer.
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && s.sessionOK(r) {
			return true
		}
		return deny(http.StatusUnauthorized, "missing or wrong bearer token")
	}
	if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/login" {
		return true
	}
	if s.sessionOK(r) {
		return true
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		http.Redirect(w, r, "/login?return="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return false
	}
	return deny(http.StatusUnauthorized, "log in first")
}

func (s *Server) bearerOK(r *http.Request) bool { return bearerIs(r, s.opt.Token) }

func (s *Server) readBearerOK(r *http.Request) bool {
	return s.opt.ReadToken != "" && bearerIs(r, s.opt.ReadToken)
}

func bearerIs(r *http.Request, token string) bool {
	h := r.Header.Get("Authorization")
	const prefix = "Bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return false
	}
	return equal(strings.TrimSpace(h[len(prefix):]), token)
}

// sessionValue is what the session cookie holds: derived from the token, so
// that the server keeps no session table and the cookie never holds the
// token itself.
func (s *Server) sessionValue() string {
	return mac([]byte(s.opt.Token), "faits session v1")
}

func (s *Server) sessionOK(r *http.Request) bool {
	c, err := r.Cookie(sessionCookie)
	return err == nil && equal(c.Value, s.sessionValue())
}

// csrfToken is the token that desk forms and fetch calls must send back. It
// is bound to the session, so that a page fetched without logging in (the
// login form) gives nothing usable against a logged-in editor.
func (s *Server) csrfToken(r *http.Request) string {
	sess := ""
	if s.opt.Token != "" && s.sessionOK(r) {
		sess = s.sessionValue()
	}
	return mac(s.opt.Secret, "csrf:"+sess)
}

// csrfOK checks the token of a state-changing desk request; the form must
// have been parsed.
func (s *Server) csrfOK(r *http.Request) bool {
	got := r.Header.Get(csrfHeader)
	if got == "" {
		got = r.PostFormValue(csrfField)
	}
	return got != "" && equal(got, s.csrfToken(r))
}

// editor names who takes a desk decision.
func (s *Server) editor(r *http.Request) string {
	if c, err := r.Cookie(editorCookie); err == nil {
		if v, err := url.QueryUnescape(c.Value); err == nil {
			if name := cleanName(v); name != "" {
				return name
			}
		}
	}
	return s.opt.Editor
}

// cleanName keeps a display name short and printable.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if len(s) > 64 {
		s = s[:64]
	}
	return strings.ToValidUTF8(s, "")
}

func mac(key []byte, msg string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil))
}

func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// safeReturn keeps a post-action redirect on this site: a path, never a
// scheme, a host or a protocol-relative "//host".
func safeReturn(s, fallback string) string {
	if s == "" || !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/\\") {
		return fallback
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return fallback
	}
	return s
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if s.opt.Token == "" {
		http.Redirect(w, r, "/queue", http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", loginData{Return: safeReturn(r.URL.Query().Get("return"), "/queue")})
}

type loginData struct {
	Return, Name, Error string
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	ret := safeReturn(r.PostFormValue("return"), "/queue")
	if s.opt.Token == "" {
		http.Redirect(w, r, ret, http.StatusSeeOther)
		return
	}
	name := cleanName(r.PostFormValue("name"))
	client := clientAddr(r)
	if wait := s.limit.blocked(client); wait > 0 {
		tooMany(w, false, wait)
		return
	}
	if !equal(r.PostFormValue("token"), s.opt.Token) {
		s.limit.failed(client)
		s.render(w, r, http.StatusUnauthorized, "login", loginData{Return: ret, Name: name, Error: "Wrong token."})
		return
	}
	s.limit.succeeded(client)
	secure := r.TLS != nil
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: s.sessionValue(), Path: "/",
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteStrictMode})
	if name != "" {
		http.SetCookie(w, &http.Cookie{Name: editorCookie, Value: url.QueryEscape(name), Path: "/",
			HttpOnly: true, Secure: secure, SameSite: http.SameSiteStrictMode})
	}
	http.Redirect(w, r, ret, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	if !s.csrfOK(r) {
		http.Error(w, "missing or wrong CSRF token", http.StatusForbidden)
		return
	}
	for _, n := range []string{sessionCookie, editorCookie} {
		http.SetCookie(w, &http.Cookie{Name: n, Value: "", Path: "/", MaxAge: -1})
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
