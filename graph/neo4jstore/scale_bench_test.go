package neo4jstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/loadtest"
)

// unclosed is the shared store with a Close that leaves it open, for
// benchmark helpers that close what they open.
type unclosed struct{ *neo4jstore.Store }

func (unclosed) Close() error { return nil }

// BenchmarkLoad measures ingest rates into an emptied database at
// ACTORGRAPH_BENCH_NEO4J_LOAD_RELATIONS relations (default 10) and ten
// times as many; see loadtest.BenchLoad. SQLite's BenchmarkLoad runs the
// same sizes. BenchmarkEdgeWrites compares batched and per-relation
// statements.
func BenchmarkLoad(b *testing.B) {
	config(b)
	loadtest.BenchLoad(b, func(tb testing.TB) graph.Store { return unclosed{fresh(tb)} },
		loadtest.Size("NEO4J_LOAD_RELATIONS", 10))
}

// BenchmarkPathLatency measures path and neighbourhood queries on a
// generated graph of ACTORGRAPH_BENCH_NEO4J_PATH_RELATIONS relations
// (default 200) among ACTORGRAPH_BENCH_NEO4J_PATH_ENTITIES actors (default
// 60), built in an emptied database before timing starts
// (ACTORGRAPH_BENCH_PATH_BATCH articles per Ingest call, default 1000, as
// SQLite's; the build sub-benchmark reports load-s and relations/s), with
// ACTORGRAPH_BENCH_NEO4J_PATH_QUERIES queries each (default 10). SQLite's
// BenchmarkPathLatency runs the same graph (same seed and sizes). With
// ACTORGRAPH_BENCH_NEO4J_PATH_REUSE=1 it keeps the database when its counts
// equal those a previous build of the same graph on the same server left
// (noted in a file under the temporary folder), to iterate on queries.
func BenchmarkPathLatency(b *testing.B) {
	cfg := config(b)
	e, r := loadtest.Size("NEO4J_PATH_ENTITIES", 60), loadtest.Size("NEO4J_PATH_RELATIONS", 200)
	b.Run(fmt.Sprintf("relations=%d", r), func(b *testing.B) {
		ctx := context.Background()
		g := loadtest.NewGraph(11, e, r)
		note := filepath.Join(os.TempDir(), "actorgraph-neo4j-path-bench-"+
			strings.NewReplacer(":", "_", "/", "_").Replace(cfg.URI)+fmt.Sprintf("-%d-%d", e, r))
		if os.Getenv("ACTORGRAPH_BENCH_NEO4J_PATH_REUSE") == "1" {
			s := shared(b)
			c, err := s.Counts(ctx)
			if was, _ := os.ReadFile(note); err == nil && len(was) > 0 && string(was) == fmt.Sprint(c) {
				b.Logf("path graph reused: %d entities, %d relations, %d articles", c.Entities, c.Relations, c.Articles)
				loadtest.BenchPaths(b, s, g.IDs, loadtest.Size("NEO4J_PATH_QUERIES", 10))
				return
			}
		}
		os.Remove(note)
		s := fresh(b)
		batch := loadtest.Size("PATH_BATCH", 1000)
		_, spent, err := g.LoadTimed(ctx, s, batch)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("built in %v: %.0f relations/s, %d articles per Ingest call", spent.Round(time.Second), float64(g.Relations)/spent.Seconds(), batch)
		c, err := s.Counts(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("build", func(b *testing.B) {
			for b.Loop() {
			}
			b.ReportMetric(spent.Seconds(), "load-s")
			b.ReportMetric(float64(g.Relations)/spent.Seconds(), "relations/s")
		})
		b.Logf("path graph: %d entities, %d relations, %d articles", c.Entities, c.Relations, c.Articles)
		if err := os.WriteFile(note, []byte(fmt.Sprint(c)), 0o644); err != nil {
			b.Fatal(err)
		}
		loadtest.BenchPaths(b, s, g.IDs, loadtest.Size("NEO4J_PATH_QUERIES", 10))
	})
}
