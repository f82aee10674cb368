package normalize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

const (
	goldFile     = "../testdata/gold/seeds.jsonl"
	goldDocsFile = "../testdata/gold/seeds-docs.jsonl"
)

type goldFact struct {
	Doc       string  `json:"doc"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Quote     string  `json:"quote"`
}

// TestSeedFigures reads every figure of the gold facts from its quote: some
// expression (or one end of a range) must carry the gold value with the
// right kind, unit and qualifier.
func TestSeedFigures(t *testing.T) {
	refs := readGoldRefs(t)
	facts := readJSONL[goldFact](t, goldFile)
	if len(facts) == 0 {
		t.Fatalf("%s: no facts", goldFile)
	}
	pass := 0
	for n, f := range facts {
		exprs := Scan(f.Quote, &Options{Ref: refs[f.Doc]})
		if found, got := seedMatch(f, exprs); found {
			pass++
		} else {
			t.Errorf("gold line %d (%s): want %v %s %s in %q; got %s", n+1, f.Doc, f.Value, f.Unit, f.Qualifier, f.Quote, got)
		}
	}
	t.Logf("seed figures: %d/%d read with the gold value, unit and qualifier", pass, len(facts))
}

// seedMatch looks for the gold figure among exprs.
func seedMatch(f goldFact, exprs []Expr) (bool, string) {
	wantKind, wantUnit := Number, ""
	switch f.Unit {
	case "MAD", "EUR", "USD":
		wantKind, wantUnit = Money, f.Unit
	case "percent":
		wantKind, wantUnit = Percent, "percent"
	}
	var got []string
	for _, e := range exprs {
		cands := []Expr{e}
		if e.Low != nil {
			cands = append(cands, *e.Low, *e.High)
		}
		for _, c := range cands {
			got = append(got, fmt.Sprintf("%q=%v %s %s %s", c.Text, c.Value, c.Kind, c.Unit, c.Qualifier))
			if c.Value == f.Value && c.Kind == wantKind && c.Unit == wantUnit && c.Qualifier == f.Qualifier &&
				c.Text == f.Quote[c.Start:c.End] {
				return true, ""
			}
		}
	}
	return false, "[" + strings.Join(got, "; ") + "]"
}

func readGoldRefs(t *testing.T) map[string]time.Time {
	t.Helper()
	type doc struct {
		Doc       string `json:"doc"`
		Published string `json:"published"`
	}
	refs := map[string]time.Time{}
	for _, d := range readJSONL[doc](t, goldDocsFile) {
		if ref, err := time.Parse("2006-01-02", d.Published); err == nil {
			refs[d.Doc] = ref
		}
	}
	return refs
}

func readJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("parse %s: %v", path, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}
