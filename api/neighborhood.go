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
//	evidence  sentences per edge, 0..graph.MaxEvidence, or true for all
//	          (false is 0). By default edges come without them
//	          ("evidence": []), since a drawing needs none and a hub's
//	          sentences would outweigh the graph; a bounded edge's
//	          evidence_total says how many there are, and GET
//	          /v1/relations/{id} pages them.
func (s *Server) neighborhood(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	q := graph.NeighborhoodQuery{
		Entity: c.Param("id"),
		Depth:  p.int("depth", 1, 1, graph.MaxDepth),
		Limit:  p.int("limit", 0, 1, graph.MaxNeighborhoodEdges),
		Filter: p.filter(),
	}
	q.Evidence = p.evidence("evidence")
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	sg, err := graph.Neighborhood(c.Request.Context(), s.Store, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	writeJSON(c, http.StatusOK, NeighborhoodResponse{
		Entity:    ref(sg.Entities[0]),
		Entities:  sg.Entities,
		Edges:     sg.Edges,
		Truncated: sg.Truncated,
	})
}
