package loadtest

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// BenchPaths measures queries on a loaded graph whose entity ids are ids:
// the shortest paths (at most four hops), the five shortest paths, and the
// depth-2 neighbourhood (graph.Neighborhood), each over random entities.
// One op is queries queries, so that even one op gives percentiles; p50-ms
// and p99-ms are per query.
func BenchPaths(b *testing.B, s graph.Store, ids []string, queries int) {
	b.Helper()
	if len(ids) < 2 {
		b.Fatalf("a graph of %d entities has no pairs", len(ids))
	}
	ctx := context.Background()
	// The first query of a store pays for caches and indexes; warm up.
	if _, err := s.Paths(ctx, graph.PathQuery{From: ids[0], To: ids[1]}); err != nil {
		b.Fatal(err)
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
