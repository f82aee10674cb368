package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/store"
)

// article is a test document and the figures read in it.
type article struct {
	rel, title, site, published, body string
	url                               string
	figs                              []figure
}

// figure names a span of the body (its n-th occurrence) and what it means.
type figure struct {
	span                    string
	n                       int
	programme, metric, unit string
	value                   float64
	qualifier, asOf         string
}

// testArticles hold the cases the desk must show: a rise over time, a
// conflict, a figure read in two articles, and an article whose text holds
// markup that must come out as text.
var testArticles = []article{
	{rel: "a/amo.txt", title: "AMO : 24,3 millions d'assurés", site: "lematin.ma", published: "2025-02-17",
		body: "La couverture médicale a progressé.\n\n" + filler + "Le nombre de bénéficiaires de l'AMO est passé de 8,6 millions à 24,3 millions entre 2021 et fin 2024, selon le ministère.\n\nLe budget de l'aide sociale directe atteint 25 milliards de dirhams.",
		figs: []figure{
			{"8,6 millions", 0, "amo", "beneficiaries", "person", 8.6e6, "exact", "2021"},
			{"24,3 millions", 0, "amo", "beneficiaries", "person", 24.3e6, "exact", "2024-12"},
			{"25 milliards de dirhams", 0, "asd", "budget", "MAD", 25e9, "exact", "2025-02"},
		}},
	{rel: "b/tadamon.txt", title: "AMO Tadamon", site: "hespress.com", published: "2024-11-26",
		body: "Le régime AMO Tadamoun couvre désormais plus de 11,1 millions de personnes en situation de précarité. Le budget de l'aide sociale directe atteint 25 milliards de dirhams.",
		figs: []figure{
			{"plus de 11,1 millions de personnes", 0, "amo-tadamon", "beneficiaries", "person", 11.1e6, "more_than", "2024-11"},
			{"25 milliards de dirhams", 0, "asd", "budget", "MAD", 25e9, "exact", "2025-02"},
		}},
	{rel: "c/conflit.txt", title: "Tadamon, autre chiffre", site: "le360.ma", published: "2024-11-28",
		body: "Selon la CNSS, l'AMO Tadamon compte 11,4 millions de bénéficiaires.",
		figs: []figure{
			{"11,4 millions", 0, "amo-tadamon", "beneficiaries", "person", 11.4e6, "exact", "2024-11"},
		}},
	{rel: "d/xss.html", title: "<script>alert('title')</script>", site: "evil.example", published: "2025-01-10",
		url:  "javascript:alert('url')",
		body: "Un texte piégé <script>alert('xss')</script> annonce 3 200 dossiers traités <img src=x onerror=alert(1)>.",
		figs: []figure{
			{"3 200 dossiers", 0, "amo-tns", "files_processed", "file", 3200, "exact", "2025-01"},
		}},
}

// filler pushes a figure far down its article, so that the document view
// has to scroll to show it.
var filler = strings.Repeat("Le chantier de la généralisation de la protection sociale se poursuit, "+
	"avec des étapes annoncées par le gouvernement et suivies par les partenaires sociaux.\n\n", 25)

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// sentence returns the sentence of body around byte at.
func sentence(body string, at int) string {
	start := strings.LastIndexAny(body[:at], ".\n") + 1
	end := strings.IndexAny(body[at:], ".\n")
	if end < 0 {
		end = len(body) - at
	}
	return strings.TrimSpace(body[start : at+end])
}

// loadArticles ingests articles into st the way `faits ingest` does.
func loadArticles(t testing.TB, st *store.Store, arts []article) {
	t.Helper()
	for _, a := range arts {
		var facts []extract.Fact
		for _, f := range a.figs {
			at, from := -1, 0
			for i := 0; i <= f.n; i++ {
				j := strings.Index(a.body[from:], f.span)
				if j < 0 {
					t.Fatalf("%s: span %q not in body", a.rel, f.span)
				}
				at, from = from+j, from+j+len(f.span)
			}
			facts = append(facts, extract.Fact{Programme: f.programme, Metric: f.metric, Unit: f.unit, Value: f.value,
				Qualifier: f.qualifier, AsOf: f.asOf, Span: f.span, Start: at, End: at + len(f.span),
				Quote: sentence(a.body, at), Rule: f.metric + "/test", ProgrammeFrom: "sentence"})
		}
		doc := &corpus.Document{File: a.rel, Title: a.title, Site: a.site, Published: a.published, PublishedFrom: "meta", Body: a.body, URL: a.url}
		if _, err := st.Ingest(a.rel, sha(a.rel+a.body), doc, facts); err != nil {
			t.Fatalf("ingest %s: %v", a.rel, err)
		}
	}
}

// newStore opens a fresh store holding testArticles.
func newStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "faits.db"), &store.Options{Owner: "serve test", Timeout: time.Second})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	loadArticles(t, st, testArticles)
	return st
}

// newTestServer serves a store of testArticles with opt.
func newTestServer(t testing.TB, opt Options) (*Server, *store.Store) {
	t.Helper()
	st := newStore(t)
	if opt.Secret == nil {
		opt.Secret = []byte("test secret")
	}
	s, err := New(st, opt)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s, st
}

// do runs one request through h and returns the response with its body.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	r := httptest.NewRequest(method, "http://127.0.0.1:8080"+target, body)
	for k, v := range hdr {
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// postForm posts urlencoded fields.
func postForm(t testing.TB, h http.Handler, target string, form url.Values, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	m := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	for k, v := range hdr {
		m[k] = v
	}
	return do(t, h, http.MethodPost, target, strings.NewReader(form.Encode()), m)
}

var csrfRE = regexp.MustCompile(`data-csrf="([0-9a-f]+)"`)

// csrfOf reads the CSRF token a page hands to its forms and script.
func csrfOf(t testing.TB, page string) string {
	t.Helper()
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token in page")
	}
	return m[1]
}

// factID finds the id of the fact with this programme, metric and value.
func factID(t testing.TB, st *store.Store, programme, metric string, value float64) string {
	t.Helper()
	fs, err := st.Facts(store.Filter{Programme: programme, Metric: metric})
	if err != nil {
		t.Fatalf("facts: %v", err)
	}
	for _, f := range fs {
		if f.Value == value {
			return f.ID
		}
	}
	t.Fatalf("no fact %s/%s = %v", programme, metric, value)
	return ""
}
