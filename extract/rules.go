package extract

import "errors"

// Rules is a loaded, compiled rules file. It is safe for concurrent use.
type Rules struct{}

// Input is one document's clean text and what the rules need to know of it.
type Input struct {
	// Text is the clean body; every Fact span is a byte offset into it.
	Text string
	// Published is the publication date (ISO partial) or "": the default
	// as_of and the reference for relative dates.
	Published string
	// Title is the article's title, or "".
	Title string
}

// Warning reports a rule that gave up on a text (a match timeout).
type Warning struct {
	Rule   string
	Offset int
	Msg    string
}

func (w Warning) Error() string { return w.Rule + ": " + w.Msg }

// Default returns the rules embedded in the binary.
func Default() (*Rules, error) { return nil, errors.New("extract: not implemented yet") }

// Load reads and compiles a rules file.
func Load(path string) (*Rules, error) { return nil, errors.New("extract: not implemented yet") }

// Extract reads every fact the rules find in in.
func (r *Rules) Extract(in Input) ([]Fact, []Warning) { return nil, nil }
