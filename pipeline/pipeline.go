// Package pipeline is the part of ingest that needs no store: the raw bytes
// of one article file become its clean document and the facts read from it
// (corpus → normalize → extract), as one Record. "faits ingest" writes the
// Record to the store at once; "faits extract" and the Beam pipeline (the
// beam/ module) print it as one JSON line, which "faits load" later writes
// to the store. Because all three call Extractor.Read, a store built from
// extract | load is the store ingest builds from the same files.
//
// The package is synchronous and holds no state beyond the rules: callers
// run as many Reads in parallel as they like (the rules are safe for
// concurrent use).
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
)

// Extractor reads article files with one set of rules.
type Extractor struct {
	rules   *extract.Rules
	rulesID string
}

// New returns an Extractor that reads with rules, whose content is
// identified by rulesID (RulesID of the rules file's bytes).
func New(rules *extract.Rules, rulesID string) *Extractor {
	return &Extractor{rules: rules, rulesID: rulesID}
}

// Default returns an Extractor with the rules embedded in faits.
func Default() (*Extractor, error) {
	return Parse(extract.DefaultRulesFile, extract.DefaultData())
}

// Parse returns an Extractor with the rules of a rules file's content
// (name is used in error messages). It is what a worker that was shipped
// the rules as bytes calls.
func Parse(name string, rulesYAML []byte) (*Extractor, error) {
	r, err := extract.Parse(name, rulesYAML)
	if err != nil {
		return nil, fmt.Errorf("rules %s: %w", name, err)
	}
	return New(r, RulesID(rulesYAML)), nil
}

// RulesID is the fingerprint of a rules file's content: 12 hex digits of
// its SHA-256. It goes into each record (Record.Rules) and into the file
// hash the store keeps, so that changed rules re-read unchanged files.
func RulesID(rulesYAML []byte) string {
	h := sha256.Sum256(rulesYAML)
	return hex.EncodeToString(h[:6])
}

// RulesID returns the fingerprint of the Extractor's rules.
func (e *Extractor) RulesID() string { return e.rulesID }

// Rules returns the Extractor's rules.
func (e *Extractor) Rules() *extract.Rules { return e.rules }

// FileKey is the hash the store keeps for a file's raw bytes read with the
// Extractor's rules (Record.FileKey of the record Read would give), for
// Store.Unchanged: computed without parsing, so that an unchanged file is
// skipped before the expensive stages.
func (e *Extractor) FileKey(raw []byte) string {
	return fileKey(rawHash(raw), e.rulesID)
}

// Read turns the raw bytes of the file at path into a Record named rel
// (the document's name in the store: the path relative to the folder the
// user gave). path chooses the parser (by extension) and names the file in
// errors. The warnings are the rules' (a sentence too long to read); they
// do not stop the file, and neither does a page with no article text (an
// empty Body, which callers report). A rule that runs out of its
// backtracking budget (extract.Warning.Fatal) is the file's error.
//
// A panic in a stage becomes Read's error: one odd article must not stop a
// batch of thousands, nor make a distributed runner retry it forever.
func (e *Extractor) Read(path, rel string, raw []byte) (rec *Record, warnings []extract.Warning, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, warnings, err = nil, nil, fmt.Errorf("%s: internal error: %v", path, p)
		}
	}()
	if rel == "" {
		return nil, nil, fmt.Errorf("%s: empty document name", path)
	}
	// Hashed first: raw is then no longer read, and the garbage collector
	// may free it while the text is read (a long file is held once, as
	// its text, not twice: issue 15).
	fileSHA := rawHash(raw)
	doc, err := corpus.Parse(path, raw)
	if err != nil {
		return nil, nil, err // corpus names the file
	}
	facts, warnings := e.rules.Extract(extract.Input{Text: doc.Body, Published: doc.Published, Title: doc.Title})
	if doc.Warning != "" {
		// corpus's, not a rule's: no rule name, no offset.
		warnings = append(warnings, extract.Warning{Offset: -1, Msg: doc.Warning})
	}
	for _, w := range warnings {
		if w.Fatal {
			// A rule ran out of its budget on this text: the file fails,
			// by name, rather than being kept as if the rule had not matched.
			return nil, nil, fmt.Errorf("%s: rule %s at byte %d: %s", path, w.Rule, w.Offset, w.Msg)
		}
	}
	h := sha256.Sum256([]byte(doc.Body))
	rec = &Record{
		V:             Version,
		Path:          rel,
		FileSHA256:    fileSHA,
		Rules:         e.rulesID,
		DocSHA256:     hex.EncodeToString(h[:]),
		Title:         doc.Title,
		Site:          doc.Site,
		Author:        doc.Author,
		URL:           doc.URL,
		Published:     doc.Published,
		PublishedFrom: doc.PublishedFrom,
		Body:          doc.Body,
		Facts:         facts,
	}
	if rec.Facts == nil {
		rec.Facts = []extract.Fact{}
	}
	return rec, warnings, nil
}

func rawHash(raw []byte) string {
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:])
}

// fileKey spells the store's file hash as ingest always has: the raw hash,
// then "+rules:" and the rules id when there is one.
func fileKey(rawSHA256, rulesID string) string {
	if rulesID == "" {
		return rawSHA256
	}
	return rawSHA256 + "+rules:" + rulesID
}
