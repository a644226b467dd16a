package neo4jstore_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// neo4jDist finds the Neo4j jars scripts/neo4j fetched, or skips.
func neo4jDist(t *testing.T) string {
	t.Helper()
	cache := os.Getenv("ACTORGRAPH_NEO4J_CACHE")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache", "actorgraph", "neo4j")
	}
	dists, _ := filepath.Glob(filepath.Join(cache, "dist", "*", "lib"))
	sort.Strings(dists)
	if len(dists) == 0 {
		t.Skipf("no Neo4j under %s: run scripts/neo4j once to fetch it", cache)
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("no java on PATH")
	}
	return dists[len(dists)-1]
}

// TestAdminImportRuns loads WriteAdminImport's files with the real
// `neo4j-admin database import full` into a scratch database directory and
// checks what it reports imported. It takes a minute and a JVM, so it runs
// only with NEO4J_ADMIN_TEST=1.
func TestAdminImportRuns(t *testing.T) {
	if os.Getenv("NEO4J_ADMIN_TEST") != "1" {
		t.Skip("set NEO4J_ADMIN_TEST=1 to run neo4j-admin on the exported CSV files")
	}
	lib := neo4jDist(t)
	src := sourceStore(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "csv")
	if err := neo4jstore.WriteAdminImport(context.Background(), out, src); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(filepath.Join(home, "conf"), 0o755); err != nil {
		t.Fatal(err)
	}
	conf := "server.directories.data=" + filepath.Join(home, "data") + "\nserver.directories.logs=" + filepath.Join(home, "logs") + "\n"
	if err := os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	var names []string
	files, _ := filepath.Glob(filepath.Join(out, "*_header.csv"))
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), "_header.csv"))
	}
	sort.Strings(names)
	args := append([]string{"-Xmx512m", "-cp", lib + "/*", "org.neo4j.cli.AdminTool"}, neo4jstore.AdminImportArgs("neo4j", names)...)
	cmd := exec.Command("java", args...)
	cmd.Dir = out
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"))
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("neo4j-admin: %v\n%s", err, tail(b))
	}
	got := map[string]int{}
	for _, m := range regexp.MustCompile(`(?m)^\s+(\d+) (nodes|relationships)$`).FindAllStringSubmatch(string(b), -1) {
		got[m[2]], _ = strconv.Atoi(m[1])
	}
	c := counts(t, src)
	mentions := 0
	for _, x := range dumpOf(t, src) {
		mentions += len(x.Entities)
	}
	if got["nodes"] != c.Entities+c.Articles || got["relationships"] != c.Relations+mentions {
		t.Errorf("imported %v, want %d nodes and %d relationships\n%s", got, c.Entities+c.Articles, c.Relations+mentions, tail(b))
	}
	if r, err := os.ReadFile(filepath.Join(out, "import.report")); err == nil && len(strings.TrimSpace(string(r))) > 0 {
		t.Errorf("neo4j-admin reported bad entries:\n%s", r)
	}
}

// TestAdminImportServes imports the CSV files into the database of a
// server of its own (scripts/neo4j with ACTORGRAPH_NEO4J_INSTANCE=admintest:
// started once to set it up, stopped, imported into, started again) and
// checks that the store answers on it as on the source. Counts alone would
// not see a wrong label or property type. It takes a few minutes, so it
// runs only with NEO4J_ADMIN_TEST=1; the server is stopped at the end.
func TestAdminImportServes(t *testing.T) {
	if os.Getenv("NEO4J_ADMIN_TEST") != "1" {
		t.Skip("set NEO4J_ADMIN_TEST=1 to load the exported CSV files into a server of the test's own")
	}
	lib := neo4jDist(t)
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "neo4j"))
	if err != nil {
		t.Fatal(err)
	}
	const instance = "admintest"
	env := []string{"ACTORGRAPH_NEO4J_INSTANCE=" + instance, "ACTORGRAPH_NEO4J_HEAP=256m"}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") && !strings.HasPrefix(kv, "ACTORGRAPH_NEO4J_INSTANCE=") {
			env = append(env, kv)
		}
	}
	neo4j := func(verb string) string {
		t.Helper()
		cmd := exec.Command(script, verb)
		cmd.Env = env
		var stderr strings.Builder
		cmd.Stderr = &stderr
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("scripts/neo4j %s: %v\n%s", verb, err, stderr.String())
		}
		return string(b)
	}
	neo4j("start")
	t.Cleanup(func() { neo4j("stop") })
	neo4j("stop")

	src := sourceStore(t)
	out := filepath.Join(t.TempDir(), "csv")
	if err := neo4jstore.WriteAdminImport(context.Background(), out, src); err != nil {
		t.Fatal(err)
	}
	var names []string
	files, _ := filepath.Glob(filepath.Join(out, "*_header.csv"))
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), "_header.csv"))
	}
	sort.Strings(names)
	home := filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(lib))), "instance-"+filepath.Base(filepath.Dir(lib))+"-"+instance)
	args := append([]string{"-Xmx512m", "-cp", lib + "/*", "org.neo4j.cli.AdminTool"}, neo4jstore.AdminImportArgs("neo4j", names)...)
	cmd := exec.Command("java", args...)
	cmd.Dir = out
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("neo4j-admin: %v\n%s", err, tail(b))
	}

	cfg := neo4jstore.Config{}
	for _, line := range strings.Split(neo4j("start"), "\n") {
		k, v, _ := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		v = strings.Trim(v, "'")
		switch k {
		case "NEO4J_URI":
			cfg.URI = v
		case "NEO4J_USER":
			cfg.User = v
		case "NEO4J_PASSWORD":
			cfg.Password = v
		}
	}
	dst, err := neo4jstore.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%s): %v", cfg.URI, err)
	}
	defer dst.Close()
	graphtest.SameAnswers(t, src, dst, graphtest.FixtureQueries())
	a, err := dst.Article(context.Background(), tricky().Article.Key())
	if err != nil || a.Views != 42 || a.ForwardedFrom != "Chan;nel|x" || a.Publisher == "" {
		t.Errorf("tricky article served as %+v, %v", a, err)
	}
}

func tail(b []byte) string {
	if len(b) > 3000 {
		b = b[len(b)-3000:]
	}
	return string(b)
}
