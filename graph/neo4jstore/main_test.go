package neo4jstore_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// Every test that touches the server lives in this package: Neo4j
// Community has one database, and tests empty it between cases, so no other
// package may use it at the same time.

var server struct {
	once  sync.Once
	store *neo4jstore.Store
	err   error

	mu     sync.Mutex
	active *view
}

// config reads the server from the environment, or skips the test.
func config(t testing.TB) neo4jstore.Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip(`NEO4J_URI is not set; eval "$(scripts/neo4j)" starts a local Neo4j and runs these tests`)
	}
	return neo4jstore.Config{
		URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
}

// shared returns the one Store all tests use, opened on first use.
func shared(t testing.TB) *neo4jstore.Store {
	t.Helper()
	cfg := config(t)
	server.once.Do(func() {
		server.store, server.err = neo4jstore.Open(context.Background(), cfg)
	})
	if server.err != nil {
		t.Fatalf("Open(%s): %v", cfg.URI, server.err)
	}
	return server.store
}

// fresh empties the database and returns the shared store; callers must
// not hold another store from open at the same time.
func fresh(t testing.TB) *neo4jstore.Store {
	t.Helper()
	s := shared(t)
	server.mu.Lock()
	server.active = nil
	server.mu.Unlock()
	if err := s.Clear(context.Background()); err != nil {
		t.Fatalf("Clear: %v", err)
	}
	return s
}

// open is the conformance suite's opener. The suite sometimes holds two
// stores at once (a loaded one and a reference); on one database each
// store is a view that, before every call, makes the database hold its
// content, saving the other view's content aside. Every call still runs
// against the real server.
func open(t *testing.T) graph.Store {
	t.Helper()
	v := &view{s: shared(t)}
	server.mu.Lock()
	defer server.mu.Unlock()
	if err := v.activate(); err != nil {
		t.Fatalf("opening a fresh view: %v", err)
	}
	return v
}

type view struct {
	s      *neo4jstore.Store
	snap   *neo4jstore.Snapshot // content while another view is active
	closed bool
}

// activate must be called with server.mu held.
func (v *view) activate() error {
	ctx := context.Background()
	if server.active == v {
		return nil
	}
	if a := server.active; a != nil && !a.closed {
		snap, err := v.s.TakeSnapshot(ctx)
		if err != nil {
			return err
		}
		a.snap = snap
	}
	server.active = v
	if v.snap == nil {
		return v.s.Clear(ctx)
	}
	err := v.s.LoadAll(ctx, v.snap)
	v.snap = nil
	return err
}

func (v *view) use() func() {
	server.mu.Lock()
	if err := v.activate(); err != nil {
		server.mu.Unlock()
		panic("neo4jstore test: switching views: " + err.Error())
	}
	return server.mu.Unlock
}

func (v *view) Ingest(ctx context.Context, xs []graph.Extraction) (graph.IngestReport, error) {
	defer v.use()()
	return v.s.Ingest(ctx, xs)
}

func (v *view) Entity(ctx context.Context, id string) (*graph.EntityDetail, error) {
	defer v.use()()
	return v.s.Entity(ctx, id)
}

func (v *view) FindEntities(ctx context.Context, f graph.EntityFilter) ([]graph.Entity, error) {
	defer v.use()()
	return v.s.FindEntities(ctx, f)
}

func (v *view) Relation(ctx context.Context, id string) (*graph.Edge, error) {
	defer v.use()()
	return v.s.Relation(ctx, id)
}

func (v *view) Relations(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	defer v.use()()
	return v.s.Relations(ctx, q)
}

func (v *view) Timeline(ctx context.Context, q graph.TimelineQuery) ([]graph.Edge, error) {
	defer v.use()()
	return v.s.Timeline(ctx, q)
}

func (v *view) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	defer v.use()()
	return v.s.Paths(ctx, q)
}

func (v *view) Counts(ctx context.Context) (graph.Counts, error) {
	defer v.use()()
	return v.s.Counts(ctx)
}

// Close drops the view; the shared store stays open for other tests.
func (v *view) Close() error {
	server.mu.Lock()
	defer server.mu.Unlock()
	v.closed, v.snap = true, nil
	if server.active == v {
		server.active = nil
	}
	return nil
}

func (v *view) HasArticle(ctx context.Context, key string) (bool, error) {
	defer v.use()()
	return v.s.HasArticle(ctx, key)
}
