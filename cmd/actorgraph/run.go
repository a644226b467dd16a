package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
)

// Main holds what the verbs share: where they write and how they read the
// environment. Tests build one with buffers and their own environment.
type Main struct {
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads the environment; tests replace it.
	Getenv func(string) string
	// Logger is built by Run from --log-format unless a test sets it.
	Logger *slog.Logger

	// webDir is the built web page's directory, set by serve and demo.
	webDir string
}

// NewMain returns a Main wired to the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// errUsage marks a command-line mistake; main exits 2 for it.
var errUsage = errors.New("usage")

// errPartial marks a run that did all it could but some inputs failed;
// main exits 1 for it after the summary has been printed.
type errPartial struct{ failed int }

func (e errPartial) Error() string { return fmt.Sprintf("%d input(s) failed", e.failed) }

type verb struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

func verbs() []verb {
	return []verb{
		{"extract", "print entities and relations of articles as JSON Lines, without a store", (*Main).runExtract},
		{"ingest", "extract articles and store them in the graph", (*Main).runIngest},
		{"serve", "run the HTTP API over a store", (*Main).runServe},
		{"demo", "ingest the bundled sample articles into a fresh store and serve the API", (*Main).runDemo},
		{"eval", "score the extractor on a gold folder (../shared/corpus format)", (*Main).runEval},
		{"path", "print how two entities are connected", (*Main).runPath},
		{"timeline", "print what happened to an entity, or between two, as JSON, CSV or timeline JSON", (*Main).runTimeline},
		{"export", "write the graph, or an entity's neighbourhood, as Cytoscape, D3, GraphML or GEXF; the whole graph as a Cypher script or neo4j-admin CSV", (*Main).runExport},
		{"gen", "write synthetic news articles about a fictional cast, for benchmarks", (*Main).runGen},
		{"migrate", "copy a graph between stores (SQLite, Neo4j), keeping entity ids; rerun to resume", (*Main).runMigrate},
	}
}

// Run runs one verb with its arguments and returns its exit code: 0 on
// success, 1 when the verb failed or some inputs did, 2 for a usage error.
func (m *Main) Run(ctx context.Context, args []string) int {
	if m.Getenv == nil {
		m.Getenv = os.Getenv
	}
	if m.Logger == nil {
		m.Logger = slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage(m.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, v := range verbs() {
		if v.name != args[0] {
			continue
		}
		err := v.run(m, ctx, args[1:])
		return m.exitCode(v.name, err)
	}
	fmt.Fprintf(m.Stderr, "actorgraph: unknown command %q\n\n", args[0])
	m.usage(m.Stderr)
	return 2
}

func (m *Main) exitCode(name string, err error) int {
	var partial errPartial
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, &partial):
		fmt.Fprintf(m.Stderr, "actorgraph %s: %v\n", name, err)
		return 1
	default:
		fmt.Fprintf(m.Stderr, "actorgraph %s: %v\n", name, err)
		return 1
	}
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprintln(w, "actorgraph builds a knowledge graph of political actors and events from news.")
	fmt.Fprintln(w, "\nUsage: actorgraph COMMAND [flags] [args]\n\nCommands:")
	for _, v := range verbs() {
		fmt.Fprintf(w, "  %-8s %s\n", v.name, v.summary)
	}
	fmt.Fprintln(w, "\nRun 'actorgraph COMMAND --help' for a command's flags.")
}

// flagSet returns a FlagSet for a verb that prints its usage to the verb's
// writer and reports errors instead of exiting.
func (m *Main) flagSet(name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: actorgraph %s %s\n\n%s\n", name, args, about)
		var has bool
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses a verb's flags, turning a bad flag into errUsage and --help
// into flag.ErrHelp with the usage on stdout.
func (m *Main) parse(fs *flag.FlagSet, args []string) error {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fs.SetOutput(m.Stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// logFormat installs a logger writing text or JSON lines to stderr.
func (m *Main) logFormat(format string) error {
	switch strings.ToLower(format) {
	case "text", "":
		m.Logger = slog.New(slog.NewTextHandler(m.Stderr, nil))
	case "json":
		m.Logger = slog.New(slog.NewJSONHandler(m.Stderr, nil))
	default:
		fmt.Fprintf(m.Stderr, "--log-format %q: want text or json\n", format)
		return errUsage
	}
	return nil
}
