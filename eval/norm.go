package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// folder is Unicode full case folding, as Python's str.casefold; a folding
// Caser is stateless, so one serves every goroutine.
var folder = cases.Fold()

// normName is the reference scorer's norm(): NFKC, case folding, every run
// of characters that are not word characters (letters, numbers, "_", as
// Python's \w has it) turned into one space, trimmed, and a leading "the "
// dropped once.
func normName(s string) string {
	s = folder.String(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	out := b.String()
	if strings.HasPrefix(out, "the ") {
		out = out[len("the "):]
	}
	return out
}

// formSet is the set of normalised forms of a name and its aliases.
type formSet map[string]struct{}

// forms is the reference scorer's forms(): the normalised name and aliases,
// without the empty form.
func forms(name string, aliases []string) formSet {
	out := formSet{normName(name): {}}
	for _, a := range aliases {
		out[normName(a)] = struct{}{}
	}
	delete(out, "")
	return out
}

// intersects reports whether two form sets share a form.
func (f formSet) intersects(g formSet) bool {
	if len(g) < len(f) {
		f, g = g, f
	}
	for k := range f {
		if _, ok := g[k]; ok {
			return true
		}
	}
	return false
}
