package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// A writer's batches defer their rank writes.
//
// A rank key ends with the fact's id, a hash: each fact a batch changes
// moves its key from one random leaf of the rank bucket to another. At
// 30,000 articles that was 6 of the 18 pages a new article made the commit
// write, and more than half of the pages it faulted in; those faults
// filled the map's budget a hundred articles into each batch of 256, so
// that every batch was cut into three or four transactions, each writing
// again the random leaves of the other buckets. The writer's transactions
// (writeLSH) therefore log the rank changes in memory (Store.rankPending),
// and file them all in one go, each leaf once: at Close, before any other
// write (an editor's decision, which files its own), when a reader of the
// same Store asks for the queue or the count, and within the batch whose
// log reaches rankLogMax facts.
//
// While a log is pending, meta "rank_stale" says that the rank bucket lags
// the records: List then orders the queue from the records (as it does any
// other sort) and counts them, Check skips the rank, and a writer that
// opens a file whose last writer died before filing its log rebuilds the
// rank from the records (rebuildRank). The records themselves are written
// in each transaction as before: a crash loses no fact, only the rank's
// order, rebuilt from them.

// keyRankStale in meta: the rank bucket lags the fact records.
var keyRankStale = []byte("rank_stale")

// rankLogMax bounds the pending log (about 200 bytes a fact); a variable
// for tests only.
var rankLogMax = 1 << 16

// rankChange is one fact's pending rank change: stored is the key the rank
// bucket holds (nil: none), want the key its record asks for (nil: none).
type rankChange struct{ stored, want []byte }

// rankLog collects a transaction's rank changes over the store's pending
// ones (base, read only here), so that a rolled-back transaction leaves
// those as they were.
type rankLog struct {
	base map[string]*rankChange
	m    map[string]*rankChange
}

func newRankLog(base map[string]*rankChange) *rankLog {
	return &rankLog{base: base, m: map[string]*rankChange{}}
}

// change records that fact id's rank key goes from old to k.
func (l *rankLog) change(id string, old, k []byte) {
	if c, ok := l.m[id]; ok {
		c.want = k
		return
	}
	stored := old
	if c, ok := l.base[id]; ok {
		stored = c.stored
	}
	l.m[id] = &rankChange{stored: stored, want: k}
}

// rankFresh reports whether the rank bucket reflects the records.
func rankFresh(tx *bolt.Tx) bool { return tx.Bucket(bMeta).Get(keyRankStale) == nil }

// markRankStale records that the rank bucket lags the records.
func markRankStale(tx *bolt.Tx) error {
	if !rankFresh(tx) {
		return nil
	}
	if err := tx.Bucket(bMeta).Put(keyRankStale, []byte("1")); err != nil {
		return fmt.Errorf("mark rank stale: %w", err)
	}
	return nil
}

// fileRank writes the pending changes (over, when given, overlaid on
// pending) to the rank bucket, in key order, and marks it fresh.
func fileRank(tx *bolt.Tx, pending, over map[string]*rankChange) error {
	var dels, puts [][]byte
	add := func(c *rankChange) {
		if bytes.Equal(c.stored, c.want) {
			return
		}
		if c.stored != nil {
			dels = append(dels, c.stored)
		}
		if c.want != nil {
			puts = append(puts, c.want)
		}
	}
	for id, c := range pending {
		if _, ok := over[id]; !ok {
			add(c)
		}
	}
	for _, c := range over {
		add(c)
	}
	slices.SortFunc(dels, bytes.Compare)
	slices.SortFunc(puts, bytes.Compare)
	b := tx.Bucket(bRank)
	for _, k := range dels {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("unrank %x: %w", k, err)
		}
	}
	for _, k := range puts {
		if err := b.Put(k, nil); err != nil {
			return fmt.Errorf("rank %x: %w", k, err)
		}
	}
	if err := tx.Bucket(bMeta).Delete(keyRankStale); err != nil {
		return fmt.Errorf("mark rank fresh: %w", err)
	}
	return nil
}

// rebuildRank rewrites the rank bucket from the fact records.
func rebuildRank(tx *bolt.Tx) error {
	if err := tx.DeleteBucket(bRank); err != nil {
		return fmt.Errorf("drop rank: %w", err)
	}
	rank, err := tx.CreateBucket(bRank)
	if err != nil {
		return fmt.Errorf("create rank: %w", err)
	}
	var keys [][]byte
	if err := eachRecord(tx.Bucket(bFacts), func(id, v []byte) error {
		var r factRec
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode fact %s: %w", id, err)
		}
		keys = append(keys, rankKey(string(id), &r))
		return nil
	}); err != nil {
		return err
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, k := range keys {
		if err := rank.Put(k, nil); err != nil {
			return fmt.Errorf("rank %x: %w", k, err)
		}
	}
	return tx.Bucket(bMeta).Delete(keyRankStale)
}

// repairRank rebuilds the rank of a file whose last writer died before
// filing its pending rank changes. Open calls it for a writer.
func (s *Store) repairRank() error {
	stale := false
	if err := s.db.View(func(tx *bolt.Tx) error {
		stale = !rankFresh(tx)
		return nil
	}); err != nil || !stale {
		return err
	}
	if err := s.db.Update(rebuildRank); err != nil {
		return fmt.Errorf("%s: rebuild the rank index: %w", s.path, err)
	}
	return nil
}

// update runs fn in a write transaction that first files the pending rank
// changes, so that fn may write the rank bucket itself (every write but a
// writer's batches goes through it).
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pending := s.rankPending
	err := s.db.Update(func(tx *bolt.Tx) error {
		if len(pending) > 0 {
			if err := fileRank(tx, pending, nil); err != nil {
				return err
			}
		}
		return fn(tx)
	})
	if err == nil && len(pending) > 0 {
		s.rankPending = nil
		s.rankDirty.Store(false)
	}
	return err
}

// flushRank files the pending rank changes, if any, so that the rank
// bucket serves the queue again.
func (s *Store) flushRank() error {
	if s.readOnly || !s.rankDirty.Load() {
		return nil
	}
	if err := s.update(func(*bolt.Tx) error { return nil }); err != nil {
		return fmt.Errorf("file the rank index: %w", err)
	}
	return nil
}
