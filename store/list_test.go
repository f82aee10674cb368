package store

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestList checks List against Facts (which reads every source): the same
// facts, in the order each sort promises, paged, with the right counts and
// first sources; and Sources pages through all of a fact's sources.
func TestList(t *testing.T) {
	s, _ := openTemp(t)
	for _, d := range synthCorpus(300) {
		ingest(t, s, d.rel, d.raw, d.doc, d.facts...)
	}
	all, err := s.Facts(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	multi := 0
	for _, f := range all {
		if f.IndependentSources() < len(f.Sources) {
			multi++
		}
	}
	if multi == 0 {
		t.Fatal("fixture has no fact with reprinted sources")
	}
	for _, tc := range []struct {
		name string
		o    ListOptions
		keep func(Fact) bool
	}{
		{"all", ListOptions{}, nil},
		{"programme", ListOptions{Filter: Filter{Programme: "rsu"}}, func(f Fact) bool { return f.Programme == "rsu" }},
		{"as_of", ListOptions{AsOf: "2024-0"}, func(f Fact) bool { return strings.HasPrefix(f.AsOf, "2024-0") }},
		{"site", ListOptions{Filter: Filter{Site: "reprint.test"}}, func(f Fact) bool {
			for _, s := range f.Sources {
				if s.Site == "reprint.test" {
					return true
				}
			}
			return false
		}},
		{"doc", ListOptions{Filter: Filter{Doc: "site3/00003.txt"}}, func(f Fact) bool {
			for _, s := range f.Sources {
				if s.Doc == "site3/00003.txt" {
					return true
				}
			}
			return false
		}},
	} {
		var want []Fact
		for _, f := range all {
			if tc.keep == nil || tc.keep(f) {
				want = append(want, f)
			}
		}
		for _, by := range []string{"id", "date", "sources"} {
			w := append([]Fact(nil), want...)
			sort.SliceStable(w, func(i, j int) bool {
				a, b := w[i], w[j]
				if by == "sources" {
					if a.IndependentSources() != b.IndependentSources() {
						return a.IndependentSources() > b.IndependentSources()
					}
					if len(a.Sources) != len(b.Sources) {
						return len(a.Sources) > len(b.Sources)
					}
				}
				if by != "id" && a.AsOf != b.AsOf {
					return a.AsOf > b.AsOf
				}
				return a.ID < b.ID
			})
			for _, pg := range [][2]int{{0, 0}, {0, 7}, {5, 20}, {len(w) - 1, 10}, {len(w) + 3, 5}} {
				o := tc.o
				o.Sort, o.Offset, o.Limit, o.Sources = by, pg[0], pg[1], 2
				got, total, err := s.List(o)
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s/%s/%d+%d", tc.name, by, pg[0], pg[1])
				if total != len(w) {
					t.Errorf("%s: total %d, want %d", name, total, len(w))
				}
				lo := min(pg[0], len(w))
				hi := len(w)
				if pg[1] > 0 {
					hi = min(lo+pg[1], hi)
				}
				exp := w[lo:hi]
				if len(got) != len(exp) {
					t.Fatalf("%s: %d facts, want %d", name, len(got), len(exp))
				}
				for i, g := range got {
					e := exp[i]
					if g.ID != e.ID || g.SourceCount != len(e.Sources) || g.IndependentSources() != e.IndependentSources() ||
						g.NumSources() != len(e.Sources) || len(g.Sources) != min(2, len(e.Sources)) {
						t.Fatalf("%s #%d: got %s with %d/%d sources (%d carried), want %s with %d/%d", name, i,
							g.ID, g.SourceCount, g.IndependentCount, len(g.Sources), e.ID, len(e.Sources), e.IndependentSources())
					}
					if len(g.Sources) > 0 && !reflect.DeepEqual(g.Sources[0], e.Sources[0]) {
						t.Errorf("%s: %s's first source is %v, the export's %v", name, g.ID, g.Sources[0], e.Sources[0])
					}
				}
			}
		}
	}
	// Sources pages through every source, independent ones first.
	for _, f := range all {
		if len(f.Sources) < 3 {
			continue
		}
		var got []Source
		for off := 0; ; off += 2 {
			page, n, err := s.Sources(f.ID, off, 2)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(f.Sources) {
				t.Fatalf("%s: Sources says %d, the fact has %d", f.ID, n, len(f.Sources))
			}
			if len(page) == 0 {
				break
			}
			got = append(got, page...)
		}
		if len(got) != len(f.Sources) {
			t.Fatalf("%s: paged %d sources, want %d", f.ID, len(got), len(f.Sources))
		}
		seen := map[string]bool{}
		indep := f.IndependentSources()
		for i, src := range got {
			origin := "d:" + src.DocSHA256
			if src.ReprintGroup != "" {
				origin = "g:" + src.ReprintGroup
			}
			if (i < indep) == seen[origin] {
				t.Errorf("%s: source %d (%s) breaks 'independent first'", f.ID, i, origin)
			}
			seen[origin] = true
		}
		sortSources(got)
		for i := range got {
			if !reflect.DeepEqual(got[i], f.Sources[i]) {
				t.Fatalf("%s: paged sources are not the fact's", f.ID)
			}
		}
	}
	if _, _, err := s.Sources("f-000000000000", 0, 1); err == nil {
		t.Error("Sources of an unknown fact: no error")
	}
}

// TestQueueRank: the queue's order (sort "sources", any status or one)
// comes from the rank index; after decisions, an edited as_of, removed
// files (orphans and dropped facts) and a re-read file it still lists what
// reading every fact's sources gives, and Check finds the index whole.
func TestQueueRank(t *testing.T) {
	s, _ := openTemp(t)
	docs := synthCorpus(200)
	for _, d := range docs {
		ingest(t, s, d.rel, d.raw, d.doc, d.facts...)
	}
	all, err := s.Facts(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range all[:40] {
		d := Decision{Action: []string{ActionAccept, ActionReject, ActionEdit, ActionAccept}[i%4], By: "test"}
		if d.Action == ActionEdit {
			d.Edit = &Edit{AsOf: str("2019-0" + fmt.Sprint(1+i%9))}
		}
		if _, err := s.Review(f.ID, d); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range docs[:30] {
		if _, err := s.Remove(d.rel); err != nil {
			t.Fatal(err)
		}
	}
	// A file read again with fewer facts.
	d := docs[50]
	ingest(t, s, d.rel, d.raw+"2", d.doc, d.facts[:2]...)
	mustCheck(t, s)
	all, err = s.Facts(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[string]int{}
	for _, f := range all {
		statuses[f.Status]++
	}
	if len(statuses) < 5 {
		t.Fatalf("fixture lacks a status: %v", statuses)
	}
	for _, st := range []string{"", StatusPending, StatusAccepted, StatusRejected, StatusEdited, StatusOrphaned, "bogus"} {
		var want []Fact
		for _, f := range all {
			if st == "" || f.Status == st {
				want = append(want, f)
			}
		}
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if a.IndependentSources() != b.IndependentSources() {
				return a.IndependentSources() > b.IndependentSources()
			}
			if len(a.Sources) != len(b.Sources) {
				return len(a.Sources) > len(b.Sources)
			}
			if a.AsOf != b.AsOf {
				return a.AsOf > b.AsOf
			}
			return a.ID < b.ID
		})
		for _, pg := range [][2]int{{0, 0}, {0, 10}, {7, 25}, {len(want), 5}} {
			got, total, err := s.List(ListOptions{Filter: Filter{Status: st}, Sort: "sources", Offset: pg[0], Limit: pg[1]})
			if err != nil {
				t.Fatal(err)
			}
			if total != len(want) {
				t.Errorf("status %q: total %d, want %d", st, total, len(want))
			}
			w := want[min(pg[0], len(want)):]
			if pg[1] > 0 {
				w = w[:min(pg[1], len(w))]
			}
			if len(got) != len(w) {
				t.Fatalf("status %q page %v: %d facts, want %d", st, pg, len(got), len(w))
			}
			for i := range got {
				if got[i].ID != w[i].ID || got[i].IndependentCount != w[i].IndependentSources() || got[i].Status != w[i].Status {
					t.Errorf("status %q page %v #%d: %s (%d independent, %s), want %s (%d, %s)", st, pg, i,
						got[i].ID, got[i].IndependentCount, got[i].Status, w[i].ID, w[i].IndependentSources(), w[i].Status)
				}
			}
		}
	}
}
