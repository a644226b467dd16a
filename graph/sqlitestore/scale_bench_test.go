package sqlitestore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
	"github.com/actorgraph/actorgraph/loadtest"
)

// BenchmarkLoad measures ingest rates into empty stores at
// ACTORGRAPH_BENCH_LOAD_RELATIONS relations (default 200) and ten times as
// many, and again at the Neo4j benchmark's smaller sizes
// (ACTORGRAPH_BENCH_NEO4J_LOAD_RELATIONS, default 10) for a like-for-like
// comparison; see loadtest.BenchLoad.
func BenchmarkLoad(b *testing.B) {
	var n atomic.Int64
	dir := b.TempDir()
	open := func(tb testing.TB) graph.Store {
		s, err := sqlitestore.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("load-%d.db", n.Add(1))))
		if err != nil {
			tb.Fatal(err)
		}
		return s
	}
	loadtest.BenchLoad(b, open, loadtest.Size("LOAD_RELATIONS", 200), loadtest.Size("NEO4J_LOAD_RELATIONS", 10))
}

// BenchmarkPathLatency measures path and neighbourhood queries on a
// generated graph of ACTORGRAPH_BENCH_PATH_RELATIONS relations (default
// 2000) among ACTORGRAPH_BENCH_PATH_ENTITIES actors (default 500), and on
// ACTORGRAPH_BENCH_PATH_QUERIES queries each (default 20), and on the
// smaller graph the Neo4j benchmark uses with its queries
// (ACTORGRAPH_BENCH_NEO4J_PATH_*), so that results/query compares the two
// stores' answers. Graphs are built before timing starts, streamed
// ACTORGRAPH_BENCH_PATH_BATCH articles per Ingest call (default 1000); the
// build sub-benchmark reports what building cost: load-s and relations/s
// (Ingest calls only), index-ms and index-MB (the first path query, which
// builds the path index, and the heap it holds) and peak-rss-MB (the
// process's peak while building); the serve sub-benchmark, run after the
// queries on a reopened store, reports rss-MB and peak-rss-MB of serving
// alone (the peak is reset after reopening). See loadtest.BenchPaths for
// the queries. When ACTORGRAPH_BENCH_PATH_DB names a file, the first graph
// is built there (replacing the file) and kept, so that scripts/bench can
// serve the same graph with `actorgraph serve` instead of building it twice.
func BenchmarkPathLatency(b *testing.B) {
	// entities, relations, queries
	sizes := [][3]int{{loadtest.Size("PATH_ENTITIES", 500), loadtest.Size("PATH_RELATIONS", 2000), loadtest.Size("PATH_QUERIES", 20)}}
	if s := [3]int{loadtest.Size("NEO4J_PATH_ENTITIES", 60), loadtest.Size("NEO4J_PATH_RELATIONS", 200), loadtest.Size("NEO4J_PATH_QUERIES", 10)}; s[1] != sizes[0][1] {
		sizes = append(sizes, s)
	}
	batch := loadtest.Size("PATH_BATCH", 1000)
	keep := os.Getenv("ACTORGRAPH_BENCH_PATH_DB")
	for i, sz := range sizes {
		b.Run(fmt.Sprintf("relations=%d", sz[1]), func(b *testing.B) {
			ctx := context.Background()
			path := filepath.Join(b.TempDir(), "paths.db")
			if i == 0 && keep != "" {
				path = keep
				for _, suffix := range []string{"", "-wal", "-shm"} {
					if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
						b.Fatal(err)
					}
				}
			}
			s, err := sqlitestore.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			defer func() { s.Close() }()
			g := loadtest.NewGraph(11, sz[0], sz[1])
			_, took, err := g.LoadTimed(ctx, s, batch)
			if err != nil {
				b.Fatal(err)
			}
			c, err := s.Counts(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("path graph: %d entities, %d relations, %d articles; loaded in %.1f s", c.Entities, c.Relations, c.Articles, took.Seconds())
			_, buildPeak := loadtest.RSS()
			// Serve from a fresh store, as `actorgraph serve` would: what
			// ingest held (its page cache, the heap) is given back first,
			// so that the serving figures are the server's own.
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
			if s, err = sqlitestore.Open(ctx, path); err != nil {
				b.Fatal(err)
			}
			debug.FreeOSMemory()
			loadtest.ResetPeakRSS()
			// The first query builds the path index.
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			t0 := time.Now()
			if _, err := s.Paths(ctx, graph.PathQuery{From: g.IDs[0], To: g.IDs[len(g.IDs)-1], MaxHops: 4}); err != nil {
				b.Fatal(err)
			}
			index := time.Since(t0)
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.Run("build", func(b *testing.B) {
				for b.Loop() {
				}
				b.ReportMetric(took.Seconds(), "load-s")
				b.ReportMetric(float64(g.Relations)/took.Seconds(), "relations/s")
				b.ReportMetric(float64(buildPeak)/(1<<20), "peak-rss-MB")
				b.ReportMetric(float64(index)/float64(time.Millisecond), "index-ms")
				b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "index-MB")
			})
			loadtest.BenchPaths(b, s, g.IDs, sz[2])
			rss, peak := loadtest.RSS()
			b.Run("serve", func(b *testing.B) {
				for b.Loop() {
				}
				b.ReportMetric(float64(rss)/(1<<20), "rss-MB")
				b.ReportMetric(float64(peak)/(1<<20), "peak-rss-MB")
			})
		})
	}
}
