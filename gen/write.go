package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/actorgraph/actorgraph/graph"
)

// WriteJSONL writes n articles to w, one JSON object per line, in the form
// `actorgraph ingest` reads from a .jsonl file.
func (g *Generator) WriteJSONL(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for range n {
		a := g.Next()
		if err := enc.Encode(&a); err != nil {
			return fmt.Errorf("gen: writing article %s: %w", a.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: writing articles: %w", err)
	}
	return nil
}

// WriteDir writes n articles into dir, one JSON file per article named
// after its id, creating dir when needed.
func (g *Generator) WriteDir(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	for range n {
		a := g.Next()
		data, err := marshal(a)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, a.ID+".json"), data, 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	return nil
}

func marshal(a graph.Article) ([]byte, error) {
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("gen: encoding article %s: %w", a.ID, err)
	}
	return append(data, '\n'), nil
}

// Articles returns the first n articles of a fresh generator for o, for
// benchmarks that want them in memory.
func Articles(o Options, n int) []graph.Article {
	g := New(o)
	out := make([]graph.Article, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}
