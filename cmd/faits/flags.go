package main

import (
	"errors"
	"flag"
	"fmt"
)

// newFlags returns a flag set that reports to env.Stderr and whose usage
// line is usageLine; parseFlags turns its errors into errUsage.
func newFlags(name, usageLine string, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: faits "+usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; -h is not an error (the usage was printed), so it
// returns done=true and a nil error.
func parseFlags(fs *flag.FlagSet, args []string) (done bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return true, fmt.Errorf("%s: %w", fs.Name(), errUsage)
	}
	return false, nil
}

// usagef is a command-line mistake (exit status 2) that says what is wrong
// and nothing more: errors.Is finds errUsage, the text does not show it.
func usagef(format string, a ...any) error {
	return &usageError{fmt.Errorf(format, a...)}
}

type usageError struct{ err error }

func (e *usageError) Error() string   { return e.err.Error() }
func (e *usageError) Unwrap() []error { return []error{e.err, errUsage} }
