//go:build unix

package store

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time so far, for
// benchmarks that report CPU beside wall time (on a shared machine the
// wall time depends on the others' load, the CPU time much less).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// minorFaults is the process's minor page faults so far (a fault on the
// store's map of a page the page cache holds is one).
func minorFaults() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return int64(ru.Minflt)
}
