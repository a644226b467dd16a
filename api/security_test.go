package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
)

// send makes one request from the client address remote and records the
// answer. Unlike do it does not hold the answer against the OpenAPI
// description, which lists each operation's own answers, not the 429 any of
// them can get.
func send(t *testing.T, h http.Handler, method, target, remote string, header map[string]string) response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.RemoteAddr = remote
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

func TestRateLimit(t *testing.T) {
	s := &api.Server{RateLimit: 0.01, RateBurst: 3}
	h := s.Handler()
	const client = "192.0.2.7:5000"
	for i := range 3 {
		if r := send(t, h, "GET", "/healthz", client, nil); r.Status == http.StatusTooManyRequests {
			t.Fatalf("request %d of a burst of 3 refused: %s", i+1, r.Body)
		}
	}
	r := send(t, h, "GET", "/healthz", client, nil)
	p := wantProblem(t, r, http.StatusTooManyRequests)
	if p.Code != api.ETOOMANYREQUESTS {
		t.Errorf("code = %q, want %q", p.Code, api.ETOOMANYREQUESTS)
	}
	secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > 101 {
		// One token every 100 s: the wait is at most that.
		t.Errorf("Retry-After = %q, want whole seconds in 1..101", r.Header.Get("Retry-After"))
	}

	t.Run("another client has its own bucket", func(t *testing.T) {
		if r := send(t, h, "GET", "/healthz", "198.51.100.9:6000", nil); r.Status == http.StatusTooManyRequests {
			t.Fatalf("a fresh client was refused: %s", r.Body)
		}
	})
	t.Run("another port is the same client", func(t *testing.T) {
		wantProblem(t, send(t, h, "GET", "/healthz", "192.0.2.7:5001", nil), http.StatusTooManyRequests)
	})
	t.Run("X-Forwarded-For from an untrusted peer is not believed", func(t *testing.T) {
		r := send(t, h, "GET", "/healthz", client, map[string]string{"X-Forwarded-For": "203.0.113.50"})
		wantProblem(t, r, http.StatusTooManyRequests)
	})
	t.Run("every endpoint is limited", func(t *testing.T) {
		for _, target := range []string{"/v1/entities?q=x", "/v1/relations", "/v1/openapi.json", "/nothing"} {
			wantProblem(t, send(t, h, "GET", target, client, nil), http.StatusTooManyRequests)
		}
	})
}

func TestRateLimitBehindTrustedProxy(t *testing.T) {
	s := &api.Server{RateLimit: 0.01, RateBurst: 1, TrustedProxies: []string{"10.0.0.1"}}
	h := s.Handler()
	const proxy = "10.0.0.1:4000"
	a := map[string]string{"X-Forwarded-For": "203.0.113.1"}
	b := map[string]string{"X-Forwarded-For": "203.0.113.2"}
	if r := send(t, h, "GET", "/healthz", proxy, a); r.Status == http.StatusTooManyRequests {
		t.Fatalf("first request of client a refused")
	}
	wantProblem(t, send(t, h, "GET", "/healthz", proxy, a), http.StatusTooManyRequests)
	if r := send(t, h, "GET", "/healthz", proxy, b); r.Status == http.StatusTooManyRequests {
		t.Fatalf("client b behind the same proxy shares a's bucket")
	}
}

func TestNoRateLimitByDefault(t *testing.T) {
	h := (&api.Server{}).Handler()
	for i := range 200 {
		if r := send(t, h, "GET", "/healthz", "192.0.2.1:1", nil); r.Status == http.StatusTooManyRequests {
			t.Fatalf("request %d refused without a RateLimit", i)
		}
	}
}

func TestReadToken(t *testing.T) {
	s := &api.Server{Store: openStore(t), Extractor: testScripts, Token: "writer", ReadToken: "reader"}
	h := s.Handler()
	tests := []struct {
		name, method, target, auth string
		status                     int
	}{
		{"read without token", "GET", "/v1/entities?q=Park", "", 401},
		{"read with wrong token", "GET", "/v1/relations", "Bearer nope", 403},
		{"read with read token", "GET", "/v1/entities?q=Park", "Bearer reader", 200},
		{"read with write token", "GET", "/v1/relations", "Bearer writer", 200},
		{"spec needs a token too", "GET", "/v1/openapi.json", "", 401},
		{"health stays open", "GET", "/healthz", "", 200},
		{"problem types stay open", "GET", "/problems/forbidden", "", 200},
		{"write with read token", "POST", "/v1/articles", "Bearer reader", 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{}
			if tt.auth != "" {
				hdr["Authorization"] = tt.auth
			}
			var r response
			if tt.method == "POST" {
				r = do(t, h, tt.method, tt.target, strings.NewReader(`{"id":"talks","text":"x"}`), hdr)
			} else {
				// 401 and 403 on reads are not in the spec's
				// operations, which describe a server without a
				// read token.
				r = send(t, h, tt.method, tt.target, "192.0.2.1:1", hdr)
			}
			if tt.status >= 400 {
				wantProblem(t, r, tt.status)
				return
			}
			if r.Status != tt.status {
				t.Fatalf("status = %d, want %d; body %s", r.Status, tt.status, r.Body)
			}
		})
	}
	t.Run("write with write token", func(t *testing.T) {
		a := testArticles[0]
		body, _ := json.Marshal(a)
		r := do(t, h, "POST", "/v1/articles", strings.NewReader(string(body)), map[string]string{"Authorization": "Bearer writer"})
		if r.Status != http.StatusCreated {
			t.Fatalf("status = %d; body %s", r.Status, r.Body)
		}
	})
}

// gateExtractor blocks every Extract until its gate is closed, then refuses
// the article.
type gateExtractor struct {
	entered chan struct{}
	gate    chan struct{}
}

func (x gateExtractor) Extract(ctx context.Context, _ graph.Article) (graph.Extraction, error) {
	x.entered <- struct{}{}
	<-x.gate
	return graph.Extraction{}, graph.Errorf(graph.EINVALID, "refused by the test")
}

func TestMaxWrites(t *testing.T) {
	x := gateExtractor{entered: make(chan struct{}, 4), gate: make(chan struct{})}
	h := (&api.Server{Extractor: x, MaxWrites: 1}).Handler()
	post := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/v1/articles", strings.NewReader(`{"text":"Alpha met Beta."}`))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	first := make(chan *httptest.ResponseRecorder, 1)
	go func() { first <- post() }()
	<-x.entered // the first post holds the only slot

	start := time.Now()
	rec := post()
	r := response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	p := wantProblem(t, r, http.StatusTooManyRequests)
	if p.Code != api.ETOOMANYREQUESTS || r.Header.Get("Retry-After") == "" {
		t.Errorf("code %q, Retry-After %q; want too_many_requests and a delay", p.Code, r.Header.Get("Retry-After"))
	}
	if waited := time.Since(start); waited > 10*time.Second {
		t.Errorf("the refused post waited %v", waited)
	}

	close(x.gate)
	if rec := <-first; rec.Code != http.StatusBadRequest {
		t.Fatalf("the first post: %d %s", rec.Code, rec.Body)
	}
	// The slot is free again.
	if rec := post(); rec.Code != http.StatusBadRequest {
		t.Errorf("a post after the first ended: %d %s, want it to reach the extractor", rec.Code, rec.Body)
	}
}
