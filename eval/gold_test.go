package eval

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestReadGold(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Gold
		wantErr string
	}{
		{
			name: "fields and blank lines",
			in: `{"doc": "a.txt", "programme": "asd", "metric": "allowance", "value": 500, "value_max": 1200, "unit": "MAD", "qualifier": "exact", "as_of": "2025-02", "quote": "q"}

{"doc": "a.txt", "programme": "amo-tns", "programme_alt": ["amo"], "metric": "enrolled", "metric_alt": ["beneficiaries"], "value": 3.8e6, "unit": "person", "qualifier": "about", "as_of": "2024-10", "as_of_alt": ["2024-11"], "optional": true, "quote": "r"}
`,
			want: []Gold{
				{Doc: "a.txt", Programme: "asd", Metric: "allowance", Value: 500, ValueMax: ptr(1200), Unit: "MAD", Qualifier: "exact", AsOf: "2025-02", Quote: "q"},
				{Doc: "a.txt", Programme: "amo-tns", ProgrammeAlt: []string{"amo"}, Metric: "enrolled", MetricAlt: []string{"beneficiaries"}, Value: 3800000, Unit: "person", Qualifier: "about", AsOf: "2024-10", AsOfAlt: []string{"2024-11"}, Optional: true, Quote: "r"},
			},
		},
		{name: "empty", in: "", want: nil},
		{name: "bad json names the line", in: "\n{\"doc\": ", wantErr: "line 2"},
		{name: "missing unit", in: `{"doc": "a", "programme": "p", "metric": "m", "value": 1}`, wantErr: `line 1: missing "unit"`},
		{name: "value is a number", in: `{"doc": "a", "programme": "p", "metric": "m", "unit": "person", "value": "1"}`, wantErr: "line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadGold(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadDocs(t *testing.T) {
	in := `{"doc": "002.txt", "published": "2023-04", "title": "", "source": "LNT", "facts": 0, "note": "years"}
{"published": "2023-04"}`
	_, err := ReadDocs(strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), `line 2: missing "doc"`) {
		t.Fatalf("err = %v, want a missing doc on line 2", err)
	}
	got, err := ReadDocs(strings.NewReader(strings.SplitN(in, "\n", 2)[0]))
	if err != nil {
		t.Fatal(err)
	}
	want := []DocInfo{{Doc: "002.txt", Published: "2023-04", Source: "LNT"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestSeedGold reads the project's gold files, so that a format change on
// either side shows here first.
func TestSeedGold(t *testing.T) {
	f, err := os.Open("../testdata/gold/seeds.jsonl")
	if err != nil {
		t.Skip("seed gold not present:", err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 {
		t.Fatal("no gold facts read")
	}
	// Scoring the gold against itself must be perfect: every field the
	// scorer reads survives ReadGold.
	var preds []Prediction
	for _, g := range gold {
		preds = append(preds, Prediction{Doc: g.Doc, Programme: g.Programme, Metric: g.Metric, Unit: g.Unit,
			Value: g.Value, ValueMax: g.ValueMax, AsOf: g.AsOf, Qualifier: g.Qualifier})
	}
	r := Score(gold, preds, Options{})
	if r.F1() != 1 || r.AsOf.Num != r.AsOf.Den || r.Qualifier.Num != r.Qualifier.Den {
		t.Errorf("gold against itself: P %v R %v as_of %v qualifier %v", r.Precision, r.Recall, r.AsOf, r.Qualifier)
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add(`{"doc": "a.txt", "programme": "asd", "metric": "allowance", "value": 500, "value_max": 1200, "unit": "MAD"}`)
	f.Add("\n\n")
	f.Add(`{"doc": "a", "programme": "p", "metric": "m", "unit": "u", "value": 1e308, "optional": true, "as_of_alt": ["x"]}`)
	f.Fuzz(func(t *testing.T, in string) {
		gold, err := ReadGold(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, g := range gold {
			if g.Doc == "" || g.Programme == "" || g.Metric == "" || g.Unit == "" {
				t.Fatalf("accepted a gold fact without its key: %+v", g)
			}
		}
		// Scoring whatever was read must not panic and stays within [0,1].
		r := Score(gold, nil, Options{})
		if r.Recall.Num != 0 || r.Recall.Den != r.Required {
			t.Fatalf("recall %v with %d required and no prediction", r.Recall, r.Required)
		}
	})
}
