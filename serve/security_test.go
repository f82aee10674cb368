package serve

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestArticleMarkupIsText: an article holding <script> and an onerror
// attribute shows them as text on every page that prints article text.
func TestArticleMarkupIsText(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "amo-tns", "files_processed", 3200)
	a := testArticles[3]
	for _, target := range []string{"/queue?programme=amo-tns", "/facts/" + id, "/facts/" + id + "/edit",
		"/documents/" + sha(a.body), "/queue?status=all"} {
		res, body := do(t, s, "GET", target, nil, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", target, res.StatusCode)
		}
		for _, raw := range []string{"<script>alert", "<img src=x", "onerror=alert(1)>", `href="javascript:`} {
			if strings.Contains(body, raw) {
				t.Errorf("GET %s: article markup %q reached the page unescaped", target, raw)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;alert(&#39;") {
			t.Errorf("GET %s: the article's <script> is not shown as text", target)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for _, target := range []string{"/queue", "/api/v1/facts", "/static/desk.js", "/nowhere"} {
		res, _ := do(t, s, "GET", target, nil, nil)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("GET %s: CSP %q", target, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", target)
		}
	}
}

// TestNoInlineScriptOrStyle keeps the pages within the CSP: an inline
// script or style attribute would be blocked in the browser.
func TestNoInlineScriptOrStyle(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "amo", "beneficiaries", 8.6e6)
	for _, target := range []string{"/queue", "/facts/" + id, "/facts/" + id + "/edit", "/conflicts",
		"/timeline?programme=amo&metric=beneficiaries&pending=1", "/documents/" + sha(testArticles[0].body)} {
		_, body := do(t, s, "GET", target, nil, nil)
		if strings.Contains(body, "<script>") || strings.Contains(body, " style=") || strings.Contains(body, " onclick=") {
			t.Errorf("GET %s: inline script or style", target)
		}
	}
}

func TestTokenRequired(t *testing.T) {
	const token = "s3cret-token-for-tests"
	s, st := newTestServer(t, Options{Token: token})
	id := factID(t, st, "amo", "beneficiaries", 8.6e6)
	tests := []struct {
		name, method, target string
		hdr                  map[string]string
		want                 int
	}{
		{"API without token", "GET", "/api/v1/facts", nil, 401},
		{"API wrong token", "GET", "/api/v1/facts", map[string]string{"Authorization": "Bearer wrong"}, 401},
		{"API basic auth", "GET", "/api/v1/facts", map[string]string{"Authorization": "Basic " + token}, 401},
		{"API right token", "GET", "/api/v1/facts", map[string]string{"Authorization": "Bearer " + token}, 200},
		{"API right token, other host", "GET", "/api/v1/facts/" + id, map[string]string{"Authorization": "Bearer " + token, "Host": "desk.example:8080"}, 200},
		{"desk without cookie", "GET", "/queue", nil, 303},
		{"desk wrong cookie", "GET", "/queue", map[string]string{"Cookie": sessionCookie + "=forged"}, 303},
		{"desk post without cookie", "POST", "/facts/" + id + "/review", nil, 401},
		{"static needs none", "GET", "/static/desk.css", nil, 200},
		{"login page needs none", "GET", "/login", nil, 200},
	}
	for _, tc := range tests {
		res, body := do(t, s, tc.method, tc.target, nil, tc.hdr)
		if res.StatusCode != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, res.StatusCode, body, tc.want)
		}
		if tc.want == 303 && !strings.HasPrefix(res.Header.Get("Location"), "/login?return=") {
			t.Errorf("%s: redirected to %q, want the login page", tc.name, res.Header.Get("Location"))
		}
	}
	res, _ := postForm(t, s, "/login", url.Values{"token": {"wrong"}, "name": {"amina"}}, nil)
	if res.StatusCode != http.StatusUnauthorized || len(res.Cookies()) != 0 {
		t.Errorf("wrong token at login: %d, %d cookies", res.StatusCode, len(res.Cookies()))
	}
	res, _ = postForm(t, s, "/login", url.Values{"token": {token}, "name": {"amina"}, "return": {"/facts/" + id}}, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/facts/"+id {
		t.Fatalf("login: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookies []string
	for _, c := range res.Cookies() {
		if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
			t.Errorf("cookie %s is not HttpOnly and SameSite=Strict", c.Name)
		}
		if strings.Contains(c.Value, token) {
			t.Errorf("cookie %s holds the token", c.Name)
		}
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	jar := map[string]string{"Cookie": strings.Join(cookies, "; ")}
	res, page := do(t, s, "GET", "/queue", nil, jar)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("desk with session: %d", res.StatusCode)
	}
	// The session reads the API, but does not post to it.
	if res, _ := do(t, s, "GET", "/api/v1/facts/"+id, nil, jar); res.StatusCode != http.StatusOK {
		t.Errorf("API read with the desk session: %d", res.StatusCode)
	}
	res, _ = do(t, s, "POST", "/api/v1/facts/"+id+"/review", strings.NewReader(`{"action":"accept"}`),
		map[string]string{"Content-Type": "application/json", "Cookie": jar["Cookie"]})
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("API post with the desk session only: %d, want 401", res.StatusCode)
	}
	// The CSRF token of the anonymous login page is no use once logged in.
	_, loginPage := do(t, s, "GET", "/login", nil, nil)
	res, _ = postForm(t, s, "/facts/"+id+"/review", url.Values{"action": {"accept"}, "csrf": {csrfOf(t, loginPage)}}, jar)
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("CSRF token from the login page accepted: %d", res.StatusCode)
	}
	res, _ = postForm(t, s, "/facts/"+id+"/review", url.Values{"action": {"accept"}, "csrf": {csrfOf(t, page)}}, jar)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("review with session and CSRF: %d", res.StatusCode)
	}
	if h, _ := st.History(id); len(h) != 1 || h[0].By != "amina" {
		t.Errorf("decision not recorded under the login name: %+v", h)
	}
}

func TestCSRFRequired(t *testing.T) {
	s, st := newTestServer(t, Options{})
	id := factID(t, st, "amo", "beneficiaries", 8.6e6)
	_, page := do(t, s, "GET", "/queue", nil, nil)
	good := csrfOf(t, page)
	edit := url.Values{"programme": {"amo"}, "metric": {"beneficiaries"}, "unit": {"person"}, "qualifier": {"exact"}, "value": {"1"}}
	tests := []struct {
		name, target string
		form         url.Values
		hdr          map[string]string
	}{
		{"review, no token", "/facts/" + id + "/review", url.Values{"action": {"accept"}}, nil},
		{"review, wrong token", "/facts/" + id + "/review", url.Values{"action": {"accept"}, "csrf": {"00" + good[2:]}}, nil},
		{"review by fetch, wrong header", "/facts/" + id + "/review", url.Values{"action": {"accept"}}, map[string]string{csrfHeader: "x", "Accept": "application/json"}},
		{"edit, no token", "/facts/" + id + "/edit", edit, nil},
		{"logout, no token", "/logout", url.Values{}, nil},
		{"cross-site, right token", "/facts/" + id + "/review", url.Values{"action": {"accept"}, "csrf": {good}}, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"cross-origin, right token", "/facts/" + id + "/review", url.Values{"action": {"accept"}, "csrf": {good}}, map[string]string{"Origin": "http://evil.example"}},
	}
	for _, tc := range tests {
		if res, body := postForm(t, s, tc.target, tc.form, tc.hdr); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d %s, want 403", tc.name, res.StatusCode, body)
		}
	}
	if f, _ := st.Fact(id); f.Status != "pending" {
		t.Errorf("a refused request changed the fact: %s", f.Status)
	}
	// The API without token mode: a cross-site page cannot post to it either.
	res, _ := do(t, s, "POST", "/api/v1/facts/"+id+"/review", strings.NewReader(`{"action":"accept"}`),
		map[string]string{"Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site API post: %d, want 403", res.StatusCode)
	}
}

func TestLoopbackOnlyWithoutToken(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200,
		"evil.example": 403, "192.168.1.10:8080": 403, "attacker.test:8080": 403,
	} {
		if res, _ := do(t, s, "GET", "/api/v1/facts", nil, map[string]string{"Host": host}); res.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, res.StatusCode, want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:0": true, "[::1]:80": true, "127.1.2.3:9": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:8080": false, "192.168.0.2:80": false, "desk.example:80": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestBodySizeLimited(t *testing.T) {
	s, st := newTestServer(t, Options{MaxBody: 1024})
	id := factID(t, st, "amo", "beneficiaries", 8.6e6)
	_, page := do(t, s, "GET", "/queue", nil, nil)
	big := strings.Repeat("a", 4096)
	res, _ := postForm(t, s, "/facts/"+id+"/review", url.Values{"action": {"accept"}, "csrf": {csrfOf(t, page)}, "note": {big}}, nil)
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized form: %d, want 413", res.StatusCode)
	}
	res, _ = do(t, s, "POST", "/api/v1/facts/"+id+"/review", strings.NewReader(`{"action":"accept","note":"`+big+`"}`),
		map[string]string{"Content-Type": "application/json"})
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized JSON: %d, want 413", res.StatusCode)
	}
	if f, _ := st.Fact(id); f.Status != "pending" {
		t.Errorf("an oversized request changed the fact")
	}
}

// TestNoFileByPath: URLs never name a file of the disk; traversal attempts
// get nothing from the working directory or /etc.
func TestNoFileByPath(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for _, target := range []string{
		"/static/../serve.go", "/static/..%2fserve.go", "/static/%2e%2e/%2e%2e/go.mod",
		"/static/../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
		"/documents/..%2f..%2f..%2fetc%2fpasswd", "/documents/../../etc/passwd",
		"/api/v1/documents/..%2F..%2Fgo.mod", "/api/v1/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/facts/..%2f..%2fgo.mod", "/static//etc/passwd", "/static/templates/layout.html",
	} {
		res, body := do(t, s, "GET", target, nil, nil)
		if res.StatusCode == http.StatusOK {
			t.Errorf("GET %s: 200", target)
		}
		for _, leak := range []string{"root:x:0", "module github.com/faits", "package serve", "{{define"} {
			if strings.Contains(body, leak) {
				t.Errorf("GET %s leaked %q", target, leak)
			}
		}
	}
}
