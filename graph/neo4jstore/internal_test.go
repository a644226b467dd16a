package neo4jstore

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/cypher"
	"github.com/actorgraph/actorgraph/graph"
)

// openTest opens the server named by NEO4J_URI on an empty database, or
// skips.
func openTest(t testing.TB) *Store {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip(`NEO4J_URI is not set; eval "$(scripts/neo4j)" starts a local Neo4j and runs these tests`)
	}
	s, err := Open(context.Background(), Config{URI: uri, User: os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.clear(context.Background()); err != nil {
		t.Fatalf("clear: %v", err)
	}
	return s
}

// TestStatementsUsed checks that every file of package cypher is named by
// this package's code, so none is dead and none is missing.
func TestStatementsUsed(t *testing.T) {
	used := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					used[s] = true
				}
			}
			return true
		})
	}
	for _, name := range cypher.Names() {
		if !used[name] {
			t.Errorf("cypher/%s.cypher is not used by neo4jstore", name)
		}
	}
}

// TestStatementsRun runs every statement against the server, in an order
// that gives each something to work on, and checks what the reading ones
// return.
func TestStatementsRun(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, b := "person:test-a", "country:test-b"
	edge := &edgeRow{ID: graph.EdgeID(graph.Meet, a, b, "2025-01-02", graph.Asserted), Type: graph.Meet,
		Subject: a, Object: b, Date: "2025-01-02", Polarity: graph.Asserted,
		Contribs: []contribution{{ArticleKey: "url:x", Source: "wire", Text: "A met B.", End: 8, Confidence: 0.5, Via: []string{}, AttributedTo: []string{}}}}
	rows, err := edgeRows([]*mergedEdge{{edgeRow: *edge, isNew: true}})
	if err != nil {
		t.Fatal(err)
	}
	ends := []map[string]any{{"id": edge.ID, "subject": a, "object": b}}
	f := filterParams(graph.RelationFilter{})
	steps := []struct {
		name   string
		params map[string]any
		want   int // records expected; -1 for any
	}{
		{"schema", nil, 0},
		{"ingest_lock", nil, 0},
		{"entities_upsert", map[string]any{"rows": []map[string]any{
			{"id": a, "label": "Person", "type": "PERSON", "name": "Test A", "aliases": []string{}, "forms": []string{"test a"}, "forms_text": "|test a|"},
			{"id": b, "label": "Country", "type": "COUNTRY", "name": "Test B", "aliases": []string{"B"}, "forms": []string{"test b", "b"}, "forms_text": "|test b|b|"},
		}}, 0},
		{"article_upsert", map[string]any{"article": map[string]any{"key": "url:x", "id": "x", "hash": "h"},
			"mentions": []map[string]any{{"id": a, "count": int64(1)}, {"id": b, "count": int64(2)}}}, 0},
		{"edges_create", map[string]any{"rows": rows}, 0},
		{"edges_update", map[string]any{"rows": rows}, 0},
		{"article_get", map[string]any{"key": "url:x"}, 1},
		{"article_read", map[string]any{"key": "url:x"}, 1},
		{"articles_page", map[string]any{"after": "", "limit": int64(10)}, 1},
		{"article_entities", map[string]any{"key": "url:x"}, 2},
		{"articles_create", map[string]any{"rows": []map[string]any{{"article": map[string]any{"key": "url:y", "id": "y", "hash": "h2"},
			"mentions": []map[string]any{{"id": a, "count": int64(1)}}}}}, 0},
		{"articles_hashes", map[string]any{"keys": []string{"url:x", "url:y", "url:z"}}, 2},
		{"entity_candidates", map[string]any{"forms": []string{"b", "test a", "test"}}, 2},
		{"entity_forms_backfill", nil, 0},
		{"entity_ids_taken", map[string]any{"ids": []string{"person:test"}}, 1},
		{"entity_get", map[string]any{"id": a}, 1},
		{"entities_by_id", map[string]any{"ids": []string{a, b}}, 2},
		{"entities_exist", map[string]any{"ids": []string{a, b, "person:nobody"}}, 2},
		{"entity_roles", map[string]any{"id": a}, 0},
		{"entity_relation_counts", map[string]any{"id": b}, 1},
		{"entities_find", map[string]any{"query": "test", "types": []string{}, "limit": int64(10)}, 2},
		{"edges_get", map[string]any{"rows": ends}, 1},
		{"relation_get", map[string]any{"id": edge.ID}, 1},
		{"relations_list", merge(map[string]any{"after": "", "limit": int64(10)}, f), 1},
		{"relations_of", merge(map[string]any{"entity": a, "other": b, "after": "", "limit": int64(10)}, f), 1},
		{"timeline", merge(map[string]any{"limit": int64(10)}, f), 1},
		{"timeline_of", merge(map[string]any{"entity": b, "other": "", "limit": int64(10)}, f), 1},
		{"path_expand", merge(map[string]any{"ids": []string{a}}, f), 1},
		{"path_expand_to", merge(map[string]any{"ids": []string{a}, "targets": []string{b}}, f), 1},
		{"path_expand_to", merge(map[string]any{"ids": []string{a}, "targets": []string{a}}, f), 0},
		{"path_meet", merge(map[string]any{"afront": []string{a}, "bfront": []string{b}}, f), 1},
		{"path_details", map[string]any{"ids": []string{a, b}, "rows": ends}, 3},
		{"path_expand_via", merge(map[string]any{"ids": []string{a}}, f), 0},
		{"counts", nil, 1},
		{"article_edges", map[string]any{"key": "url:x"}, 1},
		{"edges_delete", map[string]any{"rows": ends}, 0},
		{"article_unlink", map[string]any{"key": "url:x"}, 2},
		{"entities_delete_orphans", map[string]any{"ids": []string{a, b}}, 0},
	}
	ran := map[string]bool{}
	for _, st := range steps {
		ran[st.name] = true
		for i, stmt := range cypher.Split(statements[st.name]) {
			_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				res, err := tx.Run(ctx, stmt, st.params)
				if err != nil {
					return nil, err
				}
				recs, err := res.Collect(ctx)
				if err == nil && i == 0 && st.want >= 0 && len(recs) != st.want {
					err = fmt.Errorf("%d records, want %d", len(recs), st.want)
				}
				return nil, err
			})
			if err != nil {
				t.Errorf("%s (statement %d): %v", st.name, i+1, err)
			}
		}
	}
	// Batched deletion needs an auto-commit transaction, which clear uses.
	if err := s.clear(ctx); err != nil {
		t.Errorf("clear_batched: %v", err)
	}
	ran["clear_batched"] = true
	for _, name := range cypher.Names() {
		if !ran[name] {
			t.Errorf("cypher/%s.cypher is not run by this test", name)
		}
	}
	if c, err := s.Counts(ctx); err != nil || c != (graph.Counts{}) {
		t.Errorf("after orphans and clear: %+v, %v; want an empty graph", c, err)
	}
}

// TestOpenUnreachable checks the error for a server that is not there:
// EUNAVAILABLE, naming the URI, after the bounded retries.
func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := Open(ctx, Config{URI: "bolt://127.0.0.1:1", Password: "x", ConnectAttempts: 2})
	if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(graph.ErrorMessage(err), "bolt://127.0.0.1:1") {
		t.Errorf("Open on a closed port = %v, want EUNAVAILABLE naming the URI", err)
	}
	for _, uri := range []string{"", "http://127.0.0.1:7474", "localhost"} {
		if _, err := Open(ctx, Config{URI: uri}); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Open(%q) = %v, want EINVALID", uri, err)
		}
	}
}

// TestOpenSchemes opens the test server through bolt:// and through
// neo4j://, which asks the server for a routing table first.
func TestOpenSchemes(t *testing.T) {
	s := openTest(t)
	_, rest, _ := strings.Cut(s.URI(), "://")
	for _, scheme := range []string{"bolt", "neo4j"} {
		uri := scheme + "://" + rest
		st, err := Open(context.Background(), Config{URI: uri, User: os.Getenv("NEO4J_USER"),
			Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")})
		if err != nil {
			t.Errorf("Open(%s): %v", uri, err)
			continue
		}
		if _, err := st.Counts(context.Background()); err != nil {
			t.Errorf("Counts through %s: %v", uri, err)
		}
		st.Close()
	}
	if _, err := Open(context.Background(), Config{URI: "bolt://" + rest, User: "neo4j", Password: "wrong-password", ConnectAttempts: 1}); graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(graph.ErrorMessage(err), "refused the login") {
		t.Errorf("Open with a wrong password = %v, want EUNAVAILABLE saying the login was refused", err)
	}
}

// TestConstraintConflict checks the ids the store relies on are guarded by
// the schema, and that such a rejection is what Ingest retries.
func TestConstraintConflict(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	row := map[string]any{"id": "person:twice", "label": "Person", "type": "PERSON", "name": "Twice",
		"aliases": []string{}, "forms": []string{"twice"}, "forms_text": "|twice|"}
	_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := exec(ctx, tx, "entities_upsert", map[string]any{"rows": []map[string]any{row}}); err != nil {
			return nil, err
		}
		res, err := tx.Run(ctx, "CREATE (:Entity {id: 'person:twice'})", nil)
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	})
	if !constraintConflict(err) {
		t.Errorf("a second entity with one id: %v, want a constraint conflict", err)
	}
}
