package sqlitestore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// TestSchemaV1 opens a database as version 1 left it (no provenance
// columns): Open adds them (and brings it on to the current version),
// keeps what was stored, and opening again changes nothing.
func TestSchemaV1(t *testing.T) {
	ctx := context.Background()
	path, xs, want := storedFixture(t)

	// Take the database back to version 1.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`ALTER TABLE articles DROP COLUMN author`, `ALTER TABLE articles DROP COLUMN platform`,
		`ALTER TABLE articles DROP COLUMN forwarded_from`, `ALTER TABLE articles DROP COLUMN views`,
		`UPDATE schema_version SET version = 1`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()

	for round := 0; round < 2; round++ {
		s := open1(t, path)
		if got, _ := s.Counts(ctx); got != want {
			t.Errorf("round %d: counts %+v, want %+v", round, got, want)
		}
		a, err := s.Article(ctx, xs[0].Article.Key())
		if err != nil || a.Title != xs[0].Article.Title || a.Author != "" {
			t.Errorf("round %d: Article = %+v, %v; want the stored one without provenance", round, a, err)
		}
		x := xs[3]
		x.Article.URL = "https://example.org/news/forwarded"
		x.Article.Platform, x.Article.ForwardedFrom, x.Article.Views = graph.PlatformTelegram, "Norland Watch", 7
		if _, err := s.Ingest(ctx, []graph.Extraction{x}); err != nil {
			t.Fatal(err)
		}
		a, err = s.Article(ctx, x.Article.Key())
		if err != nil || a.ForwardedFrom != "Norland Watch" || a.Views != 7 || a.Platform != graph.PlatformTelegram {
			t.Errorf("round %d: forwarded message stored as %+v, %v", round, a, err)
		}
		want.Articles++ // the forwarded message
		s.Close()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		var v int
		if err := db.QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != 3 {
			t.Errorf("round %d: schema version %d, %v; want 3", round, v, err)
		}
		db.Close()
	}
}

// storedFixture stores graphtest.Fixture in a new database at the current
// version, closes it and returns its path, the fixture and its counts.
func storedFixture(t *testing.T) (string, []graph.Extraction, graph.Counts) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "graph.db")
	s := open1(t, path)
	defer s.Close()
	xs := graphtest.Fixture()
	if _, err := s.Ingest(ctx, xs); err != nil {
		t.Fatal(err)
	}
	want, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return path, xs, want
}

func open1(t *testing.T, path string) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// TestSchemaV2 opens a database as version 2 left it (entity_articles keyed
// by entity, with an index by article): Open rebuilds the table keyed by
// article, keeps what was stored, and the store then answers, and replaces
// an article, as one that was never migrated.
func TestSchemaV2(t *testing.T) {
	ctx := context.Background()
	path, xs, want := storedFixture(t)

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`CREATE TABLE entity_articles_v2 (
			entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
			article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
			mentions    INTEGER NOT NULL,
			PRIMARY KEY (entity_id, article_key)
		) WITHOUT ROWID`,
		`INSERT INTO entity_articles_v2 SELECT entity_id, article_key, mentions FROM entity_articles`,
		`DROP TABLE entity_articles`,
		`ALTER TABLE entity_articles_v2 RENAME TO entity_articles`,
		`CREATE INDEX entity_articles_article ON entity_articles(article_key)`,
		`UPDATE schema_version SET version = 2`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()

	// The same article again with fewer relations and other text, so that
	// replacing it takes its mentions off its entities' counts.
	x := xs[0]
	x.Article.Text += " Corrected."
	x.Article.Hash = ""
	x.Relations = x.Relations[:1]

	fresh := open1(t, filepath.Join(t.TempDir(), "fresh.db"))
	defer fresh.Close()
	for _, batch := range [][]graph.Extraction{xs, {x}} {
		if _, err := fresh.Ingest(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	for round := 0; round < 2; round++ {
		s := open1(t, path)
		if got, _ := s.Counts(ctx); got != want {
			t.Errorf("round %d: counts %+v, want %+v", round, got, want)
		}
		if round == 0 {
			rep, err := s.Ingest(ctx, []graph.Extraction{x})
			if err != nil || rep.ArticlesReplaced != 1 {
				t.Fatalf("replacing an article: %+v, %v", rep, err)
			}
			want, _ = s.Counts(ctx)
		}
		graphtest.SameAnswers(t, s, fresh, graphtest.FixtureQueries())
		s.Close()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		var v, idx int
		if err := db.QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != 3 {
			t.Errorf("round %d: schema version %d, %v; want 3", round, v, err)
		}
		if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name IN ('entity_articles_article', 'entity_articles_v3')`).Scan(&idx); err != nil || idx != 0 {
			t.Errorf("round %d: %d of the version 2 index and the rebuild table left, %v", round, idx, err)
		}
		db.Close()
	}
}
