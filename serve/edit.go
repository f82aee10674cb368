package serve

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/faits/faits/edits"
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

// validate checks the form with the one validation the API and the command
// line use too, and returns the edit, or one message per wrong field.
func (e editForm) validate(tax edits.Taxonomy, cur store.Fact) (*store.Edit, map[string]string) {
	errs := map[string]string{}
	if len(e.Note) > 2000 {
		errs["note"] = "Keep the note under 2000 bytes."
	}
	ed, ferrs := tax.Edit(edits.Fields{Value: edits.Text(e.Value), ValueMax: edits.Text(e.ValueMax),
		Programme: &e.Programme, Metric: &e.Metric, Unit: &e.Unit, Qualifier: &e.Qualifier, AsOf: &e.AsOf}, cur)
	for k, v := range ferrs {
		if k == "" {
			k = "value" // the form always gives every field: nothing changed
		}
		errs[k] = v
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
		Programmes: edits.Choices(s.tax.Programmes, f.Programme), Metrics: edits.Choices(s.tax.Metrics, f.Metric),
		Units: edits.Choices(s.tax.Units, f.Unit), Qualifiers: edits.Choices(s.tax.Qualifiers, f.Qualifier)}, nil
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
