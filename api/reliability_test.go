package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/gen"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loadtest"
)

// longTests reports whether the long variants were asked for
// (ACTORGRAPH_LONG_TESTS=1).
func longTests() bool { return os.Getenv("ACTORGRAPH_LONG_TESTS") == "1" }

// TestLoad runs writers posting generated articles through the real
// extractor and readers querying every kind of endpoint, concurrently, over
// a real loopback connection, for a bounded time: 5 s with 8 clients, or 60
// s with 32 under ACTORGRAPH_LONG_TESTS=1. No answer may be a 5xx, and
// every article the server acknowledged must be stored afterwards.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a load run; skipped with -short")
	}
	dur, clients := 5*time.Second, 8
	if longTests() {
		dur, clients = 60*time.Second, 32
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	s := &api.Server{Store: st, Extractor: x, Token: testToken}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = clients
	client.Timeout = 2 * time.Minute

	// A few articles first, so that readers have names to ask about.
	articles := gen.Articles(gen.Options{Seed: 11}, 20000)
	var next atomic.Int64
	post := func(ctx context.Context) (int, string, error) {
		a := articles[int(next.Add(1)-1)%len(articles)]
		body, _ := json.Marshal(a)
		req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/v1/articles", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, a.Key(), nil
	}
	for range 10 {
		if status, _, err := post(context.Background()); err != nil || status != http.StatusCreated {
			t.Fatalf("warm-up post: %d %v", status, err)
		}
	}
	var names []string
	var found struct {
		Entities []graph.Entity `json:"entities"`
	}
	getJSON(t, s.Handler(), "/v1/entities?type=person&limit=20", &found)
	for _, e := range found.Entities {
		names = append(names, e.Name)
	}
	if len(names) < 2 {
		t.Fatalf("the warm-up articles gave %d people", len(names))
	}
	queries := func(i int) string {
		a, b := url.QueryEscape(names[i%len(names)]), url.QueryEscape(names[(i*7+1)%len(names)])
		switch i % 6 {
		case 0:
			return "/v1/entities?q=" + a[:min(len(a), 3)]
		case 1:
			return "/v1/relations?entity=" + a + "&limit=50"
		case 2:
			return "/v1/paths?from=" + a + "&to=" + b + "&max_hops=4"
		case 3:
			return "/v1/timeline?entity=" + a
		case 4:
			return "/v1/entities/" + url.PathEscape(graph.EntityID(graph.Person, names[i%len(names)])) + "/neighborhood"
		default:
			return "/healthz"
		}
	}

	var (
		mu        sync.Mutex
		acked     = map[string]bool{}
		writeLat  loadtest.Latencies
		readLat   loadtest.Latencies
		fivexx    []string
		errs      []error
		statusHit = map[int]int{}
	)
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i += clients {
				start := time.Now()
				var status int
				var what string
				var err error
				write := c%4 == 0 // a quarter of the clients write
				if write {
					// Writes are not cut by the run's end: an
					// acknowledged write must be a whole one.
					var key string
					status, key, err = post(context.Background())
					what = "POST /v1/articles " + key
					if err == nil && (status == http.StatusCreated || status == http.StatusOK) {
						mu.Lock()
						acked[key] = true
						mu.Unlock()
					}
				} else {
					what = "GET " + queries(i)
					var resp *http.Response
					resp, err = client.Get(srv.URL + queries(i))
					if err == nil {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						status = resp.StatusCode
					}
				}
				took := time.Since(start)
				mu.Lock()
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", what, err))
				} else {
					statusHit[status]++
					if status >= 500 {
						fivexx = append(fivexx, fmt.Sprintf("%s: %d", what, status))
					}
					if write {
						writeLat = append(writeLat, took)
					} else {
						readLat = append(readLat, took)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	t.Logf("%d clients for %v: %d writes (p50 %v, p99 %v), %d reads (p50 %v, p99 %v), %.0f req/s; statuses %v",
		clients, dur, len(writeLat), writeLat.Percentile(50).Round(time.Millisecond), writeLat.Percentile(99).Round(time.Millisecond),
		len(readLat), readLat.Percentile(50).Round(time.Millisecond), readLat.Percentile(99).Round(time.Millisecond),
		float64(len(writeLat)+len(readLat))/dur.Seconds(), statusHit)
	for _, e := range errs[:min(len(errs), 10)] {
		t.Errorf("transport error: %v", e)
	}
	if len(fivexx) > 0 {
		t.Errorf("%d answers were 5xx, e.g. %v", len(fivexx), fivexx[:min(len(fivexx), 10)])
	}
	if len(writeLat) == 0 || len(readLat) == 0 {
		t.Fatalf("no writes (%d) or no reads (%d) were answered", len(writeLat), len(readLat))
	}
	checker := st.(graph.ArticleChecker)
	missing := 0
	for key := range acked {
		has, err := checker.HasArticle(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		if !has {
			missing++
		}
	}
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged articles are not stored", missing, len(acked))
	}
	if c.Articles != len(acked)+10 && int(next.Load()) <= len(articles) {
		t.Errorf("the store holds %d articles; %d were acknowledged (and 10 before the run)", c.Articles, len(acked))
	}
}
