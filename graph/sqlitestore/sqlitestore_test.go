package sqlitestore_test

import (
	"context"
	"path/filepath"
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
