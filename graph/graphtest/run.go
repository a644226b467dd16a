package graphtest

import (
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// Run runs every conformance test; open must return a fresh, empty store for each call.
//
// The suite uses one store at a time: once it calls open again, it never
// touches the stores open returned before (it may still Close them), so a
// backend with a single database can empty it in open.
func Run(t *testing.T, open func(t *testing.T) graph.Store) {
	t.Helper()
	gen := 0
	fresh := func(t *testing.T) graph.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		c, err := s.Counts(context.Background())
		if err != nil {
			t.Fatalf("Counts on a fresh store: %v", err)
		}
		if c != (graph.Counts{}) {
			t.Fatalf("open returned a store that is not empty: %+v", c)
		}
		gen++
		return &guard{s: s, t: t, gen: gen, current: &gen}
	}
	t.Run("Ingest", func(t *testing.T) { testIngest(t, fresh) })
	t.Run("Resolution", func(t *testing.T) { testResolution(t, fresh) })
	t.Run("Aggregation", func(t *testing.T) { testAggregation(t, fresh) })
	t.Run("Entity", func(t *testing.T) { testEntity(t, fresh) })
	t.Run("FindEntities", func(t *testing.T) { testFindEntities(t, fresh) })
	t.Run("Relations", func(t *testing.T) { testRelations(t, fresh) })
	t.Run("Timeline", func(t *testing.T) { testTimeline(t, fresh) })
	t.Run("Paths", func(t *testing.T) { testPaths(t, fresh) })
	t.Run("Bounds", func(t *testing.T) { testBounds(t, fresh) })
	t.Run("Cancel", func(t *testing.T) { testCancel(t, fresh) })
	t.Run("Gold", func(t *testing.T) { testGold(t, fresh) })
	t.Run("Provenance", func(t *testing.T) { testProvenance(t, fresh) })
	t.Run("Pinned", func(t *testing.T) { testPinned(t, fresh) })
	t.Run("Dump", func(t *testing.T) { testDump(t, fresh) })
}

type opener = func(t *testing.T) graph.Store

// ingest stores xs and fails the test on a call error or a failed article.
func ingest(t *testing.T, s graph.Store, xs ...graph.Extraction) graph.IngestReport {
	t.Helper()
	rep, err := s.Ingest(context.Background(), xs)
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	if len(rep.Results) != len(xs) {
		t.Fatalf("Ingest returned %d results for %d extractions", len(rep.Results), len(xs))
	}
	for i, r := range rep.Results {
		if r.Status == graph.IngestFailed {
			t.Fatalf("Ingest: article %d (%s) failed: %s", i, r.Key, r.Error)
		}
	}
	return rep
}

// loaded returns a fresh store holding xs.
func loaded(t *testing.T, open opener, xs ...graph.Extraction) graph.Store {
	t.Helper()
	s := open(t)
	ingest(t, s, xs...)
	return s
}

func counts(t *testing.T, s graph.Store) graph.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	return c
}

// wantCode fails unless err carries code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := graph.ErrorCode(err); got != code {
		t.Errorf("error code = %q (err %v), want %q", got, err, code)
	}
}

// allRelations walks every page of q.
func allRelations(t *testing.T, s graph.Store, q graph.RelationQuery) []graph.Edge {
	t.Helper()
	var out []graph.Edge
	for page := 0; ; page++ {
		if page > 10000 {
			t.Fatalf("Relations: pagination does not end")
		}
		p, err := s.Relations(context.Background(), q)
		if err != nil {
			t.Fatalf("Relations(%+v): %v", q, err)
		}
		out = append(out, p.Relations...)
		if p.Next == "" {
			return out
		}
		q.After = p.Next
	}
}

func entity(t *testing.T, s graph.Store, id string) *graph.EntityDetail {
	t.Helper()
	e, err := s.Entity(context.Background(), id)
	if err != nil {
		t.Fatalf("Entity(%q): %v", id, err)
	}
	return e
}

func edge(t *testing.T, s graph.Store, id string) *graph.Edge {
	t.Helper()
	e, err := s.Relation(context.Background(), id)
	if err != nil {
		t.Fatalf("Relation(%q): %v", id, err)
	}
	return e
}

func ids(es []graph.Edge) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func entityIDs(es []graph.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// allEntities lists every stored entity.
func allEntities(t *testing.T, s graph.Store) []graph.Entity {
	t.Helper()
	es, err := s.FindEntities(context.Background(), graph.EntityFilter{Limit: graph.MaxLimit})
	if err != nil {
		t.Fatalf("FindEntities: %v", err)
	}
	return es
}

// guard holds the suite to its promise of one store at a time: a call on a
// store older than the last one opened fails the test.
type guard struct {
	s       graph.Store
	t       *testing.T
	gen     int
	current *int
}

func (g *guard) check() {
	if g.gen != *g.current {
		g.t.Helper()
		g.t.Errorf("graphtest bug: a store is used after a newer one was opened")
	}
}

func (g *guard) Ingest(ctx context.Context, xs []graph.Extraction) (graph.IngestReport, error) {
	g.t.Helper()
	g.check()
	return g.s.Ingest(ctx, xs)
}

func (g *guard) Entity(ctx context.Context, id string) (*graph.EntityDetail, error) {
	g.t.Helper()
	g.check()
	return g.s.Entity(ctx, id)
}

// Entities passes on to the store's batch read when it has one, so that
// the suite covers it; a store without one is read an entity at a time.
func (g *guard) Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error) {
	g.t.Helper()
	g.check()
	if br, ok := g.s.(graph.EntityBatchReader); ok {
		return br.Entities(ctx, ids)
	}
	out := map[string]graph.Entity{}
	for _, id := range ids {
		d, err := g.s.Entity(ctx, id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = d.Entity
	}
	return out, nil
}

func (g *guard) FindEntities(ctx context.Context, f graph.EntityFilter) ([]graph.Entity, error) {
	g.t.Helper()
	g.check()
	return g.s.FindEntities(ctx, f)
}

func (g *guard) Relation(ctx context.Context, id string) (*graph.Edge, error) {
	g.t.Helper()
	g.check()
	return g.s.Relation(ctx, id)
}

func (g *guard) Relations(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	g.t.Helper()
	g.check()
	return g.s.Relations(ctx, q)
}

func (g *guard) Timeline(ctx context.Context, q graph.TimelineQuery) ([]graph.Edge, error) {
	g.t.Helper()
	g.check()
	return g.s.Timeline(ctx, q)
}

func (g *guard) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	g.t.Helper()
	g.check()
	return g.s.Paths(ctx, q)
}

func (g *guard) Counts(ctx context.Context) (graph.Counts, error) {
	g.t.Helper()
	g.check()
	return g.s.Counts(ctx)
}

// Close is left to the cleanup registered when the store was opened.
func (g *guard) Close() error { return nil }

// checker returns the store's graph.ArticleChecker, if it has one.
func checker(s graph.Store) (graph.ArticleChecker, bool) {
	if g, ok := s.(*guard); ok {
		g.check()
		s = g.s
	}
	c, ok := s.(graph.ArticleChecker)
	return c, ok
}
