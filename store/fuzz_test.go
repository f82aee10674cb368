package store

import (
	"testing"
	"unicode/utf8"
)

// FuzzIngest feeds arbitrary texts and readings through ingest, a re-read
// with some readings gone, and a removal, checking every invariant after
// each step.
func FuzzIngest(f *testing.F) {
	f.Add(bodyA, uint8(4), uint8(26), uint8(80), uint8(24), 11.1e6)
	f.Add(bodyB, uint8(0), uint8(0), uint8(200), uint8(255), 0.5)
	f.Add(seedBody(f, "003_eeea78cfebe039dd.txt"), uint8(10), uint8(3), uint8(10), uint8(3), -1.0)
	f.Fuzz(func(t *testing.T, body string, s1, l1, s2, l2 uint8, value float64) {
		if !utf8.ValidString(body) || value != value {
			return
		}
		st, _ := openTemp(t)
		mk := func(start, n uint8, programme string) []extractFact {
			a := min(int(start), len(body))
			b := min(a+int(n), len(body))
			return []extractFact{{Programme: programme, Metric: "enrolled", Unit: "person", Value: value,
				AsOf: "2024", Span: body[a:b], Start: a, End: b, Rule: "fuzz"}}
		}
		all := append(mk(s1, l1, "rsu"), mk(s2, l2, "rnp")...)
		all = append(all, mk(s1, l1, "rnp")...)
		if !utf8.ValidString(all[0].Span) || !utf8.ValidString(all[1].Span) {
			if _, err := st.Ingest("a", "1", doc(body, "t"), all); err == nil {
				t.Fatal("span splitting a character accepted")
			}
			mustCheck(t, st)
			return
		}
		if _, err := st.Ingest("a", "1", doc(body, "t"), all); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Ingest("b", "1", doc(body+" copie", "t"), all[:1]); err != nil {
			t.Fatal(err)
		}
		mustCheck(t, st)
		if _, err := st.Review(KeyOf(all[1]).ID(), Decision{Action: ActionAccept, By: "fuzz"}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Ingest("a", "2", doc(body, "t"), all[:1]); err != nil {
			t.Fatal(err)
		}
		mustCheck(t, st)
		if _, err := st.Remove("a"); err != nil {
			t.Fatal(err)
		}
		mustCheck(t, st)
		f, err := st.Fact(KeyOf(all[1]).ID())
		if err != nil || f.Status != StatusOrphaned && f.Status != StatusAccepted {
			t.Fatalf("accepted fact after its document went: %+v, %v", f, err)
		}
	})
}

// FuzzMinhash checks the similarity estimate's basic laws on arbitrary
// texts: a text is its own reprint, and the relation is symmetric.
func FuzzMinhash(f *testing.F) {
	f.Add(bodyA, bodyB)
	f.Add(seedBody(f, "003_eeea78cfebe039dd.txt"), reprint003(f))
	f.Fuzz(func(t *testing.T, a, b string) {
		sa, _, okA := minhash(a)
		sb, _, okB := minhash(b)
		if okA {
			again, _, _ := minhash(a)
			if again != sa || !reprints(&sa, &sa) {
				t.Fatal("signature not deterministic or not self-similar")
			}
		}
		if okA && okB && (reprints(&sa, &sb) != reprints(&sb, &sa) || similarity(&sa, &sb) != similarity(&sb, &sa)) {
			t.Fatal("similarity not symmetric")
		}
	})
}
