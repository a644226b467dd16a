package graphtest

import (
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

func testCancel(t *testing.T, open opener) {
	s := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep, err := s.Ingest(ctx, Fixture())
	if err == nil {
		for i, r := range rep.Results {
			if r.Status != graph.IngestFailed {
				t.Errorf("Ingest with a cancelled context: article %d %q, want an error or failed", i, r.Status)
			}
		}
	}
	if c := counts(t, s); c != (graph.Counts{}) {
		t.Errorf("Counts after a cancelled ingest = %+v, want nothing stored", c)
	}

	s = loaded(t, open, PathFixture()...)
	calls := map[string]func() error{
		"Counts":       func() error { _, err := s.Counts(ctx); return err },
		"Entity":       func() error { _, err := s.Entity(ctx, pA); return err },
		"FindEntities": func() error { _, err := s.FindEntities(ctx, graph.EntityFilter{Query: "alpha"}); return err },
		"Relation": func() error {
			_, err := s.Relation(ctx, graph.EdgeID(graph.Meet, pA, pB, "2025-01-10", graph.Asserted))
			return err
		},
		"Relations": func() error { _, err := s.Relations(ctx, graph.RelationQuery{}); return err },
		"Timeline":  func() error { _, err := s.Timeline(ctx, graph.TimelineQuery{}); return err },
		"Paths":     func() error { _, err := s.Paths(ctx, graph.PathQuery{From: pA, To: pH}); return err },
		"KPaths":    func() error { _, err := s.Paths(ctx, graph.PathQuery{From: pA, To: pH, K: 5}); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); err == nil {
				t.Errorf("%s with a cancelled context: no error", name)
			}
		})
	}
}
