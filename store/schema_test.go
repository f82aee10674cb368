package store

import (
	"encoding/json"
	"errors"
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
	// no rank and no independent counts (until schema 4).
	rewrite(t, path, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bIndex); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bRank); err != nil {
			return err
		}
		facts := tx.Bucket(bFacts)
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
