package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// EntitiesResponse answers GET /v1/entities.
type EntitiesResponse struct {
	Entities []graph.Entity `json:"entities"`
}

// EntityResponse answers GET /v1/entities/{id}.
type EntityResponse struct {
	Entity *graph.EntityDetail `json:"entity"`
}

// findEntities answers GET /v1/entities?q=&type=&limit=: entities whose
// name or alias matches q, exact matches first.
func (s *Server) findEntities(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	f := graph.EntityFilter{
		Query: p.one("q"),
		Types: p.entityTypes("type"),
		Limit: p.limit(graph.MaxLimit),
	}
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	es, err := s.Store.FindEntities(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	if es == nil {
		es = []graph.Entity{}
	}
	writeJSON(c, http.StatusOK, EntitiesResponse{Entities: es})
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
