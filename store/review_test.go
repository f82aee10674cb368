package store

import (
	"errors"
	"testing"
)

func TestReviewAndUndo(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	id := KeyOf(fa[0]).ID()
	steps := []struct {
		d          Decision
		wantStatus string
		wantValue  float64
		wantProg   string
	}{
		{Decision{Action: ActionAccept, By: "amina", Note: "vu"}, StatusAccepted, 11.1e6, "amo-tadamon"},
		{Decision{Action: ActionEdit, By: "karim", Edit: &Edit{Value: f64(11e6), Programme: "amo"}}, StatusEdited, 11e6, "amo"},
		{Decision{Action: ActionEdit, By: "karim", Edit: &Edit{AsOf: str("2024-10")}}, StatusEdited, 11e6, "amo"},
		{Decision{Action: ActionUndo, By: "karim"}, StatusEdited, 11e6, "amo"},
		{Decision{Action: ActionUndo, By: "karim"}, StatusAccepted, 11.1e6, "amo-tadamon"},
		{Decision{Action: ActionReject, By: "amina"}, StatusRejected, 11.1e6, "amo-tadamon"},
		{Decision{Action: ActionUndo, By: "amina"}, StatusAccepted, 11.1e6, "amo-tadamon"},
		{Decision{Action: ActionUndo, By: "amina"}, StatusPending, 11.1e6, "amo-tadamon"},
	}
	for i, st := range steps {
		f, err := s.Review(id, st.d)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if f.ID != id || f.Status != st.wantStatus || f.Value != st.wantValue || f.Programme != st.wantProg {
			t.Errorf("step %d (%s): got %s %s %v %s, want %s %v %s", i, st.d.Action, f.ID, f.Status, f.Value, f.Programme, st.wantStatus, st.wantValue, st.wantProg)
		}
		if len(f.Sources) != 1 {
			t.Errorf("step %d: %d sources", i, len(f.Sources))
		}
		mustCheck(t, s)
	}
	if _, err := s.Review(id, Decision{Action: ActionUndo, By: "x"}); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo with nothing left: %v", err)
	}
	h, err := s.History(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != len(steps) {
		t.Fatalf("%d events, want %d", len(h), len(steps))
	}
	for i, ev := range h {
		if ev.Action != steps[i].d.Action || ev.By != steps[i].d.By || ev.After.Status != steps[i].wantStatus {
			t.Errorf("event %d: %+v", i, ev)
		}
		if i > 0 && (ev.Seq <= h[i-1].Seq || !ev.At.After(h[i-1].At) || ev.Before.Status != h[i-1].After.Status) {
			t.Errorf("event %d out of order or not chained to the previous one", i)
		}
	}
	if h[0].Note != "vu" || h[3].Undoes != h[2].Seq || h[4].Undoes != h[1].Seq {
		t.Errorf("note %q, undo targets %d %d", h[0].Note, h[3].Undoes, h[4].Undoes)
	}
}

func TestReviewRejectsBadDecisions(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	id := KeyOf(fa[0]).ID()
	for name, d := range map[string]Decision{
		"no author":       {Action: ActionAccept},
		"unknown action":  {Action: "approve", By: "x"},
		"empty edit":      {Action: ActionEdit, By: "x", Edit: &Edit{}},
		"bad as_of":       {Action: ActionEdit, By: "x", Edit: &Edit{AsOf: str("oct 2024")}},
		"edit on accept":  {Action: ActionAccept, By: "x", Edit: &Edit{Metric: "budget"}},
		"nothing to undo": {Action: ActionUndo, By: "x"},
	} {
		if _, err := s.Review(id, d); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := s.Review("f-000000000000", Decision{Action: ActionAccept, By: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown fact: %v", err)
	}
	if h, _ := s.History(id); len(h) != 0 {
		t.Errorf("refused decisions left %d events", len(h))
	}
}

// TestDecisionsSurviveReingest is issue 6's second acceptance check: after
// re-ingesting with changed rules, the accepted and the edited facts keep
// their state and history; a fact whose key the new rules read otherwise
// is a new fact, and the old one, decided on, stays as an orphan.
// TestDecisionsIsAWalk: a reader called from Decisions' loop, with
// changes pending, reads the records and leaves the filing (a write under
// the loop's read transaction) for later.
func TestDecisionsIsAWalk(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa[:2]...)
	id := KeyOf(fa[0]).ID()
	if _, err := s.Review(id, Decision{Action: ActionAccept, By: "amina"}); err != nil {
		t.Fatal(err)
	}
	// A later file leaves the rank and index changes pending.
	ingest(t, s, "b.txt", "raw b", doc(bodyA+"\n\nUne ligne de plus.", "B"), fa[2:]...)
	if s.pending.len() == 0 {
		t.Fatal("the ingest left nothing pending: the test needs pending changes")
	}
	n := 0
	for d, err := range s.Decisions() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if _, _, err := s.List(ListOptions{Sort: "sources", Limit: 5}); err != nil {
			t.Fatal(err)
		}
		if s.pending.len() == 0 {
			t.Errorf("a reader inside Decisions' loop (at %s) filed the pending changes", d.Fact.ID)
		}
	}
	if n != 1 {
		t.Errorf("Decisions listed %d facts, want 1", n)
	}
	mustCheck(t, s)
}

func TestDecisionsSurviveReingest(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa[:2]...)
	amo, rsu := KeyOf(fa[0]).ID(), KeyOf(fa[1]).ID()
	if _, err := s.Review(amo, Decision{Action: ActionAccept, By: "amina"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(rsu, Decision{Action: ActionEdit, By: "karim", Edit: &Edit{Value: f64(5.25e6)}}); err != nil {
		t.Fatal(err)
	}
	// New rules: other rule names and qualifiers, one more reading, and
	// the RSU figure now read with another as_of (another key).
	v2 := factsA(t)
	for i := range v2 {
		v2[i].Rule += "-v2"
	}
	v2[0].Qualifier = "more_than"
	v2[1].AsOf = "2024-10"
	v2[2].AsOf = "2024-10"
	ingest(t, s, "a.txt", "raw a + rules v2", doc(bodyA, "A"), v2...)

	f := mustFact(t, s, amo)
	if f.Status != StatusAccepted || f.Qualifier != "more_than" || f.Sources[0].Rule != "beneficiaries/test-v2" {
		t.Errorf("accepted fact after new rules: %+v", f)
	}
	old := mustFact(t, s, rsu)
	if old.Status != StatusOrphaned || old.Decision != StatusEdited || old.Value != 5.25e6 {
		t.Errorf("edited fact whose key changed: status %s value %v", old.Status, old.Value)
	}
	if h, _ := s.History(rsu); len(h) != 1 || h[0].Action != ActionEdit {
		t.Errorf("history lost: %+v", h)
	}
	nf := mustFact(t, s, KeyOf(v2[1]).ID())
	if nf.Status != StatusPending || len(nf.Sources) != 2 {
		t.Errorf("new key: %+v", nf)
	}

	// Rules back as they were: the edited fact is read again, keeps the
	// editor's value, and the other key goes.
	ingest(t, s, "a.txt", "raw a + rules v3", doc(bodyA, "A"), fa...)
	back := mustFact(t, s, rsu)
	if back.Status != StatusEdited || back.Value != 5.25e6 || len(back.Sources) != 2 {
		t.Errorf("edited fact read again: status %s value %v sources %d", back.Status, back.Value, len(back.Sources))
	}
	if _, err := s.Fact(KeyOf(v2[1]).ID()); !errors.Is(err, ErrNotFound) {
		t.Errorf("undecided fact without sources kept: %v", err)
	}
	mustCheck(t, s)
}

func TestConflicts(t *testing.T) {
	s, _ := openTemp(t)
	body := "Le RSU compte 5,3 millions de familles. Ailleurs on lit 5,2 millions de familles. Et 5,3 millions de familles encore. Il y a 3 millions de personnes. Et 2 millions de personnes sans date."
	rsu := func(span string, n int, v float64) extractFact {
		return fact(t, body, span, n, "rsu", "enrolled", "household", v, "2024-11")
	}
	persons := fact(t, body, "3 millions de personnes", 0, "rsu", "enrolled", "person", 3e6, "2024-11")
	noDate := fact(t, body, "2 millions de personnes", 0, "rsu", "enrolled", "household", 2e6, "")
	ingest(t, s, "a.txt", "a", doc(body, ""), rsu("5,3 millions de familles", 0, 5.3e6), rsu("5,2 millions de familles", 0, 5.2e6),
		rsu("5,3 millions de familles", 1, 5.3e6), persons, noDate)
	cs, err := s.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 {
		t.Fatalf("%d conflicts, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	if c.Programme != "rsu" || c.Metric != "enrolled" || c.AsOf != "2024-11" || c.Unit != "household" || len(c.Facts) != 2 ||
		c.Facts[0].Value != 5.2e6 || c.Facts[1].Value != 5.3e6 {
		t.Errorf("conflict %+v", c)
	}
	// Rejecting one side settles it.
	if _, err := s.Review(c.Facts[0].ID, Decision{Action: ActionReject, By: "x"}); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Conflicts(); len(cs) != 0 {
		t.Errorf("rejected fact still in conflict: %+v", cs)
	}
	// An edit that moves a fact into a group creates a conflict there.
	if _, err := s.Review(KeyOf(noDate).ID(), Decision{Action: ActionEdit, By: "x", Edit: &Edit{AsOf: str("2024-11")}}); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Conflicts(); len(cs) != 1 || len(cs[0].Facts) != 2 || cs[0].Facts[0].Value != 2e6 {
		t.Errorf("after edit: %+v", cs)
	}
}
