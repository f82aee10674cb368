package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf8"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
)

// Version is the version of the record format that this faits writes and
// reads. Any change to Record's fields or their meaning bumps it, and Decode
// refuses a record of another version rather than guess at it.
const Version = 1

// Record is one article file as the map stage read it: everything the store
// needs to hold the document and its facts, and nothing that depends on the
// store. On the wire it is one JSON object on one line ("JSON Lines"), with
// the field names below; the facts are extract.Fact records, each with its
// source (span, byte offsets into body, sentence, rule).
type Record struct {
	// V is the format version (Version).
	V int `json:"v"`
	// Path is the document's name in the store: the file's path relative to
	// the folder given to extract (its base name for a file argument), with
	// forward slashes.
	Path string `json:"path"`
	// FileSHA256 is the SHA-256 of the file's raw bytes, in hex.
	FileSHA256 string `json:"file_sha256"`
	// Rules is the fingerprint of the rules that read the facts (RulesID).
	Rules string `json:"rules"`
	// DocSHA256 is the SHA-256 of Body, in hex: the document's identity in
	// the store, and a check that the line arrived whole.
	DocSHA256 string `json:"doc_sha256"`
	// Title, Site, Author, URL, Published and PublishedFrom are the page's
	// metadata as corpus.Document gives it.
	Title         string `json:"title"`
	Site          string `json:"site"`
	Author        string `json:"author"`
	URL           string `json:"url"`
	Published     string `json:"published"`
	PublishedFrom string `json:"published_from"`
	// Body is the clean article text; facts' offsets index it.
	Body string `json:"body"`
	// Facts are the facts read from Body, in the order the rules gave them.
	Facts []extract.Fact `json:"facts"`
}

// Document returns the record's clean document, as corpus.Parse gave it
// (File is the record's Path).
func (r *Record) Document() *corpus.Document {
	return &corpus.Document{
		File: r.Path, Title: r.Title, Site: r.Site, Author: r.Author, URL: r.URL,
		Published: r.Published, PublishedFrom: r.PublishedFrom, Body: r.Body,
	}
}

// FileKey is the file hash the store keeps for the record (the raw hash and
// the rules' fingerprint), as "faits ingest" spells it: a file loaded from
// a record and then ingested unchanged is skipped, and the other way round.
func (r *Record) FileKey() string { return fileKey(r.FileSHA256, r.Rules) }

// AppendJSON appends the record's line (JSON and a newline) to b. It fails
// on text that is not valid UTF-8, which JSON cannot carry unchanged (corpus
// never gives such text; a record built by hand might), and on a value JSON
// cannot write (NaN, an infinity); b is then returned as it was.
func (r *Record) AppendJSON(b []byte) ([]byte, error) {
	buf := bytes.NewBuffer(b)
	if err := r.WriteJSON(buf); err != nil {
		return b, err
	}
	return buf.Bytes(), nil
}

// WriteJSON writes the record's line, the bytes AppendJSON appends, to w
// piece by piece: the body in slices and the facts one by one, so that a
// long article's line is never held whole (it is about twice its text:
// issue 15). A record that cannot be written (see AppendJSON) is refused
// before anything is written; an error of w's is returned as it is.
func (r *Record) WriteJSON(w io.Writer) error {
	for _, s := range []string{r.Path, r.Title, r.Site, r.Author, r.URL, r.Published, r.PublishedFrom, r.Body} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("record %s: text is not valid UTF-8", r.Path)
		}
	}
	for i := range r.Facts {
		f := &r.Facts[i]
		if !finite(f.Value) || f.ValueMax != nil && !finite(*f.ValueMax) {
			return fmt.Errorf("record %s: fact %d: value is not a finite number", r.Path, i)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Article text is full of & and quotes in <…>: left as they are, lines
	// stay readable and shorter.
	enc.SetEscapeHTML(false)
	// Everything but the body and the facts, which close the object.
	head := *r
	head.Body, head.Facts = "", nil
	if err := enc.Encode(&head); err != nil {
		return fmt.Errorf("record %s: %w", r.Path, err)
	}
	const tail = `"body":"","facts":null}` + "\n"
	line := buf.Bytes()
	if !bytes.HasSuffix(line, []byte(tail)) {
		return fmt.Errorf("record %s: body and facts are not the last fields", r.Path)
	}
	if _, err := w.Write(append(line[:len(line)-len(tail)], `"body":"`...)); err != nil {
		return err
	}
	// A string's JSON escapes each rune alone: written in slices cut
	// between runes, it is the same bytes as written whole.
	body := r.Body
	for len(body) > 0 {
		n := min(len(body), bodySlice)
		for n < len(body) && !utf8.RuneStart(body[n]) {
			n--
		}
		if n == 0 { // a slice shorter than the first rune
			_, n = utf8.DecodeRuneInString(body)
		}
		buf.Reset()
		if err := enc.Encode(body[:n]); err != nil {
			return fmt.Errorf("record %s: %w", r.Path, err)
		}
		// Without its quotes and the newline Encode ends with.
		if _, err := w.Write(buf.Bytes()[1 : buf.Len()-2]); err != nil {
			return err
		}
		body = body[n:]
	}
	if r.Facts == nil {
		_, err := io.WriteString(w, `","facts":null}`+"\n")
		return err
	}
	if _, err := io.WriteString(w, `","facts":[`); err != nil {
		return err
	}
	for i := range r.Facts {
		buf.Reset()
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(&r.Facts[i]); err != nil {
			return fmt.Errorf("record %s: %w", r.Path, err)
		}
		if _, err := w.Write(buf.Bytes()[:buf.Len()-1]); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]}\n")
	return err
}

// bodySlice is how many bytes of a body WriteJSON escapes at a time.
var bodySlice = 64 << 10

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Decode parses one line (with or without its newline) and checks it: the
// version, the names and hashes, and that the body is the one DocSHA256
// names. Whether the facts' spans are the body's text is checked by the
// store when the record is written.
func Decode(line []byte) (*Record, error) {
	var r Record
	if err := json.Unmarshal(line, &r); err != nil {
		return nil, fmt.Errorf("not a record: %w", err)
	}
	switch {
	case r.V != Version:
		return nil, fmt.Errorf("record version %d, this faits reads version %d", r.V, Version)
	case r.Path == "":
		return nil, errors.New(`no "path"`)
	case !isHex(r.FileSHA256, 64):
		return nil, fmt.Errorf(`"file_sha256" %q is not 64 hex digits`, r.FileSHA256)
	case !isHex(r.DocSHA256, 64):
		return nil, fmt.Errorf(`"doc_sha256" %q is not 64 hex digits`, r.DocSHA256)
	}
	if h := sha256.Sum256([]byte(r.Body)); hex.EncodeToString(h[:]) != r.DocSHA256 {
		return nil, fmt.Errorf(`"body" does not hash to "doc_sha256" (line cut or edited?)`)
	}
	return &r, nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// MaxLine is the longest line a Reader accepts by default: far above any
// article (the longest page of the test corpora gives lines under 1 MB),
// low enough that a file that is not JSON Lines cannot fill the memory.
const MaxLine = 64 << 20

// LineError is a line that is not a valid record: where it is and why.
type LineError struct {
	Name string // the input's name, as given to NewReader
	Line int    // 1-based
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Reader reads records from JSON Lines input, one by one, so that a load
// holds one document in memory at a time.
type Reader struct {
	name string
	br   *bufio.Reader
	line int
	// Max is the longest line accepted (MaxLine when 0); a longer one is
	// skipped with a LineError.
	Max int
}

// NewReader reads records from r; name (a file name, or "-") is used in
// errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{name: name, br: bufio.NewReaderSize(r, 1<<20)}
}

// Line is the number of the line Next last read (1-based).
func (r *Reader) Line() int { return r.line }

// Next returns the next record. A bad line gives a *LineError and the next
// call goes on with the line after it; blank lines are skipped; the end of
// the input gives io.EOF. Any other error (reading the input) is final.
func (r *Reader) Next() (*Record, error) {
	max := r.Max
	if max <= 0 {
		max = MaxLine
	}
	for {
		line, tooLong, err := r.readLine(max)
		if err != nil && (err != io.EOF || len(line) == 0 && !tooLong) {
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("read %s: %w", r.name, err)
		}
		r.line++
		if tooLong {
			return nil, &LineError{r.name, r.line, fmt.Errorf("line longer than %d bytes", max)}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				return nil, io.EOF
			}
			continue
		}
		rec, derr := Decode(line)
		if derr != nil {
			return nil, &LineError{r.name, r.line, derr}
		}
		return rec, nil
	}
}

// readLine returns the next line without its newline; past max bytes it
// reads on to the newline, keeping nothing, and says so. err is io.EOF
// for a last line without a newline (line may then hold it).
func (r *Reader) readLine(max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		frag, err := r.br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(frag) > max+1 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, frag...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil:
			return buf, tooLong, err
		}
		return bytes.TrimSuffix(buf, []byte("\n")), tooLong, nil
	}
}
