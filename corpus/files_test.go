package corpus

import (
	"errors"
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

func TestParseRefusesBinary(t *testing.T) {
	utf16 := append([]byte{0xFF, 0xFE}, []byte("S\x00a\x00n\x00t\x00\xe9\x00")...)
	tests := []struct {
		name string
		raw  []byte
		want string // "" when the file is text
	}{
		{"a.html", []byte("\x1f\x8b\x08\x00rest"), "gzip data"},
		{"a.txt", []byte("%PDF-1.7\n..."), "a PDF document"},
		{"a.txt", []byte("Le texte\x00avec un NUL"), "NUL bytes"},
		{"a.txt", []byte("\x01\x02\x03\x04\x05\x06abc"), "control bytes"},
		{"a.txt", utf16, ""},
		{"a.txt", []byte("Sécurité sociale : 4,5 millions\r\n\fpage 2"), ""},
		{"a.txt", []byte("S\xe9curit\xe9 sociale : 4,5 millions"), ""},
		{"a.txt", nil, ""},
	}
	for _, tt := range tests {
		_, err := Parse(tt.name, tt.raw)
		if tt.want == "" {
			if err != nil {
				t.Errorf("Parse(%q) = %v, want text", tt.raw, err)
			}
			continue
		}
		if !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.name) {
			t.Errorf("Parse(%q) = %v, want ErrNotText naming %s and %q", tt.raw, err, tt.name, tt.want)
		}
	}
}
