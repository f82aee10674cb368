package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// flagSet is a command's flags: flags may come before, between or after
// the positional arguments (faits ingest DIR --force), -h prints the usage
// to standard output, and a mistake prints it to standard error.
type flagSet struct {
	*flag.FlagSet
	env  *Env
	line string
	pos  []string
}

// newFlags returns a flag set whose usage line is usageLine.
func newFlags(name, usageLine string, env *Env) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), env: env, line: usageLine}
	fs.SetOutput(env.Stderr)
	fs.FlagSet.Usage = func() {} // parseFlags prints it, where it belongs
	return fs
}

// Usage prints the usage line and the flags to standard error.
func (fs *flagSet) Usage() { fs.printUsage(fs.env.Stderr) }

func (fs *flagSet) printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: faits "+fs.line)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(fs.env.Stderr)
}

// Args, NArg and Arg are the positional arguments, wherever they stood
// among the flags.
func (fs *flagSet) Args() []string { return fs.pos }
func (fs *flagSet) NArg() int      { return len(fs.pos) }
func (fs *flagSet) Arg(i int) string {
	if i < 0 || i >= len(fs.pos) {
		return ""
	}
	return fs.pos[i]
}

// parseFlags parses args. With -h it prints the usage to standard output
// and returns done=true and a nil error (exit status 0); a mistake returns
// done=true and a usage error whose message flag already printed.
func parseFlags(fs *flagSet, args []string) (done bool, err error) {
	_, done, err = parseInterspersed(fs, args)
	return done, err
}

// parseInterspersed is parseFlags that also returns the positional
// arguments; "--" ends the flags.
func parseInterspersed(fs *flagSet, args []string) (pos []string, done bool, err error) {
	fs.pos = nil
	for {
		if err := fs.FlagSet.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.printUsage(fs.env.Stdout)
				return nil, true, nil
			}
			fs.Usage()
			return nil, true, errShown
		}
		args = fs.FlagSet.Args()
		if len(args) == 0 {
			return fs.pos, false, nil
		}
		if args[0] == "--" {
			fs.pos = append(fs.pos, args[1:]...)
			return fs.pos, false, nil
		}
		fs.pos = append(fs.pos, args[0])
		args = args[1:]
	}
}

// errShown is a command-line mistake already explained on standard error
// (exit status 2, nothing more printed).
var errShown = &usageError{errReported}

// usagef is a command-line mistake (exit status 2) that says what is wrong
// and nothing more: errors.Is finds errUsage, the text does not show it.
func usagef(format string, a ...any) error {
	return &usageError{fmt.Errorf(format, a...)}
}

type usageError struct{ err error }

func (e *usageError) Error() string   { return e.err.Error() }
func (e *usageError) Unwrap() []error { return []error{e.err, errUsage} }
