package graph

import (
	"context"
	"sort"
)

// Bounds of a neighbourhood, so that a hub cannot return the whole graph.
const (
	MaxDepth                 = 3
	DefaultNeighborhoodEdges = 200
	MaxNeighborhoodEdges     = 2000
)

// NeighborhoodQuery asks for the part of the graph within Depth hops of an
// entity, through relations passing Filter.
type NeighborhoodQuery struct {
	Entity string
	Depth  int // 1..MaxDepth; 0 means 1
	// Limit bounds the number of edges; 0 means DefaultNeighborhoodEdges,
	// above MaxNeighborhoodEdges is EINVALID.
	Limit  int
	Filter RelationFilter
	// Evidence bounds each edge's evidence; see EvidenceCap.
	Evidence int
}

// Subgraph is a set of entities and the edges among them, as drawn by a
// visualisation or exported. Truncated says a limit cut it short.
type Subgraph struct {
	Entities  []Entity `json:"entities"`
	Edges     []Edge   `json:"edges"`
	Truncated bool     `json:"truncated,omitempty"`
}

// Reader is what reading a graph needs: entities and relations.
type Reader interface {
	EntityReader
	RelationReader
}

// Neighborhood gathers the subgraph around q.Entity breadth first, nearer
// nodes before farther ones and, within a level, in id order, so a limit
// keeps the closest part and every store answers alike. It is written once
// over the Reader interface rather than in each backend because it only
// composes the per-entity relation listing every store already has.
func Neighborhood(ctx context.Context, r Reader, q NeighborhoodQuery) (Subgraph, error) {
	sg := Subgraph{Entities: []Entity{}, Edges: []Edge{}}
	depth := q.Depth
	if depth == 0 {
		depth = 1
	}
	if depth < 1 || depth > MaxDepth {
		return sg, Errorf(EINVALID, "depth %d is outside 1..%d", q.Depth, MaxDepth)
	}
	limit := q.Limit
	if limit == 0 {
		limit = DefaultNeighborhoodEdges
	}
	if limit < 0 || limit > MaxNeighborhoodEdges {
		return sg, Errorf(EINVALID, "limit %d is outside 1..%d", q.Limit, MaxNeighborhoodEdges)
	}
	if err := q.Filter.Validate(); err != nil {
		return sg, err
	}
	if err := ValidEvidence(q.Evidence); err != nil {
		return sg, err
	}
	root, err := r.Entity(ctx, q.Entity)
	if err != nil {
		return sg, err
	}
	seenNode := map[string]bool{root.ID: true}
	seenEdge := map[string]bool{}
	sg.Entities = append(sg.Entities, root.Entity)
	frontier := []string{root.ID}
	for level := 0; level < depth && len(frontier) > 0; level++ {
		var next []string
		for _, id := range frontier {
			after := ""
			for {
				if err := ctx.Err(); err != nil {
					return sg, err
				}
				page, err := r.Relations(ctx, RelationQuery{Filter: q.Filter, Entity: id, After: after, Limit: MaxLimit, Evidence: q.Evidence})
				if err != nil {
					return sg, err
				}
				for _, e := range page.Relations {
					if seenEdge[e.ID] {
						continue
					}
					if len(sg.Edges) == limit {
						sg.Truncated = true
						return finish(ctx, r, sg, seenNode)
					}
					seenEdge[e.ID] = true
					sg.Edges = append(sg.Edges, e)
					for _, end := range []string{e.Subject, e.Object} {
						if !seenNode[end] {
							seenNode[end] = true
							next = append(next, end)
						}
					}
				}
				if page.Next == "" {
					break
				}
				after = page.Next
			}
		}
		sort.Strings(next)
		frontier = next
	}
	return finish(ctx, r, sg, seenNode)
}

// finish loads every entity an edge touches, in id order after the root.
func finish(ctx context.Context, r Reader, sg Subgraph, nodes map[string]bool) (Subgraph, error) {
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		if id != sg.Entities[0].ID {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	if br, ok := r.(EntityBatchReader); ok {
		m, err := br.Entities(ctx, ids)
		if err != nil {
			return sg, err
		}
		for _, id := range ids {
			e, ok := m[id]
			if !ok {
				return sg, Errorf(ENOTFOUND, "no entity %q", id)
			}
			sg.Entities = append(sg.Entities, e)
		}
		return sg, nil
	}
	for _, id := range ids {
		d, err := r.Entity(ctx, id)
		if err != nil {
			return sg, err
		}
		sg.Entities = append(sg.Entities, d.Entity)
	}
	return sg, nil
}
