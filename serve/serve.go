// Package serve is the editors' review desk and the JSON API over a fact
// store: an http.Handler with server-rendered pages (html/template), a little
// embedded JavaScript for the keyboard, and /api/v1/ for other tools.
//
// The handler is synchronous and holds no goroutines; listening, watching a
// folder and shutting down belong to the command that builds it.
package serve

import (
	"crypto/rand"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"sync"
	"time"

	"github.com/faits/faits/edits"
	"github.com/faits/faits/extract"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// DefaultMaxBody bounds every request body (forms and JSON alike); a review
// is a few hundred bytes.
const DefaultMaxBody = 64 << 10

// embeddedRules parses the embedded rules once a process: the server only
// reads their ids, and a parse costs a good share of a second (much more
// under the race detector, once for each test's server).
var embeddedRules = sync.OnceValues(extract.Default)

// Options configure New.
type Options struct {
	// Token, when set, must be presented by every request: a session cookie
	// obtained at /login for the desk, "Authorization: Bearer TOKEN" for the
	// API. Without it the handler only answers requests addressed to a
	// loopback host name, which keeps other sites' pages (DNS rebinding) out.
	Token string
	// ReadToken, when set, is a second bearer token that only reads: it
	// lets GET and HEAD requests to /api/ through, nothing else. faits serve
	// and faits ingest advertise it in the store's owner file, so that the
	// read-only commands can read through them while they hold the store.
	ReadToken string
	// Editor is recorded as the author of desk decisions when the editor
	// gave no name at login ("editor" when empty).
	Editor string
	// MaxBody bounds request bodies in bytes (DefaultMaxBody when 0).
	MaxBody int64
	// Secret keys the CSRF tokens; random when nil. Tests fix it.
	Secret []byte
	// Rules name the programme and metric ids editors may choose beyond
	// those of spec/taxonomy.md (the embedded rules when nil).
	Rules *extract.Rules
	// Clock tells the time to the limit on failed logins (time.Now when
	// nil). Tests fix it.
	Clock func() time.Time
}

// Server is the desk and the API over one Backend.
type Server struct {
	b      Backend
	opt    Options
	tax    edits.Taxonomy
	pages  map[string]*template.Template
	mux    *http.ServeMux
	static http.Handler
	limit  *limiter
	menus  menus
}

// New builds the desk and API handler over b.
func New(b Backend, opt Options) (*Server, error) {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Editor == "" {
		opt.Editor = "editor"
	}
	if opt.Secret == nil {
		opt.Secret = make([]byte, 32)
		if _, err := rand.Read(opt.Secret); err != nil {
			return nil, fmt.Errorf("csrf secret: %w", err)
		}
	}
	if opt.Rules == nil {
		r, err := embeddedRules()
		if err != nil {
			return nil, fmt.Errorf("embedded rules: %w", err)
		}
		opt.Rules = r
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	s := &Server{b: b, opt: opt, tax: edits.New(opt.Rules), pages: pages, mux: http.NewServeMux(), limit: newLimiter(opt.Clock)}
	s.static = http.StripPrefix("/static/", http.FileServerFS(sub))
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/queue", http.StatusSeeOther)
	})
	m.Handle("GET /static/", s.static)
	m.HandleFunc("GET /login", s.loginPage)
	m.HandleFunc("POST /login", s.login)
	m.HandleFunc("POST /logout", s.logout)

	m.HandleFunc("GET /queue", s.queue)
	m.HandleFunc("GET /queue/bulk", s.bulkConfirm)
	m.HandleFunc("POST /queue/bulk", s.bulk)
	m.HandleFunc("GET /facts/{id}", s.factPage)
	m.HandleFunc("POST /facts/{id}/review", s.review)
	m.HandleFunc("GET /facts/{id}/edit", s.editPage)
	m.HandleFunc("POST /facts/{id}/edit", s.edit)
	m.HandleFunc("GET /documents/{sha}", s.documentPage)
	m.HandleFunc("GET /documents/{sha}/add", s.addPage)
	m.HandleFunc("POST /documents/{sha}/add", s.addFact)
	m.HandleFunc("GET /conflicts", s.conflictsPage)
	m.HandleFunc("POST /conflicts/keep", s.keepOne)
	m.HandleFunc("POST /conflicts/distinct", s.notConflict)
	m.HandleFunc("GET /timeline", s.timelinePage)

	m.HandleFunc("GET /api/v1/facts", s.apiFacts)
	m.HandleFunc("POST /api/v1/facts", s.apiAdd)
	m.HandleFunc("GET /api/v1/facts/{id}", s.apiFact)
	m.HandleFunc("GET /api/v1/facts/{id}/sources", s.apiSources)
	m.HandleFunc("GET /api/v1/facts/{id}/history", s.apiHistory)
	m.HandleFunc("POST /api/v1/facts/{id}/review", s.apiReview)
	m.HandleFunc("GET /api/v1/documents/{sha}", s.apiDocument)
	m.HandleFunc("GET /api/v1/conflicts", s.apiConflicts)
	m.HandleFunc("POST /api/v1/conflicts/not-conflict", s.apiNotConflict)
	m.HandleFunc("POST /api/v1/conflicts/keep", s.apiKeep)
	m.HandleFunc("GET /api/v1/export", s.apiExport)
	m.HandleFunc("GET /api/v1/files", s.apiFiles)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		apiError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
}

// ServeHTTP applies the security layer (headers, host and token checks, body
// limit, cross-origin protection) and then routes the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w)
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
	if !s.authorized(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}
