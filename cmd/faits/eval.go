package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/faits/faits/eval"
	"github.com/faits/faits/goldset"
	"github.com/faits/faits/store"
)

func init() {
	register("eval", "score the store against a gold file (precision, recall, F1)", runEval)
}

func runEval(ctx context.Context, args []string, env *Env) error {
	fset := newFlags("eval", "eval --gold FILE [--docs FILE] [--db PATH] [--status S] [--min-f1 X] [-v] [--json]\n       faits eval DIR [-v] [--model FILE | --rules-only]\n       faits eval --loso [-v] | --cv N DIR [-v]", env)
	db := dbFlag(fset)
	goldFile := fset.String("gold", "", "gold facts, one JSON object a line (testdata/gold/seeds.jsonl)")
	docsFile := fset.String("docs", "", "gold documents file: score only these documents (and those of the gold facts); without it every stored document is scored")
	status := fset.String("status", "", "score only facts with this status: "+fmt.Sprint(statuses))
	minF1 := fset.Float64("min-f1", 0, "fail (exit status 1) when F1 is below this")
	asJSON := fset.Bool("json", false, "print the scores (and with -v every error) as one JSON object")
	verbose := fset.Bool("v", false, "list every missed gold fact, every extra fact and every wrong as_of or qualifier, with its sentence")
	losoFlag := fset.Bool("loso", false, "leave one set out: for each gold set (testdata/ and "+defaultRealSet+"), train on the others, score it; a row per set and the mean F1")
	cv := fset.Int("cv", 0, "cross-validate on the set DIR: N folds by document name, each scored with a model trained on the other folds and every other set")
	rulesFile := fset.String("rules", env.Getenv("FAITS_RULES"), "rules file for DIR, --loso and --cv (default: the embedded rules)")
	modelFile := fset.String("model", env.Getenv("FAITS_MODEL"), "model file for DIR (default: the embedded model)")
	rulesOnly := fset.Bool("rules-only", false, "score DIR with the rules alone (no model)")
	tf := addTrainFlags(fset)
	if done, err := parseFlags(fset, args); done {
		return err
	}
	topt, err := tf.options()
	if err != nil {
		return err
	}
	if *losoFlag || *cv > 0 || (fset.NArg() == 1 && *goldFile == "") {
		rules, err := loadRulesModel(*rulesFile, *modelFile)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if *rulesOnly {
			rules = rules.WithModel(nil)
		}
		var mean float64
		switch {
		case *losoFlag:
			if fset.NArg() > 0 {
				return usagef("eval: --loso takes no DIR (it uses every gold set)")
			}
			sets, err := defaultSets()
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			if err := tf.weigh(sets); err != nil {
				return err
			}
			mean, err = loso(&termWriter{w: env.Stdout}, rules, sets, topt, *verbose)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
		case *cv > 0:
			if fset.NArg() != 1 {
				return usagef("eval: --cv N takes one set folder")
			}
			sets, err := defaultSets()
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			held, err := goldset.Load(fset.Arg(0))
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			var others []*goldset.Set
			for _, s := range sets {
				if s.Name != held.Name {
					others = append(others, s)
				}
			}
			if err := tf.weigh(append([]*goldset.Set{held}, others...)); err != nil {
				return err
			}
			mean, err = crossValidate(&termWriter{w: env.Stdout}, rules, held, others, *cv, topt, *verbose)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
		default:
			rep, err := evalSet(&termWriter{w: env.Stdout}, fset.Arg(0), rules, *verbose)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			mean = rep.F1()
		}
		if mean < *minF1 {
			return fmt.Errorf("eval: F1 %.3f is below --min-f1 %.3f", mean, *minF1)
		}
		return nil
	}
	if *goldFile == "" || fset.NArg() > 0 {
		fset.Usage()
		return usagef("eval: --gold FILE is required and takes no argument")
	}
	gold, err := readGold(*goldFile)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	var opt eval.Options
	if *docsFile != "" {
		docs, err := readGoldDocs(*docsFile)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		opt.Docs = make([]string, 0, len(docs))
		for _, d := range docs {
			opt.Docs = append(opt.Docs, d.Doc)
		}
	}
	filter, err := statusSince(*status, "")
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	st, err := openReader(dbPath(*db, env), "faits eval", env)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer st.Close()
	preds, err := predictions(st, filter)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	ingested, err := st.Files()
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	rep := eval.Score(gold, preds, opt)
	warnMissingDocs(env.Stderr, gold, opt.Docs, ingested)
	if opt.Docs == nil && len(rep.NoGold) > 0 {
		fmt.Fprintf(env.Stderr, "faits eval: %d stored documents have no gold fact, so all their facts count as false positives (give --docs FILE if the gold does not cover them): %s\n",
			len(rep.NoGold), strings.Join(rep.NoGold, ", "))
	}
	if len(rep.Unscored) > 0 {
		fmt.Fprintf(env.Stderr, "faits eval: %d documents with facts are not in %s and were not scored\n", len(rep.Unscored), *docsFile)
	}
	if *asJSON {
		if err := writeJSONLine(env.Stdout, jsonReport(rep, *verbose)); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	} else {
		w := &termWriter{w: env.Stdout}
		printReport(w, rep, *verbose)
		goldset.Classify(rep).Print(w, "errors by kind")
	}
	if rep.F1() < *minF1 {
		return fmt.Errorf("eval: F1 %.3f is below --min-f1 %.3f", rep.F1(), *minF1)
	}
	return nil
}

func readGold(path string) ([]eval.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	g, err := eval.ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return g, nil
}

func readGoldDocs(path string) ([]eval.DocInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("docs: %w", err)
	}
	defer f.Close()
	d, err := eval.ReadDocs(f)
	if err != nil {
		return nil, fmt.Errorf("docs %s: %w", path, err)
	}
	return d, nil
}

// predictions turns the store's facts into one prediction per fact and
// document name. A document stored under several paths (the same article
// under two file names) answers to each of its names.
func predictions(st factReader, f store.Filter) ([]eval.Prediction, error) {
	type read struct {
		p   eval.Prediction
		sha string
	}
	var reads []read
	err := eachFact(st, f, func(x store.Fact) error {
		for _, s := range x.Sources {
			q := s.Qualifier
			if q == "" || x.Status == store.StatusEdited {
				q = x.Qualifier // the editor's word wins over what was read
			}
			reads = append(reads, read{eval.Prediction{
				Doc: s.Doc, FactID: x.ID, Programme: x.Programme, Metric: x.Metric, Unit: x.Unit,
				Value: x.Value, ValueMax: x.ValueMax, AsOf: x.AsOf, Qualifier: q, Quote: s.Quote,
			}, s.DocSHA256})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Documents are looked up after the walk: EachFact holds a read
	// transaction that its callback must not nest.
	paths := map[string][]string{}
	var out []eval.Prediction
	for _, r := range reads {
		ps, ok := paths[r.sha]
		if !ok {
			d, err := st.Document(r.sha)
			if err != nil {
				return nil, err
			}
			ps = d.Paths
			paths[r.sha] = ps
		}
		out = append(out, r.p)
		seen := map[string]bool{eval.DocName(r.p.Doc): true}
		for _, path := range ps {
			if n := eval.DocName(path); !seen[n] {
				seen[n] = true
				p := r.p
				p.Doc = path
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// warnMissingDocs names the gold documents that were never ingested: their
// facts count as misses, and the cause is usually the wrong --db.
func warnMissingDocs(w io.Writer, gold []eval.Gold, docs []string, ingested []string) {
	have := map[string]bool{}
	for _, p := range ingested {
		have[eval.DocName(p)] = true
	}
	want := map[string]bool{}
	for _, g := range gold {
		want[eval.DocName(g.Doc)] = true
	}
	for _, d := range docs {
		want[eval.DocName(d)] = true
	}
	var missing []string
	for d := range want {
		if !have[d] {
			missing = append(missing, d)
		}
	}
	if len(missing) == 0 {
		return
	}
	slices.Sort(missing)
	fmt.Fprintf(w, "faits eval: %d gold documents were never ingested (their facts count as missed): %s\n", len(missing), strings.Join(missing, ", "))
}

// printReport prints the figures, then with verbose every error with its
// sentence, so that a person sees why.
func printReport(w io.Writer, r eval.Report, verbose bool) {
	fmt.Fprintf(w, "documents           %d (gold facts: %d required, %d optional)\n", r.Documents, r.Required, r.Optional)
	fmt.Fprintf(w, "predicted facts     %d (%d right, %d optional, %d extra)\n", r.Predicted, r.Matched, r.OptionalHits, len(r.Extras))
	fmt.Fprintf(w, "precision           %v\n", r.Precision)
	fmt.Fprintf(w, "recall              %v\n", r.Recall)
	fmt.Fprintf(w, "F1                  %.3f\n", r.F1())
	fmt.Fprintf(w, "as_of accuracy      %v\n", r.AsOf)
	fmt.Fprintf(w, "qualifier accuracy  %v\n", r.Qualifier)
	if !verbose {
		return
	}
	section := func(title string, n int) {
		if n > 0 {
			fmt.Fprintf(w, "\n%s (%d):\n", title, n)
		}
	}
	section("missed", len(r.Misses))
	for _, g := range r.Misses {
		fmt.Fprintf(w, "  %s  %s\n      « %s »\n", g.Doc, goldKey(g), g.Quote)
	}
	section("extra", len(r.Extras))
	for _, k := range r.Extras {
		fmt.Fprintf(w, "  %s  %s %s %s %s  [%s]\n      « %s »\n", k.Doc, k.Programme, k.Metric,
			frenchValue(k.Value, k.ValueMax), k.Unit, strings.Join(k.FactIDs, " "), k.Quote)
	}
	section("as_of wrong", len(r.AsOfWrong))
	for _, m := range r.AsOfWrong {
		want := strings.Join(append([]string{m.Gold.AsOf}, m.Gold.AsOfAlt...), " or ")
		fmt.Fprintf(w, "  %s  %s: want %s, got %s\n      « %s »\n", m.Gold.Doc, goldKey(m.Gold), want, quoteAll(m.Got), m.Gold.Quote)
	}
	section("qualifier wrong", len(r.QualifierWrong))
	for _, m := range r.QualifierWrong {
		fmt.Fprintf(w, "  %s  %s: want %s, got %s\n      « %s »\n", m.Gold.Doc, goldKey(m.Gold), m.Gold.Qualifier, quoteAll(m.Got), m.Gold.Quote)
	}
	if len(r.Unscored) > 0 {
		fmt.Fprintf(w, "\nnot scored (%d): %s\n", len(r.Unscored), strings.Join(r.Unscored, ", "))
	}
}

// evalJSON is eval --json's answer: the figures printReport prints, and
// with -v the errors it lists.
type evalJSON struct {
	Documents         int             `json:"documents"`
	Required          int             `json:"gold_required"`
	Optional          int             `json:"gold_optional"`
	Predicted         int             `json:"predicted"`
	Matched           int             `json:"right"`
	OptionalHits      int             `json:"optional_hits"`
	Extra             int             `json:"extra"`
	Precision         float64         `json:"precision"`
	Recall            float64         `json:"recall"`
	F1                float64         `json:"f1"`
	AsOfAccuracy      float64         `json:"as_of_accuracy"`
	QualifierAccuracy float64         `json:"qualifier_accuracy"`
	Misses            []eval.Gold     `json:"missed,omitempty"`
	Extras            []eval.Key      `json:"extras,omitempty"`
	AsOfWrong         []eval.Mismatch `json:"as_of_wrong,omitempty"`
	QualifierWrong    []eval.Mismatch `json:"qualifier_wrong,omitempty"`
	Unscored          []string        `json:"not_scored,omitempty"`
}

func jsonReport(r eval.Report, verbose bool) evalJSON {
	j := evalJSON{Documents: r.Documents, Required: r.Required, Optional: r.Optional, Predicted: r.Predicted,
		Matched: r.Matched, OptionalHits: r.OptionalHits, Extra: len(r.Extras),
		Precision: r.Precision.Value(), Recall: r.Recall.Value(), F1: r.F1(),
		AsOfAccuracy: r.AsOf.Value(), QualifierAccuracy: r.Qualifier.Value(), Unscored: r.Unscored}
	if verbose {
		j.Misses, j.Extras, j.AsOfWrong, j.QualifierWrong = r.Misses, r.Extras, r.AsOfWrong, r.QualifierWrong
	}
	return j
}

func goldKey(g eval.Gold) string {
	alt := func(id string, alts []string) string {
		if len(alts) == 0 {
			return id
		}
		return id + "|" + strings.Join(alts, "|")
	}
	return fmt.Sprintf("%s %s %s %s", alt(g.Programme, g.ProgrammeAlt), alt(g.Metric, g.MetricAlt), frenchValue(g.Value, g.ValueMax), g.Unit)
}

// quoteAll shows values so that an empty as_of is visible.
func quoteAll(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}
