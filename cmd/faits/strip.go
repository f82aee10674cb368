package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/faits/faits/corpus"
)

func init() {
	register("strip", "print the clean article text (or --json metadata) of files", runStrip)
}

// stripRecord is the --json line: the fields a user checks when deciding
// whether boilerplate removal went right.
type stripRecord struct {
	File          string `json:"file"`
	Title         string `json:"title"`
	Site          string `json:"site"`
	Author        string `json:"author"`
	Published     string `json:"published"`
	PublishedFrom string `json:"published_from"`
	Body          string `json:"body"`
}

func runStrip(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("strip", "strip [--json] [--max-bytes N] FILE...", env)
	asJSON := fset.Bool("json", false, "print one JSON object a line: file, title, site, author, published, published_from, body")
	maxBytes := maxBytesFlag(fset)
	if done, err := parseFlags(fset, args); done {
		return err
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return usagef("strip: no file given")
	}
	files, errs := corpus.Files(fset.Args())
	failed := len(errs) > 0
	for _, err := range errs {
		fmt.Fprintln(env.Stderr, "faits strip:", err)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := stripFile(f.Path, readLimit(flagMaxBytes(*maxBytes)))
		if err != nil {
			fmt.Fprintln(env.Stderr, "faits strip:", err)
			failed = true
			continue
		}
		if *asJSON {
			rec := stripRecord{File: doc.File, Title: doc.Title, Site: doc.Site, Author: doc.Author,
				Published: doc.Published, PublishedFrom: doc.PublishedFrom, Body: doc.Body}
			if err := enc.Encode(rec); err != nil {
				return fmt.Errorf("strip: write: %w", err)
			}
			continue
		}
		// The text is for a person: control characters a scraped page
		// carried are shown escaped, as in facts (tabs and newlines kept).
		if err := writeBody(&termWriter{w: env.Stdout, message: true}, doc, i > 0, len(files) > 1); err != nil {
			return fmt.Errorf("strip: write: %w", err)
		}
	}
	if failed {
		return errReported
	}
	return nil
}

func stripFile(path string, maxBytes int64) (*corpus.Document, error) {
	raw, err := corpus.ReadFile(path, maxBytes)
	if err != nil {
		return nil, err // corpus names the file
	}
	return corpus.Parse(path, raw)
}

// writeBody prints a body; with several files each is headed by its name so
// the output can be read back file by file.
func writeBody(w io.Writer, doc *corpus.Document, sep, header bool) error {
	if sep {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	if header {
		if _, err := fmt.Fprintf(w, "==> %s <==\n", doc.File); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, doc.Body)
	return err
}
