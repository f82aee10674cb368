//go:build !unix

package store

import "time"

// cpuTime is 0 where getrusage is not at hand: the benchmarks then report
// no CPU time.
func cpuTime() time.Duration { return 0 }

func minorFaults() int64 { return 0 }
