package api

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
)

// logRequests writes one log line per request, after it is answered, with
// the error behind any problem answer. Internal errors are logged at Error
// with their cause, which is the only place the cause goes.
func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	id := requestID(c.GetHeader("X-Request-Id"))
	c.Header("X-Request-Id", id)
	c.Next()
	status := c.Writer.Status()
	attrs := []slog.Attr{
		slog.String("request_id", id),
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.String("query", c.Request.URL.RawQuery),
		slog.Int("status", status),
		slog.Int("bytes", c.Writer.Size()),
		slog.Duration("duration", time.Since(start)),
		slog.String("remote", c.ClientIP()),
	}
	level := slog.LevelInfo
	if v, ok := c.Get(errorKey); ok {
		if err, ok := v.(error); ok {
			attrs = append(attrs, slog.String("error", err.Error()))
		}
	}
	if v, ok := c.Get(panicKey); ok {
		attrs = append(attrs, slog.Any("panic", v), slog.String("stack", c.GetString(stackKey)))
	}
	if status >= 500 {
		level = slog.LevelError
	}
	s.logger().LogAttrs(c.Request.Context(), level, "request", attrs...)
}

// requestID keeps a caller's request id when it is short and plain, so a
// proxy's id can follow the request into our log, and makes one otherwise.
// Clients quote it (X-Request-Id) when they report a 500.
func requestID(given string) string {
	if len(given) > 0 && len(given) <= 64 && strings.Trim(given, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") == "" {
		return given
	}
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

const (
	panicKey = "actorgraph.panic"
	stackKey = "actorgraph.stack"
)

// recoverPanics turns a panic in a handler into a 500 problem document that
// says nothing about it; the panic and its stack go to the log.
func (s *Server) recoverPanics(c *gin.Context) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			// The handler meant to drop the connection.
			panic(v)
		}
		c.Set(panicKey, v)
		c.Set(stackKey, string(debug.Stack()))
		if c.Writer.Written() {
			c.Abort()
			return
		}
		s.fail(c, graph.Errorf(graph.EINTERNAL, "internal error"))
	}()
	c.Next()
}

// cors answers browsers for the origins in CORSOrigins and ends preflight
// requests. Requests from other origins get no CORS headers, which is the
// browser's cue to refuse them.
func (s *Server) cors(c *gin.Context) {
	origin := c.GetHeader("Origin")
	if origin == "" || len(s.CORSOrigins) == 0 {
		return
	}
	allowed := ""
	for _, o := range s.CORSOrigins {
		if o == "*" {
			allowed = "*"
			break
		}
		if strings.EqualFold(o, origin) {
			allowed = origin
			break
		}
	}
	h := c.Writer.Header()
	h.Add("Vary", "Origin")
	if allowed == "" {
		return
	}
	h.Set("Access-Control-Allow-Origin", allowed)
	h.Set("Access-Control-Expose-Headers", "Allow, WWW-Authenticate")
	if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		h.Set("Access-Control-Max-Age", "600")
		c.AbortWithStatus(http.StatusNoContent)
	}
}

// limitRequest bounds the body and the time of every request. The deadline
// reaches the store through the request's context.
func (s *Server) limitRequest(c *gin.Context) {
	if c.Request.ContentLength > s.maxBodyBytes() {
		s.fail(c, graph.Errorf(graph.ETOOLARGE, "request body of %d bytes is over the limit of %d bytes", c.Request.ContentLength, s.maxBodyBytes()))
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.maxBodyBytes())
	if d := s.queryTimeout(); d > 0 {
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
	}
	c.Next()
}

// requireReadToken lets a request through only with the server's read
// token or its write token, when it has a read token.
func (s *Server) requireReadToken(c *gin.Context) {
	if s.ReadToken == "" {
		return
	}
	if c.Request.Method == http.MethodOptions {
		// A CORS preflight carries no credentials.
		return
	}
	s.checkBearer(c, s.ReadToken, s.Token)
}

// requireToken lets a write through only with the server's bearer token,
// when it has one. The comparison takes the same time whatever the token.
func (s *Server) requireToken(c *gin.Context) {
	if s.Token == "" {
		return
	}
	s.checkBearer(c, s.Token)
}

// checkBearer fails the request unless its bearer token is one of tokens
// (empty ones never match).
func (s *Server) checkBearer(c *gin.Context, tokens ...string) {
	h := c.GetHeader("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if h == "" || !ok || !strings.EqualFold(scheme, "Bearer") {
		s.fail(c, graph.Errorf(EUNAUTHORIZED, "this endpoint needs an Authorization: Bearer <token> header"))
		return
	}
	given := []byte(strings.TrimSpace(token))
	valid := 0
	for _, t := range tokens {
		if t != "" {
			valid |= subtle.ConstantTimeCompare(given, []byte(t))
		}
	}
	if valid != 1 {
		s.fail(c, graph.Errorf(EFORBIDDEN, "the bearer token is not valid for this server"))
		return
	}
}
