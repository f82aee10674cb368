package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// A writer's batches defer their writes to the rank and index buckets.
//
// Both are derived from the fact records, and keyed by the facts' hashed
// ids: each fact a batch changes moves its rank key from one random leaf
// of the rank bucket to another, and each new fact adds an index key to a
// random leaf. At 30,000 articles that was 8 of the 18 pages a new article
// made the commit write, and more than half of the pages it faulted in;
// those faults filled the map's budget a hundred articles into each batch
// of 256, so that every batch was cut into three or four transactions,
// each writing again the random leaves of the other buckets. The writer's
// transactions (writeLSH) therefore log these changes in memory
// (Store.pending), and file them all in one go, in key order, each leaf
// once: at Close, before any other write (an editor's decision, which
// writes its own), when a reader of the same Store asks (List, Each,
// EachFact, Conflicts, Check), and within the batch whose log reaches
// pendingMax keys.
//
// While a log is pending, meta "derived_stale" says that the rank and
// index buckets lag the records: a reader then orders, counts and filters
// from the records (List, indexCursor), Check skips the two buckets, and a
// writer that opens a file whose last writer died before filing its log
// rebuilds them from the records (rebuildDerived). The records themselves
// are written in each transaction as before: a crash loses no fact, only
// the two indexes, rebuilt from them.

// keyStale in meta: the rank and index buckets lag the fact records.
var keyStale = []byte("derived_stale")

// pendingMax bounds the pending log (about 200 bytes a key); a variable
// for tests only.
var pendingMax = 1 << 16

// rankChange is one fact's pending rank change: stored is the key the rank
// bucket holds (nil: none), want the key its record asks for (nil: none).
type rankChange struct{ stored, want []byte }

// pending is what a writer has not filed: rank changes by fact id, and
// index keys to have (true) or not (false).
type pending struct {
	rank  map[string]*rankChange
	index map[string]bool
}

func (p *pending) len() int { return len(p.rank) + len(p.index) }

// pendingLog collects a transaction's changes over the store's pending
// ones (base, read only here), so that a rolled-back transaction leaves
// those as they were.
type pendingLog struct {
	base *pending
	pending
}

func newPendingLog(base *pending) *pendingLog {
	return &pendingLog{base: base, pending: pending{rank: map[string]*rankChange{}, index: map[string]bool{}}}
}

// keep adds a committed transaction's log to the store's pending changes.
func (p *pending) keep(l *pending) {
	if p.rank == nil {
		p.rank, p.index = map[string]*rankChange{}, map[string]bool{}
	}
	for id, c := range l.rank {
		if bytes.Equal(c.stored, c.want) {
			delete(p.rank, id)
		} else {
			p.rank[id] = c
		}
	}
	for k, on := range l.index {
		p.index[k] = on
	}
}

// setIndex records that index key k is to be there (on) or not.
func (l *pendingLog) setIndex(k []byte, on bool) { l.index[string(k)] = on }

// change records that fact id's rank key goes from old to k.
func (l *pendingLog) change(id string, old, k []byte) {
	if c, ok := l.rank[id]; ok {
		c.want = k
		return
	}
	stored := old
	if c, ok := l.base.rank[id]; ok {
		stored = c.stored
	}
	l.rank[id] = &rankChange{stored: stored, want: k}
}

// derivedFresh reports whether the rank and index buckets reflect the
// records.
func derivedFresh(tx *bolt.Tx) bool { return tx.Bucket(bMeta).Get(keyStale) == nil }

// markStale records that the rank and index buckets lag the records.
func markStale(tx *bolt.Tx) error {
	if !derivedFresh(tx) {
		return nil
	}
	if err := tx.Bucket(bMeta).Put(keyStale, []byte("1")); err != nil {
		return fmt.Errorf("mark rank and index stale: %w", err)
	}
	return nil
}

// filePending writes the pending changes (over, when given, overlaid on
// base) to the rank and index buckets, each in key order, and marks them
// fresh.
func filePending(tx *bolt.Tx, base, over *pending) error {
	if over == nil {
		over = &pending{}
	}
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
	for id, c := range base.rank {
		if _, ok := over.rank[id]; !ok {
			add(c)
		}
	}
	for _, c := range over.rank {
		add(c)
	}
	if err := apply(tx.Bucket(bRank), dels, puts); err != nil {
		return fmt.Errorf("rank: %w", err)
	}
	dels, puts = dels[:0], puts[:0]
	index := func(k string, on bool) {
		if on {
			puts = append(puts, []byte(k))
		} else {
			dels = append(dels, []byte(k))
		}
	}
	for k, on := range base.index {
		if _, ok := over.index[k]; !ok {
			index(k, on)
		}
	}
	for k, on := range over.index {
		index(k, on)
	}
	if err := apply(tx.Bucket(bIndex), dels, puts); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := tx.Bucket(bMeta).Delete(keyStale); err != nil {
		return fmt.Errorf("mark rank and index fresh: %w", err)
	}
	return nil
}

// apply deletes dels and puts puts (empty values) in b, in key order.
func apply(b *bolt.Bucket, dels, puts [][]byte) error {
	slices.SortFunc(dels, bytes.Compare)
	slices.SortFunc(puts, bytes.Compare)
	for _, k := range dels {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("delete %x: %w", k, err)
		}
	}
	for _, k := range puts {
		if err := b.Put(k, nil); err != nil {
			return fmt.Errorf("put %x: %w", k, err)
		}
	}
	return nil
}

// rebuildDerived rewrites the rank and index buckets from the fact
// records.
func rebuildDerived(tx *bolt.Tx) error {
	if err := rebuildIndex(tx); err != nil {
		return err
	}
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
	return tx.Bucket(bMeta).Delete(keyStale)
}

// repairDerived rebuilds the rank and index of a file whose last writer
// died before filing its pending changes. Open calls it for a writer.
func (s *Store) repairDerived() error {
	stale := false
	if err := s.db.View(func(tx *bolt.Tx) error {
		stale = !derivedFresh(tx)
		return nil
	}); err != nil || !stale {
		return err
	}
	if err := s.db.Update(rebuildDerived); err != nil {
		return fmt.Errorf("%s: rebuild the rank and index: %w", s.path, err)
	}
	return nil
}

// update runs fn in a write transaction that first files the pending
// changes, so that fn may write the rank and index buckets itself (every
// write but a writer's batches goes through it).
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	filing := s.pending.len() > 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		if filing {
			if err := filePending(tx, &s.pending, nil); err != nil {
				return err
			}
		}
		return fn(tx)
	})
	if err == nil && filing {
		s.pending = pending{}
		s.dirty.Store(false)
	}
	return err
}

// flushPending files the pending changes, if any, so that the rank and
// index buckets serve the readers again. Readers call it before their read
// transaction (not from inside one: the write could wait on it).
func (s *Store) flushPending() error {
	if s.readOnly || !s.dirty.Load() {
		return nil
	}
	if err := s.update(func(*bolt.Tx) error { return nil }); err != nil {
		return fmt.Errorf("file the rank and index: %w", err)
	}
	return nil
}

// indexCursor walks the index bucket, or, when it lags the records, the
// keys it should hold, made from the records (a writer died before filing
// them: read-only, nothing may be repaired).
func indexCursor(tx *bolt.Tx) (keyCursor, error) {
	if derivedFresh(tx) {
		return tx.Bucket(bIndex).Cursor(), nil
	}
	var keys [][]byte
	if err := eachRecord(tx.Bucket(bFacts), func(id, v []byte) error {
		var r factRec
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode fact %s: %w", id, err)
		}
		keys = append(keys, indexKey(r.view(string(id))))
		return nil
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(keys, bytes.Compare)
	return &sliceCursor{keys: keys}, nil
}

// keyCursor is what the index's readers use of a bbolt cursor.
type keyCursor interface {
	First() (k, v []byte)
	Seek(seek []byte) (k, v []byte)
	Next() (k, v []byte)
}

// sliceCursor is a keyCursor over sorted keys with empty values.
type sliceCursor struct {
	keys [][]byte
	i    int
}

func (c *sliceCursor) at() ([]byte, []byte) {
	if c.i >= len(c.keys) {
		return nil, nil
	}
	return c.keys[c.i], []byte{}
}

func (c *sliceCursor) First() ([]byte, []byte) { c.i = 0; return c.at() }

func (c *sliceCursor) Next() ([]byte, []byte) { c.i++; return c.at() }

func (c *sliceCursor) Seek(seek []byte) ([]byte, []byte) {
	c.i, _ = slices.BinarySearchFunc(c.keys, seek, bytes.Compare)
	return c.at()
}
