package store

import (
	"github.com/faits/faits/extract"
	"strings"
	"testing"
)

// TestAdd: an editor's fact has its source (span, sentence, rule editor)
// and an add event, survives re-ingestion with other rules, and is listed
// by Decisions as added, beside accepted, rejected and edited facts.
func TestAdd(t *testing.T) {
	s, _ := openTemp(t)
	body := "Le RSU compte 5,3 millions de ménages. L'ASD touche 3,9 millions de familles fin 2024."
	f1 := fact(t, body, "5,3 millions de ménages", 0, "rsu", "enrolled", "household", 5.3e6, "2024")
	res := ingest(t, s, "a.txt", "v1", doc(body, "T"), f1)
	start := strings.Index(body, "3,9 millions de familles")
	add := Addition{DocSHA256: res.DocSHA256, Start: start, End: start + len("3,9 millions de familles"),
		Programme: "asd", Metric: "beneficiaries", Unit: "household", Value: 3.9e6, Qualifier: "exact", AsOf: "2024-12", By: "amina", Note: "oublié"}
	f, err := s.Add(add)
	if err != nil {
		t.Fatal(err)
	}
	if f.Status != StatusAccepted || len(f.Sources) != 1 || f.Sources[0].Rule != EditorRule ||
		f.Sources[0].Span != "3,9 millions de familles" || f.Sources[0].Quote != "L'ASD touche 3,9 millions de familles fin 2024." {
		t.Fatalf("added fact %+v", f)
	}
	if h, _ := s.History(f.ID); len(h) != 1 || h[0].Action != ActionAdd || h[0].By != "amina" || h[0].After.Status != StatusAccepted {
		t.Errorf("history %+v", h)
	}
	if _, err := s.Add(add); err == nil {
		t.Error("the same place added twice")
	}
	for _, bad := range []Addition{
		{DocSHA256: res.DocSHA256, Start: 0, End: len(body) + 1, Programme: "asd", Metric: "budget", Unit: "MAD", By: "x"},
		{DocSHA256: res.DocSHA256, Start: 5, End: 2, Programme: "asd", Metric: "budget", Unit: "MAD", By: "x"},
		{DocSHA256: res.DocSHA256, Start: 0, End: 2, Programme: "asd", Metric: "budget", Unit: "MAD"},
		{DocSHA256: res.DocSHA256, Start: 0, End: 2, Metric: "budget", Unit: "MAD", By: "x"},
		{DocSHA256: strings.Repeat("0", 64), Start: 0, End: 2, Programme: "asd", Metric: "budget", Unit: "MAD", By: "x"},
	} {
		if _, err := s.Add(bad); err == nil {
			t.Errorf("Add(%+v) succeeded", bad)
		}
	}
	mustCheck(t, s)
	// Other rules read the document again: the editor's place stays.
	ingest(t, s, "a.txt", "v1-rules2", doc(body, "T"), f1)
	if g, err := s.Fact(f.ID); err != nil || len(g.Sources) != 1 || g.Status != StatusAccepted {
		t.Errorf("after re-ingest: %+v %v", g, err)
	}
	mustCheck(t, s)
	if _, err := s.Review(f1Key(f1).ID(), Decision{Action: ActionEdit, By: "karim", Edit: &Edit{AsOf: strPtr("2024-11")}}); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for d, err := range s.Decisions() {
		if err != nil {
			t.Fatal(err)
		}
		got[d.Fact.ID] = d.Outcome
		if d.Outcome == "edited" && (d.Read.AsOf != "2024" || d.Fact.AsOf != "2024-11") {
			t.Errorf("edited: read %+v, shown %s", d.Read, d.Fact.AsOf)
		}
	}
	if got[f.ID] != "added" || got[f1Key(f1).ID()] != "edited" || len(got) != 2 {
		t.Errorf("decisions %v", got)
	}
	// Undoing the add makes it pending: it is no decision any more.
	if _, err := s.Review(f.ID, Decision{Action: ActionUndo, By: "amina"}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for d := range s.Decisions() {
		n++
		if d.Fact.ID == f.ID {
			t.Errorf("undone add still listed: %+v", d.Outcome)
		}
	}
	if n != 1 {
		t.Errorf("%d decisions after undo, want 1", n)
	}
}

// TestRemoveTakesEditorPlaces: removing the document takes its editor's
// places with it (Add: "only the document's removal takes it away"), and
// the store stays consistent.
func TestRemoveTakesEditorPlaces(t *testing.T) {
	s, _ := openTemp(t)
	body := "Le RSU compte 5,3 millions de ménages. L'ASD touche 3,9 millions de familles fin 2024."
	f1 := fact(t, body, "5,3 millions de ménages", 0, "rsu", "enrolled", "household", 5.3e6, "2024")
	res := ingest(t, s, "a.txt", "v1", doc(body, "T"), f1)
	start := strings.Index(body, "3,9 millions de familles")
	f, err := s.Add(Addition{DocSHA256: res.DocSHA256, Start: start, End: start + len("3,9 millions de familles"),
		Programme: "asd", Metric: "beneficiaries", Unit: "household", Value: 3.9e6, Qualifier: "exact", AsOf: "2024-12", By: "amina"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Remove("a.txt"); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	if g, err := s.Fact(f.ID); err == nil && len(g.Sources) != 0 {
		t.Errorf("the removed document's editor place stays: %+v", g.Sources)
	}
}

func f1Key(f extract.Fact) Key {
	return Key{Programme: f.Programme, Metric: f.Metric, Unit: f.Unit, Value: f.Value, ValueMax: f.ValueMax, AsOf: f.AsOf}
}

func strPtr(s string) *string { return &s }

func TestSentenceAround(t *testing.T) {
	text := "Titre\nUn. Le RSU compte 5,3 millions. Fin ! Reste"
	for _, tc := range []struct {
		span, want string
	}{
		{"5,3 millions", "Le RSU compte 5,3 millions."},
		{"Titre", "Titre"},
		{"Reste", "Reste"},
	} {
		i := strings.Index(text, tc.span)
		if got := SentenceAround(text, i, i+len(tc.span)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.span, got, tc.want)
		}
	}
}
