package api

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPISpec is the OpenAPI 3 description of the whole API. It is a file
// rather than generated so that it can be read and reviewed as a contract;
// the tests hold every answer of every endpoint against it, so it cannot
// drift from what the server does.
//
//go:embed openapi.json
var openAPISpec []byte

// OpenAPISpec returns the OpenAPI 3 description of the API that GET
// /v1/openapi.json serves.
func OpenAPISpec() []byte {
	return append([]byte(nil), openAPISpec...)
}

// openAPI answers GET /v1/openapi.json with the description.
func (s *Server) openAPI(c *gin.Context) {
	if err := newParams(c.Request.URL.Query()).done(); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(http.StatusOK, "application/json", openAPISpec)
}
