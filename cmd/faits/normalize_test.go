package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestNormalizeCommand(t *testing.T) {
	in := "plus de 527.000 dossiers\n\njanvier dernier, 93 %\r\nsans chiffre"
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(in), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if err := Run(context.Background(), []string{"normalize", "--ref", "2025-02-17"}, env); err != nil {
		t.Fatalf("normalize: %v (stderr %q)", err, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d output lines for 4 input lines:\n%s", len(lines), out.String())
	}
	type expr struct {
		Text      string   `json:"text"`
		Start     int      `json:"start"`
		End       int      `json:"end"`
		Kind      string   `json:"kind"`
		Value     float64  `json:"value"`
		ValueMax  *float64 `json:"value_max"`
		Unit      string   `json:"unit"`
		Qualifier string   `json:"qualifier"`
		Date      string   `json:"date"`
	}
	var got [][]expr
	for _, l := range lines {
		var es []expr
		if err := json.Unmarshal([]byte(l), &es); err != nil {
			t.Fatalf("line %q is not a JSON array: %v", l, err)
		}
		got = append(got, es)
	}
	if len(got[0]) != 1 || got[0][0].Text != "plus de 527.000" || got[0][0].Value != 527000 ||
		got[0][0].Qualifier != "more_than" || got[0][0].Kind != "number" || got[0][0].End != 15 {
		t.Errorf("line 1: %+v", got[0])
	}
	if len(got[1]) != 0 || lines[1] != "[]" {
		t.Errorf("empty line: got %q, want []", lines[1])
	}
	if len(got[2]) != 2 || got[2][0].Date != "2025-01" || got[2][1].Kind != "percent" || got[2][1].Value != 93 {
		t.Errorf("line 3: %+v", got[2])
	}
	if len(got[3]) != 0 {
		t.Errorf("line 4: %+v", got[3])
	}
}

func TestNormalizeCommandBadRef(t *testing.T) {
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := Run(context.Background(), []string{"normalize", "--ref", "17/02/2025"}, env)
	if !errors.Is(err, errUsage) {
		t.Fatalf("bad --ref: got %v, want a usage error", err)
	}
}
