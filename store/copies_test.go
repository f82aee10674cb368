package store

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/faits/faits/corpus"
)

// TestCopies: two files with the same clean text are one document whose
// facts' sources, and the document itself, list both copies with each
// one's own site, URL and date; a document of one file lists none, and its
// export is what it was before copies existed.
func TestCopies(t *testing.T) {
	s, _ := openTemp(t)
	fa := factsA(t)
	ingest(t, s, "a.txt", "raw a", doc(bodyA, "A"), fa...)
	one := export(t, s)
	if strings.Contains(one, `"copies"`) {
		t.Errorf("a one-file document lists copies:\n%s", one)
	}
	copyDoc := &corpus.Document{Body: bodyA, Title: "A, repris", Site: "lematin.ma", URL: "https://lematin.ma/a", Published: "2025-02-18", PublishedFrom: "meta"}
	ingest(t, s, "z/lematin.txt", "raw copy", copyDoc, fa...)
	mustCheck(t, s)
	fs, err := s.Facts(Filter{})
	if err != nil || len(fs) == 0 {
		t.Fatal(err)
	}
	want := []Copy{
		{Doc: "a.txt", Title: "A", Site: "site.test", Published: "2025-02-17"},
		{Doc: "z/lematin.txt", Title: "A, repris", Site: "lematin.ma", URL: "https://lematin.ma/a", Published: "2025-02-18"},
	}
	w, _ := json.Marshal(want)
	for _, f := range fs {
		for _, src := range f.Sources {
			if src.Doc != "a.txt" {
				t.Errorf("%s: a source in %s: the copies are one document, named by its first path", f.ID, src.Doc)
			}
			if got, _ := json.Marshal(src.Copies); string(got) != string(w) {
				t.Errorf("%s copies:\n%s\nwant\n%s", f.ID, got, w)
			}
		}
	}
	page, _, err := s.List(ListOptions{Limit: 10, Sources: 3})
	if err != nil || len(page) == 0 || len(page[0].Sources[0].Copies) != 2 {
		t.Errorf("List's sources lack the copies: %+v %v", page, err)
	}
	d, err := s.Document(fs[0].Sources[0].DocSHA256)
	if err != nil || len(d.Copies) != 2 || d.Copies[1].Site != "lematin.ma" {
		t.Errorf("document copies: %+v %v", d.Copies, err)
	}
	// The copy goes: the export is the one-file export again.
	if _, err := s.Remove("z/lematin.txt"); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	if got := export(t, s); got != one {
		t.Errorf("export after the copy left:\n%s\nwant\n%s", got, one)
	}
}
