// Command faits-beam runs faits's map stage (what "faits extract" does) as
// an Apache Beam pipeline, on any runner of the Beam Go SDK:
//
//	faits-beam --input 'corpus/*.html' --base corpus --output out.jsonl                 # prism, in process
//	faits-beam --runner flink --endpoint localhost:8099 --environment_type LOOPBACK ...
//	faits-beam --runner dataflow --project P --region R --staging_location gs://B/staging ...
//
// then "faits load out.jsonl" merges the lines into the store.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/faits/faits/beam"
)

type globs []string

func (g *globs) String() string     { return strings.Join(*g, ",") }
func (g *globs) Set(v string) error { *g = append(*g, v); return nil }

func main() {
	var inputs globs
	flag.Var(&inputs, "input", "glob of article files to read (repeat for more; local paths or gs://)")
	base := flag.String("base", "", "folder the documents are named relative to, as the folder given to 'faits ingest' (default: base names)")
	rules := flag.String("rules", "", "rules file replacing the embedded default rules")
	output := flag.String("output", "", "JSON Lines file to write, for 'faits load'")
	flag.Parse()
	beam.Init()
	if err := run(inputs, *base, *rules, *output); err != nil {
		fmt.Fprintln(os.Stderr, "faits-beam:", err)
		os.Exit(1)
	}
}

func run(inputs []string, base, rules, output string) error {
	if len(inputs) == 0 || output == "" {
		return fmt.Errorf("--input and --output are required")
	}
	opt := faitsbeam.Options{Inputs: inputs, Base: base, Output: output}
	if rules != "" {
		data, err := os.ReadFile(rules)
		if err != nil {
			return fmt.Errorf("rules: %w", err)
		}
		opt.RulesName, opt.RulesYAML = rules, data
	}
	p, s := beam.NewPipelineWithRoot()
	if err := faitsbeam.Build(s, opt); err != nil {
		return err
	}
	return beamx.Run(context.Background(), p)
}
