package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// maxProblems bounds Check's report; past it the store is plainly broken.
const maxProblems = 20

// Check verifies the file (bbolt's own page check) and every invariant
// between buckets that doc.go lists. It returns nil for a consistent store
// and otherwise an error joining the first problems found.
func (s *Store) Check() error {
	if err := s.flushPending(); err != nil {
		return err
	}
	var problems []error
	add := func(format string, args ...any) bool {
		problems = append(problems, fmt.Errorf(format, args...))
		return len(problems) < maxProblems
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			if !add("bbolt: %v", err) {
				return nil
			}
		}
		v, _, err := readVersion(tx)
		if err != nil || v != SchemaVersion {
			add("schema version %d, want %d (%v)", v, SchemaVersion, err)
			return nil
		}
		c := checker{tx: tx, add: add, last: &lastBody{}}
		for _, step := range []func() error{c.files, c.docs, c.groups, c.sources, c.facts, c.index, c.rank, c.signatures} {
			if err := step(); err != nil {
				return err
			}
			if len(problems) >= maxProblems {
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("check %s: %w", s.path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("check %s: %w", s.path, errors.Join(problems...))
	}
	return nil
}

type checker struct {
	tx   *bolt.Tx
	add  func(string, ...any) bool
	last *lastBody
}

func (c checker) b(name []byte) *bolt.Bucket { return c.tx.Bucket(name) }

// body is a document's text. Sources come in fact order, so it keeps the
// last one only: checking is for tests and small stores.
func (c checker) body(h [32]byte) (string, error) {
	if c.last.h == h && c.last.body != "" {
		return c.last.body, nil
	}
	body, err := unpackBody(c.b(bDocs).Get(docTagKey(h, tagBody)))
	if err == nil {
		*c.last = lastBody{h, body}
	}
	return body, err
}

type lastBody struct {
	h    [32]byte
	body string
}

func (c checker) files() error {
	return c.b(bFiles).ForEach(func(k, v []byte) error {
		var f fileRec
		if err := json.Unmarshal(v, &f); err != nil {
			c.add("file %s: %v", k, err)
			return nil
		}
		var d Document
		found, err := getJSON(c.b(bDocs), []byte(f.Doc), &d)
		switch {
		case err != nil:
			c.add("file %s: %v", k, err)
		case !found:
			c.add("file %s: document %s missing", k, f.Doc)
		case !slices.Contains(d.Paths, string(k)):
			c.add("file %s: document %s does not list it", k, f.Doc)
		}
		return nil
	})
}

func (c checker) docs() error {
	err := c.b(bDocs).ForEach(func(k, _ []byte) error {
		if isDocKey(k) {
			return nil
		}
		if len(k) < docKeyLen+1 || c.b(bDocs).Get(k[:docKeyLen]) == nil {
			c.add("docs key %q: no such document", k)
		}
		switch tag := k[min(docKeyLen, len(k)-1)]; {
		case len(k) == docKeyLen+1 && (tag == tagBody || tag == tagSig):
		case tag == tagReading:
			if _, err := parseByDocKey(k); err != nil {
				c.add("%v", err)
			}
		default:
			c.add("docs key %q: unknown", k)
		}
		return nil
	})
	if err != nil {
		return err
	}
	c2 := docRecordCursor{c.b(bDocs).Cursor()}
	for k, v := c2.First(); k != nil; k, v = c2.Next() {
		if err := c.doc(k, v); err != nil {
			return err
		}
	}
	return nil
}

// doc checks one document record (k its key, v its value).
func (c checker) doc(k, v []byte) error {
	var d Document
	if err := json.Unmarshal(v, &d); err != nil {
		c.add("document %s: %v", k, err)
		return nil
	}
	body, err := unpackBody(c.b(bDocs).Get(append(bytes.Clone(k), tagBody)))
	if sum := sha256.Sum256([]byte(body)); err != nil || hex.EncodeToString(sum[:]) != string(k) {
		c.add("document %s: body missing or hash mismatch", k)
	}
	if len(d.Paths) == 0 || !slices.IsSorted(d.Paths) {
		c.add("document %s: paths %q empty or unsorted", k, d.Paths)
		return nil
	}
	for _, p := range d.Paths {
		var f fileRec
		found, err := getJSON(c.b(bFiles), []byte(p), &f)
		if err != nil || !found || f.Doc != string(k) {
			c.add("document %s: path %s does not point back (%v)", k, p, err)
		} else if p == d.Paths[0] && (f.Title != d.Title || f.Site != d.Site || f.Published != d.Published || f.URL != d.URL) {
			c.add("document %s: metadata differs from its first path's", k)
		}
	}
	h, err := docHash(string(k))
	if err != nil {
		c.add("document key %s: %v", k, err)
		return nil
	}
	if d.ReprintGroup != "" && c.b(bGroups).Get(groupKey(d.ReprintGroup, h)) == nil {
		c.add("document %s: group %s does not list it", k, d.ReprintGroup)
	}
	return nil
}

func (c checker) groups() error {
	members := map[string][][32]byte{}
	err := c.b(bGroups).ForEach(func(k, _ []byte) error {
		if len(k) != idLen+32 {
			c.add("bad group key %x", k)
			return nil
		}
		g := string(k[:idLen])
		h := [32]byte(k[idLen:])
		members[g] = append(members[g], h)
		var d Document
		found, err := getJSON(c.b(bDocs), docKey(h), &d)
		if err != nil || !found || d.ReprintGroup != g {
			c.add("group %s lists %x, whose document disagrees (%v)", g, h, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for g, ms := range members {
		if len(ms) < 2 {
			c.add("group %s has %d member", g, len(ms))
			continue
		}
		min := ms[0] // the cursor returns members sorted
		if groupID(min) != g {
			c.add("group %s is not named after its smallest member %x", g, min)
		}
	}
	return nil
}

func (c checker) sources() error {
	err := c.b(bFacts).ForEach(func(k, v []byte) error {
		if isRecordKey(k) {
			return nil // facts checks the records
		}
		p, err := parseSourceKey(k)
		if err != nil {
			c.add("%v", err)
			return nil
		}
		if c.b(bFacts).Get([]byte(p.id)) == nil {
			c.add("source %x: fact %s missing", k, p.id)
		}
		if c.b(bDocs).Get(byDocKey(p.doc, p.id, p.start, p.end)) == nil {
			c.add("source %x: no reading key in its document", k)
		}
		var s storedSource
		if err := json.Unmarshal(v, &s); err != nil {
			c.add("source %x: %v", k, err)
			return nil
		}
		body, err := c.body(p.doc)
		if err != nil || p.end > len(body) || p.start > p.end || body[p.start:p.end] != s.Span {
			c.add("source %x: span %q is not in its document", k, s.Span)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.b(bDocs).ForEach(func(k, _ []byte) error {
		if len(k) <= docKeyLen || k[docKeyLen] != tagReading {
			return nil
		}
		p, err := parseByDocKey(k)
		if err != nil {
			c.add("%v", err)
			return nil
		}
		if c.b(bFacts).Get(sourceKey(p.id, p.doc, p.start, p.end)) == nil {
			c.add("reading %q: no source", k)
		}
		return nil
	})
}

func (c checker) facts() error {
	return eachRecord(c.b(bFacts), func(k, v []byte) error {
		id := string(k)
		var r factRec
		if err := json.Unmarshal(v, &r); err != nil {
			c.add("fact %s: %v", id, err)
			return nil
		}
		if r.key().ID() != id {
			c.add("fact %s: key %q hashes to %s", id, r.key().Canonical(), r.key().ID())
		}
		n, quals := 0, map[string]int{}
		cur := c.b(bFacts).Cursor()
		for sk, sv := firstSource(cur, k); hasPrefix(sk, k); sk, sv = cur.Next() {
			var s storedSource
			if err := json.Unmarshal(sv, &s); err == nil {
				quals[s.Qualifier]++
			}
			n++
		}
		if n != r.Sources {
			c.add("fact %s: counts %d sources, has %d", id, r.Sources, n)
		}
		if !maps.Equal(quals, r.Qualifiers) && (len(quals) > 0 || len(r.Qualifiers) > 0) {
			c.add("fact %s: qualifier counts %v, sources say %v", id, r.Qualifiers, quals)
		}
		if n == 0 && r.Events == 0 {
			c.add("fact %s: no source and no decision, should have been dropped", id)
		}
		events := 0
		ec := c.b(bEvents).Cursor()
		for ek, _ := ec.Seek(k); hasPrefix(ek, k); ek, _ = ec.Next() {
			events++
		}
		if events != r.Events {
			c.add("fact %s: counts %d events, has %d", id, r.Events, events)
		}
		if derivedFresh(c.tx) && c.b(bIndex).Get(indexKey(r.view(id))) == nil {
			c.add("fact %s: not indexed", id)
		}
		if indep, err := independent(c.b(bFacts), &origins{docs: c.b(bDocs)}, id); err != nil || indep != r.Indep {
			c.add("fact %s: counts %d independent sources, has %d (%v)", id, r.Indep, indep, err)
		}
		if derivedFresh(c.tx) && !has(c.b(bRank), rankKey(id, &r)) {
			c.add("fact %s: not ranked", id)
		}
		return nil
	})
}

// rank checks that every rank key is its fact's (facts checks the other
// way).
func (c checker) rank() error {
	if !derivedFresh(c.tx) {
		return nil // the next writer rebuilds it
	}
	return c.b(bRank).ForEach(func(k, _ []byte) error {
		id, err := rankID(k)
		if err != nil {
			c.add("%v", err)
			return nil
		}
		var r factRec
		found, err := getJSON(c.b(bFacts), []byte(id), &r)
		if err != nil || !found || !bytes.Equal(rankKey(id, &r), k) {
			c.add("rank %x: fact %s missing or ranked elsewhere (%v)", k, id, err)
		}
		return nil
	})
}

func (c checker) index() error {
	if !derivedFresh(c.tx) {
		return nil // the next writer rebuilds it
	}
	return c.b(bIndex).ForEach(func(k, _ []byte) error {
		if len(k) < idLen+3 {
			c.add("bad index key %q", k)
			return nil
		}
		id := k[len(k)-idLen:]
		var r factRec
		found, err := getJSON(c.b(bFacts), id, &r)
		if err != nil || !found || !bytes.Equal(indexKey(r.view(string(id))), k) {
			c.add("index %q: fact missing or indexed elsewhere (%v)", k, err)
		}
		return nil
	})
}

func (c checker) signatures() error {
	return c.b(bDocs).ForEach(func(k, v []byte) error {
		if len(k) != docKeyLen+1 || k[docKeyLen] != tagSig {
			return nil
		}
		if _, _, err := decodeSig(v); err != nil {
			c.add("signature %s: %v", k, err)
		}
		return nil
	})
}
