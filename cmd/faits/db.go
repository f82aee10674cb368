package main

import (
	"flag"
	"os/user"
)

// defaultDB is the store used when neither --db nor FAITS_DB names one.
const defaultDB = "faits.db"

// dbFlag registers --db on fs; resolve the returned pointer with dbPath.
func dbFlag(fs *flagSet) *string {
	return fs.String("db", "", "path of the fact store (default $FAITS_DB or "+defaultDB+")")
}

// dbPath applies the precedence --db, then $FAITS_DB, then faits.db.
func dbPath(flagValue string, env *Env) string {
	if flagValue != "" {
		return flagValue
	}
	if v := env.Getenv("FAITS_DB"); v != "" {
		return v
	}
	return defaultDB
}

// fromEnv gives *dst the value of the environment variable name when the
// flag was not given on the command line: every flag that several commands
// share has one (FAITS_DB, FAITS_RULES, FAITS_EDITOR, FAITS_TOKEN,
// FAITS_ADDR), so that a shell sets it once for the day.
func fromEnv(fs *flagSet, flagName, name string, dst *string) {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == flagName })
	if !given {
		if v := fs.env.Getenv(name); v != "" {
			*dst = v
		}
	}
}

// whoAmI names the person at the keyboard: $USER, else the operating
// system's account name (a cron job or a container may leave $USER unset).
func whoAmI(env *Env) string {
	if u := env.Getenv("USER"); u != "" {
		return u
	}
	if u, err := currentUser(); err == nil && u.Username != "" {
		return u.Username
	}
	return ""
}

// currentUser is user.Current, replaced in tests.
var currentUser = user.Current
