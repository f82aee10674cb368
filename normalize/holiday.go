package normalize

import (
	"strings"
	"time"
)

// feast is a named day: fixed (month, day) or computed for a year.
type feast struct {
	words []string
	m, d  int
	calc  func(y int) (int, int)
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
			fs = append(fs, feast{words: strings.Fields(fold(n)), m: m, d: d, calc: calc})
		}
	}
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
