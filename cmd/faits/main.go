// Command faits turns folders of French press articles into a store of
// reviewed, deduplicated facts, each traceable to the sentence it came from.
//
// main only calls Run; each subcommand lives in its own file and wires the
// library stages (corpus, normalize, extract, store, serve) together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	if err := Run(ctx, os.Args[1:], env); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "faits:", termString(err.Error()))
		}
		os.Exit(exitCode(err))
	}
}

// Env is what a subcommand may touch of the outside world, so that tests can
// run the command in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// errReported marks an error whose details were already printed (for
// example per-file ingest failures): main only sets the exit status.
var errReported = errors.New("errors were reported")

// errUsage marks a command-line mistake (exit status 2).
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, env *Env) error
}

// commands is filled by each subcommand file's init, so that adding a
// subcommand touches one file.
var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, args []string, env *Env) error) {
	commands[name] = command{summary: summary, run: run}
}

// Run executes the faits command line args (without the program name).
func Run(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 {
		usage(env.Stderr)
		return errShown
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		if len(args) > 1 { // faits help COMMAND
			if c, ok := commands[args[1]]; ok {
				return c.run(ctx, []string{"-h"}, env)
			}
		}
		usage(env.Stdout)
		return nil
	}
	// Whatever a command says on standard error (a file's name, a reason
	// quoting its text, an editor's note) passes termString, so that no
	// scraped byte can retitle or clear the terminal; the progress bar
	// reaches the terminal beneath (rawWriter).
	if _, ok := env.Stderr.(*termWriter); !ok {
		e := *env
		e.Stderr = &termWriter{w: env.Stderr, message: true}
		env = &e
	}
	cmd, ok := commands[args[0]]
	if !ok {
		usage(env.Stderr)
		return usagef("unknown command %q", args[0])
	}
	return cmd.run(ctx, args[1:], env)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: faits COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'faits COMMAND -h' for a command's flags.")
}
