package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"

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
// a reading of a fact at a given place only once.
func sourceKey(id string, doc [32]byte, start, end int) []byte {
	k := make([]byte, 0, idLen+32+8)
	k = append(k, id...)
	k = append(k, doc[:]...)
	k = binary.BigEndian.AppendUint32(k, uint32(start))
	return binary.BigEndian.AppendUint32(k, uint32(end))
}

// byDocKey is sourceKey reordered document first, so that a document's
// readings are one cursor prefix.
func byDocKey(doc [32]byte, id string, start, end int) []byte {
	k := make([]byte, 0, 32+idLen+8)
	k = append(k, doc[:]...)
	k = append(k, id...)
	k = binary.BigEndian.AppendUint32(k, uint32(start))
	return binary.BigEndian.AppendUint32(k, uint32(end))
}

// place is a decoded source or bydoc key.
type place struct {
	id         string
	doc        [32]byte
	start, end int
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
	if len(k) != idLen+32+8 {
		return place{}, fmt.Errorf("bad bydoc key %x", k)
	}
	var p place
	copy(p.doc[:], k[:32])
	p.id = string(k[32 : 32+idLen])
	p.start = int(binary.BigEndian.Uint32(k[32+idLen:]))
	p.end = int(binary.BigEndian.Uint32(k[32+idLen+4:]))
	return p, nil
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
