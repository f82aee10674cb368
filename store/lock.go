package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// LockedError is returned by Open when another process holds the store's
// lock past Options.Timeout. PID and Owner come from the owner file the
// holder wrote; they are 0 and "" when the holder is a reader (readers write
// no owner file, since several may hold the shared lock at once).
type LockedError struct {
	Path  string
	PID   int
	Owner string
	// Addr and Token say where the holder answers read requests (its JSON
	// API, host:port) and the bearer token that lets them in; "" when it
	// advertised none (see Store.Advertise).
	Addr, Token string
}

func (e *LockedError) Error() string {
	if e.PID == 0 {
		return "database is in use by another process (a reader, or a faits process that left no owner file)"
	}
	return fmt.Sprintf("database is in use by another faits process (pid %d)", e.PID)
}

// owner is the content of the owner file.
type owner struct {
	PID   int    `json:"pid"`
	Owner string `json:"owner"`
	Addr  string `json:"addr,omitempty"`
	Token string `json:"token,omitempty"`
}

// ownerPath names the owner file of the store at path.
func ownerPath(path string) string { return path + ".owner" }

// writeOwner records this process as the writer. The file is written
// beside and renamed so that a blocked Open never reads half of it.
func writeOwner(path, name string) error {
	return writeOwnerFile(path, owner{PID: os.Getpid(), Owner: name})
}

// writeOwnerFile writes o to path. The file is created 0600 (os.CreateTemp):
// it may hold a read token.
func writeOwnerFile(path string, o owner) error {
	b, err := json.Marshal(o)
	if err != nil {
		return fmt.Errorf("encode owner file: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write owner file: %w", err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write owner file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write owner file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write owner file: %w", err)
	}
	return nil
}

// lockedError builds the error for a lock timeout on the store at path.
// A missing or unreadable owner file is not an error of its own: the lock
// is held all the same, only its holder is unknown.
func lockedError(path string) *LockedError {
	e := &LockedError{Path: path}
	b, err := os.ReadFile(ownerPath(path))
	if err != nil {
		return e
	}
	var o owner
	if err := json.Unmarshal(b, &o); err != nil {
		return e
	}
	if !alive(o.PID) {
		return e // left by a writer that was killed; a reader holds the lock
	}
	e.PID, e.Owner, e.Addr, e.Token = o.PID, o.Owner, o.Addr, o.Token
	return e
}

// Advertise records in the owner file that this writer answers read
// requests at addr (host:port of a JSON API such as faits serve's) for a
// holder of token, so that a reader the lock keeps out can read through it
// (LockedError.Addr and Token). The owner file is readable by this user
// only, since it then holds the token. A read-only store has no owner file
// and cannot advertise.
func (s *Store) Advertise(addr, token string) error {
	if s.sidecar == "" {
		return errors.New("advertise: a read-only store has no owner file")
	}
	var o owner
	b, err := os.ReadFile(s.sidecar)
	if err == nil {
		err = json.Unmarshal(b, &o)
	}
	if err != nil {
		return fmt.Errorf("advertise: read owner file: %w", err)
	}
	o.PID, o.Addr, o.Token = os.Getpid(), addr, token
	if err := writeOwnerFile(s.sidecar, o); err != nil {
		return fmt.Errorf("advertise: %w", err)
	}
	return nil
}

// alive reports whether a process with this pid exists (EPERM: it does,
// under another user).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
