package serve

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/faits/faits/store"
)

// editForm is the edit form's fields as typed.
type editForm struct {
	Programme, Metric, Unit, Qualifier string
	Value, ValueMax, AsOf, Note        string
}

func formFromFact(f store.Fact) editForm {
	e := editForm{Programme: f.Programme, Metric: f.Metric, Unit: f.Unit, Qualifier: f.Qualifier,
		Value: plainNumber(f.Value), AsOf: f.AsOf}
	if f.ValueMax != nil {
		e.ValueMax = plainNumber(*f.ValueMax)
	}
	return e
}

func formFromRequest(r *http.Request) editForm {
	g := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return editForm{Programme: g("programme"), Metric: g("metric"), Unit: g("unit"), Qualifier: g("qualifier"),
		Value: g("value"), ValueMax: g("value_max"), AsOf: g("as_of"), Note: g("note")}
}

// choices is a taxonomy list plus the fact's current id when the rules use
// one the list lacks, so that an edit never forces a change it did not ask.
func choices(list []string, current string) []string {
	if current == "" || contains(list, current) {
		return list
	}
	return append([]string{current}, list...)
}

// validate checks the form against the taxonomy and returns the edit, or
// one message per wrong field.
func (e editForm) validate(tax taxonomy, cur store.Fact) (*store.Edit, map[string]string) {
	errs := map[string]string{}
	check := func(field, v string, list []string, cur string) {
		if !contains(choices(list, cur), v) {
			errs[field] = fmt.Sprintf("%q is not a %s of the taxonomy.", v, field)
		}
	}
	check("programme", e.Programme, tax.Programmes, cur.Programme)
	check("metric", e.Metric, tax.Metrics, cur.Metric)
	check("unit", e.Unit, tax.Units, cur.Unit)
	check("qualifier", e.Qualifier, tax.Qualifiers, cur.Qualifier)
	ed := &store.Edit{Programme: e.Programme, Metric: e.Metric, Unit: e.Unit, Qualifier: e.Qualifier}
	v, err := parseValue(e.Value)
	if err != nil {
		errs["value"] = "Write a number, French (22,5 millions; 1 234,5) or plain (22500000): " + err.Error()
	} else {
		ed.Value = &v
	}
	if e.ValueMax != "" {
		m, err := parseValue(e.ValueMax)
		switch {
		case err != nil:
			errs["value_max"] = "Write a number, or leave empty: " + err.Error()
		case ed.Value != nil && m <= *ed.Value:
			errs["value_max"] = "The upper bound must be above the value."
		default:
			ed.ValueMax = &m
		}
	}
	if !validAsOf(e.AsOf) {
		errs["as_of"] = "Write an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (a real day), or leave empty."
	} else {
		a := e.AsOf
		ed.AsOf = &a
	}
	if len(e.Note) > 2000 {
		errs["note"] = "Keep the note under 2000 bytes."
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return ed, nil
}

type editData struct {
	Fact                                   factView
	Form                                   editForm
	Errors                                 map[string]string
	Return                                 string
	Programmes, Metrics, Units, Qualifiers []string
}

func (s *Server) editData(f store.Fact, form editForm, errs map[string]string, ret string) (editData, error) {
	v, err := newDocCache(s.b).view(f)
	if err != nil {
		return editData{}, err
	}
	return editData{Fact: v, Form: form, Errors: errs, Return: ret,
		Programmes: choices(s.tax.Programmes, f.Programme), Metrics: choices(s.tax.Metrics, f.Metric),
		Units: choices(s.tax.Units, f.Unit), Qualifiers: choices(s.tax.Qualifiers, f.Qualifier)}, nil
}

func (s *Server) editPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		s.failCode(w, r, http.StatusBadRequest, "bad fact id")
		return
	}
	f, err := s.b.Fact(id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("fact %s: %w", id, err))
		return
	}
	d, err := s.editData(f, formFromFact(f), nil, safeReturn(r.URL.Query().Get("return"), "/facts/"+id))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "edit", d)
}

func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	if !s.csrfOK(r) {
		s.failCode(w, r, http.StatusForbidden, "missing or wrong CSRF token: reload the page")
		return
	}
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		s.failCode(w, r, http.StatusBadRequest, "bad fact id")
		return
	}
	f, err := s.b.Fact(id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("fact %s: %w", id, err))
		return
	}
	ret := safeReturn(r.PostFormValue("return"), "/facts/"+id)
	form := formFromRequest(r)
	ed, errs := form.validate(s.tax, f)
	if errs != nil {
		d, err := s.editData(f, form, errs, ret)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, http.StatusUnprocessableEntity, "edit", d)
		return
	}
	if _, err := s.b.Review(id, store.Decision{Action: "edit", By: s.editor(r), Note: form.Note, Edit: ed}); err != nil {
		s.fail(w, r, fmt.Errorf("edit %s: %w", id, err))
		return
	}
	http.Redirect(w, r, ret, http.StatusSeeOther)
}
