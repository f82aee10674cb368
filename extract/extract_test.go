package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/faits/faits/corpus"
	"github.com/faits/faits/eval"
	"github.com/faits/faits/internal/synth"
)

func mustDefault(t testing.TB) *Rules {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatalf("default rules: %v", err)
	}
	return r
}

// short renders a fact as "programme metric value[-max] unit qualifier
// as_of [modality]", the form the table tests compare.
func short(f Fact) string {
	v := fmt.Sprintf("%g", f.Value)
	if f.ValueMax != nil {
		v += fmt.Sprintf("-%g", *f.ValueMax)
	}
	s := strings.Join([]string{f.Programme, f.Metric, v, f.Unit, f.Qualifier, f.AsOf}, " ")
	if f.Modality != "" {
		s += " " + f.Modality
	}
	return s
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, text, published string
		want                  []string
	}{
		{"total and breakdown", "Le régime AMO Tadamon compte 10,2 millions de bénéficiaires, dont 6,7 millions d'ayants droit.", "2025-03-10",
			[]string{"amo-tadamon beneficiaries 1.02e+07 person exact 2025-03", "amo-tadamon beneficiaries 6.7e+06 person exact 2025-03"}},
		// A day's figure holds at its month (dates.go, monthOf).
		{"precise date", "Au 26 septembre 2023, 3,2 millions de ménages étaient inscrits au Registre social unifié.", "2023-10-02",
			[]string{"rsu enrolled 3.2e+06 household exact 2023-09"}},
		{"target", "Le budget de l'aide sociale directe devrait atteindre 29 milliards de dirhams en 2026.", "2025-06-01",
			[]string{"asd budget 2.9e+10 MAD exact 2026 target"}},
		{"money abbreviation", "Les dépenses de l'AMO-TNS ont dépassé 6,4 MMDH à fin 2024.", "2025-02-01",
			[]string{"amo-tns amount_paid 6.4e+09 MAD more_than 2024-12"}},
		{"range allowance", "Les familles bénéficiaires de l'ASD reçoivent une aide mensuelle allant de 500 à 1.200 DH.", "2025-02-01",
			[]string{"asd allowance 500-1200 MAD exact 2025-02"}},
		{"change is two figures", "Le nombre d'affiliés à l'AMO des TNS est passé de 2,1 millions à 3,4 millions entre 2022 et fin 2024.", "2025-01-20",
			[]string{"amo-tns enrolled 2.1e+06 person exact 2022", "amo-tns enrolled 3.4e+06 person exact 2024-12"}},
		{"anaphora", "L'AMO Chamil a été lancée en janvier 2024. Ce régime compte désormais 250.000 adhérents.", "2025-04-03",
			[]string{"amo-achamil enrolled 250000 person exact 2025-04"}},
		{"relative date and selon", "Selon la CNSS, 524 MDH ont été versés au titre de l'AMO Tadamoune en janvier dernier.", "2025-02-10",
			[]string{"amo-tadamon amount_paid 5.24e+08 MAD exact 2025-01"}},
		{"rate", "Le taux de couverture de l'assurance maladie obligatoire atteint 88 %.", "2025-02-10",
			[]string{"amo share 88 percent exact 2025-02"}},
		{"spelled out, no publication date", "Près de quatre millions de foyers profitent de l'aide sociale directe.", "",
			[]string{"asd beneficiaries 4e+06 household about "}},
		{"parenthesised breakdown", "Les assurés de l'AMO TNS se répartissent entre assurés principaux (1,9 million), conjoints (622.731) et enfants (1,3 million).", "2025-07-01",
			[]string{"amo-tns beneficiaries 1.9e+06 person exact 2025-07", "amo-tns beneficiaries 622731 person exact 2025-07", "amo-tns beneficiaries 1.3e+06 child exact 2025-07"}},
		{"launch date is not as_of", "Lancé en décembre 2023, le programme d'aide sociale directe a déjà bénéficié à 3,9 millions de ménages.", "2024-11-26",
			[]string{"asd beneficiaries 3.9e+06 household exact 2024-11"}},
		{"ages, years and ordinals are not facts", "Lors de la 3e édition, en 2024, les bénéficiaires de l'AMO âgés de plus de 60 ans ont été reçus.", "2025-01-01", nil},
		{"unknown noun is not a fact", "Le stade de 45.000 places accueillera la CAN 2025, selon la CNSS.", "2025-01-01", nil},
		{"no programme, no fact", "Plus de 400.000 titres de séjour ont été délivrés en 2025.", "2025-01-01", nil},
		{"a capital abroad is abroad", "À Alger, le programme d'allocations mensuelles directes touche désormais 310.000 ménages.", "2025-01-01", nil},
		{"a change is not a level", "Le registre social unifié compte 6,2 millions de ménages, en hausse de 150.000 ménages sur un an.", "2025-01-01",
			[]string{"rsu enrolled 6.2e+06 household exact 2025-01"}},
		{"what a family pays is not an aid", "Dans cette famille bénéficiaire de l'aide sociale directe, le père paie 1.500 dirhams de loyer chaque mois.", "2025-01-01", nil},
		{"an exam's pass rate is no share", "Au baccalauréat, l'aide sociale directe n'y est pour rien: 71 % de taux de réussite cette année.", "2025-01-01", nil},
		{"births are children", "Depuis janvier, l'aide sociale directe a accompagné 150.000 naissances.", "2025-06-02",
			[]string{"asd beneficiaries 150000 child exact 2025-06"}},
		{"a market's line is no fact", "Marchés : MASI 12 950,40 (+0,3 %) · EUR/MAD 10,91 · aide sociale directe : 3,9 millions de ménages servis.", "2025-01-01", nil},
		{"the price of a kilo is no allowance", "Pour ces familles de l'aide sociale directe, le kilo de tomates coûte désormais 12 dirhams.", "2025-01-01", nil},
		{"a utility bill is no allowance", "Une facture d'électricité de 150 dirhams peut faire perdre l'aide sociale directe à un ménage.", "2025-01-01", nil},
		{"a page's readers are no people covered", "Aide sociale directe : les questions fréquentes (1.250 personnes ont trouvé cette page utile).", "2025-01-01", nil},
		{"per-day rate is not a fact", "La CNSS traite 40.000 dossiers de l'AMO par jour.", "2025-01-01", nil},
	}
	r := mustDefault(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkShort(t, r, Input{Text: tt.text, Published: tt.published}, tt.want)
		})
	}
}

// checkShort extracts in and compares its facts, in the short form, with
// want, and reports any warning.
func checkShort(t *testing.T, r *Rules, in Input, want []string) {
	t.Helper()
	facts, warns := r.Extract(in)
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	var got []string
	for _, f := range facts {
		got = append(got, short(f))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Extract(%q)\n got: %q\nwant: %q", in.Text, got, want)
	}
}

// TestSpans checks that every fact points at its own bytes: the span, the
// offsets and the quote agree.
func TestSpans(t *testing.T) {
	r := mustDefault(t)
	for _, d := range readDir(t, "../testdata/seeds") {
		facts, _ := r.Extract(Input{Text: d.Body, Published: d.Published})
		for _, f := range facts {
			if f.Start < 0 || f.End > len(d.Body) || f.Start >= f.End {
				t.Fatalf("%s: span [%d,%d) outside the text", d.File, f.Start, f.End)
			}
			if d.Body[f.Start:f.End] != f.Span {
				t.Errorf("%s: text[%d:%d] = %q, span %q", d.File, f.Start, f.End, d.Body[f.Start:f.End], f.Span)
			}
			if !strings.Contains(f.Quote, f.Span) || !strings.Contains(d.Body, f.Quote) {
				t.Errorf("%s: quote %q does not hold span %q", d.File, f.Quote, f.Span)
			}
			if f.Rule == "" || f.ProgrammeFrom == "" {
				t.Errorf("%s: fact %s names no rule or programme source", d.File, short(f))
			}
		}
	}
}

func TestDefaultRulesExamples(t *testing.T) {
	passed, failures := mustDefault(t).Test()
	for _, f := range failures {
		t.Error(f)
	}
	if passed == 0 {
		t.Error("no rule example ran")
	}
}

func TestParseErrors(t *testing.T) {
	head := "version: 1\nprogrammes:\n  - id: amo\n    aliases: [AMO]\n"
	tests := []struct {
		name, data, want string
	}{
		{"yaml syntax", "version: 1\nprogrammes: [\n", "bad.yaml:"},
		{"unknown field", head + "colour: blue\n", "bad.yaml:5:"},
		{"bad programme id", "version: 1\nprogrammes:\n  - id: Not An Id\n    aliases: [x]\n", "bad.yaml:3: programme id"},
		{"unknown unit", head + "units:\n  - id: kilos\n    nouns: [kilos]\n", "bad.yaml:6: unknown unit \"kilos\""},
		{"bad pattern", head + "metrics:\n  - id: share\n    units: [percent]\n    rules:\n      - name: share/x\n        cue: '(open'\n        examples: {match: [\"x\"]}\n", "bad.yaml:10: rule share/x: bad pattern"},
		{"pattern without FIG", head + "metrics:\n  - id: share\n    units: [percent]\n    rules:\n      - name: share/x\n        pattern: 'taux'\n        examples: {match: [\"x\"]}\n", "must contain FIG"},
		{"rule without example", head + "metrics:\n  - id: share\n    units: [percent]\n    rules:\n      - name: share/x\n        cue: 'taux'\n", "bad.yaml:9: rule share/x: no example"},
		{"agency of an unknown programme", head + "    agency_of: asd\n", "bad.yaml:5: agency_of \"asd\": not another programme of this file"},
		{"wrong version", "version: 2\n", "want 1"},
		{"nested quantifier", head + "metrics:\n  - id: share\n    units: [percent]\n    rules:\n      - name: share/x\n        cue: '(taux\\s*)+'\n        examples: {match: [\"x\"]}\n", "bad.yaml:10: rule share/x: pattern may backtrack without bound: nested quantifier"},
		{"unbounded lookbehind", head + "not_facts: '(?<!\\bne\\s+)FIG'\n", "bad.yaml:5: not_facts: pattern may backtrack without bound: lookbehind without a longest length"},
		{"nested in a list", head + "not_facts:\n  - 'par\\s+jour'\n  - '(\\s*(a|b))*FIG'\n", "bad.yaml:6: not_facts: pattern may backtrack without bound: nested quantifier: a repetition without bound of a part that repeats itself: \"(\\\\s*(a|b))*\""},
		{"ambiguous alternatives with a lookaround", head + "not_facts: '(?<!z)(a|aa)*FIG'\n", "bad.yaml:5: not_facts: pattern may backtrack without bound: alternatives that may start alike under a repetition without bound: \"a|aa\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestPathological: a sentence far over MaxSentence that holds figures (a
// table flattened without a full stop, a scraping accident) is not fed to
// the patterns but skipped with a warning; a megabyte of numbers glued by
// dots is an identifier to normalize, so it holds no figure and gives
// nothing.
func TestPathological(t *testing.T) {
	r := mustDefault(t)
	tests := []struct {
		name  string
		text  string
		warns bool
	}{
		{"figures without a full stop", strings.Repeat("1,2 ", 350000), true},
		{"nested parentheses", "Le régime AMO compte " + strings.Repeat("(", 10000) + "3 millions d'adhérents" + strings.Repeat(")", 10000), true},
		{"digits and dots", strings.Repeat("1.2", 350000), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, warns := r.Extract(Input{Text: tt.text, Published: "2025-01-01"})
			if len(facts) != 0 {
				t.Errorf("a %d-byte sentence gave %d facts", len(tt.text), len(facts))
			}
			if tt.warns && len(warns) == 0 {
				t.Errorf("a %d-byte sentence gave no warning", len(tt.text))
			}
			if !tt.warns && len(warns) != 0 {
				t.Errorf("a %d-byte identifier gave warnings: %v", len(tt.text), warns)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AMO – Tadamoune", "amo tadamoune"},
		{"Amo-Tadamone", "amo tadamone"},
		{"« AMO-Tadamon »", "amo tadamon"},
		{"Bénéficiaires d’ÂGE", "beneficiaires d'age"},
		{"313\u202f000\u00a0personnes", "313 000 personnes"},
		{"ŒUVRES sociales, cœur du régime", "ouvres sociales, cour du regime"},
	}
	for _, tt := range tests {
		if got := foldString(tt.in); got != tt.want {
			t.Errorf("foldString(%q) = %q, want %q", tt.in, got, tt.want)
		}
		f := fold(tt.in, 0, len(tt.in))
		if len(f.orig) != utf8.RuneCountInString(f.s)+1 {
			t.Errorf("fold(%q): %d offsets for %d runes", tt.in, len(f.orig), utf8.RuneCountInString(f.s))
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"M. Akhannouch a parlé. Le RSU compte 5 millions de ménages.", []string{"M. Akhannouch a parlé.", "Le RSU compte 5 millions de ménages."}},
		{"Il a dit « c'est fait. » Ensuite, rien.", []string{"Il a dit « c'est fait. »", "Ensuite, rien."}},
		{"Titre sans point\nPremier paragraphe, 3.800 dossiers. 2025 sera décisive.", []string{"Titre sans point", "Premier paragraphe, 3.800 dossiers.", "2025 sera décisive."}},
		{"Le total est de 1,5 million. suite en minuscule.", []string{"Le total est de 1,5 million. suite en minuscule."}},
		// a figure alone (a listicle's heading) joins the sentence that
		// says what it is; its list number stays apart
		{"2. 12 millions\nC'est le nombre de personnes couvertes.", []string{"2.", "12 millions\nC'est le nombre de personnes couvertes."}},
		{"88 %\nIl s’agit de la part des ménages ruraux.", []string{"88 %\nIl s’agit de la part des ménages ruraux."}},
		{"En 2024\nC'est l'année du lancement.", []string{"En 2024\nC'est l'année du lancement."}},
		{"12 millions\nLe chiffre est en hausse.", []string{"12 millions", "Le chiffre est en hausse."}},
		{"Il compte 12 millions de membres.\nC'est beaucoup.", []string{"Il compte 12 millions de membres.", "C'est beaucoup."}},
		// a key-figures page's big number and the caption under it
		{"4,8 M\nfamilles aidées chaque mois\nSource : l'agence", []string{"4,8 M\nfamilles aidées chaque mois", "Source : l'agence"}},
		{"4,8 M\nFamilles aidées", []string{"4,8 M", "Familles aidées"}},
		// a month's abbreviation before a year or a day ends no sentence
		{"Ménages (millions) | 3,1 (déc. 2024) | 3,4 (sept. 2025)", []string{"Ménages (millions) | 3,1 (déc. 2024) | 3,4 (sept. 2025)"}},
		{"Vu en déc. Puis rien.", []string{"Vu en déc.", "Puis rien."}},
		// a table's or a chart's number ends no sentence
		{"Tableau 1. Les régimes en 2024\nGraphique 2. Les ménages", []string{"Tableau 1. Les régimes en 2024", "Graphique 2. Les ménages"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range splitSentences(tt.in) {
			got = append(got, tt.in[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

var quality = flag.Bool("quality.v", false, "print every miss and extra of the quality test")

// TestQuality scores the rules on the seeds and on the held-out variants as
// spec/facts.md says (issue acceptance: seeds F1 ≥ 0.95, as_of ≥ 0.90,
// qualifier ≥ 0.95; variants F1 ≥ 0.90).
func TestQuality(t *testing.T) {
	r := mustDefault(t)
	sets := []struct {
		dir, gold          string
		f1, asOf, qualifer float64
	}{
		{"../testdata/seeds", "../testdata/gold/seeds.jsonl", 0.95, 0.90, 0.95},
		{"../testdata/variants", "../testdata/variants/gold.jsonl", 0.90, 0, 0},
		// Written blind to the rules (testdata/fresh/README.md); blind F1 was
		// 0.658, these thresholds guard the figures reached since.
		{"../testdata/fresh", "../testdata/fresh/gold.jsonl", 0.95, 0.85, 0.95},
		// The second blind set (testdata/fresh2/README.md); blind F1 was
		// 0.637, these thresholds guard the figures reached since.
		{"../testdata/fresh2", "../testdata/fresh2/gold.jsonl", 0.97, 0.95, 0.95},
		// The third blind set (testdata/fresh3/README.md); blind F1 was
		// 0.799, these thresholds guard the figures reached since.
		{"../testdata/fresh3", "../testdata/fresh3/gold.jsonl", 0.97, 0.90, 0.95},
		// The fourth blind set (testdata/fresh4/README.md); blind F1 was
		// 0.806, these thresholds guard the figures reached since (its
		// distractor k07 must give no fact: every one would be an extra).
		{"../testdata/fresh4", "../testdata/fresh4/gold.jsonl", 0.98, 0.95, 0.95},
		// The fifth blind set (testdata/fresh5/README.md); blind F1 was
		// 0.695, these thresholds guard the figures reached since (its
		// distractor m12, on the housing aid, must give no fact).
		{"../testdata/fresh5", "../testdata/fresh5/gold.jsonl", 0.95, 0.95, 0.95},
		// The sixth to ninth blind sets (their README.md); blind F1 was
		// 0.522 (rules), 0.672, 0.689 and 0.776 (rules and model). They
		// are training data since: these thresholds guard the trained
		// model's fit.
		{"../testdata/fresh6", "../testdata/fresh6/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh7", "../testdata/fresh7/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh8", "../testdata/fresh8/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh9", "../testdata/fresh9/gold.jsonl", 0.85, 0, 0.95},
		// The tenth (blind F1 0.747), training data since.
		{"../testdata/fresh10", "../testdata/fresh10/gold.jsonl", 0.85, 0, 0.95},
		// The eleventh (blind F1 0.721), training data since.
		{"../testdata/fresh11", "../testdata/fresh11/gold.jsonl", 0.85, 0, 0.95},
		// The twelfth to eighteenth (blind F1 0.787, 0.809, 0.851, 0.820,
		// 0.925, 0.866 and 0.903).
		{"../testdata/fresh12", "../testdata/fresh12/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh13", "../testdata/fresh13/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh14", "../testdata/fresh14/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh15", "../testdata/fresh15/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh16", "../testdata/fresh16/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh17", "../testdata/fresh17/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh18", "../testdata/fresh18/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh19", "../testdata/fresh19/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh20", "../testdata/fresh20/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh21", "../testdata/fresh21/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh22", "../testdata/fresh22/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh23", "../testdata/fresh23/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh24", "../testdata/fresh24/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh25", "../testdata/fresh25/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh26", "../testdata/fresh26/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh27", "../testdata/fresh27/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh28", "../testdata/fresh28/gold.jsonl", 0.85, 0, 0.95},
		{"../testdata/fresh29", "../testdata/fresh29/gold.jsonl", 0.85, 0, 0.95},
	}
	for _, set := range sets {
		gf, err := os.Open(set.gold)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := eval.ReadGold(gf)
		gf.Close()
		if err != nil {
			t.Fatal(err)
		}
		var preds []eval.Prediction
		for _, d := range readDir(t, set.dir) {
			facts, _ := r.Extract(Input{Text: d.Body, Published: d.Published, Title: d.Title})
			for _, f := range facts {
				preds = append(preds, eval.Prediction{Doc: filepath.Base(d.File), Programme: f.Programme, Metric: f.Metric,
					Unit: f.Unit, Value: f.Value, ValueMax: f.ValueMax, AsOf: f.AsOf, Qualifier: f.Qualifier, Quote: f.Quote})
			}
		}
		rep := eval.Score(gold, preds, eval.Options{})
		t.Logf("%s: P %v R %v F1 %.3f as_of %v qualifier %v", set.dir, rep.Precision, rep.Recall, rep.F1(), rep.AsOf, rep.Qualifier)
		if *quality {
			for _, m := range rep.Misses {
				t.Logf("miss %s %s/%s %g %s | %s", m.Doc, m.Programme, m.Metric, m.Value, m.Unit, m.Quote)
			}
			for _, e := range rep.Extras {
				t.Logf("extra %s %s/%s %g %s | %s", e.Doc, e.Programme, e.Metric, e.Value, e.Unit, e.Quote)
			}
		}
		if rep.F1() < set.f1 {
			t.Errorf("%s: F1 %.3f < %.2f", set.dir, rep.F1(), set.f1)
		}
		if rep.AsOf.Value() < set.asOf {
			t.Errorf("%s: as_of accuracy %v < %.2f", set.dir, rep.AsOf, set.asOf)
		}
		if rep.Qualifier.Value() < set.qualifer {
			t.Errorf("%s: qualifier accuracy %v < %.2f", set.dir, rep.Qualifier, set.qualifer)
		}
	}
}

// readDir cleans every article of dir with package corpus, as ingest does.
func readDir(t testing.TB, dir string) []*corpus.Document {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	paths = append(paths, pages...)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	var docs []*corpus.Document
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := corpus.Parse(p, raw)
		if err != nil {
			t.Fatalf("parse %s: %v", p, err)
		}
		docs = append(docs, d)
	}
	return docs
}

func BenchmarkExtract(b *testing.B) {
	r := mustDefault(b)
	var docs []*corpus.Document
	size := 0
	for _, dir := range []string{"../testdata/seeds", "../testdata/variants", "../testdata/dev"} {
		for _, d := range readDir(b, dir) {
			docs = append(docs, d)
			size += len(d.Body)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			r.Extract(Input{Text: d.Body, Published: d.Published})
		}
	}
}

// BenchmarkExtractSynthetic reads 100 synthetic articles (internal/synth,
// 2.9 KB each), the corpus of the ingest benchmark (bench/ingest).
func BenchmarkExtractSynthetic(b *testing.B) {
	r := mustDefault(b)
	var docs []*corpus.Document
	size := 0
	for i := range 100 {
		a := synth.Distinct(1, i)
		d, err := corpus.Parse(a.Name, a.Text)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += len(d.Body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			r.Extract(Input{Text: d.Body, Published: d.Published, Title: d.Title})
		}
	}
}

// TestFoldRuneTable: foldRune, which reads foldLatin below U+0250, folds
// every rune as the table of folds (foldTable) and the rules after it do.
func TestFoldRuneTable(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		want, ok := foldTable[r]
		if !ok {
			want = unicode.ToLower(r)
			if unicode.IsSpace(r) {
				want = ' '
			}
		}
		if got := foldRune(r); got != want {
			t.Fatalf("foldRune(%U) = %U, want %U", r, got, want)
		}
	}
}
