package samples_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/samples"
	"github.com/actorgraph/actorgraph/source"
)

// articles reads every sample the way the demo does.
func articles(t *testing.T) []graph.Article {
	t.Helper()
	var out []graph.Article
	err := source.ReadFS(context.Background(), samples.FS, []string{"."}, func(it source.Item) error {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Origin, it.Err)
			return nil
		}
		if want := strings.TrimSuffix(it.Origin, ".json"); it.Article.ID != want {
			t.Errorf("%s: id %q, want the file's name %q", it.Origin, it.Article.ID, want)
		}
		out = append(out, it.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSamplesAreArticles(t *testing.T) {
	arts := articles(t)
	if len(arts) < 6 || len(arts) > 8 {
		t.Fatalf("%d samples, want 6 to 8", len(arts))
	}
	for _, a := range arts {
		t.Run(a.ID, func(t *testing.T) {
			switch {
			case !strings.HasPrefix(a.URL, "https://example.org/"):
				t.Errorf("url %q is not under https://example.org/", a.URL)
			case a.Title == "" || a.Source == "":
				t.Errorf("title %q or source %q is empty", a.Title, a.Source)
			case len(a.Published) != len("2006-01-02") || !graph.ValidDate(a.Published):
				t.Errorf("published %q is not YYYY-MM-DD", a.Published)
			case strings.Count(a.Text, "\n\n") < 2:
				t.Errorf("text has %d paragraphs, want at least 3", strings.Count(a.Text, "\n\n")+1)
			}
		})
	}
}

// TestSamplesChain checks that the actors of the demo's path query appear in
// more than one article, so resolution across articles has something to
// join.
func TestSamplesChain(t *testing.T) {
	arts := articles(t)
	for _, name := range []string{"Isabel Fuentes", "Martín Sorrento", "Anna Keller", "Helena Prado", "Austral Marine Holdings", "Tomás Varela", "Clara Ibáñez"} {
		n := 0
		for _, a := range arts {
			if strings.Contains(a.Text, name) {
				n++
			}
		}
		if n < 2 {
			t.Errorf("%s appears in %d samples, want at least 2", name, n)
		}
	}
}

// TestSamplesAreOwnWords fails when a sample shares a run of eight words
// with an article of the gold corpus: samples are written for the project,
// never taken from the corpus.
func TestSamplesAreOwnWords(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("gold corpus not found at %s; skipping", dir)
	}
	const n = 8
	shingles := func(text string) []string {
		w := strings.Fields(strings.ToLower(text))
		var out []string
		for i := 0; i+n <= len(w); i++ {
			out = append(out, strings.Join(w[i:i+n], " "))
		}
		return out
	}
	corpus := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var a struct{ Text string }
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, s := range shingles(a.Text) {
			corpus[s] = filepath.Base(f)
		}
	}
	for _, a := range articles(t) {
		for _, s := range shingles(a.Title + "\n" + a.Text) {
			if f, ok := corpus[s]; ok {
				t.Errorf("%s shares %q with %s", a.ID, s, f)
			}
		}
	}
}
