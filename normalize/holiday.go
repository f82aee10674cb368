package normalize

import (
	"strings"
	"time"
)

// feast is a named day: fixed (month, day) or computed for a year; a
// feast of the Hijri calendar is looked up in islamicDays by its index
// (lunar >= 0), and Ramadan is the month up to the eve of Aïd al-Fitr.
type feast struct {
	words []string
	m, d  int
	calc  func(y int) (int, int)
	lunar int // -1, or the column of islamicDays
}

// The columns of islamicDays.
const (
	ramadanStart = iota
	aidAlFitr
	aidAlAdha
)

// islamicDays are the Gregorian dates of the first day of Ramadan, Aïd
// al-Fitr and Aïd al-Adha, which move by about eleven days a year. 2015 to
// 2025: the days Morocco observed as its Ministry of Habous announced them
// after the sighting of the moon (as the Moroccan press reported them);
// 2026 to 2030: the dates of the Umm al-Qura calendar, which Morocco's
// sighting often follows a day later. A year outside the table gives no
// date rather than a guess.
var islamicDays = map[int][3][2]int{
	2015: {{6, 19}, {7, 18}, {9, 25}},
	2016: {{6, 7}, {7, 7}, {9, 13}},
	2017: {{5, 28}, {6, 26}, {9, 1}},
	2018: {{5, 17}, {6, 15}, {8, 22}},
	2019: {{5, 7}, {6, 5}, {8, 12}},
	2020: {{4, 25}, {5, 24}, {7, 31}},
	2021: {{4, 14}, {5, 13}, {7, 21}},
	2022: {{4, 3}, {5, 3}, {7, 10}},
	2023: {{3, 24}, {4, 22}, {6, 29}},
	2024: {{3, 12}, {4, 10}, {6, 17}},
	2025: {{3, 2}, {3, 31}, {6, 7}},
	2026: {{2, 18}, {3, 20}, {5, 27}},
	2027: {{2, 8}, {3, 9}, {5, 16}},
	2028: {{1, 28}, {2, 26}, {5, 5}},
	2029: {{1, 16}, {2, 14}, {4, 24}},
	2030: {{1, 6}, {2, 4}, {4, 13}},
}

// lunarDate returns feast f's date in year y, and for Ramadan the last day
// of the month too.
func lunarDate(f *feast, y int) (from, to dval, ok bool) {
	days, ok := islamicDays[y]
	if !ok {
		return dval{}, dval{}, false
	}
	md := days[f.lunar]
	from = dval{y: y, m: md[0], d: md[1]}
	if f.lunar != ramadanStart {
		return from, dval{}, true
	}
	fitr := days[aidAlFitr]
	end := time.Date(y, time.Month(fitr[0]), fitr[1], 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	return from, dayOf(end), true
}

// nthWeekday returns the day of the n-th weekday wd of month m in year y.
func nthWeekday(y, m, n int, wd time.Weekday) int {
	first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	off := (int(wd) - int(first.Weekday()) + 7) % 7
	return 1 + off + 7*(n-1)
}

// feasts lists holidays by name, longest first.
var feasts = func() []feast {
	var fs []feast
	add := func(m, d int, calc func(int) (int, int), names ...string) {
		for _, n := range names {
			fs = append(fs, feast{words: strings.Fields(fold(n)), m: m, d: d, calc: calc, lunar: -1})
		}
	}
	lunar := func(col int, names ...string) {
		for _, n := range names {
			fs = append(fs, feast{words: strings.Fields(fold(n)), lunar: col})
		}
	}
	add(11, 1, nil, "toussaint", "la toussaint", "jour de la toussaint", "journée de la toussaint")
	add(1, 11, nil, "manifeste de l indépendance", "présentation du manifeste de l indépendance")
	lunar(ramadanStart, "ramadan", "ramadhan", "mois de ramadan", "mois sacré de ramadan")
	lunar(aidAlFitr, "aïd al fitr", "aïd el fitr", "aid al fitr", "aid el fitr", "aïd es seghir", "aïd al fitr",
		"aïd el seghir", "fête de fin du ramadan")
	lunar(aidAlAdha, "aïd al adha", "aïd el adha", "aid al adha", "aid el adha", "aïd el kébir", "aïd el kebir",
		"aid el kebir", "fête du sacrifice")
	add(12, 25, nil, "noël", "noel", "jour de noël", "jour de noel")
	add(12, 24, nil, "veille de noël", "veille de noel", "réveillon de noël", "reveillon de noel")
	add(1, 1, nil, "nouvel an", "jour de l an", "yuandan", "jour du nouvel an")
	add(12, 31, nil, "réveillon de nouvel an", "réveillon du nouvel an", "saint sylvestre", "la saint sylvestre")
	add(5, 1, nil, "fête du travail")
	add(7, 30, nil, "fête du trône")
	add(11, 6, nil, "marche verte", "anniversaire de la marche verte")
	add(11, 18, nil, "fête de l indépendance")
	add(0, 0, func(y int) (int, int) { return 6, nthWeekday(y, 6, 3, time.Sunday) }, "fête des pères")
	add(0, 0, func(y int) (int, int) { return 11, nthWeekday(y, 11, 4, time.Thursday) },
		"thanks giving", "thanksgiving", "jour de thanks giving", "jour de thanksgiving")
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && len(fs[j].words) > len(fs[j-1].words); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
	return fs
}()

// feastsByID lists, by vocabulary id of a first word, the indices of the
// feasts it opens (longest first, as in feasts): "la" opens a dozen
// phrases of no feast, so the names are not compared one by one.
var feastsByID = func() [][]int {
	byID := make([][]int, len(vocabEntries))
	for k, f := range feasts {
		id := vocab[f.words[0]].id
		byID[id] = append(byID[id], k)
	}
	return byID
}()

// holiday reads a named day at token i, with an optional year: "noël",
// "la saint-sylvestre", "fête des pères de 2015".
func (s *scanner) holiday(i int) (dval, int, bool) {
	t := s.tok(i)
	if !t.is(aFeast) {
		return dval{}, 0, false
	}
	for _, k := range feastsByID[t.vi] {
		f := &feasts[k]
		end, ok := s.phrase(i, f.words)
		if !ok {
			continue
		}
		y := 0
		if yy, next, ok := s.yearAfter(end); ok {
			y, end = yy, next
		}
		if f.lunar >= 0 {
			return s.lunarFeast(f, y, end)
		}
		m, d := f.m, f.d
		if y == 0 {
			v := dval{m: 12, d: 31}
			if f.calc == nil {
				v = dval{m: m, d: d}
			}
			v = s.resolveYearless(v)
			if v.y == 0 {
				return dval{rel: true}, end, true
			}
			y = v.y
		}
		if f.calc != nil {
			m, d = f.calc(y)
		}
		return dval{y: y, m: m, d: d}, end, true
	}
	return dval{}, 0, false
}

// lunarFeast dates a feast of the Hijri calendar named with year y (0
// when none: the occurrence nearest the reference date).
func (s *scanner) lunarFeast(f *feast, y, end int) (dval, int, bool) {
	if y == 0 {
		if s.ref.IsZero() {
			return dval{rel: true}, end, true
		}
		best := time.Duration(1 << 62)
		for yy := s.ref.Year() - 1; yy <= s.ref.Year()+1; yy++ {
			from, _, ok := lunarDate(f, yy)
			if !ok {
				continue
			}
			dist := time.Date(from.y, time.Month(from.m), from.d, 0, 0, 0, 0, time.UTC).Sub(s.ref)
			if dist < 0 {
				dist = -dist
			}
			if dist < best {
				best, y = dist, yy
			}
		}
	}
	from, to, ok := lunarDate(f, y)
	if !ok {
		return dval{}, 0, false
	}
	if to.y != 0 {
		return dval{iso: joinISO(from, to), y: y}, end, true
	}
	return from, end, true
}
