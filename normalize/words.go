package normalize

import (
	"sort"
	"strings"
)

// The word tables below are data: every word is written folded (lower case,
// no accents), as token.w() returns it.

// Kinds of number word, which decide how a word combines with the others.
const (
	nwUnit     = iota + 1 // un … seize: added to the current group
	nwTen                 // vingt … nonante: added, and "quatre vingt" is 80
	nwHundred             // cent: multiplies the current group
	nwScale               // mille, million, milliard, billion: closes a group
	nwFraction            // demi, tiers, quart, cinquieme…: divides
	nwDozen               // douzaine: multiplies by 12
)

type numWord struct {
	kind int
	val  float64
}

var numWords = map[string]numWord{
	"zero": {nwUnit, 0}, "un": {nwUnit, 1}, "une": {nwUnit, 1}, "deux": {nwUnit, 2},
	"trois": {nwUnit, 3}, "quatre": {nwUnit, 4}, "cinq": {nwUnit, 5}, "six": {nwUnit, 6},
	"sept": {nwUnit, 7}, "huit": {nwUnit, 8}, "neuf": {nwUnit, 9}, "dix": {nwUnit, 10},
	"onze": {nwUnit, 11}, "douze": {nwUnit, 12}, "treize": {nwUnit, 13},
	"quatorze": {nwUnit, 14}, "quinze": {nwUnit, 15}, "seize": {nwUnit, 16},
	"vingt": {nwTen, 20}, "vingts": {nwTen, 20}, "trente": {nwTen, 30},
	"quarante": {nwTen, 40}, "cinquante": {nwTen, 50}, "soixante": {nwTen, 60},
	"septante": {nwTen, 70}, "huitante": {nwTen, 80}, "octante": {nwTen, 80},
	"nonante": {nwTen, 90},
	"cent":    {nwHundred, 100}, "cents": {nwHundred, 100},
	"mille": {nwScale, 1e3}, "mil": {nwScale, 1e3},
	"million": {nwScale, 1e6}, "millions": {nwScale, 1e6},
	"milliard": {nwScale, 1e9}, "milliards": {nwScale, 1e9},
	"billion": {nwScale, 1e12}, "billions": {nwScale, 1e12},
	"demi": {nwFraction, 2}, "demie": {nwFraction, 2}, "tiers": {nwFraction, 3},
	"quart": {nwFraction, 4}, "quarts": {nwFraction, 4},
	"quatrieme": {nwFraction, 4}, "quatriemes": {nwFraction, 4},
	"unieme":    {nwFraction, 1},
	"cinquieme": {nwFraction, 5}, "cinquiemes": {nwFraction, 5},
	"sixieme": {nwFraction, 6}, "sixiemes": {nwFraction, 6},
	"septieme": {nwFraction, 7}, "septiemes": {nwFraction, 7},
	"huitieme": {nwFraction, 8}, "huitiemes": {nwFraction, 8},
	"neuvieme": {nwFraction, 9}, "neuviemes": {nwFraction, 9},
	"dixieme": {nwFraction, 10}, "dixiemes": {nwFraction, 10},
	"vingtieme": {nwFraction, 20}, "vingtiemes": {nwFraction, 20},
	"centieme": {nwFraction, 100}, "centiemes": {nwFraction, 100},
	"millieme": {nwFraction, 1000}, "milliemes": {nwFraction, 1000},
	"millionieme": {nwFraction, 1e6}, "millioniemes": {nwFraction, 1e6},
	"milliardieme": {nwFraction, 1e9}, "milliardiemes": {nwFraction, 1e9},
	"billionieme": {nwFraction, 1e12}, "billioniemes": {nwFraction, 1e12},
	"douzaine": {nwDozen, 12}, "douzaines": {nwDozen, 12},
}

// scaleAbbr are the scale abbreviations written after a figure, keyed by
// their exact spelling because case matters ("M" is a million, "m" a metre).
var scaleAbbr = map[string]float64{
	"k": 1e3, "K": 1e3,
	"M": 1e6, "Mio": 1e6, "mio": 1e6, "Mn": 1e6, "mn": 1e6,
	"G": 1e9, "Md": 1e9, "Mds": 1e9, "md": 1e9, "mds": 1e9, "Mrd": 1e9, "Mrds": 1e9,
	"mrd": 1e9, "mrds": 1e9, "MM": 1e9, "Mdr": 1e9, "Mdrs": 1e9,
}

// foldedScaleAbbr are the scaleAbbr keys folded, as the vocabulary holds
// them.
var foldedScaleAbbr = func() map[string]bool {
	m := map[string]bool{}
	for w := range scaleAbbr {
		m[fold(w)] = true
	}
	return m
}()

// currency is one way of naming a currency.
type currency struct {
	words []string // folded words, in order
	code  string   // ISO 4217 code, or "" for a sub-unit of no fixed currency
	scale float64  // 1, or the scale the abbreviation carries (MDH = 1e6)
	rate  float64  // 0, or the value of one unit in code (a rial is 0.05 MAD)
}

// currencies lists currency names; the longest match wins, so "dollars
// canadiens" is CAD while "dollars" alone is USD.
var currencies = func() []currency {
	var cs []currency
	add := func(code string, scale float64, names ...string) {
		for _, n := range names {
			cs = append(cs, currency{words: strings.Fields(fold(n)), code: code, scale: scale})
		}
	}
	add("MAD", 1, "dirham", "dirhams", "dh", "dhs", "mad", "dirham marocain", "dirhams marocains")
	add("MAD", 1e6, "mdh", "mdhs", "mmad")
	add("MAD", 1e9, "mmdh", "mmdhs", "mddh", "mrddh")
	add("EUR", 1, "euro", "euros", "eur", "€")
	add("USD", 1, "dollar", "dollars", "usd", "$", "dollar americain", "dollars americains",
		"dollar us", "dollars us", "$ us", "$ usd", "us $", "usd $", "dollars des etats unis")
	add("CAD", 1, "dollar canadien", "dollars canadiens", "$ c", "$ cad", "$cad", "cad", "cad $")
	add("AUD", 1, "dollar australien", "dollars australiens", "aud", "aud $", "$ aud")
	add("NZD", 1, "dollar neo zelandais", "dollars neo zelandais", "nzd", "nzd $")
	add("HKD", 1, "dollar de hong kong", "dollars de hong kong", "$ hk", "hkd", "dollars hk")
	add("MXN", 1, "peso mexicain", "pesos mexicains", "mxn", "mxn $")
	add("JPY", 1, "yen", "yens", "yen japonais", "yens japonais", "jpy", "¥")
	add("CNY", 1, "yuan", "yuans", "yuan chinois", "yuans chinois", "cny", "renminbi")
	add("CHF", 1, "franc suisse", "francs suisses", "chf")
	add("GBP", 1, "livre sterling", "livres sterling", "livre", "livres", "gbp", "£", "pound", "pounds")
	add("INR", 1, "roupie indienne", "roupies indiennes", "roupie", "roupies", "inr")
	add("XOF", 1, "franc cfa", "francs cfa", "fcfa", "xof")
	add("FRF", 1, "franc", "francs", "franc francais", "francs francais")
	add("FIM", 1, "mark finlandais", "marks finlandais")
	add("NLG", 1, "florin hollandais", "florins hollandais", "florin neerlandais", "florins neerlandais")
	add("DZD", 1, "dinar algerien", "dinars algeriens", "dzd")
	add("TND", 1, "dinar tunisien", "dinars tunisiens", "tnd")
	// A riyal unqualified is the Saudi one, the riyal a Moroccan article
	// names most (pilgrimage costs, Gulf aid).
	add("SAR", 1, "riyal saoudien", "riyals saoudiens", "sar", "riyal", "riyals")
	add("QAR", 1, "riyal qatari", "riyals qataris")
	add("OMR", 1, "rial omanais", "rials omanais")
	add("ILS", 1, "shekel", "shekels", "ils")
	add("XAF", 1, "franc cfa beac", "francs cfa beac", "xaf")
	add("AED", 1, "dirham emirati", "dirhams emiratis", "aed")
	add("GHS", 1, "cedi", "cedis")
	// The rial of a Moroccan article is the old counting unit of five
	// centimes: "100 rials" are 5 dirhams. It is read as dirhams at that
	// rate (see currency.rate), so figures in rials and in dirhams compare.
	cs = append(cs, currency{words: []string{"rial"}, code: "MAD", scale: 1, rate: 0.05},
		currency{words: []string{"rials"}, code: "MAD", scale: 1, rate: 0.05})
	add("", 1, "cent", "cents", "centime", "centimes", "penny", "pence", "pesewa", "pesewas")
	// Longest first, so that the first match is the longest one.
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && len(cs[j].words) > len(cs[j-1].words); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	return cs
}()

// currenciesByFirst indexes currencies by their first word, longest first.
var currenciesByFirst = func() map[string][]currency {
	m := map[string][]currency{}
	for _, c := range currencies {
		m[c.words[0]] = append(m[c.words[0]], c)
	}
	return m
}()

// hedgesByLast indexes hedges by their last word, longest first, since
// they are matched backwards from the figure.
var hedgesByLast = func() map[string][]hedge {
	m := map[string][]hedge{}
	_ = vocabEntries // ids are given by vocabEntries
	for _, h := range hedges {
		for _, w := range h.words {
			h.ids = append(h.ids, vocab[w].id)
		}
		k := h.words[len(h.words)-1]
		m[k] = append(m[k], h)
	}
	return m
}()

// percentWords follow a number and make it a percentage.
var percentWords = map[string]bool{
	"pourcent": true, "pourcents": true, "pourcentage": true, "pourcentages": true,
}

// frenchMonths are the month names written whole; a dot after one ends
// its sentence (monthAt).
var frenchMonths = map[string]int{
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}

// monthAbbrevs are the abbreviations, which a dot may follow ("janv.").
var monthAbbrevs = map[string]int{
	"janv": 1, "jan": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// months maps month names and their abbreviations to 1..12.
var months = func() map[string]int {
	m := map[string]int{}
	for _, t := range []map[string]int{frenchMonths, monthAbbrevs, englishMonths} {
		for k, v := range t {
			m[k] = v
		}
	}
	return m
}()

// fullMonth reports whether w (folded) is a month written whole.
func fullMonth(w string) bool { return frenchMonths[w] != 0 || englishMonths[w] != 0 }

// englishMonths appear in quoted tweets and wire copy ("September 16, 2025").
var englishMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// notFigureGlued are names written like a figure: "2M" is a Moroccan
// television channel, not two million.
var notFigureGlued = map[string]bool{"2M": true, "2m": true, "M6": true, "Medi1": true}

// monthAbbrevRisky are abbreviations that are also ordinary words or numbers
// ("sept" is seven, "mars" the planet) and count as months only beside a day
// number or a year.
var monthAbbrevRisky = map[string]bool{
	"sept": true, "mars": true, "mai": true, "jan": true, "dec": true, "sep": true,
	"oct": true, "nov": true, "fev": true, "avr": true, "juil": true, "janv": true, "fevr": true,
	"march": true, "may": true, "june": true, "july": true, "august": true, "april": true,
}

// weekdays maps day names to time.Weekday numbers (Sunday = 0).
var weekdays = map[string]int{
	"dimanche": 0, "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
}

// weekdayAbbr are only weekdays when a day number follows.
var weekdayAbbr = map[string]int{
	"dim": 0, "lun": 1, "mar": 2, "mer": 3, "jeu": 4, "ven": 5, "sam": 6,
}

// hedge is a phrase before a figure that qualifies it.
type hedge struct {
	words     []string // folded words; "de" also matches "d" and "des"
	ids       []uint16 // the words' vocabulary ids
	qualifier string
}

// hedges are matched backwards from the figure, longest first.
var hedges = func() []hedge {
	var hs []hedge
	add := func(q string, phrases ...string) {
		for _, p := range phrases {
			hs = append(hs, hedge{words: strings.Fields(fold(p)), qualifier: q})
		}
	}
	add("about", "environ", "près de", "pres de", "quelque", "quelques", "autour de", "aux alentours de",
		"en moyenne", "en moyenne de", "s approchant de", "s approchant des", "avoisinant", "avoisinant les",
		"avoisinent", "avoisinent les", "avoisine", "avoisine les", "approximativement", "presque",
		"à peu près", "a peu pres", "grosso modo", "de l ordre de", "quasiment", "estimé à", "estimés à",
		"estimée à", "estimées à", "près des", "quelque peu")
	add("more_than", "plus de", "dépasse", "dépassent", "dépassant", "dépassé", "dépasse les",
		"dépassent les", "dépassant les", "dépassé les", "excédant", "excédant les", "excède", "excèdent",
		"excède les", "au delà de", "au delà des", "supérieur à", "supérieure à", "supérieurs à",
		"supérieures à", "plus des", "franchi", "franchi le cap de", "franchi la barre de",
		"franchi la barre des", "franchi le cap des", "dépassé le cap de", "dépassé la barre de",
		"dépassé le cap des", "dépassé la barre des", "passé la barre de", "passé la barre des",
		"un peu plus de", "légèrement plus de")
	add("at_least", "au moins", "au minimum", "pas moins de", "minimum", "au bas mot")
	// "un peu moins de 3 millions" is still fewer than 3 millions: the
	// softener does not make the bound approximate.
	add("less_than", "moins de", "inférieur à", "inférieure à", "inférieurs à", "inférieures à",
		"en deçà de", "en dessous de", "moins des", "un peu moins de", "légèrement moins de")
	add("up_to", "pas plus de", "jusqu à", "allant jusqu à", "jusqu aux", "allant jusqu aux", "au maximum", "maximum",
		"plafonné à", "plafonnée à", "plafonnés à", "plafonnées à", "au plus", "dans la limite de")
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && len(hs[j].words) > len(hs[j-1].words); j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
	return hs
}()

// notFigurePrefix words make the number after them an identifier, not a
// figure: "décret n° 2-22-923", "loi 65-00", "Ep 89", "article 5".
var notFigurePrefix = map[string]bool{
	"n": true, "no": true, "nº": true, "numero": true, "num": true, "ep": true, "episode": true,
	"loi": true, "decret": true, "dahir": true, "article": true, "art": true, "circulaire": true,
	"chapitre": true, "page": true, "p": true, "tome": true, "saison": true, "alinea": true,
	"arrete": true, "projet": false, "tel": true, "fax": true, "gsm": true, "bp": true, "vol": true,
	"volume": true, "section": true, "paragraphe": true, "annexe": true, "route": true, "rn": true,
	"version": true, "covid": true,
}

// notFigureSuffix words make the number before them an age, a duration or a
// time of day: "plus de 60 ans", "14 h 30".
var notFigureSuffix = map[string]bool{
	"an": true, "ans": true, "h": true, "heure": true, "heures": true, "min": true,
	"minute": true, "minutes": true, "seconde": true, "secondes": true, "mn": false,
}

// yearCue words before a bare year make it a date ("en 2021", "fin 2024").
var yearCue = map[string]bool{
	"en": true, "depuis": true, "fin": true, "debut": true, "mi": true, "annee": true, "an": true,
	"exercice": true, "courant": true, "horizon": true, "ici": true, "des": true, "avant": true,
	"apres": true, "pour": true, "vers": true, "de": true, "d": true, "a": true, "au": true,
	"entre": true, "et": true, "jusqu": true, "partir": true, "ete": true, "automne": true,
	"hiver": true, "printemps": true, "semestre": true, "trimestre": true, "bilan": true,
	"du": true, "dès": true, "in": true, "since": true, "fins": true, "annees": true,
	// A finance law is named by its year: "loi de finances 2025", "PLF
	// 2026", "LF 2025", "LFR 2020", "loi de finances rectificative 2020".
	"finances": true, "plf": true, "lf": true, "plfr": true, "lfr": true, "rectificative": true,
	// A target's or a forecast's year: "Cible 2027", "Objectif 2030".
	"cible": true, "cibles": true, "objectif": true, "objectifs": true, "prevision": true,
	"previsions": true, "projection": true, "projections": true,
}

// countNouns after a year-like number ("2000 familles") make it a count.
var countNouns = map[string]bool{
	"personnes": true, "familles": true, "menages": true, "foyers": true, "enfants": true,
	"eleves": true, "beneficiaires": true, "dossiers": true, "demandes": true, "agences": true,
	"points": true, "emplois": true, "salaries": true, "assures": true, "adherents": true,
	"inscrits": true, "cas": true, "medecins": true, "lits": true, "postes": true, "unites": true,
	"projets": true, "entreprises": true, "etudiants": true, "centres": true, "ecoles": true,
	"hopitaux": true, "femmes": true, "hommes": true, "jeunes": true, "citoyens": true,
	"actes": true, "services": true, "prestations": true, "affilies": true, "pensionnes": true,
	"retraites": true, "travailleurs": true, "agents": true, "cooperatives": true, "logements": true,
	"km": true, "kilometres": true, "metres": true, "tonnes": true, "hectares": true,
}

// measureNouns are the count nouns whose quantity may be fractional ("2,5
// km", "3,125 points"): a comma before three digits stays a decimal.
var measureNouns = map[string]bool{
	"points": true, "km": true, "kilometres": true, "metres": true, "tonnes": true, "hectares": true,
}

// vocab maps every folded word any table uses to itself, so that lex can
// give each token its canonical string without allocating.
var vocab = func() map[string]*vocabEntry {
	v := map[string]*vocabEntry{}
	put := func(w string) {
		if v[w] != nil {
			return
		}
		e := &vocabEntry{word: w, fn: functionWords[w], ds: startsDate(w), nw: numWords[w],
			month: int8(months[w]), ordinal: int8(ordinalDays[w])}
		if d, ok := weekdays[w]; ok {
			e.weekday = int8(d)
			if d == 0 {
				e.weekday = 7
			}
		}
		if d, ok := weekdayAbbr[w]; ok {
			e.wdAbbr = int8(d)
			if d == 0 {
				e.wdAbbr = 7
			}
		}
		for f, m := range map[uint16]map[string]bool{aPercent: percentWords, aCountNoun: countNouns,
			aNotFigureSuffix: notFigureSuffix, aNotFigurePrefix: notFigurePrefix, aYearCue: yearCue,
			aRiskyMonth: monthAbbrevRisky, aHedgeAdverb: hedgeAdverbs, aScaleAbbr: foldedScaleAbbr} {
			if m[w] {
				e.flags |= f
			}
		}
		if len(currenciesByFirst[w]) > 0 {
			e.flags |= aCurrency
		}
		if isPast(w) || isNext(w) || w == "derniers" || w == "dernieres" || w == "prochains" || w == "prochaines" {
			e.flags |= aPastOrNext
		}
		for _, p := range contextPhrases {
			if p.words[0] == w {
				e.flags |= aContextLead
			}
		}
		e.tl = !e.fn && (e.nw.kind != 0 || e.month != 0 || e.weekday != 0 || e.wdAbbr != 0 ||
			tellingWords[w] || ordinalDays[w] != 0 || len(currenciesByFirst[w]) > 0)
		e.dt = e.month != 0 || e.weekday != 0 || e.wdAbbr != 0 || ordinalDays[w] != 0 ||
			tellingWords[w] && !percentWords[w] || w == "ans" || w == "an" || w == "hui" || w == "jour" || w == "mois" || w == "tot" || w == "auparavant"
		for _, f := range feasts {
			if f.words[0] == w {
				e.flags |= aFeast
				e.tl = true
				// A function word that opens a feast's name ("la" of "la
				// Saint-Sylvestre") is not date-telling: the feast's next
				// word is, and marking every "la" would have the scanner
				// try a date after every "de la".
				e.dt = !e.fn
			}
		}
		v[w] = e
	}
	for w := range numWords {
		put(w)
	}
	for w := range scaleAbbr {
		put(fold(w))
	}
	for _, c := range currencies {
		for _, w := range c.words {
			put(w)
		}
	}
	for w := range percentWords {
		put(w)
	}
	for w := range months {
		put(w)
	}
	for w := range weekdays {
		put(w)
	}
	for w := range weekdayAbbr {
		put(w)
	}
	for _, h := range hedges {
		for _, w := range h.words {
			put(w)
		}
	}
	for _, h := range postHedges {
		for _, w := range h.words {
			put(w)
		}
	}
	for _, m := range []map[string]bool{notFigurePrefix, notFigureSuffix, yearCue, countNouns, hijriMonths, hijriTails} {
		for w := range m {
			put(w)
		}
	}
	for _, w := range extraWords {
		put(w)
	}
	for _, f := range feasts {
		for _, w := range f.words {
			put(w)
		}
	}
	for w := range hedgeAdverbs {
		put(w)
	}
	for _, p := range contextPhrases {
		for _, w := range p.words {
			put(w)
		}
	}
	for w := range ordinalDays {
		put(w)
	}
	for w := range v {
		maxVocabLen = max(maxVocabLen, len(w))
		vocabFilter.add(w)
	}
	maxVocabLen *= 2 // accented letters take two bytes in the source
	return v
}()

// vocabEntries holds every vocabulary entry, indexed by id; entry 0 is the
// empty entry of tokens that are not vocabulary words, so that tokens hold
// no pointers (lexing writes thousands of them).
var vocabEntries = func() []vocabEntry {
	es := make([]vocabEntry, 1, len(vocab)+1)
	words := make([]string, 0, len(vocab))
	for w := range vocab {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		e := vocab[w]
		e.id = uint16(len(es))
		es = append(es, *e)
	}
	return es
}()

// postHedges are written after the figure they qualify ("50.000 environ",
// "3 millions au moins", "800 dirhams au maximum"); they are matched
// forwards, longest first.
var postHedges = func() []hedge {
	var hs []hedge
	add := func(q string, phrases ...string) {
		for _, p := range phrases {
			hs = append(hs, hedge{words: strings.Fields(fold(p)), qualifier: q})
		}
	}
	add("about", "environ", "à peu près", "approximativement", "grosso modo", "en moyenne")
	add("at_least", "au moins", "au minimum", "au bas mot", "tout au moins")
	add("up_to", "au maximum", "au plus", "tout au plus", "au max")
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && len(hs[j].words) > len(hs[j-1].words); j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
	return hs
}()

// hedgesByLastID is hedgesByLast indexed by vocabulary id.
var hedgesByLastID = func() [][]hedge {
	byID := make([][]hedge, len(vocabEntries))
	for w, hs := range hedgesByLast {
		byID[vocab[w].id] = hs
	}
	return byID
}()

// Ids of the words that "de" in a phrase stands for.
var idDe, idD, idDes = func() (uint16, uint16, uint16) {
	_ = vocabEntries // ids are given by vocabEntries
	return vocab["de"].id, vocab["d"].id, vocab["des"].id
}()

// wordID returns the vocabulary id of the folded word w, so that the
// grammar compares small integers rather than strings in its hottest
// tests. A word outside the vocabulary is a bug in the tables.
func wordID(w string) uint16 {
	e := vocab[w]
	if e == nil {
		panic("normalize: " + w + " is not a vocabulary word")
	}
	return vocabEntries[e.id].id
}

// Ids of words the grammar tests often.
var (
	idDu    = wordID("du")
	idEntre = wordID("entre")
	idIl    = wordID("il")
	idCet   = wordID("cet")
	idA     = wordID("a")
	idAu    = wordID("au")
	idAux   = wordID("aux")
	idEt    = wordID("et")
	idOu    = wordID("ou")
	idUn    = wordID("un")
	idUne   = wordID("une")
)

// vocabTable is vocab as lex looks it up.
var vocabTable = newWordTable(vocabEntries)

// mayStart reports whether one of the grammars the scanner tries at a word
// (scanner.at) can match at e: a date lead, a range lead, a currency
// written first, a number word or a percent word. The scanner passes over
// other words without trying.
func mayStart(e vocabEntry) bool {
	switch e.word {
	case "de", "d", "du", "entre":
		return true
	}
	return e.ds || e.nw.kind != 0 || e.flags&(aCurrency|aPercent) != 0
}

// vocabAttr holds the token.attr bits of each vocabulary entry, by id.
var vocabAttr = func() []uint8 {
	a := make([]uint8, len(vocabEntries))
	for id, e := range vocabEntries {
		for _, f := range []struct {
			on  bool
			bit uint8
		}{{e.fn, tFn}, {e.ds, tDs}, {e.tl, tTl}, {e.dt, tDt}, {mayStart(e), tSt}} {
			if f.on {
				a[id] |= f.bit
			}
		}
	}
	return a
}()

// vocabFilter screens accented words before they are folded.
var vocabFilter = &wordFilter{}

// maxVocabLen bounds the byte length of a word worth looking up.
var maxVocabLen int

// functionWords are vocabulary words that start an expression only when a
// more telling word or a number follows closely ("de 500 à", "le mois
// dernier"); the scanner skips them cheaply otherwise.
var functionWords = map[string]bool{
	"de": true, "d": true, "des": true, "du": true, "et": true, "a": true, "au": true, "aux": true,
	"le": true, "la": true, "les": true, "l": true, "pour": true, "ce": true, "cet": true, "cette": true,
	"en": true, "il": true, "y": true, "s": true, "sur": true, "e": true, "x": true, "entre": true,
	"avant": true, "apres": true, "dans": true, "p": true, "n": true, "no": true, "ces": true,
	"un": true, "une": true,
}

// extraWords are the other words the scanner's grammar names.
var extraWords = []string{
	"de", "d", "des", "du", "et", "a", "au", "aux", "entre", "le", "la", "les", "l", "pour", "per", "cent",
	"virgule", "sur", "premier", "premiere", "dernier", "derniere", "derniers", "dernieres",
	"prochain", "prochaine", "prochains", "prochaines", "passe", "passee", "ecoule", "ecoulee", "hier", "demain",
	"aujourd", "hui", "avant", "apres", "lendemain", "veille", "ce", "cet", "cette", "mois",
	"semaine", "semaines", "jour", "jours", "journee", "jusqu", "cours", "terme", "fin", "debut", "mi",
	"annee", "annees", "an", "depuis", "date", "ce", "il", "y", "ya", "dans", "seconde",
	"deuxieme", "troisieme", "quatrieme", "trimestre", "semestre", "en", "courant", "etait",
	"x", "e", "er", "pourcent", "moyenne", "s", "mi", "fins", "actuellement",
	"derniers", "dernieres", "prochains", "prochaines", "ces", "ci", "tot", "auparavant", "compter",
	"premiers", "premieres", "ou", "tard", "plus", "precedent", "precedente", "suivant", "suivante", "suit",
	"qui", "meme", "ete", "hiver", "printemps", "automne", "milieu", "quinzaine", "quart", "eme", "rentree",
}

// dateLeads are the words other than month, weekday, number and feast names
// at which a date expression may start.
var dateLeads = map[string]bool{
	"a": true, "fin": true, "fins": true, "debut": true, "mi": true, "depuis": true, "entre": true,
	"de": true, "du": true, "en": true, "courant": true, "des": true, "au": true, "l": true,
	"annee": true, "exercice": true, "aujourd": true, "hier": true, "demain": true, "lendemain": true,
	"avant": true, "apres": true, "le": true, "la": true, "ce": true, "cet": true, "cette": true,
	"prochain": true, "il": true, "dans": true, "les": true, "ces": true, "dernier": true,
	"derniere": true, "derniers": true, "dernieres": true, "annees": true, "premier": true,
}

// startsDate reports whether a date expression may start at the word w.
func startsDate(w string) bool {
	if dateLeads[w] || ordinalDays[w] != 0 {
		return true
	}
	if _, ok := months[w]; ok {
		return true
	}
	if _, ok := weekdays[w]; ok {
		return true
	}
	if _, ok := weekdayAbbr[w]; ok {
		return true
	}
	if nw, ok := numWords[w]; ok && (nw.kind == nwUnit || nw.kind == nwTen || nw.kind == nwScale) {
		return true
	}
	for _, f := range feasts {
		if f.words[0] == w {
			return true
		}
	}
	return false
}
