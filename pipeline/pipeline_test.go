package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
)

func defaultExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestReadMatchesStages checks that Read is exactly corpus.Parse then
// Rules.Extract, with the hashes of the raw bytes and of the clean text.
func TestReadMatchesStages(t *testing.T) {
	x := defaultExtractor(t)
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	total := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rec, _, err := x.Read(p, "sub/"+filepath.Base(p), raw)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		doc, err := corpus.Parse(p, raw)
		if err != nil {
			t.Fatal(err)
		}
		facts, _ := x.Rules().Extract(extract.Input{Text: doc.Body, Published: doc.Published, Title: doc.Title})
		total += len(facts)
		if len(facts) == 0 {
			facts = []extract.Fact{} // Read writes "facts": [], never null
		}
		if !reflect.DeepEqual(rec.Facts, facts) {
			t.Errorf("%s: Read's facts differ from Extract's", p)
		}
		doc.File = "sub/" + filepath.Base(p)
		if got := rec.Document(); !reflect.DeepEqual(got, doc) {
			t.Errorf("%s: Document() = %+v, want %+v", p, got, doc)
		}
		if rec.Path != "sub/"+filepath.Base(p) || rec.V != Version {
			t.Errorf("%s: path %q version %d", p, rec.Path, rec.V)
		}
		if rec.FileKey() != x.FileKey(raw) || !strings.HasPrefix(rec.FileKey(), rec.FileSHA256+"+rules:") {
			t.Errorf("%s: FileKey %q vs %q", p, rec.FileKey(), x.FileKey(raw))
		}
		if _, err := Decode(mustLine(t, rec)); err != nil {
			t.Errorf("%s: Decode of its own line: %v", p, err)
		}
	}
	if total == 0 {
		t.Fatal("the default rules read no fact in the seeds: the comparison proved nothing")
	}
}

func TestReadErrors(t *testing.T) {
	x := defaultExtractor(t)
	if _, _, err := x.Read("a.txt", "", []byte("texte")); err == nil {
		t.Error("an empty document name was accepted")
	}
	_, _, err := x.Read("img.txt", "img.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	if err == nil || !strings.Contains(err.Error(), "img.txt") {
		t.Errorf("binary file: err = %v, want one naming the file", err)
	}
}

func mustLine(t testing.TB, r *Record) []byte {
	t.Helper()
	b, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRoundTrip: a record survives its line unchanged, numbers included.
func TestRoundTrip(t *testing.T) {
	x := defaultExtractor(t)
	raw := []byte("Rabat, le 3 mars 2025 - Plus de 3,9 millions de familles bénéficient de l'aide sociale directe, pour un budget de 26,5 milliards de dirhams <en 2025> & « au-delà ».\n")
	rec, _, err := x.Read("a.txt", "a.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Facts) == 0 {
		t.Fatal("no fact read: the round trip would not cover facts")
	}
	max := 1.0 / 3
	rec.Facts[0].ValueMax = &max // a float that only a shortest-form encoder keeps
	line := mustLine(t, rec)
	if bytes.Count(line, []byte("\n")) != 1 || line[len(line)-1] != '\n' {
		t.Fatalf("not one line: %q", line)
	}
	if !bytes.Contains(line, []byte("<en 2025> & «")) {
		t.Errorf("text was escaped: %s", line)
	}
	got, err := Decode(line)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rec) {
		t.Errorf("round trip changed the record:\n got %+v\nwant %+v", got, rec)
	}
}

func TestAppendJSONInvalidUTF8(t *testing.T) {
	r := &Record{V: Version, Path: "a.txt", Body: "caf\xe9"}
	if _, err := r.AppendJSON(nil); err == nil {
		t.Error("invalid UTF-8 was encoded (JSON would have replaced it)")
	}
}

func TestDecodeErrors(t *testing.T) {
	x := defaultExtractor(t)
	rec, _, err := x.Read("a.txt", "a.txt", []byte("La CNSS a traité 3,8 millions de dossiers en février 2025.\n"))
	if err != nil {
		t.Fatal(err)
	}
	good := string(mustLine(t, rec))
	for _, tc := range []struct {
		name, line, want string
	}{
		{"not json", "hello", "not a record"},
		{"truncated", good[:len(good)/2], "not a record"},
		{"other version", strings.Replace(good, `"v":1`, `"v":2`, 1), "version 2"},
		{"no version", strings.Replace(good, `"v":1,`, ``, 1), "version 0"},
		{"no path", strings.Replace(good, `"path":"a.txt"`, `"path":""`, 1), `no "path"`},
		{"bad file hash", strings.Replace(good, rec.FileSHA256, "xyz", 1), "file_sha256"},
		{"bad doc hash", strings.Replace(good, rec.DocSHA256, strings.ToUpper(rec.DocSHA256), 1), "doc_sha256"},
		{"edited body", strings.Replace(good, "3,8 millions", "3,9 millions", 1), "does not hash"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.line))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestReader: bad and over-long lines are reported with their line number
// and the reader goes on; blank lines and a missing final newline are fine.
func TestReader(t *testing.T) {
	x := defaultExtractor(t)
	var lines []string
	for i, s := range []string{"Plus de 2 millions de familles.", "Au total, 11 millions de personnes sont couvertes par l'AMO Tadamon."} {
		rec, _, err := x.Read("a.txt", []string{"a.txt", "b.txt"}[i], []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.TrimSuffix(string(mustLine(t, rec)), "\n"))
	}
	in := lines[0] + "\n" + "{broken\n" + "\n" + strings.Repeat("x", 5000) + "\n" + lines[1] // no final newline
	rd := NewReader(strings.NewReader(in), "out.jsonl")
	rd.Max = 4096
	type event struct {
		path string
		line int
		err  string
	}
	var got []event
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		var le *LineError
		switch {
		case errors.As(err, &le):
			got = append(got, event{line: le.Line, err: le.Error()})
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, event{path: rec.Path, line: rd.Line()})
		}
	}
	want := []event{
		{path: "a.txt", line: 1},
		{line: 2, err: "out.jsonl:2: not a record"},
		{line: 4, err: "out.jsonl:4: line longer than 4096 bytes"},
		{path: "b.txt", line: 5},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].path != want[i].path || got[i].line != want[i].line || !strings.HasPrefix(got[i].err, want[i].err) {
			t.Errorf("event %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func FuzzDecode(f *testing.F) {
	x := defaultExtractor(f)
	rec, _, err := x.Read("a.txt", "a.txt", []byte("Plus de 3,9 millions de familles bénéficient de l'aide sociale directe."))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(mustLine(f, rec))
	f.Add([]byte(`{"v":1}`))
	f.Add([]byte(`{"v":1,"path":"a","facts":[{"value":1e400}]}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		r, err := Decode(line)
		if err != nil {
			return
		}
		// What Decode accepts, it can write back and read again the same.
		b, err := r.AppendJSON(nil)
		if err != nil {
			return // invalid UTF-8 that JSON decoding replaced is refused on writing
		}
		r2, err := Decode(b)
		if err != nil {
			t.Fatalf("re-decoding %q: %v", b, err)
		}
		if !reflect.DeepEqual(r, r2) {
			t.Fatalf("round trip changed %+v into %+v", r, r2)
		}
	})
}

// wholeJSON is a record's line as encoding/json writes it whole, the bytes
// WriteJSON writes piece by piece.
func wholeJSON(t *testing.T, r *Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteJSONPieceByPiece(t *testing.T) {
	max := 3.5
	fact := extract.Fact{Programme: "amo_tadamon", Metric: "beneficiaries", Unit: "persons", Value: 11e6, ValueMax: &max,
		Span: "11 millions", Start: 3, End: 14, Quote: "<b>« 11 millions »</b> & plus", Rule: "r/x", Why: "\u2028\t\"x\""}
	body := strings.Repeat("L'AMO « Tadamon » couvre <11> & plus\u2028 de 11 millions\t\"d'assurés\"\\ ; 𝄞 é\n", 40)
	tests := []struct {
		name string
		rec  Record
	}{
		{"no facts", Record{V: Version, Path: "a.txt", Body: body}},
		{"empty facts", Record{V: Version, Path: "a.txt", Body: body, Facts: []extract.Fact{}}},
		{"facts", Record{V: Version, Path: "dir/<b>.txt", Title: "Titre & « guillemets »", Body: body, Facts: []extract.Fact{fact, fact}}},
		{"empty body", Record{V: Version, Path: "a.txt", Facts: []extract.Fact{fact}}},
	}
	defer func(n int) { bodySlice = n }(bodySlice)
	for _, n := range []int{1, 2, 3, 7, 64 << 10} {
		bodySlice = n
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/slices of %d", tt.name, n), func(t *testing.T) {
				var got bytes.Buffer
				if err := tt.rec.WriteJSON(&got); err != nil {
					t.Fatal(err)
				}
				if want := wholeJSON(t, &tt.rec); !bytes.Equal(got.Bytes(), want) {
					t.Errorf("WriteJSON wrote\n%s\nencoding/json writes\n%s", got.Bytes(), want)
				}
			})
		}
	}
}

func TestWriteJSONRefusesBeforeWriting(t *testing.T) {
	nan := math.NaN()
	for _, r := range []Record{
		{V: Version, Path: "a.txt", Body: "ok", Facts: []extract.Fact{{Value: math.Inf(1)}}},
		{V: Version, Path: "a.txt", Body: "ok", Facts: []extract.Fact{{Value: 1, ValueMax: &nan}}},
		{V: Version, Path: "a.txt", Body: "bad \xff"},
	} {
		var got bytes.Buffer
		if err := r.WriteJSON(&got); err == nil || got.Len() > 0 {
			t.Errorf("record %+v: wrote %q, err %v; want nothing written and an error", r, got.Bytes(), err)
		}
	}
}
