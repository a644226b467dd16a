package extract

import "testing"

func TestParsePub(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2024-03-13", true},
		{"2024-03-13T10:00:00Z", true},
		{"", false},
		{"not a date", false},
		{"0000-01-01", false},
		{"2024-13-01", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := parsePub(tc.in); got.ok != tc.ok {
				t.Errorf("parsePub(%q).ok = %v, want %v", tc.in, got.ok, tc.ok)
			}
		})
	}
}

func TestYearsAndDays(t *testing.T) {
	for _, tc := range []struct {
		s         string
		year, day bool
	}{
		{"2019", true, false}, {"1899", false, false}, {"12", false, true}, {"31st", false, true},
		{"32", false, false}, {"May", false, false},
	} {
		if isYear(tc.s) != tc.year || isDay(tc.s) != tc.day {
			t.Errorf("%q: year %v day %v, want %v %v", tc.s, isYear(tc.s), isDay(tc.s), tc.year, tc.day)
		}
	}
}
