package gen_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/gen"
	"github.com/actorgraph/actorgraph/graph"
)

func jsonl(t *testing.T, seed uint64, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gen.New(gen.Options{Seed: seed}).WriteJSONL(&buf, n); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	for _, seed := range []uint64{0, 1, 42} {
		t.Run("", func(t *testing.T) {
			a, b := jsonl(t, seed, 50), jsonl(t, seed, 50)
			if !bytes.Equal(a, b) {
				t.Errorf("seed %d: two runs differ", seed)
			}
			if c := jsonl(t, seed+1, 50); bytes.Equal(a, c) {
				t.Errorf("seeds %d and %d give the same articles", seed, seed+1)
			}
		})
	}
}

// TestPrefix checks that n articles are the first n of a longer run, so a
// small run is a sample of a large one.
func TestPrefix(t *testing.T) {
	short, long := jsonl(t, 7, 10), jsonl(t, 7, 30)
	if !bytes.HasPrefix(long, short) {
		t.Error("the first 10 of 30 articles differ from a run of 10")
	}
}

func TestShape(t *testing.T) {
	data := jsonl(t, 3, 200)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 200 {
		t.Fatalf("got %d lines, want 200", len(lines))
	}
	ids, urls := map[string]bool{}, map[string]bool{}
	total := 0
	for i, l := range lines {
		var a graph.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		switch {
		case a.ID == "" || ids[a.ID]:
			t.Errorf("line %d: id %q empty or repeated", i+1, a.ID)
		case a.URL == "" || urls[a.URL]:
			t.Errorf("line %d: url %q empty or repeated", i+1, a.URL)
		case a.Title == "" || a.Source == "":
			t.Errorf("line %d: no title or source", i+1)
		case !graph.ValidDate(a.Published) || len(a.Published) != 10:
			t.Errorf("line %d: published %q is not YYYY-MM-DD", i+1, a.Published)
		case strings.Contains(a.Text, "%!"):
			t.Errorf("line %d: formatting error in %q", i+1, a.Text)
		}
		ids[a.ID], urls[a.URL] = true, true
		total += len(a.Text)
	}
	// Real news in ../shared averages some 1,900 bytes an article.
	if avg := total / len(lines); avg < 1200 || avg > 3000 {
		t.Errorf("average text is %d bytes, want news-sized (1200–3000)", avg)
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := gen.New(gen.Options{Seed: 5}).WriteDir(dir, 4); err != nil {
		t.Fatal(err)
	}
	want := gen.Articles(gen.Options{Seed: 5}, 4)
	for _, w := range want {
		data, err := os.ReadFile(filepath.Join(dir, w.ID+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var got graph.Article
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		if got != w {
			t.Errorf("%s.json = %+v, want %+v", w.ID, got, w)
		}
	}
}

// TestCast checks the cast is large and fictional: many distinct people
// across articles, none of them named after a state.
func TestCast(t *testing.T) {
	people := map[string]bool{}
	for _, a := range gen.Articles(gen.Options{Seed: 9, Sizes: gen.Sizes{People: 3000}}, 300) {
		for _, w := range strings.Fields(a.Title) {
			people[w] = true
		}
	}
	if len(people) < 200 {
		t.Errorf("300 headlines name %d distinct words, want a large cast", len(people))
	}
}

// TestExtractable runs the real extractor over generated articles: it must
// find people, organisations, states and relations of many types, at a
// density like real news.
func TestExtractable(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the extractor's models")
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	const n = 20
	types := map[graph.EntityType]int{}
	rels := map[graph.RelationType]int{}
	var vias, attributed, dated, relations int
	for _, a := range gen.Articles(gen.Options{Seed: 11}, n) {
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ex.Entities {
			types[e.Type]++
		}
		for _, r := range ex.Relations {
			rels[r.Type]++
			relations++
			if len(r.Via) > 0 {
				vias++
			}
			if len(r.AttributedTo) > 0 {
				attributed++
			}
			if r.Date != "" {
				dated++
			}
		}
	}
	t.Logf("entities by type %v; relations by type %v; %d with via, %d attributed, %d dated", types, rels, vias, attributed, dated)
	for _, typ := range []graph.EntityType{graph.Person, graph.Organization, graph.Country, graph.Location} {
		if types[typ] == 0 {
			t.Errorf("no %s entity found in %d articles", typ, n)
		}
	}
	if len(rels) < 8 {
		t.Errorf("relations of %d types found, want at least 8", len(rels))
	}
	if relations < 8*n {
		t.Errorf("%d relations in %d articles, want news-like density (at least 8 an article)", relations, n)
	}
	for name, c := range map[string]int{"via": vias, "attributed": attributed, "dated": dated, "HOLDS_ROLE": rels[graph.HoldsRole]} {
		if c == 0 {
			t.Errorf("no relation %s in %d articles", name, n)
		}
	}
}
