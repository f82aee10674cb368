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
	const usageLine = "rules check|test|print [--rules FILE]"
	if len(args) == 0 || (args[0] != "check" && args[0] != "test" && args[0] != "print") {
		fmt.Fprintln(env.Stderr, "usage: faits "+usageLine)
		fmt.Fprintln(env.Stderr, "  check  report every problem of a rules file as file:line: reason")
		fmt.Fprintln(env.Stderr, "  test   run every rule's examples and report failures by rule and line")
		fmt.Fprintln(env.Stderr, "  print  write the embedded default rules, to start a file of your own")
		return fmt.Errorf("rules: %w", errUsage)
	}
	verb := args[0]
	fs := newFlags("rules "+verb, usageLine, env)
	file := fs.String("rules", "", "rules file (default: the embedded rules)")
	if done, err := parseFlags(fs, args[1:]); done {
		return err
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
		printRuleErrors(env.Stderr, err)
		return errReported
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
