package extract

import (
	"strconv"
	"testing"
)

// TestIsFloat checks the shortcut against strconv.ParseFloat, whose reading
// prose's "number" shape is.
func TestIsFloat(t *testing.T) {
	for _, w := range []string{"1", "+1", "-", "+", "inf", "+Inf", "-INFINITY", "nan", "+nan", "-NaN",
		"--inf", "+-inf", "in", "Iran", "nano", "1e5", ".5", "-.5", "0x1p-2", "1_0", "0x1_0p0", "Infinity",
		"infinit", "1,000", "3rd", "i", "n", "N", "1.", "..", "+.", "-0", "NAN", "-x", "+I"} {
		t.Run(w, func(t *testing.T) {
			_, err := strconv.ParseFloat(w, 64)
			if got, want := isFloat(w), err == nil; got != want {
				t.Errorf("isFloat(%q) = %v, ParseFloat reads it: %v", w, got, want)
			}
		})
	}
}
