package store

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// doc loads a document's metadata (its Body is kept under another key).
func (t *txn) doc(h [32]byte) (*Document, error) {
	var d Document
	found, err := getJSON(t.docs, docKey(h), &d)
	if err != nil || !found {
		return nil, err
	}
	return &d, nil
}

// putDoc writes d's metadata, taken from the file record of its first
// path, so that which copy describes a document does not depend on the
// order the copies were ingested in. It marks the document's facts as
// changed when what their sources show of it changed.
func (t *txn) putDoc(h [32]byte, d *Document) error {
	key := []byte(hex.EncodeToString(h[:]))
	delete(t.origins.cache, h) // the document's group may change
	sort.Strings(d.Paths)
	d.Paths = slices.Compact(d.Paths)
	var f fileRec
	found, err := getJSON(t.files, []byte(d.Paths[0]), &f)
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("document %s: path %s has no file record", key, d.Paths[0])
	}
	d.SHA256 = string(key)
	d.Title, d.Site, d.Author, d.URL, d.Published, d.PublishedFrom = f.Title, f.Site, f.Author, f.URL, f.Published, f.PublishedFrom
	d.Body, d.Copies = "", nil // the body and the copies are stored elsewhere
	var old Document
	found, err = getJSON(t.docs, key, &old)
	if err != nil {
		return err
	}
	// Sources list every copy (Source.Copies): a path gained or lost
	// changes them too.
	if found && (!slices.Equal(old.Paths, d.Paths) || old.Title != d.Title || old.Site != d.Site ||
		old.URL != d.URL || old.Published != d.Published || old.ReprintGroup != d.ReprintGroup) {
		if err := t.touchDoc(h); err != nil {
			return err
		}
	}
	return putJSON(t.docs, key, d)
}

// addDoc stores a new document: metadata, body, signature and bands, then
// joins it to the reprint group of the documents it is a reprint of.
func (t *txn) addDoc(h [32]byte, rel string, body []byte, sg signed) (*Document, error) {
	d := &Document{Paths: []string{rel}}
	if err := t.putDoc(h, d); err != nil {
		return nil, err
	}
	if err := t.docs.Put(docTagKey(h, tagBody), body); err != nil {
		return nil, fmt.Errorf("write body %s: %w", d.SHA256, err)
	}
	if !sg.ok {
		return d, nil
	}
	sig := sg.sig
	t.sigChanged = true
	if err := t.docs.Put(docTagKey(h, tagSig), encodeSig(&sig, sg.n)); err != nil {
		return nil, fmt.Errorf("write signature %s: %w", d.SHA256, err)
	}
	if err := t.joinReprints(h, &sig); err != nil {
		return nil, err
	}
	return t.doc(h)
}

// removePath takes rel off the document h; a document left without a path
// goes, with every reading of a fact in it.
func (t *txn) removePath(h [32]byte, rel string, res *IngestResult) error {
	d, err := t.doc(h)
	if err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("file %s points to missing document %x", rel, h)
	}
	d.Paths = slices.DeleteFunc(d.Paths, func(p string) bool { return p == rel })
	if len(d.Paths) > 0 {
		return t.putDoc(h, d)
	}
	if err := t.replaceReadings(h, nil, res, false); err != nil {
		return err
	}
	key := []byte(d.SHA256)
	delete(t.origins.cache, h)
	if err := t.docs.Delete(key); err != nil {
		return fmt.Errorf("delete document %s: %w", key, err)
	}
	if err := t.docs.Delete(docTagKey(h, tagBody)); err != nil {
		return fmt.Errorf("delete body %s: %w", key, err)
	}
	if raw := t.docs.Get(docTagKey(h, tagSig)); raw != nil {
		t.lshIdx.kill(h)
		t.sigChanged = true
		if err := t.docs.Delete(docTagKey(h, tagSig)); err != nil {
			return fmt.Errorf("delete signature %s: %w", key, err)
		}
	}
	if d.ReprintGroup == "" {
		return nil
	}
	if err := t.groups.Delete(groupKey(d.ReprintGroup, h)); err != nil {
		return fmt.Errorf("leave group %s: %w", d.ReprintGroup, err)
	}
	rest, err := t.members(d.ReprintGroup)
	if err != nil {
		return err
	}
	return t.regroup(rest)
}

// groupKey is a group id and a member's raw hash.
func groupKey(group string, h [32]byte) []byte { return append([]byte(group), h[:]...) }

// groupID names a group after its smallest member, so that the name does
// not depend on which copy came first.
func groupID(min [32]byte) string { return "g-" + hex.EncodeToString(min[:6]) }

func (t *txn) members(group string) ([][32]byte, error) {
	var out [][32]byte
	prefix := []byte(group)
	c := t.groups.Cursor()
	for k, _ := c.Seek(prefix); hasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) != len(prefix)+32 {
			return nil, fmt.Errorf("bad group key %x", k)
		}
		out = append(out, [32]byte(k[len(prefix):]))
	}
	return out, nil
}

func (t *txn) sig(h [32]byte) (*signature, error) {
	raw := t.docs.Get(docTagKey(h, tagSig))
	if raw == nil {
		return nil, fmt.Errorf("document %x has no signature", h)
	}
	sig, _, err := decodeSig(raw)
	if err != nil {
		return nil, fmt.Errorf("signature of %x: %w", h, err)
	}
	return sig, nil
}

// joinReprints finds the documents the new document h is a reprint of and
// merges it and their groups into one group. It looks at one document per
// group and band (see lshIndex), and at a group's other members only when
// that one is no reprint; members of a group are rewritten only when the
// group's name changes (a new smallest member, or a merge).
func (t *txn) joinReprints(h [32]byte, sig *signature) error {
	idx := t.lshIdx
	if idx == nil {
		return fmt.Errorf("internal error: no reprint index in this transaction")
	}
	o := idx.newDoc(h, sig)
	joined := map[uint32]bool{}    // roots of the groups h joins
	exhausted := map[uint32]bool{} // roots of groups with no member h is a reprint of
	tested := map[uint32]bool{o: true}
	var roots []uint32
	var err error
	// test compares h with x and reports whether it is a reprint.
	test := func(x uint32) (bool, error) {
		tested[x] = true
		if !idx.mayReprint(o, x) {
			idx.filtered++
			return false, nil
		}
		idx.comparisons++
		osig, err := t.sig(idx.hashes[x])
		if err != nil {
			return false, err
		}
		return reprints(sig, osig), nil
	}
	for b := 0; b < numBands && err == nil; b++ {
		idx.run(bandKey(sig, b), func(x uint32) bool {
			r := idx.root[x]
			if joined[r] || exhausted[r] || tested[x] {
				return true
			}
			var ok bool
			if ok, err = test(x); err != nil {
				return false
			}
			if !ok {
				// Another member of x's group may be the reprint: the run
				// holds one document per group.
				var ms [][32]byte
				if ms, err = t.groupOf(idx.hashes[r]); err != nil {
					return false
				}
				for _, m := range ms {
					mo, found := idx.ordOf[m]
					if !found || tested[mo] {
						continue
					}
					if ok, err = test(mo); err != nil {
						return false
					}
					if ok {
						break
					}
				}
			}
			if ok {
				joined[r] = true
				roots = append(roots, r)
			} else {
				exhausted[r] = true
			}
			return true
		})
	}
	if err != nil {
		return err
	}
	if len(roots) > 0 {
		min := h
		for _, r := range roots {
			if rh := idx.hashes[r]; less(rh, min) {
				min = rh
			}
		}
		group := groupID(min)
		for _, r := range roots {
			rh := idx.hashes[r]
			if rh == min && has(t.groups, groupKey(group, rh)) {
				// The group keeps its name: its members stay as they are.
				// Asked before listing them, which made each page of a
				// scraper's template read every page before it.
				continue
			}
			ms, err := t.groupOf(rh)
			if err != nil {
				return err
			}
			if ms == nil {
				ms = [][32]byte{rh} // a document alone until now
			}
			for _, m := range ms {
				if err := t.assignGroup(m, group, min); err != nil {
					return err
				}
			}
		}
		// h has no reading yet (they are written after it): its joining a
		// group moves no counted origin, so the counts cached in the
		// transaction stay (see txn.indep). A document removed and read
		// again may still have an editor's source, though: then it does.
		moves := idx.moves
		if err := t.assignGroup(h, group, min); err != nil {
			return err
		}
		if prefix := readingsPrefix(h); !hasPrefix(firstKey(t.docs, prefix), prefix) {
			idx.moves = moves
		}
	}
	idx.addBands(o, sig)
	return nil
}

// groupOf returns the members of the group whose smallest member is root,
// nil when root is alone.
func (t *txn) groupOf(root [32]byte) ([][32]byte, error) {
	g := groupID(root)
	if !has(t.groups, groupKey(g, root)) {
		return nil, nil
	}
	return t.members(g)
}

// assignGroup puts document h in group ("" for none), whose smallest
// member is min, rewriting the document only when its group changes.
func (t *txn) assignGroup(h [32]byte, group string, min [32]byte) error {
	if o, ok := t.lshIdx.ordOf[h]; ok {
		t.lshIdx.setRoot(o, t.lshIdx.ordOf[min])
	}
	d, err := t.doc(h)
	if err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("group member %x is missing", h)
	}
	if d.ReprintGroup == group {
		return nil
	}
	if d.ReprintGroup != "" {
		if err := t.groups.Delete(groupKey(d.ReprintGroup, h)); err != nil {
			return fmt.Errorf("leave group %s: %w", d.ReprintGroup, err)
		}
	}
	if group != "" {
		if err := t.groups.Put(groupKey(group, h), nil); err != nil {
			return fmt.Errorf("join group %s: %w", group, err)
		}
	}
	d.ReprintGroup = group
	t.lshIdx.rewrites++
	return t.putDoc(h, d)
}

// regroup splits what is left of a group into the connected components of
// the reprint graph, and files the members in the reprint index again
// (the document that left may have stood for them in a band).
func (t *txn) regroup(docs [][32]byte) error {
	sigs := make([]*signature, len(docs))
	for i, h := range docs {
		s, err := t.sig(h)
		if err != nil {
			return err
		}
		sigs[i] = s
	}
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if find(i) != find(j) && reprints(sigs[i], sigs[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	comps := map[int][]int{}
	for i := range docs {
		comps[find(i)] = append(comps[find(i)], i)
	}
	for _, c := range comps {
		min := docs[c[0]]
		for _, i := range c[1:] {
			if less(docs[i], min) {
				min = docs[i]
			}
		}
		group := ""
		if len(c) > 1 {
			group = groupID(min)
		}
		for _, i := range c {
			if err := t.assignGroup(docs[i], group, min); err != nil {
				return err
			}
		}
	}
	for i, h := range docs {
		if o, ok := t.lshIdx.ordOf[h]; ok {
			t.lshIdx.addBands(o, sigs[i])
		}
	}
	return nil
}

// has reports whether b holds key. Get cannot say for an empty value
// written in the same transaction: it returns nil for it, as for a
// missing key.
func has(b *bolt.Bucket, key []byte) bool {
	k, _ := b.Cursor().Seek(key)
	return bytes.Equal(k, key)
}
