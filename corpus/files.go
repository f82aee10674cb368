package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// File is one article file found by Files.
type File struct {
	// Path is the path to open, built from the argument.
	Path string
	// Rel is the path relative to the folder argument it was found under
	// (the base name for a file argument), with forward slashes: it is the
	// document's name in the store.
	Rel string
}

// IsArticle reports whether a file name has an extension Files collects.
func IsArticle(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".html", ".htm":
		return true
	}
	return false
}

// Files expands file and folder arguments (folders recursively, skipping
// hidden folders) into the .txt, .html and .htm files they hold, sorted by
// Path. An argument that cannot be read, or a file argument with another
// extension, gives one error naming it; the files of the other arguments
// are still returned.
func Files(args []string) ([]File, []error) {
	var files []File
	var errs []error
	seen := map[string]bool{}
	add := func(f File) {
		if !seen[f.Path] {
			seen[f.Path] = true
			files = append(files, f)
		}
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", arg, err))
			continue
		}
		if !info.IsDir() {
			if !IsArticle(arg) {
				// A shell glob can bring in faits.db or a PDF: reading
				// those as text would invent facts.
				errs = append(errs, fmt.Errorf("read %s: not a .txt, .html or .htm file", arg))
				continue
			}
			add(File{Path: arg, Rel: filepath.Base(arg)})
			continue
		}
		var walkErr error
		_ = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				// Keep what can be read; report the argument once.
				if walkErr == nil {
					walkErr = err
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				// Hidden folders (.git, .cache) hold no articles.
				if p != arg && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if !IsArticle(d.Name()) {
				return nil
			}
			rel, err := filepath.Rel(arg, p)
			if err != nil {
				return err
			}
			add(File{Path: p, Rel: filepath.ToSlash(rel)})
			return nil
		})
		if walkErr != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", arg, walkErr))
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, errs
}

// DefaultMaxBytes is the size limit ReadFile callers use unless told
// otherwise. Scraped pages run from a few KB to 1.5 MB (the largest of the
// project's real and boilerplate-evaluation pages); 5 MB leaves room for
// heavier pages while refusing dumps, logs and endless files, whose reading
// would take minutes and memory in proportion.
const DefaultMaxBytes = 5 << 20

// ErrNotRegular is the error ReadFile returns for a path that is not a
// regular file: a named pipe (reading it waits for a writer forever), a
// device (/dev/zero never ends), a socket, or a symbolic link to one.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is the error ReadFile returns for a file over its size limit.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads an article file whole, refusing anything that is not a
// regular file and any file of more than max bytes (max <= 0: no limit).
// The error names the path and the reason. Unlike os.ReadFile it never
// blocks on a named pipe and never reads without end from a device.
func ReadFile(path string, max int64) ([]byte, error) {
	info, err := os.Stat(path) // follows symbolic links: their target counts
	if err != nil {
		return nil, readErr(path, err)
	}
	if err := regularSize(path, info, max); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should the path become a pipe between Stat and Open,
	// opening it must not wait for a writer; the check below refuses it.
	// For a regular file the flag changes nothing.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readErr(path, err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, readErr(path, err)
	}
	if err := regularSize(path, info, max); err != nil {
		return nil, err
	}
	r := io.Reader(f)
	if max > 0 {
		r = io.LimitReader(f, max+1) // a file still growing stops here
	}
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, readErr(path, err)
	}
	if max > 0 && int64(buf.Len()) > max {
		return nil, fmt.Errorf("read %s: %w: more than the limit of %d bytes", path, ErrTooLarge, max)
	}
	return buf.Bytes(), nil
}

// regularSize checks what Stat says of a file before it is read.
func regularSize(path string, info fs.FileInfo, max int64) error {
	if m := info.Mode(); !m.IsRegular() {
		return fmt.Errorf("read %s: %w (%s)", path, ErrNotRegular, modeKind(m))
	}
	if max > 0 && info.Size() > max {
		return fmt.Errorf("read %s: %w: %d bytes, over the limit of %d", path, ErrTooLarge, info.Size(), max)
	}
	return nil
}

func modeKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.String()
}

// readErr says the path once: an *fs.PathError would say it again.
func readErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("read %s: %w", path, err)
}
