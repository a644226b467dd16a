package neo4jstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// TestSameAsSQLite ingests the same extractions into the SQLite store and
// Neo4j and asks both the same questions: every entity and edge, searches,
// listings, timelines and paths, which must agree value for value.
func TestSameAsSQLite(t *testing.T) {
	cases := []struct {
		name string
		xs   func(t *testing.T) []graph.Extraction
		q    func(xs []graph.Extraction) graphtest.Queries
	}{
		{"Fixture", func(*testing.T) []graph.Extraction { return graphtest.Fixture() },
			func([]graph.Extraction) graphtest.Queries { return graphtest.FixtureQueries() }},
		{"Generated", func(*testing.T) []graph.Extraction { return graphtest.Generate(3, 30, 150) }, queriesFor},
		{"DevCorpus", devCorpus, queriesFor},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			xs := c.xs(t)
			ctx := context.Background()
			lite, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer lite.Close()
			neo := fresh(t)
			for _, s := range []graph.Store{lite, neo} {
				rep, err := s.Ingest(ctx, xs)
				if err != nil || rep.ArticlesFailed != 0 {
					t.Fatalf("Ingest: %v, %d failed", err, rep.ArticlesFailed)
				}
			}
			graphtest.SameAnswers(t, lite, neo, c.q(xs))
		})
	}
}

// queriesFor asks about the stored graph itself: every entity, every edge,
// the listings and timelines of the busiest entities, and paths between
// them with and without via hops, filters and K.
func queriesFor(xs []graph.Extraction) graphtest.Queries {
	ctx := context.Background()
	s := server.store
	var q graphtest.Queries
	ents, _ := s.FindEntities(ctx, graph.EntityFilter{Limit: graph.MaxLimit})
	for _, e := range ents {
		q.Entities = append(q.Entities, e.ID)
	}
	page, _ := s.Relations(ctx, graph.RelationQuery{Filter: graph.RelationFilter{IncludeNegated: true}, Limit: graph.MaxLimit})
	for _, e := range page.Relations {
		q.Relations = append(q.Relations, e.ID)
	}
	q.Find = []graph.EntityFilter{{}, {Query: "a"}, {Query: "iran"}, {Query: "actor 0000"}, {Types: []graph.EntityType{graph.Person}}}
	q.Lists = []graph.RelationQuery{{}, {Limit: 7}, {Filter: graph.RelationFilter{NoStructural: true, FromDate: "2025"}}}
	q.Timelines = []graph.TimelineQuery{{}, {Limit: 5}}
	hubs := ents
	if len(hubs) > 6 {
		hubs = hubs[:6] // FindEntities with no query ranks by mentions
	}
	for _, e := range hubs {
		q.Lists = append(q.Lists, graph.RelationQuery{Entity: e.ID, Limit: 4})
		q.Timelines = append(q.Timelines, graph.TimelineQuery{Entity: e.ID})
	}
	for i, a := range hubs {
		for _, b := range ents {
			if a.ID == b.ID {
				continue
			}
			q.Paths = append(q.Paths,
				graph.PathQuery{From: a.ID, To: b.ID},
				graph.PathQuery{From: a.ID, To: b.ID, K: 4, ViaHops: i%2 == 0},
				graph.PathQuery{From: a.ID, To: b.ID, MaxHops: 2, Filter: graph.RelationFilter{NoStructural: true, IncludeNegated: true}})
		}
	}
	return q
}
