package graphtest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// Queries is a set of questions to put to two stores; see SameAnswers.
type Queries struct {
	Entities  []string // ids for Entity (unknown ids compare by error code)
	Relations []string // ids for Relation
	Find      []graph.EntityFilter
	Lists     []graph.RelationQuery // walked page by page
	Timelines []graph.TimelineQuery
	Paths     []graph.PathQuery
}

// FixtureQueries returns questions about Fixture that touch every reader:
// every entity and edge, searches, filtered listings, timelines and paths
// between every pair of entities, with and without via hops and K.
func FixtureQueries() Queries {
	ents := []string{idQuist, idBrevik, idAli, idSadeq, idValdoria, idNorland, idOskaria, idSelden, idDaily, idCouncil, idOffice}
	q := Queries{
		Entities:  append(append([]string{}, ents...), "person:nobody"),
		Relations: append(append([]string{}, fixtureEdges...), "rel:0000"),
		Find: []graph.EntityFilter{
			{}, {Query: "quist"}, {Query: "Farran"}, {Query: "nor"}, {Query: "land"},
			{Query: "o", Types: []graph.EntityType{graph.Country, graph.Media}}, {Query: "a", Limit: 3},
		},
		Lists: []graph.RelationQuery{
			{}, {Filter: graph.RelationFilter{IncludeNegated: true}, Limit: 5},
			{Filter: graph.RelationFilter{NoStructural: true}}, {Filter: graph.RelationFilter{Source: "Harbor Daily"}},
			{Filter: graph.RelationFilter{FromDate: "2025-03"}}, {Entity: idNorland}, {Entity: idQuist, Other: idBrevik},
			{Evidence: 1}, {Entity: idNorland, Evidence: graph.NoEvidence}, {Entity: idQuist, Evidence: 2, Limit: 2},
		},
		Timelines: []graph.TimelineQuery{{}, {Entity: idOskaria}, {Filter: graph.RelationFilter{ToDate: "2025-04"}, Limit: 2}},
	}
	for _, f := range []graph.RelationFilter{{}, {IncludeNegated: true}} {
		for _, from := range ents {
			for _, to := range ents {
				if from != to {
					q.Paths = append(q.Paths,
						graph.PathQuery{From: from, To: to, Filter: f},
						graph.PathQuery{From: from, To: to, Filter: f, ViaHops: true, K: 3, MaxHops: graph.MaxHops},
						graph.PathQuery{From: from, To: to, Filter: f, ViaHops: true, K: 3, Evidence: 1, StepEdges: 1})
				}
			}
		}
	}
	return q
}

// SameAnswers fails t wherever stores a and b, holding the same articles,
// answer one of the queries differently: a different error code, or a
// different value once nil and empty slices are taken as equal.
func SameAnswers(t *testing.T, a, b graph.Store, q Queries) {
	t.Helper()
	ctx := context.Background()
	same := func(what string, call func(s graph.Store) (any, error)) {
		t.Helper()
		va, ea := call(a)
		vb, eb := call(b)
		if graph.ErrorCode(ea) != graph.ErrorCode(eb) {
			t.Errorf("%s: errors differ: %v / %v", what, ea, eb)
			return
		}
		if ea != nil {
			return
		}
		ja, jb := canonical(va), canonical(vb)
		if !reflect.DeepEqual(ja, jb) {
			t.Errorf("%s: answers differ:\n a: %s\n b: %s", what, mustJSON(va), mustJSON(vb))
		}
	}
	same("Counts", func(s graph.Store) (any, error) { return s.Counts(ctx) })
	for _, id := range q.Entities {
		same("Entity("+id+")", func(s graph.Store) (any, error) { return s.Entity(ctx, id) })
	}
	for _, id := range q.Relations {
		same("Relation("+id+")", func(s graph.Store) (any, error) { return s.Relation(ctx, id) })
	}
	for _, f := range q.Find {
		same("FindEntities("+mustJSON(f)+")", func(s graph.Store) (any, error) { return s.FindEntities(ctx, f) })
	}
	for _, rq := range q.Lists {
		same("Relations("+mustJSON(rq)+")", func(s graph.Store) (any, error) {
			var pages []graph.RelationPage
			r := rq
			for len(pages) < 1000 {
				p, err := s.Relations(ctx, r)
				if err != nil {
					return nil, err
				}
				pages = append(pages, p)
				if p.Next == "" {
					break
				}
				r.After = p.Next
			}
			return pages, nil
		})
	}
	for _, tq := range q.Timelines {
		same("Timeline("+mustJSON(tq)+")", func(s graph.Store) (any, error) { return s.Timeline(ctx, tq) })
	}
	for _, pq := range q.Paths {
		same("Paths("+mustJSON(pq)+")", func(s graph.Store) (any, error) { return s.Paths(ctx, pq) })
	}
}

// canonical turns v into plain JSON values, so that nil and empty slices
// and maps compare equal.
func canonical(v any) any {
	var out any
	if err := json.Unmarshal([]byte(mustJSON(v)), &out); err != nil {
		return err.Error()
	}
	return dropEmpty(out)
}

func dropEmpty(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			e = dropEmpty(e)
			if e == nil {
				delete(x, k)
				continue
			}
			x[k] = e
		}
		if len(x) == 0 {
			return nil
		}
		return x
	case []any:
		if len(x) == 0 {
			return nil
		}
		for i := range x {
			x[i] = dropEmpty(x[i])
		}
		return x
	}
	return v
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
