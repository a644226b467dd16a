package graph

import (
	"sort"
	"strings"
)

// MatchEntity picks, among stored entities that share a normalised form with
// an extracted one, the one it is the same real-world entity as. Both
// backends resolve through it, so they build the same graph from the same
// articles.
//
// A candidate matches only when one side's full name is a form of the other
// (a name or an alias), never through two aliases alone: "Sadeq Larijani"
// and "Ali Larijani" share the alias "Larijani" but stay two people, while a
// bare "Larijani" joins whichever of them it is a form of. When several
// candidates qualify, the one with the most supporting articles wins, then
// the smallest id, so the choice does not depend on map order.
func MatchEntity(in Entity, candidates []Entity) (Entity, bool) {
	inName := NormalizeName(in.Name)
	inForms := Forms(in)
	var best []Entity
	exact := false
	for _, c := range candidates {
		if c.Type != in.Type {
			continue
		}
		cName := NormalizeName(c.Name)
		if cName == inName {
			if !exact {
				best, exact = best[:0], true
			}
			best = append(best, c)
			continue
		}
		if exact {
			continue
		}
		if contains(Forms(c), inName) || contains(inForms, cName) {
			best = append(best, c)
		}
	}
	if len(best) == 0 {
		return Entity{}, false
	}
	sort.SliceStable(best, func(i, j int) bool {
		if best[i].ArticleCount != best[j].ArticleCount {
			return best[i].ArticleCount > best[j].ArticleCount
		}
		return best[i].ID < best[j].ID
	})
	return best[0], true
}

// MergeEntity folds an extracted entity into the stored one it matched: the
// stored id stays, the fuller of the two names becomes the name (a name with
// more words that contains the other, "Abbas Araghchi" over "Araghchi"), and
// every other form becomes an alias.
func MergeEntity(stored, in Entity) Entity {
	out := stored
	name := stored.Name
	if fuller(in.Name, stored.Name) {
		name = in.Name
	}
	out.Name = name
	seen := map[string]bool{NormalizeName(name): true}
	var aliases []string
	for _, a := range append(append(append([]string{}, stored.Name), stored.Aliases...), append([]string{in.Name}, in.Aliases...)...) {
		n := NormalizeName(a)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		aliases = append(aliases, a)
	}
	out.Aliases = aliases
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	return out
}

// fuller reports whether a is a fuller form of b: more words, and b's words
// appear in a.
func fuller(a, b string) bool {
	na, nb := strings.Fields(NormalizeName(a)), strings.Fields(NormalizeName(b))
	if len(na) <= len(nb) || len(nb) == 0 {
		return false
	}
	set := make(map[string]bool, len(na))
	for _, w := range na {
		set[w] = true
	}
	for _, w := range nb {
		if !set[w] {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
