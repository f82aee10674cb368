package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// helperEnv makes the test binary a lock holder instead of a test run:
// "rw:PATH" or "ro:PATH". It opens the store, says "ready" and holds it
// until its stdin closes.
const helperEnv = "FAITS_STORE_LOCK_HELPER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		os.Exit(lockHelper(spec))
	}
	os.Exit(m.Run())
}

func lockHelper(spec string) int {
	mode, path, _ := strings.Cut(spec, ":")
	s, err := Open(path, &Options{ReadOnly: mode == "ro", Owner: "faits lock-helper", Timeout: 5 * time.Second})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	if mode == "adv" {
		if err := s.Advertise("127.0.0.1:4242", "read-token"); err != nil {
			fmt.Println("error:", err)
			return 1
		}
	}
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// holder is another process holding the store.
type holder struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
}

func hold(t *testing.T, mode, path string) *holder {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode+":"+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &holder{cmd: cmd, stdin: stdin}
	t.Cleanup(h.release)
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper: %q, %v", line, err)
	}
	return h
}

func (h *holder) release() {
	if h.stdin != nil {
		h.stdin.Close()
		h.cmd.Wait()
		h.stdin = nil
	}
}

func TestLockAcrossProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "faits.db")
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(ownerPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("owner file left after Close: %v", err)
	}

	// A writer elsewhere: a second writer and a reader both get the
	// typed error within the timeout.
	w := hold(t, "rw", path)
	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err := Open(path, &Options{ReadOnly: ro, Timeout: 300 * time.Millisecond})
		elapsed := time.Since(start)
		var le *LockedError
		if !errors.As(err, &le) {
			t.Fatalf("read-only %v: err %v, want *LockedError", ro, err)
		}
		if le.PID != w.cmd.Process.Pid || le.Owner != "faits lock-helper" || le.Path != path {
			t.Errorf("LockedError %+v, want pid %d", le, w.cmd.Process.Pid)
		}
		if want := fmt.Sprintf("database is in use by another faits process (pid %d)", w.cmd.Process.Pid); err.Error() != want {
			t.Errorf("message %q, want %q", err, want)
		}
		if elapsed > 2*time.Second {
			t.Errorf("gave up after %v, timeout 300ms", elapsed)
		}
	}
	w.release()

	// Readers elsewhere: more readers coexist; a writer is refused.
	hold(t, "ro", path)
	hold(t, "ro", path)
	r, err := Open(path, &Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatalf("reader beside readers: %v", err)
	}
	if _, err := r.Ingest("x", "y", doc("z", ""), nil); err == nil {
		t.Error("ingest on a read-only store succeeded")
	}
	r.Close()
	// An owner file left by a writer killed earlier names a dead pid: it
	// must not be taken for the holder.
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ownerPath(path), []byte(fmt.Sprintf(`{"pid":%d,"owner":"faits ingest"}`, dead.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, &Options{Timeout: 300 * time.Millisecond})
	var le *LockedError
	if !errors.As(err, &le) || le.PID != 0 || le.Owner != "" {
		t.Errorf("writer beside readers: %v (%+v)", err, le)
	}
}

// TestAdvertise: a writer that answers reads somewhere says where in its
// owner file, which only its user can read, and a reader the lock keeps out
// learns it from the LockedError.
func TestAdvertise(t *testing.T) {
	path := filepath.Join(t.TempDir(), "faits.db")
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	w := hold(t, "adv", path)
	_, err = Open(path, &Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	var le *LockedError
	if !errors.As(err, &le) || le.PID != w.cmd.Process.Pid || le.Owner != "faits lock-helper" ||
		le.Addr != "127.0.0.1:4242" || le.Token != "read-token" {
		t.Fatalf("LockedError %+v (%v)", le, err)
	}
	info, err := os.Stat(ownerPath(path))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("owner file %v, %v: want mode 0600", info, err)
	}
	w.release()
	r, err := Open(path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Advertise("x", "y"); err == nil {
		t.Error("a read-only store advertised")
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	if _, err := Open(path, &Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err %v, want not exist", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("read-only Open created the file")
	}
}
