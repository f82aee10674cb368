package store

import (
	"bytes"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Conflicts lists every conflict group, sorted by programme, metric, as_of
// and unit; a group's facts are sorted by value, then id.
//
// A group an editor ruled no conflict (NotConflict) is not listed while
// it holds the facts of that ruling and no other.
//
// Rejected and orphaned facts take no part (the editor has already ruled
// them out, or nothing reads them any more), nor do facts with an unknown
// as_of, which say nothing about when their figure held.
func (s *Store) Conflicts() ([]Conflict, error) {
	out := []Conflict{}
	if err := s.flushPending(); err != nil {
		return nil, fmt.Errorf("conflicts: %w", err)
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		r := newReader(tx)
		c, err := indexCursor(tx)
		if err != nil {
			return err
		}
		var group []byte
		var ids []string
		flush := func() error {
			cs, err := r.conflicts(ids)
			out = append(out, cs...)
			return err
		}
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) < idLen+3 {
				return fmt.Errorf("bad index key %q", k)
			}
			g := k[:len(k)-idLen]
			if !bytes.Equal(g, group) {
				if err := flush(); err != nil {
					return err
				}
				group, ids = append(group[:0], g...), ids[:0]
			}
			if bytes.HasSuffix(g, []byte("\x00\x00")) {
				continue // unknown as_of
			}
			ids = append(ids, string(k[len(k)-idLen:]))
		}
		return flush()
	})
	if err != nil {
		return nil, fmt.Errorf("conflicts: %w", err)
	}
	return out, nil
}

// conflicts splits one programme/metric/as_of group by unit and keeps the
// units read with more than one value.
func (r *reader) conflicts(ids []string) ([]Conflict, error) {
	byUnit := map[string][]Fact{}
	distinct := map[string][]string{}
	for _, id := range ids {
		var rec factRec
		found, err := getJSON(r.tx.Bucket(bFacts), []byte(id), &rec)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("index names missing fact %s", id)
		}
		if st := rec.status(); st == StatusRejected || st == StatusOrphaned {
			continue
		}
		f, err := r.hydrate(id, &rec)
		if err != nil {
			return nil, err
		}
		byUnit[f.Unit] = append(byUnit[f.Unit], f)
		distinct[id] = rec.Distinct
	}
	var out []Conflict
	for unit, fs := range byUnit {
		values := map[string]bool{}
		for _, f := range fs {
			values[valueKey(f)] = true
		}
		if len(values) < 2 {
			continue
		}
		group := make([]string, len(fs))
		for i, f := range fs {
			group[i] = f.ID
		}
		if ruledDistinct(group, distinct) {
			continue // an editor ruled these values no conflict
		}
		sort.Slice(fs, func(i, j int) bool {
			if fs[i].Value != fs[j].Value {
				return fs[i].Value < fs[j].Value
			}
			return fs[i].ID < fs[j].ID
		})
		out = append(out, Conflict{Programme: fs[0].Programme, Metric: fs[0].Metric, AsOf: fs[0].AsOf, Unit: unit, Facts: fs})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Unit < out[j].Unit })
	return out, nil
}

func valueKey(f Fact) string {
	if f.ValueMax == nil {
		return formatNumber(f.Value)
	}
	return formatNumber(f.Value) + "-" + formatNumber(*f.ValueMax)
}
