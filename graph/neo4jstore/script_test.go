package neo4jstore_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/cypher"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// tricky is an article whose metadata and evidence need escaping.
func tricky() graph.Extraction {
	text := "O'Brien said \"no\" \\ twice;\nthen left."
	return graph.Extraction{
		Article: graph.Article{ID: "tricky", URL: "https://example.org/news/o'brien?a=1;b=2", Title: "It's \"quoted\"\\",
			Source: "Harbor Daily", Published: "2025-08-01", Text: text, Hash: graph.TextHash(text),
			Author: "Ann O'Neil", Platform: graph.PlatformTelegram, ForwardedFrom: "Chan;nel|x", Views: 42},
		Entities: []graph.Entity{
			{ID: "a", Name: "Sean O'Brien", Type: graph.Person, Aliases: []string{"O'Brien", "Brien; S."}},
			{ID: "n", Name: "Norland", Type: graph.Country, Aliases: []string{}},
		},
		Relations: []graph.Relation{{Type: graph.Reject, Subject: "a", Object: "n", Date: "2025-07-31",
			Via: []string{}, AttributedTo: []string{}, Polarity: graph.Asserted, Confidence: 0.7,
			Evidence: graph.Evidence{Text: text, Start: 0, End: len(text)}}},
	}
}

// sourceStore returns a SQLite store holding the fixture and tricky.
func sourceStore(t *testing.T) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if rep, err := s.Ingest(context.Background(), append(graphtest.Fixture(), tricky())); err != nil || rep.ArticlesFailed > 0 {
		t.Fatalf("Ingest: %v %+v", err, rep)
	}
	return s
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update after checking):\n%s", name, got)
	}
}

func TestWriteCypherGolden(t *testing.T) {
	var b bytes.Buffer
	if err := neo4jstore.WriteCypher(context.Background(), &b, sourceStore(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "export.cypher", b.Bytes())
	for _, st := range cypher.Split(b.String()) {
		if strings.Contains(st, "$") {
			t.Errorf("statement uses a parameter, which a script cannot give: %.80s", st)
		}
	}
}

func TestWriteAdminImport(t *testing.T) {
	dir := t.TempDir()
	src := sourceStore(t)
	if err := neo4jstore.WriteAdminImport(context.Background(), dir, src); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		t.Helper()
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return recs
	}
	c, _ := src.Counts(context.Background())
	for _, tc := range []struct {
		name   string
		header []string // columns that must be there
		rows   int
	}{
		{"nodes_entities", []string{"id:ID(Entity)", ":LABEL", "aliases:string[]"}, c.Entities},
		{"nodes_articles", []string{"key:ID(Article)", ":LABEL", "views:long"}, c.Articles},
		{"rels_MENTIONS", []string{":START_ID(Article)", ":END_ID(Entity)", ":TYPE", "count:long"}, -1},
		{"rels_MEET", []string{":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "evidence:string[]", "confidence:double"}, 1},
		{"rels_REJECT", []string{":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"}, 1},
	} {
		h := read(tc.name + "_header.csv")
		if len(h) != 1 {
			t.Fatalf("%s_header.csv has %d lines, want 1", tc.name, len(h))
		}
		for _, col := range tc.header {
			if !contains(h[0], col) {
				t.Errorf("%s header %q lacks %q", tc.name, h[0], col)
			}
		}
		rows := read(tc.name + ".csv")
		if tc.rows >= 0 && len(rows) != tc.rows {
			t.Errorf("%s: %d rows, want %d", tc.name, len(rows), tc.rows)
		}
		for _, r := range rows {
			if len(r) != len(h[0]) {
				t.Errorf("%s: row of %d fields, header of %d", tc.name, len(r), len(h[0]))
			}
		}
		golden(t, "admin_"+tc.name+".csv", []byte(strings.Join(h[0], ",")+"\n"))
	}
	// Arrays split back on the delimiter; labels come from the ontology.
	h, rows := read("nodes_entities_header.csv")[0], read("nodes_entities.csv")
	col := func(name string) int {
		for i, c := range h {
			if c == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	found := false
	for _, r := range rows {
		if r[col("id:ID(Entity)")] == "person:sean-o-brien" {
			found = true
			if got := strings.Split(r[col("aliases:string[]")], neo4jstore.ArrayDelimiter); len(got) != 2 || got[1] != "Brien; S." {
				t.Errorf("aliases read back as %q", got)
			}
			// neo4j-admin splits labels on the array delimiter too.
			if got := strings.Split(r[col(":LABEL")], neo4jstore.ArrayDelimiter); len(got) != 2 || got[0] != "Entity" || got[1] != "Person" {
				t.Errorf("labels %q, want Entity and Person", got)
			}
		}
	}
	if !found {
		t.Errorf("person:sean-o-brien not among the entity rows")
	}
	script, err := os.ReadFile(filepath.Join(dir, "import.sh"))
	if err != nil || !strings.Contains(string(script), "--array-delimiter=U+001F") {
		t.Errorf("import.sh: %v %q", err, script)
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// TestCypherScriptLoads runs the exported script against the server and
// compares the loaded graph's answers with the source's.
func TestCypherScriptLoads(t *testing.T) {
	dst := fresh(t)
	src := sourceStore(t)
	var b bytes.Buffer
	if err := neo4jstore.WriteCypher(context.Background(), &b, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.RunScript(context.Background(), cypher.Split(b.String())); err != nil {
		t.Fatalf("running the script: %v", err)
	}
	graphtest.SameAnswers(t, src, dst, graphtest.FixtureQueries())
	a, err := dst.Article(context.Background(), tricky().Article.Key())
	if err != nil || a.Title != tricky().Article.Title || a.ForwardedFrom != "Chan;nel|x" || a.Views != 42 {
		t.Errorf("tricky article loaded as %+v, %v", a, err)
	}
	// Loading it twice changes nothing.
	if err := dst.RunScript(context.Background(), cypher.Split(b.String())); err != nil {
		t.Fatal(err)
	}
	if c1, c2 := counts(t, src), counts(t, dst); c1 != c2 {
		t.Errorf("after a second load: %+v, want %+v", c2, c1)
	}
}

// TestMigrateSQLiteToNeo4j copies a SQLite graph into Neo4j and back with
// graph.Copy, as `actorgraph migrate` does.
func TestMigrateSQLiteToNeo4j(t *testing.T) {
	ctx := context.Background()
	dst := fresh(t)
	src := sourceStore(t)
	rep, err := graph.Copy(ctx, src, dst, 2, nil)
	if err != nil || rep.ArticlesNew != 5 || rep.ArticlesFailed != 0 {
		t.Fatalf("Copy = %+v, %v; want 5 new", rep, err)
	}
	graphtest.SameAnswers(t, src, dst, graphtest.DumpQueries())
	if rep, err := graph.Copy(ctx, src, dst, 3, nil); err != nil || rep.ArticlesSkipped != 5 {
		t.Errorf("second Copy = %+v, %v; want 5 skipped", rep, err)
	}
	back, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := graph.Copy(ctx, dst, back, 0, nil); err != nil {
		t.Fatal(err)
	}
	graphtest.SameAnswers(t, src, back, graphtest.DumpQueries())
}

func counts(t *testing.T, s graph.Store) graph.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func dumpOf(t *testing.T, s *sqlitestore.Store) []graph.Extraction {
	t.Helper()
	var xs []graph.Extraction
	if err := s.Dump(context.Background(), func(x graph.Extraction) error { xs = append(xs, x); return nil }); err != nil {
		t.Fatal(err)
	}
	return xs
}
