package sqlitestore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
	"github.com/actorgraph/actorgraph/loadtest"
)

// BenchmarkLoad measures ingest rates into empty stores at two sizes ten
// times apart and two batch sizes; see loadtest.BenchLoad for the sizes.
func BenchmarkLoad(b *testing.B) {
	var n atomic.Int64
	dir := b.TempDir()
	loadtest.BenchLoad(b, func(tb testing.TB) graph.Store {
		s, err := sqlitestore.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("load-%d.db", n.Add(1))))
		if err != nil {
			tb.Fatal(err)
		}
		return s
	})
}

// BenchmarkPathLatency measures path and neighbourhood queries on a
// generated graph of ACTORGRAPH_BENCH_PATH_RELATIONS relations (default
// 2000) among ACTORGRAPH_BENCH_PATH_ENTITIES actors (default 500); the
// graph is built before timing starts. See loadtest.BenchPaths.
func BenchmarkPathLatency(b *testing.B) {
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "paths.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := loadtest.NewGraph(11, loadtest.Size("PATH_ENTITIES", 500), loadtest.Size("PATH_RELATIONS", 2000))
	if _, err := g.Load(ctx, s, 200); err != nil {
		b.Fatal(err)
	}
	c, err := s.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("path graph: %d entities, %d relations, %d articles", c.Entities, c.Relations, c.Articles)
	loadtest.BenchPaths(b, s, g.IDs)
}
