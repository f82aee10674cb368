package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a.html", "sub/c.htm", "sub/deep/d.TXT", "notes.md", "sub/e.pdf", ".git/x.txt"} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	single := filepath.Join(dir, "sub", "c.htm")
	other := filepath.Join(dir, "notes.md")
	missing := filepath.Join(dir, "nope")

	files, errs := Files([]string{filepath.Join(dir, "sub"), dir, single, other, missing})
	want := []File{
		{filepath.Join(dir, "a.html"), "a.html"},
		{filepath.Join(dir, "b.txt"), "b.txt"},
		{filepath.Join(dir, "sub", "c.htm"), "c.htm"},
		{filepath.Join(dir, "sub", "deep", "d.TXT"), "deep/d.TXT"},
	}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("Files =\n%v\nwant\n%v", files, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), other) || !strings.Contains(errs[1].Error(), missing) {
		t.Errorf("errs = %v, want one error naming %s and one naming %s", errs, other, missing)
	}
}

func TestFilesDuplicateArguments(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, errs := Files([]string{dir, p})
	if len(errs) != 0 || len(files) != 1 {
		t.Errorf("Files = %v, %v; want one file, no error", files, errs)
	}
}

func TestIsArticle(t *testing.T) {
	for name, want := range map[string]bool{"a.txt": true, "a.HTML": true, "a.htm": true, "a.pdf": false, "txt": false} {
		if got := IsArticle(name); got != want {
			t.Errorf("IsArticle(%q) = %v", name, got)
		}
	}
}
