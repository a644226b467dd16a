package sqlitestore

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts bounds the statements kept prepared. Listing queries are built
// from their filter, so their texts are many but few in practice; past the
// bound a query is prepared each time rather than kept.
const maxStmts = 256

// stmts keeps the read queries prepared on the database, by text. Preparing
// costs a parse in SQLite and C allocations, and the C allocator of
// modernc.org/libc takes one process-wide lock: a server preparing every
// query spent its time waiting on that lock, not working. database/sql
// prepares a kept *sql.Stmt once per connection and reuses it after.
type stmts struct {
	mu sync.RWMutex
	m  map[string]*sql.Stmt
	// oneConn is set when the database has one connection (":memory:"):
	// a transaction holds it, so a statement cannot be prepared on the
	// database meanwhile.
	oneConn bool
}

// stmt returns the kept statement for query, preparing it on first use
// unless inTx on a database of one connection; nil (and no error) when
// there is none.
func (s *Store) stmt(ctx context.Context, query string, inTx bool) (*sql.Stmt, error) {
	c := &s.stmts
	c.mu.RLock()
	st := c.m[query]
	n := len(c.m)
	c.mu.RUnlock()
	if st != nil || n >= maxStmts || (inTx && c.oneConn) {
		return st, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := c.m[query]; st != nil {
		return st, nil
	}
	if len(c.m) >= maxStmts {
		return nil, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

// query runs a read query through its kept statement, inside tx when tx is
// not nil.
func (s *Store) query(ctx context.Context, tx *sql.Tx, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query, tx != nil)
	if err != nil {
		return nil, err
	}
	switch {
	case st == nil && tx == nil:
		return s.db.QueryContext(ctx, query, args...)
	case st == nil:
		return tx.QueryContext(ctx, query, args...)
	case tx != nil:
		// Closed with the transaction; prepared on tx's connection only
		// the first time it is used there.
		st = tx.StmtContext(ctx, st)
	}
	return st.QueryContext(ctx, args...)
}

// queryRow is query for one row.
func (s *Store) queryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	st, err := s.stmt(ctx, query, tx != nil)
	switch {
	case err != nil || st == nil:
		// A failed prepare is reported by the plain query.
		if tx != nil {
			return tx.QueryRowContext(ctx, query, args...)
		}
		return s.db.QueryRowContext(ctx, query, args...)
	case tx != nil:
		st = tx.StmtContext(ctx, st)
	}
	return st.QueryRowContext(ctx, args...)
}

// closeStmts closes the kept statements, before the database.
func (s *Store) closeStmts() {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}
