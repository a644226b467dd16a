package neo4jstore_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

// devCorpus extracts every article of ../shared/corpus/dev (relative to the
// module root), or skips the test when the folder is not there.
func devCorpus(t *testing.T) []graph.Extraction {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no gold corpus at %s (the shared folder is not beside the repository)", dir)
	}
	sort.Strings(files)
	x, err := extract.New()
	if err != nil {
		t.Fatalf("extract.New: %v", err)
	}
	var out []graph.Extraction
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var a graph.Article
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatalf("extracting %s: %v", f, err)
		}
		out = append(out, ex)
	}
	return out
}

// TestDevCorpusTwice ingests the extracted dev corpus twice: the second
// run must find every article unchanged and leave the counts as they were.
func TestDevCorpusTwice(t *testing.T) {
	xs := devCorpus(t)
	s := fresh(t)
	ctx := context.Background()
	rep, err := s.Ingest(ctx, xs)
	if err != nil {
		t.Fatalf("first Ingest: %v", err)
	}
	if rep.ArticlesNew != len(xs) || rep.ArticlesFailed != 0 {
		t.Fatalf("first ingest: %d new, %d failed of %d", rep.ArticlesNew, rep.ArticlesFailed, len(xs))
	}
	first, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.Entities == 0 || first.Relations == 0 || first.Articles != len(xs) {
		t.Fatalf("after the first ingest: %+v, want entities, relations and %d articles", first, len(xs))
	}
	rep, err = s.Ingest(ctx, xs)
	if err != nil {
		t.Fatalf("second Ingest: %v", err)
	}
	if rep.ArticlesSkipped != len(xs) || rep.EntitiesAdded+rep.RelationsAdded+rep.EvidenceAdded != 0 {
		t.Errorf("second ingest report = %+v, want every article unchanged and nothing added", rep)
	}
	second, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if second != first {
		t.Errorf("counts after the second ingest = %+v, want %+v", second, first)
	}
	// Replacing every article by itself with a new hash takes back and
	// re-adds each contribution: the graph must come out the same size.
	// (An article without a URL is keyed by its hash, so it cannot have a
	// new version; it stays as it is.)
	changed := make([]graph.Extraction, len(xs))
	withURL := 0
	for i, x := range xs {
		changed[i] = x
		if x.Article.URL != "" {
			changed[i].Article.Hash = graph.TextHash(x.Article.Text + " ")
			withURL++
		}
	}
	rep, err = s.Ingest(ctx, changed)
	if err != nil || rep.ArticlesReplaced != withURL || rep.ArticlesFailed != 0 {
		t.Fatalf("re-ingest with new hashes: %v, %d replaced, %d failed; want %d replaced", err, rep.ArticlesReplaced, rep.ArticlesFailed, withURL)
	}
	if third, _ := s.Counts(ctx); third != first {
		t.Errorf("counts after replacing every article = %+v, want %+v", third, first)
	}
}
