package fetch_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/fetch"
	"github.com/actorgraph/actorgraph/graph"
)

// quick is a Config that keeps tests short: a small timeout, fast retries
// and no politeness delay.
func quick() fetch.Config {
	return fetch.Config{Timeout: 300 * time.Millisecond, Retries: 2, Backoff: 10 * time.Millisecond, HostDelay: -1, MaxBytes: 1 << 10}
}

func newClient(t *testing.T, cfg fetch.Config) *fetch.Client {
	t.Helper()
	c, err := fetch.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGet(t *testing.T) {
	var hits sync.Map // path → *atomic.Int32
	count := func(p string) int {
		v, ok := hits.Load(p)
		if !ok {
			return 0
		}
		return int(v.(*atomic.Int32).Load())
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("agent=" + r.Header.Get("User-Agent")))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if count("/flaky") <= 2 { // counted already: fail the first two
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("third time lucky"))
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if count("/busy") == 1 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("now then"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat("x", 4<<10))) })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Counted before answering, so a client that hangs up early (as
		// on a body over the cap) is still seen.
		v, _ := hits.LoadOrStore(r.URL.Path, new(atomic.Int32))
		v.(*atomic.Int32).Add(1)
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	tests := []struct {
		path     string
		code     string // "" for success
		body     string
		inMsg    string
		requests int
	}{
		{path: "/ok", body: "agent=" + fetch.UserAgent("test"), requests: 1},
		{path: "/missing", code: graph.ENOTFOUND, inMsg: "404", requests: 1},
		{path: "/forbidden", code: graph.EINVALID, inMsg: "403", requests: 1},
		{path: "/broken", code: graph.EUNAVAILABLE, inMsg: "gave up after 3 tries", requests: 3},
		{path: "/flaky", body: "third time lucky", requests: 3},
		{path: "/busy", body: "now then", requests: 2},
		{path: "/slow", code: graph.EUNAVAILABLE, inMsg: "no answer within 300ms", requests: 3},
		{path: "/huge", code: graph.ETOOLARGE, inMsg: "limit", requests: 1},
	}
	cfg := quick()
	cfg.UserAgent = fetch.UserAgent("test")
	c := newClient(t, cfg)
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/"), func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL+tt.path)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
				if string(resp.Body) != tt.body {
					t.Errorf("body %q, want %q", resp.Body, tt.body)
				}
			} else {
				if got := graph.ErrorCode(err); got != tt.code {
					t.Fatalf("error %v has code %q, want %q", err, got, tt.code)
				}
				if msg := graph.ErrorMessage(err); !strings.Contains(msg, tt.inMsg) || !strings.Contains(msg, tt.path) {
					t.Errorf("message %q should name the URL and contain %q", msg, tt.inMsg)
				}
			}
			if n := count(tt.path); n != tt.requests {
				t.Errorf("server saw %d request(s), want %d", n, tt.requests)
			}
		})
	}
}

func TestGetRefusesNonHTTP(t *testing.T) {
	c := newClient(t, quick())
	for _, u := range []string{"ftp://example.org/x", "file:///etc/passwd", "http://", "not a url"} {
		if _, err := c.Get(context.Background(), u); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Get(%q) = %v, want EINVALID", u, err)
		}
	}
}

func TestConditional(t *testing.T) {
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		const etag = `"v1"`
		if r.Header.Get("If-None-Match") == etag {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", etag)
		w.Write([]byte("page"))
	}))
	defer srv.Close()
	cache := filepath.Join(t.TempDir(), "validators.json")
	cfg := quick()
	cfg.CacheFile = cache
	c := newClient(t, cfg)
	ctx := context.Background()

	r1, err := c.Get(ctx, srv.URL+"/a")
	if err != nil || r1.NotModified {
		t.Fatalf("first Get = %+v, %v; want the page", r1, err)
	}
	// Not remembered yet: the caller has not stored what it made of it.
	r2, err := c.Get(ctx, srv.URL+"/a")
	if err != nil || r2.NotModified {
		t.Fatalf("Get before Remember = %+v, %v; want the page again", r2, err)
	}
	c.Remember(r2)
	r3, err := c.Get(ctx, srv.URL+"/a")
	if err != nil || !r3.NotModified || r3.Body != nil {
		t.Fatalf("Get after Remember = %+v, %v; want not modified", r3, err)
	}
	if full.Load() != 2 || notModified.Load() != 1 {
		t.Errorf("server sent %d full answers and %d 304s, want 2 and 1", full.Load(), notModified.Load())
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}

	// A new client with the same cache file asks conditionally too.
	c2 := newClient(t, cfg)
	r4, err := c2.Get(ctx, srv.URL+"/a")
	if err != nil || !r4.NotModified {
		t.Fatalf("Get with a loaded cache = %+v, %v; want not modified", r4, err)
	}
	c2.Forget(srv.URL + "/a")
	if r5, err := c2.Get(ctx, srv.URL+"/a"); err != nil || r5.NotModified {
		t.Fatalf("Get after Forget = %+v, %v; want the page", r5, err)
	}

	if err := os.WriteFile(cache, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fetch.New(cfg); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("New with a corrupt cache = %v, want EINVALID", err)
	}
}

func TestHostDelay(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	// Requests are timed as they leave the client: that is what the delay
	// spaces, while arrival at the server jitters with connection set-up.
	var mu sync.Mutex
	var times []time.Time
	cfg := quick()
	cfg.HostDelay = 50 * time.Millisecond
	cfg.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		return http.DefaultTransport.RoundTrip(r)
	})
	c := newClient(t, cfg)
	start := time.Now()
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), srv.URL); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(times) != 3 {
		t.Fatalf("client sent %d requests, want 3", len(times))
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	// The slots booked are 50ms apart from the first, which is no earlier
	// than start; a request may leave late, never early.
	for i, at := range times {
		if d, least := at.Sub(start), time.Duration(i)*50*time.Millisecond; d < least {
			t.Errorf("request %d to the host left %s after the first Get, want at least %s", i, d, least)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	cfg := quick()
	cfg.Timeout = 10 * time.Second
	c := newClient(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Get(ctx, srv.URL)
	if err == nil || !strings.Contains(graph.ErrorMessage(err), "cancelled") {
		t.Errorf("Get with a cancelled context = %v, want a cancellation error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Get took %s after cancellation; it should stop at once", d)
	}
}
