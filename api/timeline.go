package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// TimelineResponse answers GET /v1/timeline: dated relations, oldest first.
type TimelineResponse struct {
	Entity    *EntityRef           `json:"entity,omitempty"`
	Other     *EntityRef           `json:"other,omitempty"`
	Relations []graph.Edge         `json:"relations"`
	Entities  map[string]EntityRef `json:"entities"`
}

// timeline answers GET /v1/timeline?entity=&other=: what happened, and
// when, to one entity or between two (ids or names), or in the whole graph.
//
//	format  json (default): the TimelineResponse envelope;
//	        csv, timelinejs, vis: the export package's timeline for that
//	        tool, with its own media type and a download file name
func (s *Server) timeline(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	q := graph.TimelineQuery{Filter: p.filter(), Limit: p.limit(graph.MaxLimit)}
	entity, other := p.one("entity"), p.one("other")
	format := export.TimelineJSON
	if f := p.one("format"); f != "" {
		var err error
		if format, err = export.ParseTimelineFormat(f); err != nil {
			p.fail("parameter format: %s", graph.ErrorMessage(err))
		}
	}
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	if other != "" && entity == "" {
		s.fail(c, graph.Errorf(graph.EINVALID, "parameter other needs parameter entity"))
		return
	}
	ctx := c.Request.Context()
	var resp TimelineResponse
	var known []graph.Entity
	if entity != "" {
		e, err := s.resolveEntity(ctx, "entity", entity)
		if err != nil {
			s.fail(c, err)
			return
		}
		q.Entity, resp.Entity, known = e.ID, refPtr(e), append(known, e)
	}
	if other != "" {
		e, err := s.resolveEntity(ctx, "other", other)
		if err != nil {
			s.fail(c, err)
			return
		}
		q.Other, resp.Other, known = e.ID, refPtr(e), append(known, e)
	}
	edges, err := s.Store.Timeline(ctx, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	if edges == nil {
		edges = []graph.Edge{}
	}
	resp.Relations = edges
	if resp.Entities, err = s.entityRefs(ctx, edges, known...); err != nil {
		s.fail(c, err)
		return
	}
	if format == export.TimelineJSON {
		writeJSON(c, http.StatusOK, resp)
		return
	}
	t := export.Timeline{
		Title: timelineTitle(resp.Entity, resp.Other),
		Edges: edges,
		Name:  func(id string) string { return resp.Entities[id].Name },
	}
	// The timeline is in memory already and small (limit ≤ MaxLimit), so
	// it is written to a buffer: a failure can still become a problem.
	w := &bufferedAnswer{}
	if err := export.WriteTimeline(w, format, t); err != nil {
		s.fail(c, err)
		return
	}
	w.send(c, format.ContentType(), downloadName("timeline", format.Ext(), resp.Entity, resp.Other))
}

// timelineTitle heads a TimelineJS3 document.
func timelineTitle(entity, other *EntityRef) string {
	switch {
	case other != nil:
		return entity.Name + " and " + other.Name
	case entity != nil:
		return entity.Name
	}
	return "Timeline"
}
