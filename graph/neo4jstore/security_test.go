package neo4jstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/gen"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// injections are strings that would change the graph if any statement
// spliced a value into its Cypher text instead of passing it as a
// parameter.
var injections = []string{
	`x'}) DETACH DELETE n //`,
	`x"}) DETACH DELETE n //`,
	`x'}) MATCH (m) DETACH DELETE m RETURN 1 //`,
	"x`]->() DETACH DELETE r //",
	"`",
	`$param`,
	`$id`,
	`MATCH (n) DETACH DELETE n`,
	`') CALL apoc.periodic.iterate('MATCH (n) RETURN n','DETACH DELETE n',{}) //`,
	`'; CREATE (:Injected {by:'test'}) //`,
	`\'}) DETACH DELETE n //`,
	`*`,
	`{id:'x'}`,
	`person:x' OR 1=1 //`,
	"MEET|HOLDS_ROLE]-() DETACH DELETE n //",
	"\u0000",
}

// fingerprint is the graph's counts and a checksum of all of it (Dump, in
// key order).
func fingerprint(t *testing.T, s *neo4jstore.Store) (graph.Counts, string) {
	t.Helper()
	ctx := context.Background()
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if err := s.Dump(ctx, func(x graph.Extraction) error {
		b, err := json.Marshal(x)
		h.Write(b)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return c, hex.EncodeToString(h.Sum(nil))
}

// specParam is one parameter of one operation of the OpenAPI description.
type specParam struct {
	Name, In string
	Required bool
}

// specGets lists the GET operations under /v1 and their parameters, read
// from the description the server serves, so that an endpoint added later
// is attacked too.
func specGets(t *testing.T) map[string][]specParam {
	t.Helper()
	var spec struct {
		Paths      map[string]map[string]json.RawMessage
		Components struct {
			Parameters map[string]specParam
		}
	}
	if err := json.Unmarshal(api.OpenAPISpec(), &spec); err != nil {
		t.Fatal(err)
	}
	out := map[string][]specParam{}
	for path, ops := range spec.Paths {
		raw, ok := ops["get"]
		if !ok || !strings.HasPrefix(path, "/v1/") {
			continue
		}
		var op struct {
			Parameters []struct {
				Ref string `json:"$ref"`
				specParam
			}
		}
		if err := json.Unmarshal(raw, &op); err != nil {
			t.Fatal(err)
		}
		var ps []specParam
		for _, p := range op.Parameters {
			if p.Ref != "" {
				p.specParam = spec.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
			}
			if p.Name == "" {
				t.Fatalf("%s: a parameter the test cannot read", path)
			}
			ps = append(ps, p.specParam)
		}
		out[path] = ps
	}
	if len(out) < 8 {
		t.Fatalf("only %d GET operations in the description", len(out))
	}
	return out
}

// TestInjection sends Cypher-injection strings through every parameter of
// every GET endpoint of an api.Server over the real Neo4j store, each in a
// request that is otherwise valid (real entities at the other ends), and
// wants no 5xx and the graph exactly as it was.
func TestInjection(t *testing.T) {
	s := fresh(t)
	ctx := context.Background()
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var xs []graph.Extraction
	for _, a := range gen.Articles(gen.Options{Seed: 21}, 25) {
		e, err := x.Extract(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, e)
	}
	if _, err := s.Ingest(ctx, xs); err != nil {
		t.Fatal(err)
	}
	people, err := s.FindEntities(ctx, graph.EntityFilter{Types: []graph.EntityType{graph.Person}, Limit: 5})
	if err != nil || len(people) < 2 {
		t.Fatalf("fixture people: %v, %v", people, err)
	}
	page, err := s.Relations(ctx, graph.RelationQuery{Limit: 1})
	if err != nil || len(page.Relations) == 0 {
		t.Fatalf("fixture relations: %v", err)
	}
	wantCounts, wantSum := fingerprint(t, s)

	h := (&api.Server{Store: s}).Handler()
	a, b := people[0], people[1]
	// valid gives every parameter a value that reaches the store.
	valid := map[string]string{
		"id": a.ID, "entity": a.Name, "other": b.Name, "from": a.Name, "to": b.Name, "q": a.Name[:3],
	}
	ops := specGets(t)
	paths := make([]string, 0, len(ops))
	for p := range ops {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	sent := 0
	for _, path := range paths {
		params := ops[path]
		if path == "/v1/relations/{id}" {
			valid["id"] = page.Relations[0].ID
		} else {
			valid["id"] = a.ID
		}
		for _, target := range params {
			for _, inj := range injections {
				target, path := target, path
				q := url.Values{}
				for _, p := range params {
					v := valid[p.Name]
					if p.Name == target.Name {
						v = inj
					}
					if v == "" {
						continue
					}
					if p.In == "path" {
						path = strings.ReplaceAll(path, "{"+p.Name+"}", url.PathEscape(v))
						continue
					}
					q.Set(p.Name, v)
				}
				u := path + "?" + q.Encode()
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
				sent++
				if rec.Code >= 500 {
					t.Errorf("GET %s: %d %s", u, rec.Code, rec.Body)
				}
			}
		}
	}

	gotCounts, gotSum := fingerprint(t, s)
	t.Logf("%d injection requests over %d endpoints", sent, len(ops))
	if gotCounts != wantCounts || gotSum != wantSum {
		t.Fatalf("the graph changed: %+v → %+v, checksum %s → %s", wantCounts, gotCounts, wantSum, gotSum)
	}

	// The same strings as the text and fields of posted articles are
	// stored as data: the graph grows by those articles and loses nothing.
	hw := (&api.Server{Store: s, Extractor: x}).Handler()
	posted := 0
	for i, inj := range injections {
		body, _ := json.Marshal(map[string]string{
			"id": inj, "url": "https://example.org/" + url.PathEscape(inj) + "/" + string(rune('a'+i)), "title": inj, "source": inj,
			"text": a.Name + " met " + b.Name + " in Muscat on Monday. " + inj + " said " + a.Name + ".",
		})
		rec := httptest.NewRecorder()
		hw.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/articles", bytes.NewReader(body)))
		switch {
		case rec.Code == http.StatusCreated:
			posted++
		case rec.Code >= 500:
			t.Errorf("POST an article with %q: %d %s", inj, rec.Code, rec.Body)
		}
	}
	t.Logf("%d articles posted with injections in every field", posted)
	after, _ := fingerprint(t, s)
	if posted == 0 {
		t.Fatal("no article with an injection was stored")
	}
	if after.Articles != wantCounts.Articles+posted || after.Entities < wantCounts.Entities || after.Relations < wantCounts.Relations {
		t.Errorf("after %d posts: %+v, before %+v", posted, after, wantCounts)
	}
}
