package api_test

import (
	"context"
	"net/http"
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
	// Configured as serve runs it: posts bounded by DefaultMaxWrites.
	s := &api.Server{Store: st, Extractor: x, Token: testToken, MaxWrites: api.DefaultMaxWrites}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = clients
	client.Timeout = 2 * time.Minute

	// A few articles first, so that readers have names to ask about.
	articles := gen.Articles(gen.Options{Seed: 11}, 20000)
	warm := articles[:10]
	for _, a := range warm {
		if r := postArticle(t, s.Handler(), articleFields(a)); r.Status != http.StatusCreated {
			t.Fatalf("warm-up post: %d %s", r.Status, r.Body)
		}
	}
	var found struct {
		Entities []graph.Entity `json:"entities"`
	}
	getJSON(t, s.Handler(), "/v1/entities?type=person&limit=20", &found)
	if len(found.Entities) < 2 {
		t.Fatalf("the warm-up articles gave %d people", len(found.Entities))
	}
	res := loadtest.Soak(context.Background(), loadtest.SoakConfig{
		BaseURL: srv.URL, Token: testToken, Clients: clients, Writers: 4, Duration: dur,
		Articles: articles[len(warm):], Query: loadtest.APIQueries(found.Entities), Client: client,
	})
	t.Logf("%d clients for %v: %v; %.0f req/s", clients, dur, res, res.RPS(dur))
	for _, f := range res.Failures {
		t.Errorf("failed: %s", f)
	}
	if len(res.Writes) == 0 || len(res.Reads) == 0 {
		t.Fatalf("no writes (%d) or no reads (%d) were answered", len(res.Writes), len(res.Reads))
	}
	checker := st.(graph.ArticleChecker)
	missing := 0
	for _, key := range res.Acked {
		has, err := checker.HasArticle(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		if !has {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged articles are not stored", missing, len(res.Acked))
	}
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != len(res.Acked)+len(warm) {
		t.Errorf("the store holds %d articles; %d were acknowledged (and %d before the run)", c.Articles, len(res.Acked), len(warm))
	}
}

// articleFields is a as postArticle takes it.
func articleFields(a graph.Article) map[string]string {
	return map[string]string{"id": a.ID, "url": a.URL, "title": a.Title, "source": a.Source, "published": a.Published, "text": a.Text}
}
