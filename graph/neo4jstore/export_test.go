package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Clear deletes everything in the database, for tests.
func (s *Store) Clear(ctx context.Context) error { return s.clear(ctx) }

// Snapshot is a database's content, kept by tests that need two stores at
// once while Neo4j Community has one database.
type Snapshot struct {
	Nodes []map[string]any
	Rels  []map[string]any
}

// Test-only statements: they copy a database's content out and back in,
// whatever it holds, so they are not part of the product's cypher files.
const (
	dumpNodes = `MATCH (n) RETURN {id: elementId(n), labels: labels(n), props: properties(n)} AS row`
	dumpRels  = `MATCH (a)-[r]->(b) RETURN {a: elementId(a), b: elementId(b), type: type(r), props: properties(r)} AS row`
	loadNodes = `UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props, n.snapshot_id = row.id`
	loadRels  = `UNWIND $rows AS row
MATCH (a {snapshot_id: row.a}) MATCH (b {snapshot_id: row.b})
CREATE (a)-[r:$(row.type)]->(b) SET r = row.props`
	loadDone = `MATCH (n) REMOVE n.snapshot_id`
)

// TakeSnapshot reads the whole database. (Dump is graph.Dumper.)
func (s *Store) TakeSnapshot(ctx context.Context) (*Snapshot, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		snap := &Snapshot{}
		for _, q := range []struct {
			stmt string
			into *[]map[string]any
		}{{dumpNodes, &snap.Nodes}, {dumpRels, &snap.Rels}} {
			res, err := tx.Run(ctx, q.stmt, nil)
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			for _, r := range recs {
				v, _ := r.Get("row")
				*q.into = append(*q.into, v.(map[string]any))
			}
		}
		return snap, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*Snapshot), nil
}

// LoadAll replaces the database's content with snap.
func (s *Store) LoadAll(ctx context.Context, snap *Snapshot) error {
	if err := s.clear(ctx); err != nil {
		return err
	}
	_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, q := range []struct {
			stmt   string
			params map[string]any
		}{
			{loadNodes, map[string]any{"rows": snap.Nodes}},
			{loadRels, map[string]any{"rows": snap.Rels}},
			{loadDone, nil},
		} {
			res, err := tx.Run(ctx, q.stmt, q.params)
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}
