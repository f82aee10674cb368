package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/faits/faits/normalize"
)

func init() {
	register("normalize", "print the figures, amounts, percentages and dates of each stdin line as JSON", runNormalize)
}

// runNormalize reads one case per line on stdin and prints, per line, one
// JSON array of the expressions normalize.Scan finds in it.
func runNormalize(ctx context.Context, args []string, env *Env) error {
	fs := newFlags("normalize", "normalize [--ref YYYY-MM-DD] < lines", env)
	refFlag := fs.String("ref", "", "reference `date` (YYYY-MM-DD) for relative dates such as \"janvier dernier\"")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usagef("normalize: unexpected argument %q", fs.Arg(0))
	}
	opts := &normalize.Options{}
	if *refFlag != "" {
		ref, err := time.Parse("2006-01-02", *refFlag)
		if err != nil {
			return usagef("normalize: --ref %q is not a date: write it YYYY-MM-DD (2025-02-17)", *refFlag)
		}
		opts.Ref = ref
	}
	in := bufio.NewReaderSize(env.Stdin, 64<<10)
	out := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("normalize: %w", err)
		}
		line, err := in.ReadString('\n')
		if line != "" || err == nil {
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			exprs := normalize.Scan(line, opts)
			if exprs == nil {
				exprs = []normalize.Expr{}
			}
			if encErr := enc.Encode(exprs); encErr != nil {
				return fmt.Errorf("normalize: write: %w", encErr)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("normalize: read stdin: %w", err)
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("normalize: write: %w", err)
	}
	return nil
}
