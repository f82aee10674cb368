package store

import (
	"strings"
	"testing"

	"github.com/faits/faits/extract"
)

// TestNotConflict: a per-level breakdown read as three values of one
// figure is ruled no conflict; the group leaves the list, each fact has
// the event, a new value reopens it, and undo reverts the ruling.
func TestNotConflict(t *testing.T) {
	s, _ := openTemp(t)
	body := "La bourse s'élève à 200 dirhams au primaire, 300 dirhams au collège et 400 dirhams au lycée."
	var fs []extract.Fact
	for _, v := range []struct {
		span  string
		value float64
	}{{"200 dirhams", 200}, {"300 dirhams", 300}, {"400 dirhams", 400}} {
		fs = append(fs, fact(t, body, v.span, 0, "tayssir", "amount", "MAD", v.value, "2024"))
	}
	ingest(t, s, "bourse.txt", "raw bourse", doc(body, "Bourse"), fs...)
	before := export(t, s)
	cs, err := s.Conflicts()
	if err != nil || len(cs) != 1 || len(cs[0].Facts) != 3 {
		t.Fatalf("conflicts before: %+v (%v)", cs, err)
	}
	var ids []string
	for _, f := range cs[0].Facts {
		ids = append(ids, f.ID)
	}
	for _, bad := range []struct {
		ids  []string
		want string
	}{
		{ids[:1], "two facts at least"},
		{[]string{ids[0], ids[0]}, "two facts at least"},
		{[]string{ids[0], "f-000000000000"}, "not found"},
	} {
		if _, err := s.NotConflict(bad.ids, "amina", ""); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("NotConflict(%v): %v, want %q", bad.ids, err, bad.want)
		}
	}
	if _, err := s.NotConflict(ids, "", ""); err == nil {
		t.Error("a ruling without an author was taken")
	}
	got, err := s.NotConflict(ids, "amina", "un montant par niveau")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d facts back", len(got))
	}
	mustCheck(t, s)
	if cs, _ := s.Conflicts(); len(cs) != 0 {
		t.Errorf("the ruled group is still listed: %+v", cs)
	}
	// The ruling changes no exported fact: statuses and change times stay.
	if after := export(t, s); after != before {
		t.Errorf("export changed by the ruling:\n%s\n%s", before, after)
	}
	for _, id := range ids {
		h, err := s.History(id)
		if err != nil || len(h) != 1 || h[0].Action != ActionNotConflict || h[0].By != "amina" || h[0].Note != "un montant par niveau" ||
			h[0].Before.Status != StatusPending || h[0].After.Status != StatusPending {
			t.Errorf("history of %s: %+v (%v)", id, h, err)
		}
	}
	// A rejected member keeps the rest ruled.
	if _, err := s.Review(ids[2], Decision{Action: ActionReject, By: "amina"}); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Conflicts(); len(cs) != 0 {
		t.Errorf("group listed again after a member's rejection: %+v", cs)
	}
	if _, err := s.Review(ids[2], Decision{Action: ActionUndo, By: "amina"}); err != nil {
		t.Fatal(err)
	}
	// A new value joins: the group is open again, with the four.
	body2 := "Selon un autre article, la bourse atteint 250 dirhams."
	ingest(t, s, "autre.txt", "raw autre", doc(body2, "Autre"), fact(t, body2, "250 dirhams", 0, "tayssir", "amount", "MAD", 250, "2024"))
	if cs, _ := s.Conflicts(); len(cs) != 1 || len(cs[0].Facts) != 4 {
		t.Errorf("a new value did not reopen the group: %+v", cs)
	}
	if _, err := s.Remove("autre.txt"); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Conflicts(); len(cs) != 0 {
		t.Errorf("the group is listed once the new value went: %+v", cs)
	}
	// Undo of one fact's ruling reopens the group.
	f, err := s.Review(ids[0], Decision{Action: ActionUndo, By: "amina"})
	if err != nil || f.Status != StatusPending {
		t.Fatalf("undo the ruling: %+v %v", f, err)
	}
	mustCheck(t, s)
	if cs, _ := s.Conflicts(); len(cs) != 1 || len(cs[0].Facts) != 3 {
		t.Errorf("after undoing a ruling: %+v", cs)
	}
	// Facts of different groups: refused.
	body3 := "Le budget atteint 300 dirhams."
	other := fact(t, body3, "300 dirhams", 0, "tayssir", "budget", "MAD", 300, "2024")
	ingest(t, s, "budget.txt", "raw budget", doc(body3, "Budget"), other)
	if _, err := s.NotConflict([]string{ids[0], KeyOf(other).ID()}, "amina", ""); err == nil || !strings.Contains(err.Error(), "no conflict group") {
		t.Errorf("a ruling across groups: %v", err)
	}
}
