package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/extract"
	"github.com/faits/faits/store"
)

// exportedFacts runs faits export and decodes its lines.
func exportedFacts(t *testing.T, db string) (string, []store.Fact) {
	t.Helper()
	out, stderr, err := run(t, nil, "export", "--db", db)
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	var fs []store.Fact
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var f store.Fact
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		fs = append(fs, f)
	}
	return out, fs
}

func TestReviewCommands(t *testing.T) {
	noAccount(t)
	db := syntheticStore(t)
	_, fs := exportedFacts(t, db)
	id := fs[0].ID
	user := map[string]string{"USER": "amina"}
	steps := []struct {
		args       []string
		env        map[string]string
		wantStatus string // "" = the command must fail
		wantUsage  bool
	}{
		{[]string{"review", "--db", db, id, "accept", "--note", "vérifié"}, user, "accepted", false},
		{[]string{"review", "--db", db, id, "edit", "--value", "1 250,5", "--as-of", "2025-01", "--by", "karim"}, nil, "edited", false},
		{[]string{"review", id, "--db", db, "undo"}, user, "accepted", false},
		{[]string{"review", "--db", db, id, "reject"}, user, "rejected", false},
		{[]string{"review", "--db", db, id, "accept"}, nil, "", true},                       // no $USER, no --by, no account
		{[]string{"review", "--db", db, id, "edit", "--as-of", "janvier"}, user, "", true},  // bad as_of
		{[]string{"review", "--db", db, id, "edit"}, user, "", true},                        // nothing to edit
		{[]string{"review", "--db", db, id, "accept", "--value", "3"}, user, "", true},      // values on accept
		{[]string{"review", "--db", db, id, "approve"}, user, "", true},                     // unknown action
		{[]string{"review", "--db", db, "f-000000000000", "accept"}, user, "", false},       // unknown fact
		{[]string{"review", "--db", db, id, "edit", "--value", "beaucoup"}, user, "", true}, // not a number
		{[]string{"review", "--db", db + ".typo", id, "accept"}, user, "", false},           // no store there
		// The edit the API refuses: the command line refuses it too.
		{[]string{"review", "--db", db, id, "edit", "--programme", "nope", "--unit", "bogus", "--value", "-5"}, user, "", true},
		{[]string{"review", "--db", db, id, "edit", "--metric", "nope"}, user, "", true},
		{[]string{"review", "--db", db, id, "edit", "--value", "2", "--value-max", "1"}, user, "", true},
	}
	for i, st := range steps {
		out, stderr, err := run(t, st.env, st.args...)
		if st.wantStatus == "" {
			if err == nil {
				t.Errorf("step %d %v: no error", i, st.args)
			} else if errors.Is(err, errUsage) != st.wantUsage {
				t.Errorf("step %d: usage error %v, want %v: %v", i, errors.Is(err, errUsage), st.wantUsage, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("step %d %v: %v\n%s", i, st.args, err, stderr)
		}
		if !strings.HasPrefix(out, id+" "+st.wantStatus+":") {
			t.Errorf("step %d: output %q", i, out)
		}
	}
	if _, err := os.Stat(db + ".typo"); err == nil {
		t.Error("review on a mistyped --db created a store")
	}
	// What the desk takes, the command line takes: a French value.
	out, stderr, err := run(t, user, "review", "--db", db, id, "edit", "--value", "3,9 millions", "--json")
	var got store.Fact
	if err != nil || json.Unmarshal([]byte(out), &got) != nil || got.Value != 3.9e6 {
		t.Fatalf("edit --value '3,9 millions': %v %s\n%s", err, out, stderr)
	}
	// The refusal names each wrong flag with the desk's words, and no Go.
	_, _, err = run(t, user, "review", "--db", db, id, "edit", "--programme", "nope", "--unit", "bogus", "--value", "-5")
	for _, want := range []string{"nothing saved", `--programme: "nope" is not a programme of the taxonomy`, `--unit: "bogus" is not a unit`, `--value: "-5" is below zero`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("bad edit: error %v lacks %q", err, want)
		}
	}
	if err != nil && strings.HasSuffix(err.Error(), "usage") {
		t.Errorf("error ends with the word usage: %v", err)
	}
	if _, _, err := run(t, user, "review", "--db", db, id, "undo"); err != nil {
		t.Fatal(err)
	}
	out, _, err = run(t, nil, "history", "--db", db, id)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 7 {
		t.Fatalf("history has %d lines, want state + 6 events:\n%s", len(lines), out)
	}
	v, asOf := plainNumber(fs[0].Value), fs[0].AsOf
	for i, want := range []string{"amina        accept  status pending → accepted  « vérifié »",
		"karim        edit    status accepted → edited, value " + v + " → 1250.5, as_of " + asOf + " → 2025-01",
		"amina        undo    status edited → accepted, value 1250.5 → " + v + ", as_of 2025-01 → " + asOf + " (reverts #2)",
		"amina        reject  status accepted → rejected"} {
		if !strings.HasSuffix(lines[i+1], want) {
			t.Errorf("history line %d:\n got %q\nwant suffix %q", i+1, lines[i+1], want)
		}
	}
	out, _, err = run(t, nil, "history", "--db", db, "--json", id)
	if err != nil {
		t.Fatal(err)
	}
	var ev store.Event
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &ev); err != nil || ev.By != "amina" || ev.Note != "vérifié" {
		t.Errorf("history --json first event %+v, %v", ev, err)
	}
	if _, _, err := run(t, nil, "history", "--db", db, "f-000000000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("history of unknown fact: %v", err)
	}
}

func TestConflictsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	body := "Le RSU compte 5,3 millions de familles. Un autre chiffre : 5,2 millions de familles."
	f1 := fact(t, body, "5,3 millions de familles", "rsu", "enrolled", "household", 5.3e6, nil, "exact", "2024-11")
	f2 := fact(t, body, "5,2 millions de familles", "rsu", "enrolled", "household", 5.2e6, nil, "exact", "2024-11")
	if _, err := st.Ingest("a.txt", "raw", &corpus.Document{Body: body}, []extract.Fact{f1, f2}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, _, err := run(t, nil, "conflicts", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "rsu enrolled as_of 2024-11 (household): 2 values\n") || strings.Index(out, "5200000") > strings.Index(out, "5300000") {
		t.Errorf("conflicts output:\n%s", out)
	}
	out, _, err = run(t, nil, "conflicts", "--db", db, "--json", "--programme", "rsu")
	var c store.Conflict
	if err != nil || json.Unmarshal([]byte(out), &c) != nil || len(c.Facts) != 2 {
		t.Errorf("conflicts --json: %q, %v", out, err)
	}
	if out, _, _ := run(t, nil, "conflicts", "--db", db, "--programme", "amo"); out != "no conflicts\n" {
		t.Errorf("filtered conflicts: %q", out)
	}
}

// TestSeedsReprintAcceptance is issue 6's first acceptance check through
// the command line: ingest the seeds, then a copy of 003 with other
// furniture and a few words changed, then the seeds again.
func TestSeedsReprintAcceptance(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join("..", "..", "testdata", "seeds")
	raw, err := os.ReadFile(filepath.Join(seeds, "003_eeea78cfebe039dd.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	body := strings.Join(lines[20:], "\n") // another site's navigation
	for _, r := range [][2]string{{"a dévoilé lundi", "a révélé lundi"}, {"ambitieuse", "audacieuse"}, {"réellement", "vraiment"}} {
		if !strings.Contains(body, r[0]) {
			t.Fatalf("seed 003 lost %q", r[0])
		}
		body = strings.Replace(body, r[0], r[1], 1)
	}
	copyDir := filepath.Join(dir, "copy")
	os.Mkdir(copyDir, 0o755)
	furniture := "Accueil\nActualités\nMaroc\nMonde\nÉconomie\nSanté\nNewsletter\nContact\n"
	if err := os.WriteFile(filepath.Join(copyDir, "003_reprint.txt"), []byte(furniture+body+"\nPartager sur Facebook\nTous droits réservés\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "faits.db")
	for _, d := range []string{seeds, copyDir, seeds} {
		if _, stderr, err := run(t, nil, "ingest", "--db", db, d); err != nil {
			t.Fatalf("ingest %s: %v\n%s", d, err, stderr)
		}
	}
	_, fs := exportedFacts(t, db)
	if len(fs) == 0 {
		t.Skip("the default rules read no fact in the seeds yet")
	}
	seen := map[string]bool{}
	n003 := 0
	for _, f := range fs {
		if seen[f.ID] {
			t.Errorf("fact %s exported twice", f.ID)
		}
		seen[f.ID] = true
		places := map[string]bool{}
		var from003, fromCopy *store.Source
		for i, s := range f.Sources {
			key := fmt.Sprintf("%s:%d:%d", s.DocSHA256, s.Start, s.End)
			if places[key] {
				t.Errorf("fact %s: two sources at one place", f.ID)
			}
			places[key] = true
			switch s.Doc {
			case "003_eeea78cfebe039dd.txt":
				from003 = &f.Sources[i]
			case "003_reprint.txt":
				fromCopy = &f.Sources[i]
			}
		}
		if from003 == nil {
			continue
		}
		n003++
		if fromCopy == nil {
			t.Errorf("fact %s (%q) read in 003 but not in its reprint", f.ID, from003.Span)
			continue
		}
		if from003.ReprintGroup == "" || from003.ReprintGroup != fromCopy.ReprintGroup {
			t.Errorf("fact %s: sources not marked as reprints: %q, %q", f.ID, from003.ReprintGroup, fromCopy.ReprintGroup)
		}
		if f.IndependentSources() != len(f.Sources)-1 {
			t.Errorf("fact %s: %d sources, %d independent", f.ID, len(f.Sources), f.IndependentSources())
		}
	}
	if n003 == 0 {
		t.Error("no fact read in seed 003")
	}
}

// TestDecisionsSurviveRulesChange is issue 6's second acceptance check
// through the command line: decisions stay after re-ingesting with rules
// whose content changed (which makes ingest re-read every file).
func TestDecisionsSurviveRulesChange(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "faits.db")
	seeds := filepath.Join("..", "..", "testdata", "seeds")
	if _, stderr, err := run(t, nil, "ingest", "--db", db, seeds); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	_, fs := exportedFacts(t, db)
	if len(fs) < 2 {
		t.Skip("the default rules read fewer than two facts in the seeds")
	}
	accepted, edited := fs[0].ID, fs[1].ID
	user := map[string]string{"USER": "amina"}
	if _, _, err := run(t, user, "review", "--db", db, accepted, "accept"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, user, "review", "--db", db, edited, "edit", "--value", "42", "--as-of", "2020"); err != nil {
		t.Fatal(err)
	}
	rules := filepath.Join(dir, "rules.yaml")
	if err := os.WriteFile(rules, append(extract.DefaultData(), "\n# changed by a test\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := run(t, nil, "ingest", "--db", db, "--rules", rules, seeds)
	if err != nil {
		t.Fatalf("re-ingest: %v\n%s", err, stderr)
	}
	if strings.Contains(stderr, "5 skipped") {
		t.Fatalf("changed rules did not re-read the files: %s", stderr)
	}
	_, after := exportedFacts(t, db)
	byID := map[string]store.Fact{}
	for _, f := range after {
		byID[f.ID] = f
	}
	if f := byID[accepted]; f.Status != store.StatusAccepted {
		t.Errorf("accepted fact now %q", f.Status)
	}
	if f := byID[edited]; f.Status != store.StatusEdited || f.Value != 42 || f.AsOf != "2020" || len(f.Sources) == 0 {
		t.Errorf("edited fact now %+v", f)
	}
	for id, want := range map[string]string{accepted: "accept", edited: "edit"} {
		out, _, err := run(t, nil, "history", "--db", db, "--json", id)
		var ev store.Event
		if err != nil || json.Unmarshal([]byte(out), &ev) != nil || ev.Action != want || ev.By != "amina" {
			t.Errorf("history of %s: %q, %v", id, out, err)
		}
	}
}

// TestReviewSettlesConflicts: 'review ID keep' accepts ID and rejects the
// rest of its conflict group; 'review ID not-conflict' rules a group no
// conflict; flag and unflag set the fact's flag. Each is an event.
func TestReviewSettlesConflicts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Two groups: an allowance by school level (a breakdown), and three
	// rival counts of one programme's beneficiaries.
	level := "L'aide à la rentrée est de 200 dirhams au primaire, 300 dirhams au collège et 400 dirhams au lycée en 2025."
	counts := []string{
		"Le RSU compte 5,1 millions de ménages inscrits en 2024.",
		"Le RSU compte 5,3 millions de ménages inscrits en 2024.",
		"Le RSU compte 5,6 millions de ménages inscrits en 2024.",
	}
	docs := map[string][]extract.Fact{
		"level.txt": {
			fact(t, level, "200 dirhams", "aide-rentree", "allowance", "MAD", 200, nil, "exact", "2025"),
			fact(t, level, "300 dirhams", "aide-rentree", "allowance", "MAD", 300, nil, "exact", "2025"),
			fact(t, level, "400 dirhams", "aide-rentree", "allowance", "MAD", 400, nil, "exact", "2025"),
		},
	}
	bodies := map[string]string{"level.txt": level}
	for i, c := range counts {
		rel := fmt.Sprintf("rsu%d.txt", i)
		bodies[rel] = c
		docs[rel] = []extract.Fact{fact(t, c, strings.Fields(c)[3]+" millions", "rsu", "enrolled", "household", []float64{5.1e6, 5.3e6, 5.6e6}[i], nil, "exact", "2024")}
	}
	for rel, fs := range docs {
		if _, err := st.Ingest(rel, "raw-"+rel, &corpus.Document{File: rel, Body: bodies[rel]}, fs); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := st.Conflicts()
	st.Close()
	if err != nil || len(cs) != 2 {
		t.Fatalf("want two conflict groups, got %d: %v", len(cs), err)
	}
	var allowance, rsu store.Conflict
	for _, c := range cs {
		if c.Programme == "rsu" {
			rsu = c
		} else {
			allowance = c
		}
	}
	by := map[string]string{"FAITS_EDITOR": "nadia"}
	keep := rsu.Facts[1].ID
	out, _, err := run(t, by, "review", "--db", path, keep, "keep")
	if err != nil || strings.Count(out, "\n") != 3 {
		t.Fatalf("keep: %v\n%s", err, out)
	}
	_, fs := exportedFacts(t, path)
	status := map[string]string{}
	for _, f := range fs {
		status[f.ID] = f.Status
	}
	for _, f := range rsu.Facts {
		want := "rejected"
		if f.ID == keep {
			want = "accepted"
		}
		h, _, _ := run(t, nil, "history", "--db", path, "--json", f.ID)
		if status[f.ID] != want || !strings.Contains(h, `"by":"nadia"`) || !strings.Contains(h, "conflict settled: kept "+keep) {
			t.Errorf("%s: %s, history %s", f.ID, status[f.ID], h)
		}
	}
	if _, _, err := run(t, by, "review", "--db", path, allowance.Facts[0].ID, "not-conflict", "--note", "trois niveaux"); err != nil {
		t.Fatal(err)
	}
	if out, _, _ := run(t, nil, "conflicts", "--db", path); !strings.Contains(out, "no conflicts") {
		t.Errorf("groups left after keep and not-conflict:\n%s", out)
	}
	for _, f := range allowance.Facts {
		h, _, _ := run(t, nil, "history", "--db", path, "--json", f.ID)
		if !strings.Contains(h, `"action":"not-conflict"`) || !strings.Contains(h, "trois niveaux") {
			t.Errorf("%s history: %s", f.ID, h)
		}
	}
	// A settled group is none any more: keep on it says so, exit 1.
	if _, _, err := run(t, by, "review", "--db", path, keep, "keep"); err == nil || !strings.Contains(err.Error(), "no conflict group") {
		t.Errorf("keep outside a conflict: %v", err)
	}
	id := allowance.Facts[0].ID
	if out, _, err := run(t, by, "review", "--db", path, id, "flag", "--note", "à revoir"); err != nil || !strings.Contains(out, "flagged") {
		t.Errorf("flag: %v %s", err, out)
	}
	if out, _, err := run(t, by, "review", "--db", path, id, "unflag"); err != nil || strings.Contains(out, "flagged") {
		t.Errorf("unflag: %v %s", err, out)
	}
}
