//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped is a no-op where madvise is not at hand (see the Linux
// version).
func releaseMapped(db *bolt.DB, size int64) {}

// mappedResident is 0 where it cannot be measured: there is nothing to
// release either.
func mappedResident() int64 { return 0 }

// adviseRandom is a no-op where madvise is not at hand.
func adviseRandom(db *bolt.DB, size int64) {}
