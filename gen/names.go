package gen

import (
	"math/rand/v2"
	"strings"
)

// Syllables for invented names. They are chosen so that no invented word is
// an English word the extractor treats specially (titles, triggers, stop
// words), and names read as names: two or three syllables, capitalised.
var (
	firstSyllables = []string{"A", "Ba", "Da", "El", "Fa", "Ga", "Ha", "I", "Ja", "Ka", "La", "Ma", "Na", "O",
		"Pa", "Ra", "Sa", "Ta", "Va", "Ya", "Za", "Mi", "Lu", "Ro", "Ne", "Te", "Se", "Jo", "Ki", "Vi"}
	midSyllables = []string{"la", "ri", "na", "do", "mi", "ra", "lo", "ni", "sa", "ta", "ve", "ko", "li", "ma",
		"ne", "be", "zi", "ro", "du", "ha"}
	firstEnds = []string{"n", "r", "a", "o", "s", "l", "m", "na", "ra", "el", "an", "ia", "ir", "ek", "ul"}
	lastEnds  = []string{"ski", "nen", "ović", "escu", "ardt", "ani", "opoulos", "ssen", "ez", "ova", "enko",
		"stad", "ulu", "elli", "berg", "ard", "oni", "ak", "vili", "yan", "ström", "ado", "ier", "o"}

	partyWords   = []string{"Unity", "Renewal", "Progress", "Liberty", "Harmony", "Homeland", "Labour", "Justice", "Reform", "Solidarity"}
	orgPatterns  = []string{"%s Party", "%s Front", "%s Movement", "%s Alliance", "%s Council", "%s Brigades", "%s Institute", "%s Foundation", "%s Bank", "%s Union", "%s Corporation", "%s Coalition"}
	mediaPattern = []string{"%s News Agency", "%s Times", "%s Daily", "%s TV", "%s Herald", "%s Post", "%s Gazette", "%s Tribune", "%s Radio", "%s Observer"}
)

// word invents one capitalised word of two or three syllables.
func word(r *rand.Rand, ends []string) string {
	var b strings.Builder
	b.WriteString(firstSyllables[r.IntN(len(firstSyllables))])
	for n := r.IntN(2); n >= 0; n-- {
		b.WriteString(midSyllables[r.IntN(len(midSyllables))])
	}
	b.WriteString(ends[r.IntN(len(ends))])
	return b.String()
}
