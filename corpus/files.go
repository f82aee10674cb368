package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
