package store

import (
	"testing"
	"time"
)

// TestDeskAids: flag and undo, a decision for many facts in one go, the
// tally of the day's decisions, and the search in sources' text.
func TestDeskAids(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	all, err := s.Facts(Filter{})
	if err != nil || len(all) < 2 {
		t.Fatalf("%d facts (%v)", len(all), err)
	}
	id := all[0].ID
	before := export(t, s)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

	f, err := s.Flag(id, true, "amina", "à vérifier")
	if err != nil || !f.Flagged || f.Status != StatusPending {
		t.Fatalf("flag: %+v %v", f, err)
	}
	if got, _ := s.Facts(Filter{Flagged: true}); len(got) != 1 || got[0].ID != id {
		t.Errorf("flagged filter: %+v", got)
	}
	if page, n, _ := s.List(ListOptions{Filter: Filter{Flagged: true}, Limit: 10}); n != 1 || len(page) != 1 || !page[0].Flagged {
		t.Errorf("List flagged: %d %+v", n, page)
	}
	if f, err = s.Review(id, Decision{Action: ActionUndo, By: "amina"}); err != nil || f.Flagged {
		t.Fatalf("undo the flag: %+v %v", f, err)
	}
	if after := export(t, s); after != before {
		t.Errorf("export after a flag and its undo:\n%s\nwant\n%s", after, before)
	}
	mustCheck(t, s)

	// Search: accents and case ignored, sentence or title.
	word := foldText(all[0].Sources[0].Quote)
	if len(word) > 12 {
		word = word[:12]
	}
	if got, _ := s.Facts(Filter{Text: word}); len(got) == 0 {
		t.Errorf("no fact for %q", word)
	}
	if _, n, _ := s.List(ListOptions{Filter: Filter{Text: word}, Limit: 10}); n == 0 {
		t.Errorf("List: no fact for %q", word)
	}
	if got, _ := s.Facts(Filter{Text: "zzzz introuvable"}); len(got) != 0 {
		t.Errorf("facts for a text found nowhere: %d", len(got))
	}

	// Many at once, then the tally.
	var ids []string
	for _, f := range all {
		ids = append(ids, f.ID)
	}
	n, err := s.ReviewAll(ids, Decision{Action: ActionAccept, By: "karim"})
	if err != nil || n != len(ids) {
		t.Fatalf("ReviewAll: %d %v", n, err)
	}
	if n, err := s.ReviewAll(ids, Decision{Action: ActionAccept, By: "karim"}); err != nil || n != 0 {
		t.Errorf("ReviewAll again: %d %v, want 0", n, err)
	}
	if _, err := s.ReviewAll(append(ids, "f-000000000000"), Decision{Action: ActionReject, By: "karim"}); err == nil {
		t.Error("ReviewAll with an unknown fact")
	}
	if got, _ := s.Facts(Filter{Status: StatusRejected}); len(got) != 0 {
		t.Errorf("a failed ReviewAll left %d facts rejected", len(got))
	}
	if _, err := s.ReviewAll(ids, Decision{Action: ActionEdit, By: "karim"}); err == nil {
		t.Error("ReviewAll took an edit")
	}
	mustCheck(t, s)
	tl, err := s.Tally(start, "karim")
	// flag + undo (the flag undone: none), then one accept a fact.
	if err != nil || tl.Done != len(ids) || tl.ByMe != len(ids) {
		t.Errorf("tally: %+v %v, want %d done, all by karim", tl, err, len(ids))
	}
	if tl, _ := s.Tally(time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), "karim"); tl.Done != 0 {
		t.Errorf("tally in the future: %+v", tl)
	}
}
