package store

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
)

// doc loads a document's metadata (its Body stays in the bodies bucket).
func (t *txn) doc(h [32]byte) (*Document, error) {
	var d Document
	found, err := getJSON(t.docs, []byte(hex.EncodeToString(h[:])), &d)
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
	d.Body = ""
	var old Document
	found, err = getJSON(t.docs, key, &old)
	if err != nil {
		return err
	}
	if found && (len(old.Paths) == 0 || old.Paths[0] != d.Paths[0] || old.Title != d.Title || old.Site != d.Site ||
		old.URL != d.URL || old.Published != d.Published || old.ReprintGroup != d.ReprintGroup) {
		if err := t.touchDoc(h); err != nil {
			return err
		}
	}
	return putJSON(t.docs, key, d)
}

// addDoc stores a new document: metadata, body, signature and bands, then
// joins it to the reprint group of the documents it is a reprint of.
func (t *txn) addDoc(h [32]byte, rel, body string, sg signed) (*Document, error) {
	d := &Document{Paths: []string{rel}}
	if err := t.putDoc(h, d); err != nil {
		return nil, err
	}
	if err := t.bodies.Put([]byte(d.SHA256), []byte(body)); err != nil {
		return nil, fmt.Errorf("write body %s: %w", d.SHA256, err)
	}
	if !sg.ok {
		return d, nil
	}
	sig := sg.sig
	if err := t.minhash.Put(h[:], encodeSig(&sig, sg.n)); err != nil {
		return nil, fmt.Errorf("write signature %s: %w", d.SHA256, err)
	}
	t.lshChanges = append(t.lshChanges, lshChange{h: h, sig: &sig})
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
	if err := t.replaceReadings(h, nil, res); err != nil {
		return err
	}
	key := []byte(d.SHA256)
	if err := t.docs.Delete(key); err != nil {
		return fmt.Errorf("delete document %s: %w", key, err)
	}
	if err := t.bodies.Delete(key); err != nil {
		return fmt.Errorf("delete body %s: %w", key, err)
	}
	if raw := t.minhash.Get(h[:]); raw != nil {
		sig, _, err := decodeSig(raw)
		if err != nil {
			return fmt.Errorf("signature of %s: %w", key, err)
		}
		t.lshChanges = append(t.lshChanges, lshChange{h: h, sig: sig, remove: true})
		if err := t.minhash.Delete(h[:]); err != nil {
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
	raw := t.minhash.Get(h[:])
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
// merges it and their groups into one group.
func (t *txn) joinReprints(h [32]byte, sig *signature) error {
	if t.lshIdx == nil {
		return fmt.Errorf("internal error: no reprint index in this transaction")
	}
	component := map[[32]byte]bool{h: true}
	for _, other := range t.lshIdx.candidates(sig) {
		if component[other] || t.minhash.Get(other[:]) == nil {
			continue // already in, or removed earlier in this transaction
		}
		osig, err := t.sig(other)
		if err != nil {
			return err
		}
		if !reprints(sig, osig) {
			continue
		}
		od, err := t.doc(other)
		if err != nil {
			return err
		}
		if od == nil {
			return fmt.Errorf("signature of missing document %x", other)
		}
		if od.ReprintGroup == "" {
			component[other] = true
			continue
		}
		ms, err := t.members(od.ReprintGroup)
		if err != nil {
			return err
		}
		for _, m := range ms {
			component[m] = true
		}
	}
	if len(component) == 1 {
		return nil
	}
	all := make([][32]byte, 0, len(component))
	for m := range component {
		all = append(all, m)
	}
	return t.setGroup(all)
}

// regroup splits what is left of a group into the connected components of
// the reprint graph.
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
			if reprints(sigs[i], sigs[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	comps := map[int][][32]byte{}
	for i, h := range docs {
		comps[find(i)] = append(comps[find(i)], h)
	}
	for _, c := range comps {
		if err := t.setGroup(c); err != nil {
			return err
		}
	}
	return nil
}

// setGroup makes docs one group ("" for a lone document).
func (t *txn) setGroup(docs [][32]byte) error {
	group := ""
	if len(docs) > 1 {
		min := docs[0]
		for _, h := range docs[1:] {
			if bytes.Compare(h[:], min[:]) < 0 {
				min = h
			}
		}
		group = groupID(min)
	}
	for _, h := range docs {
		d, err := t.doc(h)
		if err != nil {
			return err
		}
		if d == nil {
			return fmt.Errorf("group member %x is missing", h)
		}
		if d.ReprintGroup == group {
			continue
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
		if err := t.putDoc(h, d); err != nil {
			return err
		}
	}
	return nil
}
