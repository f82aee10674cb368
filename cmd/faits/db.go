package main

import "flag"

// defaultDB is the store used when neither --db nor FAITS_DB names one.
const defaultDB = "faits.db"

// dbFlag registers --db on fs; resolve the returned pointer with dbPath.
func dbFlag(fs *flag.FlagSet) *string {
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
