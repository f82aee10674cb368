package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
)

// A writer's batches defer their writes to the rank and index buckets.
//
// Both are derived from the fact records, and keyed by the facts' hashed
// ids: each fact a batch changes moves its rank key from one random leaf
// of the rank bucket to another, and each new fact adds an index key to a
// random leaf. At 30,000 articles that was 8 of the 18 pages a new article
// made the commit write, and more than half of the pages it faulted in;
// those faults (each maps 64 KB: see adviseRandom) filled the map's
// budget a hundred articles into each batch of 256, so that every batch
// was cut into three or four transactions, each letting the map go and
// faulting its pages in again. The writer's
// transactions (writeLSH) therefore log these changes in memory
// (Store.pending), and file them all in one go, in key order, each leaf
// once (filePending): at Close, before any other write (an editor's
// decision, which writes its own), when a reader of the same Store asks
// (List, Each, EachFact, Conflicts, Check), and after the batch whose log
// reaches pendingMax keys.
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

// writeTxs counts the writer's transactions (batches' and filings'), for
// the benchmarks.
var writeTxs atomic.Int64

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

// filePending writes the pending changes to the rank and index buckets,
// in transactions of their own, each ending when the pages of the map it
// read pass the budget (as a batch's do: filing touches most leaves of
// both buckets, 7,000 at 300,000 facts, and bbolt keeps each mapped until
// the commit); the last one marks them fresh. Changes are filed whole: a
// fact's rank key is moved in one transaction, and each transaction's
// changes leave the pending log once it commits. The caller holds wmu.
func (s *Store) filePending() error {
	if !s.dirty.Load() {
		return nil
	}
	// Rank changes in the order of their new keys (their old ones are
	// scattered whatever the order), then index keys in order.
	ids := make([]string, 0, len(s.pending.rank))
	for id := range s.pending.rank {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return bytes.Compare(s.pending.rank[a].want, s.pending.rank[b].want)
	})
	keys := make([]string, 0, len(s.pending.index))
	for k := range s.pending.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	// At least one transaction: changes that cancelled out leave nothing
	// to file but the mark to clear.
	for first := true; first || len(ids)+len(keys) > 0; first = false {
		var size int64
		nIDs, nKeys := 0, 0
		err := s.db.Update(func(tx *bolt.Tx) error {
			writeTxs.Add(1)
			size = tx.Size()
			adviseRandom(s.db, size)
			nIDs, nKeys = 0, 0
			rank, index := tx.Bucket(bRank), tx.Bucket(bIndex)
			for n := 1; nIDs+nKeys < len(ids)+len(keys); n++ {
				if nIDs < len(ids) {
					c := s.pending.rank[ids[nIDs]]
					if c.stored != nil && !bytes.Equal(c.stored, c.want) {
						if err := rank.Delete(c.stored); err != nil {
							return fmt.Errorf("unrank %x: %w", c.stored, err)
						}
					}
					if c.want != nil && !bytes.Equal(c.stored, c.want) {
						if err := rank.Put(c.want, nil); err != nil {
							return fmt.Errorf("rank %x: %w", c.want, err)
						}
					}
					nIDs++
				} else {
					k := keys[nKeys]
					var err error
					if s.pending.index[k] {
						err = index.Put([]byte(k), nil)
					} else {
						err = index.Delete([]byte(k))
					}
					if err != nil {
						return fmt.Errorf("index %q: %w", k, err)
					}
					nKeys++
				}
				if n%256 == 0 && overBudget() {
					break
				}
			}
			if nIDs == len(ids) && nKeys == len(keys) {
				if err := tx.Bucket(bMeta).Delete(keyStale); err != nil {
					return fmt.Errorf("mark rank and index fresh: %w", err)
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("file the rank and index: %w", err)
		}
		for _, id := range ids[:nIDs] {
			delete(s.pending.rank, id)
		}
		for _, k := range keys[:nKeys] {
			delete(s.pending.index, k)
		}
		ids, keys = ids[nIDs:], keys[nKeys:]
		releaseOverBudget(s.db, size)
	}
	s.pending = pending{}
	s.dirty.Store(false)
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

// update files the pending changes, then runs fn in a write transaction,
// so that fn may write the rank and index buckets itself (every write but
// a writer's batches goes through it).
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.filePending(); err != nil {
		return err
	}
	return s.db.Update(fn)
}

// flushPending files the pending changes, if any, so that the rank and
// index buckets serve the readers again. Readers call it before their read
// transaction (not from inside one: the write could wait on it).
func (s *Store) flushPending() error {
	if s.readOnly || !s.dirty.Load() || s.walks.Load() > 0 {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.filePending()
}

// fileIfFull files the pending changes once they reach pendingMax keys
// (a batch's Commit calls it after its files are written).
func (s *Store) fileIfFull() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.pending.len() < pendingMax {
		return nil
	}
	return s.filePending()
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
