package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/faits/faits/extract"
)

// idLen is the length of a fact id: "f-" and 12 hex digits.
const idLen = 14

// Key is a fact's deduplication key (spec/facts.md): two readings with the
// same key are one fact.
type Key struct {
	Programme, Metric, Unit string
	Value                   float64
	ValueMax                *float64
	AsOf                    string
}

// KeyOf returns the deduplication key of an extracted fact.
func KeyOf(f extract.Fact) Key {
	return Key{Programme: f.Programme, Metric: f.Metric, Unit: f.Unit, Value: f.Value, ValueMax: f.ValueMax, AsOf: f.AsOf}
}

// Canonical is the key's byte encoding hashed into the id: the six fields
// in key order, separated by U+001F, numbers in shortest fixed-point form
// (strconv 'f', -1: 22500000, 0.5), value_max "" when absent. It is
// spelled out so that another program can recompute an id.
func (k Key) Canonical() string {
	vmax := ""
	if k.ValueMax != nil {
		vmax = formatNumber(*k.ValueMax)
	}
	return strings.Join([]string{k.Programme, k.Metric, k.Unit, formatNumber(k.Value), vmax, k.AsOf}, "\x1f")
}

// ID is the fact id of the key: "f-" and the first 12 hex digits of the
// SHA-256 of Canonical.
func (k Key) ID() string {
	sum := sha256.Sum256([]byte(k.Canonical()))
	return "f-" + hex.EncodeToString(sum[:6])
}

func (k Key) equal(o Key) bool { return k.Canonical() == o.Canonical() }

func formatNumber(v float64) string {
	if v == 0 {
		v = 0 // -0 and 0 are one number
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// validKey rejects what would break the encodings: NaN and infinities
// (not JSON numbers), and NUL bytes (the index key separator).
func validKey(k Key) error {
	if math.IsNaN(k.Value) || math.IsInf(k.Value, 0) {
		return fmt.Errorf("value %v is not a finite number", k.Value)
	}
	if k.ValueMax != nil && (math.IsNaN(*k.ValueMax) || math.IsInf(*k.ValueMax, 0)) {
		return fmt.Errorf("value_max %v is not a finite number", *k.ValueMax)
	}
	for _, s := range []string{k.Programme, k.Metric, k.Unit, k.AsOf} {
		if strings.ContainsAny(s, "\x00\x1f") {
			return fmt.Errorf("key field %q holds a control character", s)
		}
	}
	return nil
}

// sourceKey is fact id, raw document SHA-256, start and end (uint32 big
// endian): a fact's sources are one cursor prefix, and a document may hold
// a reading of a fact at a given place only once. Sources live in the facts
// bucket, right after their fact's record (whose key is the id alone), so
// that a reading's record and source are written to one leaf.
func sourceKey(id string, doc [32]byte, start, end int) []byte {
	k := make([]byte, 0, idLen+32+8)
	k = append(k, id...)
	k = append(k, doc[:]...)
	k = binary.BigEndian.AppendUint32(k, uint32(start))
	return binary.BigEndian.AppendUint32(k, uint32(end))
}

// A document's keys in the docs bucket: its record under its hex hash
// (docKeyLen bytes), then, under the hex hash and a tag, its body, its
// readings (one key each) and its signature, so that a new document's
// writes fill one leaf rather than one in each of four buckets.
const (
	docKeyLen  = 64
	tagBody    = 'b'
	tagReading = 'r'
	tagSig     = 's'
)

// docKey is the key of a document's record: its hash in hex.
func docKey(h [32]byte) []byte { return hex.AppendEncode(make([]byte, 0, docKeyLen+1+idLen+8), h[:]) }

// docTagKey is a document's hex hash and one tag.
func docTagKey(h [32]byte, tag byte) []byte { return append(docKey(h), tag) }

// isDocKey tells a document record's key from its body's, readings' and
// signature's in the docs bucket.
func isDocKey(k []byte) bool { return len(k) == docKeyLen }

// readingsPrefix is the prefix of a document's reading keys.
func readingsPrefix(h [32]byte) []byte { return docTagKey(h, tagReading) }

// byDocKey is a reading of fact id at start-end in document doc, kept with
// the document (docs bucket), so that re-reading a document finds what it
// gave before with one cursor prefix.
func byDocKey(doc [32]byte, id string, start, end int) []byte {
	k := append(docTagKey(doc, tagReading), id...)
	k = binary.BigEndian.AppendUint32(k, uint32(start))
	return binary.BigEndian.AppendUint32(k, uint32(end))
}

// place is a decoded source or reading key.
type place struct {
	id         string
	doc        [32]byte
	start, end int
}

// isRecordKey tells a fact record's key (the id) from a source's in the
// facts bucket.
func isRecordKey(k []byte) bool { return len(k) == idLen }

// firstSource positions c on fact id's first source: past its record.
// The caller loops while hasPrefix(k, id).
func firstSource(c *bolt.Cursor, id []byte) (k, v []byte) {
	k, v = c.Seek(id)
	if k != nil && isRecordKey(k) && bytes.Equal(k, id) {
		k, v = c.Next()
	}
	return k, v
}

// afterFact is the smallest key past every key of fact id (record and
// sources): ids have a fixed length, so the id with its last byte bumped.
func afterFact(id []byte) []byte {
	k := bytes.Clone(id[:idLen])
	k[idLen-1]++
	return k
}

// recordCursor walks the fact records of the facts bucket in id order,
// stepping over their sources: a few by Next, a fact's many (a
// template's thousands of pages) by one Seek past them.
type recordCursor struct{ c *bolt.Cursor }

func newRecordCursor(b *bolt.Bucket) recordCursor { return recordCursor{b.Cursor()} }

func (rc recordCursor) First() (k, v []byte) { return rc.skip(rc.c.First()) }

func (rc recordCursor) Next() (k, v []byte) { return rc.skip(rc.c.Next()) }

func (rc recordCursor) skip(k, v []byte) ([]byte, []byte) {
	for n := 0; k != nil && !isRecordKey(k); n++ {
		if n < 8 || len(k) < idLen {
			k, v = rc.c.Next()
			continue
		}
		k, v = rc.c.Seek(afterFact(k))
		n = 0
	}
	return k, v
}

// eachRecord calls fn with every fact record, in id order.
func eachRecord(b *bolt.Bucket, fn func(id, v []byte) error) error {
	c := newRecordCursor(b)
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

func parseSourceKey(k []byte) (place, error) {
	if len(k) != idLen+32+8 {
		return place{}, fmt.Errorf("bad source key %x", k)
	}
	var p place
	p.id = string(k[:idLen])
	copy(p.doc[:], k[idLen:idLen+32])
	p.start = int(binary.BigEndian.Uint32(k[idLen+32:]))
	p.end = int(binary.BigEndian.Uint32(k[idLen+36:]))
	return p, nil
}

func parseByDocKey(k []byte) (place, error) {
	const n = docKeyLen + 1
	if len(k) != n+idLen+8 || k[docKeyLen] != tagReading {
		return place{}, fmt.Errorf("bad reading key %q", k)
	}
	var p place
	if _, err := hex.Decode(p.doc[:], k[:docKeyLen]); err != nil {
		return place{}, fmt.Errorf("bad reading key %q: %w", k, err)
	}
	p.id = string(k[n : n+idLen])
	p.start = int(binary.BigEndian.Uint32(k[n+idLen:]))
	p.end = int(binary.BigEndian.Uint32(k[n+idLen+4:]))
	return p, nil
}

// docRecordCursor walks the document records of the docs bucket in hash
// order, stepping over each document's other keys.
type docRecordCursor struct{ c *bolt.Cursor }

func (dc docRecordCursor) First() (k, v []byte) { return dc.skip(dc.c.First()) }

func (dc docRecordCursor) Next() (k, v []byte) { return dc.skip(dc.c.Next()) }

func (dc docRecordCursor) skip(k, v []byte) ([]byte, []byte) {
	for n := 0; k != nil && !isDocKey(k); n++ {
		if n < 8 || len(k) < docKeyLen {
			k, v = dc.c.Next()
			continue
		}
		// A document of many readings: past its keys at once (its hex
		// hash followed by a byte above every tag).
		k, v = dc.c.Seek(append(bytes.Clone(k[:docKeyLen]), 0xFF))
		n = 0
	}
	return k, v
}

// indexKey is programme, metric, as_of and id separated by NUL: a prefix
// of it selects a programme, a programme and metric, or a conflict group.
func indexKey(f Fact) []byte {
	return []byte(f.Programme + "\x00" + f.Metric + "\x00" + f.AsOf + "\x00" + f.ID)
}

// eventKey is the fact id and the store-wide event sequence number.
func eventKey(id string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte(id), seq)
}

// docHash decodes a hex SHA-256.
func docHash(hexSHA string) ([32]byte, error) {
	var h [32]byte
	b, err := hex.DecodeString(hexSHA)
	if err != nil || len(b) != 32 {
		return h, fmt.Errorf("bad document hash %q", hexSHA)
	}
	copy(h[:], b)
	return h, nil
}

// bodyHash is the document identity: the SHA-256 of the clean text.
func bodyHash(body string) [32]byte { return sha256.Sum256([]byte(body)) }

// firstKey is the first key of b at or after prefix.
func firstKey(b *bolt.Bucket, prefix []byte) []byte {
	k, _ := b.Cursor().Seek(prefix)
	return k
}
