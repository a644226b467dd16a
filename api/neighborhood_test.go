package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// fixtureServer serves a fresh store holding the extractions, ingested
// directly.
func fixtureServer(t testing.TB, xs []graph.Extraction) http.Handler {
	t.Helper()
	st := openStore(t)
	rep, err := st.Ingest(t.Context(), xs)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	if rep.ArticlesFailed > 0 {
		t.Fatalf("ingest failed: %+v", rep.Results)
	}
	return (&api.Server{Store: st}).Handler()
}

// Ids of graphtest.PathFixture's countries.
func country(name string) string { return graph.EntityID(graph.Country, name) }

// pk names a PathFixture edge by type and the names of its ends.
func pk(t graph.RelationType, a, b string) string {
	return edgeKey(graph.Edge{Type: t, Subject: country(a), Object: country(b)})
}

func TestNeighborhood(t *testing.T) {
	h := fixtureServer(t, graphtest.PathFixture())
	alpha := country("Alpha")
	level1 := []string{pk(graph.Meet, "Alpha", "Bravo"), pk(graph.Communicate, "Alpha", "Bravo"),
		pk(graph.Support, "Alpha", "Charlie"), pk(graph.Cooperate, "Alpha", "Echo")}
	level2 := append(slices.Clone(level1), pk(graph.Meet, "Bravo", "Delta"), pk(graph.Accuse, "Delta", "Charlie"),
		pk(graph.Agree, "Echo", "Delta"), pk(graph.Support, "Bravo", "Echo"))
	tests := []struct {
		query     string
		edges     []string
		entities  []string // names, root first
		truncated bool
	}{
		{"", level1, []string{"Alpha", "Bravo", "Charlie", "Echo"}, false},
		{"?depth=1", level1, []string{"Alpha", "Bravo", "Charlie", "Echo"}, false},
		{"?depth=2", level2, []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo"}, false},
		{"?depth=3", append(slices.Clone(level2), pk(graph.Negotiate, "Delta", "Foxtrot")),
			[]string{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"}, false},
		{"?depth=2&type=MEET", []string{pk(graph.Meet, "Alpha", "Bravo"), pk(graph.Meet, "Bravo", "Delta")},
			[]string{"Alpha", "Bravo", "Delta"}, false},
		{"?depth=2&from_date=2025-02", []string{pk(graph.Communicate, "Alpha", "Bravo"), pk(graph.Meet, "Bravo", "Delta")},
			[]string{"Alpha", "Bravo", "Delta"}, false},
		{"?depth=2&exclude_type=COOPERATE,COMMUNICATE&to_date=2025-01-15", []string{pk(graph.Meet, "Alpha", "Bravo"), pk(graph.Support, "Alpha", "Charlie"),
			pk(graph.Accuse, "Delta", "Charlie")}, []string{"Alpha", "Bravo", "Charlie", "Delta"}, false},
		{"?depth=2&type=THREATEN&include_negated=true", []string{}, []string{"Alpha"}, false},
		{"?from_date=2030", []string{}, []string{"Alpha"}, false},
		{"?limit=2", level1[:0], nil, true}, // checked by count below
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got api.NeighborhoodResponse
			getJSON(t, h, "/v1/entities/"+alpha+"/neighborhood"+tt.query, &got)
			if got.Entity.ID != alpha || len(got.Entities) == 0 || got.Entities[0].ID != alpha {
				t.Fatalf("root = %+v, entities %v; want %s first", got.Entity, got.Entities, alpha)
			}
			if got.Truncated != tt.truncated {
				t.Errorf("truncated = %v, want %v", got.Truncated, tt.truncated)
			}
			for _, e := range got.Edges {
				if len(e.Evidence) != 0 {
					t.Errorf("edge %s carries evidence without evidence=true", e.ID)
				}
			}
			if tt.truncated {
				if len(got.Edges) != 2 {
					t.Errorf("%d edges with limit=2", len(got.Edges))
				}
				return
			}
			if keys := edgeKeys(got.Edges); !slices.Equal(sorted(keys), sorted(tt.edges)) {
				t.Errorf("edges = %v, want %v", sorted(keys), sorted(tt.edges))
			}
			var names []string
			for _, e := range got.Entities {
				names = append(names, e.Name)
			}
			if !slices.Equal(names, tt.entities) {
				t.Errorf("entities = %v, want %v", names, tt.entities)
			}
		})
	}
	t.Run("negated relations on request", func(t *testing.T) {
		var got api.NeighborhoodResponse
		getJSON(t, h, "/v1/entities/"+country("Bravo")+"/neighborhood?type=THREATEN&include_negated=true", &got)
		if keys := edgeKeys(got.Edges); !slices.Equal(keys, []string{"not " + pk(graph.Threaten, "Bravo", "Charlie")}) {
			t.Errorf("edges = %v, want the negated THREATEN", keys)
		}
	})
	t.Run("evidence on request", func(t *testing.T) {
		var got api.NeighborhoodResponse
		getJSON(t, h, "/v1/entities/"+alpha+"/neighborhood?evidence=true&type=SUPPORT", &got)
		if len(got.Edges) != 1 || len(got.Edges[0].Evidence) != 1 || got.Edges[0].Evidence[0].Text != "Alpha backed Charlie." {
			t.Errorf("edges = %+v, want the SUPPORT with its sentence", got.Edges)
		}
	})
	checkBad(t, h, []badRequest{
		{"/v1/entities/country:nowhere/neighborhood", 404, "country:nowhere"},
		{"/v1/entities/" + alpha + "/neighborhood?depth=0", 400, "depth"},
		{"/v1/entities/" + alpha + "/neighborhood?depth=4", 400, "depth"},
		{"/v1/entities/" + alpha + "/neighborhood?depth=deep", 400, "depth"},
		{"/v1/entities/" + alpha + "/neighborhood?limit=0", 400, "limit"},
		{"/v1/entities/" + alpha + "/neighborhood?limit=" + fmt.Sprint(graph.MaxNeighborhoodEdges+1), 400, "limit"},
		{"/v1/entities/" + alpha + "/neighborhood?type=FOO", 400, "FOO"},
		{"/v1/entities/" + alpha + "/neighborhood?from_date=2025-03&to_date=2025-01", 400, "inverted"},
		{"/v1/entities/" + alpha + "/neighborhood?min_confidence=2", 400, "min_confidence"},
		{"/v1/entities/" + alpha + "/neighborhood?evidence=some", 400, "evidence"},
		{"/v1/entities/" + alpha + "/neighborhood?hops=2", 400, "hops"},
	})
}

// TestNeighborhoodHub checks that a hub is cut at the limit, nearest
// edges kept, and says so.
func TestNeighborhoodHub(t *testing.T) {
	h := fixtureServer(t, []graph.Extraction{graphtest.HubFixture(30)})
	var got api.NeighborhoodResponse
	getJSON(t, h, "/v1/entities/"+country("Source")+"/neighborhood?depth=2&limit=40", &got)
	if !got.Truncated || len(got.Edges) != 40 {
		t.Fatalf("truncated %v with %d edges, want true with 40", got.Truncated, len(got.Edges))
	}
	first := 0
	for _, e := range got.Edges[:30] {
		if e.Subject == country("Source") || e.Object == country("Source") {
			first++
		}
	}
	if first != 30 {
		t.Errorf("%d of the first 30 edges touch Source, want all: nearest first", first)
	}
	getJSON(t, h, "/v1/entities/"+country("Source")+"/neighborhood?depth=2&limit=60", &got)
	if got.Truncated || len(got.Edges) != 60 || len(got.Entities) != 32 {
		t.Errorf("truncated %v with %d edges and %d entities, want the whole hub: 60 and 32", got.Truncated, len(got.Edges), len(got.Entities))
	}
}
