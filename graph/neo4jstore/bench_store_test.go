package neo4jstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// The benchmark graph: 2k actors, 10k relations in 1k articles (a fifth of
// the SQLite store's benchmark graph, to keep a run within minutes).
const (
	benchEntities  = 2000
	benchRelations = 10000
)

// BenchmarkIngestBatch measures ingesting 1k generated articles into an
// empty database, one transaction per article.
func BenchmarkIngestBatch(b *testing.B) {
	xs := graphtest.Generate(3, benchEntities, benchRelations)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := fresh(b)
		b.StartTimer()
		rep, err := s.Ingest(ctx, xs)
		if err != nil || rep.ArticlesNew != len(xs) {
			b.Fatalf("ingest: %v, %d new of %d", err, rep.ArticlesNew, len(xs))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(xs)), "µs/article")
	b.ReportMetric(float64(b.N*benchRelations)/b.Elapsed().Seconds(), "relations/s")
}

// BenchmarkPaths measures path queries on the benchmark graph.
func BenchmarkPaths(b *testing.B) {
	s := fresh(b)
	ctx := context.Background()
	if _, err := s.Ingest(ctx, graphtest.Generate(1, benchEntities, benchRelations)); err != nil {
		b.Fatal(err)
	}
	actor := func(i int) string {
		types := graph.EntityTypes()
		return graph.EntityID(types[i%len(types)], fmt.Sprintf("Actor %05d", i))
	}
	for _, c := range []struct {
		name string
		q    func(i int) graph.PathQuery
	}{
		{"Shortest", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(200 + i%800), To: actor(1200 + i%800)}
		}},
		{"ShortestFiltered", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(200 + i%800), To: actor(1200 + i%800),
				Filter: graph.RelationFilter{NoStructural: true, FromDate: "2025"}}
		}},
		{"K10", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(200 + i%800), To: actor(1200 + i%800), K: 10}
		}},
		{"ViaHops", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(200 + i%800), To: actor(1200 + i%800), ViaHops: true}
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			found := 0
			for i := 0; i < b.N; i++ {
				ps, err := s.Paths(ctx, c.q(i))
				if err != nil {
					b.Fatal(err)
				}
				found += len(ps)
			}
			b.ReportMetric(float64(found)/float64(b.N), "paths/op")
		})
	}
}
