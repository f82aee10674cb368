package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout this package writes (doc.go describes it).
const SchemaVersion = 6

// Bucket names; doc.go describes each.
var (
	bMeta    = []byte("meta")
	bFiles   = []byte("files")
	bDocs    = []byte("docs")
	bBodies  = []byte("bodies")
	bMinhash = []byte("minhash")
	bGroups  = []byte("groups")
	bFacts   = []byte("facts")
	// Until schema 5 sources had a bucket of their own (they are in
	// bFacts now), and so had bodies, signatures and readings by document
	// (in bDocs now).
	bSources = []byte("sources")
	bByDoc   = []byte("bydoc")
	bIndex   = []byte("index")
	bEvents  = []byte("events")
)

var keySchema = []byte("schema")

// allBuckets are those of the current schema.
var allBuckets = [][]byte{bMeta, bFiles, bDocs, bGroups, bFacts, bIndex, bEvents, bRank}

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
	4: migrate4to5,
	5: migrate5to6,
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
	for _, name := range append([][]byte{bSources, bBodies, bMinhash, bByDoc}, allBuckets...) {
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
	return eachRecord(tx.Bucket(bFacts), func(id, v []byte) error {
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

// migrate4to5 moves what schema 4 kept in buckets of their own next to
// what they belong to: each fact's sources after its record, each
// document's body, signature and readings after its record.
func migrate4to5(tx *bolt.Tx) error {
	if err := moveSources(tx); err != nil {
		return err
	}
	return moveDocParts(tx)
}

// moveSources moves the sources into the facts bucket (the keys stay),
// letting the pages read go from memory past the budget as walks do.
func moveSources(tx *bolt.Tx) error {
	src := tx.Bucket(bSources)
	if src == nil {
		return fmt.Errorf("no bucket %s", bSources)
	}
	facts := tx.Bucket(bFacts)
	size, n := tx.Size(), 0
	// In key order: each leaf of the facts bucket is filled in turn.
	if err := src.ForEach(func(k, v []byte) error {
		if len(k) != idLen+32+8 {
			return fmt.Errorf("bad source key %x", k)
		}
		if n++; n%4096 == 0 {
			releaseOverBudget(tx.DB(), size)
		}
		// Put copies the key; the value may stay in the map, whose
		// pages live until the transaction ends (bbolt copies what its
		// nodes hold before it maps the file again).
		if err := facts.Put(k, v); err != nil {
			return fmt.Errorf("move source %x: %w", k, err)
		}
		return nil
	}); err != nil {
		return err
	}
	if err := tx.DeleteBucket(bSources); err != nil {
		return fmt.Errorf("drop bucket %s: %w", bSources, err)
	}
	return nil
}

// moveDocParts moves each document's body, signature and readings, kept
// in three buckets (bodies, minhash, bydoc), into the docs bucket under
// the document's hex hash and a tag.
func moveDocParts(tx *bolt.Tx) error {
	docs := tx.Bucket(bDocs)
	size, n := tx.Size(), 0
	move := func(name []byte, key func(k []byte) ([]byte, error)) error {
		b := tx.Bucket(name)
		if b == nil {
			return fmt.Errorf("no bucket %s", name)
		}
		if err := b.ForEach(func(k, v []byte) error {
			// The pages read stay in the file: let them go from the
			// process's memory now and then (a later touch maps them
			// again).
			if n++; n%4096 == 0 {
				releaseOverBudget(tx.DB(), size)
			}
			nk, err := key(k)
			if err != nil {
				return err
			}
			if err := docs.Put(nk, v); err != nil {
				return fmt.Errorf("move %s %x: %w", name, k, err)
			}
			return nil
		}); err != nil {
			return err
		}
		if err := tx.DeleteBucket(name); err != nil {
			return fmt.Errorf("drop bucket %s: %w", name, err)
		}
		return nil
	}
	if err := move(bBodies, func(k []byte) ([]byte, error) {
		h, err := docHash(string(k))
		if err != nil {
			return nil, err
		}
		return docTagKey(h, tagBody), nil
	}); err != nil {
		return err
	}
	if err := move(bMinhash, func(k []byte) ([]byte, error) {
		if len(k) != 32 {
			return nil, fmt.Errorf("bad signature key %x", k)
		}
		return docTagKey([32]byte(k), tagSig), nil
	}); err != nil {
		return err
	}
	return move(bByDoc, func(k []byte) ([]byte, error) {
		if len(k) != 32+idLen+8 {
			return nil, fmt.Errorf("bad bydoc key %x", k)
		}
		return append(docTagKey([32]byte(k[:32]), tagReading), k[32:]...), nil
	})
}

// migrate5to6 changes nothing in the file: schema 6 may leave the rank
// and index buckets lagging the records while meta "derived_stale" says
// so (a writer died before filing its pending changes, see deferred.go),
// which a faits of schema 5 would not know to check.
func migrate5to6(tx *bolt.Tx) error { return nil }
