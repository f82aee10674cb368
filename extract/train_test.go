package extract

import (
	"bytes"
	"strings"
	"testing"
)

// trainingExamples are small documents of our own with every fact a reader
// finds in them (complete examples), enough for Train to have something to
// separate.
func trainingExamples() []Example {
	ex := func(name, text string, labels ...Label) Example {
		return Example{Name: name, Input: Input{Text: text, Published: "2025-03-10"}, Labels: labels, Complete: true}
	}
	lab := func(prog, metric, unit string, v float64) Label {
		return Label{Programmes: []string{prog}, Metrics: []string{metric}, Unit: unit, Value: v, At: -1}
	}
	return []Example{
		ex("a", "Le régime AMO Tadamon couvre désormais 11,2 millions de personnes, a indiqué le ministre.",
			lab("amo-tadamon", "beneficiaries", "person", 11.2e6)),
		ex("b", "Les veuves perçoivent 350 dirhams par mois et par enfant depuis le mois dernier.",
			lab("asd", "allowance", "MAD", 350)),
		ex("c", "Le ministre, âgé de 58 ans, a rappelé que 4 millions de ménages touchent l'aide sociale directe.",
			lab("asd", "beneficiaries", "household", 4e6)),
		ex("d", "Pour la rentrée des classes, chaque élève du collège ouvre droit à 300 dirhams.",
			lab("aide-rentree", "allowance", "MAD", 300)),
	}
}

func TestTrainSameBytes(t *testing.T) {
	r := mustDefault(t)
	exs := trainingExamples()
	opt := TrainOptions{Epochs: 5, Notes: []string{"test model"}}
	m1, st1 := Train(r, exs, opt)
	// The order the examples come in must not matter either.
	rev := append([]Example(nil), exs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	m2, st2 := Train(r, rev, opt)
	if !bytes.Equal(m1.Bytes(), m2.Bytes()) {
		t.Fatalf("two trainings on the same examples differ:\n%s\n---\n%s", m1.Bytes(), m2.Bytes())
	}
	if st1 != st2 {
		t.Errorf("stats differ: %+v vs %+v", st1, st2)
	}
	if st1.Documents != len(exs) || st1.Positive == 0 || m1.Len() == 0 {
		t.Errorf("training saw %+v and kept %d features: want %d documents and some facts", st1, m1.Len(), len(exs))
	}
	// The file reads back to the same model.
	back, err := ParseModel("m", m1.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Bytes(), m1.Bytes()) {
		t.Errorf("model does not survive its own file")
	}
	if len(back.Notes) == 0 || back.Notes[0] != "test model" {
		t.Errorf("notes = %q", back.Notes)
	}
}

func TestEmbeddedModelIsItsOwnFile(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.Bytes(), DefaultModelData()) {
		t.Errorf("the embedded model is not written as Model.Bytes writes it: rebuild it with faits train")
	}
	if m.Len() == 0 {
		t.Errorf("the embedded model is empty")
	}
}

func TestParseModelErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"no tab", "# notes\nfeature 1.0\n", "m:2: want feature<TAB>weight"},
		{"not a number", "a\tun\n", `m:1: weight "un" is not a number`},
		{"nan", "a\tNaN\n", `m:1: weight "NaN" is not a number`},
		{"infinite", "a\t+Inf\n", `m:1: weight "+Inf" is not a number`},
		{"twice", "a\t1\nb\t2\na\t3\n", `m:3: feature "a" given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseModel("m", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ParseModel(%q) error = %v, want %q", tt.data, err, tt.want)
			}
		})
	}
	m, err := ParseModel("m", []byte("# a note\n\nb\t-0.5\na\t1.25\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(m.Bytes()), "# a note\na\t1.2500\nb\t-0.5000\n"; got != want {
		t.Errorf("Bytes() = %q, want %q", got, want)
	}
}

// TestDescribedNotNamed: sentences that say what a programme gives and to
// whom, without its name, are given to that programme (the rules'
// descriptions), also when the article names another programme elsewhere.
func TestDescribedNotNamed(t *testing.T) {
	r := mustDefault(t)
	tests := []struct {
		name, text, span, prog, metric string
	}{
		{"widows", "Les veuves qui élèvent seules leurs enfants perçoivent désormais 350 dirhams par mois et par enfant.",
			"350 dirhams", "asd", "allowance"},
		{"school year", "Pour couvrir les frais de la rentrée, chaque élève du primaire donnera droit à 200 dirhams.",
			"200 dirhams", "aide-rentree", "allowance"},
		{"the agency's own offices", "L'ANSS a versé en mars l'aide sociale directe à 4 millions de ménages, selon son directeur.\n\n" +
			"Pour accueillir les familles, l'agence dispose désormais de 142 antennes provinciales.",
			"142 antennes", "anss", "points_of_service"},
		{"widows beside a named programme", "L'AMO Tadamon compte aujourd'hui 11 millions de bénéficiaires, selon le ministère.\n\n" +
			"Côté transferts, les veuves qui élèvent seules leurs enfants perçoivent désormais 350 dirhams par mois et par enfant.",
			"350 dirhams", "asd", "allowance"},
		{"those able to pay in without an activity", "Le régime destiné aux personnes solvables sans activité professionnelle compte 85.000 adhérents.",
			"85.000 adhérents", "amo-achamil", "enrolled"},
		{"the same, by who can pay in", "L'assurance maladie des personnes capables de cotiser mais n'exerçant aucune activité compte 140.000 adhérents.",
			"140.000 adhérents", "amo-achamil", "enrolled"},
		{"those whose contributions the State pays", "Dans la province, 84.000 personnes sont soignées grâce au régime dont l'État paie les cotisations.",
			"84.000 personnes", "amo-tadamon", "beneficiaries"},
		{"the same, the cover paid by the State", "Dans la province, l'assurance maladie payée par l'État couvre désormais 93.000 personnes.",
			"93.000 personnes", "amo-tadamon", "beneficiaries"},
		{"the public sector's, by whom it covers and who managed it", "Les fonctionnaires, les agents des collectivités et leurs familles, autrefois gérés par la CNOPS, relèvent désormais de la CNSS : ils représentent quelque 2,9 millions de bénéficiaires.",
			"quelque 2,9 millions de bénéficiaires", "amo-fonctionnaires", "beneficiaries"},
		{"those who cannot pay in, said otherwise", "Le régime financé par l'État pour les personnes qui n'ont pas les moyens de cotiser comptait 11,2 millions de bénéficiaires.",
			"11,2 millions de bénéficiaires", "amo-tadamon", "beneficiaries"},
		{"those who lost their job", "L'an dernier, près de 26 500 salariés privés de leur emploi ont touché cette indemnité.",
			"près de 26 500 salariés", "ipe", "beneficiaries"},
		{"the same, said with their work", "L'an dernier, 30 100 salariés qui avaient perdu leur travail l'ont perçue.",
			"30 100 salariés", "ipe", "beneficiaries"},
		{"the same, said with prendre en charge", "Quelque 2,3 millions de familles modestes accèdent ainsi aux hôpitaux, l'État prenant en charge leurs cotisations.",
			"Quelque 2,3 millions de familles", "amo-tadamon", "beneficiaries"},
		{"the same, said with régler, then 'Ce régime'", "Les plus pauvres relèvent du régime dont l'État règle les cotisations. Ce régime compte 11 millions de bénéficiaires.",
			"11 millions de bénéficiaires", "amo-tadamon", "beneficiaries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, _ := r.Extract(Input{Text: tt.text, Published: "2025-02-04"})
			for _, f := range facts {
				if f.Span != tt.span {
					continue
				}
				if f.Programme != tt.prog || f.Metric != tt.metric {
					t.Fatalf("%q read as %s/%s (why: %s), want %s/%s", tt.span, f.Programme, f.Metric, f.Why, tt.prog, tt.metric)
				}
				if f.Why == "" {
					t.Errorf("%q: no why", tt.span)
				}
				return
			}
			t.Fatalf("%q not read; facts: %v", tt.span, facts)
		})
	}
}

// TestNamedAfterCount: people counted by a regime's own name ("3 millions
// de travailleurs non salariés") are that regime's, though not_programme
// keeps such a name out of the rules' mentions (a count's noun only says
// who the people are) and an agency that runs several regimes opens the
// sentence.
func TestNamedAfterCount(t *testing.T) {
	r := mustDefault(t)
	for _, tt := range []struct{ text, span, prog string }{
		{"La CNSS couvre 3,1 millions de travailleurs non salariés, selon son rapport annuel.", "3,1 millions", "amo-tns"},
		{"La caisse assure aujourd'hui 1,8 million de salariés du secteur privé.", "1,8 million", "amo-salaries"},
	} {
		facts, _ := r.Extract(Input{Text: tt.text, Published: "2025-02-04"})
		found := false
		for _, f := range facts {
			if !strings.HasPrefix(f.Span, tt.span) {
				continue
			}
			found = true
			if f.Programme != tt.prog {
				t.Errorf("%q read as %s (why: %s), want %s", tt.span, f.Programme, f.Why, tt.prog)
			}
			if !strings.Contains(f.Why, "named by the programme") {
				t.Errorf("%q: why %q does not give the name after the count", tt.span, f.Why)
			}
		}
		if !found {
			t.Errorf("%q not read; facts: %v", tt.span, facts)
		}
	}
}

// TestTrainWeightAndDropout checks that an example's weight and the rules'
// dropout reach the weights learned, and that their defaults are what the
// documentation says.
func TestTrainWeightAndDropout(t *testing.T) {
	r := mustDefault(t)
	exs := trainingExamples()
	opt := TrainOptions{Epochs: 5}
	base, _ := Train(r, exs, opt)

	one := append([]Example(nil), exs...)
	for i := range one {
		one[i].Weight = 1
	}
	if m, _ := Train(r, one, opt); !bytes.Equal(m.Bytes(), base.Bytes()) {
		t.Errorf("weight 1 trains another model than weight 0 (both mean 1)")
	}
	heavy := append([]Example(nil), exs...)
	heavy[0].Weight = 5
	if m, _ := Train(r, heavy, opt); bytes.Equal(m.Bytes(), base.Bytes()) {
		t.Errorf("weighing %s five times changed nothing", heavy[0].Name)
	}

	def := opt
	def.RulesDropout = 0.3
	if m, _ := Train(r, exs, def); !bytes.Equal(m.Bytes(), base.Bytes()) {
		t.Errorf("RulesDropout 0 is not its documented default 0.3")
	}
	none := opt
	none.RulesDropout = -1
	if m, _ := Train(r, exs, none); bytes.Equal(m.Bytes(), base.Bytes()) {
		t.Errorf("training without rules dropout gives the model trained with it")
	}
}

// TestTrainWordL2 checks that WordL2 reins in the words around a figure
// and only them: a larger multiple leaves every word feature's weight
// smaller in sum, and WordL2 0 is its documented default 10.
func TestTrainWordL2(t *testing.T) {
	r := mustDefault(t)
	exs := trainingExamples()
	sums := func(m *Model) (words, others float64) {
		for f, w := range m.weights {
			if strings.HasPrefix(f, "nw:") || strings.HasPrefix(f, progWordPrefix) || strings.HasPrefix(f, metricWordPrefix) {
				words += max(w, -w)
			} else {
				others += max(w, -w)
			}
		}
		return words, others
	}
	loose, _ := Train(r, exs, TrainOptions{Epochs: 50, L2: 0.01, WordL2: 1})
	tight, _ := Train(r, exs, TrainOptions{Epochs: 50, L2: 0.01, WordL2: 100})
	lw, _ := sums(loose)
	tw, _ := sums(tight)
	if lw == 0 || tw >= lw {
		t.Errorf("word weights: %g with WordL2 100, %g with 1: want fewer", tw, lw)
	}
	def, _ := Train(r, exs, TrainOptions{Epochs: 5})
	ten, _ := Train(r, exs, TrainOptions{Epochs: 5, WordL2: 10})
	if !bytes.Equal(def.Bytes(), ten.Bytes()) {
		t.Errorf("WordL2 0 is not its documented default 10")
	}
}

// TestTrainMisreadScaleTeachesNothing checks that a figure the gold states
// at another scale ("1 012" where its quote means thousands) is left out
// of training rather than taught as "no fact"; a figure of the same
// sentence that the gold does not state is still a non-fact.
func TestTrainMisreadScaleTeachesNothing(t *testing.T) {
	r := mustDefault(t)
	text := "Le régime AMO TNS compte 1 012 adhérents (en milliers) et 58 agences."
	lab := Label{Programmes: []string{"amo-tns"}, Metrics: []string{"enrolled"}, Unit: "person", Value: 1012e3, At: -1}
	train := func(quote string) TrainStats {
		l := lab
		l.Quote = quote
		_, st := Train(r, []Example{{Name: "a", Input: Input{Text: text, Published: "2025-03-10"}, Labels: []Label{l}, Complete: true}}, TrainOptions{Epochs: 2})
		return st
	}
	without, with := train(""), train("compte 1 012 adhérents (en milliers)")
	if with.Negative != without.Negative-1 || with.Skipped != without.Skipped+1 {
		t.Errorf("with the quote: %+v; without: %+v; want one negative fewer, skipped", with, without)
	}
	if with.Negative == 0 {
		t.Errorf("the agencies' count should still be a non-fact: %+v", with)
	}
}

// TestOtherProgramme: a figure whose sentence names, up to the end of
// the figure's clause, a scheme that is none of the taxonomy's programmes,
// and none of ours, is no fact, even in an article about one of ours
// (other_programmes, a constraint).
func TestOtherProgramme(t *testing.T) {
	r := mustDefault(t)
	const lead = "L'aide sociale directe a été versée ce mois-ci à 3,9 millions de ménages, selon l'agence.\n\n"
	tests := []struct {
		name, text, span string
		other            bool
	}{
		{"housing aid", "Dans la région, 8.400 familles ont bénéficié du programme d'aide au logement lancé en 2022.", "8.400 familles", true},
		{"reconstruction", "Le plan de reconstruction a déjà relogé 12.000 foyers de la province.", "12.000 foyers", true},
		{"another national scheme", "Au titre de l'INDH, 5.300 familles ont été aidées dans la province.", "5.300 familles", true},
		{"ours named only in a later clause", "Le fonds d'aide au logement a reçu 2 milliards de dirhams cette année, a précisé le ministre, qui a aussi évoqué l'AMO Tadamon.", "2 milliards de dirhams", true},
		{"ours, named as a programme", "Au total, 3,2 millions de ménages ont bénéficié du programme d'aide sociale directe.", "3,2 millions de ménages", false},
		{"ours, and another beside it", "Le programme d'aide au logement complète l'AMO Tadamon, qui couvre 11 millions de personnes.", "11 millions de personnes", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := r.newRun(Input{Text: lead + tt.text, Published: "2025-02-04"})
			found := false
			x.trace = func(si int, m *masked, rd *reading) {
				for i := range m.figs {
					if m.figs[i].e.Start != rd.fig.e.Start || !strings.HasPrefix(tt.span, rd.fig.e.Text) {
						continue
					}
					found = true
					if got := x.otherProgramme(si, m, i); got != tt.other {
						t.Errorf("%q: other programme %v, want %v", tt.span, got, tt.other)
					}
				}
			}
			facts, _ := x.extract()
			if !found {
				t.Fatalf("%q: figure not read", tt.span)
			}
			kept := false
			for _, f := range facts {
				kept = kept || f.Span == tt.span
			}
			if kept == tt.other {
				t.Errorf("%q: kept as a fact %v, want %v (facts %v)", tt.span, kept, !tt.other, facts)
			}
		})
	}
}
