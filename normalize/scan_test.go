package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// want is one expected expression: the text it covers and what it means.
type want struct {
	text      string
	kind      Kind
	value     float64
	max       float64 // 0: not a range
	unit      string
	qualifier string
	date      string
}

func wnum(text string, v float64, q string) want { return want{text, Number, v, 0, "", q, ""} }
func mad(text string, v float64, q string) want  { return want{text, Money, v, 0, "MAD", q, ""} }
func pct(text string, v float64, q string) want  { return want{text, Percent, v, 0, "percent", q, ""} }
func day(text, iso string) want                  { return want{text, Date, 0, 0, "", "", iso} }

// scanCases are the press forms issue 3 names, each in a sentence.
var scanCases = []struct {
	in   string
	want []want
}{
	// digits with French separators
	{"plus de 527.000 dossiers", []want{wnum("plus de 527.000", 527000, "more_than")}},
	{"soit 3.857.601 assurés", []want{wnum("3.857.601", 3857601, "exact")}},
	{"313 000 personnes", []want{wnum("313 000", 313000, "exact")}},
	{"313\u00a0000 personnes", []want{wnum("313\u00a0000", 313000, "exact")}},
	{"313\u202f000 personnes", []want{wnum("313\u202f000", 313000, "exact")}},
	{"un total de 1 234 567,89 dirhams", []want{mad("1 234 567,89 dirhams", 1234567.89, "exact")}},
	{"125.000,50 dirhams", []want{mad("125.000,50 dirhams", 125000.5, "exact")}},
	{"les 8364 agents", []want{wnum("8364", 8364, "exact")}},
	{"un taux de 0,75 %", []want{pct("0,75 %", 0.75, "exact")}},
	{"22,5 millions", []want{wnum("22,5 millions", 22.5e6, "exact")}},
	{"1,200,000 doses", []want{wnum("1,200,000", 1200000, "exact")}},
	{"4,800 tonnes", []want{wnum("4,800", 4.8, "exact")}},
	{"1.200 dirhams", []want{mad("1.200 dirhams", 1200, "exact")}},
	{"181.000 personnes", []want{wnum("181.000", 181000, "exact")}},
	// scale words, abbreviations and money
	{"40,5 milliards de dirhams", []want{mad("40,5 milliards de dirhams", 40.5e9, "exact")}},
	{"367 MDH", []want{mad("367 MDH", 367e6, "exact")}},
	{"un budget de 3 MMDH", []want{mad("3 MMDH", 3e9, "exact")}},
	{"9,5 Mds DH", []want{mad("9,5 Mds DH", 9.5e9, "exact")}},
	{"2 Mrds Dh", []want{mad("2 Mrds Dh", 2e9, "exact")}},
	{"5 milliards de DH", []want{mad("5 milliards de DH", 5e9, "exact")}},
	{"500 DHS par mois", []want{mad("500 DHS", 500, "exact")}},
	{"200 Dhs", []want{mad("200 Dhs", 200, "exact")}},
	{"1000 MAD", []want{mad("1000 MAD", 1000, "exact")}},
	{"2 Md de dirhams", []want{mad("2 Md de dirhams", 2e9, "exact")}},
	{"10k abonnés", []want{wnum("10k", 10000, "exact")}},
	{"1,2 M de personnes", []want{wnum("1,2 M", 1.2e6, "exact")}},
	// "M" before a word in lower case or at the end of its line is a
	// million; before a name it is "M." without its period.
	{"25,3 M assurés", []want{wnum("25,3 M", 25.3e6, "exact")}},
	{"Total | 8,9 M\nSource", []want{wnum("8,9 M", 8.9e6, "exact")}},
	{"reçu par 5 M Dupont", []want{wnum("5", 5, "exact")}},
	// A legal text's amount in words then in digits is one figure.
	{"porté à cinq cent cinquante (550) dirhams", []want{mad("cinq cent cinquante (550) dirhams", 550, "exact")}},
	{"trente (30) jours après", []want{wnum("trente (30)", 30, "exact")}},
	// Large sums counted in centimes are dirhams; a few centimes stay so.
	{"290 milliards de centimes", []want{mad("290 milliards de centimes", 2.9e9, "exact")}},
	// A Hijri date around its Gregorian one: neither its day nor its
	// year is a figure.
	{"du 17 joumada I 1445 (30 novembre 2023)", []want{day("30 novembre 2023", "2023-11-30")}},
	{"du 3 rabii al aoual 1447 ; 1447 familles", []want{wnum("1447", 1447, "exact")}},
	{"1.200.000 bénéficiaires", []want{wnum("1.200.000", 1.2e6, "exact")}},
	// A typist's mix of dot and space groups is still one number.
	{"4.512 806 assurés", []want{wnum("4.512 806", 4512806, "exact")}},
	{"soit 3 071.950 inscrits", []want{wnum("3 071.950", 3071950, "exact")}},
	{"12.5% de hausse", []want{pct("12.5%", 12.5, "exact")}},
	{"soit +13,6% sur la période", []want{pct("13,6%", 13.6, "exact")}},
	{"une variation de +4,2 %", []want{pct("4,2 %", 4.2, "exact")}},
	// A table's column of changes, its "%" in the header: the decimal
	// after "+" is read whole, not as its last digit.
	{"Salariés | 9 960 | +4,1", []want{wnum("9 960", 9960, "exact"), wnum("4,1", 4.1, "exact")}},
	{"+1,2 million d'assurés de plus", nil},
	{"un tiers des familles", []want{wnum("un tiers", 1.0/3, "exact")}},
	{"1 milliard de dollars US", []want{{"1 milliard de dollars US", Money, 1e9, 0, "USD", "exact", ""}}},
	{"25 000 DH par an", []want{mad("25 000 DH", 25000, "exact")}},
	{"pas moins de 1.000 médecins", []want{wnum("pas moins de 1.000", 1000, "at_least")}},
	{"30 millions d'euros", []want{{"30 millions d'euros", Money, 30e6, 0, "EUR", "exact", ""}}},
	{"5 €", []want{{"5 €", Money, 5, 0, "EUR", "exact", ""}}},
	{"2 millions de dollars", []want{{"2 millions de dollars", Money, 2e6, 0, "USD", "exact", ""}}},
	{"$75 millions", []want{{"$75 millions", Money, 75e6, 0, "USD", "exact", ""}}},
	{"12 pour cent", []want{pct("12 pour cent", 12, "exact")}},
	{"12 pourcent", []want{pct("12 pourcent", 12, "exact")}},
	{"93 % des dossiers", []want{pct("93 %", 93, "exact")}},
	// a hedge written after the figure is part of its span
	{"On compte 50.000 environ.", []want{wnum("50.000 environ", 50000, "about")}},
	{"il touche 1.250 dirhams environ par mois", []want{mad("1.250 dirhams environ", 1250, "about")}},
	{"le taux est passé à 60 % environ", []want{pct("60 % environ", 60, "about")}},
	{"ils sont 2 millions à peu près", []want{wnum("2 millions à peu près", 2e6, "about")}},
	{"cela touche 4 millions tout au plus", []want{wnum("4 millions tout au plus", 4e6, "up_to")}},
	{"cela touche 3 millions au moins", []want{wnum("3 millions au moins", 3e6, "at_least")}},
	{"une pension de 500 dirhams au minimum", []want{mad("500 dirhams au minimum", 500, "at_least")}},
	{"une aide de 800 dirhams au maximum", []want{mad("800 dirhams au maximum", 800, "up_to")}},
	{"ils étaient 3 millions, au moins pour l'instant", []want{wnum("3 millions", 3e6, "exact")}},
	{"il y a environ 50.000 personnes", []want{wnum("environ 50.000", 50000, "about")}},
	{"soit 400 dirhams environ 20 000 ménages", []want{mad("400 dirhams", 400, "exact"), wnum("environ 20 000", 20000, "about")}},
	{"payé en 30 jours au plus tard", []want{wnum("30", 30, "exact")}},
	// a scale or unit written once after two figures joined by "et"/"ou"
	// is shared; each figure stays its own expression
	{"respectivement 30 et 31,5 milliards de dirhams", []want{mad("30", 30e9, "exact"), mad("31,5 milliards de dirhams", 31.5e9, "exact")}},
	{"ils touchent 400 et 600 dirhams", []want{mad("400", 400, "exact"), mad("600 dirhams", 600, "exact")}},
	{"2 et 3 millions de personnes", []want{wnum("2", 2e6, "exact"), wnum("3 millions", 3e6, "exact")}},
	{"deux ou trois millions de personnes", []want{wnum("deux", 2e6, "exact"), wnum("trois millions", 3e6, "exact")}},
	{"20 et 30 % des ménages", []want{pct("20", 20, "exact"), pct("30 %", 30, "exact")}},
	{"en 2024 et 3 millions de personnes", []want{day("en 2024", "2024"), wnum("3 millions", 3e6, "exact")}},
	{"des enfants de 9 et 12 ans", []want{wnum("9", 9, "exact")}},
	{"1.200 et 3 millions", []want{wnum("1.200", 1200, "exact"), wnum("3 millions", 3e6, "exact")}},
	{"entre 400 et 600 dirhams", []want{{"entre 400 et 600 dirhams", Money, 400, 600, "MAD", "exact", ""}}},
	// a list of amounts writes the currency once, on its first item
	{"200 dirhams par élève du primaire, 300 au collège et 400 au lycée", []want{mad("200 dirhams", 200, "exact"), mad("300", 300, "exact"), mad("400", 400, "exact")}},
	{"une prime de 2.000 dirhams pour le premier enfant et de 1.500 pour le second", []want{mad("2.000 dirhams", 2000, "exact"), mad("1.500", 1500, "exact")}},
	{"cinq cents dirhams par veuve, six cents par orphelin.", []want{mad("cinq cents dirhams", 500, "exact"), mad("six cents", 600, "exact")}},
	{"500 dirhams par mois, 3 fois par an", []want{mad("500 dirhams", 500, "exact"), wnum("3", 3, "exact")}},
	{"500 dirhams par mois, 12 mois sur 12", []want{mad("500 dirhams", 500, "exact"), wnum("12", 12, "exact"), wnum("12", 12, "exact")}},
	{"500 dirhams pour 400 familles", []want{mad("500 dirhams", 500, "exact"), wnum("400", 400, "exact")}},
	{"2 milliards de dirhams en mars 2025, 3 en avril", []want{mad("2 milliards de dirhams", 2e9, "exact"), day("en mars 2025", "2025-03"), wnum("3", 3, "exact"), day("en avril", "2025-04")}},
	{"300 dirhams par enfant (dans la limite de trois), 200 pour les suivants", []want{mad("300 dirhams", 300, "exact"), wnum("dans la limite de trois", 3, "up_to"), wnum("200", 200, "exact")}},
	// spelled out
	{"un million de personnes", []want{wnum("un million", 1e6, "exact")}},
	{"quatre millions", []want{wnum("quatre millions", 4e6, "exact")}},
	{"les deux tiers", []want{wnum("deux tiers", 2.0/3, "exact")}},
	{"trois quarts des familles", []want{wnum("trois quarts", 0.75, "exact")}},
	{"vingt-deux décrets", []want{wnum("vingt-deux", 22, "exact")}},
	{"quatre-vingt-dix jours", []want{wnum("quatre-vingt-dix", 90, "exact")}},
	{"un demi-million", []want{wnum("un demi-million", 5e5, "exact")}},
	{"3 millions et demi", []want{wnum("3 millions et demi", 3.5e6, "exact")}},
	{"près d'un million", []want{wnum("près d'un million", 1e6, "about")}},
	// hedges
	{"dépassant les 3 milliards de dirhams", []want{mad("dépassant les 3 milliards de dirhams", 3e9, "more_than")}},
	{"a dépassé 1,7 million", []want{wnum("dépassé 1,7 million", 1.7e6, "more_than")}},
	{"dépasse 24 millions", []want{wnum("dépasse 24 millions", 24e6, "more_than")}},
	{"excédant 8,7 milliards de dirhams", []want{mad("excédant 8,7 milliards de dirhams", 8.7e9, "more_than")}},
	{"s'approchant de 189 millions de dirhams", []want{mad("s'approchant de 189 millions de dirhams", 189e6, "about")}},
	{"avoisinant les 2 millions", []want{wnum("avoisinant les 2 millions", 2e6, "about")}},
	{"environ 4 millions", []want{wnum("environ 4 millions", 4e6, "about")}},
	{"près de 11 millions", []want{wnum("près de 11 millions", 11e6, "about")}},
	{"quelque 500 agents", []want{wnum("quelque 500", 500, "about")}},
	{"en moyenne 30 % des coûts", []want{pct("en moyenne 30 %", 30, "about")}},
	{"allant jusqu'à 200 dirhams", []want{mad("allant jusqu'à 200 dirhams", 200, "up_to")}},
	{"jusqu’à 300 dirhams", []want{mad("jusqu’à 300 dirhams", 300, "up_to")}},
	{"au moins 12 centres", []want{wnum("au moins 12", 12, "at_least")}},
	{"moins de 5 %", []want{pct("moins de 5 %", 5, "less_than")}},
	{"au-delà de 10 millions", []want{wnum("au-delà de 10 millions", 10e6, "more_than")}},
	// a year alone in brackets dates what it follows
	{"bénéficiaires par an 7 420 (2022)", []want{wnum("7 420", 7420, "exact"), day("2022", "2022")}},
	{"cotisants ( 2022 )", nil},
	// a quarter or a half as a code; a number spaced from a code is a
	// figure of its own
	{"71 % (T2 2024)", []want{pct("71 %", 71, "exact"), day("T2 2024", "2024-04/2024-06")}},
	{"S1 2025 : 4,1 millions", []want{day("S1 2025", "2025-01/2025-06"), wnum("4,1 millions", 4.1e6, "exact")}},
	{"le S1 3 millions", []want{wnum("3 millions", 3e6, "exact")}},
	{"le G20 puis 19 pays", []want{wnum("19", 19, "exact")}},
	{"T5 2024 et AT2 2024", nil},
	// signs written as hedges in notes and threads
	{"tranche : ~2,9 MMDH versés", []want{mad("~2,9 MMDH", 2.9e9, "about")}},
	{"soit ≈ 7,2 millions", []want{wnum("≈ 7,2 millions", 7.2e6, "about")}},
	{"Veuves : > 300 000 femmes", []want{wnum("> 300 000", 300000, "more_than")}},
	{"(≥ 40 %)", []want{pct("≥ 40 %", 40, "at_least")}},
	{"coût < 50 dirhams", []want{mad("< 50 dirhams", 50, "less_than")}},
	{"si 12 > 10 alors", []want{wnum("12", 12, "exact"), wnum("10", 10, "exact")}},
	{"flèche -> 8 centres", []want{wnum("8", 8, "exact")}},
	{"a~3 centres", []want{wnum("3", 3, "exact")}},
	// a hedge after a rate's period qualifies the figure before it, whose
	// span stays its own
	{"soit 1 700 dirhams en moyenne", []want{mad("1 700 dirhams en moyenne", 1700, "about")}},
	{"soit 1 700 dirhams par mois en moyenne", []want{mad("1 700 dirhams", 1700, "about")}},
	{"soit 350 dirhams par an au maximum", []want{mad("350 dirhams", 350, "up_to")}},
	{"soit 1 700 dirhams par mois, en moyenne", []want{mad("1 700 dirhams", 1700, "exact")}},
	// a translation's English figures: a comma grouping thousands before
	// a count noun or dirhams, "per cent"; a measure, a percentage and a
	// scaled figure keep their decimals
	{"seuls 245,800 adhérents", []want{wnum("245,800", 245800, "exact")}},
	{"une prime de 2,250 dirhams", []want{mad("2,250 dirhams", 2250, "exact")}},
	{"près de 64 per cent des ménages", []want{pct("près de 64 per cent", 64, "about")}},
	{"un trajet de 3,250 km", []want{wnum("3,250", 3.25, "exact")}},
	{"un taux de 2,125 %", []want{pct("2,125 %", 2.125, "exact")}},
	{"soit 1,250 milliard de dirhams", []want{mad("1,250 milliard de dirhams", 1.25e9, "exact")}},
	{"0,375 personne", []want{wnum("0,375", 0.375, "exact")}},
	{"dépasse aujourd'hui 24 millions", []want{day("aujourd'hui", "2025-02-17"), {"24 millions", Number, 24e6, 0, "", "more_than", ""}}},
	// ranges
	{"de 500 à 1.200 dirhams", []want{{"de 500 à 1.200 dirhams", Money, 500, 1200, "MAD", "exact", ""}}},
	{"entre 150 et 210 dirhams", []want{{"entre 150 et 210 dirhams", Money, 150, 210, "MAD", "exact", ""}}},
	{"varie entre un minimum de 400 dirhams et 1.050 dirhams", []want{{"entre un minimum de 400 dirhams et 1.050 dirhams", Money, 400, 1050, "MAD", "exact", ""}}},
	{"entre un minimum de 300 et un maximum de 900 DH", []want{{"entre un minimum de 300 et un maximum de 900 DH", Money, 300, 900, "MAD", "exact", ""}}},
	{"de 8,6 millions à 24,3 millions", []want{{"de 8,6 millions à 24,3 millions", Number, 8.6e6, 24.3e6, "", "exact", ""}}},
	{"de 8 à 10 millions", []want{{"de 8 à 10 millions", Number, 8e6, 10e6, "", "exact", ""}}},
	{"de 500 à 1 million", []want{{"de 500 à 1 million", Number, 500, 1e6, "", "exact", ""}}},
	// "à" without its "de": a range when the second end is an amount or
	// a share and the ends rise; counts and falls stay two figures.
	{"(150 à 450 dirhams par élève)", []want{{"150 à 450 dirhams", Money, 150, 450, "MAD", "exact", ""}}},
	{"en hausse de 5 % au 31 mai", []want{pct("5 %", 5, "exact"), day("31 mai", "2025-05-31")}},
	{"soit 12 à 15 %", []want{{"12 à 15 %", Percent, 12, 15, "percent", "exact", ""}}},
	{"soit 3 à 4 enfants", []want{wnum("3", 3, "exact"), wnum("4", 4, "exact")}},
	{"2 millions à 300 dirhams", []want{wnum("2 millions", 2e6, "exact"), mad("300 dirhams", 300, "exact")}},
	{"entre 10 et 15 %", []want{{"entre 10 et 15 %", Percent, 10, 15, "percent", "exact", ""}}},
	{"de 12 % à 30", []want{{"de 12 % à 30", Percent, 12, 30, "percent", "exact", ""}}},
	// A rise in percent, then the count reached: no range.
	{"grimpé de 6 % à 2,3 millions", []want{pct("6 %", 6, "exact"), wnum("2,3 millions", 2.3e6, "exact")}},
	// dates
	{"en octobre 2024", []want{day("en octobre 2024", "2024-10")}},
	{"à fin janvier 2025", []want{day("à fin janvier 2025", "2025-01")}},
	{"fin janvier 2025", []want{day("fin janvier 2025", "2025-01")}},
	{"fin 2024", []want{day("fin 2024", "2024-12")}},
	{"à fin 2024", []want{day("à fin 2024", "2024-12")}},
	{"en 2021", []want{day("en 2021", "2021")}},
	{"l'année 2025", []want{day("l'année 2025", "2025")}},
	{"au cours de l'année 2025", []want{day("au cours de l'année 2025", "2025")}},
	{"au terme de 2021", []want{day("au terme de 2021", "2021-12")}},
	{"au terme de l'année 2022", []want{day("au terme de l'année 2022", "2022-12")}},
	{"au terme de la réunion", nil},
	{"une période de transition de 180 jours", []want{wnum("180", 180, "exact")}},
	{"pour l'année en cours", []want{day("l'année en cours", "2025")}},
	{"inscrits au titre de l'exercice en cours", []want{day("l'exercice en cours", "2025")}},
	{"les comptes de l'exercice 2023", []want{day("l'exercice 2023", "2023")}},
	{"entre 2021 et fin 2024", []want{day("entre 2021 et fin 2024", "2021/2024-12")}},
	{"depuis décembre 2023", []want{day("depuis décembre 2023", "2023-12/..")}},
	{"le 1er décembre 2022", []want{day("1er décembre 2022", "2022-12-01")}},
	{"mardi 26 novembre 2024", []want{day("mardi 26 novembre 2024", "2024-11-26")}},
	{"17 - 02 - 2025", []want{day("17 - 02 - 2025", "2025-02-17")}},
	{"17/02/2025", []want{day("17/02/2025", "2025-02-17")}},
	{"2025-09-17", []want{day("2025-09-17", "2025-09-17")}},
	{"Fin mars 2025", []want{day("Fin mars 2025", "2025-03")}},
	{"janvier dernier", []want{day("janvier dernier", "2025-01")}},
	// A month's name before a decimal is no "mars 5".
	{"à fin mars 5,28 millions", []want{day("à fin mars", "2025-03"), wnum("5,28 millions", 5.28e6, "exact")}},
	{"en janvier 3,9 millions", []want{day("en janvier", "2025-01"), wnum("3,9 millions", 3.9e6, "exact")}},
	// a month alone after a verb in the past that stands before what
	// changed is the last such month; a verb in the future, a present
	// passive or a clause of another tense leave the nearest
	{"le plafond est passé à 400 dirhams en mai", []want{mad("400 dirhams", 400, "exact"), day("en mai", "2024-05")}},
	{"le taux a augmenté de 2 % en mai", []want{pct("2 %", 2, "exact"), day("en mai", "2024-05")}},
	{"le plafond passera à 400 dirhams en mai", []want{mad("400 dirhams", 400, "exact"), day("en mai", "2025-05")}},
	{"il a annoncé que le plafond passera à 400 dirhams en mai", []want{mad("400 dirhams", 400, "exact"), day("en mai", "2025-05")}},
	{"le plafond est prévu à 400 dirhams en mai", []want{mad("400 dirhams", 400, "exact"), day("en mai", "2025-05")}},
	{"mardi dernier", []want{day("mardi dernier", "2025-02-11")}},
	{"l'an dernier", []want{day("l'an dernier", "2024")}},
	{"le mois dernier", []want{day("le mois dernier", "2025-01")}},
	// After "du", and of a quarter, a half-year, the school year (the
	// reference is 2025-02-17).
	{"la tranche du mois dernier", []want{day("du mois dernier", "2025-01")}},
	{"au cours du trimestre écoulé", []want{day("du trimestre écoulé", "2024-10/2024-12")}},
	{"à fin du trimestre écoulé", []want{day("à fin du trimestre écoulé", "2024-10/2024-12")}},
	{"le semestre prochain", []want{day("le semestre prochain", "2025-07/2025-12")}},
	{"à la rentrée dernière", []want{day("la rentrée dernière", "2024-09")}},
	{"la rentrée scolaire", nil},
	// A month alone is the nearest, unless a verb in the past puts it
	// before the reference.
	{"les aides seront versées en mai", []want{day("en mai", "2025-05")}},
	{"les aides ont été versées en mai", []want{day("en mai", "2024-05")}},
	{"le montant a augmenté en avril", []want{day("en avril", "2024-04")}},
	{"hier", []want{day("hier", "2025-02-16")}},
	{"lundi", []want{day("lundi", "2025-02-17")}},
	{"jeudi", []want{day("jeudi", "2025-02-13")}},
	{"aujourd'hui", []want{day("aujourd'hui", "2025-02-17")}},
	// a dot after a month written whole ends the sentence: no day
	{"payés au titre du mois de janvier. Une famille", []want{day("janvier", "2025-01")}},
	{"à ce jour", []want{day("à ce jour", "2025-02-17")}},
	{"du 4 au 22 novembre 2016", []want{day("du 4 au 22 novembre 2016", "2016-11-04/2016-11-22")}},
	{"au 1er trimestre 2025", []want{day("1er trimestre 2025", "2025-01/2025-03")}},
	{"au second semestre 2024", []want{day("second semestre 2024", "2024-07/2024-12")}},
	// a half or quarter with no year is one of the reference year
	{"au premier semestre, les chiffres", []want{day("premier semestre", "2025-01/2025-06")}},
	{"au premier semestre 2025", []want{day("premier semestre 2025", "2025-01/2025-06")}},
	{"au deuxième semestre 2024", []want{day("deuxième semestre 2024", "2024-07/2024-12")}},
	{"au premier trimestre 2025", []want{day("premier trimestre 2025", "2025-01/2025-03")}},
	{"au troisième trimestre", []want{day("troisième trimestre", "2025-07/2025-09")}},
	{"au premier semestre de l'année dernière", []want{day("premier semestre de l'année dernière", "2024-01/2024-06")}},
	{"sur les six premiers mois de l'année", []want{day("les six premiers mois de l'année", "2025-01/2025-06")}},
	{"les 3 premiers mois de 2024", []want{day("les 3 premiers mois de 2024", "2024-01/2024-03")}},
	{"les six premiers mois du programme", []want{wnum("six", 6, "exact")}},
	{"les 12 derniers mois", []want{day("les 12 derniers mois", "2024-02-17/2025-02-16")}},
	{"il y a deux ans", []want{day("il y a deux ans", "2023-02-17")}},
	{"les années 1990", []want{day("les années 1990", "1990/1999")}},
	{"September 16, 2025", []want{day("September 16, 2025", "2025-09-16")}},
	{"d'ici 2030", []want{day("2030", "2030")}},
	// deadlines: "d'ici" stays outside the span, as in "d'ici 2030"
	{"d'ici la fin de l'année", []want{day("fin de l'année", "2025-12")}},
	{"d'ici la fin de l'année prochaine", []want{day("fin de l'année prochaine", "2026-12")}},
	{"d'ici fin 2026", []want{day("fin 2026", "2026-12")}},
	{"d'ici la fin de 2026", []want{day("fin de 2026", "2026-12")}},
	{"d'ici à 2030", []want{day("2030", "2030")}},
	{"à l'horizon 2030", []want{day("2030", "2030")}},
	{"d'ici 2028", []want{day("2028", "2028")}},
	{"fin 2024", []want{day("fin 2024", "2024-12")}},
	// a figure then a date
	{"plus de 1,7 million à fin janvier 2025", []want{wnum("plus de 1,7 million", 1.7e6, "more_than"), day("à fin janvier 2025", "2025-01")}},
	{"8 millions seulement en 2021", []want{wnum("8 millions", 8e6, "exact"), day("en 2021", "2021")}},
	{"2000 familles", []want{wnum("2000", 2000, "exact")}},
	{"plus de 2000 infirmiers", []want{wnum("plus de 2000", 2000, "more_than")}},
	{"plus de 1500 infirmiers", []want{wnum("plus de 1500", 1500, "more_than")}},
	{"le budget de 2024", []want{day("2024", "2024")}},
	// not figures
	{"N° 2-22-923", nil},
	{"décret n° 2-22-923", nil},
	{"la loi 65-00", nil},
	{"Mohammed VI", nil},
	{"9e édition", nil},
	{"la 2e édition", nil},
	{"plus de 60 ans", nil},
	{"âgées de plus de 60 ans", nil},
	{"CAN 2025", nil},
	{"Mondial 2030", nil},
	{"Ep 89", nil},
	{"+212 5 22 00 00 00", nil},
	{"05 22 00 00 00", nil},
	{"14h30", nil},
	{"à 14 h 30", nil},
	{"COVID-19", nil},
	{"le G20", nil},
	{"sur 2M", nil},
	{"des millions de citoyens", nil},
	{"un régime", nil},
	// a lone un/une ending its clause has no noun to be the article of
	{"un", []want{wnum("un", 1, "exact")}},
	{"Guichets ouverts à Fès : trois ; à Safi : une.", []want{wnum("trois", 3, "exact"), wnum("une", 1, "exact")}},
	{"Les caisses régionales ? Il n'en reste qu'une, à Rabat.", nil},
	{"Le dossier est suivi par l'un, puis par l'autre.", nil},
	{"Chaque agence accueille quelqu'un.", nil},
	{"un ou deux", []want{wnum("deux", 2, "exact")}},
	{"Tél : 05 22 48 20 00", nil},
	{"la loi-cadre 09-21", nil},
	{"le décret n°2.22.923", nil},
	{"à 10h", nil},
	{"des dizaines de milliers de dossiers", nil},
	{"Eljadida 24", []want{wnum("24", 24, "exact")}},
	// a softened bound is still a bound
	{"un peu moins de 3 millions de bénéficiaires", []want{wnum("un peu moins de 3 millions", 3e6, "less_than")}},
	{"un peu plus de 3 millions de bénéficiaires", []want{wnum("un peu plus de 3 millions", 3e6, "more_than")}},
	{"légèrement moins de 40 %", []want{pct("légèrement moins de 40 %", 40, "less_than")}},
	// a finance law is named by its year: a date, never a count
	{"la loi de finances 2025 prévoit", []want{day("2025", "2025")}},
	{"le PLF 2026 consacre", []want{day("2026", "2026")}},
	{"la LF 2025 et la LFR 2020", []want{day("2025", "2025"), day("2020", "2020")}},
	{"le projet de loi de finances 2026", []want{day("2026", "2026")}},
	{"le projet de loi de finances (PLF) 2026", []want{day("2026", "2026")}},
	{"la loi de finances rectificative 2020", []want{day("2020", "2020")}},
	{"la CAN 2025 au Maroc", nil},
	{"la commission des finances compte 2000 adhérents", []want{wnum("2000", 2000, "exact")}},
	// "à partir de", "à compter de": from a date on, like "depuis"
	{"depuis 2023", []want{day("depuis 2023", "2023/..")}},
	{"à partir de 2027", []want{day("à partir de 2027", "2027/..")}},
	{"à compter du 1er janvier 2026", []want{day("à compter du 1er janvier 2026", "2026-01-01/..")}},
	{"à partir d'avril 2026", []want{day("à partir d'avril 2026", "2026-04/..")}},
	{"à partir de 500 dirhams", []want{mad("500 dirhams", 500, "exact")}},
	{"à partir de 2000 dirhams", []want{mad("2000 dirhams", 2000, "exact")}},
}

var testRef = time.Date(2025, 2, 17, 0, 0, 0, 0, time.UTC)

func TestScan(t *testing.T) {
	for _, c := range scanCases {
		got := Scan(c.in, &Options{Ref: testRef})
		if err := compare(c.in, got, c.want); err != nil {
			t.Errorf("Scan(%q): %v", c.in, err)
		}
	}
}

func compare(in string, got []Expr, want []want) error {
	if len(got) != len(want) {
		return fmt.Errorf("got %d expressions %s, want %d", len(got), show(got), len(want))
	}
	for k, w := range want {
		g := got[k]
		mx := 0.0
		if g.ValueMax != nil {
			mx = *g.ValueMax
		}
		if g.Text != w.text || g.Kind != w.kind || !nearlyEqual(g.Value, w.value) || !nearlyEqual(mx, w.max) ||
			g.Unit != w.unit || g.Qualifier != w.qualifier || g.Date != w.date {
			return fmt.Errorf("expression %d: got %s, want %+v", k, show(got[k:k+1]), w)
		}
		if in[g.Start:g.End] != g.Text {
			return fmt.Errorf("expression %d: span [%d,%d) is %q, Text is %q", k, g.Start, g.End, in[g.Start:g.End], g.Text)
		}
	}
	return nil
}

func show(es []Expr) string {
	var b strings.Builder
	for _, e := range es {
		mx := ""
		if e.ValueMax != nil {
			mx = fmt.Sprintf("..%v", *e.ValueMax)
		}
		fmt.Fprintf(&b, "[%q %s %v%s %s %s %s]", e.Text, e.Kind, e.Value, mx, e.Unit, e.Qualifier, e.Date)
	}
	return b.String()
}

// TestRangeEnds checks the ends of a range, which extract uses to split a
// change ("passant de A à B") into two figures.
func TestRangeEnds(t *testing.T) {
	in := "passant de 8,6 millions à 24,3 millions"
	got := Scan(in, nil)
	if len(got) != 1 || got[0].Low == nil || got[0].High == nil {
		t.Fatalf("Scan(%q) = %s, want one range with both ends", in, show(got))
	}
	lo, hi := got[0].Low, got[0].High
	if lo.Text != "8,6 millions" || lo.Value != 8.6e6 || in[lo.Start:lo.End] != lo.Text {
		t.Errorf("low end = %s", show([]Expr{*lo}))
	}
	if hi.Text != "24,3 millions" || hi.Value != 24.3e6 || in[hi.Start:hi.End] != hi.Text {
		t.Errorf("high end = %s", show([]Expr{*hi}))
	}
	// A unit written once applies to the end that lacks it.
	got = Scan("de 500 à 1.200 dirhams", nil)
	if len(got) != 1 || got[0].Low.Kind != Money || got[0].Low.Unit != "MAD" || got[0].Low.Text != "500" {
		t.Errorf("money range ends = %s", show(got))
	}
}

// TestInYear checks that Options.InYear keeps a date written without its
// year in the reference's year, where the nearest would cross it.
func TestInYear(t *testing.T) {
	ref := time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		inYear bool
		want   string
	}{{false, "2024-12"}, {true, "2025-12"}} {
		got := Scan("contre 64.000 en décembre", &Options{Ref: ref, InYear: tt.inYear})
		if len(got) != 2 || got[1].Date != tt.want {
			t.Errorf("InYear %v: got %s, want the date %s", tt.inYear, show(got), tt.want)
		}
	}
}

// TestNoRef checks that relative dates are still found without a
// reference date, with an empty Date, and that absolute ones are resolved.
func TestNoRef(t *testing.T) {
	got := Scan("janvier dernier et en octobre 2024", nil)
	if len(got) != 2 || got[0].Kind != Date || got[0].Date != "" || got[1].Date != "2024-10" {
		t.Errorf("got %s", show(got))
	}
}

func TestParseValue(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"22,5 millions", 22.5e6}, {"1.200", 1200}, {"1200.5", 1200.5}, {"3 millions et demi", 3.5e6},
		{"313 000", 313000}, {"quatre-vingt-dix", 90}, {"-4,5", -4.5}, {"40,5 milliards de dirhams", 40.5e9},
		{"93 %", 93}, {"3.857.601", 3857601}, {"0,75", 0.75}, {"1,200,000", 1.2e6},
	} {
		got, err := ParseValue(c.in)
		if err != nil || !nearlyEqual(got, c.want) {
			t.Errorf("ParseValue(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "abc", "12 abc", "plus de 5", "5 5 5 5 x"} {
		if v, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q) = %v, want an error", bad, v)
		}
	}
}

// TestEarlierOffsets covers "un an plus tôt", the date a comparison holds
// at ("contre 4,9 millions un an plus tôt").
func TestEarlierOffsets(t *testing.T) {
	ref := time.Date(2025, 2, 17, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, text, date string }{
		{"contre 4,9 millions un an plus tôt", "un an plus tôt", "2024-02-17"},
		{"deux ans plus tôt, le régime", "deux ans plus tôt", "2023-02-17"},
		{"trois mois auparavant", "trois mois auparavant", "2024-11-17"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Scan(tt.in, &Options{Ref: ref}) {
			if e.Kind == Date {
				got = append(got, e.Text+"="+e.Date)
			}
		}
		if want := tt.text + "=" + tt.date; len(got) != 1 || got[0] != want {
			t.Errorf("Scan(%q) dates = %q, want [%q]", tt.in, got, want)
		}
	}
}

// TestMonthWords covers the month names that are also other words
// ("mars", "mai"): months after a word that leads a date, nothing alone;
// and dates that end where a figure grouped by its own dots begins.
func TestMonthWords(t *testing.T) {
	ref := time.Date(2025, 2, 17, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, text, date string }{
		{"830.000 à fin mars", "à fin mars", "2025-03"},
		{"début mai, 3 millions", "début mai", "2025-05"},
		{"à la mi-mai, 2 millions", "mi-mai", "2025-05"},
		{"depuis mars, 5 millions", "depuis mars", "2025-03/.."},
		{"au mois de mai, 5 millions", "mai", "2025-05"},
		{"les versements de mars ont touché 5 millions", "mars", "2025-03"},
		{"les chiffres de mai, 5 millions", "mai", "2025-05"},
		{"Mars, la planète, 5 fois", "", ""},
		{"à la fin de l'année dernière, 3 millions", "fin de l'année dernière", "2024-12"},
		{"fin de l'année précédente, 3 millions", "fin de l'année précédente", "2024-12"},
		{"comptait à fin 2025 126.000 assurés", "à fin 2025", "2025-12"},
		{"2 000 personnes", "", ""},
		{"depuis janvier, 23 500 dossiers", "depuis janvier", "2025-01/.."},
		{"le 3 juillet 98, 21 dossiers", "3 juillet 98", "1998-07-03"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Scan(tt.in, &Options{Ref: ref}) {
			if e.Kind == Date {
				got = append(got, e.Text+"="+e.Date)
			}
		}
		want := []string(nil)
		if tt.text != "" {
			want = []string{tt.text + "=" + tt.date}
		}
		if !slices.Equal(got, want) {
			t.Errorf("Scan(%q) dates = %q, want %q", tt.in, got, want)
		}
	}
}

// TestContextDates covers dates placed next to the date the paragraph gave
// last (the anchor), and what they fall back to without one.
func TestContextDates(t *testing.T) {
	ref := time.Date(2025, 2, 17, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in, text, date string
		noRef          bool
	}{
		// counted back from the anchor, at its precision
		{in: "en octobre 2024, 3 millions contre 2 millions un an plus tôt", text: "un an plus tôt", date: "2023-10"},
		{in: "en 2023, 3 millions, et deux ans plus tôt 2 millions", text: "deux ans plus tôt", date: "2021"},
		{in: "le 17 janvier 2025, 3 millions, une semaine plus tôt 2 millions", text: "une semaine plus tôt", date: "2025-01-10"},
		{in: "à fin octobre 2024, 3 millions contre 2 millions trois mois auparavant", text: "trois mois auparavant", date: "2024-07"},
		{in: "fin 2024, 3 millions contre 2 millions un an auparavant", text: "un an auparavant", date: "2023-12"},
		// the anchor may stand in an earlier sentence of the paragraph
		{in: "À fin mars 2025, 5,8 millions. Le registre en comptait 4,7 millions un an plus tôt.", text: "un an plus tôt", date: "2024-03"},
		// a day named without digits dates a statement, not the figures
		{in: "en août 2025, 4 millions, a indiqué mercredi l'agence, contre 3 millions un an plus tôt", text: "un an plus tôt", date: "2024-08"},
		// a date placed by the anchor is no anchor itself
		{in: "en octobre 2024, 3 millions, un an plus tôt 2 millions, deux ans plus tôt 1 million", text: "deux ans plus tôt", date: "2022-10"},
		// anchored dates need no reference date
		{in: "en octobre 2024, 3 millions contre 2 millions un an plus tôt", text: "un an plus tôt", date: "2023-10", noRef: true},
		// no usable anchor: the reference date, as before
		{in: "contre 4,9 millions un an plus tôt", text: "un an plus tôt", date: "2024-02-17"},
		{in: "En 2023, 3 millions.\nUn an plus tôt, 2 millions.", text: "Un an plus tôt", date: "2024-02-17"},
		{in: "en 2024, 3 millions contre 2 millions trois mois auparavant", text: "trois mois auparavant", date: "2024-11-17"},
		{in: "depuis 2023, 3 millions contre 2 millions un an plus tôt", text: "un an plus tôt", date: "2024-02-17"},
		// years and months named by their place
		{in: "en 2024, 1,9 million d'actes contre 1,2 million l'année précédente", text: "l'année précédente", date: "2023"},
		{in: "en octobre 2024, 3 millions; l'année précédente, 2 millions", text: "l'année précédente", date: "2023"},
		{in: "l'année précédente, 2 millions", text: "l'année précédente", date: "2024"},
		{in: "l'année précédente, 2 millions", text: "l'année précédente", date: "", noRef: true},
		{in: "Pour l'exercice 2024, 2,3 milliards. La CNSS a traité 1,45 million de dossiers au cours de la même année.", text: "la même année", date: "2024"},
		{in: "en 2021, puis cette même année", text: "cette même année", date: "2021"},
		{in: "en 2023, 3 millions, et l'année suivante 4 millions", text: "l'année suivante", date: "2024"},
		{in: "l'an précédent", text: "l'an précédent", date: "2024"},
		{in: "en octobre 2024, 3 millions, et le mois précédent 2 millions", text: "le mois précédent", date: "2024-09"},
		{in: "en 2024, 3 millions, et le mois précédent 2 millions", text: "le mois précédent", date: "2025-01"},
		{in: "l'année dernière", text: "l'année dernière", date: "2024"},
		{in: "sur l'ensemble de l'année écoulée, 2 millions", text: "l'année écoulée", date: "2024"},
		{in: "le mois écoulé, 2 millions", text: "le mois écoulé", date: "2025-01"},
		// pointing back at the anchor's month or year
		{in: "En mars 2024, 3 millions. Ce mois-là, 2 millions.", text: "Ce mois-là", date: "2024-03"},
		{in: "En 2023, 3 millions. Cette année-là, 2 millions.", text: "Cette année-là", date: "2023"},
		{in: "À fin décembre 2024, 3 millions; le régime en couvrait 11 millions à la même date.", text: "la même date", date: "2024-12"},
		{in: "En août 2024, 3 millions. Pour ce seul mois, 2 milliards.", text: "ce seul mois", date: "2024-08"},
		{in: "Ce mois-là, 2 millions.", text: "Ce mois-là", date: "2025-02"},
		// the same period, perhaps in another year: a month or an interval
		{in: "En octobre 2024, 3 millions; sur la même période, 2 milliards.", text: "la même période", date: "2024-10"},
		{in: "Au premier semestre 2024, 12.000 demandes, contre 9.000 sur la même période de 2023.", text: "la même période de 2023", date: "2023-01/2023-06"},
		{in: "Au troisième trimestre 2024, 3 millions contre 2 millions à la même période de l'année précédente", text: "la même période de l'année précédente", date: "2023-07/2023-09"},
		{in: "En janvier 2025, 3 millions, contre 2 millions sur la même période de l'an dernier", text: "la même période de l'an dernier", date: "2024-01"},
		{in: "contre 2 millions sur la même période de 2023", text: "la même période de 2023", date: "2023"},
		{in: "contre 2 millions sur la même période", text: "la même période", date: "2025-02"},
		// across one paragraph break, not two
		{in: "Au titre du mois d'octobre 2024, 4 millions.\n\nCe même mois, 2 millions.", text: "Ce même mois", date: "2024-10"},
		{in: "En octobre 2024, 4 millions.\n\nLe reste.\n\nCe même mois, 2 millions.", text: "Ce même mois", date: "2025-02"},
		// where a cumulation starts is no period under discussion
		{in: "Pour juin 2024, 4 millions. Depuis 2021, 90 milliards au total.\n\nLe même mois, 2 millions.", text: "Le même mois", date: "2024-06"},
		{in: "En juin 2024, 4 millions, dont 1 million depuis mars 2024. Ce mois-là, 2 millions.", text: "Ce mois-là", date: "2024-06"},
	}
	for _, tt := range tests {
		opts := &Options{Ref: ref}
		if tt.noRef {
			opts = nil
		}
		var got []string
		for _, e := range Scan(tt.in, opts) {
			if e.Kind == Date && e.Text == tt.text {
				got = append(got, e.Date)
			}
		}
		if len(got) != 1 || got[0] != tt.date {
			t.Errorf("Scan(%q) dates of %q = %q, want [%q]", tt.in, tt.text, got, tt.date)
		}
	}
}

// TestContextDateAnchor checks that a date counted from an earlier date
// says which one, and that a date counted from the reference date does not.
func TestContextDateAnchor(t *testing.T) {
	ref := time.Date(2025, 2, 17, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, text, anchor string }{
		{"au 31 janvier 2025, 6 millions, contre 5,6 millions six mois plus tôt", "six mois plus tôt", "2025-01-31"},
		{"en 2024, 1,9 million contre 1,2 million l'année précédente", "l'année précédente", "2024"},
		{"en octobre 2024, 3 millions, et le mois précédent 2 millions", "le mois précédent", "2024-10"},
		{"contre 4,9 millions un an plus tôt", "un an plus tôt", ""},
		{"en octobre 2024, 3 millions", "en octobre 2024", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Scan(tt.in, &Options{Ref: ref}) {
			if e.Kind == Date && e.Text == tt.text {
				got = append(got, e.Anchor)
			}
		}
		if len(got) != 1 || got[0] != tt.anchor {
			t.Errorf("Scan(%q) anchor of %q = %q, want [%q]", tt.in, tt.text, got, tt.anchor)
		}
	}
}
