package graph

import (
	"math/rand/v2"
	"testing"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// TestFoldNameASCII checks foldName's ASCII shortcut against the full
// transforms: every ASCII character alone, and random ASCII strings.
func TestFoldNameASCII(t *testing.T) {
	full := func(s string) string { return cases.Fold().String(norm.NFKC.String(s)) }
	for c := 0; c < 128; c++ {
		s := string(rune(c))
		if got, want := foldName(s), full(s); got != want {
			t.Errorf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 10000; i++ {
		b := make([]byte, r.IntN(24))
		for j := range b {
			b[j] = byte(r.IntN(128))
		}
		s := string(b)
		if got, want := foldName(s), full(s); got != want {
			t.Fatalf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"Kelvin \u212a", "Straße", "ﬁne", "İstanbul", "The U.S."} {
		if got, want := foldName(s), full(s); got != want {
			t.Errorf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
}
