// Package export writes facts in the two forms other programs and people
// read: JSON lines (the record of spec/facts.md, one a line) and CSV (one
// row a fact, for spreadsheets). The command line and the JSON API share it,
// so that `faits export` and GET /api/v1/export give the same bytes.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/faits/faits/store"
)

// Formats are the format names Write accepts.
var Formats = []string{"jsonl", "csv"}

// Options choose the form.
type Options struct {
	// Format is "jsonl" or "csv".
	Format string
	// BOM starts CSV with a UTF-8 byte order mark, so that spreadsheets
	// read the accents right.
	BOM bool
}

// Write writes every fact of facts to w in the chosen format; the first
// error, of facts or of w, ends it.
func Write(w io.Writer, facts iter.Seq2[store.Fact, error], o Options) error {
	switch o.Format {
	case "jsonl":
		if o.BOM {
			return fmt.Errorf("a byte order mark is for csv only")
		}
		return JSONL(w, facts)
	case "csv":
		return CSV(w, facts, o.BOM)
	default:
		return fmt.Errorf("unknown format %q (jsonl or csv)", o.Format)
	}
}

// ContentType is the media type of a format.
func ContentType(format string) string {
	if format == "csv" {
		return "text/csv; charset=utf-8"
	}
	return "application/x-ndjson; charset=utf-8"
}

// JSONL writes the store.Fact record, whose field order is the spec's, one
// a line. HTML escaping is off: quotes hold « », & and the like verbatim.
func JSONL(w io.Writer, facts iter.Seq2[store.Fact, error]) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for x, err := range facts {
		if err != nil {
			return err
		}
		if err := enc.Encode(x); err != nil {
			return err
		}
	}
	return nil
}

// Header names the CSV columns (documented in README.md): the fact, then
// how many sources it has, then its first source flattened.
var Header = []string{
	"id", "programme", "metric", "value", "value_max", "unit", "qualifier", "as_of", "modality", "status",
	"sources", "independent_sources",
	"doc", "doc_sha256", "title", "site", "url", "published", "span", "start", "end", "quote", "source_qualifier", "rule",
}

// CSV writes RFC 4180 CSV (CRLF line ends, quotes where needed), one row a
// fact. A cell a spreadsheet would run as a formula (starting with =, +,
// -, @, tab or carriage return: a scraped title "=HYPERLINK(…)") starts
// with a single quote instead, as OWASP advises against CSV injection;
// numbers are left as they are. JSONL keeps every string unchanged.
func CSV(w io.Writer, facts iter.Seq2[store.Fact, error], bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Header); err != nil {
		return err
	}
	for x, err := range facts {
		if err != nil {
			return err
		}
		if err := cw.Write(neutralise(Row(x))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralise quotes the cells of row that a spreadsheet would read as a
// formula, in place.
func neutralise(row []string) []string {
	for i, c := range row {
		if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) || plainNumber(c) {
			continue
		}
		row[i] = "'" + c
	}
	return row
}

// plainNumber reports whether s is a number as Number writes it ("-3.5"),
// which no spreadsheet runs as a formula.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0:
			dot = true
		default:
			return false
		}
	}
	return digits > 0 && s[len(s)-1] != '.'
}

// Row is a fact's CSV row, in Header's order.
func Row(x store.Fact) []string {
	vmax := ""
	if x.ValueMax != nil {
		vmax = Number(*x.ValueMax)
	}
	row := []string{
		x.ID, x.Programme, x.Metric, Number(x.Value), vmax, x.Unit, x.Qualifier, x.AsOf, x.Modality, x.Status,
		strconv.Itoa(len(x.Sources)), strconv.Itoa(x.IndependentSources()),
	}
	var s store.Source
	start, end := "", ""
	if len(x.Sources) > 0 {
		s = x.Sources[0]
		start, end = strconv.Itoa(s.Start), strconv.Itoa(s.End)
	}
	return append(row, s.Doc, s.DocSHA256, s.Title, s.Site, s.URL, s.Published, s.Span, start, end, s.Quote, s.Qualifier, s.Rule)
}

// Number writes a value as a spreadsheet reads it back: no exponent, no
// trailing zeros ("22500000", "40.5").
func Number(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
