package store_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/store"
)

// tempStore opens a store in a fresh directory; the examples remove it.
func tempStore() (*store.Store, func()) {
	dir, err := os.MkdirTemp("", "faits-example")
	if err != nil {
		log.Fatal(err)
	}
	s, err := store.Open(filepath.Join(dir, "faits.db"), &store.Options{Owner: "example"})
	if err != nil {
		log.Fatal(err)
	}
	return s, func() { s.Close(); os.RemoveAll(dir) }
}

const exampleBody = "Le régime AMO Tadamon couvre plus de 11,1 millions de personnes."

func exampleFact() extract.Fact {
	span := "plus de 11,1 millions de personnes"
	at := strings.Index(exampleBody, span)
	return extract.Fact{Programme: "amo-tadamon", Metric: "beneficiaries", Unit: "person", Value: 11.1e6,
		Qualifier: "more_than", AsOf: "2024-11", Span: span, Start: at, End: at + len(span), Quote: exampleBody, Rule: "beneficiaries/couvre"}
}

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "faits-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "faits.db")
	w, err := store.Open(path, &store.Options{Owner: "faits ingest"})
	if err != nil {
		log.Fatal(err)
	}
	defer w.Close()
	// A second opener while the writer holds the file (in another
	// process, the pid would be that process's).
	_, err = store.Open(path, &store.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	var locked *store.LockedError
	fmt.Println(errors.As(err, &locked), locked.Owner)
	// Output: true faits ingest
}

func ExampleStore_Ingest() {
	s, done := tempStore()
	defer done()
	doc := &corpus.Document{Body: exampleBody, Published: "2024-11-26"}
	for _, rel := range []string{"a.txt", "copie/a.txt"} {
		res, err := s.Ingest(rel, "sha256-of-the-raw-file-"+rel, doc, []extract.Fact{exampleFact()})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d new facts, %d new sources\n", rel, res.NewFacts, res.NewSources)
	}
	// Output:
	// a.txt: 1 new facts, 1 new sources
	// copie/a.txt: 0 new facts, 0 new sources
}

func ExampleStore_Facts() {
	s, done := tempStore()
	defer done()
	doc := &corpus.Document{Body: exampleBody}
	if _, err := s.Ingest("a.txt", "raw", doc, []extract.Fact{exampleFact()}); err != nil {
		log.Fatal(err)
	}
	facts, err := s.Facts(store.Filter{Programme: "amo-tadamon"})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range facts {
		fmt.Println(f.ID, f.Metric, f.Value, f.Status, f.Sources[0].Span)
	}
	// Output: f-1cea37290484 beneficiaries 1.11e+07 pending plus de 11,1 millions de personnes
}

func ExampleStore_All() {
	s, done := tempStore()
	defer done()
	if _, err := s.Ingest("a.txt", "raw", &corpus.Document{Body: exampleBody}, []extract.Fact{exampleFact()}); err != nil {
		log.Fatal(err)
	}
	for f, err := range s.All(store.Filter{Status: store.StatusPending}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(f.ID, f.IndependentSources())
	}
	// Output: f-1cea37290484 1
}

func ExampleStore_Review() {
	s, done := tempStore()
	defer done()
	if _, err := s.Ingest("a.txt", "raw", &corpus.Document{Body: exampleBody}, []extract.Fact{exampleFact()}); err != nil {
		log.Fatal(err)
	}
	v := 11e6
	f, err := s.Review("f-1cea37290484", store.Decision{Action: store.ActionEdit, By: "amina", Edit: &store.Edit{Value: &v}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.ID, f.Status, f.Value)
	f, err = s.Review(f.ID, store.Decision{Action: store.ActionUndo, By: "amina"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.ID, f.Status, f.Value)
	h, _ := s.History(f.ID)
	for _, ev := range h {
		fmt.Println(ev.By, ev.Action, ev.Before.Value, "→", ev.After.Value)
	}
	// Output:
	// f-1cea37290484 edited 1.1e+07
	// f-1cea37290484 pending 1.11e+07
	// amina edit 1.11e+07 → 1.1e+07
	// amina undo 1.1e+07 → 1.11e+07
}

func ExampleStore_Conflicts() {
	s, done := tempStore()
	defer done()
	body := "On compte 5,3 millions de familles au RSU. Un autre chiffre : 5,2 millions de familles."
	var facts []extract.Fact
	for _, span := range []string{"5,3 millions de familles", "5,2 millions de familles"} {
		at := strings.Index(body, span)
		v := 5.3e6
		if strings.HasPrefix(span, "5,2") {
			v = 5.2e6
		}
		facts = append(facts, extract.Fact{Programme: "rsu", Metric: "enrolled", Unit: "household", Value: v,
			AsOf: "2024-11", Span: span, Start: at, End: at + len(span), Rule: "enrolled/test"})
	}
	if _, err := s.Ingest("a.txt", "raw", &corpus.Document{Body: body}, facts); err != nil {
		log.Fatal(err)
	}
	cs, err := s.Conflicts()
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range cs {
		fmt.Println(c.Programme, c.Metric, c.AsOf, c.Unit, c.Facts[0].Value, c.Facts[1].Value)
	}
	// Output: rsu enrolled 2024-11 household 5.2e+06 5.3e+06
}

func ExampleBatch() {
	s, done := tempStore()
	defer done()
	// Workers prepare files (this checks the spans and signs the text)...
	var entries []*store.Entry
	for _, rel := range []string{"a.txt", "b.txt"} {
		body := exampleBody
		if rel == "b.txt" {
			body = "Selon la caisse. " + body
		}
		f := exampleFact()
		f.Start += len(body) - len(exampleBody)
		f.End += len(body) - len(exampleBody)
		e, err := store.Prepare(rel, "raw-"+rel, &corpus.Document{Body: body}, []extract.Fact{f})
		if err != nil {
			log.Fatal(err)
		}
		entries = append(entries, e)
	}
	// ...and the one writer commits them together.
	b := s.NewBatch()
	for _, e := range entries {
		b.Add(e)
	}
	written, err := b.Commit()
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range written {
		fmt.Println(w.Rel, w.Err, w.Result.NewFacts, w.Result.NewSources)
	}
	// Output:
	// a.txt <nil> 1 1
	// b.txt <nil> 0 1
}
