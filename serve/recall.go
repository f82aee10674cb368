package serve

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/faits/faits/edits"
	"github.com/faits/faits/normalize"
	"github.com/faits/faits/store"
)

// candidates are the figures normalize reads in a document that no fact
// took: numbers, amounts and shares (dates are no figures), outside every
// span a fact was read at. The desk marks them so that an editor can add
// the fact the rules missed.
func candidates(body string, taken []docMark) []normalize.Expr {
	var out []normalize.Expr
	for _, e := range normalize.Scan(body, nil) {
		if e.Kind == normalize.Date || !validRange(body, e.Start, e.End) {
			continue
		}
		overlaps := false
		for _, m := range taken {
			if e.Start < m.End && m.Start < e.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, e)
		}
	}
	return out
}

// addURL is the form that adds a fact read at start:end of document sha.
func addURL(sha string, start, end int) string {
	return "/documents/" + sha + "/add?start=" + strconv.Itoa(start) + "&end=" + strconv.Itoa(end)
}

// addData is the add form: the place in the document, the sentence around
// it with the span marked, and the fields.
type addData struct {
	Doc                                    store.Document
	Start, End                             int
	Span                                   string
	Quote                                  []segment
	Form                                   editForm
	Errors                                 map[string]string
	Programmes, Metrics, Units, Qualifiers []string
}

// reading prefills the add form from normalize's reading of the span (its
// value, range, unit and hedge); the programme, unit and metric of the
// nearest fact read in the same sentence, else the programme most of the
// document's facts have and the metric its facts of that unit have most;
// and the date the sentence gives (else the month the article was
// published).
func (s *Server) reading(doc store.Document, start, end int) (editForm, error) {
	var form editForm
	for _, e := range normalize.Scan(doc.Body[start:end], nil) {
		if e.Kind == normalize.Date {
			continue
		}
		form.Value = plainNumber(e.Value)
		if e.ValueMax != nil {
			form.ValueMax = plainNumber(*e.ValueMax)
		}
		form.Unit, form.Qualifier = e.Unit, e.Qualifier
		break
	}
	facts, err := s.b.Facts(store.Filter{DocSHA256: doc.SHA256})
	if err != nil {
		return form, fmt.Errorf("facts of %s: %w", doc.SHA256, err)
	}
	progs, metrics := map[string]int{}, map[string]int{}
	for _, f := range facts {
		if f.Status != store.StatusRejected {
			progs[f.Programme]++
			metrics[f.Metric]++
		}
	}
	form.Programme = mostOf(progs)
	// A fact read in the same sentence is the best guess: a figure the
	// rules missed beside one they took ("3,9 millions d'assurés, dont
	// 402.000 …", "200, 300 et 400 dirhams") most often counts what its
	// neighbour counts, for the same programme.
	near, found := nearestInSentence(doc, start, end, facts)
	if found {
		form.Programme = near.Programme
		if form.Unit == "" {
			form.Unit = near.Unit
		}
	}
	switch {
	case found && near.Unit == form.Unit:
		form.Metric = near.Metric
	case form.Unit != "":
		// The metric the document's facts of this unit have most (a share
		// for a percentage, an amount for dirhams); none rather than a
		// metric of another unit.
		byUnit := map[string]int{}
		for _, f := range facts {
			if f.Status != store.StatusRejected && f.Unit == form.Unit {
				byUnit[f.Metric]++
			}
		}
		form.Metric = mostOf(byUnit)
	case len(metrics) == 1:
		form.Metric = mostOf(metrics)
	}
	ref := time.Time{}
	if t, err := time.Parse("2006-01-02", doc.Published); err == nil {
		ref = t
	}
	sentence := store.SentenceAround(doc.Body, start, end)
	for _, e := range normalize.Scan(sentence, &normalize.Options{Ref: ref}) {
		if e.Kind == normalize.Date && e.Date != "" && !strings.Contains(e.Date, "/") && store.ValidAsOf(e.Date) {
			form.AsOf = e.Date
			break
		}
	}
	if form.AsOf == "" && len(doc.Published) >= 7 && store.ValidAsOf(doc.Published[:7]) {
		form.AsOf = doc.Published[:7]
	}
	return form, nil
}

// nearestInSentence is the fact (not rejected) read in doc nearest the
// span start:end within its sentence, if any.
func nearestInSentence(doc store.Document, start, end int, facts []store.Fact) (store.Fact, bool) {
	sentence := store.SentenceAround(doc.Body, start, end)
	lo := max(0, end-len(sentence))
	i := strings.Index(doc.Body[lo:], sentence)
	if i < 0 || lo+i > start || lo+i+len(sentence) < end {
		return store.Fact{}, false
	}
	from, to := lo+i, lo+i+len(sentence)
	var best store.Fact
	bestDist := -1
	for _, f := range facts {
		if f.Status == store.StatusRejected {
			continue
		}
		for _, src := range f.Sources {
			if src.DocSHA256 != doc.SHA256 || src.Start < from || src.End > to || (src.Start < end && start < src.End) {
				continue
			}
			d := src.Start - end
			if src.End <= start {
				d = start - src.End
			}
			if bestDist < 0 || d < bestDist {
				best, bestDist = f, d
			}
		}
	}
	return best, bestDist >= 0
}

// mostOf is the key counted most often, the smallest on a tie; "" for none.
func mostOf(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best, n := "", 0
	for _, k := range keys {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// addPlace reads the document and span of an add request, answering the
// error itself when they are wrong.
func (s *Server) addPlace(w http.ResponseWriter, r *http.Request, v url.Values) (store.Document, int, int, bool) {
	sha := r.PathValue("sha")
	if !shaPattern.MatchString(sha) {
		s.failCode(w, r, http.StatusBadRequest, "bad document id: want the 64 hex digits of its SHA-256")
		return store.Document{}, 0, 0, false
	}
	doc, err := s.b.Document(sha)
	if err != nil {
		s.fail(w, r, fmt.Errorf("document %s: %w", sha, err))
		return store.Document{}, 0, 0, false
	}
	start, err1 := strconv.Atoi(v.Get("start"))
	end, err2 := strconv.Atoi(v.Get("end"))
	if err1 != nil || err2 != nil || !validRange(doc.Body, start, end) || end-start > 2000 {
		s.failCode(w, r, http.StatusBadRequest, fmt.Sprintf("start %q and end %q: want a span of the article's text (%d bytes), 2000 bytes at most, on character boundaries",
			v.Get("start"), v.Get("end"), len(doc.Body)))
		return store.Document{}, 0, 0, false
	}
	return doc, start, end, true
}

func (s *Server) addData(doc store.Document, start, end int, form editForm, errs map[string]string) addData {
	src := store.Source{Quote: store.SentenceAround(doc.Body, start, end), Span: doc.Body[start:end], Start: start, End: end}
	return addData{Doc: doc, Start: start, End: end, Span: src.Span, Quote: quoteSegments(src, doc.Body), Form: form, Errors: errs,
		Programmes: withBlank(edits.Choices(s.tax.Programmes, form.Programme)), Metrics: withBlank(edits.Choices(s.tax.Metrics, form.Metric)),
		Units: withBlank(edits.Choices(s.tax.Units, form.Unit)), Qualifiers: edits.Choices(s.tax.Qualifiers, form.Qualifier)}
}

// withBlank puts an empty choice first: the editor must pick one.
func withBlank(list []string) []string { return append([]string{""}, list...) }

// addPage is the form that adds a fact at a span of a document, prefilled
// from normalize's reading (see reading).
func (s *Server) addPage(w http.ResponseWriter, r *http.Request) {
	doc, start, end, ok := s.addPlace(w, r, r.URL.Query())
	if !ok {
		return
	}
	form, err := s.reading(doc, start, end)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "add", s.addData(doc, start, end, form, nil))
}

// addFact saves the add form through the path POST /api/v1/facts takes
// (the taxonomy's checks, then store.Add: a source with rule editor and an
// add event), and opens the new fact's page.
func (s *Server) addFact(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	if !s.csrfOK(r) {
		s.failCode(w, r, http.StatusForbidden, "missing or wrong CSRF token: reload the page")
		return
	}
	doc, start, end, ok := s.addPlace(w, r, r.PostForm)
	if !ok {
		return
	}
	form := formFromRequest(r)
	errs := map[string]string{}
	if len(form.Note) > 2000 {
		errs["note"] = "Keep the note under 2000 bytes."
	}
	a, ferrs := s.tax.Fact(edits.Fields{Value: edits.Text(form.Value), ValueMax: edits.Text(form.ValueMax),
		Programme: &form.Programme, Metric: &form.Metric, Unit: &form.Unit, Qualifier: &form.Qualifier, AsOf: &form.AsOf})
	for k, v := range ferrs {
		errs[k] = v
	}
	if len(errs) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "add", s.addData(doc, start, end, form, errs))
		return
	}
	a.DocSHA256, a.Start, a.End, a.By, a.Note = doc.SHA256, start, end, s.editor(r), form.Note
	f, err := s.add(a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/facts/"+f.ID, http.StatusSeeOther)
}
