package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// NeighborhoodResponse answers GET /v1/entities/{id}/neighborhood: the
// entity, every entity within depth hops of it and the edges among them.
// Entity is the root; Entities holds it too, first. Truncated says the edge
// limit cut the answer short, so a client can tell a hub from a small world.
type NeighborhoodResponse struct {
	Entity    EntityRef      `json:"entity"`
	Entities  []graph.Entity `json:"entities"`
	Edges     []graph.Edge   `json:"edges"`
	Truncated bool           `json:"truncated"`
}

// neighborhood answers GET /v1/entities/{id}/neighborhood: the subgraph
// within depth hops of the entity through relations passing the filter,
// nearest first (see graph.Neighborhood).
//
//	depth     1..graph.MaxDepth (default 1)
//	limit     edges, 1..graph.MaxNeighborhoodEdges (default
//	          graph.DefaultNeighborhoodEdges); a hub is cut there
//	evidence  true keeps every edge's evidence; by default edges come
//	          without it ("evidence": []), since a drawing needs none and a
//	          hub's sentences would outweigh the graph. GET
//	          /v1/relations/{id} has them.
func (s *Server) neighborhood(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	q := graph.NeighborhoodQuery{
		Entity: c.Param("id"),
		Depth:  p.int("depth", 1, 1, graph.MaxDepth),
		Limit:  p.int("limit", 0, 1, graph.MaxNeighborhoodEdges),
		Filter: p.filter(),
	}
	evidence := p.bool("evidence", false)
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	sg, err := graph.Neighborhood(c.Request.Context(), s.Store, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !evidence {
		for i := range sg.Edges {
			sg.Edges[i].Evidence = []graph.Evidence{}
		}
	}
	writeJSON(c, http.StatusOK, NeighborhoodResponse{
		Entity:    ref(sg.Entities[0]),
		Entities:  sg.Entities,
		Edges:     sg.Edges,
		Truncated: sg.Truncated,
	})
}
