package graphtest

import (
	"context"
	"reflect"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// bounds are the evidence and step bounds the suite puts to every query
// that takes them.
var bounds = []struct {
	name      string
	evidence  int
	stepEdges int
}{
	{"Evidence1", 1, 0},
	{"Evidence2Step1", 2, 1},
	{"NoEvidence", graph.NoEvidence, 0},
	{"NoEvidenceStep2", graph.NoEvidence, 2},
	{"Step1", 0, 1},
}

// wantBounded is e as a query bounded to n pieces of evidence must answer
// it, given e read whole.
func wantBounded(e graph.Edge, n int) graph.Edge {
	e.Evidence = append([]graph.Evidence{}, e.Evidence...)
	graph.EvidenceCap(&e, n)
	return e
}

// testBounds checks PathQuery.Evidence and StepEdges, RelationQuery.Evidence
// and NeighborhoodQuery.Evidence against the same queries answered whole:
// a bounded edge keeps the first pieces of its evidence in evidence order
// and counts them all, a bounded step keeps its best supported edges in id
// order and counts them all, and nothing else changes.
func testBounds(t *testing.T, open opener) {
	ctx := context.Background()
	// The fixtures must hold what the bounds cut, or the test proves
	// nothing: Fixture has edges of many sentences, PathFixture pairs
	// joined by several edges. The suite uses one store at a time, so
	// Fixture's is opened second and kept for the other tests.
	var cutEvidence, cutSteps int
	var s graph.Store
	var ents []graph.Entity
	for _, f := range []struct {
		name string
		xs   []graph.Extraction
	}{{"PathsPathFixture", PathFixture()}, {"PathsFixture", Fixture()}} {
		s = loaded(t, open, f.xs...)
		ents = allEntities(t, s)
		t.Run(f.name, func(t *testing.T) {
			for _, b := range bounds {
				for _, from := range ents {
					for _, to := range ents {
						if from.ID == to.ID {
							continue
						}
						for _, base := range []graph.PathQuery{
							{From: from.ID, To: to.ID, Filter: graph.RelationFilter{IncludeNegated: true}},
							{From: from.ID, To: to.ID, ViaHops: true, K: 3, MaxHops: graph.MaxHops},
						} {
							whole := runPaths(t, s, base)
							q := base
							q.Evidence, q.StepEdges = b.evidence, b.stepEdges
							got := runPaths(t, s, q)
							if len(got) != len(whole) {
								t.Fatalf("%+v: %d paths, whole %d", q, len(got), len(whole))
							}
							for i := range whole {
								cutEvidence, cutSteps = checkBoundedPath(t, q, whole[i], got[i], cutEvidence, cutSteps)
							}
						}
					}
				}
			}
		})
	}
	if cutEvidence == 0 || cutSteps == 0 {
		t.Errorf("the fixtures cut %d edges' evidence and %d steps; the test needs both", cutEvidence, cutSteps)
	}

	t.Run("Relations", func(t *testing.T) {
		cut := 0
		for _, b := range bounds {
			for _, base := range []graph.RelationQuery{{}, {Filter: graph.RelationFilter{IncludeNegated: true}, Limit: 3}, {Entity: ents[0].ID}} {
				whole := allRelations(t, s, base)
				q := base
				q.Evidence = b.evidence
				got := allRelations(t, s, q)
				if len(got) != len(whole) {
					t.Fatalf("%+v: %d relations, whole %d", q, len(got), len(whole))
				}
				for i := range whole {
					want := wantBounded(whole[i], b.evidence)
					if len(want.Evidence) < len(whole[i].Evidence) {
						cut++
					}
					if !reflect.DeepEqual(got[i], want) {
						t.Errorf("%+v: relation %d =\n %+v\nwant\n %+v", q, i, got[i], want)
					}
				}
			}
		}
		if cut == 0 {
			t.Error("no listing cut an edge's evidence; the test needs one")
		}
	})

	t.Run("Neighborhood", func(t *testing.T) {
		for _, b := range bounds {
			for _, e := range ents {
				base := graph.NeighborhoodQuery{Entity: e.ID, Depth: 2}
				whole, err := graph.Neighborhood(ctx, s, base)
				if err != nil {
					t.Fatalf("Neighborhood(%+v): %v", base, err)
				}
				q := base
				q.Evidence = b.evidence
				got, err := graph.Neighborhood(ctx, s, q)
				if err != nil {
					t.Fatalf("Neighborhood(%+v): %v", q, err)
				}
				for i := range whole.Edges {
					whole.Edges[i] = wantBounded(whole.Edges[i], b.evidence)
				}
				if !reflect.DeepEqual(got, whole) {
					t.Errorf("Neighborhood(%+v) =\n %+v\nwant\n %+v", q, got, whole)
				}
			}
		}
	})

	t.Run("Entities", func(t *testing.T) {
		br := s.(graph.EntityBatchReader)
		ids := []string{"person:nobody"}
		want := map[string]graph.Entity{}
		for _, e := range ents {
			ids = append(ids, e.ID)
			d := entity(t, s, e.ID)
			want[e.ID] = d.Entity
		}
		got, err := br.Entities(ctx, ids)
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		if !reflect.DeepEqual(canonical(got), canonical(want)) {
			t.Errorf("Entities =\n %s\nwant\n %s", mustJSON(got), mustJSON(want))
		}
	})

	t.Run("Invalid", func(t *testing.T) {
		a, b := ents[0].ID, ents[1].ID
		for _, n := range []int{graph.NoEvidence - 1, graph.MaxEvidence + 1} {
			_, err := s.Paths(ctx, graph.PathQuery{From: a, To: b, Evidence: n})
			wantCode(t, err, graph.EINVALID)
			_, err = s.Relations(ctx, graph.RelationQuery{Evidence: n})
			wantCode(t, err, graph.EINVALID)
			_, err = graph.Neighborhood(ctx, s, graph.NeighborhoodQuery{Entity: a, Evidence: n})
			wantCode(t, err, graph.EINVALID)
		}
		_, err := s.Paths(ctx, graph.PathQuery{From: a, To: b, StepEdges: -1})
		wantCode(t, err, graph.EINVALID)
	})
}

// checkBoundedPath compares a path answered under q's bounds with the same
// path answered whole, and adds to the counts of cut edges and steps.
func checkBoundedPath(t *testing.T, q graph.PathQuery, whole, got graph.Path, cutEvidence, cutSteps int) (int, int) {
	t.Helper()
	if !reflect.DeepEqual(got.Nodes, whole.Nodes) || len(got.Steps) != len(whole.Steps) {
		t.Fatalf("%+v: path %v, whole %v", q, nodeSeqs([]graph.Path{got}), nodeSeqs([]graph.Path{whole}))
	}
	for i, ws := range whole.Steps {
		gs := got.Steps[i]
		want := graph.Step{From: ws.From, To: ws.To, Via: ws.Via}
		keep := graph.StepKeeps(len(ws.Edges), q.StepEdges, func(j int) int { return ws.Edges[j].Support })
		for _, j := range keep {
			e := wantBounded(ws.Edges[j], q.Evidence)
			if len(e.Evidence) < len(ws.Edges[j].Evidence) {
				cutEvidence++
			}
			want.Edges = append(want.Edges, e)
		}
		if q.StepEdges > 0 {
			want.EdgesTotal = len(ws.Edges)
		}
		if len(keep) < len(ws.Edges) {
			cutSteps++
			// The kept edges are the best supported.
			least := want.Edges[0].Support
			for _, e := range want.Edges {
				least = min(least, e.Support)
			}
			for _, e := range ws.Edges {
				if e.Support > least && !hasEdge(want.Edges, e.ID) {
					t.Errorf("%+v: step %d leaves out %s (support %d) but keeps one of support %d", q, i, e.ID, e.Support, least)
				}
			}
		}
		if !reflect.DeepEqual(gs, want) {
			t.Errorf("%+v: step %d =\n %+v\nwant\n %+v", q, i, gs, want)
		}
	}
	return cutEvidence, cutSteps
}

func hasEdge(es []graph.Edge, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}
