package export

import (
	"context"
	"sort"

	"github.com/actorgraph/actorgraph/graph"
)

// GraphSource hands a graph writer its entities, then its edges, one at a
// time, so that a writer never needs the whole graph in memory. A writer
// calls Entities before Edges and stops at the first error fn returns.
type GraphSource interface {
	Entities(ctx context.Context, fn func(graph.Entity) error) error
	Edges(ctx context.Context, fn func(graph.Edge) error) error
}

// SubgraphSource serves a subgraph already in memory, entities and edges
// each in id order, whatever order the subgraph has them in.
func SubgraphSource(sg graph.Subgraph) GraphSource {
	s := subgraphSource{
		entities: append([]graph.Entity(nil), sg.Entities...),
		edges:    append([]graph.Edge(nil), sg.Edges...),
	}
	sort.SliceStable(s.entities, func(i, j int) bool { return s.entities[i].ID < s.entities[j].ID })
	sort.SliceStable(s.edges, func(i, j int) bool { return s.edges[i].ID < s.edges[j].ID })
	return s
}

type subgraphSource struct {
	entities []graph.Entity
	edges    []graph.Edge
}

func (s subgraphSource) Entities(ctx context.Context, fn func(graph.Entity) error) error {
	for _, e := range s.entities {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (s subgraphSource) Edges(ctx context.Context, fn func(graph.Edge) error) error {
	for _, e := range s.edges {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// StoreSource serves the whole graph of a store as filter f sees it: the
// edges passing f, in id order, and the entities at their ends, in id
// order. (A store lists entities only by search, so an entity without any
// edge passing f is not exported; it would be a lone dot anyway.)
//
// It reads the store's relations twice, a page at a time: once to learn
// which entities to load, once to hand the edges over, without their
// evidence. Memory is bounded by the number of entities, not by the size
// of the graph or its evidence.
func StoreSource(r graph.Reader, f graph.RelationFilter) GraphSource {
	return &storeSource{r: r, f: f}
}

type storeSource struct {
	r graph.Reader
	f graph.RelationFilter
}

// pages calls fn for every edge passing the filter, page by page.
func (s *storeSource) pages(ctx context.Context, fn func(graph.Edge) error) error {
	after := ""
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		page, err := s.r.Relations(ctx, graph.RelationQuery{Filter: s.f, After: after, Limit: graph.MaxLimit})
		if err != nil {
			return err
		}
		for _, e := range page.Relations {
			e.Evidence = nil
			if err := fn(e); err != nil {
				return err
			}
		}
		if page.Next == "" || len(page.Relations) == 0 {
			return nil
		}
		after = page.Next
	}
}

func (s *storeSource) Entities(ctx context.Context, fn func(graph.Entity) error) error {
	if err := s.f.Validate(); err != nil {
		return err
	}
	seen := map[string]bool{}
	err := s.pages(ctx, func(e graph.Edge) error {
		seen[e.Subject], seen[e.Object] = true, true
		return nil
	})
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		d, err := s.r.Entity(ctx, id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			// Deleted since the edge was read: the writer leaves out
			// the edges that would dangle.
			continue
		}
		if err != nil {
			return err
		}
		if err := fn(d.Entity); err != nil {
			return err
		}
	}
	return nil
}

func (s *storeSource) Edges(ctx context.Context, fn func(graph.Edge) error) error {
	return s.pages(ctx, fn)
}
