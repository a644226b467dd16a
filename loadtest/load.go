package loadtest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// BenchLoad measures ingesting generated graphs into empty stores made by
// open: for each base size, base relations (ten per article, among a fifth
// as many actors) and ten times as many, each written 1000 articles per
// Ingest call (a bulk load), 32 (as `actorgraph ingest` does) and one
// article per call. It
// reports articles/s and relations/s, timing the Ingest calls only (not
// generating the articles). One article per call runs only up to
// ACTORGRAPH_BENCH_LOAD_SINGLE_MAX relations (default 20000): beyond, a
// commit per article says nothing new and takes most of a bench run.
func BenchLoad(b *testing.B, open func(testing.TB) graph.Store, bases ...int) {
	b.Helper()
	// The first writes pay for plan caches and, in Neo4j, the JIT: warm up
	// outside the timings.
	s := open(b)
	_, err := NewGraph(99, 20, 20).Load(context.Background(), s, 1)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	var sizes []int
	for _, base := range bases {
		for _, n := range []int{base, 10 * base} {
			if !slices.Contains(sizes, n) {
				sizes = append(sizes, n)
			}
		}
	}
	for _, rels := range sizes {
		g := NewGraph(uint64(rels), max(rels/5, 50), rels)
		for _, batch := range []int{1000, 32, 1} {
			if batch == 1 && rels > Size("LOAD_SINGLE_MAX", 20000) {
				continue
			}
			b.Run(fmt.Sprintf("relations=%d/batch=%d", rels, batch), func(b *testing.B) {
				ctx := context.Background()
				var spent time.Duration
				for b.Loop() {
					b.StopTimer()
					s := open(b)
					b.StartTimer()
					rep, took, err := g.LoadTimed(ctx, s, batch)
					spent += took
					if err != nil {
						b.Fatal(err)
					}
					if rep.ArticlesNew != g.Articles {
						b.Fatalf("%d of %d articles stored", rep.ArticlesNew, g.Articles)
					}
					b.StopTimer()
					s.Close()
					b.StartTimer()
				}
				n := float64(b.N)
				b.ReportMetric(n*float64(g.Articles)/spent.Seconds(), "articles/s")
				b.ReportMetric(n*float64(g.Relations)/spent.Seconds(), "relations/s")
			})
		}
	}
}
