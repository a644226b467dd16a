package sqlitestore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// The benchmark graph: 10k actors, 50k relations in 5k articles.
const (
	benchEntities  = 10000
	benchRelations = 50000
)

// benchFile builds the benchmark graph once per run into a file that
// benchStore copies, so each benchmark starts from the same database
// without ingesting it again.
var benchFile = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "sqlitestore-bench")
	if err != nil {
		return "", err
	}
	benchDir = dir
	path := filepath.Join(dir, "graph.db")
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		return "", err
	}
	if _, err := s.Ingest(ctx, graphtest.Generate(1, benchEntities, benchRelations)); err != nil {
		return "", err
	}
	// Closing checkpoints the WAL into the file.
	return path, s.Close()
})

// benchDir is where benchFile built the graph, if it did.
var benchDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkIngest measures ingesting articles into a store that already
// holds the benchmark graph: b.N new articles of ten relations each.
func BenchmarkIngest(b *testing.B) {
	s := benchStore(b)
	more := graphtest.Generate(2, benchEntities, 10*b.N)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Ingest(ctx, more[i:i+1]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/article")
}

// BenchmarkIngestBatch measures a whole 500-article call into an empty store.
func BenchmarkIngestBatch(b *testing.B) {
	xs := graphtest.Generate(3, benchEntities, 5000)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := open(b)
		b.StartTimer()
		rep, err := s.Ingest(ctx, xs)
		if err != nil || rep.ArticlesNew != len(xs) {
			b.Fatalf("ingest: %v, %d new", err, rep.ArticlesNew)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(xs)), "µs/article")
}

// benchStore opens a private copy of the benchmark graph.
func benchStore(b *testing.B) *sqlitestore.Store {
	b.Helper()
	src, err := benchFile()
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "graph.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	s, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkPaths(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	actor := func(i int) string {
		types := graph.EntityTypes()
		return graph.EntityID(types[i%len(types)], fmt.Sprintf("Actor %05d", i))
	}
	// Warm the index outside the timings.
	if _, err := s.Paths(ctx, graph.PathQuery{From: actor(1), To: actor(2)}); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		q    func(i int) graph.PathQuery
	}{
		{"Shortest", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(1000 + i%4000), To: actor(6000 + i%4000)}
		}},
		{"ShortestFiltered", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(1000 + i%4000), To: actor(6000 + i%4000),
				Filter: graph.RelationFilter{NoStructural: true, FromDate: "2025"}}
		}},
		{"K10", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(1000 + i%4000), To: actor(6000 + i%4000), K: 10}
		}},
		{"ViaHops", func(i int) graph.PathQuery {
			return graph.PathQuery{From: actor(1000 + i%4000), To: actor(6000 + i%4000), ViaHops: true}
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

// BenchmarkIndex measures building the path index of the benchmark graph.
func BenchmarkIndex(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	q := graph.PathQuery{From: graph.EntityID(graph.Person, "Actor 00000"), To: graph.EntityID(graph.Organization, "Actor 00001")}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if _, err := s.Ingest(ctx, graphtest.Generate(uint64(100+i), benchEntities, 1)); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Paths(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindEntities(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		f    graph.EntityFilter
	}{
		{"Exact", graph.EntityFilter{Query: "Actor 04242"}},
		{"Prefix", graph.EntityFilter{Query: "actor 042"}},
		{"Substring", graph.EntityFilter{Query: "424"}},
		{"All", graph.EntityFilter{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.FindEntities(ctx, c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRelations(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	hub := graph.EntityID(graph.Person, "Actor 00000")
	for _, c := range []struct {
		name string
		q    graph.RelationQuery
	}{
		{"FirstPage", graph.RelationQuery{}},
		{"Hub", graph.RelationQuery{Entity: hub, Limit: 100}},
		{"DateWindow", graph.RelationQuery{Filter: graph.RelationFilter{FromDate: "2025-06", ToDate: "2025-06"}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Relations(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("Timeline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Timeline(ctx, graph.TimelineQuery{Entity: hub}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
