package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/faits/faits/eval"
	"github.com/faits/faits/store"
)

// writeGold writes the editors' decisions as a gold file (spec/facts.md):
// for every document whose facts are all decided (none pending or
// orphaned), one line per accepted, edited or added fact read there, with
// the values the editors gave. A document with a pending fact is left out,
// since its gold would be incomplete; docsPath, when set, receives the
// list of the documents covered (those with no fact left included), for
// faits eval --docs. It returns how many documents were covered and left
// out.
func writeGold(w io.Writer, st factReader, docsPath string) (covered, left int, err error) {
	type docGold struct {
		lines   []eval.Gold
		pending bool
	}
	docs := map[string]*docGold{}
	for f, err := range st.All(store.Filter{}) {
		if err != nil {
			return 0, 0, err
		}
		for _, s := range f.Sources {
			name := eval.DocName(s.Doc)
			d := docs[name]
			if d == nil {
				d = &docGold{}
				docs[name] = d
			}
			switch f.Status {
			case store.StatusAccepted, store.StatusEdited:
				d.lines = append(d.lines, eval.Gold{Doc: name, Programme: f.Programme, Metric: f.Metric, Unit: f.Unit,
					Value: f.Value, ValueMax: f.ValueMax, Qualifier: f.Qualifier, AsOf: f.AsOf, Quote: s.Quote})
			case store.StatusRejected:
			default:
				d.pending = true
			}
		}
	}
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var infos []eval.DocInfo
	for _, n := range names {
		d := docs[n]
		if d.pending {
			left++
			continue
		}
		covered++
		infos = append(infos, eval.DocInfo{Doc: n, Facts: len(d.lines)})
		for _, g := range d.lines {
			if err := enc.Encode(g); err != nil {
				return covered, left, err
			}
		}
	}
	if docsPath != "" {
		f, err := os.Create(docsPath)
		if err != nil {
			return covered, left, fmt.Errorf("gold documents: %w", err)
		}
		denc := json.NewEncoder(f)
		denc.SetEscapeHTML(false)
		for _, di := range infos {
			if err := denc.Encode(di); err != nil {
				f.Close()
				return covered, left, fmt.Errorf("gold documents %s: %w", docsPath, err)
			}
		}
		if err := f.Close(); err != nil {
			return covered, left, fmt.Errorf("gold documents %s: %w", docsPath, err)
		}
	}
	return covered, left, nil
}
