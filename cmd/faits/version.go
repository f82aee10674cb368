package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

func init() {
	register("version", "print faits's version, the commit it was built from and the Go release", runVersion)
}

func runVersion(ctx context.Context, args []string, env *Env) error {
	fs := newFlags("version", "version", env)
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("version: unexpected argument %q", fs.Arg(0))
	}
	_, err := fmt.Fprintln(env.Stdout, versionLine())
	return err
}

// versionLine is "faits VERSION (commit REV[, modified], GOVERSION)": the
// module version go install recorded ("(devel)" for a build in a checkout),
// and the commit the build embedded.
func versionLine() string {
	v, rev, modified := "(devel)", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	line := "faits " + v + " ("
	if rev != "" {
		line += "commit " + rev
		if modified {
			line += ", modified"
		}
		line += ", "
	}
	return line + runtime.Version() + ")"
}
