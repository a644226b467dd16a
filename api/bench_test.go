package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// corpusServer posts every dev corpus article through the real extractor
// into a fresh store, or skips when ../shared is not there.
func corpusServer(b testing.TB) http.Handler {
	b.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		b.Skipf("no dev corpus at %s", dir)
	}
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	s := &api.Server{Store: openStore(b), Extractor: x}
	h := s.Handler()
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var a map[string]any
		if err := json.Unmarshal(raw, &a); err != nil {
			b.Fatal(err)
		}
		delete(a, "gold")
		body, _ := json.Marshal(a)
		if r := do(b, h, "POST", "/v1/articles", bytes.NewReader(body), nil); r.Status != http.StatusCreated {
			b.Fatalf("posting %s: %d %s", f, r.Status, r.Body)
		}
	}
	return h
}

// BenchmarkQueries measures whole requests, routing, parameter parsing,
// the store and encoding, over the dev corpus.
func BenchmarkQueries(b *testing.B) {
	h := corpusServer(b)
	for _, bb := range []struct{ name, target string }{
		{"relations", "/v1/relations?limit=1000&include_negated=true"},
		{"entities", "/v1/entities?q=iran"},
		{"paths", "/v1/paths?from=Iran&to=United+States&k=5"},
		{"timeline", "/v1/timeline?entity=Iran"},
		{"timeline_csv", "/v1/timeline?entity=Iran&format=csv"},
		{"near_miss", "/v1/entities?q=Araqchi"},
		{"neighborhood", "/v1/entities/country:iran/neighborhood?depth=2&limit=2000"},
		{"export_graphml", "/v1/export?format=graphml&include_negated=true"},
		{"export_d3_entity", "/v1/export?format=d3&entity=Iran&depth=2"},
	} {
		target := bb.target
		b.Run(bb.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", target, nil)
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkNearMiss measures a misspelt search over a large synthetic
// graph whose names all share their first letters ("Actor 04217"), the
// worst case for finding candidates by stems: the work stays bounded by
// nearCandidates per stem however many entities match a stem.
func BenchmarkNearMiss(b *testing.B) {
	st := openStore(b)
	if _, err := st.Ingest(b.Context(), graphtest.Generate(1, 10000, 20000)); err != nil {
		b.Fatal(err)
	}
	h := (&api.Server{Store: st}).Handler()
	for _, bb := range []struct{ name, target, want string }{
		{"match", "/v1/entities?q=Actor+00042", `"id":"`},
		{"near_miss", "/v1/entities?q=Actr+00042", `"near_misses":["`},
	} {
		req := httptest.NewRequest("GET", bb.target, nil)
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte(bb.want)) {
					b.Fatalf("status %d: %.300s", rec.Code, rec.Body)
				}
			}
		})
	}
}
