package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NormalizeName folds a surface form for comparison: Unicode NFKC, case
// folded, curly apostrophes straightened, punctuation turned into spaces,
// spaces collapsed and a leading "the" dropped. It is the same folding the
// corpus scorer applies, so "the U.S." and "US" compare equal everywhere.
func NormalizeName(s string) string {
	s = foldName(s)
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for _, r := range s {
		switch {
		case r == '\u2019' || r == '\'':
			// An apostrophe joins ("Khamenei'i" folds with the scorer's
			// rules to "khamenei i"); keep the scorer's behaviour.
			if !space {
				b.WriteByte(' ')
				space = true
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := strings.TrimRight(b.String(), " ")
	out = strings.TrimPrefix(out, "the ")
	return out
}

// Slug turns a name into the lower-case, dash-joined form used in ids, with
// diacritics dropped ("Martín" → "martin") so ids stay easy to type and to
// put in URLs; letters of other scripts are kept.
func Slug(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(NormalizeName(name)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return strings.ReplaceAll(norm.NFC.String(b.String()), " ", "-")
}

// EntityID is the stable id a store gives a new entity: its type and the
// slug of its name, such as "person:abbas-araghchi". Ids never change once
// given, even when a fuller name is learnt later.
func EntityID(t EntityType, name string) string {
	return strings.ToLower(string(t)) + ":" + Slug(name)
}

// EdgeID is the stable id of a stored relation: a hash of its identity
// (type, subject, object, date, polarity). For symmetric types the two ends
// are ordered first, so A–B and B–A are one edge. Both backends derive ids
// this way, so their answers can be compared id for id.
func EdgeID(t RelationType, subject, object, date string, p Polarity) string {
	if t.Symmetric() && object < subject {
		subject, object = object, subject
	}
	if p == "" {
		p = Asserted
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{string(t), subject, object, date, string(p)}, "\x1f")))
	return "rel:" + hex.EncodeToString(sum[:10])
}

// foldName is NormalizeName's NFKC and full case folding, as Python's
// str.casefold in the scorer. ASCII, most names, is left unchanged by NFKC
// and folds to its lower case; it skips the two transforms, which cost
// most of an ingest's name folding. (A Caser keeps state, so each call
// makes its own.)
func foldName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return cases.Fold().String(norm.NFKC.String(s))
		}
	}
	return strings.ToLower(s)
}

// Forms returns the normalised forms of an entity's name and aliases,
// without empties or repeats, name first.
func Forms(e Entity) []string {
	seen := make(map[string]bool, 1+len(e.Aliases))
	var out []string
	for _, s := range append([]string{e.Name}, e.Aliases...) {
		n := NormalizeName(s)
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
