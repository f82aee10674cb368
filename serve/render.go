package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log"
	"mime"
	"net/http"
	"strings"

	"github.com/faits/faits/store"
)

// pageNames are the templates/NAME.html files, each rendered inside
// templates/layout.html.
var pageNames = []string{"queue", "fact", "edit", "document", "conflicts", "timeline", "login", "error", "bulk", "add"}

var funcs = template.FuncMap{
	"dash":     orDash,
	"decision": decision,
}

// decideData feeds the "decide" buttons: which fact, where to land after a
// plain form post, and the CSRF token.
type decideData struct {
	CSRF, ID, Status, Return, EditURL string
	Flagged                           bool
}

// decision takes the fact's flag as an optional last argument, so that
// pages without flags call it as before.
func decision(csrf, id, status, ret, edit string, flagged ...bool) decideData {
	return decideData{CSRF: csrf, ID: id, Status: status, Return: ret, EditURL: edit, Flagged: len(flagged) > 0 && flagged[0]}
}

func parsePages() (map[string]*template.Template, error) {
	pages := map[string]*template.Template{}
	for _, n := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		pages[n] = t
	}
	return pages, nil
}

// pageData is what every page's layout needs, around the page's own data.
type pageData struct {
	Page     string
	CSRF     string
	Editor   string
	LoggedIn bool
	// Anonymous is a visitor of a token-protected desk before login: the
	// layout then shows no navigation.
	Anonymous bool
	Data      any
}

// render writes a whole page, or a plain 500 when the template fails, never
// half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	var buf bytes.Buffer
	pd := pageData{Page: name, CSRF: s.csrfToken(r), Editor: s.editor(r),
		LoggedIn: s.opt.Token != "" && s.sessionOK(r), Data: data}
	pd.Anonymous = s.opt.Token != "" && !pd.LoggedIn
	if err := s.pages[name].Execute(&buf, pd); err != nil {
		log.Printf("serve: render %s: %v", name, err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

type errorData struct {
	Code    int
	Message string
}

// fail answers a desk request with an error page, mapping the store's "not
// found" to 404.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := statusOf(err)
	if code == http.StatusInternalServerError {
		log.Printf("serve: %s %s: %v", r.Method, r.URL.Path, err)
	}
	s.failCode(w, r, code, err.Error())
}

func (s *Server) failCode(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if wantsJSON(r) {
		apiError(w, code, msg)
		return
	}
	s.render(w, r, code, "error", errorData{Code: code, Message: msg})
}

// parseForm reads a desk form (urlencoded or multipart), answering 413 when
// the body is over the limit.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) bool {
	var err error
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		err = r.ParseMultipartForm(s.opt.MaxBody)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		if tooLarge(err) {
			s.failCode(w, r, http.StatusRequestEntityTooLarge, "request body too large")
		} else {
			s.failCode(w, r, http.StatusBadRequest, "bad form: "+err.Error())
		}
		return false
	}
	return true
}

func tooLarge(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

// wantsJSON tells the desk's fetch calls (Accept: application/json) from
// plain form posts.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		log.Printf("serve: encode JSON: %v", err)
		http.Error(w, `{"error":"internal error"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

func apiError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// statusOf maps the store's errors to HTTP statuses.
func statusOf(err error) int {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrNothingToUndo), errors.Is(err, store.ErrAlreadyRead):
		return http.StatusConflict
	}
	var se *spanError
	if errors.As(err, &se) || errors.Is(err, store.ErrNoConflictGroup) {
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}
