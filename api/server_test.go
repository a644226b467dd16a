package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
)

// panicExtractor is an Extractor whose Extract panics, to reach the
// recovery of a handler without a store.
type panicExtractor struct{}

func (panicExtractor) Extract(context.Context, graph.Article) (graph.Extraction, error) {
	panic("secret internals: /var/lib/db at 0xdeadbeef")
}

// response is a recorded answer.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// do sends one request to h and records the answer.
// Every answer is held against the OpenAPI description (checkSpec).
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header map[string]string) response {
	t.Helper()
	var raw []byte
	if body != nil {
		var err error
		if raw, err = io.ReadAll(body); err != nil {
			t.Fatal(err)
		}
	}
	req := httptest.NewRequest(method, target, bytes.NewReader(raw))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req.Clone(req.Context()))
	r := response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	checkSpec(t, req, raw, r)
	return r
}

// wantProblem checks that r is a problem document with the status, and
// returns it.
func wantProblem(t *testing.T, r response, status int) api.Problem {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status = %d, want %d; body %s", r.Status, status, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json; body %s", ct, r.Body)
	}
	var p api.Problem
	if err := json.Unmarshal(r.Body, &p); err != nil {
		t.Fatalf("body is not a problem document: %v; body %s", err, r.Body)
	}
	if p.Status != status {
		t.Errorf("problem status = %d, want %d", p.Status, status)
	}
	if p.Type != api.ProblemTypePrefix+p.Code || p.Code == "" {
		t.Errorf("problem type = %q with code %q, want %s<code>", p.Type, p.Code, api.ProblemTypePrefix)
	}
	if p.Title == "" || p.Detail == "" || p.Instance == "" {
		t.Errorf("problem lacks title, detail or instance: %+v", p)
	}
	return p
}

func TestServerWithoutStore(t *testing.T) {
	var logs bytes.Buffer
	s := &api.Server{
		Extractor:    panicExtractor{},
		Logger:       slog.New(slog.NewJSONHandler(&logs, nil)),
		MaxBodyBytes: 1024,
	}
	h := s.Handler()
	article := `{"id":"a1","url":"https://example.org/a1","title":"t","source":"s","published":"2026-01-02","text":"Alpha met Beta."}`
	tests := []struct {
		name   string
		method string
		target string
		body   string
		header map[string]string
		status int
		detail string // a part of the problem's detail
	}{
		{"health without store", "GET", "/healthz", "", nil, 503, "no store"},
		{"unknown path", "GET", "/v2/nothing", "", nil, 404, "/v2/nothing"},
		{"trailing slash is another path", "GET", "/v1/entities/", "", nil, 404, "no such endpoint"},
		{"wrong method", "DELETE", "/v1/articles", "", nil, 405, "POST"},
		{"unknown problem type", "GET", "/problems/nonsense", "", nil, 404, "nonsense"},
		{"malformed json", "POST", "/v1/articles", `{"text": "Alpha`, nil, 400, "not a JSON article"},
		{"not an object", "POST", "/v1/articles", `["text"]`, nil, 400, "want a JSON object"},
		{"text of wrong type", "POST", "/v1/articles", `{"text": 3}`, nil, 400, "field text"},
		{"empty body", "POST", "/v1/articles", ``, nil, 400, "empty"},
		{"two values", "POST", "/v1/articles", article + article, nil, 400, "more than one"},
		{"no text", "POST", "/v1/articles", `{"id":"x","text":"  "}`, nil, 400, "no text"},
		{"field in another case", "POST", "/v1/articles", `{"Text":"Alpha met Beta."}`, nil, 400, `"Text"`},
		{"invalid utf-8", "POST", "/v1/articles", "{\"text\":\"Alpha \xff met Beta.\"}", nil, 400, "UTF-8"},
		{"bad published", "POST", "/v1/articles", `{"text":"Alpha met Beta.","published":"2026-02-30"}`, nil, 400, "published"},
		{"not json", "POST", "/v1/articles", article, map[string]string{"Content-Type": "text/plain"}, 400, "Content-Type"},
		{"oversize body", "POST", "/v1/articles", `{"text":"` + strings.Repeat("a", 2000) + `"}`, nil, 413, "limit"},
		{"panic", "POST", "/v1/articles", article, nil, 500, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := wantProblem(t, do(t, h, tt.method, tt.target, strings.NewReader(tt.body), tt.header), tt.status)
			if !strings.Contains(p.Detail, tt.detail) {
				t.Errorf("detail = %q, want it to contain %q", p.Detail, tt.detail)
			}
			if strings.Contains(p.Detail, "secret") || strings.Contains(p.Detail, "deadbeef") {
				t.Errorf("detail shows internals: %q", p.Detail)
			}
		})
	}
	if !strings.Contains(logs.String(), "deadbeef") || !strings.Contains(logs.String(), `"status":500`) {
		t.Errorf("the panic was not logged with its value; log:\n%s", logs.String())
	}
}

func TestOversizeChunkedBody(t *testing.T) {
	s := &api.Server{Extractor: panicExtractor{}, MaxBodyBytes: 100}
	req := httptest.NewRequest("POST", "/v1/articles", strings.NewReader(`{"text":"`+strings.Repeat("a", 500)+`"}`))
	req.ContentLength = -1 // unknown length: the limit must hold while reading
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	wantProblem(t, response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}, 413)
}

func TestRequestID(t *testing.T) {
	h := (&api.Server{}).Handler()
	tests := []struct {
		name, given string
		kept        bool
	}{
		{"none", "", false},
		{"plain", "lb-1234.abcd", true},
		{"with spaces", "a b", false},
		{"too long", strings.Repeat("x", 65), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{}
			if tt.given != "" {
				hdr["X-Request-Id"] = tt.given
			}
			got := do(t, h, "GET", "/nothing", nil, hdr).Header.Get("X-Request-Id")
			if tt.kept && got != tt.given {
				t.Errorf("X-Request-Id = %q, want %q kept", got, tt.given)
			}
			if !tt.kept && (got == "" || got == tt.given) {
				t.Errorf("X-Request-Id = %q, want a new id", got)
			}
		})
	}
}

func TestMethodNotAllowedSaysAllow(t *testing.T) {
	s := &api.Server{}
	r := do(t, s.Handler(), "PUT", "/v1/entities", nil, nil)
	wantProblem(t, r, 405)
	if got := r.Header.Get("Allow"); got != "GET" {
		t.Errorf("Allow = %q, want GET", got)
	}
}

func TestToken(t *testing.T) {
	// The token is checked before the body is read, so a panicking
	// extractor shows whether a request got through.
	s := &api.Server{Extractor: panicExtractor{}, Token: "s3cret"}
	h := s.Handler()
	body := `{"text":"Alpha met Beta."}`
	tests := []struct {
		name   string
		auth   string
		status int
	}{
		{"missing", "", 401},
		{"other scheme", "Basic czNjcmV0", 401},
		{"bearer without token", "Bearer", 401},
		{"wrong token", "Bearer s3cre", 403},
		{"right token gets through", "Bearer s3cret", 500},
		{"scheme in any case", "bearer s3cret", 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{}
			if tt.auth != "" {
				hdr["Authorization"] = tt.auth
			}
			r := do(t, h, "POST", "/v1/articles", strings.NewReader(body), hdr)
			wantProblem(t, r, tt.status)
			if tt.status == 401 && !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer, got %q", r.Header.Get("WWW-Authenticate"))
			}
		})
	}
}

func TestProblemTypeIsDescribed(t *testing.T) {
	s := &api.Server{}
	r := do(t, s.Handler(), "GET", "/problems/conflict", nil, nil)
	if r.Status != 200 {
		t.Fatalf("status = %d; body %s", r.Status, r.Body)
	}
	var got struct {
		Code   string
		Status int
	}
	if err := json.Unmarshal(r.Body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Code != graph.ECONFLICT || got.Status != 409 {
		t.Errorf("got %+v, want conflict 409", got)
	}
}

func TestCORS(t *testing.T) {
	s := &api.Server{CORSOrigins: []string{"https://app.example"}}
	h := s.Handler()
	tests := []struct {
		name      string
		method    string
		origin    string
		preflight bool
		status    int
		allow     string
	}{
		{"preflight from allowed origin", "OPTIONS", "https://app.example", true, 204, "https://app.example"},
		{"preflight from other origin", "OPTIONS", "https://evil.example", true, 405, ""},
		{"simple request from allowed origin", "GET", "https://app.example", false, 404, "https://app.example"},
		{"simple request from other origin", "GET", "https://evil.example", false, 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{"Origin": tt.origin}
			if tt.preflight {
				hdr["Access-Control-Request-Method"] = "POST"
			}
			r := do(t, h, tt.method, "/v1/articles/nothing", nil, hdr)
			if tt.method == "OPTIONS" {
				r = do(t, h, tt.method, "/v1/articles", nil, hdr)
			}
			if r.Status != tt.status {
				t.Errorf("status = %d, want %d; body %s", r.Status, tt.status, r.Body)
			}
			if got := r.Header.Get("Access-Control-Allow-Origin"); got != tt.allow {
				t.Errorf("Access-Control-Allow-Origin = %q, want %q", got, tt.allow)
			}
			if tt.preflight && tt.status == 204 && !strings.Contains(r.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
				t.Errorf("preflight does not allow the Authorization header")
			}
		})
	}
}
