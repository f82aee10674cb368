package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Copy is one file of a document: two files with the same clean text (the
// same article saved twice, or run by two sites word for word) are one
// document, and each keeps where it came from.
type Copy struct {
	Doc       string `json:"doc"`
	Title     string `json:"title"`
	Site      string `json:"site"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// copies lists every file of d, in path order, from the files bucket,
// which keeps each copy's own metadata; nil for a document of one file
// (whose Source says it all already).
func copies(tx *bolt.Tx, d *Document) ([]Copy, error) {
	if len(d.Paths) < 2 {
		return nil, nil
	}
	out := make([]Copy, 0, len(d.Paths))
	files := tx.Bucket(bFiles)
	for _, p := range d.Paths {
		var f fileRec
		found, err := getJSON(files, []byte(p), &f)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("document %s: path %s has no file record", d.SHA256, p)
		}
		out = append(out, Copy{Doc: p, Title: f.Title, Site: f.Site, URL: f.URL, Published: f.Published})
	}
	return out, nil
}
