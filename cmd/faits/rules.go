package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/faits/faits/extract"
)

func init() {
	register("rules", "check, test or print the extraction rules (check|test|print)", runRules)
}

func runRules(ctx context.Context, args []string, env *Env) error {
	const usageLine = "rules check|test|print [--rules FILE | FILE] [--json]"
	if len(args) == 0 || (args[0] != "check" && args[0] != "test" && args[0] != "print") {
		help := len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help")
		w := env.Stderr
		if help {
			w = env.Stdout
		}
		fmt.Fprintln(w, "usage: faits "+usageLine)
		fmt.Fprintln(w, "  check  report every problem of a rules file as file:line: reason")
		fmt.Fprintln(w, "  test   run every rule's examples and report failures by rule and line")
		fmt.Fprintln(w, "  print  write the embedded default rules, to start a file of your own")
		if help {
			return nil
		}
		if len(args) > 0 {
			return usagef("rules: unknown action %q (check, test or print)", args[0])
		}
		return errShown
	}
	verb := args[0]
	fs := newFlags("rules "+verb, usageLine, env)
	file := fs.String("rules", "", "rules file (default $FAITS_RULES, else the embedded rules)")
	asJSON := fs.Bool("json", false, "check: print the result as one JSON object")
	if done, err := parseFlags(fs, args[1:]); done {
		return err
	}
	// 'faits rules check my.yaml' names the file to check: read it, never
	// pass over it to check the embedded rules instead.
	// The file named wins over $FAITS_RULES.
	switch {
	case fs.NArg() > 1:
		return usagef("rules %s: one rules file at a time (got %d)", verb, fs.NArg())
	case fs.NArg() == 1 && *file != "":
		return usagef("rules %s: give the rules file once, as --rules FILE or as FILE", verb)
	case fs.NArg() == 1:
		*file = fs.Arg(0)
	default:
		fromEnv(fs, "rules", "FAITS_RULES", file)
	}
	if *asJSON && verb != "check" {
		return usagef("rules %s: --json is for rules check", verb)
	}
	if verb == "print" {
		data := extract.DefaultData()
		if *file != "" {
			var err error
			if data, err = os.ReadFile(*file); err != nil {
				return fmt.Errorf("rules print: %w", err)
			}
		}
		_, err := env.Stdout.Write(data)
		return err
	}
	rules, _, err := loadRules(*file)
	if err != nil {
		if *asJSON {
			var problems []string
			collectRuleErrors(&problems, err)
			if jerr := writeJSONLine(env.Stdout, rulesCheck{File: *file, OK: false, Problems: problems}); jerr != nil {
				return jerr
			}
		} else {
			printRuleErrors(env.Stderr, err)
		}
		return errReported
	}
	if verb == "check" && *asJSON {
		return writeJSONLine(env.Stdout, rulesCheck{File: rules.File, OK: true, Programmes: len(rules.Programmes()), Metrics: len(rules.Metrics()), Problems: []string{}})
	}
	if verb == "check" {
		fmt.Fprintf(env.Stdout, "%s: ok (%d programmes, %d metrics)\n", rules.File, len(rules.Programmes()), len(rules.Metrics()))
		return nil
	}
	passed, failures := rules.Test()
	for _, f := range failures {
		fmt.Fprintln(env.Stdout, f.Error())
	}
	fmt.Fprintf(env.Stdout, "%d passed, %d failed\n", passed, len(failures))
	if len(failures) > 0 {
		return errReported
	}
	return nil
}

// rulesCheck is rules check --json's answer.
type rulesCheck struct {
	File       string   `json:"file"`
	OK         bool     `json:"ok"`
	Programmes int      `json:"programmes"`
	Metrics    int      `json:"metrics"`
	Problems   []string `json:"problems"`
}

// collectRuleErrors lists the problems of a rules file, one a line.
func collectRuleErrors(out *[]string, err error) {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		for _, e := range joined.Unwrap() {
			collectRuleErrors(out, e)
		}
		return
	}
	*out = append(*out, err.Error())
}

// printRuleErrors writes one line per problem of a rules file.
func printRuleErrors(w io.Writer, err error) {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		for _, e := range joined.Unwrap() {
			printRuleErrors(w, e)
		}
		return
	}
	fmt.Fprintln(w, err)
}
