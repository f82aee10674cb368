package extract

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dlclark/regexp2/v2"
	yaml "go.yaml.in/yaml/v3"
)

//go:embed rules/default.yaml
var defaultRules []byte

// DefaultRulesFile is the name reported for the embedded rules.
const DefaultRulesFile = "rules/default.yaml (embedded)"

// Rules is a loaded, compiled rules file. It is safe for concurrent use.
type Rules struct {
	// File is the name the rules were loaded from.
	File string

	programmes []*programme
	// agencies are the programmes with an agency_of, in file order.
	agencies []*programme
	units    []*unit
	metrics  []*metric
	// names and descs are the programmes' names and descriptions as
	// findMentions and describes read them, indexed by nameSet and
	// descSet.
	names, descs     []listed
	nameSet, descSet *patternSet
	// pairFeats holds the features of each (programme, metric, unit)
	// option met (optionFeatures), for every run: option → []string.
	// (A pointer: WithModel's copy shares it, as it does all the rest.)
	pairFeats *sync.Map

	nounRe      *pattern // a unit noun at the start of a text
	notNounRe   *pattern
	linksRe     *pattern
	labelRe     *pattern
	carryRe     *pattern
	changesRe   *pattern
	notAsOfRe   *pattern
	nowRe       *pattern
	backRe      *pattern
	continuesRe *pattern
	comparedRe  *pattern
	// comparedBaseRe ends the words before a date that is a comparison's
	// base ("inchangés par rapport à DATE : FIG").
	comparedBaseRe *pattern
	// datedBackRe ends the words of a clause before a date that dates the
	// figure of the clause before it ("…, un chiffre qui date de DATE").
	datedBackRe *pattern
	imperfectRe *pattern
	// samePeriodRe: a clause naming the period named before.
	samePeriodRe *pattern
	// periodAnchorRe: a sentence that reports on a period ("au titre du
	// mois de mars"), whose paragraph goes on about it.
	periodAnchorRe *pattern
	// dataDateRe: a sentence that dates the page's data ("chiffres
	// arrêtés au 31 décembre 2025"): its figures with no date of their
	// own hold then.
	dataDateRe *pattern
	// cumulativeRe: a sentence that counts since a start ("depuis son
	// lancement"), at the publication month whatever period its
	// paragraph reports on.
	cumulativeRe *pattern
	// envelopeRe: money set aside ("une enveloppe", "mobilisé"), which
	// holds when the article says, not at the period its paragraph
	// reports on.
	envelopeRe *pattern
	// futureRe: a verb in the future tense.
	futureRe *pattern
	// financeYearRe finds a finance law's year, group "year", in a
	// sentence; financeTitleRe in a title.
	financeYearRe  *pattern
	financeTitleRe *pattern
	// financeNowRe finds the law of the year in course.
	financeNowRe *pattern
	negationRe   *pattern
	pronounRe    *pattern
	anaphoraRe   *pattern
	asideRe      *pattern
	notFactsRe   *pattern
	// notReachedRe finds a count of people a programme does not reach.
	notReachedRe *pattern
	// foreignRe names another country; domesticRe Morocco.
	foreignRe, domesticRe *pattern
	agencyRe              *pattern
	notProgRe             *pattern
	notProgAft            *pattern // the same, read after the name
	// countLeadRe is the part of not_programme that turns a name down
	// for following a count ("3 millions de travailleurs non salariés"):
	// the model still weighs such a name (p:named_after_count).
	countLeadRe *pattern
	describedRe *pattern
	conditionRe *pattern
	// registeredRe finds "inscrits au", "immatriculés à la" before a name:
	// often a register's own count, sometimes a condition for an aid.
	registeredRe *pattern
	// offMetricRe finds, next to a figure, a word for what no metric
	// counts (contributions collected, deficits, reserves, wages…): a
	// feature of "no fact".
	offMetricRe *pattern
	// otherProgsRe names schemes that are not the taxonomy's programmes.
	otherProgsRe *pattern
	// topicRe finds a sentence's fronted topic ("Quant aux réserves du
	// régime, elles …"): what the clauses after it speak of.
	topicRe *pattern
	// moneyOffRe finds money no metric counts (money_off_metric): the
	// subject of an amount that is no fact.
	moneyOffRe *pattern
	// payrollRe is a table column of one wage's deductions and rates
	// (payroll_columns: "Taux salarié", "Part employeur").
	payrollRe *pattern
	// ownTablesRe is a table headed as the writer's own accounts
	// (own_tables: "NOS RENTRÉES").
	ownTablesRe *pattern
	// noteColsRe is a table column of sources or notes (note_columns).
	noteColsRe *pattern
	inciseRe   *pattern
	cliticRe   *pattern
	lastRe     *pattern
	qualifiers []namedRe
	// subjectQuals are read on the sentence up to the figure.
	subjectQuals []namedRe
	modality     []namedRe
	unitByNoun   map[string]string
	// lits finds, in one pass over a text, which patterns can match it.
	lits *litTable
	// all is every pattern of the file (tests compare engines on them).
	all []*pattern

	// model weighs the readings of every figure; nil reads with the
	// rules alone.
	model *Model
}

// Input is one document's clean text and what the rules need to know of it.
type Input struct {
	// Text is the clean body; every Fact span is a byte offset into it.
	Text string
	// Published is the publication date (ISO partial) or "": the default
	// as_of and the reference for relative dates.
	Published string
	// Title is the article's title, or "".
	Title string
}

// Warning reports a part of the text that was not read, or, Fatal, a
// rule that ran out of its backtracking budget on the text: then the
// whole text is unread (Extract returns no facts), rather than read as if
// the rule had not matched.
type Warning struct {
	Rule   string
	Offset int
	Msg    string
	Fatal  bool
}

func (w Warning) Error() string {
	return fmt.Sprintf("byte %d: %s: %s", w.Offset, w.Rule, w.Msg)
}

type namedRe struct {
	name string
	re   *pattern
	what string // "qualifiers.<name>" or "modality.<name>", for warnings
}

type programme struct {
	id          string
	what        string // "programme <id>", for warnings
	line        int
	patterns    []alias
	generic     []alias
	weak        []alias
	countMetric string
	covers      map[string]bool
	// agencyOf is the programme this agency runs, or "".
	agencyOf string
	// paidIn is the month of a yearly payment, or 0.
	paidIn int
	// describes matches what the programme gives and to whom; descEx are
	// the sentences it must match.
	describes *pattern
	descEx    []example
	// descPhrases are the descriptions one by one: whether one matches
	// is whether describes does, and each phrase is gated by its own
	// word and matched by hand, where describes' alternation would run
	// whenever any of its words is in the sentence.
	descPhrases []*pattern
	// featID is the scorer's feature "p:id=ID", written once.
	featID string
}

// alias is a compiled programme name; its pattern's word gate rules most
// names out of a sentence without running it.
type alias struct {
	re *pattern
}

// listed is one pattern of a list read in turn over a sentence, with the
// programme it speaks of (and, for a name, its tier).
type listed struct {
	re   *pattern
	prog *programme
	tier tier
}

// indexLists lists every programme name and every description in the
// order findMentions and describes read them, indexed by their literals.
func (r *Rules) indexLists() {
	var names, descs []*pattern
	for _, p := range r.programmes {
		for t, list := range [][]alias{p.patterns, p.generic, p.weak} {
			for _, al := range list {
				r.names = append(r.names, listed{al.re, p, tier(t)})
				names = append(names, al.re)
			}
		}
		if p.describes == nil {
			continue
		}
		for _, d := range p.descPhrases {
			r.descs = append(r.descs, listed{re: d, prog: p})
			descs = append(descs, d)
		}
	}
	r.nameSet, r.descSet = newPatternSet(names, r.lits), newPatternSet(descs, r.lits)
}

type unit struct {
	id    string
	nouns []string // folded
}

type metric struct {
	id                string
	what              string // "metric <id>", for warnings
	line              int
	units             map[string]bool
	isDefault         bool
	defaultUnits      map[string]bool // nil: every unit of the metric
	fallbackProgramme string
	minValue          float64
	maxValue          float64
	reject            *pattern
	rules             []*rule
	// featID and featNoun are the scorer's features "m:id=ID" and
	// "m:ID|noun", written once.
	featID, featNoun string
}

// rule is one cue or pattern that reads a figure as a metric.
type rule struct {
	name    string
	line    int
	metric  *metric
	cue     *pattern // proximity cue
	generic bool     // a broad cue: counts as further away
	pattern *pattern // a pattern containing FIG
	match   []example
	noMatch []example
}

type example struct {
	text string
	line int
}

// src is a scalar of the rules file with the line it stands on, so that
// errors can say file:line.
type src struct {
	s    string
	line int
}

// A pattern may also be written as a list of alternatives, one a line
// (each with its own comment in the file): they are joined with "|", each
// in a group of its own.
func (p *src) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.SequenceNode && len(n.Content) > 0 {
		alts := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: want a string", c.Line)
			}
			alts = append(alts, "(?:"+c.Value+")")
		}
		p.s, p.line = strings.Join(alts, "|"), n.Content[0].Line
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a string", n.Line)
	}
	p.s, p.line = n.Value, n.Line
	return nil
}

type fileSpec struct {
	Version    int
	Programmes []struct {
		ID       src
		Aliases  []src
		Patterns []src
		Generic  []src
		// GenericPatterns are umbrella words written as regular expressions.
		GenericPatterns []src `yaml:"generic_patterns"`
		Weak            []src
		CountMetric     src `yaml:"count_metric"`
		// PaidIn is the month (1-12) a programme paid once a year pays
		// in: a year-only as_of of its counts and payments is that month.
		PaidIn src `yaml:"paid_in"`
		Covers []src
		// AgencyOf names the programme an agency pays or runs, whose
		// weak name is the agency's: where the article names the agency,
		// a figure may be the agency's own (its offices, its budget).
		AgencyOf src `yaml:"agency_of"`
		// Describes are phrases that say what the programme gives and to
		// whom, so that a sentence that does not name it can be
		// attributed; DescribesExamples are sentences one of them must
		// match.
		Describes         []src
		DescribesExamples []src `yaml:"describes_examples"`
	}
	Units []struct {
		ID    src
		Nouns []src
	}
	NotNouns   src            `yaml:"not_nouns"`
	Links      src            `yaml:"links"`
	Labels     src            `yaml:"labels"`
	Carry      src            `yaml:"carry"`
	Changes    src            `yaml:"changes"`
	Anaphora   src            `yaml:"anaphora"`
	Asides     src            `yaml:"asides"`
	NotFacts   src            `yaml:"not_facts"`
	NotReached src            `yaml:"not_reached"`
	Foreign    src            `yaml:"foreign"`
	Domestic   src            `yaml:"domestic"`
	Agency     src            `yaml:"agency_subject"`
	NotProg    src            `yaml:"not_programme"`
	NotProgAft src            `yaml:"not_programme_after"`
	CountLead  src            `yaml:"count_lead"`
	Described  src            `yaml:"described"`
	Conditions src            `yaml:"conditions"`
	Registered src            `yaml:"registered_in"`
	OffMetric  src            `yaml:"off_metric"`
	OtherProgs src            `yaml:"other_programmes"`
	Topic      src            `yaml:"topic"`
	MoneyOff   src            `yaml:"money_off_metric"`
	Payroll    src            `yaml:"payroll_columns"`
	OwnTables  src            `yaml:"own_tables"`
	Notes      src            `yaml:"note_columns"`
	Incise     src            `yaml:"incise"`
	Clitic     src            `yaml:"clitic"`
	Adjectives src            `yaml:"adjectives"`
	Last       src            `yaml:"anaphora_last"`
	Qualifiers map[string]src `yaml:"qualifiers"`
	// QualifiersSubject are hedges named in the sentence's subject, read
	// on the sentence up to the figure when the clause has none.
	QualifiersSubject map[string]src `yaml:"qualifiers_subject"`
	Negation          src            `yaml:"negation"`
	Pronoun           src            `yaml:"pronoun"`
	Modality          map[string]src `yaml:"modality"`
	AsOf              struct {
		NotAsOf      src `yaml:"not_as_of"`
		Now          src
		Back         src
		Continues    src
		Compared     src
		ComparedBase src `yaml:"compared_base"`
		DatedBack    src `yaml:"dated_back"`
		Imperfect    src
		SamePeriod   src `yaml:"same_period"`
		PeriodAnchor src `yaml:"period_anchor"`
		DataDate     src `yaml:"data_date"`
		Cumulative   src `yaml:"cumulative"`
		Envelope     src
		Future       src
		FinanceYear  src `yaml:"finance_year"`
		FinanceTitle src `yaml:"finance_title"`
		FinanceNow   src `yaml:"finance_current"`
	} `yaml:"as_of"`
	Metrics []struct {
		ID                src
		Units             []src
		Default           bool
		DefaultUnits      []src   `yaml:"default_units"`
		FallbackProgramme src     `yaml:"fallback_programme"`
		MinValue          float64 `yaml:"min_value"`
		MaxValue          float64 `yaml:"max_value"`
		Reject            src
		Rules             []struct {
			Name     src
			Generic  bool
			Cue      src
			Pattern  src
			Examples struct {
				Match   []src
				NoMatch []src `yaml:"no_match"`
			}
		}
	}
}

// Error is a problem in a rules file, with the line it is on.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Default returns the rules embedded in the binary.
//
// Every Rules comes with the embedded model (DefaultModel); WithModel
// replaces it.
func Default() (*Rules, error) { return Parse(DefaultRulesFile, defaultRules) }

// WithModel returns the same rules weighed by model m instead; with nil,
// the rules alone read every figure (the "rules-only" reading).
func (r *Rules) WithModel(m *Model) *Rules {
	c := *r
	c.model = m
	return &c
}

// Model returns the model the rules read with, or nil.
func (r *Rules) Model() *Model { return r.model }

// DefaultData returns the embedded rules file, for editors to start from.
func DefaultData() []byte { return bytes.Clone(defaultRules) }

// Load reads and compiles a rules file.
func Load(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return Parse(path, data)
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// Parse compiles rules from data; name is used in error messages. Every
// problem found is reported, joined, each as an *Error with its line.
func Parse(name string, data []byte) (*Rules, error) {
	var spec fileSpec
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&spec); err != nil {
		return nil, yamlError(name, err)
	}
	c := compiler{file: name}
	r := c.compile(&spec)
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	c.lits.build()
	r.File, r.lits, r.all = name, &c.lits, c.all
	r.indexLists()
	r.pairFeats = new(sync.Map)
	m, err := embeddedModel()
	if err != nil {
		return nil, err
	}
	r.model = m
	return r, nil
}

func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var errs []error
		for _, m := range te.Errors {
			errs = append(errs, lineError(name, m))
		}
		return errors.Join(errs...)
	}
	return lineError(name, err.Error())
}

func lineError(name, msg string) error {
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		var line int
		fmt.Sscan(m[1], &line)
		return &Error{File: name, Line: line, Msg: m[2]}
	}
	return &Error{File: name, Msg: strings.TrimPrefix(msg, "yaml: ")}
}

type compiler struct {
	file string
	errs []error
	lits litTable
	all  []*pattern
}

func (c *compiler) errorf(line int, format string, args ...any) {
	c.errs = append(c.errs, &Error{File: c.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// re compiles one pattern of the file; an empty pattern gives nil.
func (c *compiler) re(p src, what string) *pattern {
	if p.s == "" {
		return nil
	}
	if why := checkPattern(p.s); why != "" {
		c.errorf(p.line, "%s: pattern may backtrack without bound: %s", what, why)
		return nil
	}
	re, err := compilePattern(p.s, what, &c.lits)
	if err != nil {
		c.errorf(p.line, "%s: bad pattern %q: %v", what, p.s, err)
		return nil
	}
	c.all = append(c.all, re)
	return re
}

// phrase compiles a plain alias or noun into a word-bounded pattern.
func (c *compiler) phrase(p src, what string) *pattern {
	f := foldString(p.s)
	if f == "" {
		c.errorf(p.line, "%s: empty alias", what)
		return nil
	}
	re := c.re(src{s: `\b` + phraseRe(f) + `\b`, line: p.line}, what)
	if re != nil {
		re.words = strings.Fields(f)
	}
	return re
}

func phraseRe(folded string) string {
	words := strings.Fields(folded)
	for i, w := range words {
		words[i] = regexp2.Escape(w)
	}
	return strings.Join(words, `\s+`)
}

// Known ids of spec/taxonomy.md beyond programmes, checked so that a typo
// in a rules file is an error rather than a silent new id.
var (
	knownUnits   = set("person", "household", "child", "elderly", "student", "file", "service", "decree", "point", "MAD", "EUR", "USD", "percent")
	knownQuals   = set("about", "more_than", "at_least", "less_than", "up_to")
	knownModals  = set("target", "forecast")
	validIDRe    = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	validRuleRe  = regexp.MustCompile(`^[a-z_]+/[a-z0-9_-]+$`)
	figureMarker = "FIG"
)

func set(s ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return m
}

func (c *compiler) compile(spec *fileSpec) *Rules {
	r := &Rules{unitByNoun: map[string]string{}}
	if spec.Version != 1 {
		c.errorf(0, "version: want 1, got %d", spec.Version)
	}
	seen := map[string]int{}
	for _, p := range spec.Programmes {
		if !validIDRe.MatchString(p.ID.s) {
			c.errorf(p.ID.line, "programme id %q: want lower-case letters, digits and hyphens", p.ID.s)
			continue
		}
		if l, dup := seen[p.ID.s]; dup {
			c.errorf(p.ID.line, "programme %q already defined on line %d", p.ID.s, l)
		}
		seen[p.ID.s] = p.ID.line
		prog := &programme{id: p.ID.s, what: "programme " + p.ID.s, line: p.ID.line, countMetric: p.CountMetric.s, covers: map[string]bool{p.ID.s: true},
			featID: "p:id=" + p.ID.s, agencyOf: p.AgencyOf.s}
		for _, c := range p.Covers {
			prog.covers[c.s] = true
		}
		if p.PaidIn.s != "" {
			n, err := strconv.Atoi(p.PaidIn.s)
			if err != nil || n < 1 || n > 12 {
				c.errorf(p.PaidIn.line, "programme %q: paid_in %q is not a month number (1-12)", p.ID.s, p.PaidIn.s)
			}
			prog.paidIn = n
		}
		what := "programme " + p.ID.s
		for _, a := range p.Aliases {
			prog.patterns = appendAlias(prog.patterns, c.phrase(a, what))
		}
		for _, a := range p.Patterns {
			prog.patterns = appendAlias(prog.patterns, c.re(a, what))
		}
		for _, a := range p.Generic {
			prog.generic = appendAlias(prog.generic, c.phrase(a, what))
		}
		for _, a := range p.GenericPatterns {
			prog.generic = appendAlias(prog.generic, c.re(a, what))
		}
		for _, a := range p.Weak {
			prog.weak = appendAlias(prog.weak, c.phrase(a, what))
		}
		if len(p.Describes) > 0 {
			alts := make([]string, 0, len(p.Describes))
			for _, d := range p.Describes {
				f := foldString(d.s)
				if f == "" {
					c.errorf(d.line, "%s: empty description", what)
					continue
				}
				alts = append(alts, phraseRe(f))
				if ph := c.phrase(d, what+" describes"); ph != nil {
					prog.descPhrases = append(prog.descPhrases, ph)
				}
			}
			prog.describes = c.re(src{s: `\b(` + strings.Join(alts, "|") + `)\b`, line: p.Describes[0].line}, what+" describes")
		}
		for _, e := range p.DescribesExamples {
			prog.descEx = append(prog.descEx, example{e.s, e.line})
		}
		if len(prog.descEx) > 0 && prog.describes == nil {
			c.errorf(p.ID.line, "programme %q: describes_examples without describes", p.ID.s)
		}
		if len(prog.patterns)+len(prog.generic)+len(prog.weak) == 0 {
			c.errorf(p.ID.line, "programme %q has no alias or pattern", p.ID.s)
		}
		r.programmes = append(r.programmes, prog)
		if prog.agencyOf != "" {
			r.agencies = append(r.agencies, prog)
		}
	}

	var nouns []string
	for _, u := range spec.Units {
		if !knownUnits[u.ID.s] {
			c.errorf(u.ID.line, "unknown unit %q (spec/taxonomy.md lists %s)", u.ID.s, keys(knownUnits))
			continue
		}
		un := &unit{id: u.ID.s}
		for _, n := range u.Nouns {
			f := foldString(n.s)
			if prev, dup := r.unitByNoun[f]; dup {
				c.errorf(n.line, "noun %q is already a noun of unit %s", n.s, prev)
				continue
			}
			r.unitByNoun[f] = u.ID.s
			un.nouns = append(un.nouns, f)
			nouns = append(nouns, f)
		}
		r.units = append(r.units, un)
	}
	// Longest first, so that "personnes agees" wins over "personnes".
	sort.Slice(nouns, func(i, j int) bool {
		if len(nouns[i]) != len(nouns[j]) {
			return len(nouns[i]) > len(nouns[j])
		}
		return nouns[i] < nouns[j]
	})
	// Then by first letter, in that order otherwise: the nouns that begin
	// alike stand together, so that RE2 factors out their first letters
	// and tries a few branches at each place rather than every noun,
	// twice as fast. The match is the same: two nouns found at one place
	// begin with the same letter, and those keep their order.
	sort.SliceStable(nouns, func(i, j int) bool { return nouns[i][0] < nouns[j][0] })
	alts := make([]string, len(nouns))
	for i, n := range nouns {
		alts[i] = phraseRe(n)
	}
	if len(alts) > 0 {
		adj := ""
		if spec.Adjectives.s != "" {
			adj = `(?:` + spec.Adjectives.s + `\s+)?`
		}
		// "2 millions de ces dossiers", "dont 300.000 de leurs enfants": a
		// part of a set named before counts what the set counts.
		r.nounRe = c.re(src{s: `^\s*(de\s+(ces|leurs|ses|nos)\s+|de\s+|d'|des\s+)?` + adj + `(?<noun>` + strings.Join(alts, "|") + `)\b`, line: spec.Adjectives.line}, "units")
	}
	r.notNounRe = c.re(src{s: `^\s*` + spec.NotNouns.s, line: spec.NotNouns.line}, "not_nouns")
	r.linksRe = c.re(spec.Links, "links")
	r.labelRe = c.re(spec.Labels, "labels")
	r.carryRe = c.re(spec.Carry, "carry")
	r.changesRe = c.re(spec.Changes, "changes")
	r.notAsOfRe = c.re(spec.AsOf.NotAsOf, "as_of.not_as_of")
	r.nowRe = c.re(spec.AsOf.Now, "as_of.now")
	r.backRe = c.re(spec.AsOf.Back, "as_of.back")
	r.continuesRe = c.re(spec.AsOf.Continues, "as_of.continues")
	r.comparedRe = c.re(spec.AsOf.Compared, "as_of.compared")
	r.comparedBaseRe = c.re(spec.AsOf.ComparedBase, "as_of.compared_base")
	r.datedBackRe = c.re(spec.AsOf.DatedBack, "as_of.dated_back")
	r.imperfectRe = c.re(spec.AsOf.Imperfect, "as_of.imperfect")
	r.samePeriodRe = c.re(spec.AsOf.SamePeriod, "as_of.same_period")
	r.periodAnchorRe = c.re(spec.AsOf.PeriodAnchor, "as_of.period_anchor")
	r.dataDateRe = c.re(spec.AsOf.DataDate, "as_of.data_date")
	r.cumulativeRe = c.re(spec.AsOf.Cumulative, "as_of.cumulative")
	r.envelopeRe = c.re(spec.AsOf.Envelope, "as_of.envelope")
	r.futureRe = c.re(spec.AsOf.Future, "as_of.future")
	r.financeYearRe = c.re(spec.AsOf.FinanceYear, "as_of.finance_year")
	r.financeTitleRe = c.re(spec.AsOf.FinanceTitle, "as_of.finance_title")
	r.financeNowRe = c.re(spec.AsOf.FinanceNow, "as_of.finance_current")
	r.negationRe = c.re(spec.Negation, "negation")
	r.pronounRe = c.re(spec.Pronoun, "pronoun")
	r.anaphoraRe = c.re(spec.Anaphora, "anaphora")
	r.asideRe = c.re(spec.Asides, "asides")
	r.notFactsRe = c.re(spec.NotFacts, "not_facts")
	r.notReachedRe = c.re(spec.NotReached, "not_reached")
	r.foreignRe = c.re(spec.Foreign, "foreign")
	r.domesticRe = c.re(spec.Domestic, "domestic")
	r.agencyRe = c.re(spec.Agency, "agency_subject")
	r.notProgRe = c.re(spec.NotProg, "not_programme")
	r.notProgAft = c.re(spec.NotProgAft, "not_programme_after")
	r.countLeadRe = c.re(spec.CountLead, "count_lead")
	r.describedRe = c.re(spec.Described, "described")
	r.conditionRe = c.re(spec.Conditions, "conditions")
	r.registeredRe = c.re(spec.Registered, "registered_in")
	r.offMetricRe = c.re(spec.OffMetric, "off_metric")
	r.otherProgsRe = c.re(spec.OtherProgs, "other_programmes")
	r.topicRe = c.re(spec.Topic, "topic")
	r.moneyOffRe = c.re(spec.MoneyOff, "money_off_metric")
	r.payrollRe = c.re(spec.Payroll, "payroll_columns")
	r.ownTablesRe = c.re(spec.OwnTables, "own_tables")
	r.noteColsRe = c.re(spec.Notes, "note_columns")
	r.inciseRe = c.re(spec.Incise, "incise")
	r.cliticRe = c.re(spec.Clitic, "clitic")
	r.lastRe = c.re(spec.Last, "anaphora_last")
	for _, q := range sortedKeys(spec.Qualifiers) {
		if !knownQuals[q] {
			c.errorf(spec.Qualifiers[q].line, "unknown qualifier %q", q)
			continue
		}
		r.qualifiers = append(r.qualifiers, namedRe{q, c.re(spec.Qualifiers[q], "qualifiers."+q), "qualifiers." + q})
	}
	for _, q := range sortedKeys(spec.QualifiersSubject) {
		if !knownQuals[q] {
			c.errorf(spec.QualifiersSubject[q].line, "unknown qualifier %q", q)
			continue
		}
		r.subjectQuals = append(r.subjectQuals, namedRe{q, c.re(spec.QualifiersSubject[q], "qualifiers_subject."+q), "qualifiers_subject." + q})
	}
	for _, m := range sortedKeys(spec.Modality) {
		if !knownModals[m] {
			c.errorf(spec.Modality[m].line, "unknown modality %q", m)
			continue
		}
		r.modality = append(r.modality, namedRe{m, c.re(spec.Modality[m], "modality."+m), "modality." + m})
	}

	ruleNames := map[string]int{}
	for _, ms := range spec.Metrics {
		if !validIDRe.MatchString(ms.ID.s) {
			c.errorf(ms.ID.line, "metric id %q: want lower-case letters, digits and underscores", ms.ID.s)
			continue
		}
		m := &metric{id: ms.ID.s, what: "metric " + ms.ID.s, line: ms.ID.line, units: map[string]bool{}, isDefault: ms.Default,
			fallbackProgramme: ms.FallbackProgramme.s, minValue: ms.MinValue, maxValue: ms.MaxValue,
			featID: "m:id=" + ms.ID.s, featNoun: "m:" + ms.ID.s + "|noun"}
		if fp := ms.FallbackProgramme; fp.s != "" {
			if _, ok := seen[fp.s]; !ok {
				c.errorf(fp.line, "fallback_programme %q is not a programme of this file", fp.s)
			}
		}
		for _, u := range ms.Units {
			if !knownUnits[u.s] {
				c.errorf(u.line, "metric %s: unknown unit %q", ms.ID.s, u.s)
			}
			m.units[u.s] = true
		}
		for _, u := range ms.DefaultUnits {
			if !m.units[u.s] {
				c.errorf(u.line, "metric %s: default unit %q is not one of its units", ms.ID.s, u.s)
			}
			if m.defaultUnits == nil {
				m.defaultUnits = map[string]bool{}
			}
			m.defaultUnits[u.s] = true
		}
		if len(m.units) == 0 {
			c.errorf(ms.ID.line, "metric %s: no units", ms.ID.s)
		}
		if ms.Reject.s != "" {
			m.reject = c.re(ms.Reject, "metric "+ms.ID.s+" reject")
		}
		for _, rs := range ms.Rules {
			ru := &rule{name: rs.Name.s, line: rs.Name.line, metric: m, generic: rs.Generic}
			switch {
			case !validRuleRe.MatchString(rs.Name.s) || !strings.HasPrefix(rs.Name.s, ms.ID.s+"/"):
				c.errorf(rs.Name.line, "rule name %q: want %s/<word>", rs.Name.s, ms.ID.s)
			case ruleNames[rs.Name.s] != 0:
				c.errorf(rs.Name.line, "rule %q already defined on line %d", rs.Name.s, ruleNames[rs.Name.s])
			}
			ruleNames[rs.Name.s] = rs.Name.line
			switch {
			case rs.Cue.s != "" && rs.Pattern.s != "":
				c.errorf(rs.Name.line, "rule %s: give a cue or a pattern, not both", rs.Name.s)
			case rs.Cue.s != "":
				ru.cue = c.re(rs.Cue, "rule "+rs.Name.s)
			case rs.Pattern.s != "":
				if !strings.Contains(rs.Pattern.s, figureMarker) {
					c.errorf(rs.Pattern.line, "rule %s: a pattern must contain FIG, where the figure stands", rs.Name.s)
				}
				ru.pattern = c.re(rs.Pattern, "rule "+rs.Name.s)
			default:
				c.errorf(rs.Name.line, "rule %s: no cue and no pattern", rs.Name.s)
			}
			for _, e := range rs.Examples.Match {
				ru.match = append(ru.match, example{e.s, e.line})
			}
			for _, e := range rs.Examples.NoMatch {
				ru.noMatch = append(ru.noMatch, example{e.s, e.line})
			}
			if len(ru.match) == 0 {
				c.errorf(rs.Name.line, "rule %s: no example that must match", rs.Name.s)
			}
			m.rules = append(m.rules, ru)
		}
		r.metrics = append(r.metrics, m)
	}
	metricIDs := map[string]bool{}
	for _, m := range r.metrics {
		metricIDs[m.id] = true
	}
	for _, p := range spec.Programmes {
		if cm := p.CountMetric; cm.s != "" && !metricIDs[cm.s] {
			c.errorf(cm.line, "count_metric %q is not a metric of this file", cm.s)
		}
		for _, cv := range p.Covers {
			if _, ok := seen[cv.s]; !ok {
				c.errorf(cv.line, "covers %q: not a programme of this file", cv.s)
			}
		}
		if a := p.AgencyOf; a.s != "" {
			if _, ok := seen[a.s]; !ok || a.s == p.ID.s {
				c.errorf(a.line, "agency_of %q: not another programme of this file", a.s)
			}
		}
	}
	return r
}

func appendAlias(list []alias, re *pattern) []alias {
	if re == nil {
		return list
	}
	return append(list, alias{re: re})
}

func keys(m map[string]bool) string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return strings.Join(k, ", ")
}

func sortedKeys(m map[string]src) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}

// Programmes returns the programme ids the rules know, in file order.
func (r *Rules) Programmes() []string {
	ids := make([]string, len(r.programmes))
	for i, p := range r.programmes {
		ids[i] = p.id
	}
	return ids
}

// Metrics returns the metric ids the rules know, in file order.
func (r *Rules) Metrics() []string {
	ids := make([]string, len(r.metrics))
	for i, m := range r.metrics {
		ids[i] = m.id
	}
	return ids
}

// Units returns every unit id of spec/taxonomy.md.
func Units() []string { return strings.Split(keys(knownUnits), ", ") }

// Qualifiers returns every qualifier id of spec/taxonomy.md.
func Qualifiers() []string {
	return append([]string{"exact"}, strings.Split(keys(knownQuals), ", ")...)
}

func (r *Rules) programme(id string) *programme {
	for _, p := range r.programmes {
		if p.id == id {
			return p
		}
	}
	return nil
}

func (r *Rules) metric(id string) *metric {
	for _, m := range r.metrics {
		if m.id == id {
			return m
		}
	}
	return nil
}
