package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/bits"
	"slices"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// lshIndex is the in-memory reprint index: for each band of each stored
// signature, the documents whose signature has it, and for each document
// the smallest member of its reprint group (its root).
//
// It is compact: a document is a number (its ordinal), a band a 32-bit key,
// so one band entry is 8 bytes in a sorted array (main), plus a small map
// of entries added since the last merge (delta). About 350 bytes a
// document against 2.7 KB for a map of hashes. A 32-bit key lets unrelated
// bands collide now and then; that costs one signature comparison, never a
// wrong edge, since reprints() compares the full signatures.
//
// A band's run holds at most one document per reprint group (at the time it
// was added): a document whose group is already in the run adds nothing.
// So a band shared by 10,000 copies of a template page is one entry, not
// 10,000, and looking a document up costs what its groups cost, not what
// the store holds. The lookup stays exact because it compares a new
// document with every member of a group whose representative does not
// match (see txn.joinReprints); a group that splits puts its members back
// (reindex).
//
// The writer changes it inside its transaction and logs how to undo each
// change, so that a rolled-back transaction leaves it as it was.
type lshIndex struct {
	hashes [][32]byte
	ordOf  map[[32]byte]uint32
	root   []uint32
	dead   []bool
	main   []uint64 // band key << 32 | ordinal, sorted
	// dir[p] is the first entry of main whose band key's top dirBits bits
	// are p or more, so that a run is found by a binary search of a few
	// entries: one over all of main missed the cache a dozen times a
	// band, 64 searches an article (a tenth of the writer's time at
	// 20,000 articles).
	dir []uint32
	// prints holds, for each ordinal, the low four bits of each value of
	// its signature (printLen bytes): two signatures agree on at most as
	// many values as their prints agree on nibbles, so a candidate whose
	// print agrees on fewer than a reprint needs is turned down without
	// reading its signature from the file. Distinct articles share
	// furniture (datelines, stock phrases), hence bands, with a share of
	// every other article; without it each new document read the
	// signatures of about 1 % of the store.
	prints []byte
	delta  map[uint32][]uint32
	nDelta int
	undo   []func()
	// comparisons counts signature comparisons (signatures read),
	// filtered the candidates their print turned down, and rewrites the
	// documents whose group changed, for tests that check the work a
	// write does.
	comparisons, filtered, rewrites int
	// moves counts the changes of an existing document's origin (its
	// root, or its death): a transaction's cached counts of independent
	// sources (txn.indep) hold while it stays the same.
	moves uint64
}

func newLSH() *lshIndex {
	idx := &lshIndex{ordOf: map[[32]byte]uint32{}, delta: map[uint32][]uint32{}}
	idx.setMain(nil)
	return idx
}

// buildLSH reads every stored signature and group.
func buildLSH(tx *bolt.Tx) (*lshIndex, error) {
	idx := newLSH()
	// Roots first: a band's run keeps one document per group.
	rootOf := map[[32]byte][32]byte{}
	var cur string
	var min [32]byte
	err := tx.Bucket(bGroups).ForEach(func(k, _ []byte) error {
		if len(k) <= 32 {
			return fmt.Errorf("bad group key %x", k)
		}
		g, h := string(k[:len(k)-32]), [32]byte(k[len(k)-32:])
		if g != cur { // members come sorted: the first is the smallest
			cur, min = g, h
		}
		rootOf[h] = min
		return nil
	})
	if err != nil {
		return nil, err
	}
	type entry struct {
		key uint32
		ord uint32
	}
	var entries []entry
	// Each document's signature, in hash order (hex keys sort as the
	// hashes do).
	docs := tx.Bucket(bDocs)
	dc := docRecordCursor{docs.Cursor()}
	for k, _ := dc.First(); k != nil; k, _ = dc.Next() {
		var h [32]byte
		if _, err := hex.Decode(h[:], k); err != nil {
			return nil, fmt.Errorf("bad document key %q", k)
		}
		v := docs.Get(docTagKey(h, tagSig))
		if v == nil {
			continue // shorter than a signature needs
		}
		sig, _, err := decodeSig(v)
		if err != nil {
			return nil, fmt.Errorf("signature of %s: %w", k, err)
		}
		ord := idx.newDoc(h, sig)
		for b := 0; b < numBands; b++ {
			entries = append(entries, entry{bandKey(sig, b), ord})
		}
	}
	for h, r := range rootOf {
		o, ok1 := idx.ordOf[h]
		ro, ok2 := idx.ordOf[r]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("group member %x has no signature", h)
		}
		idx.root[o] = ro
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].key != entries[j].key {
			return entries[i].key < entries[j].key
		}
		return entries[i].ord < entries[j].ord
	})
	m := make([]uint64, 0, len(entries))
	for i, e := range entries {
		// Keep the first document of each group in each run.
		dup := false
		for j := i - 1; j >= 0 && entries[j].key == e.key; j-- {
			if idx.root[entries[j].ord] == idx.root[e.ord] {
				dup = true
				break
			}
		}
		if !dup {
			m = append(m, uint64(e.key)<<32|uint64(e.ord))
		}
	}
	idx.setMain(m)
	idx.undo = nil
	return idx, nil
}

// dirBits is how many top bits of a band key dir indexes by.
const dirBits = 16

// setMain makes m (sorted) the main array and indexes it.
func (idx *lshIndex) setMain(m []uint64) {
	idx.main = m
	if idx.dir == nil {
		idx.dir = make([]uint32, 1<<dirBits+1)
	}
	i := 0
	for p := range 1 << dirBits {
		for i < len(m) && m[i]>>(64-dirBits) < uint64(p) {
			i++
		}
		idx.dir[p] = uint32(i)
	}
	idx.dir[1<<dirBits] = uint32(len(m))
}

// bandKey is the 32-bit key of one band of a signature.
func bandKey(sig *signature, band int) uint32 { return uint32(bandHash(sig, band) >> 32) }

// newDoc gives h, whose signature is sig, an ordinal, alone in its group.
func (idx *lshIndex) newDoc(h [32]byte, sig *signature) uint32 {
	o := uint32(len(idx.hashes))
	idx.hashes = append(idx.hashes, h)
	idx.root = append(idx.root, o)
	idx.dead = append(idx.dead, false)
	idx.prints = appendPrint(idx.prints, sig)
	idx.ordOf[h] = o
	idx.undo = append(idx.undo, func() {
		delete(idx.ordOf, h)
		idx.hashes, idx.root, idx.dead = idx.hashes[:o], idx.root[:o], idx.dead[:o]
		idx.prints = idx.prints[:int(o)*printLen]
	})
	return o
}

// printLen is the size of a signature's print: a nibble a value.
const printLen = numHashes / 2

// appendPrint appends sig's print: value 2i's low nibble in the low half
// of byte i, value 2i+1's in the high half.
func appendPrint(b []byte, sig *signature) []byte {
	for i := 0; i < numHashes; i += 2 {
		b = append(b, byte(sig[i]&0xf)|byte(sig[i+1]&0xf)<<4)
	}
	return b
}

// mayReprint reports whether the prints of a and b agree on enough
// nibbles for their signatures to be reprints (similarity at least
// ReprintThreshold); false is certain, true is to be checked.
func (idx *lshIndex) mayReprint(a, b uint32) bool {
	pa := idx.prints[int(a)*printLen : int(a+1)*printLen]
	pb := idx.prints[int(b)*printLen : int(b+1)*printLen]
	differ := 0
	for i := 0; i < printLen; i += 8 {
		x := binary.LittleEndian.Uint64(pa[i:]) ^ binary.LittleEndian.Uint64(pb[i:])
		// One bit a nibble that differs.
		x |= x >> 1
		x |= x >> 2
		differ += bits.OnesCount64(x & 0x1111111111111111)
	}
	return float64(numHashes-differ)/numHashes >= ReprintThreshold
}

// kill takes a removed document out of every lookup; its entries go at
// the next merge.
func (idx *lshIndex) kill(h [32]byte) {
	o, ok := idx.ordOf[h]
	if !ok {
		return
	}
	idx.dead[o] = true
	delete(idx.ordOf, h)
	idx.moves++
	idx.undo = append(idx.undo, func() { idx.dead[o] = false; idx.ordOf[h] = o })
}

// setRoot records that o's group's smallest member is r.
func (idx *lshIndex) setRoot(o, r uint32) {
	old := idx.root[o]
	if old == r {
		return
	}
	idx.root[o] = r
	idx.moves++
	idx.undo = append(idx.undo, func() { idx.root[o] = old })
}

// run calls fn for each live document in the band key's run.
func (idx *lshIndex) run(key uint32, fn func(ord uint32) bool) {
	lo := uint64(key) << 32
	p := key >> (32 - dirBits)
	from, to := int(idx.dir[p]), int(idx.dir[p+1])
	part := idx.main[from:to]
	i := from + sort.Search(len(part), func(i int) bool { return part[i] >= lo })
	for ; i < to && uint32(idx.main[i]>>32) == key; i++ {
		o := uint32(idx.main[i])
		if !idx.dead[o] && !fn(o) {
			return
		}
	}
	for _, o := range idx.delta[key] {
		if !idx.dead[o] && !fn(o) {
			return
		}
	}
}

// addBands files o under each band of sig whose run holds no member of
// o's group yet.
func (idx *lshIndex) addBands(o uint32, sig *signature) {
	r := idx.root[o]
	for b := 0; b < numBands; b++ {
		key := bandKey(sig, b)
		present := false
		idx.run(key, func(x uint32) bool {
			present = idx.root[x] == r
			return !present
		})
		if present {
			continue
		}
		idx.delta[key] = append(idx.delta[key], o)
		idx.nDelta++
		idx.undo = append(idx.undo, func() {
			d := idx.delta[key]
			if len(d) == 1 {
				delete(idx.delta, key)
			} else {
				idx.delta[key] = d[:len(d)-1]
			}
			idx.nDelta--
		})
	}
}

// rollback undoes the changes of a failed transaction.
func (idx *lshIndex) rollback() {
	for i := len(idx.undo) - 1; i >= 0; i-- {
		idx.undo[i]()
	}
	idx.undo = idx.undo[:0]
}

// commit keeps a transaction's changes and, when the delta has grown to an
// eighth of the main array, merges it in (amortised, so an insert costs a
// constant number of entry moves).
func (idx *lshIndex) commit() {
	idx.undo = idx.undo[:0]
	if idx.nDelta < 4096 || idx.nDelta < len(idx.main)/8 {
		return
	}
	idx.merge()
}

// merge moves the delta into the sorted array and drops removed
// documents' entries.
func (idx *lshIndex) merge() {
	merged := make([]uint64, 0, len(idx.main)+idx.nDelta)
	for _, e := range idx.main {
		if !idx.dead[uint32(e)] {
			merged = append(merged, e)
		}
	}
	for key, ords := range idx.delta {
		for _, o := range ords {
			if !idx.dead[o] {
				merged = append(merged, uint64(key)<<32|uint64(o))
			}
		}
	}
	slices.Sort(merged)
	idx.setMain(merged)
	idx.delta = map[uint32][]uint32{}
	idx.nDelta = 0
}

// rootHash is the smallest member of h's group (h itself when alone).
func (idx *lshIndex) rootHash(o uint32) [32]byte { return idx.hashes[idx.root[o]] }

// less orders document hashes as group names do.
func less(a, b [32]byte) bool { return bytes.Compare(a[:], b[:]) < 0 }

// writeLSH runs fn in a write transaction with the reprint index at hand;
// a transaction that fails leaves the index as it was. s.wmu serialises it
// with other writes.
func (s *Store) writeLSH(fn func(t *txn) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.lsh == nil {
		err := s.db.View(func(tx *bolt.Tx) error {
			if s.lsh = loadLSH(tx); s.lsh != nil {
				return nil
			}
			var err error
			s.lsh, err = buildLSH(tx)
			// Built rather than loaded: save it for the next writer even if
			// this one changes nothing.
			s.lshChanged = err == nil
			return err
		})
		if err != nil {
			s.lsh = nil
			return fmt.Errorf("build reprint index: %w", err)
		}
	}
	var size int64
	changed := false
	var log *pendingLog
	err := s.db.Update(func(tx *bolt.Tx) error {
		writeTxs.Add(1)
		size = tx.Size()
		adviseRandom(s.db, size)
		t, err := newTxn(tx, s.now().UnixNano())
		if err != nil {
			return err
		}
		t.lshIdx = s.lsh
		t.origins.idx = s.lsh
		t.pending = newPendingLog(&s.pending)
		if err := fn(t); err != nil {
			return err
		}
		if t.pending.len() > 0 {
			if err := markStale(tx); err != nil {
				return err
			}
		}
		log = t.pending
		changed = t.sigChanged
		if t.sigChanged {
			return bumpSigGen(tx)
		}
		return nil
	})
	if err != nil {
		s.lsh.rollback()
		return err
	}
	s.lsh.commit()
	s.lshChanged = s.lshChanged || changed
	if log != nil && log.len() > 0 {
		s.pending.keep(&log.pending)
		s.dirty.Store(true)
	}
	// The writer reads pages all over the file; let them go when they
	// pass the budget, so that its resident memory is its own, not the
	// file's. (Let go after every transaction, they were faulted in again
	// by the next: a third of the writer's time at 20,000 articles.)
	releaseOverBudget(s.db, size)
	return nil
}
