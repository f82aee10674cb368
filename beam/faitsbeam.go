// Package faitsbeam is faits's map stage on Apache Beam: it reads article
// files on the workers of a Beam runner (Flink, Spark, Dataflow, or prism
// on one machine), runs the same per-document code as "faits ingest"
// (package pipeline: corpus → normalize → extract) in a DoFn, and writes the
// JSON lines that "faits load" merges into the store.
//
// It lives in its own Go module so that the faits binary does not carry
// the Beam SDK and its dependencies.
package faitsbeam

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	// Local paths always work; beamx (cmd/faits-beam) adds gs://.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/pipeline"
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(string), error](&extractFn{})
	register.Emitter1[string]()
}

// Options say what the map stage reads and writes.
type Options struct {
	// Inputs are file globs (local paths, or gs:// where the runner has
	// that filesystem). Only .txt, .html and .htm files are read, as
	// "faits ingest" does.
	Inputs []string
	// Base is the folder the documents are named relative to (the folder
	// one would give to "faits ingest"); "" names each by its base name,
	// as ingest does for a file argument.
	Base string
	// RulesName and RulesYAML are the rules file's name and content; the
	// content travels to the workers with the DoFn. Empty: the embedded
	// default rules.
	RulesName string
	RulesYAML []byte
	// Output is the JSON Lines file written (one file; its line order is
	// the runner's, which does not change the store "faits load" builds).
	Output string
}

// Build adds the map stage to s.
func Build(s beam.Scope, opt Options) error {
	if len(opt.Inputs) == 0 || opt.Output == "" {
		return fmt.Errorf("faitsbeam: no input or no output")
	}
	// Fail at construction, not on every worker, when the rules are bad.
	if _, err := newExtractor(opt.RulesName, opt.RulesYAML); err != nil {
		return err
	}
	s = s.Scope("faits")
	globs := beam.Create(s, toAny(opt.Inputs)...)
	files := fileio.ReadMatches(s, fileio.MatchAll(s, globs))
	lines := beam.ParDo(s, &extractFn{Base: opt.Base, RulesName: opt.RulesName, RulesYAML: opt.RulesYAML}, files)
	textio.Write(s, opt.Output, lines)
	return nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func newExtractor(name string, rulesYAML []byte) (*pipeline.Extractor, error) {
	if len(rulesYAML) == 0 {
		return pipeline.Default()
	}
	return pipeline.Parse(name, rulesYAML)
}

// extractFn is the DoFn: one file in, its record's line out. Its exported
// fields are what is shipped to the workers.
type extractFn struct {
	Base      string `json:"base"`
	RulesName string `json:"rules_name"`
	RulesYAML []byte `json:"rules_yaml"`

	x *pipeline.Extractor
}

// Setup compiles the rules once per DoFn instance on a worker.
func (fn *extractFn) Setup() error {
	x, err := newExtractor(fn.RulesName, fn.RulesYAML)
	if err != nil {
		return err
	}
	fn.x = x
	return nil
}

var (
	filesRead   = beam.NewCounter("faits", "files")
	filesFailed = beam.NewCounter("faits", "failed")
	filesOther  = beam.NewCounter("faits", "not_articles")
	factsRead   = beam.NewCounter("faits", "facts")
)

// ProcessElement reads one file. A file that cannot be read or parsed is
// logged with the reason and counted ("faits/failed"), and the bundle goes
// on: failing the bundle would make the runner retry a file that fails the
// same way every time.
func (fn *extractFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(string)) error {
	p := f.Metadata.Path
	if !corpus.IsArticle(p) {
		filesOther.Inc(ctx, 1)
		return nil
	}
	filesRead.Inc(ctx, 1)
	raw, err := f.Read(ctx)
	if err != nil {
		filesFailed.Inc(ctx, 1)
		log.Errorf(ctx, "faits: read %s: %v", p, err)
		return nil
	}
	rec, warnings, err := fn.x.Read(p, Rel(fn.Base, p), raw)
	if err != nil {
		filesFailed.Inc(ctx, 1)
		log.Errorf(ctx, "faits: %v", err)
		return nil
	}
	for _, w := range warnings {
		log.Warnf(ctx, "faits: %s: warning: rule %s at byte %d: %s", p, w.Rule, w.Offset, w.Msg)
	}
	line, err := rec.AppendJSON(nil)
	if err != nil {
		filesFailed.Inc(ctx, 1)
		log.Errorf(ctx, "faits: %s: %v", p, err)
		return nil
	}
	factsRead.Inc(ctx, int64(len(rec.Facts)))
	emit(strings.TrimSuffix(string(line), "\n")) // textio.Write adds it
	return nil
}

// Rel is the document name of the file at p: its path relative to base,
// with forward slashes, as corpus.Files names a file found under a folder
// argument; its base name when base is "" or does not contain p.
func Rel(base, p string) string {
	if base != "" {
		if strings.Contains(base, "://") {
			// Object stores: plain string prefixes with forward slashes.
			if r, ok := strings.CutPrefix(p, strings.TrimSuffix(base, "/")+"/"); ok {
				return r
			}
			return path.Base(p)
		}
		if r, err := filepath.Rel(base, p); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(r)
		}
	}
	if strings.Contains(p, "://") {
		return path.Base(p)
	}
	return filepath.Base(p)
}
