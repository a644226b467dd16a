package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// defaultStore is the zero-set-up store: one SQLite file in the working
// directory.
const defaultStore = "sqlite:./actorgraph.db"

// storeFlag adds --store to a verb, defaulting to ACTORGRAPH_STORE.
func (m *Main) storeFlag(fs *flag.FlagSet) *string {
	def := m.Getenv("ACTORGRAPH_STORE")
	if def == "" {
		def = defaultStore
	}
	return fs.String("store", def, "graph store: sqlite:PATH, or a Neo4j URI bolt://|neo4j://|neo4j+s://HOST:PORT (env ACTORGRAPH_STORE; Neo4j credentials from NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
}

// openStore opens the store a URI names.
func (m *Main) openStore(ctx context.Context, uri string) (graph.Store, error) {
	scheme, rest, ok := strings.Cut(uri, ":")
	if !ok {
		return nil, fmt.Errorf("store %q: want sqlite:PATH or a Neo4j URI such as bolt://localhost:7687", uri)
	}
	switch strings.ToLower(scheme) {
	case "sqlite":
		path := strings.TrimPrefix(rest, "//")
		if path == "" {
			return nil, fmt.Errorf("store %q: no file path after sqlite:", uri)
		}
		return sqlitestore.Open(ctx, path)
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
		user := m.Getenv("NEO4J_USER")
		if user == "" {
			user = "neo4j"
		}
		return neo4jstore.Open(ctx, neo4jstore.Config{
			URI:      uri,
			User:     user,
			Password: m.Getenv("NEO4J_PASSWORD"),
			Database: m.Getenv("NEO4J_DATABASE"),
		})
	}
	return nil, fmt.Errorf("store %q: unknown scheme %q (want sqlite, bolt or neo4j)", uri, scheme)
}
