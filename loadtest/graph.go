package loadtest

import (
	"context"
	"fmt"
	"slices"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// Graph is a generated benchmark graph: the extractions that build it
// (graphtest.Generate) and the stored ids of the entities they name.
type Graph struct {
	Extractions []graph.Extraction
	IDs         []string // sorted
	Relations   int      // relations in the extractions
}

// NewGraph generates about relations relations among up to entities actors.
func NewGraph(seed uint64, entities, relations int) *Graph {
	g := &Graph{Extractions: graphtest.Generate(seed, entities, relations)}
	seen := map[string]bool{}
	for _, x := range g.Extractions {
		for _, e := range x.Entities {
			id := graph.EntityID(e.Type, e.Name)
			if !seen[id] {
				seen[id] = true
				g.IDs = append(g.IDs, id)
			}
		}
		g.Relations += len(x.Relations)
	}
	slices.Sort(g.IDs)
	return g
}

// Load ingests the graph into s, batch articles per call, and returns the
// sum of the reports.
func (g *Graph) Load(ctx context.Context, s graph.Ingester, batch int) (graph.IngestReport, error) {
	var sum graph.IngestReport
	for i := 0; i < len(g.Extractions); i += batch {
		rep, err := s.Ingest(ctx, g.Extractions[i:min(i+batch, len(g.Extractions))])
		if err != nil {
			return sum, err
		}
		if rep.ArticlesFailed > 0 {
			for _, r := range rep.Results {
				if r.Error != "" {
					return sum, fmt.Errorf("loadtest: article %s failed: %s", r.Key, r.Error)
				}
			}
		}
		sum.ArticlesNew += rep.ArticlesNew
		sum.RelationsAdded += rep.RelationsAdded
		sum.EntitiesAdded += rep.EntitiesAdded
		sum.EvidenceAdded += rep.EvidenceAdded
	}
	return sum, nil
}
