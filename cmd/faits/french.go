package main

import (
	"strconv"
	"strings"
)

// frenchValue writes a fact's value as a French reader expects it: digits
// grouped by three with spaces and a decimal comma ("22 500 000", "12,5"),
// whole billions in words ("40,5 milliards", "1 milliard") since that is
// how the press gives budgets, and a range as "500 à 1 200".
func frenchValue(v float64, vmax *float64) string {
	s := frenchNumber(v)
	if vmax != nil {
		s += " à " + frenchNumber(*vmax)
	}
	return s
}

func frenchNumber(v float64) string {
	if a := abs(v); a >= 1e9 {
		m := strconv.FormatFloat(v/1e9, 'f', -1, 64)
		if i := strings.IndexByte(m, '.'); i < 0 || len(m)-i-1 <= 3 {
			word := " milliards"
			if a < 2e9 {
				word = " milliard"
			}
			return groupDigits(m) + word
		}
	}
	return groupDigits(strconv.FormatFloat(v, 'f', -1, 64))
}

// groupDigits turns Go's "-1234567.5" into "-1 234 567,5".
func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("," + frac)
	}
	return b.String()
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
