package neo4jstore_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// compose is the part of docker-compose.yml the deployment relies on.
type compose struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Build       yaml.Node         `yaml:"build"`
		Command     []string          `yaml:"command"`
		EnvFile     yaml.Node         `yaml:"env_file"`
		Environment map[string]string `yaml:"environment"`
		Volumes     []string          `yaml:"volumes"`
		Ports       []string          `yaml:"ports"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func repoFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return b
}

// envExample reads .env.example's variables.
func envExample(t *testing.T) map[string]string {
	t.Helper()
	vars := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(repoFile(t, ".env.example"))))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Errorf(".env.example: line %q is not NAME=value", line)
			continue
		}
		vars[k] = v
	}
	return vars
}

// TestCompose checks docker-compose.yml, the Dockerfile and .env.example
// against each other: Neo4j 5 with a data volume and a healthcheck, the
// actorgraph service built here, serving on Neo4j once it is healthy, and
// every variable the binary and compose read defined in .env.example.
func TestCompose(t *testing.T) {
	var c compose
	if err := yaml.Unmarshal(repoFile(t, "docker-compose.yml"), &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	env := envExample(t)

	neo, ok := c.Services["neo4j"]
	if !ok {
		t.Fatal("no neo4j service")
	}
	if !strings.HasPrefix(neo.Image, "neo4j:5") {
		t.Errorf("neo4j image = %q, want the official neo4j:5 image", neo.Image)
	}
	if !slices.ContainsFunc(neo.Volumes, func(v string) bool { return strings.HasSuffix(v, ":/data") }) {
		t.Errorf("neo4j volumes = %q, want a volume on /data", neo.Volumes)
	}
	for _, v := range neo.Volumes {
		if name, _, _ := strings.Cut(v, ":"); !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "/") {
			if _, ok := c.Volumes[name]; !ok {
				t.Errorf("volume %q is not declared under volumes", name)
			}
		}
	}
	if !strings.Contains(neo.Environment["NEO4J_AUTH"], "${NEO4J_PASSWORD") {
		t.Errorf("NEO4J_AUTH = %q, want the password from the env file", neo.Environment["NEO4J_AUTH"])
	}
	if hc := strings.Join(neo.Healthcheck.Test, " "); !strings.Contains(hc, "cypher-shell") {
		t.Errorf("neo4j healthcheck = %q, want a query through cypher-shell", hc)
	}

	app, ok := c.Services["actorgraph"]
	if !ok {
		t.Fatal("no actorgraph service")
	}
	if app.Build.IsZero() {
		t.Error("actorgraph service is not built from the repository")
	}
	if want := []string{"serve", "--addr", "0.0.0.0:8080", "--store", "neo4j://neo4j:7687"}; !slices.Equal(app.Command, want) {
		t.Errorf("actorgraph command = %q, want %q", app.Command, want)
	}
	if d, ok := app.DependsOn["neo4j"]; !ok || d.Condition != "service_healthy" {
		t.Errorf("actorgraph depends_on = %+v, want neo4j: service_healthy", app.DependsOn)
	}
	if app.EnvFile.Value != ".env" {
		t.Errorf("actorgraph env_file = %q, want .env", app.EnvFile.Value)
	}
	for _, v := range []string{"ACTORGRAPH_STORE", "ACTORGRAPH_ADDR", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
		if _, inCompose := app.Environment[v]; !inCompose {
			t.Errorf("actorgraph environment lacks %s", v)
		}
		if _, inExample := env[v]; !inExample {
			t.Errorf(".env.example lacks %s", v)
		}
	}
	if st := app.Environment["ACTORGRAPH_STORE"]; !strings.HasPrefix(st, "neo4j://neo4j:") {
		t.Errorf("ACTORGRAPH_STORE = %q, want the neo4j service", st)
	}
	if _, ok := env["ACTORGRAPH_API_TOKEN"]; !ok {
		t.Error(".env.example lacks ACTORGRAPH_API_TOKEN, without which serve refuses 0.0.0.0")
	}
	if len(env["NEO4J_PASSWORD"]) < 8 {
		t.Errorf(".env.example NEO4J_PASSWORD %q is shorter than the 8 characters Neo4j requires", env["NEO4J_PASSWORD"])
	}
	// Every ${VAR} compose interpolates is documented in .env.example.
	for _, m := range regexp.MustCompile(`\$\{([A-Z0-9_]+)`).FindAllStringSubmatch(string(repoFile(t, "docker-compose.yml")), -1) {
		if _, ok := env[m[1]]; !ok {
			t.Errorf("docker-compose.yml uses ${%s}, which .env.example does not define", m[1])
		}
	}
}

// TestDockerfile checks the image is a multi-stage build of cmd/actorgraph
// whose default command serves on Neo4j.
func TestDockerfile(t *testing.T) {
	df := string(repoFile(t, "Dockerfile"))
	from := regexp.MustCompile(`(?m)^FROM\s+(\S+)(\s+AS\s+(\S+))?`).FindAllStringSubmatch(df, -1)
	if len(from) < 2 {
		t.Fatalf("Dockerfile has %d stages, want a build stage and a runtime stage", len(from))
	}
	// Every stage but the last builds something the last one copies: the
	// Go binary, and the web page's assets.
	stages := map[string]string{}
	for _, f := range from[:len(from)-1] {
		if f[3] == "" {
			t.Errorf("stage %q is not named, so the runtime stage cannot copy from it", f[0])
			continue
		}
		stages[f[3]] = f[1]
		if !strings.Contains(df, "COPY --from="+f[3]) {
			t.Errorf("the runtime stage does not copy from the %s stage", f[3])
		}
	}
	var golang, node bool
	for _, image := range stages {
		golang = golang || strings.HasPrefix(image, "golang:")
		node = node || strings.HasPrefix(image, "node:")
	}
	if !golang || !node {
		t.Errorf("build stages %v: want a golang stage for the binary and a node stage for the web page", stages)
	}
	if !strings.Contains(df, "npm ci") || !strings.Contains(df, "ACTORGRAPH_WEB_DIR") {
		t.Error("Dockerfile does not build the web page from its lockfile and point the server at it")
	}
	if !strings.Contains(df, "./cmd/actorgraph") || !strings.Contains(df, "CGO_ENABLED=0") {
		t.Error("Dockerfile does not build ./cmd/actorgraph statically")
	}
	if !strings.Contains(df, `"serve", "--addr", "0.0.0.0:8080", "--store", "neo4j://neo4j:7687"`) {
		t.Error("Dockerfile's default command does not serve on the neo4j service")
	}
}
