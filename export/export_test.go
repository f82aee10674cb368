package export_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"iter"
	"os"
	"strings"
	"testing"

	"github.com/faits/faits/export"
	"github.com/faits/faits/store"
)

func seq(facts []store.Fact, err error) iter.Seq2[store.Fact, error] {
	return func(yield func(store.Fact, error) bool) {
		for _, f := range facts {
			if !yield(f, nil) {
				return
			}
		}
		if err != nil {
			yield(store.Fact{}, err)
		}
	}
}

var sample = []store.Fact{{ID: "f-1", Programme: "asd", Metric: "budget", Value: 40.5e9, Unit: "MAD", Qualifier: "exact",
	AsOf: "2025", Status: "pending", Sources: []store.Source{{Doc: "a.txt", Span: "40,5 milliards", Start: 3, End: 17,
		Quote: `Le "budget", 40,5 milliards & « plus »`, Rule: "budget/test"}}}}

func TestWrite(t *testing.T) {
	cases := []struct {
		opt  export.Options
		want string
	}{
		{export.Options{Format: "jsonl"}, `{"id":"f-1","programme":"asd","metric":"budget","value":40500000000,"unit":"MAD","qualifier":"exact","as_of":"2025","status":"pending","sources":[{"doc":"a.txt","doc_sha256":"","title":"","site":"","url":"","published":"","span":"40,5 milliards","start":3,"end":17,"quote":"Le \"budget\", 40,5 milliards & « plus »","qualifier":"","rule":"budget/test"}]}` + "\n"},
		{export.Options{Format: "csv", BOM: true}, "\ufeff" + strings.Join(export.Header, ",") + "\r\n" +
			`f-1,asd,budget,40500000000,,MAD,exact,2025,,pending,1,1,a.txt,,,,,,"40,5 milliards",3,17,"Le ""budget"", 40,5 milliards & « plus »",,budget/test` + "\r\n"},
	}
	for _, tc := range cases {
		var b bytes.Buffer
		if err := export.Write(&b, seq(sample, nil), tc.opt); err != nil || b.String() != tc.want {
			t.Errorf("%+v: %v\n got %q\nwant %q", tc.opt, err, b.String(), tc.want)
		}
	}
	for _, o := range []export.Options{{Format: "xml"}, {Format: "jsonl", BOM: true}} {
		if err := export.Write(&bytes.Buffer{}, seq(sample, nil), o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	boom := errors.New("disk gone")
	for _, f := range export.Formats {
		if err := export.Write(&bytes.Buffer{}, seq(sample, boom), export.Options{Format: f}); !errors.Is(err, boom) {
			t.Errorf("%s: a reading error became %v", f, err)
		}
	}
	var b bytes.Buffer
	export.CSV(&b, seq(sample, nil), false)
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 || len(rows[1]) != len(export.Header) {
		t.Errorf("csv reads back as %d rows (%v)", len(rows), err)
	}
}

func ExampleWrite() {
	f := store.Fact{ID: "f-1", Programme: "rsu", Metric: "enrolled", Value: 5.3e6, Unit: "household", Qualifier: "exact", Status: "accepted", Sources: []store.Source{}}
	err := export.Write(os.Stdout, func(yield func(store.Fact, error) bool) { yield(f, nil) }, export.Options{Format: "jsonl"})
	fmt.Println(err)
	// Output:
	// {"id":"f-1","programme":"rsu","metric":"enrolled","value":5300000,"unit":"household","qualifier":"exact","as_of":"","status":"accepted","sources":[]}
	// <nil>
}

// TestCSVFormulaInjection: a scraped title or quote that a spreadsheet
// would run as a formula is written behind a single quote in CSV (OWASP's
// advice); numbers, negative ones too, stay numbers; JSONL is unchanged.
func TestCSVFormulaInjection(t *testing.T) {
	title := `=HYPERLINK("http://example.invalid/","clic")`
	f := store.Fact{ID: "f-2", Programme: "asd", Metric: "change", Value: -3.5, Unit: "percent", Status: "pending",
		Sources: []store.Source{{Doc: "@doc.txt", Title: title, Site: "+212", URL: "-1+1", Span: "\tspan", Quote: "\r=1+1", Rule: "ok=fine"}}}
	var b bytes.Buffer
	if err := export.Write(&b, seq([]store.Fact{f}, nil), export.Options{Format: "csv"}); err != nil {
		t.Fatal(err)
	}
	raw := b.String()
	// csv.Writer with CRLF line ends drops a CR inside a cell, which would
	// leave "=1+1" in front: the quote must come first.
	if !strings.Contains(raw, ",\"'=1+1\",") {
		t.Errorf("a quote starting with CR is not neutralised:\n%q", raw)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	got := map[string]string{}
	for i, h := range export.Header {
		got[h] = rows[1][i]
	}
	for col, want := range map[string]string{
		"title": "'" + title, "doc": "'@doc.txt", "site": "'+212", "url": "'-1+1", "span": "'\tspan",
		"rule": "ok=fine", "value": "-3.5", "id": "f-2",
	} {
		if got[col] != want {
			t.Errorf("column %s = %q, want %q", col, got[col], want)
		}
	}
	b.Reset()
	if err := export.Write(&b, seq([]store.Fact{f}, nil), export.Options{Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"title":"=HYPERLINK(`) || strings.Contains(b.String(), `"'`) {
		t.Errorf("JSONL must keep strings as read: %s", b.String())
	}
}
