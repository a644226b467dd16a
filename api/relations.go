package api

import (
	"net/http"
	"net/url"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// RelationsResponse answers the relation listings. Next is the cursor for
// the following page ("" on the last), NextURL the same request with it.
// Entity and Other echo the ends the query was narrowed to, as resolved.
type RelationsResponse struct {
	Entity    *EntityRef           `json:"entity,omitempty"`
	Other     *EntityRef           `json:"other,omitempty"`
	Relations []graph.Edge         `json:"relations"`
	Next      string               `json:"next,omitempty"`
	NextURL   string               `json:"next_url,omitempty"`
	Entities  map[string]EntityRef `json:"entities"`
}

// RelationResponse answers GET /v1/relations/{id}.
type RelationResponse struct {
	Relation *graph.Edge          `json:"relation"`
	Entities map[string]EntityRef `json:"entities"`
}

// listRelations answers GET /v1/relations: every relation passing the
// filter, or those touching entity (and other), by id, a page at a time.
// entity and other take an id or a name.
func (s *Server) listRelations(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	q := graph.RelationQuery{Filter: p.filter(), After: p.one("after"), Limit: p.limit(graph.MaxLimit)}
	entity, other := p.one("entity"), p.one("other")
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	if other != "" && entity == "" {
		s.fail(c, graph.Errorf(graph.EINVALID, "parameter other needs parameter entity"))
		return
	}
	var resp RelationsResponse
	if entity != "" {
		e, err := s.resolveEntity(c.Request.Context(), "entity", entity)
		if err != nil {
			s.fail(c, err)
			return
		}
		q.Entity, resp.Entity = e.ID, refPtr(e)
	}
	if other != "" {
		e, err := s.resolveEntity(c.Request.Context(), "other", other)
		if err != nil {
			s.fail(c, err)
			return
		}
		q.Other, resp.Other = e.ID, refPtr(e)
	}
	s.answerRelations(c, q, resp)
}

// entityRelations answers GET /v1/entities/{id}/relations: the entity's
// relations, both directions, a page at a time; other narrows them to those
// with a second entity (id or name).
func (s *Server) entityRelations(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	q := graph.RelationQuery{Filter: p.filter(), After: p.one("after"), Limit: p.limit(graph.MaxLimit)}
	other := p.one("other")
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	d, err := s.Store.Entity(ctx, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	resp := RelationsResponse{Entity: refPtr(d.Entity)}
	q.Entity = d.ID
	if other != "" {
		e, err := s.resolveEntity(ctx, "other", other)
		if err != nil {
			s.fail(c, err)
			return
		}
		q.Other, resp.Other = e.ID, refPtr(e)
	}
	s.answerRelations(c, q, resp)
}

// answerRelations runs a listing and answers it with its entities and the
// link to the next page.
func (s *Server) answerRelations(c *gin.Context, q graph.RelationQuery, resp RelationsResponse) {
	ctx := c.Request.Context()
	page, err := s.Store.Relations(ctx, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	resp.Relations, resp.Next = page.Relations, page.Next
	if resp.Relations == nil {
		resp.Relations = []graph.Edge{}
	}
	if resp.Next != "" {
		u := url.URL{Path: c.Request.URL.Path}
		v := c.Request.URL.Query()
		v.Set("after", resp.Next)
		u.RawQuery = v.Encode()
		resp.NextURL = u.String()
	}
	var known []graph.Entity
	for _, r := range []*EntityRef{resp.Entity, resp.Other} {
		if r != nil {
			known = append(known, graph.Entity{ID: r.ID, Name: r.Name, Type: r.Type, Aliases: r.Aliases})
		}
	}
	if resp.Entities, err = s.entityRefs(ctx, resp.Relations, known...); err != nil {
		s.fail(c, err)
		return
	}
	writeJSON(c, http.StatusOK, resp)
}

// getRelation answers GET /v1/relations/{id}: one relation with all its
// evidence.
func (s *Server) getRelation(c *gin.Context) {
	if err := newParams(c.Request.URL.Query()).done(); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	e, err := s.Store.Relation(ctx, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	refs, err := s.entityRefs(ctx, []graph.Edge{*e})
	if err != nil {
		s.fail(c, err)
		return
	}
	writeJSON(c, http.StatusOK, RelationResponse{Relation: e, Entities: refs})
}

func refPtr(e graph.Entity) *EntityRef {
	r := ref(e)
	return &r
}
