package api_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

// TestEndToEnd posts two articles through the real extractor into the real
// store and asks how the actors they name are connected. The sentences are
// written for this test.
func TestEndToEnd(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatalf("extract.New: %v", err)
	}
	s := &api.Server{Store: openStore(t), Extractor: x}
	h := s.Handler()

	meet := "Iranian Foreign Minister Abbas Araghchi met Omani Foreign Minister Badr Albusaidi in Muscat on Sunday."
	talks := "Badr Albusaidi held talks with US special envoy Steve Witkoff in Muscat on Tuesday."
	for _, a := range []map[string]string{
		{"id": "e2e-1", "url": "https://example.org/e2e/1", "source": "Example Wire", "published": "2026-02-10",
			"text": meet + " The two men discussed the nuclear file."},
		{"id": "e2e-2", "url": "https://example.org/e2e/2", "source": "Example Wire", "published": "2026-02-12",
			"text": talks + " Witkoff thanked Oman for its help."},
	} {
		r := postArticle(t, h, a)
		if r.Status != http.StatusCreated {
			t.Fatalf("posting %s: status %d, body %s", a["id"], r.Status, r.Body)
		}
		var resp api.ArticleResponse
		if decode(t, r, &resp); len(resp.Extraction.Entities) == 0 || resp.Extraction.Relations == 0 {
			t.Fatalf("posting %s: nothing extracted: %+v", a["id"], resp.Extraction)
		}
	}

	var got api.PathsResponse
	getJSON(t, h, "/v1/paths?from=Abbas+Araghchi&to=Steve+Witkoff&structural=false", &got)
	if len(got.Paths) == 0 {
		t.Fatalf("no path from Araghchi to Witkoff")
	}
	p := got.Paths[0]
	var nodes []string
	for _, n := range p.Nodes {
		nodes = append(nodes, n.Name)
	}
	if want := []string{"Abbas Araghchi", "Badr Albusaidi", "Steve Witkoff"}; !slices.Equal(nodes, want) {
		t.Fatalf("path = %v, want %v", nodes, want)
	}
	wantStep := func(i int, types []graph.RelationType, sentence, url string) {
		t.Helper()
		for _, e := range p.Steps[i].Edges {
			if !slices.Contains(types, e.Type) {
				continue
			}
			for _, ev := range e.Evidence {
				if ev.Text == sentence && ev.ArticleURL == url {
					return
				}
			}
		}
		t.Errorf("step %d has no %v edge with evidence %q from %s: %+v", i, types, sentence, url, p.Steps[i].Edges)
	}
	wantStep(0, []graph.RelationType{graph.Meet}, meet, "https://example.org/e2e/1")
	wantStep(1, []graph.RelationType{graph.Meet, graph.Negotiate}, talks, "https://example.org/e2e/2")

	// The role read from the title reaches the entity.
	var d api.EntityResponse
	getJSON(t, h, "/v1/entities/"+got.From.ID, &d)
	found := false
	for _, r := range d.Entity.Roles {
		found = found || (r.Title == "Foreign Minister" && r.OfName == "Iran")
	}
	if !found {
		t.Errorf("roles of %s = %+v, want Foreign Minister of Iran", got.From.ID, d.Entity.Roles)
	}
}
