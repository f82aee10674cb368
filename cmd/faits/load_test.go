package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSameExportUnderLoad ingests the same folders twice, once on an idle
// process and once with every core saturated by busy goroutines and by
// busy processes of its own, and requires the two exports to be the same
// bytes: no clock may decide what the rules read (issue 13).
func TestSameExportUnderLoad(t *testing.T) {
	if os.Getenv("FAITS_BUSY_CHILD") != "" {
		t.Skip("a busy child")
	}
	dirs := []string{"../../testdata/seeds", "../../testdata/variants"}
	if testing.Short() {
		dirs = dirs[:1]
	}
	export := func(name string) []byte {
		t.Helper()
		db := filepath.Join(t.TempDir(), name+".db")
		for _, d := range dirs {
			if _, stderr, err := run(t, nil, "ingest", "--db", db, "--workers", "2", d); err != nil {
				t.Fatalf("ingest %s: %v\n%s", d, err, stderr)
			}
		}
		out, stderr, err := run(t, nil, "export", "--db", db)
		if err != nil {
			t.Fatalf("export: %v\n%s", err, stderr)
		}
		return []byte(out)
	}
	idle := export("idle")

	stop := saturate(t)
	loaded := export("loaded")
	stop()

	if len(idle) == 0 {
		t.Fatal("empty export")
	}
	if !bytes.Equal(idle, loaded) {
		t.Errorf("export under load differs from the idle one (%d vs %d bytes)", len(loaded), len(idle))
	}
}

// TestBusyChild is the body of the busy processes saturate starts: it
// spins until killed.
func TestBusyChild(t *testing.T) {
	if os.Getenv("FAITS_BUSY_CHILD") == "" {
		t.Skip("only run as a child of TestSameExportUnderLoad")
	}
	x := uint64(1)
	for {
		x = x*6364136223846793005 + 1442695040888963407
		if x == 0 {
			t.Log(x)
		}
	}
}

// saturate keeps every core busy with two goroutines and one child process
// per core, until the returned function is called.
func saturate(t *testing.T) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var cmds []*exec.Cmd
	for range runtime.NumCPU() {
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestBusyChild$")
		cmd.Env = append(os.Environ(), "FAITS_BUSY_CHILD=1")
		if err := cmd.Start(); err != nil {
			t.Logf("busy process: %v (goroutines only)", err)
			break
		}
		cmds = append(cmds, cmd)
	}
	var spin atomic.Bool
	spin.Store(true)
	var wg sync.WaitGroup
	for range 2 * runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := uint64(1)
			for spin.Load() {
				for range 1 << 12 {
					x = x*6364136223846793005 + 1442695040888963407
				}
			}
			_ = x
		}()
	}
	time.Sleep(50 * time.Millisecond) // let the load build up
	return func() {
		spin.Store(false)
		wg.Wait()
		cancel()
		for _, c := range cmds {
			_ = c.Wait() // killed by the context: an error is expected
		}
	}
}
