package sqlitestore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// TestIngestArticleFailsMidBatch makes one article of a batch fail while it
// is written (a trigger refuses its row, as a full disk or a broken row
// would): the batch, first written without savepoints, is written again
// with them, so the failure is reported on that article alone and the
// store holds exactly the others.
func TestIngestArticleFailsMidBatch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "graph.db")
	s := open1(t, path)
	defer s.Close()
	xs := graphtest.Fixture()
	bad := xs[2]
	bad.Article.URL = "https://example.org/refused"
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.url = 'https://example.org/refused'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}

	rep, err := s.Ingest(ctx, []graph.Extraction{xs[0], xs[1], bad, xs[3]})
	if err != nil {
		t.Fatalf("Ingest: %v (a failing article must be reported, not fail the call)", err)
	}
	want := []graph.IngestStatus{graph.IngestNew, graph.IngestNew, graph.IngestFailed, graph.IngestNew}
	for i, r := range rep.Results {
		if r.Status != want[i] {
			t.Errorf("result %d: %s (%s), want %s", i, r.Status, r.Error, want[i])
		}
	}
	if rep.ArticlesNew != 3 || rep.ArticlesFailed != 1 || rep.Results[2].Error == "" || rep.Results[2].EntityIDs != nil {
		t.Errorf("report %+v", rep)
	}
	if ok, err := s.HasArticle(ctx, bad.Article.Key()); ok || err != nil {
		t.Errorf("the refused article is stored (%v)", err)
	}

	fresh := open1(t, filepath.Join(t.TempDir(), "fresh.db"))
	defer fresh.Close()
	frep, err := fresh.Ingest(ctx, []graph.Extraction{xs[0], xs[1], xs[3]})
	if err != nil {
		t.Fatal(err)
	}
	if rep.EntitiesAdded != frep.EntitiesAdded || rep.RelationsAdded != frep.RelationsAdded || rep.EvidenceAdded != frep.EvidenceAdded {
		t.Errorf("added %d/%d/%d, want %d/%d/%d as without the refused article", rep.EntitiesAdded, rep.RelationsAdded,
			rep.EvidenceAdded, frep.EntitiesAdded, frep.RelationsAdded, frep.EvidenceAdded)
	}
	graphtest.SameAnswers(t, s, fresh, graphtest.FixtureQueries())
}

// TestIngestBigArticle writes an article with more entities, forms and
// relations than one multi-row statement takes (maxRows), so that its rows
// go in several statements, and replaces it.
func TestIngestBigArticle(t *testing.T) {
	ctx := context.Background()
	s := open1(t, filepath.Join(t.TempDir(), "graph.db"))
	defer s.Close()
	x := graphtest.HubFixture(150)
	rep, err := s.Ingest(ctx, []graph.Extraction{x})
	if err != nil || rep.ArticlesNew != 1 || rep.EntitiesAdded != 152 || rep.RelationsAdded != 300 || rep.EvidenceAdded != 300 {
		t.Fatalf("Ingest: %+v, %v; want 152 entities, 300 relations and evidence", rep, err)
	}
	want := graph.Counts{Entities: 152, Relations: 300, Articles: 1}
	x.Article.Text += " Corrected."
	x.Article.Hash = ""
	for round, status := range []string{"written", "replaced"} {
		if got, _ := s.Counts(ctx); got != want {
			t.Errorf("%s: counts %+v, want %+v", status, got, want)
		}
		d, err := s.Entity(ctx, "country:source")
		if err != nil || d.ArticleCount != 1 || d.RelationCounts[graph.Meet] != 150 {
			t.Errorf("%s: Source %+v, %v; want in 1 article with 150 meetings", status, d, err)
		}
		if round == 0 {
			if rep, err := s.Ingest(ctx, []graph.Extraction{x}); err != nil || rep.ArticlesReplaced != 1 {
				t.Fatalf("replacing: %+v, %v", rep, err)
			}
		}
	}
}
