package sqlitestore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// open returns a fresh store in a file of the test's temporary directory.
func open(t testing.TB) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) graph.Store { return open(t) })
}

func TestMemory(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) graph.Store {
		s, err := sqlitestore.Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "graph.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	reopened, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer reopened.Close()
	c, err := reopened.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (graph.Counts{Entities: 11, Relations: 12, Articles: 4}); c != want {
		t.Errorf("reopened Counts = %+v, want %+v", c, want)
	}
	// A store built afresh answers everything the same.
	fresh := open(t)
	defer fresh.Close()
	if _, err := fresh.Ingest(ctx, graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	graphtest.SameAnswers(t, reopened, fresh, graphtest.FixtureQueries())
	rep, err := reopened.Ingest(ctx, graphtest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	if rep.ArticlesSkipped != 4 {
		t.Errorf("ingest after reopen skipped %d articles, want 4", rep.ArticlesSkipped)
	}
}

func TestOpenErrors(t *testing.T) {
	_, err := sqlitestore.Open(context.Background(), "")
	if graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Open(\"\") = %v, want EINVALID", err)
	}
	_, err = sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "missing", "dir", "graph.db"))
	if err == nil {
		t.Error("Open in a missing directory: no error")
	}
}

// TestConcurrent ingests from several goroutines while others read: no
// call may fail (WAL readers never wait for the writer, writers queue), and
// the result is the same graph as one ingest of everything.
func TestConcurrent(t *testing.T) {
	ctx := context.Background()
	xs := graphtest.Generate(11, 60, 400)
	s := open(t)
	defer s.Close()
	seed := graphtest.PathFixture()
	if _, err := s.Ingest(ctx, seed); err != nil {
		t.Fatal(err)
	}
	const writers = 4
	errs := make(chan error, 64)
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(xs); i += writers {
				rep, err := s.Ingest(ctx, xs[i:i+1])
				if err == nil && rep.ArticlesFailed > 0 {
					err = fmt.Errorf("article %d failed: %s", i, rep.Results[0].Error)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	from, to := graph.EntityID(graph.Country, "Alpha"), graph.EntityID(graph.Country, "Hotel")
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				if ps, err := s.Paths(ctx, graph.PathQuery{From: from, To: to, K: 3}); err != nil || len(ps) == 0 {
					errs <- fmt.Errorf("Paths: %v, %d paths", err, len(ps))
					return
				}
				if _, err := s.Relations(ctx, graph.RelationQuery{Limit: 20}); err != nil {
					errs <- fmt.Errorf("Relations: %v", err)
					return
				}
				if _, err := s.FindEntities(ctx, graph.EntityFilter{Query: "actor"}); err != nil {
					errs <- fmt.Errorf("FindEntities: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Resolution depends on order only through names, and generated
	// actors have unique names, so the graph is the same.
	ref := open(t)
	defer ref.Close()
	if _, err := ref.Ingest(ctx, append(seed, xs...)); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Counts(ctx)
	b, _ := ref.Counts(ctx)
	if a != b {
		t.Errorf("concurrent ingest gave %+v, one ingest %+v", a, b)
	}
}
