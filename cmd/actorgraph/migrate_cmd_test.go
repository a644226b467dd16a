package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// upgraded returns two articles in which a person first named "Lund" is
// later given the fuller name "Erik Lund": the store keeps the id
// person:lund, which a copy must keep too.
func upgraded() []graph.Extraction {
	mk := func(url, text string, e graph.Entity) graph.Extraction {
		return graph.Extraction{
			Article: graph.Article{ID: url, URL: "https://example.org/" + url, Title: url, Source: "Capital Wire",
				Published: "2025-07-01", Text: text, Hash: graph.TextHash(text)},
			Entities: []graph.Entity{e, {ID: "n", Name: "Norland", Type: graph.Country, Aliases: []string{}}},
			Relations: []graph.Relation{{Type: graph.Meet, Subject: e.ID, Object: "n", Date: "2025-06-30",
				Via: []string{}, AttributedTo: []string{}, Polarity: graph.Asserted, Confidence: 0.5,
				Evidence: graph.Evidence{Text: text, Start: 0, End: len(text)}}},
		}
	}
	return []graph.Extraction{
		mk("lund-1", "Lund met Norland.", graph.Entity{ID: "x", Name: "Lund", Type: graph.Person, Aliases: []string{}}),
		mk("lund-2", "Erik Lund met Norland.", graph.Entity{ID: "x", Name: "Erik Lund", Type: graph.Person, Aliases: []string{"Lund"}}),
	}
}

func sqliteWith(t *testing.T, path string, xs []graph.Extraction) {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rep, err := s.Ingest(context.Background(), xs); err != nil || rep.ArticlesFailed > 0 {
		t.Fatalf("Ingest: %v, %+v", err, rep)
	}
}

func TestMigrate(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	xs := append(graphtest.Fixture(), upgraded()...)
	sqliteWith(t, src, xs)

	code, out, errs := run(t, nil, "migrate", "--from", "sqlite:"+src, "--to", "sqlite:"+dst, "--batch", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "6 articles read: 6 new, 0 unchanged") {
		t.Errorf("summary %q, want 6 new articles", out)
	}
	a, err := sqlitestore.Open(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := sqlitestore.Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	q := graphtest.DumpQueries()
	lund := graph.EntityID(graph.Person, "Lund")
	q.Entities = append(q.Entities, lund)
	q.Timelines = append(q.Timelines, graph.TimelineQuery{Entity: lund})
	q.Paths = append(q.Paths, graph.PathQuery{From: lund, To: graph.EntityID(graph.Country, "Oskaria"), K: 3})
	graphtest.SameAnswers(t, a, b, q)
	if e, err := b.Entity(context.Background(), lund); err != nil || e.Name != "Erik Lund" {
		t.Errorf("copy: Entity(%s) = %v, %v; want Erik Lund under the source's id", lund, e, err)
	}

	// Run again: nothing left to do.
	code, out, errs = run(t, nil, "migrate", "--from", "sqlite:"+src, "--to", "sqlite:"+dst)
	if code != 0 || !strings.Contains(out, "6 articles read: 0 new, 6 unchanged") {
		t.Errorf("second run: exit %d, %q %s; want 6 unchanged", code, out, errs)
	}
}

func TestMigrateResumes(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	sqliteWith(t, src, append(graphtest.Fixture(), upgraded()...))
	// An interrupted migration: the first two dumped articles made it.
	a, err := sqlitestore.Open(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	part := graphtest.DumpAll(t, a)[:2]
	a.Close()
	sqliteWith(t, dst, part)
	code, out, errs := run(t, nil, "migrate", "--from", "sqlite:"+src, "--to", "sqlite:"+dst, "--batch", "4")
	if code != 0 || !strings.Contains(out, "6 articles read: 4 new, 2 unchanged") {
		t.Errorf("resumed run: exit %d, %q %s; want 4 new, 2 unchanged", code, out, errs)
	}
}

func TestMigrateUsage(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"migrate", "--from", db},
		{"migrate", "--to", db},
		{"migrate", "--from", db, "--to", db},
		{"migrate", "--from", db, "--to", db + "2", "--batch", "0"},
		{"migrate", "--from", db, "--to", db + "2", "stray"},
	} {
		if code, _, _ := run(t, nil, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

func TestExportNeo4jFormats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	sqliteWith(t, db, graphtest.Fixture())
	script := filepath.Join(dir, "graph.cypher")
	if code, _, errs := run(t, nil, "export", "--store", "sqlite:"+db, "--format", "cypher", "-o", script); code != 0 {
		t.Fatalf("cypher: exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(script)
	if err != nil || !strings.Contains(string(b), "CREATE CONSTRAINT") || !strings.Contains(string(b), "MERGE (e:Entity {id: row.id}) SET e:Person") {
		t.Errorf("cypher script: %v\n%.400s", err, b)
	}
	out := filepath.Join(dir, "admin")
	if code, _, errs := run(t, nil, "export", "--store", "sqlite:"+db, "--format", "neo4j-admin", "-o", out); code != 0 {
		t.Fatalf("neo4j-admin: exit %d: %s", code, errs)
	}
	for _, f := range []string{"nodes_entities.csv", "nodes_entities_header.csv", "nodes_articles.csv", "rels_MENTIONS.csv", "rels_MEET_header.csv", "import.sh"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("neo4j-admin: %v", err)
		}
	}
	if code, _, _ := run(t, nil, "export", "--store", "sqlite:"+db, "--format", "neo4j-admin"); code == 0 {
		t.Errorf("neo4j-admin without -o: exit 0, want an error")
	}
	for _, extra := range [][]string{{"--entity", "Norland"}, {"--type", "MEET"}} {
		args := append([]string{"export", "--store", "sqlite:" + db, "--format", "cypher"}, extra...)
		if code, _, _ := run(t, nil, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2 (a whole-graph format takes no filter)", args, code)
		}
	}
}
