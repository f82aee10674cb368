//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped is a no-op where madvise is not at hand (see the Linux
// version).
func releaseMapped(db *bolt.DB, size int64) {}
