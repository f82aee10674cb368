package main

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/faits/faits/store"
)

// openStore opens the store at path for the command owner ("faits ingest");
// readOnly stores take the shared lock. A lock held by another process is
// explained in terms of what the user can do about it.
func openStore(path, owner string, readOnly bool) (*store.Store, error) {
	st, err := store.Open(path, &store.Options{ReadOnly: readOnly, Owner: owner})
	if err == nil {
		return st, nil
	}
	if readOnly && errors.Is(err, fs.ErrNotExist) {
		return nil, &explained{fmt.Sprintf("%s: no fact store there (run 'faits ingest PATH' first, or give --db)", path), err}
	}
	var le *store.LockedError
	if !errors.As(err, &le) {
		return nil, err
	}
	switch {
	case le.Owner == "faits serve" && owner == "faits ingest":
		return nil, &explained{fmt.Sprintf("%s is held by faits serve (pid %d): stop it, or let it ingest with --watch", path, le.PID), err}
	case le.Owner == "faits serve":
		return nil, &explained{fmt.Sprintf("%s is held by faits serve (pid %d): stop it first, or read the facts through its JSON API", path, le.PID), err}
	case le.Owner != "":
		return nil, &explained{fmt.Sprintf("%s: database is in use by another faits process (pid %d, %s): wait for it to finish, or stop it", path, le.PID, le.Owner), err}
	default:
		return nil, fmt.Errorf("%s: %w", path, err)
	}
}

// explained replaces an error's text with advice while keeping it
// reachable by errors.As.
type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }
