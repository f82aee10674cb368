package main

import (
	"net"
	"testing"

	"github.com/faits/faits/store"
)

// TestReaderHolderGone: a reader whose holder stopped serving (its port
// refuses connections: the ingest ended) reads the store itself, for every
// kind of read, instead of failing.
func TestReaderHolderGone(t *testing.T) {
	path := syntheticStore(t)
	want, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	wantFacts, err := want.Facts(store.Filter{})
	want.Close()
	if err != nil || len(wantFacts) == 0 {
		t.Fatalf("%d facts (%v)", len(wantFacts), err)
	}
	// A port that refuses: a listener opened, then closed.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	for _, read := range []struct {
		name string
		do   func(factReader) (int, error)
	}{
		{"all", func(r factReader) (int, error) {
			n := 0
			for _, err := range r.All(store.Filter{}) {
				if err != nil {
					return n, err
				}
				n++
			}
			return n, nil
		}},
		{"facts", func(r factReader) (int, error) { fs, err := r.Facts(store.Filter{}); return len(fs), err }},
		{"each", func(r factReader) (int, error) {
			n := 0
			err := r.Each(store.ListOptions{Sort: "key"}, func(store.Fact) error { n++; return nil })
			return n, err
		}},
		{"fact", func(r factReader) (int, error) { _, err := r.Fact(wantFacts[0].ID); return len(wantFacts), err }},
		{"conflicts", func(r factReader) (int, error) { _, err := r.Conflicts(); return len(wantFacts), err }},
	} {
		opened := 0
		fr := &fallbackReader{remote: &remoteStore{base: "http://" + addr, client: newHTTPClient()}, open: func() (factReader, error) {
			opened++
			return openStoreWait(path, "faits test", "faits ingest")
		}}
		n, err := read.do(fr)
		if err != nil || n != len(wantFacts) || opened != 1 || fr.local == nil {
			t.Errorf("%s: %d facts (want %d), %v, store opened %d times", read.name, n, len(wantFacts), err, opened)
		}
		if err := fr.Close(); err != nil {
			t.Errorf("%s: close: %v", read.name, err)
		}
	}
}
