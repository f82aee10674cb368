package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// TestMappedResidentRereads: the look at the mapped memory reads the file
// it keeps open again each time: it agrees with a fresh read of it, and
// sees a file's pages mapped since the last look.
func TestMappedResidentRereads(t *testing.T) {
	fresh := func() int64 {
		raw, err := os.ReadFile("/proc/self/statm")
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.ParseInt(string(bytes.Fields(raw)[2]), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return n * int64(os.Getpagesize())
	}
	for i := 0; i < 3; i++ {
		before := fresh()
		got := mappedResident()
		after := fresh()
		// The Go runtime may map pages of the binary between two reads.
		if got < before-1<<20 || got > after+1<<20 {
			t.Fatalf("look %d: mapped %d, statm says %d then %d", i, got, before, after)
		}
	}
}

func TestMappedResidentSeesMap(t *testing.T) {
	const size = 8 << 20
	path := filepath.Join(t.TempDir(), "pages")
	if err := os.WriteFile(path, bytes.Repeat([]byte{1}, size), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(m)
	before := mappedResident()
	sum := 0
	for i := 0; i < size; i += os.Getpagesize() {
		sum += int(m[i])
	}
	if after := mappedResident(); after-before < size/2 {
		t.Errorf("touching %d mapped bytes (%d) moved the look from %d to %d", size, sum, before, after)
	}
}
