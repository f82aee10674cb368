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
		st.Documents = tx.Bucket(bDocs).Stats().KeyN
		st.Facts = tx.Bucket(bFacts).Stats().KeyN
		st.Sources = tx.Bucket(bSources).Stats().KeyN
		st.Events = tx.Bucket(bEvents).Stats().KeyN
		st.Bytes = tx.Size()
		groups := map[string]bool{}
		c := tx.Bucket(bGroups).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			groups[string(k[:idLen])] = true
		}
		st.ReprintGroups = len(groups)
		return tx.Bucket(bFacts).ForEach(func(k, v []byte) error {
			var r factRec
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode fact %s: %w", k, err)
			}
			if r.Sources == 0 {
				st.Orphaned++
			}
			return nil
		})
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
