package graphtest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// goldArticle is the part of a gold corpus file the suite reads (format in
// ../shared/corpus/README.md).
type goldArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Gold      struct {
		Entities []struct {
			Name    string   `json:"name"`
			Type    string   `json:"type"`
			Aliases []string `json:"aliases"`
		} `json:"entities"`
		Relations []struct {
			Type         string   `json:"type"`
			Subject      string   `json:"subject"`
			Object       string   `json:"object"`
			Via          []string `json:"via"`
			Date         string   `json:"date"`
			Polarity     string   `json:"polarity"`
			Role         string   `json:"role"`
			AttributedTo []string `json:"attributed_to"`
			Evidence     string   `json:"evidence"`
		} `json:"relations"`
	} `json:"gold"`
}

// GoldDir returns the gold corpus directory, ../shared/corpus/dev next to
// the module root, or skips t when it is not there.
func GoldDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the working directory, so no ../shared corpus")
		}
		dir = parent
	}
	gold := filepath.Join(dir, "..", "shared", "corpus", "dev")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("gold corpus not found at %s", gold)
	}
	return gold
}

// Gold reads the gold corpus as extractions, as a perfect extractor would
// produce them: the annotated entities with their mentions found in the
// text, and the annotated relations with their evidence sentence located in
// it. It skips t when the corpus is absent. Nothing of the corpus is kept
// in the repository.
func Gold(t testing.TB) []graph.Extraction {
	t.Helper()
	dir := GoldDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no gold articles in %s", dir)
	}
	sort.Strings(files)
	var out []graph.Extraction
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldArticle
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		x := graph.Extraction{
			Article: graph.Article{ID: g.ID, URL: g.URL, Title: g.Title, Source: g.Source, Published: g.Published,
				Text: g.Text, Hash: graph.TextHash(g.Text)},
			Entities:  []graph.Entity{},
			Relations: []graph.Relation{},
		}
		local := map[string]string{}
		for i, e := range g.Gold.Entities {
			id := fmt.Sprintf("e%d", i)
			local[e.Name] = id
			aliases := append([]string{}, e.Aliases...)
			x.Entities = append(x.Entities, graph.Entity{ID: id, Name: e.Name, Type: graph.EntityType(e.Type), Aliases: aliases,
				Mentions: findMentions(g.Text, append([]string{e.Name}, e.Aliases...))})
		}
		refs := func(names []string) ([]string, bool) {
			out := []string{}
			for _, n := range names {
				id, ok := local[n]
				if !ok {
					return nil, false
				}
				out = append(out, id)
			}
			return out, true
		}
		for _, r := range g.Gold.Relations {
			ends, ok1 := refs([]string{r.Subject, r.Object})
			via, ok2 := refs(r.Via)
			attr, ok3 := refs(r.AttributedTo)
			if !ok1 || !ok2 || !ok3 {
				t.Logf("%s: relation %s %s→%s names an entity the gold list lacks; left out", filepath.Base(f), r.Type, r.Subject, r.Object)
				continue
			}
			start := strings.Index(g.Text, r.Evidence)
			ev := graph.Evidence{Text: r.Evidence, Start: start, End: start + len(r.Evidence)}
			if start < 0 || r.Evidence == "" {
				ev = graph.Evidence{}
			}
			x.Relations = append(x.Relations, graph.Relation{Type: graph.RelationType(r.Type), Subject: ends[0], Object: ends[1],
				Via: via, Date: r.Date, Polarity: graph.Polarity(r.Polarity), Role: r.Role, AttributedTo: attr,
				Confidence: 1, Evidence: ev})
		}
		out = append(out, x)
	}
	return out
}

// testGold ingests the gold corpus, when there is one, and checks the store
// against what the annotations say.
func testGold(t *testing.T, open opener) {
	xs := Gold(t)
	s := open(t)
	rep := ingest(t, s, xs...)
	if c := counts(t, s); c.Articles != len(xs) {
		t.Errorf("%d articles stored, want %d", c.Articles, len(xs))
	}
	again := ingest(t, s, xs...)
	if again.ArticlesSkipped != len(xs) {
		t.Errorf("second ingest skipped %d of %d articles", again.ArticlesSkipped, len(xs))
	}
	all := allRelations(t, s, graph.RelationQuery{Filter: graph.RelationFilter{IncludeNegated: true}, Limit: graph.MaxLimit})
	byID := map[string]graph.Edge{}
	for _, e := range all {
		byID[e.ID] = e
	}
	for i, x := range xs {
		ids := rep.Results[i].EntityIDs
		for _, e := range x.Entities {
			found, err := s.FindEntities(context.Background(), graph.EntityFilter{Query: e.Name, Types: []graph.EntityType{e.Type}})
			if err != nil {
				t.Fatal(err)
			}
			if len(found) == 0 || !containsID(found, ids[e.ID]) {
				t.Errorf("%s: FindEntities(%q) = %q, want it to include %s", x.Article.ID, e.Name, entityIDs(found), ids[e.ID])
			}
		}
		for _, r := range x.Relations {
			sub, obj := ids[r.Subject], ids[r.Object]
			if r.Type.Symmetric() && obj < sub {
				sub, obj = obj, sub
			}
			pol := r.Polarity
			if pol == "" {
				pol = graph.Asserted
			}
			id := graph.EdgeID(r.Type, sub, obj, r.Date, pol)
			e, ok := byID[id]
			if !ok {
				t.Errorf("%s: no edge %s for %s %s→%s", x.Article.ID, id, r.Type, sub, obj)
				continue
			}
			if !hasEvidence(e, x.Article.Key(), r.Evidence.Text) {
				t.Errorf("%s: edge %s lacks the evidence %q", x.Article.ID, id, r.Evidence.Text)
			}
			if sub == obj {
				continue
			}
			f := graph.RelationFilter{IncludeNegated: true, Types: []graph.RelationType{r.Type}}
			ps := runPaths(t, s, graph.PathQuery{From: sub, To: obj, Filter: f})
			if len(ps) != 1 || len(ps[0].Steps) != 1 || !containsEdge(ps[0].Steps[0].Edges, id) {
				t.Errorf("%s: Paths %s→%s over %s = %v, want the one-hop path through %s", x.Article.ID, sub, obj, r.Type, shapesOf(ps), id)
			}
		}
	}
	// Paths on real data against the reference model.
	ref := &refModels{s: s, m: map[string]*refGraph{}}
	ents := allEntities(t, s)
	g := ref.get(t, graph.RelationFilter{}, true)
	for i := 0; i < 40 && len(ents) > 1; i++ {
		from, to := ents[(i*17)%len(ents)].ID, ents[(i*31+3)%len(ents)].ID
		if from == to {
			continue
		}
		for _, q := range []graph.PathQuery{
			{From: from, To: to, MaxHops: 3, ViaHops: true},
			{From: from, To: to, MaxHops: 3, ViaHops: true, K: 5},
		} {
			if want := expectPaths(g, q); !sameShapes(shapesOf(runPaths(t, s, q)), want) {
				t.Errorf("Paths(%+v) differs from the reference: want %v", q, want)
			}
		}
	}
}

func containsID(es []graph.Entity, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}

func containsEdge(es []graph.Edge, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}

func hasEvidence(e graph.Edge, key, text string) bool {
	for _, ev := range e.Evidence {
		if ev.ArticleKey == key && ev.Text == text {
			return true
		}
	}
	return false
}
