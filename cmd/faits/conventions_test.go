package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// noAccount makes the system account unknown for the test, so that only
// --by, FAITS_EDITOR and $USER name an editor.
func noAccount(t *testing.T) {
	old := currentUser
	currentUser = func() (*user.User, error) { return nil, errors.New("no account") }
	t.Cleanup(func() { currentUser = old })
}

// TestHelpEverywhere: -h prints the usage to standard output and succeeds,
// for faits itself and every command.
func TestHelpEverywhere(t *testing.T) {
	names := []string{}
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, args := range append([][]string{{"-h"}, {"--help"}, {"help"}, {"help", "export"}}, func() [][]string {
		var out [][]string
		for _, n := range names {
			out = append(out, []string{n, "-h"}, []string{n, "--help"})
		}
		return out
	}()...) {
		out, stderr, err := run(t, nil, args...)
		if err != nil || stderr != "" || !strings.Contains(out, "usage: faits") {
			t.Errorf("%v: err %v, stderr %q, stdout %q", args, err, stderr, out)
		}
	}
	// A mistake shows the usage on standard error, exit status 2.
	_, stderr, err := run(t, nil, "export", "--bogus")
	if exitCode(err) != 2 || !strings.Contains(stderr, "usage: faits export") {
		t.Errorf("export --bogus: %v %q", err, stderr)
	}
}

// TestMessagesAreForPeople: a command-line mistake says what is wrong and
// nothing of the program's insides: no ": usage" tail, no Go type name, no
// Go time layout.
func TestMessagesAreForPeople(t *testing.T) {
	noAccount(t)
	db := syntheticStore(t)
	for _, args := range [][]string{
		{"bogus"},
		{"export", "--db", db, "--format", "xml"},
		{"export", "--db", db, "--since", "hier"},
		{"export", "--db", db, "--bom"},
		{"facts", "--db", db, "--status", "done"},
		{"ingest"},
		{"review", "--db", db, "f-1", "accept"},
		{"review", "--db", db, "f-1"},
		{"normalize", "--ref", "17/02/2025"},
		{"rules", "verify"},
		{"serve", "--addr", "0.0.0.0:0", "--db", db},
		{"eval", "--db", db},
		{"version", "extra"},
		{"serve", "--addr", "0.0.0.0:0", "--token", "a", "--db", db},
		{"ingest", "--db", db, "--max-bytes", "-5", "x"},
		{"rules", "check", "a.yaml", "b.yaml"},
		{"rules", "check", "a.yaml", "--rules", "b.yaml"},
	} {
		_, _, err := run(t, nil, args...)
		if exitCode(err) != 2 {
			t.Errorf("%v: exit %d (%v), want 2", args, exitCode(err), err)
			continue
		}
		if errors.Is(err, errReported) {
			continue // explained already, nothing more printed
		}
		msg := err.Error()
		for _, bad := range []string{": usage", "usage:", "2006", "strconv.", "*errors", "%!"} {
			if strings.Contains(msg, bad) {
				t.Errorf("%v: message %q contains %q", args, msg, bad)
			}
		}
	}
}

// TestFlagsAfterArguments: flags may follow the file arguments.
func TestFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	art := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(art, []byte("Titre\n\nLe RSU compte 5,3 millions de familles inscrites fin 2024.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, nil, "ingest", art, "--db", db); err != nil || !strings.Contains(stderr, "ingested 1 files (0 skipped, 0 failed)") {
		t.Fatalf("ingest FILE --db: %v %s", err, stderr)
	}
	if _, stderr, err := run(t, nil, "ingest", art, "--db", db); err != nil || !strings.Contains(stderr, "(1 skipped, 0 failed)") {
		t.Errorf("ingest again: %v %s", err, stderr)
	}
	// --force after the path is a flag, not a path: the file is read again.
	if _, stderr, err := run(t, nil, "ingest", art, "--db", db, "--force"); err != nil || !strings.Contains(stderr, "ingested 1 files (0 skipped, 0 failed)") {
		t.Errorf("ingest FILE --force: %v %s", err, stderr)
	}
	// After "--", a path that looks like a flag is a path.
	if _, stderr, err := run(t, nil, "ingest", "--db", db, "--", "--force"); err == nil || !strings.Contains(stderr, "1 failed") {
		t.Errorf("ingest -- --force: %v %s", err, stderr)
	}
}

// TestIngestCountsMissingPaths: a path that does not exist is a failure
// in the summary, not only a message.
func TestIngestCountsMissingPaths(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	out, stderr, err := run(t, nil, "ingest", "--db", db, "--json", filepath.Join(dir, "nowhere"), filepath.Join(dir, "nor-here.txt"))
	var sum ingestSummary
	if !errors.Is(err, errReported) || json.Unmarshal([]byte(out), &sum) != nil || sum.Failed != 2 || sum.Files != 2 {
		t.Errorf("missing paths: %v, summary %q (%+v)\n%s", err, out, sum, stderr)
	}
}

// TestExtractCountsMissingPaths: extract's summary counts a missing path
// as failed, as ingest's does.
func TestExtractCountsMissingPaths(t *testing.T) {
	_, stderr, err := run(t, nil, "extract", filepath.Join(t.TempDir(), "nowhere"))
	if !errors.Is(err, errReported) || !strings.Contains(stderr, "extracted 1 files (1 failed)") {
		t.Errorf("extract of a missing path: %v\n%s", err, stderr)
	}
}

// TestRulesCheckNamedFile: 'faits rules check FILE' checks FILE (it used
// to check the embedded rules and say ok, whatever FILE held).
func TestRulesCheckNamedFile(t *testing.T) {
	bad := tempFile(t, "bad.yaml", "programmes: [\n")
	for _, verb := range []string{"check", "test", "print"} {
		_, stderr, err := run(t, nil, "rules", verb, filepath.Join(t.TempDir(), "none.yaml"))
		if exitCode(err) != 1 || !strings.Contains(stderr+fmt.Sprint(err), "none.yaml") {
			t.Errorf("rules %s MISSING: %v %q", verb, err, stderr)
		}
	}
	_, stderr, err := run(t, nil, "rules", "check", bad)
	if exitCode(err) != 1 || !strings.Contains(stderr, "bad.yaml") {
		t.Errorf("rules check BROKEN: %v %q", err, stderr)
	}
	// A file named wins over FAITS_RULES.
	good := tempFile(t, "good.yaml", "")
	out, _, _ := run(t, nil, "rules", "print")
	if err := os.WriteFile(good, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = run(t, map[string]string{"FAITS_RULES": bad}, "rules", "check", good)
	if err != nil || !strings.HasPrefix(out, good+": ok") {
		t.Errorf("rules check GOOD with FAITS_RULES: %v %q", err, out)
	}
}

// TestJSONOutputs: --json on facts, eval, ingest's summary and rules check.
func TestJSONOutputs(t *testing.T) {
	db := syntheticStore(t)
	out, _, err := run(t, nil, "facts", "--db", db, "--json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if err != nil || len(lines) != 3 {
		t.Fatalf("facts --json: %v\n%s", err, out)
	}
	for _, l := range lines {
		var f struct {
			ID      string
			Sources []json.RawMessage
		}
		if err := json.Unmarshal([]byte(l), &f); err != nil || f.ID == "" || len(f.Sources) == 0 {
			t.Errorf("facts --json line %q: %v", l, err)
		}
	}
	out, _, err = run(t, nil, "eval", "--db", db, "--json", "-v", "--gold", tempFile(t, "g.jsonl", syntheticGold))
	var rep evalJSON
	if err != nil || json.Unmarshal([]byte(out), &rep) != nil || rep.Documents == 0 || rep.F1 <= 0 || rep.F1 > 1 {
		t.Errorf("eval --json: %v %s", err, out)
	}
	text, _, _ := run(t, nil, "eval", "--db", db, "--gold", tempFile(t, "g2.jsonl", syntheticGold))
	if want := fmt.Sprintf("F1                  %.3f\n", rep.F1); !strings.Contains(text, want) {
		t.Errorf("eval --json F1 %v disagrees with the text:\n%s", rep.F1, text)
	}
	out, _, err = run(t, nil, "rules", "check", "--json")
	var rc rulesCheck
	if err != nil || json.Unmarshal([]byte(out), &rc) != nil || !rc.OK || rc.Programmes == 0 {
		t.Errorf("rules check --json: %v %s", err, out)
	}
	bad := tempFile(t, "bad.yaml", "programmes: [\n")
	out, _, err = run(t, nil, "rules", "check", "--json", "--rules", bad)
	if err == nil || json.Unmarshal([]byte(out), &rc) != nil || rc.OK || len(rc.Problems) == 0 {
		t.Errorf("rules check --json on a broken file: %v %s", err, out)
	}
}

// TestEnvironmentDefaults: every shared flag has an environment variable,
// which the flag overrides.
func TestEnvironmentDefaults(t *testing.T) {
	noAccount(t)
	db := syntheticStore(t)
	_, facts := exportedFacts(t, db)
	env := map[string]string{"FAITS_DB": db, "FAITS_EDITOR": "nadia"}
	if _, _, err := run(t, env, "review", facts[0].ID, "accept"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, env, "review", facts[1].ID, "accept", "--by", "omar"); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"nadia", "omar"} {
		out, _, err := run(t, env, "history", "--json", facts[i].ID)
		if err != nil || !strings.Contains(out, `"by":"`+want+`"`) {
			t.Errorf("fact %d decided by %s? %v %s", i, want, err, out)
		}
	}
	// FAITS_RULES names the rules file of ingest, rules and review.
	_, _, err := run(t, map[string]string{"FAITS_RULES": filepath.Join(t.TempDir(), "none.yaml")}, "rules", "check")
	if err == nil {
		t.Error("rules check with FAITS_RULES naming no file succeeded")
	}
	if _, _, err := run(t, map[string]string{"FAITS_RULES": "/nonexistent.yaml"}, "rules", "check", "--rules", ""); err != nil {
		t.Errorf("--rules '' (the embedded rules) beats FAITS_RULES: %v", err)
	}
	// FAITS_ADDR: serve refuses a non-loopback address without a token.
	_, _, err = run(t, map[string]string{"FAITS_ADDR": "0.0.0.0:0", "FAITS_DB": filepath.Join(t.TempDir(), "s.db")}, "serve")
	if err == nil || !strings.Contains(err.Error(), "0.0.0.0:0 is not a loopback address") {
		t.Errorf("serve with FAITS_ADDR: %v", err)
	}
}

// TestReviewFallsBackToAccount: without $USER the system account decides.
func TestReviewFallsBackToAccount(t *testing.T) {
	old := currentUser
	currentUser = func() (*user.User, error) { return &user.User{Username: "sysadmin"}, nil }
	t.Cleanup(func() { currentUser = old })
	db := syntheticStore(t)
	_, facts := exportedFacts(t, db)
	if _, _, err := run(t, nil, "review", "--db", db, facts[0].ID, "reject"); err != nil {
		t.Fatal(err)
	}
	if out, _, _ := run(t, nil, "history", "--db", db, "--json", facts[0].ID); !strings.Contains(out, `"by":"sysadmin"`) {
		t.Errorf("history: %s", out)
	}
}

func TestVersion(t *testing.T) {
	out, _, err := run(t, nil, "version")
	if err != nil || !strings.HasPrefix(out, "faits ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: %v %q", err, out)
	}
}
