package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout this package writes (doc.go describes it).
const SchemaVersion = 4

// Bucket names; doc.go describes each.
var (
	bMeta    = []byte("meta")
	bFiles   = []byte("files")
	bDocs    = []byte("docs")
	bBodies  = []byte("bodies")
	bMinhash = []byte("minhash")
	bGroups  = []byte("groups")
	bFacts   = []byte("facts")
	bSources = []byte("sources")
	bByDoc   = []byte("bydoc")
	bIndex   = []byte("index")
	bEvents  = []byte("events")
)

var keySchema = []byte("schema")

// allBuckets are those of the current schema.
var allBuckets = [][]byte{bMeta, bFiles, bDocs, bBodies, bMinhash, bGroups, bFacts, bSources, bByDoc, bIndex, bEvents, bRank}

// SchemaError reports a store whose layout this build cannot use.
type SchemaError struct {
	Path     string
	Version  int // the file's
	Want     int // this build's
	ReadOnly bool
}

func (e *SchemaError) Error() string {
	if e.Version > e.Want {
		return fmt.Sprintf("%s: store schema version %d is newer than this faits supports (%d): upgrade faits", e.Path, e.Version, e.Want)
	}
	if e.ReadOnly {
		return fmt.Sprintf("%s: store schema version %d is older than this faits (%d): open it once read-write (faits ingest or faits review) to migrate it", e.Path, e.Version, e.Want)
	}
	return fmt.Sprintf("%s: store schema version %d cannot be migrated to %d", e.Path, e.Version, e.Want)
}

// migrations[v] turns a version v layout into version v+1, inside the
// caller's transaction, so that a failed or interrupted migration leaves
// the file as it was.
var migrations = map[int]func(tx *bolt.Tx) error{
	1: migrate1to2,
	2: migrate2to3,
	3: migrate3to4,
}

// checkSchema creates the buckets of a new file, migrates an old one and
// refuses a newer one.
func (s *Store) checkSchema() error {
	var v int
	var empty bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, empty, err = readVersion(tx)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	switch {
	case v == SchemaVersion:
		return nil
	case v > SchemaVersion:
		return &SchemaError{Path: s.path, Version: v, Want: SchemaVersion, ReadOnly: s.readOnly}
	case s.readOnly:
		if empty {
			return fmt.Errorf("%s: not a faits store (empty file)", s.path)
		}
		return &SchemaError{Path: s.path, Version: v, Want: SchemaVersion, ReadOnly: true}
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if empty {
			for _, name := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return fmt.Errorf("create bucket %s: %w", name, err)
				}
			}
			return putVersion(tx, SchemaVersion)
		}
		for ; v < SchemaVersion; v++ {
			m := migrations[v]
			if m == nil {
				return &SchemaError{Path: s.path, Version: v, Want: SchemaVersion}
			}
			if err := m(tx); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
			}
			if err := putVersion(tx, v+1); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	return nil
}

// readVersion returns the file's schema version; empty reports a file
// without any bucket (new). A file with buckets but no version is not ours.
func readVersion(tx *bolt.Tx) (v int, empty bool, err error) {
	meta := tx.Bucket(bMeta)
	if meta == nil {
		empty = true
		err = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			return fmt.Errorf("not a faits store (it has a bucket %q and no meta bucket)", name)
		})
		return 0, empty, err
	}
	raw := meta.Get(keySchema)
	v, err = strconv.Atoi(string(raw))
	if err != nil {
		return 0, false, fmt.Errorf("not a faits store (schema version %q)", raw)
	}
	return v, false, nil
}

func putVersion(tx *bolt.Tx, v int) error {
	if err := tx.Bucket(bMeta).Put(keySchema, []byte(strconv.Itoa(v))); err != nil {
		return fmt.Errorf("write schema version: %w", err)
	}
	return nil
}

// migrate1to2 builds what schema 1 did not keep: the programme/metric/as_of
// index, derived from the facts.
func migrate1to2(tx *bolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return rebuildIndex(tx)
}

// rebuildIndex rewrites the index bucket from the facts bucket.
func rebuildIndex(tx *bolt.Tx) error {
	if err := tx.DeleteBucket(bIndex); err != nil {
		return fmt.Errorf("drop index: %w", err)
	}
	idx, err := tx.CreateBucket(bIndex)
	if err != nil {
		return fmt.Errorf("create index: %w", err)
	}
	return tx.Bucket(bFacts).ForEach(func(id, v []byte) error {
		var r factRec
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode fact %s: %w", id, err)
		}
		return idx.Put(indexKey(r.view(string(id))), nil)
	})
}

// hasPrefix is bytes.HasPrefix, named for cursor loops.
func hasPrefix(k, prefix []byte) bool { return k != nil && bytes.HasPrefix(k, prefix) }

// migrate2to3 compresses the bodies, which schema 2 kept as plain text.
func migrate2to3(tx *bolt.Tx) error {
	b := tx.Bucket(bBodies)
	var keys [][]byte
	if err := b.ForEach(func(k, _ []byte) error {
		keys = append(keys, bytes.Clone(k))
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := b.Put(k, packBody(string(b.Get(k)))); err != nil {
			return fmt.Errorf("compress body %s: %w", k, err)
		}
	}
	return nil
}
