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
