package loadtest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
	"github.com/actorgraph/actorgraph/loadtest"
)

// BenchmarkAPI puts the HTTP API under load on loopback: ACTORGRAPH_BENCH_CONNS
// connections (default 32) for ACTORGRAPH_BENCH_API_DURATION (default 1s)
// per endpoint, against the server at ACTORGRAPH_BENCH_API_URL when set
// (scripts/bench starts `actorgraph serve` on a large graph), else against
// an in-process server over a SQLite store of a generated graph of
// ACTORGRAPH_BENCH_API_RELATIONS relations (default 2000). Requests go to
// /v1/paths between random entities (max_hops=4) and to /v1/entities?q=
// with whole names and name prefixes, after one untimed request of each
// kind. It reports errors (any failure or
// status other than 200; the target is none) and, among them, client
// timeouts after 30 s, without failing: a slow answer is a figure, not a
// broken test.
//
// paths-latency is the latency of one path query at a time through HTTP
// (one connection, ACTORGRAPH_BENCH_API_LATENCY_QUERIES requests, default
// 200): what an analyst waits for, as opposed to the saturated server of
// the 32-connection runs, whose latency is mostly queueing (by Little's
// law, 32 connections at R requests a second wait 32/R on average).
func BenchmarkAPI(b *testing.B) {
	base := os.Getenv("ACTORGRAPH_BENCH_API_URL")
	if base == "" {
		base = localServer(b)
	}
	base = strings.TrimSuffix(base, "/")
	ents := entities(b, base)
	r := rand.New(rand.NewPCG(3, 3))
	var paths, search []string
	for range 2000 {
		from, to := ents[r.IntN(len(ents))], ents[r.IntN(len(ents))]
		if from.ID == to.ID {
			continue
		}
		paths = append(paths, base+"/v1/paths?max_hops=4&from="+url.QueryEscape(from.ID)+"&to="+url.QueryEscape(to.ID))
		q := from.Name
		if r.IntN(2) == 0 {
			q = q[:min(len(q), 4)]
		}
		search = append(search, base+"/v1/entities?q="+url.QueryEscape(q))
	}
	// The first query of a server may build caches (SQLite's path index):
	// warm up with one request of each kind, outside the timings, so the
	// figures are the steady state.
	warm := &http.Client{Timeout: 10 * time.Minute}
	for _, u := range []string{paths[0], search[0]} {
		resp, err := warm.Get(u)
		if err != nil {
			b.Fatalf("warming up: %v", err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	conns := loadtest.Size("CONNS", 32)
	d := loadtest.Duration("API_DURATION", time.Second)
	for _, c := range []struct {
		name    string
		targets []string
		conns   int
	}{{"paths", paths, conns}, {"entities", search, conns}, {"paths-latency", paths[:min(len(paths), loadtest.Size("API_LATENCY_QUERIES", 200))], 1}} {
		b.Run(c.name, func(b *testing.B) {
			cfg := loadtest.Config{Targets: c.targets, Conns: c.conns, Duration: d}
			if c.conns == 1 {
				cfg = loadtest.Config{Targets: c.targets, Conns: 1, Requests: len(c.targets)}
			}
			var all loadtest.Result
			for b.Loop() {
				res, err := loadtest.Run(context.Background(), cfg)
				if err != nil {
					b.Fatal(err)
				}
				all.Requests += res.Requests
				all.Errors += res.Errors
				all.Timeouts += res.Timeouts
				all.Elapsed += res.Elapsed
				all.Latencies = append(all.Latencies, res.Latencies...)
				if all.FirstError == "" {
					all.FirstError = res.FirstError
				}
			}
			b.ReportMetric(all.RPS(), "req/s")
			all.Latencies.Report(b)
			b.ReportMetric(float64(all.Errors), "errors")
			b.ReportMetric(float64(all.Timeouts), "timeouts")
			b.ReportMetric(float64(cfg.Conns), "conns")
			if all.Errors > 0 {
				b.Logf("%d of %d requests failed (%d timed out); first: %s", all.Errors, all.Requests, all.Timeouts, all.FirstError)
			}
		})
	}
}

// localServer serves a generated graph from a fresh SQLite store.
func localServer(b *testing.B) string {
	b.Helper()
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "api.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rels := loadtest.Size("API_RELATIONS", 2000)
	if _, err := loadtest.NewGraph(5, max(rels/5, 50), rels).Load(ctx, s, 100); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer((&api.Server{Store: s}).Handler())
	b.Cleanup(srv.Close)
	return srv.URL
}

type entity struct{ ID, Name string }

// entities asks the server for up to a thousand of its entities.
func entities(b *testing.B, base string) []entity {
	b.Helper()
	resp, err := http.Get(base + "/v1/entities?limit=1000")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct{ Entities []entity }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("listing entities: status %d, %v", resp.StatusCode, err)
	}
	if len(body.Entities) < 2 {
		b.Fatalf("the server at %s has %d entities; load it first", base, len(body.Entities))
	}
	fmt.Fprintf(os.Stderr, "BenchmarkAPI: %d entities from %s\n", len(body.Entities), base)
	return body.Entities
}
