package main

import (
	"context"
	"errors"
	"runtime"
	"testing"
)

// TestInOrder: results come in the order of the items whatever order the
// workers finish in; an error from emit or a cancelled context stops the
// run without leaving a worker behind.
func TestInOrder(t *testing.T) {
	const n = 200
	// Later items finish first: item i yields the processor n-i times.
	work := func(i int) int {
		for range n - i {
			runtime.Gosched()
		}
		return i * i
	}
	var got []int
	if err := inOrder(context.Background(), n, 8, work, func(r int) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d results, want %d", len(got), n)
	}
	for i, r := range got {
		if r != i*i {
			t.Fatalf("result %d is %d, want %d", i, r, i*i)
		}
	}

	stop := errors.New("stop")
	calls := 0
	err := inOrder(context.Background(), n, 4, work, func(int) error {
		calls++
		if calls == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 10 {
		t.Errorf("emit error: err %v after %d calls, want stop after 10", err, calls)
	}

	ctx, cancel := context.WithCancel(context.Background())
	calls = 0
	err = inOrder(ctx, n, 4, work, func(int) error {
		if calls++; calls == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || calls != 5 {
		t.Errorf("cancelled: err %v after %d items, want context.Canceled after 5", err, calls)
	}

	if err := inOrder(context.Background(), 0, 0, work, func(int) error { t.Error("emit called for no item"); return nil }); err != nil {
		t.Error(err)
	}
}
