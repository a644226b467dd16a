package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// evidenceBound turns the API's evidence count (0 for none) into a store's
// bound (0 for all).
func evidenceBound(n int) int {
	if n == 0 {
		return graph.NoEvidence
	}
	return n
}

// PathsResponse answers GET /v1/paths. From and To are the ends as
// resolved from the ids or names asked for; Entities holds every entity the
// paths mention, via and attributed_to entities included.
type PathsResponse struct {
	From     EntityRef            `json:"from"`
	To       EntityRef            `json:"to"`
	Paths    []graph.Path         `json:"paths"`
	Entities map[string]EntityRef `json:"entities"`
}

// DefaultStepEdges is how many edges a step of a path carries when a
// request does not say: a hub pair is joined by hundreds (one per type,
// date and polarity), and a reader wants the best attested first; the
// step's edges_total and GET /v1/relations?entity=&other= give the rest.
const DefaultStepEdges = 10

// findPaths answers GET /v1/paths?from=&to=: the shortest paths between
// two entities (or, with k, the k shortest), each step with the edges and
// their evidence. from and to take an id or a name.
//
//	max_hops    longest path, 1..graph.MaxHops (default graph.DefaultMaxHops)
//	k           k shortest simple paths instead of all shortest, 0..graph.MaxPaths
//	limit       paths returned, 1..graph.MaxPaths (default graph.DefaultPaths)
//	via_hops    true also walks from a relation to its via entities
//	evidence    sentences per edge, 0..graph.MaxEvidence (default
//	            graph.DefaultEvidence); each edge's evidence_total says how
//	            many there are, GET /v1/relations/{id} pages them all
//	step_edges  edges per step, 1..graph.MaxLimit (default
//	            DefaultStepEdges): the best supported; edges_total counts all
func (s *Server) findPaths(c *gin.Context) {
	p := newParams(c.Request.URL.Query())
	from, to := p.required("from"), p.required("to")
	q := graph.PathQuery{
		MaxHops: p.int("max_hops", 0, 1, graph.MaxHops),
		K:       p.int("k", 0, 0, graph.MaxPaths),
		Limit:   p.limit(graph.MaxPaths),
		ViaHops: p.bool("via_hops", false),
		Filter:  p.filter(),
		// The store's 0 means whole; the API's means none.
		Evidence:  evidenceBound(p.int("evidence", graph.DefaultEvidence, 0, graph.MaxEvidence)),
		StepEdges: p.int("step_edges", DefaultStepEdges, 1, graph.MaxLimit),
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
