// Package normalize finds French figures, money amounts, percentages, ranges,
// hedges and dates in text and gives each its byte span and normalised value.
package normalize

import "time"

// Kind says what an expression measures.
type Kind string

// The kinds of expression Scan reports.
const (
	Number  Kind = "number"
	Money   Kind = "money"
	Percent Kind = "percent"
	Date    Kind = "date"
)

// Expr is one expression found in a text.
type Expr struct {
	// Text is the exact source text, Text == input[Start:End].
	Text string `json:"text"`
	// Start and End are byte offsets into the scanned text.
	Start int  `json:"start"`
	End   int  `json:"end"`
	Kind  Kind `json:"kind"`
	// Value is the fully scaled value ("22,5 millions" = 22500000; "93 %" = 93).
	// For a range it is the lower end.
	Value float64 `json:"value"`
	// ValueMax is the upper end of a range, nil otherwise.
	ValueMax *float64 `json:"value_max"`
	// Unit is a currency code ("MAD", "EUR", "USD") for money, "percent" for
	// percentages and "" for plain numbers and dates.
	Unit string `json:"unit"`
	// Qualifier is the hedge id of spec/taxonomy.md ("exact", "about",
	// "more_than", "at_least", "less_than", "up_to"). The hedge words are
	// part of Text.
	Qualifier string `json:"qualifier"`
	// Date is, for kind date, an ISO 8601 partial date ("2025", "2025-01",
	// "2025-01-17") or an interval "A/B" ("2021/2024-12"; an open end is "..").
	Date string `json:"date"`
	// Low and High are, for a range ("de 8,6 millions à 24,3 millions"),
	// each end read on its own with its own span, value and unit (a unit or
	// scale written once is shared), so that a caller can tell a change
	// ("passant de A à B") from a range and keep both figures. Low is the end
	// written first and High the end written second, whichever is larger;
	// Value and ValueMax are the smaller and the larger. Both are nil for
	// anything that is not a range.
	Low  *Expr `json:"-"`
	High *Expr `json:"-"`
	// Anchor is, for a date counted from an earlier date of the paragraph
	// rather than from Options.Ref ("en octobre 2024 … un an plus tôt",
	// "l'année précédente"), that earlier date; "" otherwise. A caller that
	// picks its own anchor uses it to recover the distance the phrase says.
	Anchor string `json:"-"`
}

// Options tune a scan.
type Options struct {
	// Ref resolves relative dates ("janvier dernier", "hier"); when zero,
	// relative dates are reported with an empty Date.
	Ref time.Time
	// InYear puts a date written without its year ("le 6 janvier", "mi-
	// mars") in Ref's year rather than in the year that brings it nearest
	// to Ref: under a retrospective's heading "JANVIER 2025", "contre
	// 64.000 en décembre" is December 2025 even though Ref is in January.
	InYear bool
}

// MonthNumber returns 1..12 for a French month name written whole, in any
// case and with or without its accents ("Février", "AOUT"), and 0 for
// anything else.
func MonthNumber(word string) int {
	return frenchMonths[fold(word)]
}
