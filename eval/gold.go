package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
)

// Gold is one fact a careful reader found in a document (spec/facts.md, Gold
// files).
type Gold struct {
	Doc          string   `json:"doc"`
	Programme    string   `json:"programme"`
	ProgrammeAlt []string `json:"programme_alt,omitempty"`
	Metric       string   `json:"metric"`
	MetricAlt    []string `json:"metric_alt,omitempty"`
	Unit         string   `json:"unit"`
	Value        float64  `json:"value"`
	ValueMax     *float64 `json:"value_max,omitempty"`
	Qualifier    string   `json:"qualifier"`
	AsOf         string   `json:"as_of"`
	AsOfAlt      []string `json:"as_of_alt,omitempty"`
	// Optional gold facts need not be found, and finding them is not a
	// false positive either.
	Optional bool   `json:"optional,omitempty"`
	Quote    string `json:"quote"`
}

// DocInfo is one line of a gold documents file (seeds-docs.jsonl): the
// documents the gold speaks for, including those that hold no fact.
type DocInfo struct {
	Doc       string `json:"doc"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Facts     int    `json:"facts"`
}

// ReadGold reads a gold file, one JSON object a line; blank lines are
// skipped. Every fact must name its document, programme, metric and unit.
func ReadGold(r io.Reader) ([]Gold, error) {
	var out []Gold
	err := readJSONL(r, func(line int, raw []byte) error {
		var g Gold
		if err := json.Unmarshal(raw, &g); err != nil {
			return err
		}
		for _, f := range [...]struct{ name, v string }{
			{"doc", g.Doc}, {"programme", g.Programme}, {"metric", g.Metric}, {"unit", g.Unit},
		} {
			if f.v == "" {
				return fmt.Errorf("missing %q", f.name)
			}
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// ReadDocs reads a gold documents file, one JSON object a line.
func ReadDocs(r io.Reader) ([]DocInfo, error) {
	var out []DocInfo
	err := readJSONL(r, func(line int, raw []byte) error {
		var d DocInfo
		if err := json.Unmarshal(raw, &d); err != nil {
			return err
		}
		if d.Doc == "" {
			return fmt.Errorf("missing %q", "doc")
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

func readJSONL(r io.Reader, each func(line int, raw []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Bytes()
		if len(strings.TrimSpace(string(raw))) == 0 {
			continue
		}
		if err := each(n, raw); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return nil
}

// DocName is the name under which documents are matched: the base name of
// the path, so that "seeds/003_x.txt" in the store meets "003_x.txt" in the
// gold, whichever folder was ingested and on whichever system.
func DocName(p string) string {
	return path.Base(strings.ReplaceAll(p, `\`, "/"))
}
