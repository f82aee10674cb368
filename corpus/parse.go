package corpus

import "errors"

// Parse cleans one file's raw bytes; name's extension chooses HTML (.html,
// .htm) or text. SKELETON: being written.
func Parse(name string, raw []byte) (*Document, error) {
	return nil, errors.New("corpus: not implemented yet")
}
