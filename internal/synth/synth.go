// Package synth generates synthetic French press articles about Morocco's
// social-protection programmes, for benchmarks and scale tests: distinct
// articles (as a crawl of many sites gives) and near-identical pages (as a
// scraper's template or error pages give).
//
// Every sentence is written for this package; none comes from a real or
// test article. An article is a function of its number alone, so a corpus
// is the same on every machine and any share of it can be made apart.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// programmes are the names the default rules know, as a journalist writes
// them.
var programmes = []string{
	"l'AMO Tadamon", "l'AMO TNS", "l'AMO", "le RSU", "l'aide sociale directe",
	"le régime AMO des indépendants", "le Registre national de la population",
}

var months = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

var cities = []string{"Rabat", "Casablanca", "Fès", "Tanger", "Marrakech", "Agadir", "Oujda",
	"Meknès", "Tétouan", "Laâyoune", "Kénitra", "Safi", "El Jadida", "Béni Mellal", "Nador"}

var sites = []string{"Le Quotidien du Sud", "L'Écho de l'Atlas", "Courrier de Rabat", "La Vigie", "Le Messager", "Horizons Maroc", "La Gazette du Rif"}

// figureSentences each hold one figure the default rules read; %[1]s is the
// figure's words, %[2]s the programme, %[3]s a month, %[4]d a year.
var figureSentences = []string{
	"Le nombre de bénéficiaires de %[2]s a atteint %[1]s de personnes à fin %[3]s %[4]d.",
	"Selon la caisse, %[2]s couvre désormais %[1]s de personnes, un chiffre arrêté en %[3]s %[4]d.",
	"Au titre de %[2]s, %[1]s de dossiers ont été traités depuis %[3]s %[4]d.",
	"Pour %[2]s, quelque %[1]s de demandes ont été déposées au cours du mois de %[3]s %[4]d.",
	"Le budget consacré à %[2]s s'élève à %[1]s de dirhams pour l'exercice %[4]d.",
	"Le nombre d'adhérents à %[2]s a dépassé %[1]s de personnes en %[3]s %[4]d.",
}

// filler are sentences without figures; words from the pools below are put
// in them so that two articles share few runs of four words.
var filler = []string{
	"La réunion tenue à %s a réuni les représentants des caisses et des %s de la région.",
	"Les responsables ont insisté sur la nécessité de %s les délais de traitement des dossiers à %s.",
	"Plusieurs élus de %s ont relevé les difficultés d'accès aux soins dans les zones %s.",
	"Le ministère entend %s le dispositif d'accompagnement des familles de %s avant la fin de l'année.",
	"Des associations de %s ont salué une avancée tout en demandant davantage de %s.",
	"La digitalisation des procédures devrait %s les files d'attente observées à %s.",
	"Un comité de suivi se réunira chaque trimestre à %s pour évaluer les %s du chantier.",
	"Les syndicats de %s réclament une meilleure information sur les %s de remboursement.",
	"La généralisation de la couverture reste un chantier %s pour l'exécutif, rappelle-t-on à %s.",
	"Les professionnels de santé de %s attendent une révision des %s de référence.",
}

var fillWords = []string{"médecins", "pharmaciens", "usagers", "patients", "artisans", "commerçants",
	"agriculteurs", "retraités", "étudiants", "infirmiers", "walis", "maires", "cadres", "familles",
	"réduire", "accélérer", "simplifier", "renforcer", "élargir", "revoir", "rurales", "enclavées",
	"montagneuses", "périurbaines", "moyens", "garanties", "résultats", "étapes", "tarifs", "barèmes",
	"prioritaire", "structurant", "majeur", "délicat", "coûteux", "indicateurs", "procédures", "contrôles"}

// Article is one generated article: a file name and its text (a plain-text
// dump with title, site and date headers, as faits ingest reads .txt files).
type Article struct {
	Name string
	Text []byte
}

// Distinct returns article i of a corpus of distinct articles: 2 to 4 KB
// of text (2.9 on average) with five to seven figures, no two of them
// reprints of each other. The seed selects the corpus.
func Distinct(seed uint64, i int) Article {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	year := 2022 + rng.IntN(4)
	month := rng.IntN(12)
	site := sites[rng.IntN(len(sites))]
	var b strings.Builder
	fmt.Fprintf(&b, "Titre: %s : le point sur la protection sociale à %s (%d)\n", pick(rng, programmes), pick(rng, cities), i)
	fmt.Fprintf(&b, "Site: %s\n", site)
	fmt.Fprintf(&b, "date %d-%02d-%02d\n\n", year, month+1, 1+rng.IntN(28))
	figures := 5 + rng.IntN(3)
	for f := 0; f < figures; f++ {
		for s := 0; s < 3+rng.IntN(2); s++ {
			fmt.Fprintf(&b, pick(rng, filler), pick(rng, append(cities, fillWords...)), pick(rng, fillWords))
			b.WriteByte(' ')
		}
		fy, fm := year, rng.IntN(12)
		if fm > month && fy > 2022 {
			fy--
		}
		fmt.Fprintf(&b, pick(rng, figureSentences), figure(rng), pick(rng, programmes), months[fm], fy)
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "Rédigé à %s, article n° %d.\n", pick(rng, cities), i)
	return Article{Name: fmt.Sprintf("%07d.txt", i), Text: []byte(b.String())}
}

// NearIdentical returns page i of a scraper's template: the same page but
// for its address and a counter, with one figure in its fixed text. Any
// two are reprints of each other.
func NearIdentical(seed uint64, i int) Article {
	text := fmt.Sprintf(`Titre: Page indisponible
Site: Portail des caisses

La page demandée n'a pas pu être affichée. Elle a peut-être été déplacée, renommée ou retirée du portail, ou l'adresse saisie comporte une erreur.

Vous pouvez revenir à l'accueil, consulter le plan du site ou utiliser le moteur de recherche pour retrouver le contenu qui vous intéresse. Si le problème persiste, écrivez au service des usagers en indiquant l'adresse de la page et l'heure de votre visite.

Rappel : l'AMO Tadamon couvre désormais %d millions de personnes dans tout le Royaume, selon les derniers chiffres publiés par la caisse.

Adresse demandée : /actualites/%d/article-%d.html (référence %d-%d)
`, 11, seed, i, seed, i)
	return Article{Name: fmt.Sprintf("tpl%07d.txt", i), Text: []byte(text)}
}

// Long returns one article of at least n bytes: a header, then the bodies
// of distinct articles 0, 1, … joined, one paragraph after another. It is
// the long text of distinct paragraphs a scraper may glue together (issue
// 15), a figure in every few sentences.
func Long(seed uint64, n int) Article {
	var b strings.Builder
	b.Grow(n + 4096)
	fmt.Fprintf(&b, "Titre: Dossier : la protection sociale région par région\nSite: %s\ndate 2025-03-14\n\n", sites[0])
	for i := 0; b.Len() < n; i++ {
		t := Distinct(seed, i).Text
		b.Write(t[strings.Index(string(t), "\n\n")+2:])
		b.WriteByte('\n')
	}
	return Article{Name: "long.txt", Text: []byte(b.String())}
}

// Write writes articles [from, to) made by gen into dir, 1,000 a
// subfolder, and returns their total size in bytes.
func Write(dir string, from, to int, gen func(i int) Article) (int64, error) {
	var total int64
	for i := from; i < to; i++ {
		a := gen(i)
		sub := filepath.Join(dir, fmt.Sprintf("%04d", i/1000))
		if i == from || i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return total, fmt.Errorf("synth: %w", err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, a.Name), a.Text, 0o644); err != nil {
			return total, fmt.Errorf("synth: %w", err)
		}
		total += int64(len(a.Text))
	}
	return total, nil
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// figure writes a count or an amount as French articles do: "2,4 millions",
// "870 000", "1,35 milliard".
func figure(rng *rand.Rand) string {
	switch rng.IntN(3) {
	case 0:
		return fmt.Sprintf("%d,%d millions", 1+rng.IntN(20), 1+rng.IntN(9))
	case 1:
		return fmt.Sprintf("%d,%02d millions", 1+rng.IntN(9), 10+rng.IntN(89))
	default:
		return fmt.Sprintf("%d millions", 2+rng.IntN(40))
	}
}
