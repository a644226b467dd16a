package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// SoakConfig is a mixed run of writes and reads against a running API.
type SoakConfig struct {
	// BaseURL is the API's address, e.g. http://127.0.0.1:8080.
	BaseURL string
	// Token is the write token, sent with every POST.
	Token string
	// Clients run concurrently; every Writers-th of them (from the first)
	// posts articles, the others read.
	Clients, Writers int
	// Duration bounds the run; writes in flight when it ends still finish,
	// since an acknowledged write must be a whole one.
	Duration time.Duration
	// Articles are posted in turn, from the first; the run wraps around
	// when it runs out, and those later posts are answered unchanged.
	Articles []graph.Article
	// Query returns the i-th read's path and query, e.g. "/v1/relations".
	Query func(i int) string
	// Client sends the requests; nil means a default client.
	Client *http.Client
}

// SoakResult is what a soak run saw.
type SoakResult struct {
	// Acked are the keys of the articles the server acknowledged (201 or
	// 200), each once.
	Acked []string
	// Posted is how many posts were made.
	Posted        int
	Writes, Reads Latencies
	// Statuses counts the answers by status code.
	Statuses map[int]int
	// Failures describe 5xx answers and transport errors, the first 20.
	Failures []string
	// Failed counts all 5xx answers and transport errors.
	Failed int
}

// RPS is the requests answered per second of d.
func (r SoakResult) RPS(d time.Duration) float64 {
	return float64(len(r.Writes)+len(r.Reads)) / d.Seconds()
}

// String sums the run up in one line, for a test's log.
func (r SoakResult) String() string {
	return fmt.Sprintf("%d writes (p50 %v, p99 %v), %d reads (p50 %v, p99 %v); statuses %v; %d failed",
		len(r.Writes), r.Writes.Percentile(50).Round(time.Millisecond), r.Writes.Percentile(99).Round(time.Millisecond),
		len(r.Reads), r.Reads.Percentile(50).Round(time.Millisecond), r.Reads.Percentile(99).Round(time.Millisecond),
		r.Statuses, r.Failed)
}

// Soak runs cfg until its Duration is over or ctx is done.
func Soak(ctx context.Context, cfg SoakConfig) SoakResult {
	client := cfg.Client
	if client == nil {
		client = &http.Client{Timeout: 2 * time.Minute}
	}
	writers := cfg.Writers
	if writers <= 0 {
		writers = 4
	}
	var (
		mu    sync.Mutex
		res   = SoakResult{Statuses: map[int]int{}}
		acked = map[string]bool{}
		next  atomic.Int64
	)
	record := func(write bool, what string, status int, err error, took time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil || status >= 500 {
			res.Failed++
			if len(res.Failures) < 20 {
				if err != nil {
					res.Failures = append(res.Failures, what+": "+err.Error())
				} else {
					res.Failures = append(res.Failures, fmt.Sprintf("%s: %d", what, status))
				}
			}
		}
		if err != nil {
			return
		}
		res.Statuses[status]++
		if write {
			res.Writes = append(res.Writes, took)
		} else {
			res.Reads = append(res.Reads, took)
		}
	}
	post := func() {
		if len(cfg.Articles) == 0 {
			return
		}
		a := cfg.Articles[int(next.Add(1)-1)%len(cfg.Articles)]
		body, err := json.Marshal(a)
		if err != nil {
			record(true, "POST "+a.Key(), 0, err, 0)
			return
		}
		req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), "POST", cfg.BaseURL+"/v1/articles", bytes.NewReader(body))
		if err != nil {
			record(true, "POST "+a.Key(), 0, err, 0)
			return
		}
		req.Header.Set("Content-Type", "application/json")
		if cfg.Token != "" {
			req.Header.Set("Authorization", "Bearer "+cfg.Token)
		}
		start := time.Now()
		status, err := soakDo(client, req)
		record(true, "POST /v1/articles "+a.Key(), status, err, time.Since(start))
		mu.Lock()
		res.Posted++
		if err == nil && (status == http.StatusCreated || status == http.StatusOK) && !acked[a.Key()] {
			acked[a.Key()] = true
			res.Acked = append(res.Acked, a.Key())
		}
		mu.Unlock()
	}
	read := func(ctx context.Context, i int) {
		target := cfg.Query(i)
		req, err := http.NewRequestWithContext(ctx, "GET", cfg.BaseURL+target, nil)
		if err != nil {
			record(false, "GET "+target, 0, err, 0)
			return
		}
		start := time.Now()
		status, err := soakDo(client, req)
		if ctx.Err() != nil {
			return // cut by the end of the run, not the server's fault
		}
		record(false, "GET "+target, status, err, time.Since(start))
	}

	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var wg sync.WaitGroup
	for c := range cfg.Clients {
		wg.Go(func() {
			for i := c; runCtx.Err() == nil; i += cfg.Clients {
				if c%writers == 0 {
					post()
				} else {
					read(runCtx, i)
				}
			}
		})
	}
	wg.Wait()
	return res
}

func soakDo(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// APIQueries returns the reads of a soak run: searches, relations, paths,
// timelines and neighbourhoods of the entities given (two or more), and
// health checks, in turn.
func APIQueries(entities []graph.Entity) func(int) string {
	return func(i int) string {
		a, b := entities[i%len(entities)], entities[(i*7+1)%len(entities)]
		switch i % 6 {
		case 0:
			return "/v1/entities?q=" + url.QueryEscape(a.Name[:min(len(a.Name), 3)])
		case 1:
			return "/v1/relations?entity=" + url.QueryEscape(a.ID) + "&limit=50"
		case 2:
			return "/v1/paths?from=" + url.QueryEscape(a.ID) + "&to=" + url.QueryEscape(b.ID) + "&max_hops=4"
		case 3:
			return "/v1/timeline?entity=" + url.QueryEscape(a.ID)
		case 4:
			return "/v1/entities/" + url.PathEscape(a.ID) + "/neighborhood"
		default:
			return "/healthz"
		}
	}
}
