package store

import (
	"bytes"
	"os"
	"strconv"
	"sync"
	"syscall"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// releaseMapped drops the pages of the store's memory map from the
// process's resident set. bbolt reads through a read-only shared map of
// the file, so a walk over the store leaves every page it touched counted
// in the process's RSS, though it is the kernel's page cache, reclaimable
// at any time; a process reading a large store would look as big as the
// file. MADV_DONTNEED on a read-only file map only unmaps: the next
// access faults the page back in from the page cache, with the same bytes.
// size is the part of the map in use (tx.Size()).
func releaseMapped(db *bolt.DB, size int64) {
	info := db.Info()
	if info == nil || info.Data == 0 || size <= 0 {
		return
	}
	// The map's address as bbolt gives it, turned back into a pointer
	// without a uintptr conversion in an expression (the map outlives it).
	base := *(*unsafe.Pointer)(unsafe.Pointer(&info.Data))
	_ = syscall.Madvise(unsafe.Slice((*byte)(base), size), syscall.MADV_DONTNEED)
}

// adviseRandom tells the kernel that the store's map is read at random
// (MADV_RANDOM): a fault on a page not in the page cache then reads that
// page alone, where by default it reads ahead. A fact's record, its
// sources and its documents lie on pages far apart, so the default made a
// walk map about 300 KB a fact, 300 MB between two looks at the budget.
// It does not stop fault-around: a fault on a page the page cache holds
// (the writer's, on a file it just wrote) still maps the cached pages of
// the 64 KB around it (Linux 6.18: touching one page in 16 of a cached 64
// MB file maps all of it), so the map grows by up to 64 KB a page first
// touched. size is the part of the map in use (tx.Size()); the writer
// advises again after bbolt maps a grown file.
func adviseRandom(db *bolt.DB, size int64) {
	info := db.Info()
	if info == nil || info.Data == 0 || size <= 0 {
		return
	}
	base := *(*unsafe.Pointer)(unsafe.Pointer(&info.Data))
	_ = syscall.Madvise(unsafe.Slice((*byte)(base), size), syscall.MADV_RANDOM)
}

// statm is /proc/self/statm, opened at the first look and kept open for
// the life of the process (one descriptor, closed on exec).
var (
	statmOnce sync.Once
	statm     *os.File
)

// mappedResident is the process's resident memory backed by files (the
// store's map, and the program's own text), from /proc/self/statm; -1
// when it cannot be read, which makes every check release.
func mappedResident() int64 {
	statmOnce.Do(func() { statm, _ = os.Open("/proc/self/statm") })
	if statm == nil {
		return -1
	}
	// One pread of the file kept open, where os.ReadFile made four
	// system calls (open, fstat, read, close) at each look: the writer
	// looks after every file, and those calls were 1.6 % of a
	// 20,000-article ingest's CPU. The kernel renders the file again at
	// each read from offset 0, and pread keeps no offset, so concurrent
	// looks need no lock.
	var buf [128]byte
	n, err := statm.ReadAt(buf[:], 0)
	if n == 0 && err != nil {
		return -1
	}
	raw := buf[:n]
	// size resident shared text lib data dt, in pages.
	f := bytes.Fields(raw)
	if len(f) < 3 {
		return -1
	}
	pages, err := strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil {
		return -1
	}
	return pages * int64(os.Getpagesize())
}
