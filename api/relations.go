package api

import (
	"math"
	"net/http"
	"net/url"
	"strconv"

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

// RelationResponse answers GET /v1/relations/{id}. When the evidence is
// paged, NextURL asks for the following page ("" on the last).
type RelationResponse struct {
	Relation *graph.Edge          `json:"relation"`
	Entities map[string]EntityRef `json:"entities"`
	NextURL  string               `json:"next_url,omitempty"`
}

// listEvidence reads the evidence parameter of a listing: absent keeps
// every edge's evidence whole (as the listings always did), a count
// 0..graph.MaxEvidence bounds it (0 for none).
func listEvidence(p *params) int {
	n := p.int("evidence", -1, 0, graph.MaxEvidence)
	if n < 0 {
		return 0
	}
	return evidenceBound(n)
}

// listRelations answers GET /v1/relations: every relation passing the
// filter, or those touching entity (and other), by id, a page at a time.
// entity and other take an id or a name; evidence bounds the sentences per
// edge (see listEvidence).
func (s *Server) listRelations(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	q := graph.RelationQuery{Filter: p.filter(), After: p.one("after"), Limit: p.limit(graph.MaxLimit), Evidence: listEvidence(p)}
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
// with a second entity (id or name); evidence as for GET /v1/relations.
func (s *Server) entityRelations(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	q := graph.RelationQuery{Filter: p.filter(), After: p.one("after"), Limit: p.limit(graph.MaxLimit), Evidence: listEvidence(p)}
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
// evidence, or, with offset or limit, one page of it (a hub pair has
// thousands of sentences):
//
//	offset  pieces of evidence to skip, 0.. (default 0)
//	limit   pieces per page, 1..graph.MaxLimit (default graph.DefaultLimit
//	        when offset is given)
//
// A paged answer sets the relation's evidence_total and, unless it is the
// last page, next_url.
func (s *Server) getRelation(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	paged := p.raw("offset") != "" || p.raw("limit") != ""
	offset := p.int("offset", 0, 0, math.MaxInt32)
	limit := p.int("limit", graph.DefaultLimit, 1, graph.MaxLimit)
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	e, err := s.Store.Relation(ctx, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	var resp RelationResponse
	if paged {
		all := e.Evidence
		e.EvidenceTotal = len(all)
		from, to := min(offset, len(all)), min(offset+limit, len(all))
		e.Evidence = append([]graph.Evidence{}, all[from:to]...)
		if to < len(all) {
			u := url.URL{Path: c.Request.URL.Path}
			v := c.Request.URL.Query()
			v.Set("offset", strconv.Itoa(to))
			v.Set("limit", strconv.Itoa(limit))
			u.RawQuery = v.Encode()
			resp.NextURL = u.String()
		}
	}
	if resp.Entities, err = s.entityRefs(ctx, []graph.Edge{*e}); err != nil {
		s.fail(c, err)
		return
	}
	resp.Relation = e
	writeJSON(c, http.StatusOK, resp)
}

func refPtr(e graph.Entity) *EntityRef {
	r := ref(e)
	return &r
}
