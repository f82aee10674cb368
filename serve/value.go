package serve

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/faits/faits/normalize"
)

// parseValue reads a value typed by an editor, French ("22,5 millions",
// "1 234,5", "1.234.567", "onze") or plain ("22500000", "22.5"), with the
// extractor's own number reader so that the desk and the rules agree on
// every spelling.
func parseValue(s string) (float64, error) {
	v, err := normalize.ParseValue(strings.TrimSpace(s))
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}

// validAsOf reports whether s is "" or an ISO 8601 partial date: YYYY,
// YYYY-MM or YYYY-MM-DD naming a real day.
func validAsOf(s string) bool {
	if s == "" {
		return true
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}
