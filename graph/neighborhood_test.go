package graph_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

func openPathFixture(t *testing.T) graph.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Ingest(context.Background(), graphtest.PathFixture()); err != nil {
		t.Fatal(err)
	}
	return st
}

func names(t *testing.T, sg graph.Subgraph) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, e := range sg.Entities {
		out[e.Name] = true
	}
	return out
}

func TestNeighborhood(t *testing.T) {
	st := openPathFixture(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		q         graph.NeighborhoodQuery
		want      []string // entity names, root first in Entities
		wantEdges int
		truncated bool
	}{
		// Alpha's direct ties: MEET+COMMUNICATE Bravo, SUPPORT Charlie, COOPERATE Echo.
		{"depth 1", graph.NeighborhoodQuery{Depth: 1}, []string{"Alpha", "Bravo", "Charlie", "Echo"}, 4, false},
		// Two hops add Delta (via Bravo, Charlie and Echo); the negated threat stays out.
		{"depth 2", graph.NeighborhoodQuery{Depth: 2}, []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo"}, 8, false},
		{"type filter", graph.NeighborhoodQuery{Depth: 2, Filter: graph.RelationFilter{Types: []graph.RelationType{graph.Meet}}},
			[]string{"Alpha", "Bravo", "Delta"}, 2, false},
		{"limit truncates", graph.NeighborhoodQuery{Depth: 3, Limit: 2}, nil, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alpha, err := st.FindEntities(ctx, graph.EntityFilter{Query: "Alpha", Limit: 1})
			if err != nil || len(alpha) != 1 {
				t.Fatalf("no Alpha: %v", err)
			}
			tt.q.Entity = alpha[0].ID
			sg, err := graph.Neighborhood(ctx, st, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if sg.Entities[0].ID != alpha[0].ID {
				t.Errorf("root %s is not first", alpha[0].ID)
			}
			if len(sg.Edges) != tt.wantEdges || sg.Truncated != tt.truncated {
				t.Errorf("%d edges (truncated %v), want %d (%v)", len(sg.Edges), sg.Truncated, tt.wantEdges, tt.truncated)
			}
			got := names(t, sg)
			if tt.want != nil && len(got) != len(tt.want) {
				t.Errorf("entities %v, want %v", got, tt.want)
			}
			for _, n := range tt.want {
				if !got[n] {
					t.Errorf("missing %s in %v", n, got)
				}
			}
			// Every edge's ends are among the entities returned.
			for _, e := range sg.Edges {
				ok := 0
				for _, n := range sg.Entities {
					if n.ID == e.Subject || n.ID == e.Object {
						ok++
					}
				}
				if ok != 2 {
					t.Errorf("edge %s has an end outside the subgraph", e.ID)
				}
			}
		})
	}
	t.Run("bad input", func(t *testing.T) {
		for _, q := range []graph.NeighborhoodQuery{
			{Entity: "country:alpha", Depth: 4},
			{Entity: "country:alpha", Limit: graph.MaxNeighborhoodEdges + 1},
			{Entity: "country:alpha", Filter: graph.RelationFilter{FromDate: "2025-05", ToDate: "2025-01"}},
		} {
			if _, err := graph.Neighborhood(ctx, st, q); graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("%+v: got %v, want EINVALID", q, err)
			}
		}
		if _, err := graph.Neighborhood(ctx, st, graph.NeighborhoodQuery{Entity: "country:nowhere"}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("unknown entity: got %v, want ENOTFOUND", err)
		}
	})
}
