package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// PathsResponse answers GET /v1/paths. From and To are the ends as
// resolved from the ids or names asked for; Entities holds every entity the
// paths mention, via and attributed_to entities included.
type PathsResponse struct {
	From     EntityRef            `json:"from"`
	To       EntityRef            `json:"to"`
	Paths    []graph.Path         `json:"paths"`
	Entities map[string]EntityRef `json:"entities"`
}

// findPaths answers GET /v1/paths?from=&to=: the shortest paths between
// two entities (or, with k, the k shortest), each step with the edges and
// their evidence. from and to take an id or a name.
//
//	max_hops  longest path, 1..graph.MaxHops (default graph.DefaultMaxHops)
//	k         k shortest simple paths instead of all shortest, 0..graph.MaxPaths
//	limit     paths returned, 1..graph.MaxPaths (default graph.DefaultPaths)
//	via_hops  true also walks from a relation to its via entities
func (s *Server) findPaths(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	from, to := p.required("from"), p.required("to")
	q := graph.PathQuery{
		MaxHops: p.int("max_hops", 0, 1, graph.MaxHops),
		K:       p.int("k", 0, 0, graph.MaxPaths),
		Limit:   p.limit(graph.MaxPaths),
		ViaHops: p.bool("via_hops", false),
		Filter:  p.filter(),
	}
	if err := p.done(); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	fromE, err := s.resolveEntity(ctx, "from", from)
	if err != nil {
		s.fail(c, err)
		return
	}
	toE, err := s.resolveEntity(ctx, "to", to)
	if err != nil {
		s.fail(c, err)
		return
	}
	if fromE.ID == toE.ID {
		s.fail(c, graph.Errorf(graph.EINVALID, "from and to are the same entity (%s)", fromE.ID))
		return
	}
	q.From, q.To = fromE.ID, toE.ID
	paths, err := s.Store.Paths(ctx, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	if paths == nil {
		paths = []graph.Path{}
	}
	known := []graph.Entity{fromE, toE}
	var edges []graph.Edge
	for _, path := range paths {
		known = append(known, path.Nodes...)
		for _, st := range path.Steps {
			edges = append(edges, st.Edges...)
		}
	}
	refs, err := s.entityRefs(ctx, edges, known...)
	if err != nil {
		s.fail(c, err)
		return
	}
	writeJSON(c, http.StatusOK, PathsResponse{From: ref(fromE), To: ref(toE), Paths: paths, Entities: refs})
}
