package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/loadtest"
)

// unclosed is the shared store with a Close that leaves it open, for
// benchmark helpers that close what they open.
type unclosed struct{ *neo4jstore.Store }

func (unclosed) Close() error { return nil }

// BenchmarkLoad measures ingest rates into an emptied database at two
// sizes ten times apart and two batch sizes; see loadtest.BenchLoad.
// BenchmarkEdgeWrites compares batched and per-relation statements.
func BenchmarkLoad(b *testing.B) {
	config(b)
	loadtest.BenchLoad(b, func(tb testing.TB) graph.Store { return unclosed{fresh(tb)} })
}

// BenchmarkPathLatency measures path and neighbourhood queries on the
// generated graph SQLite's BenchmarkPathLatency uses (same sizes, same
// seed), built in an emptied database before timing starts.
func BenchmarkPathLatency(b *testing.B) {
	config(b)
	ctx := context.Background()
	s := fresh(b)
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
