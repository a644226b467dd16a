package api

import (
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

// ETOOMANYREQUESTS is the code of a request refused because its client went
// over the server's rate limit (429, with Retry-After).
const ETOOMANYREQUESTS = "too_many_requests"

// limiterIdle is how long a client's bucket is kept after its last request.
// A bucket unused for longer is full again anyway, so forgetting it changes
// nothing but the memory held.
const limiterIdle = 10 * time.Minute

// clientLimiters holds one token bucket per client address. The map is
// swept of idle buckets as it is used, so a scan from many addresses does
// not grow it without bound.
type clientLimiters struct {
	limit rate.Limit
	burst int

	mu        sync.Mutex
	clients   map[string]*clientLimiter
	lastSweep time.Time
}

type clientLimiter struct {
	*rate.Limiter
	seen time.Time
}

func newClientLimiters(perSecond float64, burst int) *clientLimiters {
	if burst <= 0 {
		burst = max(1, int(math.Ceil(perSecond)))
	}
	return &clientLimiters{limit: rate.Limit(perSecond), burst: burst, clients: map[string]*clientLimiter{}}
}

// reserve takes a token from ip's bucket at now. It reports whether the
// request may go ahead and, when not, how long until it could.
func (l *clientLimiters) reserve(ip string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > limiterIdle {
		for k, c := range l.clients {
			if now.Sub(c.seen) > limiterIdle {
				delete(l.clients, k)
			}
		}
		l.lastSweep = now
	}
	c, ok := l.clients[ip]
	if !ok {
		c = &clientLimiter{Limiter: rate.NewLimiter(l.limit, l.burst)}
		l.clients[ip] = c
	}
	c.seen = now
	r := c.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		// The request is refused, so its token goes back.
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// limitRate returns the middleware that refuses a client's request with
// 429 when it comes faster than RateLimit allows, or nil when there is no
// limit. Clients are told apart by gin's ClientIP, which believes
// X-Forwarded-For only from TrustedProxies, so a client cannot pick a fresh
// bucket by sending the header.
func (s *Server) limitRate() gin.HandlerFunc {
	if s.RateLimit <= 0 {
		return nil
	}
	l := newClientLimiters(s.RateLimit, s.RateBurst)
	return func(c *gin.Context) {
		ok, wait := l.reserve(c.ClientIP(), time.Now())
		if ok {
			return
		}
		secs := max(1, int(math.Ceil(wait.Seconds())))
		c.Header("Retry-After", strconv.Itoa(secs))
		s.fail(c, graph.Errorf(ETOOMANYREQUESTS, "over the limit of %g requests a second from one client; retry after %d second(s)",
			s.RateLimit, secs))
	}
}

// DefaultMaxWrites is the bound on concurrent posts `actorgraph serve`
// sets: extraction is CPU-bound and stores serialise writes, so more at
// once only makes each wait longer.
const DefaultMaxWrites = 4

// writeQueueWait is how long a post waits for one of MaxWrites slots before
// it is turned away.
const writeQueueWait = time.Second

// limitWrites returns the middleware that lets at most MaxWrites posts be
// extracted and stored at once, or nil when there is no bound. A post that
// finds every slot taken waits briefly, then is answered 429 with
// Retry-After: under load it is better to refuse a write at once, with a
// cue to retry, than to let it queue on the store until its deadline runs
// out and it is answered 503 (what a long load run over Neo4j showed).
func (s *Server) limitWrites() gin.HandlerFunc {
	if s.MaxWrites <= 0 {
		return nil
	}
	slots := make(chan struct{}, s.MaxWrites)
	return func(c *gin.Context) {
		t := time.NewTimer(writeQueueWait)
		defer t.Stop()
		select {
		case slots <- struct{}{}:
		case <-t.C:
			c.Header("Retry-After", "1")
			s.fail(c, graph.Errorf(ETOOMANYREQUESTS, "the server is busy storing %d articles; retry after 1 second", s.MaxWrites))
			return
		case <-c.Request.Context().Done():
			s.fail(c, c.Request.Context().Err())
			return
		}
		defer func() { <-slots }()
		c.Next()
	}
}
