package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/faits/faits/export"
	"github.com/faits/faits/store"
)

func TestExportJSONL(t *testing.T) {
	db := syntheticStore(t)
	out, errOut, err := run(t, nil, "export", "--db", db)
	if err != nil {
		t.Fatalf("export: %v\n%s", err, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 facts, got %d lines:\n%s", len(lines), out)
	}
	// Keys in the order of spec/facts.md.
	order := regexp.MustCompile(`^\{"id":.*,"programme":.*,"metric":.*,"value":.*,"unit":.*,"qualifier":.*,"as_of":.*,"status":.*,"sources":\[\{"doc":.*,"doc_sha256":.*,"title":.*,"site":.*,"url":.*,"published":.*,"span":.*,"start":.*,"end":.*,"quote":.*,"qualifier":.*,"rule":`)
	var prev string
	for _, l := range lines {
		if !order.MatchString(l) {
			t.Errorf("record keys out of the spec's order: %s", l)
		}
		var f store.Fact
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatal(err)
		}
		if f.ID <= prev {
			t.Errorf("ids not sorted: %s after %s", f.ID, prev)
		}
		prev = f.ID
		for _, s := range f.Sources {
			if s.Span == "" || !strings.Contains(s.Quote, s.Span) {
				t.Errorf("source span %q not in its quote %q", s.Span, s.Quote)
			}
		}
	}
	for _, want := range []string{`"value":40500000000,`, `"value":500,"value_max":1200,`, `« la composition »`, `& de l'AMO`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	if strings.Contains(out, `"value_max":null`) {
		t.Error("value_max must be absent, not null, for a single value")
	}
}

func TestExportCSV(t *testing.T) {
	db := syntheticStore(t)
	out, errOut, err := run(t, nil, "export", "--db", db, "--format", "csv", "--bom")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, errOut)
	}
	body, ok := strings.CutPrefix(out, "\uFEFF")
	if !ok {
		t.Fatal("--bom: no byte order mark")
	}
	if !strings.HasSuffix(body, "\r\n") || strings.Count(body, "\n") != strings.Count(body, "\r\n") {
		t.Error("RFC 4180 wants CRLF line ends")
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v", err)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(export.Header, ",") {
		t.Fatalf("want the header and 3 rows, got %q", rows)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	byMetric := map[string][]string{}
	for _, r := range rows[1:] {
		byMetric[r[col["metric"]]] = r
	}
	checks := []struct{ metric, column, want string }{
		{"allowance", "value", "500"},
		{"allowance", "value_max", "1200"},
		{"budget", "value", "40500000000"},
		{"budget", "value_max", ""},
		{"beneficiaries", "sources", "2"},
		{"beneficiaries", "independent_sources", "2"},
		{"beneficiaries", "doc", "c.txt"}, // sources sorted by doc path
		{"allowance", "quote", syntheticDocs(t)[0].body},
		{"allowance", "span", "de 500 à 1.200 dirhams"},
		{"allowance", "rule", "allowance/test"},
		{"budget", "published", "2025-03-01"},
	}
	for _, c := range checks {
		r, ok := byMetric[c.metric]
		if !ok {
			t.Fatalf("no %s row", c.metric)
		}
		if got := r[col[c.column]]; got != c.want {
			t.Errorf("%s %s = %q, want %q", c.metric, c.column, got, c.want)
		}
	}
	noBOM, _, err := run(t, nil, "export", "--db", db, "--format", "csv")
	if err != nil || noBOM != body {
		t.Errorf("without --bom the CSV must be the same minus the mark (err %v)", err)
	}
}

func TestExportFilters(t *testing.T) {
	db := syntheticStore(t)
	tests := []struct {
		args  []string
		lines int
	}{
		{[]string{"--status", "pending"}, 3},
		{[]string{"--status", "accepted"}, 0},
		{[]string{"--since", "2000-01-01"}, 3},
		{[]string{"--since", time.Now().Add(time.Hour).UTC().Format(time.RFC3339)}, 0},
	}
	for _, tt := range tests {
		out, errOut, err := run(t, nil, append([]string{"export", "--db", db}, tt.args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", tt.args, err, errOut)
		}
		if got := strings.Count(out, "\n"); got != tt.lines {
			t.Errorf("export %v: %d facts, want %d", tt.args, got, tt.lines)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	db := syntheticStore(t)
	for _, args := range [][]string{
		{"export", "--db", db, "--format", "xml"},
		{"export", "--db", db, "--bom"},
		{"export", "--db", db, "--status", "maybe"},
		{"export", "--db", db, "--since", "yesterday"},
		{"export", "--db", db, "extra"},
		{"facts", "--db", db, "--status", "maybe"},
		{"facts", "--db", db, "--programme", "nope"},
		{"facts", "--db", db, "--metric", "budjet"},
		{"eval", "--db", db},
		{"ingest", "--db", db},
		{"ingest", "--no-such-flag"},
	} {
		if _, _, err := run(t, nil, args...); !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

// TestLoadNothingReadable: a load whose every input is missing names them
// and leaves no store behind.
func TestLoadNothingReadable(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "faits.db")
	_, stderr, err := run(t, nil, "load", "--db", db, filepath.Join(dir, "missing.jsonl"))
	if err == nil || !strings.Contains(stderr, "missing.jsonl") {
		t.Fatalf("load of a missing file: err = %v, stderr %q: want an error naming it", err, stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("load of a missing file left a store behind (%v)", err)
	}
}

func TestDBFromEnvironment(t *testing.T) {
	db := syntheticStore(t)
	out, _, err := run(t, map[string]string{"FAITS_DB": db}, "export")
	if err != nil || strings.Count(out, "\n") != 3 {
		t.Fatalf("FAITS_DB not used: %v, %q", err, out)
	}
}

func TestReadCommandsNeedAStore(t *testing.T) {
	missing := t.TempDir() + "/none.db"
	for _, cmd := range []string{"export", "facts"} {
		_, _, err := run(t, nil, cmd, "--db", missing)
		if err == nil || !strings.Contains(err.Error(), "none.db") {
			t.Errorf("%s on a missing store: err = %v, want one naming the file", cmd, err)
		}
	}
}

// TestExportGold: the editors' decisions become a gold file that faits eval
// scores: a rejected fact is a false positive, an accepted one right, and a
// document with a pending fact is left out.
func TestExportGold(t *testing.T) {
	db := syntheticStore(t)
	_, facts := exportedFacts(t, db)
	by := map[string]string{"USER": "amina"}
	var budget, allowance, benef string
	for _, f := range facts {
		switch f.Metric {
		case "budget":
			budget = f.ID
		case "allowance":
			allowance = f.ID
		case "beneficiaries":
			benef = f.ID
		}
	}
	// a.txt: its one fact rejected. b.txt: budget accepted, beneficiaries
	// edited (as_of). c.txt: beneficiaries too (one fact, two documents).
	for _, step := range [][]string{{allowance, "reject"}, {budget, "accept"}, {benef, "edit", "--as-of", "2025-02"}} {
		if _, _, err := run(t, by, append([]string{"review", "--db", db}, step...)...); err != nil {
			t.Fatal(err)
		}
	}
	docs := filepath.Join(t.TempDir(), "docs.jsonl")
	gold, stderr, err := run(t, nil, "export", "--db", db, "--gold", "--gold-docs", docs)
	if err != nil || !strings.Contains(stderr, "gold for 3 documents") {
		t.Fatalf("export --gold: %v %s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(gold), "\n")
	if len(lines) != 3 || !strings.Contains(gold, `"as_of":"2025-02"`) || strings.Contains(gold, `"allowance"`) {
		t.Errorf("gold:\n%s", gold)
	}
	g := tempFile(t, "gold.jsonl", gold)
	out, _, err := run(t, nil, "eval", "--db", db, "--gold", g, "--docs", docs, "--json")
	var rep evalJSON
	if err != nil || json.Unmarshal([]byte(out), &rep) != nil {
		t.Fatalf("eval of the gold: %v %s", err, out)
	}
	// 4 predictions (a: 1, b: 2, c: 1), 3 right: the rejected one is extra.
	if rep.Documents != 3 || rep.Matched != 3 || rep.Extra != 1 || rep.Recall != 1 || rep.AsOfAccuracy != 1 {
		t.Errorf("eval of the editors' gold: %s", out)
	}
	// An undecided document is left out.
	if _, _, err := run(t, by, "review", "--db", db, budget, "undo"); err != nil {
		t.Fatal(err)
	}
	if _, stderr, _ := run(t, nil, "export", "--db", db, "--gold"); !strings.Contains(stderr, "gold for 2 documents") || !strings.Contains(stderr, "1 left out") {
		t.Errorf("after undo: %s", stderr)
	}
}
