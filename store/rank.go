package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The queue's order (List sorted by sources) is kept as an index, the rank
// bucket, so that a page of it reads the page and a count of keys rather
// than every fact's sources: at 100,000 articles the walk took 20 s.

var bRank = []byte("rank")

// statusCode is a status's first byte in a rank key: a status is one
// prefix, so a queue of pending facts is one cursor range.
var statusCode = map[string]byte{StatusPending: 1, StatusAccepted: 2, StatusRejected: 3, StatusEdited: 4, StatusOrphaned: 5}

// rankKey orders facts as List's sort "sources" does within a status:
// independent sources, most first (complemented, big endian), then
// sources, then as_of as shown, latest first (each byte complemented,
// then 0xFF: a longer as_of, "2024-11", comes before its prefix "2024";
// as_of holds no NUL), then the id.
func rankKey(id string, r *factRec) []byte {
	v := r.view(id)
	k := make([]byte, 0, 1+8+len(v.AsOf)+1+len(id))
	k = append(k, statusCode[v.Status])
	k = binary.BigEndian.AppendUint32(k, ^uint32(r.Indep))
	k = binary.BigEndian.AppendUint32(k, ^uint32(r.Sources))
	for i := 0; i < len(v.AsOf); i++ {
		k = append(k, ^v.AsOf[i])
	}
	k = append(k, 0xFF)
	return append(k, id...)
}

// rankID is the fact id at the end of a rank key.
func rankID(k []byte) (string, error) {
	if len(k) < 1+8+1+idLen {
		return "", fmt.Errorf("bad rank key %x", k)
	}
	return string(k[len(k)-idLen:]), nil
}

// origins gives a document's origin for IndependentSources: its reprint
// group, or the document itself when it has none. It reads docs through
// the transaction, so it sees the transaction's own writes; cache holds
// what it read of each document since that document last changed.
//
// The writer's transactions also have the reprint index (idx), which knows
// every document's group by its smallest member: a document's origin is
// then that member's hash, read in memory. (Reading each source's document
// made a fact's count cost one random page a source, each time the fact
// gained one: a fact carried by hundreds of articles cost hundreds of reads
// an article.) A document the index does not hold has no signature, hence
// no group: it is its own origin.
type origins struct {
	docs  *bolt.Bucket
	idx   *lshIndex
	cache map[[32]byte]string
}

func (o *origins) of(h [32]byte) (string, error) {
	if o.idx != nil {
		if ord, ok := o.idx.ordOf[h]; ok {
			h = o.idx.hashes[o.idx.root[ord]]
		}
		return string(h[:]), nil
	}
	if g, ok := o.cache[h]; ok {
		return g, nil
	}
	var d Document
	found, err := getJSON(o.docs, []byte(hex.EncodeToString(h[:])), &d)
	if err != nil {
		return "", err
	}
	if !found {
		return "", fmt.Errorf("source of missing document %x", h)
	}
	g := "d" + string(h[:])
	if d.ReprintGroup != "" {
		g = "g" + d.ReprintGroup
	}
	if o.cache == nil {
		o.cache = map[[32]byte]string{}
	}
	o.cache[h] = g
	return g, nil
}

// independent counts the distinct origins of a fact's sources (sources:
// the facts bucket, or schema 4's sources bucket when migrating).
func independent(sources *bolt.Bucket, o *origins, id string) (int, error) {
	seen := map[string]struct{}{}
	prefix := []byte(id)
	c := sources.Cursor()
	for k, _ := firstSource(c, prefix); hasPrefix(k, prefix); k, _ = c.Next() {
		p, err := parseSourceKey(k)
		if err != nil {
			return 0, err
		}
		g, err := o.of(p.doc)
		if err != nil {
			return 0, fmt.Errorf("fact %s: %w", id, err)
		}
		seen[g] = struct{}{}
	}
	return len(seen), nil
}

// migrate3to4 counts every fact's independent sources into its record
// and builds the rank bucket from them.
func migrate3to4(tx *bolt.Tx) error {
	rank, err := tx.CreateBucketIfNotExists(bRank)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bRank, err)
	}
	facts := tx.Bucket(bFacts)
	var ids [][]byte
	if err := facts.ForEach(func(k, _ []byte) error {
		ids = append(ids, bytes.Clone(k))
		return nil
	}); err != nil {
		return err
	}
	o := &origins{docs: tx.Bucket(bDocs)}
	for _, k := range ids {
		var r factRec
		if err := json.Unmarshal(facts.Get(k), &r); err != nil {
			return fmt.Errorf("decode fact %s: %w", k, err)
		}
		if r.Indep, err = independent(tx.Bucket(bSources), o, string(k)); err != nil {
			return err
		}
		// The record is rewritten as it was but for the count: Changed
		// stays, the exported fact did not change.
		if err := putJSON(facts, k, &r); err != nil {
			return err
		}
		if err := rank.Put(rankKey(string(k), &r), nil); err != nil {
			return fmt.Errorf("rank %s: %w", k, err)
		}
	}
	return nil
}

// rankPage lists, in rank order, the ids of facts whose status is status
// ("" for any) from offset on (limit 0: to the end), and how many there
// are in all. With every status, it merges the statuses' ranges.
func rankPage(tx *bolt.Tx, status string, offset, limit int) ([]string, int, error) {
	b := tx.Bucket(bRank)
	codes := []byte{1, 2, 3, 4, 5}
	if status != "" {
		c, ok := statusCode[status]
		if !ok {
			return nil, 0, nil
		}
		codes = []byte{c}
	}
	type head struct {
		c *bolt.Cursor
		k []byte
	}
	var heads []*head
	total := 0
	for _, code := range codes {
		c := b.Cursor()
		n := 0
		for k, _ := c.Seek([]byte{code}); k != nil && k[0] == code; k, _ = c.Next() {
			n++
		}
		total += n
		if n > 0 {
			k, _ := c.Seek([]byte{code})
			heads = append(heads, &head{c: c, k: k})
		}
	}
	var ids []string
	for i := 0; limit == 0 || i < offset+limit; i++ {
		var best *head
		for _, h := range heads {
			if h.k != nil && (best == nil || bytes.Compare(h.k[1:], best.k[1:]) < 0) {
				best = h
			}
		}
		if best == nil {
			break
		}
		if i >= offset {
			id, err := rankID(best.k)
			if err != nil {
				return nil, 0, err
			}
			ids = append(ids, id)
		}
		code := best.k[0]
		if best.k, _ = best.c.Next(); best.k != nil && best.k[0] != code {
			best.k = nil
		}
	}
	return ids, total, nil
}
