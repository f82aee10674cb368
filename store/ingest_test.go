package store

import (
	"errors"
	"testing"
)

const (
	bodyA = "Le régime AMO Tadamon couvre plus de 11,1 millions de personnes. Le RSU compte 5,3 millions de familles inscrites.\n\nSelon le ministère, le RSU compte 5,3 millions de familles."
	bodyB = "Dans un autre article, on lit que l'AMO Tadamon couvre 11,1 millions de personnes à fin octobre."
)

func factsA(t *testing.T) []extractFact {
	return []extractFact{
		fact(t, bodyA, "11,1 millions de personnes", 0, "amo-tadamon", "beneficiaries", "person", 11.1e6, "2024-11"),
		fact(t, bodyA, "5,3 millions de familles", 0, "rsu", "enrolled", "household", 5.3e6, "2024-11"),
		fact(t, bodyA, "5,3 millions de familles", 1, "rsu", "enrolled", "household", 5.3e6, "2024-11"),
	}
}

func TestIngestDeduplicates(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	// The same reading twice in one call is one source.
	res := ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), append(fa, fa[0])...)
	if res.NewFacts != 2 || res.NewSources != 3 {
		t.Errorf("first ingest: %+v, want 2 facts, 3 sources", res)
	}
	fb := fact(t, bodyB, "11,1 millions de personnes", 0, "amo-tadamon", "beneficiaries", "person", 11.1e6, "2024-11")
	res = ingest(t, s, "b.txt", "raw b", doc(bodyB, "B"), fb)
	if res.NewFacts != 0 || res.NewSources != 1 {
		t.Errorf("second ingest: %+v, want 0 facts, 1 source", res)
	}
	fs, err := s.Facts(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("got %d facts, want 2", len(fs))
	}
	for _, f := range fs {
		if len(f.Sources) != 2 {
			t.Errorf("fact %s (%s) has %d sources, want 2", f.ID, f.Programme, len(f.Sources))
		}
		if f.ID != KeyOf(fa[0]).ID() && f.ID != KeyOf(fa[1]).ID() {
			t.Errorf("unexpected id %s", f.ID)
		}
		if f.Status != StatusPending {
			t.Errorf("status %q", f.Status)
		}
		for _, src := range f.Sources {
			d, err := s.Document(src.DocSHA256)
			if err != nil {
				t.Fatal(err)
			}
			if d.Body[src.Start:src.End] != src.Span {
				t.Errorf("span %q is not at [%d,%d) of %s", src.Span, src.Start, src.End, src.Doc)
			}
		}
	}
	if fs[0].ID > fs[1].ID {
		t.Errorf("facts not sorted by id")
	}
	mustCheck(t, s)
}

func TestIngestIdempotent(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	before := export(t, s)
	res := ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	if !res.Skipped {
		t.Errorf("unchanged file not skipped: %+v", res)
	}
	if same, err := s.Unchanged("a.txt", rawHash("raw a")); err != nil || !same {
		t.Errorf("Unchanged = %v, %v", same, err)
	}
	if same, _ := s.Unchanged("a.txt", rawHash("raw a2")); same {
		t.Errorf("Unchanged true for other bytes")
	}
	// Other bytes, same clean text and readings: re-read, same export.
	res = ingest(t, s, "a.txt", "raw a with other furniture", doc(bodyA, "A"), fa...)
	if res.Skipped || res.NewSources != 0 || res.RemovedSources != 0 {
		t.Errorf("re-read of same text: %+v", res)
	}
	if after := export(t, s); after != before {
		t.Errorf("export changed:\n%s\nvs\n%s", before, after)
	}
	mustCheck(t, s)
}

func TestExportIndependentOfOrder(t *testing.T) {
	fa := factsA(t)
	fb := fact(t, bodyB, "11,1 millions de personnes", 0, "amo-tadamon", "beneficiaries", "person", 11.1e6, "2024-11")
	s1, _ := openTemp(t)
	ingest(t, s1, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	ingest(t, s1, "b.txt", "raw b", doc(bodyB, "B"), fb)
	ingest(t, s1, "c.txt", "raw c", doc(bodyA, "C"), fa...)
	s2, _ := openTemp(t)
	ingest(t, s2, "c.txt", "raw c", doc(bodyA, "C"), fa...)
	ingest(t, s2, "b.txt", "raw b", doc(bodyB, "B"), fb)
	ingest(t, s2, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	if e1, e2 := export(t, s1), export(t, s2); e1 != e2 {
		t.Errorf("export depends on ingest order:\n%s\nvs\n%s", e1, e2)
	}
}

func TestSameBodyTwoPaths(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "z/copy.txt", "raw copy", doc(bodyA, "Copie"), fa...)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "Original"), fa...)
	f := mustFact(t, s, KeyOf(fa[0]).ID())
	if len(f.Sources) != 1 {
		t.Fatalf("%d sources, want 1 (one document)", len(f.Sources))
	}
	if src := f.Sources[0]; src.Doc != "a.txt" || src.Title != "Original" {
		t.Errorf("source doc %q title %q, want the first path's", src.Doc, src.Title)
	}
	d, err := s.Document(f.Sources[0].DocSHA256)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paths) != 2 || d.Paths[0] != "a.txt" || d.Paths[1] != "z/copy.txt" {
		t.Errorf("paths %q", d.Paths)
	}
	// Removing the first path keeps the document under the other.
	if _, err := s.Remove("a.txt"); err != nil {
		t.Fatal(err)
	}
	f = mustFact(t, s, KeyOf(fa[0]).ID())
	if len(f.Sources) != 1 || f.Sources[0].Doc != "z/copy.txt" || f.Sources[0].Title != "Copie" {
		t.Errorf("after removal: %+v", f.Sources)
	}
	mustCheck(t, s)
}

func TestChangedFileReplacesSources(t *testing.T) {
	fa := factsA(t)
	newBody := "Le RSU compte 5,3 millions de familles inscrites, selon la nouvelle version."
	fNew := fact(t, newBody, "5,3 millions de familles", 0, "rsu", "enrolled", "household", 5.3e6, "2024-11")
	tests := []struct {
		name       string
		accept     bool // an editor accepts the AMO fact before the change
		wantStatus string
	}{
		{"untouched fact is dropped", false, ""},
		{"accepted fact is orphaned", true, StatusOrphaned},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			ingest(t, s, "a.txt", "v1", doc(bodyA, "A"), fa...)
			amo := KeyOf(fa[0]).ID()
			if tc.accept {
				if _, err := s.Review(amo, Decision{Action: ActionAccept, By: "ed"}); err != nil {
					t.Fatal(err)
				}
			}
			res := ingest(t, s, "a.txt", "v2", doc(newBody, "A"), fNew)
			if res.RemovedSources != 3 || res.NewSources != 1 {
				t.Errorf("result %+v, want 3 removed, 1 new", res)
			}
			f, err := s.Fact(amo)
			switch {
			case tc.wantStatus == "":
				if !errors.Is(err, ErrNotFound) {
					t.Errorf("dropped fact: err %v, fact %+v", err, f)
				}
				if res.Dropped != 1 {
					t.Errorf("Dropped = %d", res.Dropped)
				}
			case err != nil:
				t.Fatal(err)
			default:
				if f.Status != tc.wantStatus || f.Decision != StatusAccepted || len(f.Sources) != 0 || res.Orphaned != 1 {
					t.Errorf("status %q, %d sources, result %+v", f.Status, len(f.Sources), res)
				}
				// The figure read again: the decision is back in force.
				ingest(t, s, "a.txt", "v3", doc(bodyA, "A"), fa...)
				if f := mustFact(t, s, amo); f.Status != StatusAccepted {
					t.Errorf("after re-reading, status %q", f.Status)
				}
			}
			rsu := mustFact(t, s, KeyOf(fNew).ID())
			if tc.wantStatus == "" && (len(rsu.Sources) != 1 || rsu.Sources[0].Start != fNew.Start) {
				t.Errorf("rsu sources %+v", rsu.Sources)
			}
			mustCheck(t, s)
		})
	}
}

func TestIngestRejectsBadInput(t *testing.T) {
	s, _ := openTemp(t)
	good := fact(t, bodyA, "11,1 millions de personnes", 0, "amo-tadamon", "beneficiaries", "person", 11.1e6, "2024-11")
	shifted := good
	shifted.Start++
	shifted.End++
	nan := good
	nan.Value = nan.Value * 0
	nan.Value /= nan.Value
	for name, f := range map[string]extractFact{"span not at offsets": shifted, "NaN value": nan} {
		if _, err := s.Ingest("a.txt", "r", doc(bodyA, ""), []extractFact{f}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if fs, _ := s.Facts(Filter{}); len(fs) != 0 {
		t.Errorf("a failed ingest left %d facts", len(fs))
	}
	mustCheck(t, s)
}
