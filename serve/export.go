package serve

import (
	"bufio"
	"fmt"
	"iter"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/faits/faits/export"
	"github.com/faits/faits/store"
)

// exportFilter reads the filter of GET /api/v1/export: the queue's
// (programme, metric, status, site, rule, doc, date as an as_of prefix),
// plus doc_sha256 and since (facts changed at or after a date or an RFC 3339
// time). Status defaults to every status, as faits export does.
func exportFilter(v url.Values) (store.Filter, string, error) {
	orphaned := v.Get("status") == store.StatusOrphaned // a status the queue does not list
	if orphaned {
		v = cloneValues(v)
		v.Set("status", "all")
	}
	q, err := parseQuery(v, "", "id", 1)
	if err != nil {
		return store.Filter{}, "", err
	}
	f := store.Filter{Programme: q.Programme, Metric: q.Metric, Status: q.Status, Rule: q.Rule,
		Site: q.Site, Doc: q.Doc, DocSHA256: v.Get("doc_sha256"), Text: q.Text, Flagged: q.Flagged}
	if orphaned {
		f.Status = store.StatusOrphaned
	}
	if f.DocSHA256 != "" && !shaPattern.MatchString(f.DocSHA256) {
		return f, "", fmt.Errorf("doc_sha256 %q: want 64 hex digits", f.DocSHA256)
	}
	if s := v.Get("since"); s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t, err = time.Parse(time.RFC3339Nano, s)
		}
		if err != nil {
			return f, "", fmt.Errorf("since %q: want a date like 2025-01-31 or 2025-01-31T08:00:00Z", s)
		}
		f.Since = t
	}
	return f, q.Date, nil
}

// apiExport streams every fact matching the filter as faits export prints
// it: ?format=jsonl (the default) or csv, &bom=1 for spreadsheets. The walk
// is one read transaction, so the file is one consistent state of the
// store even while editors and ingests write; a slow client holds that
// snapshot (and delays a write that must grow the file) until it is done.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	o := export.Options{Format: v.Get("format"), BOM: v.Get("bom") == "1" || v.Get("bom") == "true"}
	if o.Format == "" {
		o.Format = "jsonl"
	}
	if o.Format != "jsonl" && o.Format != "csv" {
		apiError(w, http.StatusBadRequest, fmt.Sprintf("format %q: want jsonl or csv", o.Format))
		return
	}
	if o.BOM && o.Format != "csv" {
		apiError(w, http.StatusBadRequest, "bom is for format=csv")
		return
	}
	f, date, err := exportFilter(v)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	h := w.Header()
	h.Set("Content-Type", export.ContentType(o.Format))
	name := "faits-" + time.Now().UTC().Format("2006-01-02") + "." + o.Format
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	bw := bufio.NewWriterSize(w, 32<<10)
	facts := byDate(s.b.All(f), date)
	if err := export.Write(bw, facts, o); err != nil {
		// The status line is gone with the first bytes: the cut body is
		// all a client sees. Log it for the operator.
		log.Printf("serve: export: %v", err)
		return
	}
	if err := bw.Flush(); err != nil {
		log.Printf("serve: export: %v", err)
	}
}

// byDate keeps the facts whose as_of starts with prefix ("" keeps all).
func byDate(facts iter.Seq2[store.Fact, error], prefix string) iter.Seq2[store.Fact, error] {
	if prefix == "" {
		return facts
	}
	return func(yield func(store.Fact, error) bool) {
		for x, err := range facts {
			if err == nil && !strings.HasPrefix(x.AsOf, prefix) {
				continue
			}
			if !yield(x, err) {
				return
			}
		}
	}
}

// apiFiles lists the paths ingested, as `faits eval` needs them to name the
// gold documents never ingested.
func (s *Server) apiFiles(w http.ResponseWriter, r *http.Request) {
	files, err := s.b.Files()
	if err != nil {
		apiFail(w, fmt.Errorf("files: %w", err))
		return
	}
	if files == nil {
		files = []string{}
	}
	writeJSON(w, http.StatusOK, map[string][]string{"files": files})
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, x := range v {
		c[k] = append([]string(nil), x...)
	}
	return c
}
