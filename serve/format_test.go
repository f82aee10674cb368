package serve

import (
	"testing"

	"github.com/faits/faits/store"
)

func TestFrenchNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		want string
	}{
		{0, 2, "0"}, {1200, 2, "1\u202f200"}, {24.3, 2, "24,3"}, {1234567.891, 2, "1\u202f234\u202f567,89"},
		{-1500, 0, "-1\u202f500"}, {999, 2, "999"}, {100000, 0, "100\u202f000"},
	} {
		if got := frenchNumber(tc.v, tc.dec); got != tc.want {
			t.Errorf("frenchNumber(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
	}
}

func TestDisplay(t *testing.T) {
	max := 1200.0
	for _, tc := range []struct {
		f    store.Fact
		want string
	}{
		{store.Fact{Value: 24.3e6, Unit: "person"}, "24,3 millions de personnes"},
		{store.Fact{Value: 11.1e6, Unit: "person", Qualifier: "more_than"}, "plus de 11,1 millions de personnes"},
		{store.Fact{Value: 40.5e9, Unit: "MAD"}, "40,5 milliards de DH"},
		{store.Fact{Value: 500, ValueMax: &max, Unit: "MAD"}, "de 500 à 1\u202f200 DH"},
		{store.Fact{Value: 93, Unit: "percent", Qualifier: "about"}, "environ 93\u00a0%"},
		{store.Fact{Value: 1.5e6, Unit: "household"}, "1,5 million de ménages"},
		{store.Fact{Value: 3200, Unit: "file"}, "3\u202f200 dossiers"},
	} {
		if got := display(tc.f); got != tc.want {
			t.Errorf("display(%+v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}
