package extract

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jdkato/prose/v3"
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

// FuzzNERScorer feeds any text to nerScorer and to prose's own Extracter:
// the labels must agree token for token.
func FuzzNERScorer(f *testing.F) {
	f.Add(ownLabelText)
	f.Add("NASA's McDonald-Jean met ÉCOLE 1.5e3 +Inf nan O'Neill x_y İstanbul ǅemal ﬁnance Ⅻ.")
	nm, err := nerModels()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // Extract blanks invalid bytes before prose sees them
		}
		d, err := prose.NewDocument(text, prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		want := append([]prose.Token(nil), d.Tokens()...)
		got := append([]prose.Token(nil), d.Tokens()...)
		nm.ex.Label(want)
		nm.label.Label(got)
		for i := range want {
			if got[i].Label != want[i].Label {
				t.Fatalf("token %d %q: label %q, prose %q", i, want[i].Text, got[i].Label, want[i].Label)
			}
		}
	})
}

// TestNERLabelsOnOddText compares labelNames and nerScorer with prose's
// Extracter on texts strung together at random from words whose shape,
// case or script is unusual (title-case letters, capital numerals, dotted
// capitals, ligatures, numbers prose reads as numbers).
func TestNERLabelsOnOddText(t *testing.T) {
	words := []string{"NASA", "McDonald", "Jean-Luc", "O'Neill", "İstanbul", "ǅemal", "ﬁnance", "Ⅻ", "ⅻ", "Ⓐ", "ⓐ",
		"1.5", "+Inf", "nan", "x_y", "_", "the", "of", "and", "Minister", "said", "ÉCOLE", "Erdoğan", "São", "Paulo",
		"U.S.", "—", "–", "\"", "(", ")", ",", ".", "al-Sadr", "AL-SADR", "iPhone", "eBay", "ß", "ΣΊΣΥΦΟΣ", "Ωmega",
		"2024", "3rd", "$5", "50%", "#Iran", "@IRNA", "\n", "Mr.", "ǈ", "Ǉ", "ǉ", "ǲ", "'s", "’s", "x", "K", "Å", "ı", "ᾈ", "ŉ"}
	nm, err := nerModels()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(2))
	for n := 0; n < 1000; n++ {
		var b strings.Builder
		for k := 0; k < 5+r.Intn(30); k++ {
			b.WriteString(words[r.Intn(len(words))])
			if r.Intn(4) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		d, err := prose.NewDocument(text, prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		want := append([]prose.Token(nil), d.Tokens()...)
		nm.ex.Label(want)
		every := append([]prose.Token(nil), d.Tokens()...)
		nm.label.Label(every)
		windows := append([]prose.Token(nil), d.Tokens()...)
		labelNames(nm.label, windows)
		for i := range want {
			if every[i].Label != want[i].Label || windows[i].Label != want[i].Label {
				t.Fatalf("%q: token %d %q: every token %q, windows %q, prose %q",
					text, i, want[i].Text, every[i].Label, windows[i].Label, want[i].Label)
			}
		}
	}
}
