package main

import (
	"context"
	"runtime"
	"sync"
)

// inOrder runs work(i) for every i in [0, n) on a pool of workers (<= 0:
// GOMAXPROCS) and hands the results to emit in the order of i, from the
// calling goroutine, so that what emit writes does not depend on
// scheduling. At most 4*workers results wait for emit, so memory stays flat
// however slow one item is. An error from emit stops the run and is
// returned; so is ctx's error when it is cancelled. inOrder returns only
// once every worker has stopped.
func inOrder[T any](ctx context.Context, n, workers int, work func(i int) T, emit func(T) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		i   int
		out chan T
	}
	jobs := make(chan job)
	queue := make(chan chan T, 4*workers)
	stop := make(chan struct{})
	go func() {
		defer close(jobs)
		defer close(queue)
		for i := range n {
			// Each result has its own slot, queued in order before the work
			// starts: emit waits on the slots one by one.
			out := make(chan T, 1)
			select {
			case queue <- out:
			case <-stop:
				return
			}
			select {
			case jobs <- job{i, out}:
			case <-stop:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- work(j.i) // buffered: never blocks
			}
		}()
	}
	var err error
loop:
	for out := range queue {
		// Checked first: once cancelled, no further result is emitted,
		// even one that is ready.
		if err = ctx.Err(); err != nil {
			break
		}
		select {
		case r := <-out:
			if err = emit(r); err != nil {
				break loop
			}
		case <-ctx.Done():
			err = ctx.Err()
			break loop
		}
	}
	close(stop)
	for range queue {
		// Unblock the producer if it is queueing a slot.
	}
	wg.Wait()
	return err
}
