package normalize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// conformanceDir holds the Recognizers-Text French cases (shared,
// read-only, outside the module).
const conformanceDir = "../../shared/conformance"

// unsupportedFile lists the cases the normalizer deliberately does not
// read, each with its reason; they are still run and reported.
const unsupportedFile = "testdata/conformance-unsupported.tsv"

type confCase struct {
	Input     string   `json:"input"`
	Text      string   `json:"text"`
	Context   *string  `json:"context"`
	Value     *float64 `json:"value"`
	Currency  *string  `json:"currency"`
	Reference *string  `json:"reference"`
	Expected  string   `json:"expected"`
	Ambiguous bool     `json:"ambiguous"`
	Past      string   `json:"past"`
	Future    string   `json:"future"`
}

// confFiles maps each file to the acceptance threshold of issue 3.
var confFiles = []struct {
	name string
	kind Kind
	min  float64
}{
	{"recognizers-fr-number.jsonl", Number, 0.95},
	{"recognizers-fr-money.jsonl", Money, 0.95},
	{"recognizers-fr-percent.jsonl", Percent, 1.00},
	{"recognizers-fr-date.jsonl", Date, 0.85},
}

func TestConformance(t *testing.T) {
	if _, err := os.Stat(conformanceDir); err != nil {
		t.Skipf("conformance data not found: %v", err)
	}
	unsupported := readUnsupported(t)
	seen := map[string]bool{}
	for _, f := range confFiles {
		cases := readConfCases(t, filepath.Join(conformanceDir, f.name))
		pass, passSupported, supported := 0, 0, 0
		var fails []string
		for _, c := range cases {
			key := f.name + "\t" + c.where() + "\t" + c.Text
			ok, got := c.check(f.kind)
			reason, unsup := unsupported[key]
			seen[key] = true
			if ok {
				pass++
			}
			if !unsup {
				supported++
				if ok {
					passSupported++
				} else {
					fails = append(fails, fmt.Sprintf("%q in %q: want %s, got %s", c.Text, c.where(), c.want(), got))
				}
			} else if ok {
				t.Errorf("%s: %q is listed as unsupported (%s) but passes: remove it from %s", f.name, c.Text, reason, unsupportedFile)
			}
		}
		all := float64(pass) / float64(len(cases))
		sup := float64(passSupported) / float64(supported)
		t.Logf("%-32s %3d/%3d pass (%5.1f %%); supported cases %3d/%3d (%5.1f %%); %d listed unsupported",
			f.name, pass, len(cases), 100*all, passSupported, supported, 100*sup, len(cases)-supported)
		for _, m := range fails {
			t.Errorf("%s: %s", f.name, m)
		}
		if all < f.min {
			t.Errorf("%s: %.1f %% of all cases pass, the acceptance threshold is %.0f %%", f.name, 100*all, 100*f.min)
		}
	}
	for key := range unsupported {
		if !seen[key] {
			t.Errorf("%s lists a case that is not in the conformance data: %q", unsupportedFile, key)
		}
	}
}

func readConfCases(t *testing.T, path string) []confCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var cases []confCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c confCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("parse %s: %v", path, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return cases
}

// readUnsupported reads "file<TAB>sentence<TAB>text<TAB>reason" lines, where
// sentence is the case's context when it has one, else its input.
func readUnsupported(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(unsupportedFile)
	if err != nil {
		t.Fatalf("read %s: %v", unsupportedFile, err)
	}
	m := map[string]string{}
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 4 || parts[3] == "" {
			t.Fatalf("%s:%d: want file, input, text and a reason separated by tabs", unsupportedFile, n+1)
		}
		// The TSV escapes tabs and newlines the Go way.
		m[parts[0]+"\t"+unquoteTSV(parts[1])+"\t"+unquoteTSV(parts[2])] = parts[3]
	}
	return m
}

func unquoteTSV(s string) string {
	return strings.NewReplacer(`\t`, "\t", `\n`, "\n", `\u202f`, "\u202f").Replace(s)
}

func (c confCase) where() string {
	if c.Context != nil {
		return *c.Context
	}
	return c.Input
}

func (c confCase) want() string {
	if c.Value != nil {
		if c.Currency != nil {
			return fmt.Sprintf("%v %s", *c.Value, *c.Currency)
		}
		return fmt.Sprint(*c.Value)
	}
	if c.Ambiguous {
		return c.Past + " or " + c.Future
	}
	return c.Expected
}

// check scans the case and reports whether an expression of the right kind
// overlaps the expected text and has the expected value (and currency, when
// the case names one; and date, for dates).
func (c confCase) check(kind Kind) (bool, string) {
	text := c.where()
	var opts Options
	if c.Reference != nil {
		ref, err := time.Parse("2006-01-02", *c.Reference)
		if err == nil {
			opts.Ref = ref
		}
	}
	exprs := Scan(text, &opts)
	var got []string
	for _, e := range exprs {
		got = append(got, fmt.Sprintf("%q %s %v %s %s", e.Text, e.Kind, e.Value, e.Unit, e.Date))
		if !kindOK(kind, e.Kind) || !overlapsText(text, c.Text, e.Start, e.End) {
			continue
		}
		if e.Low != nil && kind != Date {
			// A range: each end is read on its own.
			if c.exprOK(*e.Low) || c.exprOK(*e.High) {
				return true, ""
			}
		}
		if kind == Date {
			if c.dateOK(e.Date) {
				return true, ""
			}
			continue
		}
		if c.exprOK(e) {
			return true, ""
		}
	}
	return false, "[" + strings.Join(got, "; ") + "]"
}

// kindOK accepts, for a number case, a number read inside an amount or a
// percentage: the number itself was read right.
func kindOK(want, got Kind) bool {
	if want == Number {
		return got != Date
	}
	return want == got
}

func (c confCase) exprOK(e Expr) bool {
	if c.Value == nil || !nearlyEqual(e.Value, *c.Value) {
		return false
	}
	return c.Currency == nil || e.Unit == *c.Currency
}

func nearlyEqual(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// overlapsText reports whether [start, end) overlaps an occurrence of want
// in text.
func overlapsText(text, want string, start, end int) bool {
	for off := 0; ; {
		k := strings.Index(text[off:], want)
		if k < 0 {
			return false
		}
		ws := off + k
		we := ws + len(want)
		if start < we && ws < end {
			return true
		}
		off = ws + 1
		if off >= len(text) {
			return false
		}
	}
}

// dateOK compares our ISO date or interval with the case's, as day
// intervals. Recognizers ends month and year ranges on the next day and
// explicit day ranges on the named day, so both are accepted.
func (c confCase) dateOK(got string) bool {
	gs, ge, ok := isoInterval(got)
	if !ok {
		return false
	}
	wants := []string{c.Expected}
	if c.Ambiguous {
		wants = []string{c.Past, c.Future}
	}
	for _, w := range wants {
		if w == got {
			return true
		}
		ws, we, ok := isoInterval(w)
		if !ok {
			continue
		}
		if ws.Equal(gs) && (we.Equal(ge) || we.AddDate(0, 0, -1).Equal(ge)) {
			return true
		}
		// faits' interval ends are inclusive: "de 2010 à 2018" holds 2018,
		// where the spec ends on 2018-01-01.
		_, gb, ok1 := strings.Cut(got, "/")
		_, wb, ok2 := strings.Cut(w, "/")
		if ok1 && ok2 && ws.Equal(gs) {
			gbs, _, ok1 := isoInterval(gb)
			wbs, _, ok2 := isoInterval(wb)
			if ok1 && ok2 && gbs.Equal(wbs) {
				return true
			}
		}
	}
	return false
}

// isoInterval turns "2025", "2025-01", "2025-01-17" or "A/B" into the day
// interval [start, end).
func isoInterval(s string) (time.Time, time.Time, bool) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		as, _, ok1 := isoInterval(a)
		_, be, ok2 := isoInterval(b)
		return as, be, ok1 && ok2
	}
	for _, l := range []struct {
		layout string
		y, m   int
		d      int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, t.AddDate(l.y, l.m, l.d), true
		}
	}
	return time.Time{}, time.Time{}, false
}
