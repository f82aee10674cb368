package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Stats counts what the store holds.
type Stats struct {
	Files, Documents, Facts, Sources, Events, ReprintGroups int
	// Orphaned counts facts kept only for an editor's decision.
	Orphaned int
	// Bytes is the size of the file bbolt uses (what a backup copies).
	Bytes int64
}

// Stats returns the store's counts.
func (s *Store) Stats() (Stats, error) {
	var st Stats
	err := s.db.View(func(tx *bolt.Tx) error {
		st.Files = tx.Bucket(bFiles).Stats().KeyN
		dc := docRecordCursor{tx.Bucket(bDocs).Cursor()}
		for k, _ := dc.First(); k != nil; k, _ = dc.Next() {
			st.Documents++
		}
		keys := tx.Bucket(bFacts).Stats().KeyN // records and sources
		st.Events = tx.Bucket(bEvents).Stats().KeyN
		st.Bytes = tx.Size()
		groups := map[string]bool{}
		c := tx.Bucket(bGroups).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			groups[string(k[:idLen])] = true
		}
		st.ReprintGroups = len(groups)
		err := eachRecord(tx.Bucket(bFacts), func(k, v []byte) error {
			var r factRec
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode fact %s: %w", k, err)
			}
			st.Facts++
			if r.Sources == 0 {
				st.Orphaned++
			}
			return nil
		})
		st.Sources = keys - st.Facts
		return err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
