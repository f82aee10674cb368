package store

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// errReadOnly is returned by every write on a read-only store.
var errReadOnly = errors.New("store opened read-only")

// txn is one write transaction with its buckets and the fact records it
// has loaded, so that several changes to one fact are written once.
type txn struct {
	tx *bolt.Tx
	// docs also holds each document's body, signature and readings
	// (docTagKey); facts each fact's sources (sources is facts).
	files, docs, groups           *bolt.Bucket
	facts, sources, index, events *bolt.Bucket
	rank                          *bolt.Bucket
	now                           int64
	recs                          map[string]*factRec
	live                          map[string]bool // had sources when loaded
	dirty                         map[string]bool
	// ranked holds the rank key of each record as stored, to replace it
	// when the record changes.
	ranked  map[string][]byte
	origins origins
	// lshIdx is the reprint index (writeLSH sets it); the transaction
	// changes it as it goes, and a rollback undoes that.
	lshIdx *lshIndex
	// sigChanged is set when a signature is written or deleted.
	sigChanged bool
	// indep holds, for the facts whose independent sources the
	// transaction counted, how many of their sources each origin gave,
	// kept up to date as sources come and go, so that a fact gaining a
	// source is not counted again from all of them: a fact read in each
	// of a scraper's 10,000 pages was, every page (quadratic). Only a
	// writer's transactions (with the reprint index) keep it; it holds
	// while no existing document's origin moves (indepMoves is the
	// index's moves when it was last known valid).
	indep      map[string]map[string]int
	indepMoves uint64
	// pending, when set, collects the rank and index changes of a
	// transaction that defers them (deferred.go); nil writes them to
	// their buckets.
	pending *pendingLog
}

func newTxn(tx *bolt.Tx, now int64) (*txn, error) {
	t := &txn{tx: tx, now: now, recs: map[string]*factRec{}, live: map[string]bool{}, dirty: map[string]bool{}, ranked: map[string][]byte{}}
	for _, p := range []struct {
		b    **bolt.Bucket
		name []byte
	}{
		{&t.files, bFiles}, {&t.docs, bDocs}, {&t.groups, bGroups}, {&t.facts, bFacts},
		{&t.index, bIndex}, {&t.events, bEvents}, {&t.rank, bRank},
	} {
		if *p.b = tx.Bucket(p.name); *p.b == nil {
			return nil, fmt.Errorf("store is missing bucket %s", p.name)
		}
	}
	t.sources = t.facts
	t.origins.docs = t.docs
	return t, nil
}

// fact loads the record of id, nil when there is none.
func (t *txn) fact(id string) (*factRec, error) {
	if r, ok := t.recs[id]; ok {
		return r, nil
	}
	var r factRec
	found, err := getJSON(t.facts, []byte(id), &r)
	if err != nil || !found {
		return nil, err
	}
	t.recs[id] = &r
	t.live[id] = r.Sources > 0
	t.ranked[id] = rankKey(id, &r)
	return &r, nil
}

// factFor loads or creates the record of a key read by the rules.
func (t *txn) factFor(id string, k Key) (r *factRec, created bool, err error) {
	r, err = t.fact(id)
	if err != nil {
		return nil, false, err
	}
	if r != nil {
		if !r.key().equal(k) {
			return nil, false, fmt.Errorf("fact id %s collides: %q and %q", id, r.key().Canonical(), k.Canonical())
		}
		return r, false, nil
	}
	r = &factRec{Programme: k.Programme, Metric: k.Metric, Unit: k.Unit, Value: k.Value, ValueMax: k.ValueMax, AsOf: k.AsOf}
	if err := t.setIndex(indexKey(r.view(id)), true); err != nil {
		return nil, false, fmt.Errorf("index %s: %w", id, err)
	}
	t.recs[id] = r
	t.dirty[id] = true
	return r, true, nil
}

// touchDoc marks as changed every fact read in the document, whose
// exported sources carry the document's path, metadata and group.
func (t *txn) touchDoc(doc [32]byte) error {
	c := t.docs.Cursor()
	prefix := readingsPrefix(doc)
	for k, _ := c.Seek(prefix); hasPrefix(k, prefix); k, _ = c.Next() {
		p, err := parseByDocKey(k)
		if err != nil {
			return err
		}
		r, err := t.fact(p.id)
		if err != nil {
			return err
		}
		if r == nil {
			return fmt.Errorf("document %x has a reading of missing fact %s", doc, p.id)
		}
		t.dirty[p.id] = true
	}
	return nil
}

// flush writes every changed fact: a fact left without a source is
// dropped, unless an editor acted on it, when it stays as an orphan.
func (t *txn) flush(res *IngestResult) error {
	for id := range t.dirty {
		r := t.recs[id]
		if r.Sources == 0 && r.Events == 0 {
			if err := t.setIndex(indexKey(r.view(id)), false); err != nil {
				return fmt.Errorf("unindex %s: %w", id, err)
			}
			if err := t.facts.Delete([]byte(id)); err != nil {
				return fmt.Errorf("drop %s: %w", id, err)
			}
			if err := t.setRank(id, nil); err != nil {
				return err
			}
			if res != nil && t.live[id] {
				res.Dropped++
			}
			// A later file of the batch that reads it again creates it anew.
			delete(t.recs, id)
			delete(t.live, id)
			continue
		}
		if r.Sources == 0 && t.live[id] && res != nil {
			res.Orphaned++
		}
		r.Changed = t.now
		// One source is one origin: most facts, and no document read.
		r.Indep = min(r.Sources, 1)
		if r.Sources > 1 {
			var err error
			if r.Indep, err = t.independent(id); err != nil {
				return err
			}
		}
		if err := putJSON(t.facts, []byte(id), r); err != nil {
			return err
		}
		if err := t.rerank(id, r); err != nil {
			return err
		}
		t.live[id] = r.Sources > 0
	}
	clear(t.dirty)
	return nil
}

// rerank files the record's rank key in place of the one stored.
func (t *txn) rerank(id string, r *factRec) error { return t.setRank(id, rankKey(id, r)) }

// setIndex puts (on) or deletes index key k, or logs it in a
// transaction that defers it.
func (t *txn) setIndex(k []byte, on bool) error {
	switch {
	case t.pending != nil:
		t.pending.setIndex(k, on)
		return nil
	case on:
		return t.index.Put(k, nil)
	}
	return t.index.Delete(k)
}

// setRank makes k (nil: none) fact id's rank key. t.ranked holds each
// loaded fact's key as its record asks; a transaction that defers its rank
// writes (a writer's batch, see deferred.go) logs the change instead of
// writing it.
func (t *txn) setRank(id string, k []byte) error {
	old, ok := t.ranked[id]
	if ok && bytes.Equal(old, k) || !ok && k == nil {
		return nil
	}
	if k == nil {
		delete(t.ranked, id)
	} else {
		t.ranked[id] = k
	}
	if t.pending != nil {
		t.pending.change(id, old, k)
		return nil
	}
	if ok {
		if err := t.rank.Delete(old); err != nil {
			return fmt.Errorf("unrank %s: %w", id, err)
		}
	}
	if k != nil {
		if err := t.rank.Put(k, nil); err != nil {
			return fmt.Errorf("rank %s: %w", id, err)
		}
	}
	return nil
}

// independent counts the distinct origins of a fact's sources, from the
// counts the transaction keeps (indep) when it has them.
func (t *txn) independent(id string) (int, error) {
	if t.lshIdx == nil {
		return independent(t.sources, &t.origins, id)
	}
	t.checkIndep()
	if c, ok := t.indep[id]; ok {
		return len(c), nil
	}
	c := map[string]int{}
	prefix := []byte(id)
	cur := t.sources.Cursor()
	for k, _ := firstSource(cur, prefix); hasPrefix(k, prefix); k, _ = cur.Next() {
		p, err := parseSourceKey(k)
		if err != nil {
			return 0, err
		}
		g, err := t.origins.of(p.doc)
		if err != nil {
			return 0, fmt.Errorf("fact %s: %w", id, err)
		}
		c[g]++
	}
	if t.indep == nil {
		t.indep = map[string]map[string]int{}
	}
	t.indep[id] = c
	return len(c), nil
}

// checkIndep forgets the cached counts when a document's origin moved.
func (t *txn) checkIndep() {
	if t.indepMoves != t.lshIdx.moves {
		clear(t.indep)
		t.indepMoves = t.lshIdx.moves
	}
}

// sourceCounted keeps the cached count of fact id's origins in step with a
// source of document doc written (d 1) or deleted (d -1).
func (t *txn) sourceCounted(id string, doc [32]byte, d int) error {
	if t.lshIdx == nil {
		return nil
	}
	t.checkIndep()
	c, ok := t.indep[id]
	if !ok {
		return nil
	}
	g, err := t.origins.of(doc)
	if err != nil {
		return fmt.Errorf("fact %s: %w", id, err)
	}
	if c[g] += d; c[g] <= 0 {
		delete(c, g)
	}
	return nil
}
