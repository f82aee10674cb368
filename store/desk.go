package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Flag actions: an editor marks a fact for a second look (a colleague, a
// source to check) without deciding on it.
const (
	ActionFlag   = "flag"
	ActionUnflag = "unflag"
)

// Flag sets or clears a fact's flag, an event of its own (ActionFlag or
// ActionUnflag) that leaves its status alone; undo reverts it.
func (s *Store) Flag(id string, on bool, by, note string) (Fact, error) {
	if s.readOnly {
		return Fact{}, fmt.Errorf("flag %s: %w", id, errReadOnly)
	}
	if by == "" {
		return Fact{}, fmt.Errorf("flag %s: the decision has no author", id)
	}
	action := ActionFlag
	if !on {
		action = ActionUnflag
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
		ev := eventRec{Event: Event{At: now.UTC(), By: by, Action: action, Note: note, Before: rec.view(id)},
			PrevReview: rec.Review, PrevEdit: rec.Edit}
		rec.Flagged = on
		ev.After = rec.view(id)
		if ev.Seq, err = t.events.NextSequence(); err != nil {
			return fmt.Errorf("event sequence: %w", err)
		}
		if err := putJSON(t.events, eventKey(id, ev.Seq), ev); err != nil {
			return err
		}
		rec.Events++
		t.dirty[id] = true
		if err := t.flush(nil); err != nil {
			return err
		}
		out, err = newReader(tx).hydrate(id, rec)
		return err
	})
	if err != nil {
		return Fact{}, fmt.Errorf("%s %s: %w", action, id, err)
	}
	return out, nil
}

// ReviewAll applies one decision (accept or reject) to each fact of ids in
// one transaction: all are decided, an event each, or none. Facts already
// in the decision's status are left alone. It returns how many changed.
func (s *Store) ReviewAll(ids []string, d Decision) (int, error) {
	if s.readOnly {
		return 0, fmt.Errorf("review: %w", errReadOnly)
	}
	if d.Action != ActionAccept && d.Action != ActionReject {
		return 0, fmt.Errorf("review: %q for many facts at once: want accept or reject", d.Action)
	}
	if d.By == "" {
		return 0, errors.New("review: the decision has no author")
	}
	want := StatusAccepted
	if d.Action == ActionReject {
		want = StatusRejected
	}
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		now := s.now()
		t, err := newTxn(tx, now.UnixNano())
		if err != nil {
			return err
		}
		for _, id := range ids {
			rec, err := t.fact(id)
			if err != nil {
				return err
			}
			if rec == nil {
				return fmt.Errorf("fact %s: %w", id, ErrNotFound)
			}
			if rec.status() == want {
				continue
			}
			if err := t.decide(id, rec, d, now); err != nil {
				return fmt.Errorf("fact %s: %w", id, err)
			}
			n++
		}
		return t.flush(nil)
	})
	if err != nil {
		return 0, fmt.Errorf("review: %w", err)
	}
	return n, nil
}

// Tally counts the decisions taken at or after since: by anyone, and by
// one editor. An undo takes its decision off the count (and is none).
type Tally struct {
	Done, ByMe int
}

// Tally counts the decisions (accept, reject, edit, add, not-conflict,
// flag…) taken at or after since, not undone, in all and by the editor by.
func (s *Store) Tally(since time.Time, by string) (Tally, error) {
	var out Tally
	err := s.db.View(func(tx *bolt.Tx) error {
		type ev struct {
			by   string
			seq  uint64
			undo uint64
		}
		var evs []ev
		undone := map[uint64]bool{}
		err := tx.Bucket(bEvents).ForEach(func(k, v []byte) error {
			if len(k) != idLen+8 {
				return nil
			}
			var e struct {
				Seq    uint64    `json:"seq"`
				At     time.Time `json:"at"`
				By     string    `json:"by"`
				Action string    `json:"action"`
				Undoes uint64    `json:"undoes"`
			}
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode event %x: %w", k, err)
			}
			if e.Action == ActionUndo {
				undone[e.Undoes] = true
				return nil
			}
			if !e.At.Before(since) {
				evs = append(evs, ev{by: e.By, seq: e.Seq})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, e := range evs {
			if undone[e.seq] {
				continue
			}
			out.Done++
			if e.by == by {
				out.ByMe++
			}
		}
		return nil
	})
	if err != nil {
		return Tally{}, fmt.Errorf("tally: %w", err)
	}
	return out, nil
}

// foldText lowers s and takes its accents off, so that a search for
// "beneficiaires" finds "Bénéficiaires".
func foldText(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// textMatch reports whether a source's sentence, figure or document title
// holds the folded search text.
func textMatch(text string, s storedSource, d *Document) bool {
	return strings.Contains(foldText(s.Quote), text) || strings.Contains(foldText(s.Span), text) ||
		strings.Contains(foldText(d.Title), text)
}
