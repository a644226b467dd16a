package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// Defaults for the options a Server leaves at zero.
const (
	DefaultMaxBodyBytes = 4 << 20 // an article body, with room for long reads
	DefaultQueryTimeout = 30 * time.Second
)

// Extractor reads one article into an extraction. extract.Extractor
// satisfies it; the API depends on this interface only, so it never imports
// the NLP code.
type Extractor interface {
	Extract(ctx context.Context, a graph.Article) (graph.Extraction, error)
}

// Server answers the HTTP API over a store. Set its fields, then serve
// Handler; the fields must not change while it serves.
type Server struct {
	Store graph.Store
	// Extractor reads posted articles. Without one, POST /v1/articles
	// answers 503.
	Extractor Extractor
	// Logger receives one line per request and the details of every
	// internal error; nil discards them.
	Logger *slog.Logger

	// MaxBodyBytes bounds a request body; larger bodies are answered 413.
	// Zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// QueryTimeout bounds the work of one request, store queries and
	// extraction included; a request over it is answered 503. Zero means
	// DefaultQueryTimeout, negative means no bound.
	QueryTimeout time.Duration
	// CORSOrigins lists the origins browsers may call the API from; "*"
	// allows any. Empty sends no CORS headers, so browsers allow only
	// same-origin calls.
	CORSOrigins []string
	// Token, when set, is the bearer token every write must carry
	// (Authorization: Bearer <Token>). Reads are open unless ReadToken is
	// set.
	Token string
	// ReadToken, when set, is the bearer token every /v1 read must carry;
	// Token is accepted for reads too. /healthz, the problem types and the
	// web page stay open.
	ReadToken string
	// RateLimit, when above zero, is how many requests a second one client
	// address may make on average; faster requests are answered 429 with
	// Retry-After. RateBurst is how many may come at once (zero means
	// RateLimit rounded up).
	RateLimit float64
	RateBurst int
	// MaxWrites, when above zero, bounds how many posted articles are
	// extracted and stored at once; a post that finds no slot within a
	// second is answered 429 with Retry-After.
	MaxWrites int
	// TrustedProxies lists the addresses or CIDRs of proxies whose
	// X-Forwarded-For the request log believes. Empty believes none and logs
	// the peer's address.
	TrustedProxies []string
	// WebDir is the directory of the built web page served at /; empty
	// means DefaultWebDir.
	WebDir string
}

func (s *Server) maxBodyBytes() int64 {
	if s.MaxBodyBytes <= 0 {
		return DefaultMaxBodyBytes
	}
	return s.MaxBodyBytes
}

func (s *Server) queryTimeout() time.Duration {
	if s.QueryTimeout == 0 {
		return DefaultQueryTimeout
	}
	return s.QueryTimeout
}

func (s *Server) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// Handler returns the API as an http.Handler, for an http.Server or a test.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	// Paths are matched as given: a redirect would skip the request log and
	// surprise clients that POST.
	r.RedirectTrailingSlash = false
	r.RedirectFixedPath = false
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	if err := r.SetTrustedProxies(s.TrustedProxies); err != nil {
		// A bad entry must not make the log believe every proxy.
		s.logger().Error("api: ignoring TrustedProxies", "error", err)
		_ = r.SetTrustedProxies(nil)
	}

	r.Use(s.logRequests, s.recoverPanics, s.cors)
	if limit := s.limitRate(); limit != nil {
		r.Use(limit)
	}
	r.Use(s.limitRequest)
	r.NoRoute(func(c *gin.Context) {
		s.fail(c, graph.Errorf(graph.ENOTFOUND, "no such endpoint: %s %s", c.Request.Method, c.Request.URL.Path))
	})
	r.NoMethod(func(c *gin.Context) {
		s.fail(c, graph.Errorf(EMETHODNOTALLOWED, "%s does not answer %s (allowed: %s)",
			c.Request.URL.Path, c.Request.Method, c.Writer.Header().Get("Allow")))
	})

	r.GET("/healthz", s.health)
	r.HEAD("/healthz", s.health)
	r.GET(ProblemTypePrefix+":code", s.problemDescription)

	v1 := r.Group("/v1", s.requireReadToken)
	writes := []gin.HandlerFunc{s.requireToken}
	if limit := s.limitWrites(); limit != nil {
		writes = append(writes, limit)
	}
	v1.POST("/articles", append(writes, s.postArticle)...)
	v1.GET("/entities", s.findEntities)
	v1.GET("/entities/:id", s.getEntity)
	v1.GET("/entities/:id/relations", s.entityRelations)
	v1.GET("/entities/:id/neighborhood", s.neighborhood)
	v1.GET("/relations", s.listRelations)
	v1.GET("/relations/:id", s.getRelation)
	v1.GET("/paths", s.findPaths)
	v1.GET("/timeline", s.timeline)
	v1.GET("/export", s.exportGraph)
	v1.GET("/openapi.json", s.openAPI)
	s.routeWeb(r)
	return r
}
