package api

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/hbollon/go-edlib"
)

// Bounds of the near-miss search, so that a typo costs a few indexed
// lookups whatever the size of the graph.
const (
	// nearMinRunes: shorter queries are not spelt "nearly"; one letter off
	// in three is another name.
	nearMinRunes = 4
	// nearStem is how many letters of a word's start, and of its end, find
	// candidates: a typo rarely hits both.
	nearStem = 3
	// nearWords bounds the words of a query that find candidates.
	nearWords = 3
	// nearCandidates bounds the entities read per stem; the store ranks
	// them by mention count, so the well-known ones are read first.
	nearCandidates = 200
)

// searchEntities is the store's search (exact, prefix and substring
// matches), topped up, when it finds fewer than the limit, none of them an
// exact name or alias, and near is set, with near misses: entities a name or alias of which (or a word of one) is
// within a few edits of the query ("Araqchi" for "Araghchi", "Witkof" for
// "Witkoff"). Near misses come after the matches, most mentioned first; the
// second result lists their ids.
func (s *Server) searchEntities(ctx context.Context, f graph.EntityFilter, near bool) ([]graph.Entity, []string, error) {
	found, err := s.Store.FindEntities(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = graph.DefaultLimit
	}
	if !near || len(found) >= limit || exactHit(found, f.Query) {
		// Someone who typed a name that exists meant it: "Iran" is not
		// to be padded with "Iraq".
		return found, nil, nil
	}
	misses, err := s.nearMisses(ctx, f, found)
	if err != nil {
		return nil, nil, err
	}
	var ids []string
	for _, e := range misses {
		if len(found) == limit {
			break
		}
		found = append(found, e)
		ids = append(ids, e.ID)
	}
	return found, ids, nil
}

// nearMiss is a candidate with its edit distance to the query.
type nearMiss struct {
	graph.Entity
	distance int
}

// nearMisses finds entities of f.Types spelt within maxEdits of f.Query,
// leaving out those in skip. Candidates come from the store's own search
// for the first and last letters of each word of the query, so only a
// bounded number of entities is ever compared.
func (s *Server) nearMisses(ctx context.Context, f graph.EntityFilter, skip []graph.Entity) ([]graph.Entity, error) {
	q := graph.NormalizeName(f.Query)
	if utf8.RuneCountInString(q) < nearMinRunes {
		return nil, nil
	}
	words := strings.Fields(q)
	seen := map[string]bool{}
	for _, e := range skip {
		seen[e.ID] = true
	}
	var stems []string
	for i, w := range words {
		if i == nearWords {
			break
		}
		r := []rune(w)
		if len(r) < nearMinRunes {
			continue
		}
		stems = append(stems, string(r[:nearStem]), string(r[len(r)-nearStem:]))
	}
	most := maxEdits(q)
	var misses []nearMiss
	for _, stem := range stems {
		cands, err := s.Store.FindEntities(ctx, graph.EntityFilter{Query: stem, Types: f.Types, Limit: nearCandidates})
		if err != nil {
			return nil, err
		}
		for _, e := range cands {
			if seen[e.ID] {
				continue
			}
			seen[e.ID] = true
			if d := distance(q, len(words) == 1, e); d <= most {
				misses = append(misses, nearMiss{e, d})
			}
		}
	}
	sort.Slice(misses, func(i, j int) bool {
		a, b := misses[i], misses[j]
		if a.MentionCount != b.MentionCount {
			return a.MentionCount > b.MentionCount
		}
		if a.distance != b.distance {
			return a.distance < b.distance
		}
		return a.ID < b.ID
	})
	out := make([]graph.Entity, len(misses))
	for i, m := range misses {
		out[i] = m.Entity
	}
	return out, nil
}

// maxEdits is how many edits a query of q's length may be off by: one up
// to five letters, two up to ten, three beyond (as search engines'
// "auto" fuzziness, with a step for names of several words).
func maxEdits(q string) int {
	switch n := utf8.RuneCountInString(q); {
	case n <= 5:
		return 1
	case n <= 10:
		return 2
	}
	return 3
}

// distance is the least edit distance (optimal string alignment: a swap of
// two letters is one edit) from q to a normalised name or alias of e, or,
// for a one-word query, to a word of one: "araqchi" is two edits from the
// "araghchi" of "abbas araghchi".
func distance(q string, oneWord bool, e graph.Entity) int {
	best := -1
	try := func(s string) {
		if d := edlib.OSADamerauLevenshteinDistance(q, s); best < 0 || d < best {
			best = d
		}
	}
	for _, form := range graph.Forms(e) {
		try(form)
		if oneWord {
			for _, w := range strings.Fields(form) {
				try(w)
			}
		}
	}
	if best < 0 {
		return 1 << 30
	}
	return best
}

// exactHit reports whether q, normalised, is the name or an alias of one of
// the entities.
func exactHit(es []graph.Entity, q string) bool {
	want := graph.NormalizeName(q)
	for _, e := range es {
		for _, f := range graph.Forms(e) {
			if f == want {
				return true
			}
		}
	}
	return false
}
