package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestCheckFindsDamage damages a consistent store in the ways a torn
// write or a bug would, and expects Check to say so each time.
func TestCheckFindsDamage(t *testing.T) {
	damages := []struct {
		name, want string
		fn         func(tx *bolt.Tx) error
	}{
		{"reading key lost", "no reading key", func(tx *bolt.Tx) error {
			c := tx.Bucket(bDocs).Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				if len(k) > docKeyLen && k[docKeyLen] == tagReading {
					return c.Delete()
				}
			}
			return errors.New("no reading key")
		}},
		{"body lost", "body missing", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bDocs).Cursor().First()
			return tx.Bucket(bDocs).Delete(append(bytes.Clone(k), tagBody))
		}},
		{"index entry lost", "not indexed", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bIndex).Cursor().First()
			return tx.Bucket(bIndex).Delete(k)
		}},
		{"file record lost", "does not point back", func(tx *bolt.Tx) error {
			return tx.Bucket(bFiles).Delete([]byte("a.txt"))
		}},
		{"source count off", "counts", func(tx *bolt.Tx) error {
			b := tx.Bucket(bFacts)
			k, v := b.Cursor().First()
			return b.Put(k, []byte(strings.Replace(string(v), `"sources":`, `"sources":1`, 1)))
		}},
	}
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			s, path := openTemp(t)
			ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), factsA(t)...)
			mustCheck(t, s)
			s.Close()
			rewrite(t, path, d.fn)
			s, err := Open(path, &Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			err = s.Check()
			if err == nil || !strings.Contains(err.Error(), d.want) {
				t.Errorf("Check after damage: %v, want %q", err, d.want)
			}
		})
	}
}
