package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// RunScript runs statements one by one, each in its own transaction, as
// cypher-shell runs a script; for tests.
func (s *Store) RunScript(ctx context.Context, stmts []string) error {
	for _, st := range stmts {
		_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, st, nil)
			if err != nil {
				return nil, err
			}
			_, err = res.Consume(ctx)
			return nil, err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
