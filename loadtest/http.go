package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Config is a load run: Conns workers, each with its own connection, send
// GET requests to Targets one after another for Duration.
type Config struct {
	Targets  []string // absolute URLs; worker w starts at Targets[w%len]
	Conns    int
	Duration time.Duration
	// Timeout bounds one request; zero means 30 seconds. A request over
	// it is an error.
	Timeout time.Duration
	// Requests, when positive, ends the run after that many requests in
	// all, each target in turn; Duration may then be zero (no time limit).
	Requests int
}

// Result sums up a load run. An error is a failed request or any status
// other than 200; Timeouts counts the errors that were the client giving
// up after Config.Timeout.
type Result struct {
	Requests   int
	Errors     int
	Timeouts   int
	FirstError string
	Elapsed    time.Duration
	Latencies  Latencies
}

// RPS is the rate of requests answered, errors included.
func (r Result) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// Run sends load until the duration is over or ctx is done, and waits for
// the requests in flight.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if len(cfg.Targets) == 0 || cfg.Conns <= 0 || (cfg.Duration <= 0 && cfg.Requests <= 0) {
		return Result{}, fmt.Errorf("loadtest: want targets, connections and a duration or a request count, got %d, %d, %v, %d", len(cfg.Targets), cfg.Conns, cfg.Duration, cfg.Requests)
	}
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	client := &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			MaxIdleConns:        cfg.Conns,
			MaxIdleConnsPerHost: cfg.Conns,
			MaxConnsPerHost:     cfg.Conns,
			IdleConnTimeout:     time.Minute,
		},
	}
	defer client.CloseIdleConnections()
	cancel := func() {}
	if cfg.Duration > 0 {
		ctx, cancel = context.WithTimeout(ctx, cfg.Duration)
	}
	defer cancel()
	var sent atomic.Int64

	var (
		mu  sync.Mutex
		res Result
		wg  sync.WaitGroup
	)
	start := time.Now()
	for w := range cfg.Conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat Latencies
			var errs, timeouts int
			var first string
			for i := w; ctx.Err() == nil; i++ {
				if cfg.Requests > 0 {
					n := int(sent.Add(1))
					if n > cfg.Requests {
						break
					}
					i = n - 1
				}
				t0 := time.Now()
				// Requests do not take ctx: one in flight at the end
				// finishes and counts, as a real client's would.
				err := get(client, cfg.Targets[i%len(cfg.Targets)])
				lat = append(lat, time.Since(t0))
				if err != nil {
					errs++
					if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
						timeouts++
					}
					if first == "" {
						first = err.Error()
					}
				}
			}
			mu.Lock()
			res.Latencies = append(res.Latencies, lat...)
			res.Errors += errs
			res.Timeouts += timeouts
			if res.FirstError == "" {
				res.FirstError = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.Requests = len(res.Latencies)
	return res, nil
}

// get runs one request and reads the whole answer, as a client would.
func get(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return fmt.Errorf("GET %s: reading the answer: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return nil
}
