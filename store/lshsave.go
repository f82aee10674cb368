package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The reprint index is saved when a writer closes, so that the next
// writer loads it (a few arrays read back) instead of rebuilding it from
// every signature. meta "sig_gen" counts the transactions that changed a
// signature; the saved index carries the count it reflects, and a writer
// that finds another count (one that crashed before it could save, or an
// older faits) rebuilds it.
var (
	bLSH      = []byte("lsh")
	keySigGen = []byte("sig_gen")
)

func sigGen(tx *bolt.Tx) uint64 {
	if v := tx.Bucket(bMeta).Get(keySigGen); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

// bumpSigGen records, in the transaction that changed a signature, that a
// saved index no longer holds.
func bumpSigGen(tx *bolt.Tx) error {
	return tx.Bucket(bMeta).Put(keySigGen, binary.BigEndian.AppendUint64(nil, sigGen(tx)+1))
}

// loadLSH returns the saved index when it reflects the signatures, nil
// when it must be rebuilt.
func loadLSH(tx *bolt.Tx) *lshIndex {
	b := tx.Bucket(bLSH)
	if b == nil {
		return nil
	}
	gen := b.Get([]byte("gen"))
	if len(gen) != 8 || binary.BigEndian.Uint64(gen) != sigGen(tx) {
		return nil
	}
	hashes, root, dead, main := b.Get([]byte("hashes")), b.Get([]byte("root")), b.Get([]byte("dead")), b.Get([]byte("main"))
	prints := b.Get([]byte("prints"))
	n := len(dead)
	// An index saved without prints (an older faits) is rebuilt.
	if len(hashes) != 32*n || len(root) != 4*n || len(main)%8 != 0 || len(prints) != printLen*n {
		return nil
	}
	idx := newLSH()
	idx.hashes = make([][32]byte, n)
	idx.root = make([]uint32, n)
	idx.dead = make([]bool, n)
	idx.ordOf = make(map[[32]byte]uint32, n)
	for i := range n {
		idx.hashes[i] = [32]byte(hashes[32*i:])
		idx.root[i] = binary.BigEndian.Uint32(root[4*i:])
		idx.dead[i] = dead[i] != 0
		if !idx.dead[i] {
			idx.ordOf[idx.hashes[i]] = uint32(i)
		}
	}
	idx.prints = bytes.Clone(prints)
	m := make([]uint64, len(main)/8)
	for i := range m {
		m[i] = binary.BigEndian.Uint64(main[8*i:])
	}
	idx.setMain(m)
	return idx
}

// saveLSH writes the index for the next writer.
func saveLSH(tx *bolt.Tx, idx *lshIndex) error {
	idx.merge()
	b, err := tx.CreateBucketIfNotExists(bLSH)
	if err != nil {
		return err
	}
	n := len(idx.hashes)
	hashes := make([]byte, 0, 32*n)
	root := make([]byte, 0, 4*n)
	dead := make([]byte, n)
	for i := range n {
		hashes = append(hashes, idx.hashes[i][:]...)
		root = binary.BigEndian.AppendUint32(root, idx.root[i])
		if idx.dead[i] {
			dead[i] = 1
		}
	}
	main := make([]byte, 0, 8*len(idx.main))
	for _, e := range idx.main {
		main = binary.BigEndian.AppendUint64(main, e)
	}
	for k, v := range map[string][]byte{"hashes": hashes, "root": root, "dead": dead, "main": main, "prints": idx.prints,
		"gen": binary.BigEndian.AppendUint64(nil, sigGen(tx))} {
		if err := b.Put([]byte(k), v); err != nil {
			return fmt.Errorf("save reprint index: %w", err)
		}
	}
	return nil
}

// saveIndex saves the reprint index if this writer changed it.
func (s *Store) saveIndex() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.lsh == nil || !s.lshChanged {
		return nil
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return saveLSH(tx, s.lsh) }); err != nil {
		return fmt.Errorf("save reprint index: %w", err)
	}
	s.lshChanged = false
	return nil
}
