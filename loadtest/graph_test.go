package loadtest_test

import (
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loadtest"
)

// counter is an Ingester that counts what it is given.
type counter struct {
	calls, articles, relations int
	ids                        map[string]bool
}

func (c *counter) Ingest(_ context.Context, xs []graph.Extraction) (graph.IngestReport, error) {
	c.calls++
	rep := graph.IngestReport{ArticlesNew: len(xs)}
	for _, x := range xs {
		c.articles++
		c.relations += len(x.Relations)
		for _, e := range x.Entities {
			c.ids[graph.EntityID(e.Type, e.Name)] = true
		}
	}
	return rep, nil
}

func TestGraphLoad(t *testing.T) {
	for _, c := range []struct {
		name                       string
		entities, relations, batch int
		calls                      int
	}{
		{"whole batches", 50, 400, 8, 5},
		{"last batch short", 30, 215, 10, 3},
		{"one per call", 20, 55, 1, 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := loadtest.NewGraph(3, c.entities, c.relations)
			in := &counter{ids: map[string]bool{}}
			rep, err := g.Load(context.Background(), in, c.batch)
			if err != nil {
				t.Fatal(err)
			}
			if in.calls != c.calls || in.articles != g.Articles || rep.ArticlesNew != g.Articles {
				t.Errorf("%d calls, %d articles (report %d), want %d calls, %d articles", in.calls, in.articles, rep.ArticlesNew, c.calls, g.Articles)
			}
			if in.relations != c.relations || g.Relations != c.relations {
				t.Errorf("%d relations ingested, graph says %d, want %d", in.relations, g.Relations, c.relations)
			}
			if len(in.ids) != len(g.IDs) {
				t.Errorf("%d entities ingested, graph names %d", len(in.ids), len(g.IDs))
			}
			for _, id := range g.IDs {
				if !in.ids[id] {
					t.Errorf("graph names %s, never ingested", id)
				}
			}
		})
	}
}
