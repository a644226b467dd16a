package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/gin-gonic/gin"
)

// The spec, loaded and checked once for every test that validates an
// answer against it.
var spec struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

// xmlDecoder reads GraphML and GEXF bodies for the validator, which knows
// no XML: a body must be well-formed XML, and is then handed over as the
// string the spec's schema describes.
func xmlDecoder(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	b, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return string(b), nil
		} else if err != nil {
			return nil, fmt.Errorf("not well-formed XML: %w", err)
		}
	}
}

// textDecoder hands a text body (HTML, web assets) over as a string.
func textDecoder(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	b, err := io.ReadAll(body)
	return string(b), err
}

func loadSpec(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	spec.once.Do(func() {
		openapi3filter.RegisterBodyDecoder("application/graphml+xml", xmlDecoder)
		openapi3filter.RegisterBodyDecoder("application/gexf+xml", xmlDecoder)
		openapi3filter.RegisterBodyDecoder("text/html", textDecoder)
		openapi3filter.RegisterBodyDecoder("*/*", textDecoder)
		loader := openapi3.NewLoader()
		spec.doc, spec.err = loader.LoadFromData(api.OpenAPISpec())
		if spec.err != nil {
			return
		}
		if spec.err = spec.doc.Validate(loader.Context); spec.err != nil {
			return
		}
		spec.router, spec.err = legacy.NewRouter(spec.doc)
	})
	if spec.err != nil {
		t.Fatalf("api/openapi.json: %v", spec.err)
	}
	return spec.doc, spec.router
}

// checkSpec holds one recorded exchange against the spec: the answer must
// be one the spec describes for that operation and status (undocumented
// statuses fail), with a body matching its schema; a successful request
// must also be one the spec allows. A path the spec does not know must be
// answered with a problem document. do calls it for every request the
// tests make, so every answer any test sees is checked.
func checkSpec(t testing.TB, req *http.Request, body []byte, r response) {
	t.Helper()
	doc, router := loadSpec(t)
	ctx := context.Background()
	if req.Method == http.MethodOptions && req.Header.Get("Access-Control-Request-Method") != "" {
		// A CORS preflight is the browser's, answered by the middleware
		// for any path; OpenAPI does not describe those.
		return
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		// No such path, or no such method on it: a problem document.
		schema := doc.Components.Schemas["Problem"].Value
		var v any
		if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" || json.Unmarshal(r.Body, &v) != nil {
			t.Errorf("spec: %s %s is not in the spec and was answered %d %q, not a problem document", req.Method, req.URL, r.Status, ct)
			return
		}
		if err := schema.VisitJSON(v); err != nil {
			t.Errorf("spec: %s %s: the problem document does not match the spec: %v", req.Method, req.URL, err)
		}
		return
	}
	in := &openapi3filter.RequestValidationInput{
		Request:    req.Clone(ctx),
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	}
	in.Request.Body = io.NopCloser(bytes.NewReader(body))
	if len(body) > 0 && in.Request.Header.Get("Content-Type") == "" {
		// The server reads a body without a Content-Type as JSON (the
		// spec says so); the validator needs to be told.
		in.Request.Header.Set("Content-Type", "application/json")
	}
	if r.Status < 300 {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			t.Errorf("spec: %s %s succeeded (%d), but the spec does not allow the request: %v", req.Method, req.URL, r.Status, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 r.Status,
		Header:                 r.Header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	out.SetBodyBytes(r.Body)
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		b := string(r.Body)
		if len(b) > 300 {
			b = b[:300] + "…"
		}
		t.Errorf("spec: %s %s answered %d does not match the spec: %v\nbody: %s", req.Method, req.URL, r.Status, err, b)
	}
}

// TestOpenAPIServed checks that the server serves the spec it embeds and
// that the spec is a valid OpenAPI 3 document.
func TestOpenAPIServed(t *testing.T) {
	loadSpec(t)
	h := (&api.Server{Store: openStore(t)}).Handler()
	var got map[string]any
	getJSON(t, h, "/v1/openapi.json", &got)
	if got["openapi"] != "3.0.3" {
		t.Errorf("openapi = %v, want 3.0.3", got["openapi"])
	}
	checkBad(t, h, []badRequest{{"/v1/openapi.json?pretty=1", 400, "pretty"}})
}

// TestOpenAPIRoutes checks that the spec and the router agree: every
// route the server serves is described, with the same method, and the
// spec describes no route the server lacks.
func TestOpenAPIRoutes(t *testing.T) {
	doc, _ := loadSpec(t)
	engine, ok := (&api.Server{}).Handler().(*gin.Engine)
	if !ok {
		t.Skip("Handler is not a *gin.Engine; routes cannot be listed")
	}
	var served []string
	for _, r := range engine.Routes() {
		parts := strings.Split(r.Path, "/")
		for i, p := range parts {
			if strings.HasPrefix(p, ":") || strings.HasPrefix(p, "*") {
				parts[i] = "{" + p[1:] + "}"
			}
		}
		served = append(served, r.Method+" "+strings.Join(parts, "/"))
	}
	var described []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			described = append(described, method+" "+path)
		}
	}
	sort.Strings(served)
	sort.Strings(described)
	if !slices.Equal(served, described) {
		t.Errorf("routes served:\n  %s\nroutes described:\n  %s", strings.Join(served, "\n  "), strings.Join(described, "\n  "))
	}
}

// TestOpenAPIEveryEndpoint sends every endpoint a good request and bad
// ones, over the path fixture, and holds each answer against the spec
// (through do). The statuses are checked here; the shapes by the spec.
func TestOpenAPIEveryEndpoint(t *testing.T) {
	st := openStore(t)
	if _, err := st.Ingest(t.Context(), graphtest.PathFixture()); err != nil {
		t.Fatal(err)
	}
	h := (&api.Server{Store: st, Extractor: testScripts, Token: testToken}).Handler()
	var rel api.RelationsResponse
	getJSON(t, h, "/v1/relations?limit=1", &rel)
	if len(rel.Relations) != 1 {
		t.Fatal("no relation to ask for")
	}
	alpha := country("Alpha")
	tests := []struct {
		method, target string
		status         int
	}{
		{"GET", "/healthz", 200},
		{"HEAD", "/healthz", 200},
		{"GET", "/problems/not_found", 200},
		{"GET", "/problems/nonsense", 404},
		{"GET", "/v1/openapi.json", 200},
		{"GET", "/v1/openapi.json?x=1", 400},
		{"GET", "/v1/entities?q=Alpha&type=country&limit=5", 200},
		{"GET", "/v1/entities?q=Alpah", 200},
		{"GET", "/v1/entities?limit=0", 400},
		{"GET", "/v1/entities/" + alpha, 200},
		{"GET", "/v1/entities/country:nowhere", 404},
		{"GET", "/v1/entities/" + alpha + "/relations?type=MEET,COMMUNICATE&limit=1", 200},
		{"GET", "/v1/entities/" + alpha + "/relations?other=Bravo&include_negated=true", 200},
		{"GET", "/v1/entities/" + alpha + "/relations?limit=x", 400},
		{"GET", "/v1/entities/country:nowhere/relations", 404},
		{"GET", "/v1/entities/" + alpha + "/neighborhood?depth=3&limit=5", 200},
		{"GET", "/v1/entities/" + alpha + "/neighborhood?evidence=true&structural=false", 200},
		{"GET", "/v1/entities/" + alpha + "/neighborhood?depth=0", 400},
		{"GET", "/v1/entities/" + alpha + "/neighborhood?depth=4", 400},
		{"GET", "/v1/entities/country:nowhere/neighborhood", 404},
		{"GET", "/v1/relations?type=MEET&from_date=2025&to_date=2025-02-01&min_confidence=0.5&min_support=1&source=Capital+Wire", 200},
		{"GET", "/v1/relations?limit=2", 200},
		{"GET", "/v1/relations?entity=Alpha&other=Bravo&exclude_type=COMMUNICATE", 200},
		{"GET", "/v1/relations?from_date=2025-02&to_date=2025-01", 400},
		{"GET", "/v1/relations?entity=Nowhere", 404},
		{"GET", "/v1/relations/" + rel.Relations[0].ID, 200},
		{"GET", "/v1/relations/rel:0000", 404},
		{"GET", "/v1/paths?from=Alpha&to=Hotel&k=3&via_hops=true&max_hops=5&limit=2", 200},
		{"GET", "/v1/paths?from=Alpha&to=Golf&via_hops=true", 200},
		{"GET", "/v1/paths?from=Alpha&to=Delta&from_date=2030", 200},
		{"GET", "/v1/paths?from=Alpha&to=Delta&max_hops=7", 400},
		{"GET", "/v1/paths?from=Alpha&to=Nowhere", 404},
		{"GET", "/v1/timeline?entity=Alpha", 200},
		{"GET", "/v1/timeline?entity=Alpha&other=Bravo&format=csv", 200},
		{"GET", "/v1/timeline?format=timelinejs&type=MEET", 200},
		{"GET", "/v1/timeline?format=vis&include_negated=true", 200},
		{"GET", "/v1/timeline?format=json", 200},
		{"GET", "/v1/timeline?format=pdf", 400},
		{"GET", "/v1/timeline?entity=Nowhere", 404},
		{"GET", "/v1/export?format=cytoscape", 200},
		{"GET", "/v1/export?format=d3&entity=Alpha&depth=2", 200},
		{"GET", "/v1/export?format=graphml&type=MEET", 200},
		{"GET", "/v1/export?format=gexf&entity=Alpha&limit=1", 200},
		{"GET", "/v1/export?format=svg", 400},
		{"GET", "/v1/export?format=gexf&entity=Nowhere", 404},
		{"DELETE", "/v1/relations", 405},
		{"GET", "/v2/nothing", 404},
	}
	for _, f := range export.GraphFormats() {
		tests = append(tests, struct {
			method, target string
			status         int
		}{"GET", "/v1/export?format=" + string(f) + "&entity=Delta&include_negated=true", 200})
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			if r := do(t, h, tt.method, tt.target, nil, nil); r.Status != tt.status {
				t.Errorf("status %d, want %d; body %.300s", r.Status, tt.status, r.Body)
			}
		})
	}
	t.Run("POST /v1/articles", func(t *testing.T) {
		for _, tt := range []struct {
			body, auth string
			status     int
		}{
			{`{"id":"talks","url":"https://example.org/t","published":"2026-03-02","text":` + quote(textTalks) + `}`, "Bearer " + testToken, 201},
			{`{"id":"talks","url":"https://example.org/t","published":"2026-03-02","text":` + quote(textTalks) + `}`, "Bearer " + testToken, 200},
			{`{"id":"talks","text":"x"}`, "", 401},
			{`{"id":"talks","text":"x"}`, "Bearer nope", 403},
			{`{"id":"talks",`, "Bearer " + testToken, 400},
		} {
			hdr := map[string]string{"Content-Type": "application/json"}
			if tt.auth != "" {
				hdr["Authorization"] = tt.auth
			}
			if r := do(t, h, "POST", "/v1/articles", strings.NewReader(tt.body), hdr); r.Status != tt.status {
				t.Errorf("status %d, want %d; body %.300s", r.Status, tt.status, r.Body)
			}
		}
	})
}

// TestOpenAPIProblemCodes checks that the spec's list of problem codes is
// the server's table: each code the spec names is described at
// /problems/{code} with the status the spec's responses give it.
func TestOpenAPIProblemCodes(t *testing.T) {
	doc, _ := loadSpec(t)
	h := (&api.Server{}).Handler()
	enum := doc.Components.Schemas["Problem"].Value.Properties["code"].Value.Enum
	if len(enum) == 0 {
		t.Fatal("the spec lists no problem codes")
	}
	seen := map[int]bool{}
	for _, v := range enum {
		code := v.(string)
		var got struct {
			Code   string `json:"code"`
			Status int    `json:"status"`
		}
		getJSON(t, h, "/problems/"+code, &got)
		if got.Code != code || got.Status < 400 {
			t.Errorf("/problems/%s = %+v", code, got)
		}
		seen[got.Status] = true
	}
	// Every status the spec's shared problem responses stand for is one a
	// code maps to.
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for status, resp := range op.Responses.Map() {
				if resp.Ref == "" {
					continue
				}
				var n int
				if _, err := fmt.Sscanf(status, "%d", &n); err != nil || !seen[n] {
					t.Errorf("%s %s: status %s (%s) is no problem code's status", method, path, status, resp.Ref)
				}
			}
		}
	}
}

// TestOpenAPIParameters checks that every endpoint documents exactly the
// query parameters it reads. An unknown parameter is refused with a
// message listing those the handler read ("this endpoint takes: ..."), so
// sending one to each operation shows what the handler knows.
func TestOpenAPIParameters(t *testing.T) {
	doc, _ := loadSpec(t)
	h := fixtureServer(t, graphtest.PathFixture())
	fill := strings.NewReplacer("{id}", country("Alpha"))
	required := map[string]string{"from": "Alpha", "to": "Bravo", "format": "d3"}
	for path, item := range doc.Paths.Map() {
		op := item.Get
		if op == nil || !strings.HasPrefix(path, "/v1/") {
			continue // the web page, /healthz and /problems read no query
		}
		t.Run(path, func(t *testing.T) {
			var documented []string
			query := url.Values{"zz_not_a_parameter": {"1"}}
			for _, p := range append(append(openapi3.Parameters{}, item.Parameters...), op.Parameters...) {
				if p.Value.In == openapi3.ParameterInQuery {
					documented = append(documented, p.Value.Name)
					if p.Value.Required {
						// A required parameter is checked before unknown ones.
						query.Set(p.Value.Name, required[p.Value.Name])
					}
				}
			}
			r := do(t, h, "GET", fill.Replace(path)+"?"+query.Encode(), nil, nil)
			p := wantProblem(t, r, 400)
			_, list, ok := strings.Cut(p.Detail, "this endpoint takes: ")
			if !ok {
				t.Fatalf("detail %q does not list the parameters", p.Detail)
			}
			read := []string{}
			for _, name := range strings.Split(strings.TrimSuffix(list, ")"), ", ") {
				if name != "" {
					read = append(read, name)
				}
			}
			if !slices.Equal(sorted(read), sorted(documented)) {
				t.Errorf("the handler reads %v, the spec documents %v", sorted(read), sorted(documented))
			}
		})
	}
}
