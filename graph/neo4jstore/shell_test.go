package neo4jstore_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// TestCypherShellLoads loads the exported script with cypher-shell itself
// (the copy scripts/neo4j fetched, run with java), as a user would, and
// compares the loaded graph's answers with the source's.
func TestCypherShellLoads(t *testing.T) {
	cfg := config(t)
	lib := neo4jDist(t)
	if m, _ := filepath.Glob(filepath.Join(lib, "cypher-shell-*.jar")); len(m) == 0 {
		t.Skipf("no cypher-shell jar in %s", lib)
	}
	dst := fresh(t)
	src := sourceStore(t)
	path := filepath.Join(t.TempDir(), "graph.cypher")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := neo4jstore.WriteCypher(context.Background(), f, src); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	user := cfg.User
	if user == "" {
		user = "neo4j"
	}
	args := []string{"-cp", lib + "/*", "org.neo4j.shell.Main", "-a", cfg.URI, "-u", user, "-p", cfg.Password,
		"--format", "plain", "--fail-fast", "-f", path}
	if cfg.Database != "" {
		args = append(args, "-d", cfg.Database)
	}
	if b, err := exec.Command("java", args...).CombinedOutput(); err != nil {
		t.Fatalf("cypher-shell: %v\n%s", err, tail(b))
	}
	graphtest.SameAnswers(t, src, dst, graphtest.FixtureQueries())
	a, err := dst.Article(context.Background(), tricky().Article.Key())
	if err != nil || a.Title != tricky().Article.Title || a.Author != "Ann O'Neil" {
		t.Errorf("tricky article loaded as %+v, %v", a, err)
	}
}
