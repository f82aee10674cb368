//go:build unix

package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadFile feeds ReadFile what a scraper's folder may hold besides
// articles: each is refused at once with its reason, never read without end.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := write("ok.txt", []byte("Un article."))
	big := write("big.txt", []byte(strings.Repeat("Un paragraphe distinct.\n\n", 100))) // 2500 bytes
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip("no symlinks:", err)
	}
	linkOK := filepath.Join(dir, "link.txt")
	if err := os.Symlink(ok, linkOK); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub.txt")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		max  int64
		want error  // nil: read
		says string // in the message, besides the path
	}{
		{ok, 100, nil, ""},
		{linkOK, 100, nil, ""},
		{big, 2500, nil, ""},
		{big, 0, nil, ""},
		{big, 2499, ErrTooLarge, "2500 bytes, over the limit of 2499"},
		{fifo, 100, ErrNotRegular, "named pipe"},
		{zero, 100, ErrNotRegular, "character device"},
		{zero, 0, ErrNotRegular, "character device"},
		{sub, 100, ErrNotRegular, "folder"},
		{filepath.Join(dir, "missing.txt"), 100, os.ErrNotExist, "no such file"},
	}
	for _, tt := range tests {
		done := make(chan struct{})
		var b []byte
		var err error
		go func() {
			defer close(done)
			b, err = ReadFile(tt.path, tt.max)
		}()
		select {
		case <-done:
		case <-time.After(time.Minute): // a hang guard, not a timing assertion
			t.Fatalf("ReadFile(%s) has not returned", tt.path)
		}
		if tt.want == nil {
			if err != nil || len(b) == 0 {
				t.Errorf("ReadFile(%s, %d) = %d bytes, %v", tt.path, tt.max, len(b), err)
			}
			continue
		}
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.says) ||
			strings.Count(err.Error(), tt.path) != 1 {
			t.Errorf("ReadFile(%s, %d) = %v, want %v naming the file once and saying %q", tt.path, tt.max, err, tt.want, tt.says)
		}
	}
}
