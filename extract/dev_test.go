package extract_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

// devArticle is a gold corpus file, read only for its article fields.
type devArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// devCorpus loads ../shared/corpus/dev relative to the module root, or
// skips the test when it is not there.
func devCorpus(tb testing.TB) []graph.Article {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		tb.Skipf("no dev corpus at %s (it lives beside the repository as ../shared)", dir)
	}
	sort.Strings(files)
	var out []graph.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var a devArticle
		if err := json.Unmarshal(b, &a); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out = append(out, graph.Article{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published, Text: a.Text})
	}
	return out
}

func newExtractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	x, err := extract.New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return x
}

// checkExtraction asserts the output contract: Validate passes, every
// mention and evidence span points at its text, ids and lists are set.
func checkExtraction(t *testing.T, a graph.Article, x graph.Extraction) {
	t.Helper()
	if x.Article.Hash != graph.TextHash(a.Text) {
		t.Errorf("hash = %q, want the text's", x.Article.Hash)
	}
	if !utf8.ValidString(a.Text) {
		// Output must be valid UTF-8, so spans over invalid bytes read the
		// text with each invalid byte as a space (offsets unchanged).
		a.Text = blankInvalid(a.Text)
	}
	withText := x
	withText.Article.Text = a.Text
	if err := withText.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if x.Article.Text != "" {
		t.Errorf("article text not cleared")
	}
	for _, e := range x.Entities {
		if e.ID != graph.EntityID(e.Type, e.Name) {
			t.Errorf("entity id %q, want %q", e.ID, graph.EntityID(e.Type, e.Name))
		}
		if len(e.Mentions) == 0 {
			t.Errorf("entity %q has no mentions", e.ID)
		}
		if e.Aliases == nil {
			t.Errorf("entity %q has null aliases", e.ID)
		}
		for _, m := range e.Mentions {
			if a.Text[m.Start:m.End] != m.Text {
				t.Errorf("entity %q mention %d-%d is %q in the text, not %q", e.ID, m.Start, m.End, a.Text[m.Start:m.End], m.Text)
			}
			if strings.ContainsAny(m.Text, "\n—–") {
				t.Errorf("entity %q mention %q crosses a line or a dash", e.ID, m.Text)
			}
			if strings.HasSuffix(m.Text, "'s") || strings.HasSuffix(m.Text, "’s") {
				t.Errorf("entity %q mention %q holds a possessive", e.ID, m.Text)
			}
		}
	}
	for _, r := range x.Relations {
		ev := r.Evidence
		if ev.Start < 0 || ev.End > len(a.Text) || a.Text[ev.Start:ev.End] != ev.Text {
			t.Errorf("%s evidence %d-%d does not match its text", r.Type, ev.Start, ev.End)
		}
		if r.Via == nil || r.AttributedTo == nil {
			t.Errorf("%s has null via or attributed_to", r.Type)
		}
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("%s confidence %v outside (0,1]", r.Type, r.Confidence)
		}
		if r.Type == graph.HoldsRole && r.Role == "" {
			t.Errorf("HOLDS_ROLE %s→%s without a role", r.Subject, r.Object)
		}
	}
}

// TestDevCorpus runs the extractor over every dev article and checks the
// output contract.
func TestDevCorpus(t *testing.T) {
	arts := devCorpus(t)
	x := newExtractor(t)
	for _, a := range arts {
		t.Run(a.ID, func(t *testing.T) {
			out, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			checkExtraction(t, a, out)
			if len(out.Entities) == 0 {
				t.Errorf("no entities from a news article")
			}
		})
	}
}

// TestWriteDevJSONL writes the dev corpus extraction as JSONL to the path
// in ACTORGRAPH_DEV_OUT, for the corpus scorer; it skips otherwise.
func TestWriteDevJSONL(t *testing.T) {
	path := os.Getenv("ACTORGRAPH_DEV_OUT")
	if path == "" {
		t.Skip("set ACTORGRAPH_DEV_OUT=FILE to write the dev corpus extraction")
	}
	arts := devCorpus(t)
	x := newExtractor(t)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, a := range arts {
		out, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if err := enc.Encode(out); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	sharedOnce sync.Once
	shared     *extract.Extractor
	sharedErr  error
)

// sharedExtractor loads the extractor once for all tests.
func sharedExtractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	sharedOnce.Do(func() { shared, sharedErr = extract.New() })
	if sharedErr != nil {
		tb.Fatalf("New: %v", sharedErr)
	}
	return shared
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

func blankInvalid(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			b[i] = ' '
		}
		i += n
	}
	return string(b)
}

func extractNew() (*extract.Extractor, error) { return extract.New() }
