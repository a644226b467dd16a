package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// EntitiesResponse answers GET /v1/entities.
// NearMisses lists the ids of the entities that are there because their
// spelling is close to q rather than because they match it; they come last.
type EntitiesResponse struct {
	Entities   []graph.Entity `json:"entities"`
	NearMisses []string       `json:"near_misses,omitempty"`
}

// EntityResponse answers GET /v1/entities/{id}.
type EntityResponse struct {
	Entity *graph.EntityDetail `json:"entity"`
}

// findEntities answers GET /v1/entities?q=&type=&limit=: entities whose
// name or alias matches q, exact matches first, then, while there is room
// under limit, near misses of q (see searchEntities); near=false leaves
// them out.
func (s *Server) findEntities(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	f := graph.EntityFilter{
		Query: p.one("q"),
		Types: p.entityTypes("type"),
		Limit: p.limit(graph.MaxLimit),
	}
	near := p.bool("near", true)
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	es, misses, err := s.searchEntities(c.Request.Context(), f, near)
	if err != nil {
		s.fail(c, err)
		return
	}
	if es == nil {
		es = []graph.Entity{}
	}
	writeJSON(c, http.StatusOK, EntitiesResponse{Entities: es, NearMisses: misses})
}

// getEntity answers GET /v1/entities/{id}.
func (s *Server) getEntity(c *gin.Context) {
	if err := newParams(c.Request.URL.Query()).done(); err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.Store.Entity(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	writeJSON(c, http.StatusOK, EntityResponse{Entity: d})
}
