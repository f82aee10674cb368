package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// rewrite changes a closed store file behind the package's back.
func rewrite(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func setVersion(v int) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(keySchema, []byte(strconv.Itoa(v))) }
}

func TestSchemaNewerRefused(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	rewrite(t, path, setVersion(SchemaVersion+1))
	for _, ro := range []bool{false, true} {
		_, err := Open(path, &Options{ReadOnly: ro})
		var se *SchemaError
		if !errors.As(err, &se) || se.Version != SchemaVersion+1 {
			t.Fatalf("read-only %v: %v, want *SchemaError", ro, err)
		}
		if !strings.Contains(err.Error(), "newer than this faits") {
			t.Errorf("message %q", err)
		}
	}
	if _, err := os.Stat(ownerPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("refused Open left an owner file")
	}
}

func TestSchemaOlderMigrated(t *testing.T) {
	s, path := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	ingest(t, s, "c.txt", "raw c", doc(reprint003(t), "C"))
	want := export(t, s)
	s.Close()
	// A schema 1 file: no index, bodies in plain text (until schema 3),
	// no rank and no independent counts (until schema 4), sources in a
	// bucket of their own (until schema 5).
	rewrite(t, path, toSchema4)
	rewrite(t, path, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bIndex); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bRank); err != nil {
			return err
		}
		facts := tx.Bucket(bFacts) // records only, in schema 4
		recs := map[string]factRec{}
		if err := facts.ForEach(func(k, v []byte) error {
			var r factRec
			err := json.Unmarshal(v, &r)
			r.Indep = 0
			recs[string(k)] = r
			return err
		}); err != nil {
			return err
		}
		for k, r := range recs {
			if err := putJSON(facts, []byte(k), &r); err != nil {
				return err
			}
		}
		b := tx.Bucket(bBodies)
		plain := map[string]string{}
		if err := b.ForEach(func(k, v []byte) error {
			body, err := unpackBody(v)
			plain[string(k)] = body
			return err
		}); err != nil {
			return err
		}
		for k, body := range plain {
			if err := b.Put([]byte(k), []byte(body)); err != nil {
				return err
			}
		}
		return setVersion(1)(tx)
	})
	_, err := Open(path, &Options{ReadOnly: true})
	var se *SchemaError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "older") {
		t.Fatalf("read-only open of schema 1: %v", err)
	}
	s, err = Open(path, nil)
	if err != nil {
		t.Fatalf("migrating open: %v", err)
	}
	defer s.Close()
	mustCheck(t, s)
	if got := export(t, s); got != want {
		t.Errorf("export changed by migration")
	}
	fs, err := s.Facts(Filter{Programme: "rsu"})
	if err != nil || len(fs) != 1 {
		t.Errorf("index not rebuilt: %d facts, %v", len(fs), err)
	}
	// The reprint index is built from the signatures the file kept: a
	// reprint still finds the original.
	res := ingest(t, s, "d.txt", "raw d", doc(seedBody(t, "003_eeea78cfebe039dd.txt"), "D"))
	if res.ReprintGroup == "" {
		t.Error("reprint not grouped after reopening")
	}
}

func TestNotAStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, nil); err == nil || !strings.Contains(err.Error(), "not a faits store") {
		t.Errorf("err %v", err)
	}
}

// toSchema4 turns a file of this schema into schema 4's layout: each
// document's body, signature and readings move out of the docs bucket
// into buckets of their own, and the sources out of the facts bucket.
func toSchema4(tx *bolt.Tx) error {
	docs := tx.Bucket(bDocs)
	out := map[byte]*bolt.Bucket{}
	for tag, name := range map[byte][]byte{tagBody: bBodies, tagSig: bMinhash, tagReading: bByDoc} {
		b, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		out[tag] = b
	}
	var keys [][]byte
	if err := docs.ForEach(func(k, v []byte) error {
		if isDocKey(k) {
			return nil
		}
		keys = append(keys, bytes.Clone(k))
		h, err := docHash(string(k[:docKeyLen]))
		if err != nil {
			return err
		}
		switch tag := k[docKeyLen]; tag {
		case tagBody:
			return out[tag].Put(bytes.Clone(k[:docKeyLen]), bytes.Clone(v))
		case tagSig:
			return out[tag].Put(bytes.Clone(h[:]), bytes.Clone(v))
		default:
			return out[tag].Put(append(bytes.Clone(h[:]), k[docKeyLen+1:]...), nil)
		}
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := docs.Delete(k); err != nil {
			return err
		}
	}
	facts := tx.Bucket(bFacts)
	src, err := tx.CreateBucket(bSources)
	if err != nil {
		return err
	}
	keys = nil
	if err := facts.ForEach(func(k, v []byte) error {
		if isRecordKey(k) {
			return nil
		}
		keys = append(keys, bytes.Clone(k))
		return src.Put(bytes.Clone(k), bytes.Clone(v))
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := facts.Delete(k); err != nil {
			return err
		}
	}
	return setVersion(4)(tx)
}

// TestSchema4Migrated migrates a store of schema 4's layout (sources in
// their own bucket; bodies, signatures and readings by document too) with
// reprints, facts read in several documents, an editor's decisions, an
// added fact and an orphan: everything reads back the same.
func TestSchema4Migrated(t *testing.T) {
	s, path := openTemp(t)
	b := s.NewBatch()
	for _, d := range synthCorpus(300) {
		e, err := Prepare(d.rel, d.raw, d.doc, d.facts)
		if err != nil {
			t.Fatal(err)
		}
		b.Add(e)
	}
	mustCommit(t, b)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	ingest(t, s, "c.txt", "raw c", doc(reprint003(t), "C"))
	id := KeyOf(fa[0]).ID()
	for _, d := range []Decision{{Action: ActionAccept, By: "amina"}, {Action: ActionEdit, By: "karim", Edit: &Edit{Value: f64(11e6)}}} {
		if _, err := s.Review(id, d); err != nil {
			t.Fatal(err)
		}
	}
	res := ingest(t, s, "b.txt", "raw b", doc("Le RSU compte 5,3 millions de ménages. L'ASD touche 3,9 millions de familles.", "B"))
	at := strings.Index("Le RSU compte 5,3 millions de ménages. L'ASD touche 3,9 millions de familles.", "3,9 millions")
	if _, err := s.Add(Addition{DocSHA256: res.DocSHA256, Start: at, End: at + len("3,9 millions"), Programme: "asd",
		Metric: "beneficiaries", Unit: "household", Value: 3.9e6, AsOf: "2024", By: "amina"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Remove("b.txt"); err != nil { // the added fact is left an orphan
		t.Fatal(err)
	}
	mustCheck(t, s)
	read := func(s *Store) string {
		t.Helper()
		var out strings.Builder
		out.WriteString(export(t, s))
		st, err := s.Stats()
		if err != nil {
			t.Fatal(err)
		}
		st.Bytes = 0
		fmt.Fprintf(&out, "%+v\n", st)
		for _, o := range []ListOptions{{Sort: "sources", Limit: 50, Sources: 2}, {Limit: 20, Offset: 100}, {Filter: Filter{Status: StatusOrphaned}}} {
			l, n, err := s.List(o)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&out, "%d %+v\n", n, l)
		}
		h, err := s.History(id)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "%+v\n", h)
		return out.String()
	}
	want := read(s)
	s.Close()
	rewrite(t, path, toSchema4)
	_, err := Open(path, &Options{ReadOnly: true})
	var se *SchemaError
	if !errors.As(err, &se) || se.Version != 4 || !strings.Contains(err.Error(), "older") {
		t.Fatalf("read-only open of schema 4: %v", err)
	}
	s, err = Open(path, nil)
	if err != nil {
		t.Fatalf("migrating open: %v", err)
	}
	defer s.Close()
	mustCheck(t, s)
	if got := read(s); got != want {
		t.Errorf("migration changed what the store reads:\n%s\nwant\n%s", got, want)
	}
	if err := s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bSources, bBodies, bMinhash, bByDoc} {
			if tx.Bucket(name) != nil {
				return fmt.Errorf("bucket %s left behind", name)
			}
		}
		return nil
	}); err != nil {
		t.Error(err)
	}
}

// TestWalksStepOverSources checks the walks over records (facts and
// documents) against what was written, for facts of one source and of many
// (past the walks' seek), and a document of many readings.
func TestWalksStepOverSources(t *testing.T) {
	s, _ := openTemp(t)
	var many strings.Builder
	for i := range 20 {
		fmt.Fprintf(&many, "Le fonds numéro %d a reçu %d millions de dirhams en 2024.\n", i, i+1)
	}
	var fs []extractFact
	for i := range 20 {
		span := fmt.Sprintf("%d millions de dirhams", i+1)
		fs = append(fs, fact(t, many.String(), span, 0, "fonds", "budget", "MAD", float64(i+1)*1e6, "2024"))
	}
	ingest(t, s, "many.txt", "raw many", doc(many.String(), "M"), fs...)
	for i := range 20 {
		body := fmt.Sprintf("Dépêche %d. Le programme Tayssir touche 2,1 millions d'élèves cette année.", i)
		ingest(t, s, fmt.Sprintf("same/%02d.txt", i), fmt.Sprint("raw", i), doc(body, "S"),
			fact(t, body, "2,1 millions d'élèves", 0, "tayssir", "beneficiaries", "person", 2.1e6, "2024"))
	}
	mustCheck(t, s)
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Facts != 21 || st.Sources != 40 || st.Documents != 21 {
		t.Errorf("stats %+v, want 21 facts, 40 sources, 21 documents", st)
	}
	_, n, err := s.List(ListOptions{Limit: 5})
	if err != nil || n != 21 {
		t.Errorf("List counts %d facts (%v), want 21", n, err)
	}
	var ids []string
	if err := s.db.View(func(tx *bolt.Tx) error {
		return eachRecord(tx.Bucket(bFacts), func(id, _ []byte) error {
			ids = append(ids, string(id))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	all, err := s.Facts(Filter{})
	if err != nil || len(all) != len(ids) {
		t.Fatalf("%d facts exported (%v), %d records walked", len(all), err, len(ids))
	}
	for i, f := range all {
		if f.ID != ids[i] || (f.Programme == "tayssir" && len(f.Sources) != 20) {
			t.Errorf("fact %d: %s with %d sources, walked %s", i, f.ID, len(f.Sources), ids[i])
		}
	}
}
