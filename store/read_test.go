package store

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"
)

func TestFilters(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	fb := fact(t, bodyB, "11,1 millions de personnes", 0, "amo-tadamon", "beneficiaries", "person", 11.1e6, "2024-11")
	fb.Rule = "beneficiaries/other"
	db := doc(bodyB, "B")
	db.Site = "other.test"
	ingest(t, s, "b.txt", "raw b", db, fb)
	amo, rsu := KeyOf(fa[0]).ID(), KeyOf(fa[1]).ID()
	cut := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return cut }
	if _, err := s.Review(rsu, Decision{Action: ActionEdit, By: "x", Edit: &Edit{Programme: "rnp"}}); err != nil {
		t.Fatal(err)
	}
	shaB := rawHash(bodyB)
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all", Filter{}, []string{amo, rsu}},
		{"programme", Filter{Programme: "amo-tadamon"}, []string{amo}},
		{"edited programme", Filter{Programme: "rnp"}, []string{rsu}},
		{"programme before edit", Filter{Programme: "rsu"}, nil},
		{"programme and metric", Filter{Programme: "amo-tadamon", Metric: "beneficiaries"}, []string{amo}},
		{"metric alone", Filter{Metric: "enrolled"}, []string{rsu}},
		{"status", Filter{Status: StatusEdited}, []string{rsu}},
		{"rule", Filter{Rule: "beneficiaries/other"}, []string{amo}},
		{"site", Filter{Site: "site.test"}, []string{amo, rsu}},
		{"doc", Filter{Doc: "b.txt"}, []string{amo}},
		{"unknown doc", Filter{Doc: "nope.txt"}, nil},
		{"doc sha", Filter{DocSHA256: shaB}, []string{amo}},
		{"bad doc sha", Filter{DocSHA256: "zz"}, nil},
		{"doc and rule of another doc", Filter{Doc: "a.txt", Rule: "beneficiaries/other"}, nil},
		{"since", Filter{Since: cut}, []string{rsu}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, err := s.Facts(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.ID)
			}
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
	// All stops when the loop does.
	n := 0
	for _, err := range s.All(Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		break
	}
	if n != 1 {
		t.Errorf("All yielded %d before break", n)
	}
	if _, err := s.Fact("f-nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Fact of unknown id: %v", err)
	}
	if _, err := s.Document("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document of unknown hash: %v", err)
	}
}

// TestIDStable pins ids: they are what editors and downstream tools keep,
// so any change to the encoding must show up here (and needs a migration).
func TestIDStable(t *testing.T) {
	tests := []struct {
		k         Key
		canonical string
	}{
		{Key{"amo-tadamon", "beneficiaries", "person", 11100000, nil, "2024-11"}, "amo-tadamon\x1fbeneficiaries\x1fperson\x1f11100000\x1f\x1f2024-11"},
		{Key{"asd", "allowance", "MAD", 500, f64(1200), "2024"}, "asd\x1fallowance\x1fMAD\x1f500\x1f1200\x1f2024"},
		{Key{"amo", "share", "percent", 0.5, nil, ""}, "amo\x1fshare\x1fpercent\x1f0.5\x1f\x1f"},
	}
	for _, tc := range tests {
		if got := tc.k.Canonical(); got != tc.canonical {
			t.Errorf("Canonical = %q, want %q", got, tc.canonical)
		}
		id := tc.k.ID()
		if len(id) != idLen || id[:2] != "f-" {
			t.Errorf("id %q", id)
		}
		if id != rawHashID(tc.canonical) {
			t.Errorf("id %s is not f- + 12 hex of sha256(canonical)", id)
		}
	}
	// A golden id, computed once with sha256sum: a change of encoding
	// must fail here.
	if id := tests[0].k.ID(); id != "f-1cea37290484" {
		t.Errorf("id %s, want f-1cea37290484", id)
	}
	zero := Key{Value: 0}
	negZero := Key{Value: math.Copysign(0, -1)}
	if zero.ID() != negZero.ID() {
		t.Error("-0 and 0 have different ids")
	}
}

func rawHashID(s string) string { return "f-" + rawHash(s)[:12] }
