package store

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
)

// Bodies are kept compressed (schema 3): French article text deflates to
// about a third, and the bodies are most of the file. A stored body is a
// format byte, then the data: bodyDeflate for DEFLATE (RFC 1951).
const bodyDeflate = 1

var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression)
	return w
}}

// packBody is the stored form of a clean text. Prepare calls it, in the
// workers, so that the writer does not compress.
func packBody(body string) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body)/2 + 16)
	buf.WriteByte(bodyDeflate)
	w := flaters.Get().(*flate.Writer)
	w.Reset(&buf)
	io.WriteString(w, body) // writes to a bytes.Buffer do not fail
	w.Close()
	flaters.Put(w)
	return buf.Bytes()
}

// unpackBody returns the text of a stored body.
func unpackBody(b []byte) (string, error) {
	if len(b) == 0 || b[0] != bodyDeflate {
		return "", fmt.Errorf("stored body in an unknown format")
	}
	r := flate.NewReader(bytes.NewReader(b[1:]))
	defer r.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("stored body: %w", err)
	}
	return string(out), nil
}
