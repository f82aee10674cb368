package main

import (
	"fmt"

	"github.com/faits/faits/extract"
)

// warningText is how a command says an ingest warning after the file name:
// a rule's names the rule and the byte; a reading warning of corpus (no
// rule) is said as it is.
func warningText(w extract.Warning) string {
	if w.Rule == "" {
		return "warning: " + w.Msg
	}
	return fmt.Sprintf("warning: rule %s at byte %d: %s", w.Rule, w.Offset, w.Msg)
}
