package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// exportGraph answers GET /v1/export?format=: the graph in a format other
// tools read (see package export), as a file to download.
//
//	format  cytoscape, d3, graphml or gexf (required)
//	entity  an id or a name: export only its neighbourhood
//	depth   with entity: hops, 1..graph.MaxDepth (default 1)
//	limit   with entity: edges, 1..graph.MaxNeighborhoodEdges
//
// plus the filter. Without entity the whole graph as the filter sees it is
// streamed from the store (export.StoreSource), so its size is not bounded
// by memory; a neighbourhood is bounded by limit and written in one piece.
func (s *Server) exportGraph(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	var format export.GraphFormat
	if f := p.required("format"); f != "" {
		var err error
		if format, err = export.ParseGraphFormat(f); err != nil {
			p.fail("parameter format: %s", graph.ErrorMessage(err))
		}
	}
	entity := p.one("entity")
	q := graph.NeighborhoodQuery{
		Depth:  p.int("depth", 1, 1, graph.MaxDepth),
		Limit:  p.int("limit", 0, 1, graph.MaxNeighborhoodEdges),
		Filter: p.filter(),
	}
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	if entity == "" {
		for _, name := range []string{"depth", "limit"} {
			if c.Request.URL.Query().Has(name) {
				s.fail(c, graph.Errorf(graph.EINVALID, "parameter %s needs parameter entity (the whole graph has no depth or limit)", name))
				return
			}
		}
		w := &streamedAnswer{c: c, contentType: format.ContentType(), filename: downloadName("graph", format.Ext())}
		if err := export.WriteGraph(ctx, w, format, export.StoreSource(s.Store, q.Filter)); err != nil {
			s.failStream(c, w.started, err)
			return
		}
		w.finish()
		return
	}
	e, err := s.resolveEntity(ctx, "entity", entity)
	if err != nil {
		s.fail(c, err)
		return
	}
	q.Entity = e.ID
	sg, err := graph.Neighborhood(ctx, s.Store, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	if sg.Truncated {
		// The file cannot say it is partial; the header can.
		c.Header("X-Truncated", "true")
	}
	w := &bufferedAnswer{}
	if err := export.WriteGraph(ctx, w, format, export.SubgraphSource(sg)); err != nil {
		s.fail(c, err)
		return
	}
	w.send(c, format.ContentType(), downloadName("graph", format.Ext(), refPtr(e)))
}

// failStream answers a failed export: a problem while nothing is sent; once
// the body has begun, the connection is dropped, so that the client sees a
// broken transfer rather than a file that merely looks short.
func (s *Server) failStream(c *gin.Context, started bool, err error) {
	if !started {
		s.fail(c, err)
		return
	}
	s.logger().Error("api: export broke off", "path", c.Request.URL.RequestURI(), "error", err)
	panic(http.ErrAbortHandler)
}
