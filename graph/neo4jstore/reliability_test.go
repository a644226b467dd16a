package neo4jstore_test

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/gen"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loadtest"
)

// TestLoad is api's load test over the real Neo4j store: writers post
// generated articles through the real extractor while readers query every
// kind of endpoint, over loopback, for 5 s with 8 clients (60 s with 32
// under ACTORGRAPH_LONG_TESTS=1). No 5xx, no transport error, and every
// acknowledged article stored afterwards.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a load run; skipped with -short")
	}
	s := fresh(t)
	dur, clients := 5*time.Second, 8
	if os.Getenv("ACTORGRAPH_LONG_TESTS") == "1" {
		dur, clients = 60*time.Second, 32
	}
	ctx := context.Background()
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	articles := gen.Articles(gen.Options{Seed: 41}, 20000)
	warm := make([]graph.Extraction, 0, 10)
	for _, a := range articles[:10] {
		e, err := x.Extract(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		warm = append(warm, e)
	}
	if _, err := s.Ingest(ctx, warm); err != nil {
		t.Fatal(err)
	}
	people, err := s.FindEntities(ctx, graph.EntityFilter{Types: []graph.EntityType{graph.Person}, Limit: 20})
	if err != nil || len(people) < 2 {
		t.Fatalf("warm-up people: %d, %v", len(people), err)
	}
	const token = "load-token"
	// Configured as serve runs it: posts bounded by DefaultMaxWrites.
	srv := httptest.NewServer((&api.Server{Store: s, Extractor: x, Token: token, MaxWrites: api.DefaultMaxWrites}).Handler())
	defer srv.Close()
	res := loadtest.Soak(ctx, loadtest.SoakConfig{
		BaseURL: srv.URL, Token: token, Clients: clients, Writers: 4, Duration: dur,
		Articles: articles[len(warm):], Query: loadtest.APIQueries(people), Client: srv.Client(),
	})
	t.Logf("%d clients for %v on Neo4j: %v; %.0f req/s", clients, dur, res, res.RPS(dur))
	for _, f := range res.Failures {
		t.Errorf("failed: %s", f)
	}
	if len(res.Writes) == 0 || len(res.Reads) == 0 {
		t.Fatalf("no writes (%d) or no reads (%d) were answered", len(res.Writes), len(res.Reads))
	}
	for _, key := range res.Acked {
		if has, err := s.HasArticle(ctx, key); err != nil || !has {
			t.Errorf("acknowledged article %s is not stored (%v)", key, err)
		}
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != len(res.Acked)+len(warm) {
		t.Errorf("the store holds %d articles; %d were acknowledged (and %d before the run)", c.Articles, len(res.Acked), len(warm))
	}
}
