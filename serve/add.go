package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/faits/faits/store"
)

// addRequest is the body of POST /api/v1/facts: a fact the rules missed,
// at a span of a document, with the values of an edit.
type addRequest struct {
	DocSHA256 string `json:"doc_sha256"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	apiEdit
	By   string `json:"by"`
	Note string `json:"note"`
}

// apiAdd adds a fact an editor (or a tool) read where the rules found
// none; its source names the rule "editor", and its history starts with an
// "add" event. The same checks as an edit apply (package edits).
func (s *Server) apiAdd(w http.ResponseWriter, r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		apiError(w, http.StatusUnsupportedMediaType, "send the fact as Content-Type: application/json")
		return
	}
	var req addRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(&req)
	if err == nil && dec.More() {
		err = errors.New("trailing data after the JSON object")
	}
	if err == nil {
		_, err = io.Copy(io.Discard, r.Body)
	}
	if err != nil {
		if tooLarge(err) {
			apiError(w, http.StatusRequestEntityTooLarge, "request body too large")
		} else {
			apiError(w, http.StatusBadRequest, "bad JSON: "+err.Error())
		}
		return
	}
	if !shaPattern.MatchString(req.DocSHA256) {
		apiError(w, http.StatusBadRequest, "doc_sha256: want the 64 hex digits of the document's SHA-256")
		return
	}
	a, errs := s.tax.Fact(req.fields())
	if errs != nil {
		invalid(w, "invalid fact", errs)
		return
	}
	a.DocSHA256, a.Start, a.End = req.DocSHA256, req.Start, req.End
	a.By, a.Note = cleanName(req.By), req.Note
	if a.By == "" {
		a.By = "api"
	}
	f, err := s.add(a)
	if err != nil {
		apiFail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, f)
}

// add checks the span against the document before the store does, so that
// a wrong one is the caller's mistake (422), not the server's.
func (s *Server) add(a store.Addition) (store.Fact, error) {
	d, err := s.b.Document(a.DocSHA256)
	if err != nil {
		return store.Fact{}, fmt.Errorf("document %s: %w", a.DocSHA256, err)
	}
	if a.Start < 0 || a.End <= a.Start || a.End > len(d.Body) {
		return store.Fact{}, &spanError{fmt.Sprintf("span %d:%d is not in the document (%d bytes)", a.Start, a.End, len(d.Body))}
	}
	f, err := s.b.Add(a)
	if err == nil {
		s.addToMenus(d.Site, store.EditorRule)
	}
	return f, err
}

type spanError struct{ msg string }

func (e *spanError) Error() string { return e.msg }
