package loadtest

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// warmups is how many queries of each kind BenchPaths runs before timing.
const warmups = 10

// BenchPaths measures queries on a loaded graph whose entity ids are ids:
// the shortest paths (at most four hops), the five shortest paths, and the
// depth-2 neighbourhood (graph.Neighborhood), each over random entities.
// Ten queries of each kind run first, untimed. One op is queries queries,
// so that even one op gives percentiles; p50-ms, p95-ms and p99-ms are per
// query.
func BenchPaths(b *testing.B, s graph.Store, ids []string, queries int) {
	b.Helper()
	if len(ids) < 2 {
		b.Fatalf("a graph of %d entities has no pairs", len(ids))
	}
	ctx := context.Background()
	// The first queries of a store pay for caches and indexes (SQLite's
	// path index) and, in Neo4j, for planning each statement against the
	// statistics of the graph just built: warm up with a few queries of
	// each kind between other pairs than the measured ones, so that the
	// figures are the steady state.
	warm := rand.New(rand.NewPCG(1, 1))
	for range warmups {
		from, to := ids[warm.IntN(len(ids))], ids[warm.IntN(len(ids))]
		if _, err := s.Paths(ctx, graph.PathQuery{From: from, To: to, MaxHops: 4}); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Paths(ctx, graph.PathQuery{From: from, To: to, MaxHops: 4, K: 5}); err != nil {
			b.Fatal(err)
		}
		if _, err := graph.Neighborhood(ctx, s, graph.NeighborhoodQuery{Entity: from, Depth: 2}); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		run  func(from, to string) (found int, err error)
	}{
		{"shortest", func(from, to string) (int, error) {
			ps, err := s.Paths(ctx, graph.PathQuery{From: from, To: to, MaxHops: 4})
			return len(ps), err
		}},
		{"k5", func(from, to string) (int, error) {
			ps, err := s.Paths(ctx, graph.PathQuery{From: from, To: to, MaxHops: 4, K: 5})
			return len(ps), err
		}},
		{"neighborhood2", func(from, _ string) (int, error) {
			sg, err := graph.Neighborhood(ctx, s, graph.NeighborhoodQuery{Entity: from, Depth: 2})
			return len(sg.Edges), err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(7, 7))
			var lat Latencies
			found := 0
			for b.Loop() {
				for range queries {
					from, to := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
					for to == from {
						to = ids[r.IntN(len(ids))]
					}
					t0 := time.Now()
					n, err := c.run(from, to)
					lat = append(lat, time.Since(t0))
					if err != nil {
						b.Fatalf("%s %s → %s: %v", c.name, from, to, err)
					}
					found += n
				}
			}
			lat.Report(b)
			b.ReportMetric(float64(found)/float64(len(lat)), "results/query")
			b.ReportMetric(float64(len(ids)), "entities")
		})
	}
}
