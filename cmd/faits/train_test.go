package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faits/faits/pipeline"
)

// deskArticle is an article of our own whose figure the shipped model reads
// one way; an editor says that reading is wrong.
const deskArticle = `Titre : Le point sur la couverture médicale

Publié le 12 mars 2025

Le régime AMO Tadamon couvre désormais 11,2 millions de personnes, a indiqué le ministre devant les députés.
`

// readings runs faits extract on dir with the given extra flags and
// returns "programme/metric value unit" for the fact whose span is span.
func readings(t *testing.T, dir, span string, flags ...string) []string {
	t.Helper()
	out, stderr, err := run(t, nil, append(append([]string{"extract"}, flags...), dir)...)
	if err != nil {
		t.Fatalf("extract: %v\n%s", err, stderr)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec pipeline.Record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("extract line %q: %v", line, err)
		}
		for _, f := range rec.Facts {
			if f.Span == span {
				got = append(got, f.Programme+"/"+f.Metric+" "+f.Unit)
			}
		}
	}
	return got
}

// TestTrainLearnsFromDesk: a fact rejected at the desk is read differently
// by the model that faits train --store makes from that store; and training
// twice gives the same bytes.
func TestTrainLearnsFromDesk(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "articles")
	if err := os.MkdirAll(arts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arts, "note.txt"), []byte(deskArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	const span = "11,2 millions de personnes"
	before := readings(t, arts, span)
	if len(before) != 1 {
		t.Fatalf("the shipped model reads %q as %v, want one reading", span, before)
	}
	db := filepath.Join(dir, "s.db")
	if _, stderr, err := run(t, nil, "ingest", "--db", db, arts); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	_, fs := exportedFacts(t, db)
	id := ""
	for _, f := range fs {
		for _, s := range f.Sources {
			if s.Span == span {
				id = f.ID
			}
		}
	}
	if id == "" {
		t.Fatalf("no fact for %q in %v", span, fs)
	}
	if _, stderr, err := run(t, map[string]string{"USER": "amina"}, "review", "--db", db, id, "reject"); err != nil {
		t.Fatalf("review: %v\n%s", err, stderr)
	}
	model := filepath.Join(dir, "m.model")
	train := func(out string) []byte {
		t.Helper()
		if _, stderr, err := run(t, nil, "train", "--set", "../../testdata/seeds", "--store", db, "-o", out); err != nil {
			t.Fatalf("train: %v\n%s", err, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	first := train(model)
	if second := train(model + ".2"); !bytes.Equal(first, second) {
		t.Fatalf("two trainings on the same sets and store differ")
	}
	after := readings(t, arts, span, "--model", model)
	for _, r := range after {
		if r == before[0] {
			t.Fatalf("after the editor rejected %s, the trained model still reads %q as %s", before[0], span, r)
		}
	}
	// Without the decision, the same sets teach the rules' reading back.
	plain := filepath.Join(dir, "plain.model")
	if _, stderr, err := run(t, nil, "train", "--set", "../../testdata/seeds", "-o", plain); err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	if got := readings(t, arts, span, "--model", plain); len(got) != 1 || got[0] != before[0] {
		t.Errorf("a model trained without the decision reads %q as %v, want %s", span, got, before[0])
	}
}

// TestEmbeddedModelRebuilds: the README's rebuild command, run from the
// repository's root with ../shared beside it, gives the embedded model byte
// for byte. Without ../shared/real (a clone on its own, as CI runs) the
// command trains on fewer sets, so the test has nothing to compare.
func TestEmbeddedModelRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on every gold set")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, defaultRealSet, "gold.jsonl")); err != nil {
		t.Skipf("no %s beside the repository: %v", defaultRealSet, err)
	}
	want, err := os.ReadFile(filepath.Join(root, "extract/model/default.model"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "default.model")
	t.Chdir(root)
	if _, stderr, err := run(t, nil, "train", "-o", out); err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("go run ./cmd/faits train -o extract/model/default.model does not rebuild the embedded model: rules, features or gold sets changed since it was trained; rebuild it")
	}
}
