package main

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
	"github.com/actorgraph/actorgraph/samples"
)

func (m *Main) runDemo(ctx context.Context, args []string) error {
	fset := m.flagSet("demo", "[--addr HOST:PORT] [--db FILE] [--serve=false]",
		"Ingest the sample articles bundled in the binary into a fresh embedded store,\n"+
			"print example requests, and serve the API until interrupted.")
	addr := fset.String("addr", m.envOr("ACTORGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on")
	db := fset.String("db", "", "SQLite file for the demo graph (default: a new temporary file, removed on exit)")
	serve := fset.Bool("serve", true, "serve the API after ingesting")
	web := fset.String("web", m.envOr("ACTORGRAPH_WEB_DIR", api.DefaultWebDir), "directory of the built web page served at /")
	if err := m.parse(fset, args); err != nil {
		return err
	}
	m.webDir = *web

	dir, err := os.MkdirTemp("", "actorgraph-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := *db
	if path == "" {
		path = filepath.Join(dir, "demo.db")
	} else if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("demo needs a fresh store: %w", err)
	}
	inputs, err := writeSamples(filepath.Join(dir, "samples"))
	if err != nil {
		return err
	}

	st, err := sqlitestore.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := extract.New()
	if err != nil {
		return err
	}
	sum, err := m.ingest(ctx, st, x, []string{inputs})
	m.printSummary(sum)
	if err != nil {
		return err
	}
	if !*serve {
		return m.printExamples(ctx, st, "127.0.0.1:8080")
	}
	return m.serve(ctx, st, x, *addr, nil, func(bound string) {
		if err := m.printExamples(ctx, st, bound); err != nil {
			m.Logger.Warn("examples", "err", err)
		}
	})
}

// writeSamples copies the bundled sample articles to dir so they are read
// by the same code as any other input.
func writeSamples(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	err := fs.WalkDir(samples.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := samples.FS.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
	})
	return dir, err
}

// printExamples prints requests worth trying against the demo graph, built
// from what was actually ingested.
func (m *Main) printExamples(ctx context.Context, st graph.Store, addr string) error {
	people, err := st.FindEntities(ctx, graph.EntityFilter{Types: []graph.EntityType{graph.Person}, Limit: 20})
	if err != nil {
		return err
	}
	base := "http://" + addr
	w := m.Stdout
	fmt.Fprintf(w, "\nThe demo graph is ready. Open %s/ in a browser, or try:\n\n", base)
	fmt.Fprintf(w, "  curl '%s/healthz'\n", base)
	if len(people) == 0 {
		return nil
	}
	fmt.Fprintf(w, "  curl '%s/v1/entities?q=%s'\n", base, url.QueryEscape(people[0].Name))
	fmt.Fprintf(w, "  curl '%s/v1/entities/%s'\n", base, url.PathEscape(people[0].ID))
	fmt.Fprintf(w, "  curl '%s/v1/timeline?entity=%s'\n", base, url.QueryEscape(people[0].ID))
	// The pair with the longest shortest path makes the best example.
	var from, to graph.Entity
	best := 0
	for i := range people {
		for j := i + 1; j < len(people); j++ {
			ps, err := st.Paths(ctx, graph.PathQuery{From: people[i].ID, To: people[j].ID, Limit: 1})
			if err != nil || len(ps) == 0 {
				continue
			}
			if n := len(ps[0].Steps); n > best {
				best, from, to = n, people[i], people[j]
			}
		}
	}
	if best > 0 {
		fmt.Fprintf(w, "  curl '%s/v1/paths?from=%s&to=%s&max_hops=4'\n", base,
			url.QueryEscape(from.Name), url.QueryEscape(to.Name))
	}
	fmt.Fprintln(w)
	return nil
}
