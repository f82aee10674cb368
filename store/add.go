package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// EditorRule is the Source.Rule of a place an editor marked by hand: a
// figure the rules missed.
const EditorRule = "editor"

// ErrAlreadyRead is Add's error for a fact already read at that place.
var ErrAlreadyRead = errors.New("already read there")

// ActionAdd is the Event.Action of a fact an editor added (Store.Add).
const ActionAdd = "add"

// Addition is a fact an editor read in a document where the rules found
// none: the span (byte offsets in the document's clean text) and the values.
type Addition struct {
	DocSHA256               string
	Start, End              int
	Programme, Metric, Unit string
	Value                   float64
	ValueMax                *float64
	Qualifier, AsOf         string
	By, Note                string
}

// Add records a fact an editor read at a.Start:a.End of a document: its
// source (the span, the sentence around it, rule EditorRule) and an "add"
// event, which makes it accepted. The fact is the one of its key: when the
// rules read the same key elsewhere, the editor's place becomes one more
// source of that fact. Re-ingesting the document keeps an editor's source
// (the rules did not read it, the editor did); only the document's removal
// takes it away, and the fact then stays as an orphan with its decision.
// Undo of the add makes the fact pending again; the source stays.
func (s *Store) Add(a Addition) (Fact, error) {
	if s.readOnly {
		return Fact{}, fmt.Errorf("add: %w", errReadOnly)
	}
	if a.By == "" {
		return Fact{}, errors.New("add: the decision has no author")
	}
	h, err := docHash(a.DocSHA256)
	if err != nil {
		return Fact{}, fmt.Errorf("add: %w", err)
	}
	k := Key{Programme: a.Programme, Metric: a.Metric, Unit: a.Unit, Value: a.Value, ValueMax: a.ValueMax, AsOf: a.AsOf}
	if err := validKey(k); err != nil {
		return Fact{}, fmt.Errorf("add: %w", err)
	}
	if a.Programme == "" || a.Metric == "" || a.Unit == "" {
		return Fact{}, errors.New("add: a fact needs a programme, a metric and a unit")
	}
	if !ValidAsOf(a.AsOf) {
		return Fact{}, fmt.Errorf("add: as_of %q is not YYYY, YYYY-MM or YYYY-MM-DD", a.AsOf)
	}
	id := k.ID()
	var out Fact
	err = s.update(func(tx *bolt.Tx) error {
		now := s.now()
		t, err := newTxn(tx, now.UnixNano())
		if err != nil {
			return err
		}
		raw := t.docs.Get(docTagKey(h, tagBody))
		if raw == nil {
			return fmt.Errorf("document %s: %w", a.DocSHA256, ErrNotFound)
		}
		body, err := unpackBody(raw)
		if err != nil {
			return err
		}
		if a.Start < 0 || a.End <= a.Start || a.End > len(body) || !utf8.ValidString(body[a.Start:a.End]) ||
			!utf8.RuneStart(body[a.Start]) || (a.End < len(body) && !utf8.RuneStart(body[a.End])) {
			return fmt.Errorf("span %d:%d is not a piece of the document's text (%d bytes)", a.Start, a.End, len(body))
		}
		rec, _, err := t.factFor(id, k)
		if err != nil {
			return err
		}
		sk := sourceKey(id, h, a.Start, a.End)
		if t.sources.Get(sk) != nil {
			return fmt.Errorf("fact %s at %d:%d: %w", id, a.Start, a.End, ErrAlreadyRead)
		}
		q := a.Qualifier
		if q == "" {
			q = "exact"
		}
		src := storedSource{Span: body[a.Start:a.End], Quote: SentenceAround(body, a.Start, a.End), Qualifier: q, Rule: EditorRule}
		if err := putJSON(t.sources, sk, src); err != nil {
			return err
		}
		if err := t.docs.Put(byDocKey(h, id, a.Start, a.End), nil); err != nil {
			return fmt.Errorf("write reading key: %w", err)
		}
		before := rec.view(id)
		rec.addSource(src)
		ev := eventRec{Event: Event{At: now.UTC(), By: a.By, Action: ActionAdd, Note: a.Note},
			PrevReview: rec.Review, PrevEdit: rec.Edit}
		rec.Review = StatusAccepted
		ev.Before, ev.After = before, rec.view(id)
		if ev.Seq, err = t.events.NextSequence(); err != nil {
			return fmt.Errorf("event sequence: %w", err)
		}
		if err := putJSON(t.events, eventKey(id, ev.Seq), ev); err != nil {
			return err
		}
		rec.Events++
		t.dirty[id] = true
		if err := t.touchDoc(h); err != nil {
			return err
		}
		if err := t.flush(nil); err != nil {
			return err
		}
		out, err = newReader(tx).hydrate(id, rec)
		return err
	})
	if err != nil {
		return Fact{}, fmt.Errorf("add: %w", err)
	}
	return out, nil
}

// SentenceAround is the sentence of text that holds [start, end): from
// after the last sentence end (". ", "! ", "? " or a line break) before
// start to the first one at or after end, trimmed.
func SentenceAround(text string, start, end int) string {
	from := 0
	for i := start - 1; i > 0; i-- {
		if text[i] == '\n' {
			from = i + 1
			break
		}
		if text[i] == ' ' && strings.ContainsRune(".!?", rune(text[i-1])) {
			from = i + 1
			break
		}
	}
	to := len(text)
	for i := end; i < len(text); i++ {
		if text[i] == '\n' {
			to = i
			break
		}
		if strings.ContainsRune(".!?", rune(text[i])) && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			to = i + 1
			break
		}
	}
	return strings.TrimSpace(text[from:to])
}

// Decided is a fact an editor decided on, for a program that learns from
// the editors (faits train): the fact as it shows now (the editor's values
// laid over the rules' reading, every source with its span), the key the
// rules read (for an added fact, the editor's own), the outcome, and every
// event.
type Decided struct {
	Fact Fact
	// Read is the key the rules read; an edit changed Fact's values, never
	// this.
	Read Key
	// Outcome is "accepted" or "rejected" (the rules' reading was right or
	// wrong), "edited" (right figure, values corrected: compare Read with
	// Fact), or "added" (the rules missed it: the sources whose Rule is
	// EditorRule are the places the editor marked). A fact whose decisions
	// were all undone is not listed.
	Outcome string
	Events  []Event
}

// Decisions lists, in id order, every fact an editor decided on, inside
// one read transaction (as All: do not write to the store from the loop).
// It is a walk, like Each and EachFact: a reader called from the loop
// reads the records rather than filing pending changes, a write that
// could wait forever on the loop's own read transaction.
func (s *Store) Decisions() iter.Seq2[Decided, error] {
	return func(yield func(Decided, error) bool) {
		stop := errors.New("stop")
		s.walks.Add(1)
		defer s.walks.Add(-1)
		err := s.db.View(func(tx *bolt.Tx) error {
			r := newReader(tx)
			c := newRecordCursor(tx.Bucket(bFacts))
			for k, v := c.First(); k != nil; k, v = c.Next() {
				var rec factRec
				if err := json.Unmarshal(v, &rec); err != nil {
					return fmt.Errorf("fact %s: %w", k, err)
				}
				if rec.Events == 0 || rec.Review == "" || rec.Review == StatusPending {
					continue
				}
				id := string(k)
				f, err := r.hydrate(id, &rec)
				if err != nil {
					return err
				}
				d := Decided{Fact: f, Read: rec.key(), Outcome: rec.Review}
				ec := tx.Bucket(bEvents).Cursor()
				undone := map[uint64]bool{}
				for ek, ev := ec.Seek(k); hasPrefix(ek, k) && len(ek) == len(k)+8; ek, ev = ec.Next() {
					var e eventRec
					if err := json.Unmarshal(ev, &e); err != nil {
						return fmt.Errorf("event of %s: %w", id, err)
					}
					d.Events = append(d.Events, e.Event)
					if e.Undoes != 0 {
						undone[e.Undoes] = true
					}
				}
				for _, e := range d.Events {
					if e.Action == ActionAdd && !undone[e.Seq] && rec.Review == StatusAccepted {
						d.Outcome = "added"
					}
				}
				if !yield(d, nil) {
					return stop
				}
			}
			return nil
		})
		if err != nil && !errors.Is(err, stop) {
			yield(Decided{}, err)
		}
	}
}
