package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// Error codes of the HTTP layer itself. They travel in a *graph.Error like the
// domain's codes, so that one table turns every error into a status.
const (
	EUNAUTHORIZED     = "unauthorized"       // no bearer token where one is required
	EFORBIDDEN        = "forbidden"          // a bearer token that is not the server's
	EMETHODNOTALLOWED = "method_not_allowed" // a known path asked with a method it does not serve
)

// problemType describes one error code: its HTTP status and the fixed title
// of its problem document.
type problemType struct {
	Code   string `json:"code"`
	Status int    `json:"status"`
	Title  string `json:"title"`
}

// problemTypes is the one table from error code to HTTP status. A code not
// in it is answered as EINTERNAL.
var problemTypes = []problemType{
	{graph.EINVALID, http.StatusBadRequest, "Invalid request"},
	{EUNAUTHORIZED, http.StatusUnauthorized, "Authentication required"},
	{EFORBIDDEN, http.StatusForbidden, "Forbidden"},
	{graph.ENOTFOUND, http.StatusNotFound, "Not found"},
	{EMETHODNOTALLOWED, http.StatusMethodNotAllowed, "Method not allowed"},
	{graph.ECONFLICT, http.StatusConflict, "Conflict"},
	{graph.ETOOLARGE, http.StatusRequestEntityTooLarge, "Request too large"},
	{ETOOMANYREQUESTS, http.StatusTooManyRequests, "Too many requests"},
	{graph.EINTERNAL, http.StatusInternalServerError, "Internal error"},
	{graph.EUNAVAILABLE, http.StatusServiceUnavailable, "Service unavailable"},
}

// lookupProblem returns the table row for code, EINTERNAL's for an unknown one.
func lookupProblem(code string) problemType {
	for _, p := range problemTypes {
		if p.Code == code {
			return p
		}
	}
	return lookupProblem(graph.EINTERNAL)
}

// ProblemTypePrefix starts the type URI of every problem document; the code
// follows it ("/problems/not_found"). The server answers GET on these URIs
// with the row of the table, so a type can be looked up where it is met.
const ProblemTypePrefix = "/problems/"

// Problem is an RFC 9457 problem document, the body of every error answer.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance"`
	// Code is the error code of Type, for clients that switch on it.
	Code string `json:"code"`
	// Candidates lists the entities an ambiguous name could mean (409).
	Candidates []graph.Entity `json:"candidates,omitempty"`
}

// problemFor builds the problem document for err. Only messages of
// *graph.Error reach the client (graph.ErrorMessage); a deadline that ran
// out is told as such, because a client can do something about it.
func problemFor(err error, instance string, timeout time.Duration) Problem {
	code := graph.ErrorCode(err)
	detail := graph.ErrorMessage(err)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		code = graph.EUNAVAILABLE
		detail = "the query did not finish within " + timeout.String() + "; narrow it (filters, max_hops, limit)"
	case errors.Is(err, context.Canceled):
		code = graph.EUNAVAILABLE
		detail = "the request was cancelled"
	}
	pt := lookupProblem(code)
	if pt.Code == graph.EINTERNAL {
		// Whatever went wrong inside stays in the log.
		detail = "internal error"
	}
	p := Problem{
		Type:     ProblemTypePrefix + pt.Code,
		Title:    pt.Title,
		Status:   pt.Status,
		Detail:   detail,
		Instance: instance,
		Code:     pt.Code,
	}
	var ge *graph.Error
	if pt.Code == graph.ECONFLICT && errors.As(err, &ge) {
		p.Candidates = ge.Candidates
		if p.Candidates == nil {
			p.Candidates = []graph.Entity{}
		}
	}
	return p
}

// errorKey is where the handlers leave the error they answered, for the
// request log.
const errorKey = "actorgraph.error"

// fail answers the request with the problem document for err and stops the
// handler chain.
func (s *Server) fail(c *gin.Context, err error) {
	if ctxErr := c.Request.Context().Err(); errors.Is(ctxErr, context.DeadlineExceeded) && graph.ErrorCode(err) == graph.EINTERNAL {
		// A driver may report its interruption in its own words; the
		// request's deadline says what really happened. (Cancellation is
		// not told this way: a recovered panic sees its context cancelled.)
		err = errors.Join(ctxErr, err)
	}
	c.Set(errorKey, err)
	p := problemFor(err, c.Request.URL.RequestURI(), s.queryTimeout())
	if p.Status == http.StatusUnauthorized {
		c.Header("WWW-Authenticate", `Bearer realm="actorgraph"`)
	}
	writeBody(c, p.Status, "application/problem+json", p)
	c.Abort()
}

// problemDescription answers GET /problems/{code} with the table's row, so
// that the type URI of a problem document leads somewhere.
func (s *Server) problemDescription(c *gin.Context) {
	code := c.Param("code")
	for _, p := range problemTypes {
		if p.Code == code {
			writeJSON(c, http.StatusOK, p)
			return
		}
	}
	s.fail(c, graph.Errorf(graph.ENOTFOUND, "no problem type %q", code))
}
