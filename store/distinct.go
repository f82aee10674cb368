package store

import (
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// ActionNotConflict is the Event.Action an editor records on each fact of
// a conflict group whose values are not rival readings of one figure (a
// breakdown: 200, 300 and 400 dirhams for three school levels).
const ActionNotConflict = "not-conflict"

// ErrNoConflictGroup is NotConflict's error for facts that are no conflict
// group: fewer than two, not sharing programme, metric, as_of and unit, or
// all of one value.
var ErrNoConflictGroup = errors.New("no conflict group")

// NotConflict records that the facts ids, a conflict group, do not
// contradict one another: each fact gets an ActionNotConflict event (its
// status stays as it was) and the group is no longer listed by Conflicts.
// The ruling holds for these facts only: a fact that later joins the group
// with yet another value opens it again. Undo on a fact reverts its
// ruling, which reopens the group. The facts must share programme, metric,
// as_of and unit, as a conflict group does, and hold two values at least.
func (s *Store) NotConflict(ids []string, by, note string) ([]Fact, error) {
	if s.readOnly {
		return nil, fmt.Errorf("not a conflict: %w", errReadOnly)
	}
	if by == "" {
		return nil, errors.New("not a conflict: the decision has no author")
	}
	group := slices.Clone(ids)
	slices.Sort(group)
	group = slices.Compact(group)
	if len(group) < 2 {
		return nil, fmt.Errorf("not a conflict: a conflict needs two facts at least: %w", ErrNoConflictGroup)
	}
	var out []Fact
	err := s.update(func(tx *bolt.Tx) error {
		now := s.now()
		t, err := newTxn(tx, now.UnixNano())
		if err != nil {
			return err
		}
		recs := make([]*factRec, len(group))
		values := map[string]bool{}
		for i, id := range group {
			if recs[i], err = t.fact(id); err != nil {
				return err
			}
			if recs[i] == nil {
				return fmt.Errorf("fact %s: %w", id, ErrNotFound)
			}
			v, first := recs[i].view(id), recs[0].view(group[0])
			if v.Programme != first.Programme || v.Metric != first.Metric || v.AsOf != first.AsOf || v.Unit != first.Unit {
				return fmt.Errorf("facts %s and %s do not share programme, metric, as_of and unit: %w", group[0], id, ErrNoConflictGroup)
			}
			values[valueKey(v)] = true
		}
		if len(values) < 2 {
			return fmt.Errorf("facts %v all hold one value: %w", group, ErrNoConflictGroup)
		}
		for i, id := range group {
			rec := recs[i]
			v := rec.view(id)
			ev := eventRec{Event: Event{At: now.UTC(), By: by, Action: ActionNotConflict, Note: note, Before: v, After: v},
				PrevReview: rec.Review, PrevEdit: rec.Edit, PrevDistinct: rec.Distinct, Ruling: true}
			if ev.Seq, err = t.events.NextSequence(); err != nil {
				return fmt.Errorf("event sequence: %w", err)
			}
			if err := putJSON(t.events, eventKey(id, ev.Seq), ev); err != nil {
				return err
			}
			rec.Distinct = group
			rec.Events++
			// Written as is: the exported fact did not change, so neither
			// does its change time (export --since).
			if err := putJSON(t.facts, []byte(id), rec); err != nil {
				return err
			}
		}
		r := newReader(tx)
		for i, id := range group {
			f, err := r.hydrate(id, recs[i])
			if err != nil {
				return err
			}
			out = append(out, f)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("not a conflict: %w", err)
	}
	return out, nil
}

// ruledDistinct reports whether an editor ruled that the facts ids are no
// conflict: every one of them carries a ruling naming them all.
func ruledDistinct(ids []string, distinct map[string][]string) bool {
	for _, id := range ids {
		d := distinct[id]
		for _, other := range ids {
			if _, found := slices.BinarySearch(d, other); !found {
				return false
			}
		}
	}
	return true
}
