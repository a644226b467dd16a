package api

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// healthResponse is the body of a healthy GET /healthz.
type healthResponse struct {
	Status string       `json:"status"`
	Counts graph.Counts `json:"counts"`
}

// health answers GET /healthz: 200 with the graph's size when the store
// answers, 503 when it does not. Load balancers need nothing else.
func (s *Server) health(c *gin.Context) {
	if s.Store == nil {
		s.fail(c, graph.Errorf(graph.EUNAVAILABLE, "no store is configured"))
		return
	}
	n, err := s.Store.Counts(c.Request.Context())
	if err != nil {
		// Whatever the store's code, an unhealthy store is unavailable to
		// the caller; the cause goes to the log.
		s.fail(c, graph.Wrap(graph.EUNAVAILABLE, err, "the store does not answer"))
		return
	}
	writeJSON(c, http.StatusOK, healthResponse{Status: "ok", Counts: n})
}
