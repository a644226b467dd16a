package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

func (m *Main) runExport(ctx context.Context, args []string) error {
	fs := m.flagSet("export", "--format cytoscape|d3|graphml|gexf [--entity ID --depth N] [flags] [-o FILE]",
		"Write the graph for another tool: Cytoscape.js elements JSON, D3 node-link\n"+
			"JSON, GraphML (yEd, Gephi, networkx) or GEXF 1.3 (Gephi, with dated edges on\n"+
			"its timeline). Without --entity the whole graph passing the filters is\n"+
			"streamed from the store; with it, the neighbourhood within --depth hops.\n"+
			"-o writes a file atomically: a failed export leaves nothing behind.")
	storeURI := m.storeFlag(fs)
	format := fs.String("format", "", "output: cytoscape, d3, graphml, gexf, cypher (a cypher-shell script) or neo4j-admin (CSV files for neo4j-admin database import full, into the -o directory) (default: from the -o file's extension, .graphml or .gexf)")
	entity := fs.String("entity", "", "export only the neighbourhood of this entity (id or name)")
	depth := fs.Int("depth", 1, fmt.Sprintf("with --entity: hops from it (1..%d)", graph.MaxDepth))
	limit := fs.Int("limit", graph.DefaultNeighborhoodEdges, fmt.Sprintf("with --entity: most edges (1..%d)", graph.MaxNeighborhoodEdges))
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	filter := filterFlags(fs)
	pos, err := m.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return m.usageError(fs, fmt.Errorf("unexpected argument %q (the entity goes in --entity)", pos[0]))
	}
	if *entity == "" {
		var stray string
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "depth" || f.Name == "limit" {
				stray = f.Name
			}
		})
		if stray != "" {
			return m.usageError(fs, fmt.Errorf("--%s needs --entity", stray))
		}
	}
	if *format == "" {
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".graphml":
			*format = string(export.GraphML)
		case ".gexf":
			*format = string(export.GEXF)
		default:
			return m.usageError(fs, fmt.Errorf("give --format (cytoscape, d3, graphml or gexf)"))
		}
	}
	if *format == "cypher" || *format == "neo4j-admin" {
		var stray string
		fs.Visit(func(f *flag.Flag) {
			if f.Name != "store" && f.Name != "format" && f.Name != "o" {
				stray = f.Name
			}
		})
		if stray != "" {
			return m.usageError(fs, fmt.Errorf("--format %s exports the whole graph; --%s does not apply", *format, stray))
		}
		return m.exportNeo4j(ctx, *storeURI, *format, *out)
	}
	gf, err := export.ParseGraphFormat(*format)
	if err != nil {
		return m.usageError(fs, userError(err))
	}
	f, err := filter()
	if err != nil {
		return m.usageError(fs, userError(err))
	}
	st, err := m.openStore(ctx, *storeURI)
	if err != nil {
		return err
	}
	defer st.Close()
	src := export.StoreSource(st, f)
	if *entity != "" {
		e, err := resolveEntity(ctx, st, "--entity", *entity)
		if err != nil {
			return userError(err)
		}
		sg, err := graph.Neighborhood(ctx, st, graph.NeighborhoodQuery{Entity: e.ID, Depth: *depth, Limit: *limit, Filter: f})
		if err != nil {
			return userError(err)
		}
		if sg.Truncated {
			m.Logger.Warn("neighbourhood cut short by --limit; the nearest edges are kept", "limit", *limit, "edges", len(sg.Edges))
		}
		src = export.SubgraphSource(sg)
	}
	return m.output(*out, func(w io.Writer) error { return export.WriteGraph(ctx, w, gf, src) })
}

// output runs write to standard output, or to path atomically: into a
// temporary file beside it, renamed over path only once everything is
// written, so that a failure or an interrupt never leaves half a file.
func (m *Main) output(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriter(m.Stdout)
		if err := write(bw); err != nil {
			return userError(err)
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return userError(err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		done = true
		return fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	return nil
}

// exportNeo4j writes the whole graph for loading into Neo4j: a cypher-shell
// script (to -o or standard output) or, for neo4j-admin, a directory of CSV
// files and import.sh. Both copy every article, so filters and --entity do
// not apply.
func (m *Main) exportNeo4j(ctx context.Context, storeURI, format, out string) error {
	if format == "neo4j-admin" && (out == "" || out == "-") {
		return fmt.Errorf("--format neo4j-admin writes several files: give -o DIR")
	}
	st, err := m.openStore(ctx, storeURI)
	if err != nil {
		return err
	}
	defer st.Close()
	d, ok := st.(graph.Dumper)
	if !ok {
		return fmt.Errorf("the store %s cannot be read back whole", storeURI)
	}
	if format == "neo4j-admin" {
		if err := neo4jstore.WriteAdminImport(ctx, out, d); err != nil {
			return userError(err)
		}
		fmt.Fprintf(m.Stdout, "export: wrote neo4j-admin CSV files and import.sh to %s\n", out)
		return nil
	}
	return m.output(out, func(w io.Writer) error { return neo4jstore.WriteCypher(ctx, w, d) })
}
