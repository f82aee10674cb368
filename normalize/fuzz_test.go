package normalize

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// commaThousands is a figure's text that a count noun after it reads as
// thousands grouped the English way ("245,800").
var commaThousands = regexp.MustCompile(`^[1-9]\d{0,2},\d{3}$`)

// FuzzScan checks the contract of Scan on any input: no panic, spans in
// order, without overlap, on UTF-8 boundaries and equal to Text, and the
// value of a figure's Text scanned alone is the same.
func FuzzScan(f *testing.F) {
	for _, c := range scanCases {
		f.Add(c.in)
	}
	for _, s := range []string{"1,1^23 pourcent", "-12e-1", "192.168.1.2", "½", "3/4", "4 au 22 cette mois",
		"les années 1990", "il y a deux ans", "noël 2015", "$ 75 millions", "12 Janvier, 2016 - 22/01/2016"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkContract(t, text, Scan(text, &Options{Ref: testRef}))
		checkContract(t, text, Scan(text, nil))
	})
}

func checkContract(t *testing.T, text string, exprs []Expr) {
	t.Helper()
	prevEnd := 0
	for _, e := range exprs {
		if e.Start < prevEnd || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("Scan(%q): span [%d,%d) out of order or bounds (previous end %d)", text, e.Start, e.End, prevEnd)
		}
		prevEnd = e.End
		if !boundary(text, e.Start) || !boundary(text, e.End) {
			t.Fatalf("Scan(%q): span [%d,%d) splits a UTF-8 sequence", text, e.Start, e.End)
		}
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("Scan(%q): Text %q != input[%d:%d]", text, e.Text, e.Start, e.End)
		}
		if e.Kind == Date {
			continue
		}
		if math.IsNaN(e.Value) || math.IsInf(e.Value, 0) {
			t.Fatalf("Scan(%q): %q has value %v", text, e.Text, e.Value)
		}
		if e.Low != nil && (e.Low.Start < e.Start || e.High.End > e.End || text[e.Low.Start:e.Low.End] != e.Low.Text ||
			text[e.High.Start:e.High.End] != e.High.Text) {
			t.Fatalf("Scan(%q): range ends %q, %q outside %q", text, e.Low.Text, e.High.Text, e.Text)
		}
		alone := Scan(e.Text, &Options{Ref: testRef})
		if len(alone) == 0 && isYearLike(e.Text) {
			// "2000 familles": only the noun after it makes a year-like
			// number a count.
			continue
		}
		if len(alone) == 1 && sharedForward(text, e, alone[0]) {
			// "30 et 31,5 milliards": the scale and unit are written
			// once, after the second figure.
			continue
		}
		if len(alone) == 1 && alone[0].Kind == Number && e.Kind == Number && commaThousands.MatchString(e.Text) &&
			nearlyEqual(alone[0].Value*1000, e.Value) {
			// "245,800 adhérents": only the count noun after it makes the
			// comma group thousands.
			continue
		}
		if len(alone) != 1 || !sameValue(alone[0], e) {
			t.Fatalf("Scan(%q) found %q = %v (max %v); scanned alone it gives %s", text, e.Text, e.Value, e.ValueMax, show(alone))
		}
	}
}

// sharedForward reports whether e is a bare number that took the scale or
// unit of the figure joined to it by "et"/"ou" (see shareForward): alone
// it is a plain number, and e's value is that number times one scale.
func sharedForward(text string, e, alone Expr) bool {
	if alone.Kind != Number || alone.Unit != "" || alone.ValueMax != nil || e.ValueMax != nil {
		return false
	}
	rest := strings.TrimLeft(text[e.End:], " \u00a0")
	if !strings.HasPrefix(rest, "et ") && !strings.HasPrefix(rest, "ou ") {
		return false
	}
	for _, scale := range []float64{1, 1e3, 1e6, 1e9, 1e12} {
		if nearlyEqual(alone.Value*scale, e.Value) {
			return true
		}
	}
	return false
}

func isYearLike(s string) bool {
	return len(s) == 4 && s[0] >= '1' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' &&
		s[3] >= '0' && s[3] <= '9'
}

func sameValue(a, b Expr) bool {
	if !nearlyEqual(a.Value, b.Value) && !(math.IsNaN(a.Value) && math.IsNaN(b.Value)) {
		return false
	}
	if (a.ValueMax == nil) != (b.ValueMax == nil) {
		return false
	}
	return a.ValueMax == nil || nearlyEqual(*a.ValueMax, *b.ValueMax)
}

// boundary reports whether i starts a rune of s as range decodes it (an
// invalid byte counts as one rune).
func boundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for k := range s {
		if k == i {
			return true
		}
		if k > i {
			return false
		}
	}
	return false
}

// FuzzParseValue checks that ParseValue never panics and never returns a
// value that is not a number.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"22,5 millions", "1.200", "1200.5", "3 millions et demi", "quatre-vingt-dix", "-4,5",
		"1e400", "1,1^999", "9999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseValue(s)
		if err == nil && math.IsNaN(v) {
			t.Fatalf("ParseValue(%q) = NaN without an error", s)
		}
	})
}
