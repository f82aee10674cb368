package serve

import (
	"math"
	"strconv"
	"strings"

	"github.com/faits/faits/store"
)

// frenchNumber writes x the French way: decimal comma, thousands grouped
// with narrow no-break spaces, at most dec decimals, trailing zeros dropped.
func frenchNumber(x float64, dec int) string {
	p := math.Pow(10, float64(dec))
	x = math.Round(x*p) / p
	s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if x < 0 {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// scaled writes large values in millions or milliards, as the press does.
func scaled(v float64, long bool) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		if long {
			if a < 2e9 {
				return frenchNumber(v/1e9, 3) + " milliard"
			}
			return frenchNumber(v/1e9, 3) + " milliards"
		}
		return frenchNumber(v/1e9, 2) + " Md"
	case a >= 1e6:
		if long {
			if a < 2e6 {
				return frenchNumber(v/1e6, 3) + " million"
			}
			return frenchNumber(v/1e6, 3) + " millions"
		}
		return frenchNumber(v/1e6, 2) + " M"
	}
	return frenchNumber(v, 2)
}

var unitLabels = map[string]string{
	"person": "personnes", "household": "ménages", "child": "enfants",
	"elderly": "personnes âgées", "student": "élèves", "file": "dossiers",
	"service": "services", "decree": "décrets", "point": "points",
	"MAD": "DH", "EUR": "€", "USD": "$", "percent": "%",
}

var qualifierLabels = map[string]string{
	"about": "environ", "more_than": "plus de", "at_least": "au moins",
	"less_than": "moins de", "up_to": "jusqu'à",
}

// display writes a fact's figure as a reader would say it: "plus de 11,1
// millions personnes", "de 500 à 1 200 DH", "93 %".
func display(f store.Fact) string {
	var b strings.Builder
	if q := qualifierLabels[f.Qualifier]; q != "" {
		b.WriteString(q + " ")
	}
	top := f.Value
	if f.ValueMax != nil {
		b.WriteString("de " + scaled(f.Value, true) + " à " + scaled(*f.ValueMax, true))
		top = *f.ValueMax
	} else {
		b.WriteString(scaled(f.Value, true))
	}
	u := unitLabels[f.Unit]
	if u == "" {
		u = f.Unit
	}
	switch {
	case u == "":
	case f.Unit == "percent":
		b.WriteString("\u00a0" + u)
	case math.Abs(top) >= 1e6:
		// "24,3 millions de personnes": millions and milliards are nouns.
		b.WriteString(" de " + u)
	default:
		b.WriteString(" " + u)
	}
	return b.String()
}

// exact writes the value in full, for the editor to check the scaling.
func exact(f store.Fact) string {
	s := frenchNumber(f.Value, 6)
	if f.ValueMax != nil {
		s += " – " + frenchNumber(*f.ValueMax, 6)
	}
	return s
}

// plainNumber writes v as the edit form expects it back.
func plainNumber(v float64) string {
	return strings.ReplaceAll(frenchNumber(v, 6), "\u202f", " ")
}
