package loadtest

import (
	"context"
	"fmt"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// Graph is a generated benchmark graph (graphtest.Generate's extractions)
// and the stored ids of the entities they name. It does not hold the
// extractions: Load generates them as it writes them, so a graph of a
// million relations loads in bounded memory.
type Graph struct {
	IDs       []string // sorted
	Relations int      // relations in the extractions
	Articles  int      // extractions, ten relations each

	seed      uint64
	entities  int
	relations int
}

// NewGraph describes about relations relations among up to entities
// actors, generated from seed.
func NewGraph(seed uint64, entities, relations int) *Graph {
	g := graphtest.NewGenerator(seed, entities, relations)
	return &Graph{IDs: graphtest.GeneratedIDs(seed, entities, relations), Relations: relations,
		Articles: g.Articles(), seed: seed, entities: entities, relations: relations}
}

// Load ingests the graph into s, batch articles per call, and returns the
// sum of the reports.
func (g *Graph) Load(ctx context.Context, s graph.Ingester, batch int) (graph.IngestReport, error) {
	rep, _, err := g.LoadTimed(ctx, s, batch)
	return rep, err
}

// LoadTimed is Load that also returns the time spent in s.Ingest, which
// leaves out generating the articles.
func (g *Graph) LoadTimed(ctx context.Context, s graph.Ingester, batch int) (graph.IngestReport, time.Duration, error) {
	var sum graph.IngestReport
	var spent time.Duration
	gen := graphtest.NewGenerator(g.seed, g.entities, g.relations)
	xs := make([]graph.Extraction, 0, batch)
	flush := func() error {
		t0 := time.Now()
		rep, err := s.Ingest(ctx, xs)
		spent += time.Since(t0)
		xs = xs[:0]
		if err != nil {
			return err
		}
		if rep.ArticlesFailed > 0 {
			for _, r := range rep.Results {
				if r.Error != "" {
					return fmt.Errorf("loadtest: article %s failed: %s", r.Key, r.Error)
				}
			}
		}
		sum.ArticlesNew += rep.ArticlesNew
		sum.RelationsAdded += rep.RelationsAdded
		sum.EntitiesAdded += rep.EntitiesAdded
		sum.EvidenceAdded += rep.EvidenceAdded
		return nil
	}
	for x, ok := gen.Next(); ok; x, ok = gen.Next() {
		xs = append(xs, x)
		if len(xs) == batch {
			if err := flush(); err != nil {
				return sum, spent, err
			}
		}
	}
	if len(xs) > 0 {
		if err := flush(); err != nil {
			return sum, spent, err
		}
	}
	return sum, spent, nil
}
