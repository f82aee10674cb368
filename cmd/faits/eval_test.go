package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func tempFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The synthetic store holds: a.txt allowance 500–1200 MAD; b.txt budget
// 40.5e9 MAD and beneficiaries 3.9e6 households; c.txt the same
// beneficiaries.
const syntheticGold = `{"doc": "a.txt", "programme": "asd", "metric": "allowance", "value": 500, "value_max": 1200, "unit": "MAD", "qualifier": "exact", "as_of": "2025-02", "quote": "de 500 à 1.200 dirhams"}
{"doc": "b.txt", "programme": "asd", "metric": "budget", "value": 40500000000, "unit": "MAD", "qualifier": "exact", "as_of": "2025-03", "as_of_alt": ["2025-02"], "quote": "40,5 milliards"}
{"doc": "b.txt", "programme": "asd", "metric": "beneficiaries", "value": 3900000, "unit": "household", "qualifier": "about", "as_of": "2025-03", "quote": "plus de 3,9 millions de familles"}
{"doc": "b.txt", "programme": "rsu", "metric": "enrolled", "value": 5300000, "unit": "household", "qualifier": "exact", "as_of": "2025-03", "quote": "5,3 millions de familles inscrites"}
`

func TestEvalCommand(t *testing.T) {
	db := syntheticStore(t)
	gold := tempFile(t, "gold.jsonl", syntheticGold)
	out, errOut, err := run(t, nil, "eval", "--db", db, "--gold", gold, "-v")
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "1 stored documents have no gold fact, so all their facts count as false positives (give --docs FILE if the gold does not cover them): c.txt") {
		t.Errorf("no note on the document without gold:\n%s", errOut)
	}
	// c.txt has no gold: its prediction is a false positive.
	for _, want := range []string{
		"precision           0.750 (3/4)",
		"recall              0.750 (3/4)",
		"F1                  0.750",
		"as_of accuracy      0.667 (2/3)", // budget read as 2025
		"qualifier accuracy  0.667 (2/3)", // more_than, gold about
		"missed (1):\n  b.txt  rsu enrolled 5 300 000 household\n      « 5,3 millions de familles inscrites »",
		"extra (1):\n  c.txt  asd beneficiaries 3 900 000 household",
		`b.txt  asd budget 40,5 milliards MAD: want 2025-03 or 2025-02, got "2025"`,
		`want about, got "more_than"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}

	docs := tempFile(t, "docs.jsonl", `{"doc": "a.txt"}`+"\n"+`{"doc": "b.txt"}`+"\n")
	out, errOut, err = run(t, nil, "eval", "--db", db, "--gold", gold, "--docs", docs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "precision           1.000 (3/3)") || !strings.Contains(errOut, "1 documents with facts are not in") {
		t.Errorf("--docs must leave c.txt unscored:\n%s\n%s", out, errOut)
	}

	_, _, err = run(t, nil, "eval", "--db", db, "--gold", gold, "--min-f1", "0.8")
	if err == nil || !strings.Contains(err.Error(), "below --min-f1") {
		t.Errorf("--min-f1 0.8 with F1 0.75: err = %v", err)
	}

	missing := tempFile(t, "g2.jsonl", syntheticGold+`{"doc": "z.txt", "programme": "rsu", "metric": "enrolled", "value": 1, "unit": "household", "qualifier": "exact", "as_of": ""}`+"\n")
	_, errOut, err = run(t, nil, "eval", "--db", db, "--gold", missing)
	if err != nil || !regexp.MustCompile(`1 gold documents were never ingested .*: z\.txt`).MatchString(errOut) {
		t.Errorf("gold document missing from the store not named: %v\n%s", err, errOut)
	}

	bad := tempFile(t, "bad.jsonl", "{\"doc\": \"a.txt\"}\n")
	_, _, err = run(t, nil, "eval", "--db", db, "--gold", bad)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl: line 1") {
		t.Errorf("a bad gold file must be named with its line: %v", err)
	}
}
