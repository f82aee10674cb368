package serve

import "github.com/faits/faits/extract"

// The ids of spec/taxonomy.md: the floor of what the desk accepts, which
// the rules data may extend (the spec lets the project add ids, never
// rename these).
var (
	programmes = []string{
		"amo", "amo-tadamon", "amo-tns", "amo-achamil", "amo-salaries",
		"amo-fonctionnaires", "ramed", "rnp", "rsu", "asd", "aide-rentree",
		"pension-tns", "retraite", "ipe", "allocations-familiales", "anss",
		"protection-sociale",
	}
	metrics = []string{
		"beneficiaries", "enrolled", "files_submitted", "files_processed",
		"amount_paid", "budget", "allowance", "services_billed",
		"decrees_adopted", "share", "points_of_service",
	}
	units = []string{
		"person", "household", "child", "elderly", "student", "file",
		"service", "decree", "point", "MAD", "EUR", "USD", "percent",
	}
	qualifiers = []string{"exact", "about", "more_than", "at_least", "less_than", "up_to"}
	statuses   = []string{"pending", "accepted", "rejected", "edited"}
)

// taxonomy is what the edit form offers and validates against.
type taxonomy struct {
	Programmes, Metrics, Units, Qualifiers []string
}

// newTaxonomy joins the spec's ids and those of the rules in use, so that
// an id a rules file adds can be chosen by editors too.
func newTaxonomy(r *extract.Rules) taxonomy {
	t := taxonomy{Programmes: programmes, Metrics: metrics,
		Units: union(units, extract.Units()), Qualifiers: union(qualifiers, extract.Qualifiers())}
	if r != nil {
		t.Programmes = union(programmes, r.Programmes())
		t.Metrics = union(metrics, r.Metrics())
	}
	return t
}

// union keeps a's order and appends b's ids that a lacks.
func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, x := range b {
		if x != "" && !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
