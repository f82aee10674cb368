package serve

import (
	"math"
	"testing"
)

var parseValueCases = []struct {
	in   string
	want float64
	ok   bool
}{
	{"22500000", 22500000, true},
	{"22.5", 22.5, true},
	{"22,5", 22.5, true},
	{"22,5 millions", 22500000, true},
	{"1 234,5", 1234.5, true},
	{"1\u00a0234,5", 1234.5, true},
	{"1\u202f234\u202f567", 1234567, true},
	{"1.234.567", 1234567, true},
	{"1.234,5", 1234.5, true},
	{"40,5 milliards", 40.5e9, true},
	{"1 million", 1e6, true},
	{"3 mille", 3000, true},
	{"-5", -5, true},
	{"", 0, false},
	{"onze", 11, true},
	{"quatre-vingt-dix", 90, true},
	{"3 millions et demi", 3.5e6, true},
	{"vingt-cinq virgule", 0, false},
	{"1,2,3", 0, false},
	{"1.23.4", 0, false},
	{"12.34,5", 0, false},
	{"12 pommes", 0, false},
	{"millions", 0, false},
	{"NaN", 0, false},
	{"Inf", 0, false},
}

func TestParseValue(t *testing.T) {
	for _, tc := range parseValueCases {
		got, err := parseValue(tc.in)
		if (err == nil) != tc.ok || tc.ok && math.Abs(got-tc.want) > 1e-9*math.Max(1, math.Abs(tc.want)) {
			t.Errorf("parseValue(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// FuzzParseValue: never a panic, never a non-finite value, and the desk's
// own writing of a value reads back as that value.
func FuzzParseValue(f *testing.F) {
	for _, tc := range parseValueCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseValue(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("parseValue(%q) = %v", s, v)
		}
		if math.Abs(v) < 1e15 {
			back, err := parseValue(plainNumber(v))
			if err != nil || math.Abs(back-v) > 1e-6*math.Max(1, math.Abs(v)) {
				t.Fatalf("plainNumber(%v) = %q reads back as %v, %v", v, plainNumber(v), back, err)
			}
		}
	})
}

func TestValidAsOf(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "2024": true, "2024-12": true, "2024-02-29": true,
		"2023-02-29": false, "2024-13": false, "2024-00": false, "24": false, "2024-1": false,
		"2024-12-1": false, "fin 2024": false, "2024-12-31T00": false,
	} {
		if got := validAsOf(s); got != want {
			t.Errorf("validAsOf(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSafeReturn(t *testing.T) {
	for in, want := range map[string]string{
		"/queue?status=pending&focus=f-1": "/queue?status=pending&focus=f-1",
		"/facts/f-1":                      "/facts/f-1",
		"":                                "/x",
		"//evil.example/":                 "/x",
		"/\\evil.example":                 "/x",
		"https://evil.example/":           "/x",
		"javascript:alert(1)":             "/x",
		"queue":                           "/x",
	} {
		if got := safeReturn(in, "/x"); got != want {
			t.Errorf("safeReturn(%q) = %q, want %q", in, got, want)
		}
	}
}
