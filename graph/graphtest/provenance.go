package graphtest

import (
	"context"
	"sort"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// articleReader returns the store's graph.ArticleReader, if it has one.
func articleReader(s graph.Store) (graph.ArticleReader, bool) {
	if g, ok := s.(*guard); ok {
		g.check()
		s = g.s
	}
	r, ok := s.(graph.ArticleReader)
	return r, ok
}

// withProvenance returns Fixture with a byline on the first article and the
// third made a forwarded channel message.
func withProvenance() []graph.Extraction {
	xs := Fixture()
	xs[0].Article.Author = "Ines Varga"
	xs[2].Article.Platform = graph.PlatformTelegram
	xs[2].Article.ForwardedFrom = "Norland Watch"
	xs[2].Article.Views = 12034
	return xs
}

func testProvenance(t *testing.T, open opener) {
	xs := withProvenance()
	s := loaded(t, open, xs...)
	r, ok := articleReader(s)
	if !ok {
		t.Skip("the store does not implement graph.ArticleReader")
	}
	ctx := context.Background()

	t.Run("Article", func(t *testing.T) {
		publishers := []string{idDaily, "", idDaily, ""} // Harbor Daily is a stored outlet, Capital Wire is not
		for i, x := range xs {
			a := x.Article
			want := graph.StoredArticle{Key: a.Key(), ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source,
				Published: a.Published, Hash: a.Hash, Author: a.Author, Platform: a.Platform,
				ForwardedFrom: a.ForwardedFrom, Views: a.Views, Publisher: publishers[i]}
			got, err := r.Article(ctx, a.Key())
			if err != nil {
				t.Fatalf("Article(%q): %v", a.Key(), err)
			}
			if *got != want {
				t.Errorf("Article(%q) =\n %+v\nwant\n %+v", a.Key(), *got, want)
			}
		}
		_, err := r.Article(ctx, "url:https://example.org/none")
		wantCode(t, err, graph.ENOTFOUND)
	})

	t.Run("ArticleEntities", func(t *testing.T) {
		all := map[string]graph.Entity{}
		for _, e := range allEntities(t, s) {
			all[e.ID] = e
		}
		for i, want := range [][]string{
			{idOskaria, idNorland, idValdoria, idSelden, idQuist, idBrevik},
			{idNorland, idValdoria, idDaily, idCouncil, idQuist, idBrevik},
			{idNorland, idOskaria, idOffice, idAli, idSadeq},
			{idDaily, idAli},
		} {
			sort.Strings(want)
			key := xs[i].Article.Key()
			got, err := r.ArticleEntities(ctx, key)
			if err != nil {
				t.Fatalf("ArticleEntities(%q): %v", key, err)
			}
			if !equalStrings(entityIDs(got), want) {
				t.Errorf("ArticleEntities(%q) = %q, want %q", key, entityIDs(got), want)
			}
			for _, e := range got {
				if mustJSON(e) != mustJSON(all[e.ID]) {
					t.Errorf("ArticleEntities(%q): %s, want it as FindEntities gives it: %s", key, mustJSON(e), mustJSON(all[e.ID]))
				}
			}
		}
		_, err := r.ArticleEntities(ctx, "url:https://example.org/none")
		wantCode(t, err, graph.ENOTFOUND)
	})

	t.Run("WhoReported", func(t *testing.T) {
		// The MEET of Quist and Brevik is read from two articles: one by
		// Capital Wire, one by the stored outlet Harbor Daily (evidence is
		// in article-key order).
		var sources, pubs []string
		for _, ev := range edge(t, s, eMeet).Evidence {
			a, err := r.Article(ctx, ev.ArticleKey)
			if err != nil {
				t.Fatalf("Article(%q): %v", ev.ArticleKey, err)
			}
			sources, pubs = append(sources, a.Source), append(pubs, a.Publisher)
		}
		if want := []string{"Capital Wire", "Harbor Daily"}; !equalStrings(sources, want) {
			t.Errorf("sources of the MEET = %q, want %q", sources, want)
		}
		if want := []string{"", idDaily}; !equalStrings(pubs, want) {
			t.Errorf("publishers of the MEET = %q, want %q", pubs, want)
		}
	})

	t.Run("Replace", func(t *testing.T) {
		v2 := withText(xs[2], "The channel later added a correction.")
		v2.Article.ForwardedFrom, v2.Article.Views, v2.Article.Author = "", 99, "A. Editor"
		if r := ingest(t, s, v2).Results[0]; r.Status != graph.IngestReplaced {
			t.Fatalf("new version: status %q, want replaced", r.Status)
		}
		got, err := r.Article(ctx, v2.Article.Key())
		if err != nil {
			t.Fatal(err)
		}
		if got.Hash != v2.Article.Hash || got.ForwardedFrom != "" || got.Views != 99 || got.Author != "A. Editor" || got.Platform != graph.PlatformTelegram {
			t.Errorf("after replacement: %+v, want the new version's hash and provenance", *got)
		}
	})
}
