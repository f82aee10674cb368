package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Review actions.
const (
	ActionAccept = "accept"
	ActionReject = "reject"
	ActionEdit   = "edit"
	ActionUndo   = "undo"
)

// ErrNothingToUndo is returned by an undo on a fact with no decision left
// to revert.
var ErrNothingToUndo = errors.New("no decision to undo")

var asOfRE = regexp.MustCompile(`^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$`)

// ValidAsOf reports whether s is an as_of value: YYYY, YYYY-MM,
// YYYY-MM-DD or "".
func ValidAsOf(s string) bool { return asOfRE.MatchString(s) }

// Review applies d to the fact id and returns the fact's new state.
//
// An edit lays the editor's values over the key the rules read; the fact
// keeps its id (the hash of that key) so that the next ingest finds it
// again. Several edits accumulate; undo reverts the last decision not yet
// undone, including an edit's values.
func (s *Store) Review(id string, d Decision) (Fact, error) {
	if s.readOnly {
		return Fact{}, fmt.Errorf("review %s: %w", id, errReadOnly)
	}
	if d.By == "" {
		return Fact{}, fmt.Errorf("review %s: the decision has no author", id)
	}
	if err := checkDecision(d); err != nil {
		return Fact{}, fmt.Errorf("review %s: %w", id, err)
	}
	var out Fact
	err := s.update(func(tx *bolt.Tx) error {
		now := s.now()
		t, err := newTxn(tx, now.UnixNano())
		if err != nil {
			return err
		}
		rec, err := t.fact(id)
		if err != nil {
			return err
		}
		if rec == nil {
			return ErrNotFound
		}
		if err := t.decide(id, rec, d, now); err != nil {
			return err
		}
		if err := t.flush(nil); err != nil {
			return err
		}
		out, err = newReader(tx).hydrate(id, rec)
		return err
	})
	if err != nil {
		return Fact{}, fmt.Errorf("review %s: %w", id, err)
	}
	return out, nil
}

func checkDecision(d Decision) error {
	switch d.Action {
	case ActionAccept, ActionReject, ActionUndo:
		if d.Edit != nil {
			return fmt.Errorf("%s takes no edited values", d.Action)
		}
		return nil
	case ActionEdit:
	default:
		return fmt.Errorf("unknown action %q (want accept, reject, edit or undo)", d.Action)
	}
	e := d.Edit
	if e == nil || (e.Value == nil && e.ValueMax == nil && e.Programme == "" && e.Metric == "" &&
		e.Unit == "" && e.Qualifier == "" && e.AsOf == nil) {
		return errors.New("edit changes nothing")
	}
	if e.AsOf != nil && !ValidAsOf(*e.AsOf) {
		return fmt.Errorf("as_of %q is not YYYY, YYYY-MM or YYYY-MM-DD", *e.AsOf)
	}
	k := Key{Programme: e.Programme, Metric: e.Metric, Unit: e.Unit}
	if e.Value != nil {
		k.Value = *e.Value
	}
	k.ValueMax = e.ValueMax
	return validKey(k)
}

// mergeEdit lays b over a without touching either (a is kept by events).
func mergeEdit(a, b *Edit) *Edit {
	var m Edit
	if a != nil {
		m = *a
	}
	if b.Value != nil {
		m.Value = b.Value
	}
	if b.ValueMax != nil {
		m.ValueMax = b.ValueMax
	}
	if b.Programme != "" {
		m.Programme = b.Programme
	}
	if b.Metric != "" {
		m.Metric = b.Metric
	}
	if b.Unit != "" {
		m.Unit = b.Unit
	}
	if b.Qualifier != "" {
		m.Qualifier = b.Qualifier
	}
	if b.AsOf != nil {
		m.AsOf = b.AsOf
	}
	return &m
}

// lastUndoable finds the newest decision on id that no undo has reverted.
func lastUndoable(events *bolt.Bucket, id string) (*eventRec, error) {
	undone := map[uint64]bool{}
	prefix := []byte(id)
	c := events.Cursor()
	// Seek past the fact's last event, then walk back.
	k, _ := c.Seek(append([]byte(id), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; hasPrefix(k, prefix) && len(k) == idLen+8; k, _ = c.Prev() {
		var ev eventRec
		if err := json.Unmarshal(events.Get(k), &ev); err != nil {
			return nil, fmt.Errorf("decode event %x: %w", k, err)
		}
		if ev.Action == ActionUndo {
			undone[ev.Undoes] = true
			continue
		}
		if !undone[ev.Seq] {
			return &ev, nil
		}
	}
	return nil, ErrNothingToUndo
}

// History returns the fact's events, oldest first.
func (s *Store) History(id string) ([]Event, error) {
	out := []Event{}
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := []byte(id)
		c := tx.Bucket(bEvents).Cursor()
		for k, v := c.Seek(prefix); hasPrefix(k, prefix); k, v = c.Next() {
			if len(k) != idLen+8 {
				continue
			}
			var ev eventRec
			if err := json.Unmarshal(v, &ev); err != nil {
				return fmt.Errorf("decode event %x: %w", k, err)
			}
			out = append(out, ev.Event)
		}
		if len(out) == 0 && tx.Bucket(bFacts).Get(prefix) == nil {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("history %s: %w", id, err)
	}
	return out, nil
}

// ParseSince is a helper for callers that take --since DATE: the start of the
// day (or month, or year) the as_of-style date names, in UTC.
func ParseSince(date string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, date); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, date); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339", date)
}

// decide records d on the fact id (its record rec) inside the transaction:
// the new state and its event. The caller flushes.
func (t *txn) decide(id string, rec *factRec, d Decision, now time.Time) error {
	var err error
	before := rec.view(id)
	ev := eventRec{Event: Event{At: now.UTC(), By: d.By, Action: d.Action, Note: d.Note}, Edit: d.Edit,
		PrevReview: rec.Review, PrevEdit: rec.Edit}
	switch d.Action {
	case ActionAccept:
		rec.Review = StatusAccepted
	case ActionReject:
		rec.Review = StatusRejected
	case ActionEdit:
		rec.Edit = mergeEdit(rec.Edit, d.Edit)
		rec.Review = StatusEdited
	case ActionUndo:
		target, err := lastUndoable(t.events, id)
		if err != nil {
			return err
		}
		switch {
		case target.Ruling:
			rec.Distinct = target.PrevDistinct
		case target.Action == ActionFlag || target.Action == ActionUnflag:
			rec.Flagged = target.Before.Flagged
		default:
			rec.Review, rec.Edit = target.PrevReview, target.PrevEdit
		}
		ev.Undoes = target.Seq
	}
	after := rec.view(id)
	if oldK, newK := indexKey(before), indexKey(after); !bytes.Equal(oldK, newK) {
		if err := t.index.Delete(oldK); err != nil {
			return fmt.Errorf("unindex: %w", err)
		}
		if err := t.index.Put(newK, nil); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	ev.Before, ev.After = before, after
	if ev.Seq, err = t.events.NextSequence(); err != nil {
		return fmt.Errorf("event sequence: %w", err)
	}
	if err := putJSON(t.events, eventKey(id, ev.Seq), ev); err != nil {
		return err
	}
	rec.Events++
	t.dirty[id] = true
	return nil
}
