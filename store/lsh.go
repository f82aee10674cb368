package store

import (
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// lshIndex maps each band hash to the documents whose signature has it.
// It lives in memory, built from the minhash bucket on a writer's first
// ingest: a writer holds the file's exclusive lock, so no other process
// can change the signatures under it, and keeping the 32 bands of every
// document out of the file saves a third of its size and two thirds of the
// pages each ingest writes.
type lshIndex map[uint64][][32]byte

// buildLSH reads every stored signature.
func buildLSH(tx *bolt.Tx) (lshIndex, error) {
	idx := lshIndex{}
	err := tx.Bucket(bMinhash).ForEach(func(k, v []byte) error {
		sig, _, err := decodeSig(v)
		if err != nil {
			return fmt.Errorf("signature of %x: %w", k, err)
		}
		if len(k) != 32 {
			return fmt.Errorf("bad signature key %x", k)
		}
		idx.add([32]byte(k), sig)
		return nil
	})
	return idx, err
}

func (idx lshIndex) add(h [32]byte, sig *signature) {
	for b := 0; b < numBands; b++ {
		bh := bandHash(sig, b)
		if !slices.Contains(idx[bh], h) {
			idx[bh] = append(idx[bh], h)
		}
	}
}

func (idx lshIndex) remove(h [32]byte, sig *signature) {
	for b := 0; b < numBands; b++ {
		bh := bandHash(sig, b)
		docs := slices.DeleteFunc(idx[bh], func(x [32]byte) bool { return x == h })
		if len(docs) == 0 {
			delete(idx, bh)
		} else {
			idx[bh] = docs
		}
	}
}

// candidates returns the documents sharing a band with sig.
func (idx lshIndex) candidates(sig *signature) [][32]byte {
	var out [][32]byte
	for b := 0; b < numBands; b++ {
		for _, h := range idx[bandHash(sig, b)] {
			if !slices.Contains(out, h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// lshChange is a signature a transaction added or removed; the index
// takes it only once the transaction has committed.
type lshChange struct {
	h      [32]byte
	sig    *signature
	remove bool
}

// writeLSH runs fn in a write transaction with the LSH index at hand and
// applies the transaction's signature changes to the index once it has
// committed. s.wmu serialises it with other writes, so that no
// transaction sees the index before the previous one's changes are in.
func (s *Store) writeLSH(fn func(t *txn) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.lsh == nil {
		err := s.db.View(func(tx *bolt.Tx) error {
			var err error
			s.lsh, err = buildLSH(tx)
			return err
		})
		if err != nil {
			s.lsh = nil
			return fmt.Errorf("build reprint index: %w", err)
		}
	}
	var changes []lshChange
	err := s.db.Update(func(tx *bolt.Tx) error {
		t, err := newTxn(tx, s.now().UnixNano())
		if err != nil {
			return err
		}
		t.lshIdx = s.lsh
		changes = nil
		if err := fn(t); err != nil {
			return err
		}
		changes = t.lshChanges
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range changes {
		if c.remove {
			s.lsh.remove(c.h, c.sig)
		} else {
			s.lsh.add(c.h, c.sig)
		}
	}
	return nil
}
