package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/store"
)

// run executes the command line in-process and returns its output.
func run(t *testing.T, getenv map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return getenv[k] }}
	err = Run(context.Background(), args, env)
	return out.String(), errb.String(), err
}

// synthetic is a document and the facts a rules file might read in it;
// the tests of export, facts and eval use it so that they do not depend on
// the default rules.
type synthetic struct {
	rel, body, published string
	facts                []extract.Fact
}

// fact builds an extract.Fact for span in body, so that offsets are right.
func fact(t *testing.T, body, span, programme, metric, unit string, value float64, vmax *float64, qualifier, asOf string) extract.Fact {
	t.Helper()
	i := strings.Index(body, span)
	if i < 0 {
		t.Fatalf("span %q not in body", span)
	}
	return extract.Fact{Programme: programme, Metric: metric, Unit: unit, Value: value, ValueMax: vmax,
		Qualifier: qualifier, AsOf: asOf, Span: span, Start: i, End: i + len(span), Quote: body, Rule: metric + "/test"}
}

func ptr(v float64) *float64 { return &v }

// syntheticDocs: a quote with a comma, double quotes and « », a range, a
// billion, and the same figure in two documents (one fact, two sources).
func syntheticDocs(t *testing.T) []synthetic {
	a := `Le programme d'aide sociale directe verse "en moyenne" de 500 à 1.200 dirhams par mois, selon « la composition » du foyer.`
	b := `Le budget de l'ASD atteint 40,5 milliards de dirhams; plus de 3,9 millions de familles en bénéficient.`
	c := `Plus de 3,9 millions de familles bénéficient de l'aide sociale directe & de l'AMO.`
	return []synthetic{
		{rel: "a.txt", body: a, published: "2025-02-17", facts: []extract.Fact{
			fact(t, a, "de 500 à 1.200 dirhams", "asd", "allowance", "MAD", 500, ptr(1200), "exact", "2025-02"),
		}},
		{rel: "sub/b.txt", body: b, published: "2025-03-01", facts: []extract.Fact{
			fact(t, b, "40,5 milliards de dirhams", "asd", "budget", "MAD", 40.5e9, nil, "exact", "2025"),
			fact(t, b, "plus de 3,9 millions de familles", "asd", "beneficiaries", "household", 3.9e6, nil, "more_than", "2025-03"),
		}},
		{rel: "c.txt", body: c, published: "2025-03-02", facts: []extract.Fact{
			fact(t, c, "Plus de 3,9 millions de familles", "asd", "beneficiaries", "household", 3.9e6, nil, "more_than", "2025-03"),
		}},
	}
}

// syntheticStore writes syntheticDocs into a new store and returns its path.
func syntheticStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, d := range syntheticDocs(t) {
		doc := &corpus.Document{File: d.rel, Body: d.body, Published: d.published}
		if _, err := st.Ingest(d.rel, "raw-"+d.rel, doc, d.facts); err != nil {
			t.Fatal(err)
		}
	}
	return path
}
