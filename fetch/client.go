package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// Defaults for a Config left zero.
const (
	DefaultTimeout   = 20 * time.Second
	DefaultMaxBytes  = 8 << 20
	DefaultRetries   = 2
	DefaultBackoff   = 500 * time.Millisecond
	DefaultHostDelay = time.Second
	// maxBackoff bounds one wait between tries, whatever Retry-After says,
	// so a misbehaving server cannot park the ingest.
	maxBackoff = 30 * time.Second
)

// Config sets a Client's bounds. Zero fields take the defaults above; a
// negative Retries or HostDelay means none.
type Config struct {
	// Timeout bounds one request, from dialling to the last body byte.
	Timeout time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// MaxBytes caps a response body; a longer one is ETOOLARGE.
	MaxBytes int64
	// Retries is how many times a failure that may pass is tried again.
	Retries int
	// Backoff is the wait before the first retry; it doubles with each.
	Backoff time.Duration
	// HostDelay is the least time between two requests to one host.
	HostDelay time.Duration
	// CacheFile, when set, keeps the validators (ETag, Last-Modified) of
	// fetched URLs across runs; see Client.Save.
	CacheFile string
	// Transport replaces http.DefaultTransport, for tests.
	Transport http.RoundTripper
}

// Client fetches URLs. It is safe for concurrent use.
type Client struct {
	http      *http.Client
	userAgent string
	maxBytes  int64
	retries   int
	backoff   time.Duration
	hostDelay time.Duration

	mu sync.Mutex
	// next is, per host, the earliest time the next request may start.
	next  map[string]time.Time
	cache *cache
}

// New returns a Client for cfg. When cfg.CacheFile names a file that
// exists, its validators are loaded; a missing file is an empty cache, an
// unreadable one an error.
func New(cfg Config) (*Client, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	switch {
	case cfg.Retries == 0:
		cfg.Retries = DefaultRetries
	case cfg.Retries < 0:
		cfg.Retries = 0
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultBackoff
	}
	switch {
	case cfg.HostDelay == 0:
		cfg.HostDelay = DefaultHostDelay
	case cfg.HostDelay < 0:
		cfg.HostDelay = 0
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = UserAgent("dev")
	}
	c, err := loadCache(cfg.CacheFile)
	if err != nil {
		return nil, err
	}
	return &Client{
		http: &http.Client{
			Timeout:   cfg.Timeout,
			Transport: cfg.Transport,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 10 {
					return errors.New("more than 10 redirects")
				}
				return nil
			},
		},
		userAgent: cfg.UserAgent,
		maxBytes:  cfg.MaxBytes,
		retries:   cfg.Retries,
		backoff:   cfg.Backoff,
		hostDelay: cfg.HostDelay,
		next:      make(map[string]time.Time),
		cache:     c,
	}, nil
}

// UserAgent is the User-Agent header for a program version.
func UserAgent(version string) string {
	return "actorgraph/" + version + " (+https://github.com/actorgraph/actorgraph)"
}

// Response is a fetched resource.
type Response struct {
	// URL is the address asked for; FinalURL the one answered after
	// redirects.
	URL, FinalURL string
	Status        int
	ContentType   string
	// Body is nil when NotModified.
	Body []byte
	// NotModified says the server answered 304 to a conditional request:
	// the resource has not changed since it was last remembered.
	NotModified bool

	etag, lastModified string
}

// IsURL reports whether s is an http or https URL rather than a file path.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Get fetches rawURL, conditionally when validators for it are remembered
// (see Remember). Failures that may pass are retried; the error after the
// last try says how many were made.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, graph.Errorf(graph.EINVALID, "%s: not an http or https URL", rawURL)
	}
	var last *graph.Error
	for try := 0; ; try++ {
		if err := c.wait(ctx, u.Host); err != nil {
			return nil, graph.Wrap(graph.EUNAVAILABLE, err, "%s: cancelled", rawURL)
		}
		resp, retryAfter, gerr := c.do(ctx, rawURL)
		if gerr == nil {
			return resp, nil
		}
		last = gerr
		if retryAfter < 0 || try >= c.retries || ctx.Err() != nil {
			break
		}
		wait := c.backoff << try
		if retryAfter > wait {
			wait = retryAfter
		}
		wait = min(wait, maxBackoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "%s: cancelled", rawURL)
		case <-t.C:
		}
	}
	if c.retries > 0 && last.Code == graph.EUNAVAILABLE && ctx.Err() == nil {
		last = &graph.Error{Code: last.Code, Message: fmt.Sprintf("%s (gave up after %d tries)", last.Message, c.retries+1), Err: last.Err}
	}
	return nil, last
}

// wait holds the caller until the host may be asked again, and books the
// slot after it, so concurrent callers queue rather than burst.
func (c *Client) wait(ctx context.Context, host string) error {
	c.mu.Lock()
	now := time.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(c.hostDelay)
	c.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// do makes one request. retryAfter is -1 when the failure will not pass by
// trying again, else the least wait the server asked for (0 for none).
func (c *Client) do(ctx context.Context, rawURL string) (resp *Response, retryAfter time.Duration, gerr *graph.Error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, -1, graph.Wrap(graph.EINVALID, err, "%s: not a valid request", rawURL)
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,*/*;q=0.8")
	if v, ok := c.cache.get(rawURL); ok {
		if v.ETag != "" {
			req.Header.Set("If-None-Match", v.ETag)
		}
		if v.LastModified != "" {
			req.Header.Set("If-Modified-Since", v.LastModified)
		}
	}
	r, err := c.http.Do(req)
	if err != nil {
		return nil, 0, c.transportError(ctx, rawURL, err)
	}
	defer r.Body.Close()
	out := &Response{URL: rawURL, FinalURL: r.Request.URL.String(), Status: r.StatusCode,
		ContentType: r.Header.Get("Content-Type"),
		etag:        r.Header.Get("ETag"), lastModified: r.Header.Get("Last-Modified")}
	switch {
	case r.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, 0, nil
	case r.StatusCode == http.StatusNotFound || r.StatusCode == http.StatusGone:
		return nil, -1, graph.Errorf(graph.ENOTFOUND, "%s: server answered %s", rawURL, r.Status)
	case r.StatusCode == http.StatusTooManyRequests || r.StatusCode >= 500:
		return nil, retryAfterOf(r.Header.Get("Retry-After")), graph.Errorf(graph.EUNAVAILABLE, "%s: server answered %s", rawURL, r.Status)
	case r.StatusCode < 200 || r.StatusCode > 299:
		return nil, -1, graph.Errorf(graph.EINVALID, "%s: server answered %s", rawURL, r.Status)
	}
	if r.ContentLength > c.maxBytes {
		return nil, -1, graph.Errorf(graph.ETOOLARGE, "%s: body of %d bytes is over the %d-byte limit", rawURL, r.ContentLength, c.maxBytes)
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, c.maxBytes+1))
	if err != nil {
		return nil, 0, c.transportError(ctx, rawURL, err)
	}
	if int64(len(b)) > c.maxBytes {
		return nil, -1, graph.Errorf(graph.ETOOLARGE, "%s: body is over the %d-byte limit", rawURL, c.maxBytes)
	}
	out.Body = b
	return out, 0, nil
}

// transportError describes a request that got no (whole) answer.
func (c *Client) transportError(ctx context.Context, rawURL string, err error) *graph.Error {
	if ctx.Err() != nil {
		return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "%s: cancelled", rawURL)
	}
	var nerr net.Error
	if errors.As(err, &nerr) && nerr.Timeout() {
		return graph.Wrap(graph.EUNAVAILABLE, err, "%s: no answer within %s", rawURL, c.http.Timeout)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return graph.Wrap(graph.EUNAVAILABLE, err, "%s: cannot resolve host %s", rawURL, dns.Name)
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return graph.Wrap(graph.EUNAVAILABLE, err, "%s: cannot connect", rawURL)
	}
	return graph.Wrap(graph.EUNAVAILABLE, err, "%s: connection failed", rawURL)
}

// retryAfterOf reads a Retry-After header given in seconds; dates and
// nonsense count as no preference.
func retryAfterOf(h string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(h))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}

// Remember keeps r's validators so the next Get of its URL is conditional.
// Callers remember a response only once what they made of it is safely
// stored: a page remembered but not ingested would never be fetched whole
// again.
func (c *Client) Remember(r *Response) {
	if r == nil || r.NotModified || (r.etag == "" && r.lastModified == "") {
		return
	}
	c.cache.put(r.URL, validators{ETag: r.etag, LastModified: r.lastModified})
}

// Forget drops the validators of rawURL, so its next Get is whole.
func (c *Client) Forget(rawURL string) { c.cache.del(rawURL) }

// Save writes the remembered validators to the Config's CacheFile, if any.
func (c *Client) Save() error { return c.cache.save() }
