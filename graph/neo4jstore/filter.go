package neo4jstore

import "github.com/actorgraph/actorgraph/graph"

// filterParams are the parameters of the filter block the listing, timeline
// and path statements share: graph.RelationFilter.Match in Cypher. The
// allowed types are computed here from the closed ontology, so a statement
// never sees a type that is not one of the fifteen, and MENTIONS never
// passes.
func filterParams(f graph.RelationFilter) map[string]any {
	var types []string
	for _, t := range graph.RelationTypes() {
		if len(f.Types) > 0 && !hasType(f.Types, t) {
			continue
		}
		if hasType(f.ExcludeTypes, t) || (f.NoStructural && t.Structural()) {
			continue
		}
		types = append(types, string(t))
	}
	if types == nil {
		types = []string{}
	}
	return map[string]any{
		"types":          types,
		"negated":        f.IncludeNegated,
		"min_confidence": f.MinConfidence,
		"min_support":    int64(f.MinSupport),
		"from":           f.FromDate,
		"to":             f.ToDate,
		"has_source":     f.Source != "",
		"source":         graph.NormalizeName(f.Source),
	}
}

// passes is the filter as the suite states it: Match, and the source
// against the edge's evidence articles' sources. The store applies it to
// what Cypher returns as well, so the two can never disagree silently.
func passes(f graph.RelationFilter, e graph.Edge, sources []string) bool {
	if !f.Match(e) {
		return false
	}
	if f.Source == "" {
		return true
	}
	want := graph.NormalizeName(f.Source)
	for _, s := range sources {
		if s == want {
			return true
		}
	}
	return false
}

func hasType(ts []graph.RelationType, t graph.RelationType) bool {
	for _, v := range ts {
		if v == t {
			return true
		}
	}
	return false
}

func merge(a, b map[string]any) map[string]any {
	for k, v := range b {
		a[k] = v
	}
	return a
}
