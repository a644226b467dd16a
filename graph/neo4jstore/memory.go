package neo4jstore

import (
	"context"
	"errors"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// errTooBig stands for the server refusing a transaction for the memory
// it needs (db.memory.transaction.max for one transaction,
// dbms.memory.transaction.total.max for all at once). The server calls that
// transient and the driver would retry it for half a minute, but the same
// writes would only be refused again: this error, which does not wrap the
// server's, ends the retries, and Ingest writes the batch in smaller parts.
var errTooBig = errors.New("the transaction needs more memory than the server allows")

// refuseRetry turns the server's transaction-memory refusals into errTooBig
// and leaves other errors as they are.
func refuseRetry(err error) error {
	var n4 *neo4j.Neo4jError
	if errors.As(err, &n4) {
		switch n4.Code {
		case "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
			"Neo.TransientError.General.TransactionMemoryLimit":
			return errTooBig
		}
	}
	return err
}

// writeRefusable runs work in a write transaction as write does, retrying
// what the server calls transient for up to half a minute, but returns
// errTooBig at once when the server refuses the transaction for its memory.
// The refusal may come from a statement or from the commit (where the
// transaction's state is turned into writes), and the driver's managed
// transactions would retry both, so this one manages its own.
func (s *Store) writeRefusable(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.Background())
	wait, deadline := 100*time.Millisecond, time.Now().Add(30*time.Second)
	for {
		v, err := attempt(ctx, sess, work)
		if err == nil {
			return v, nil
		}
		err = refuseRetry(err)
		if errors.Is(err, errTooBig) || !neo4j.IsRetryable(err) || time.Now().After(deadline) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 3*time.Second)
	}
}

// attempt runs work once in an explicit transaction and commits it.
func attempt(ctx context.Context, sess neo4j.SessionWithContext, work neo4j.ManagedTransactionWork) (any, error) {
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Close(context.Background()) // rolls back unless committed
	v, err := work(tx)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	return v, nil
}

// batchBounds bound the articles and relations of one batched ingest
// transaction.
type batchBounds struct{ articles, relations int }

// batchBounds are the store's current bounds: the defaults until a server
// refused a batch.
func (s *Store) batchBounds() batchBounds {
	if b := s.batch.Load(); b != nil {
		return *b
	}
	return batchBounds{maxBatchArticles, maxBatchRelations}
}

// lowerBatchBounds halves the bounds below a run of the given size that the
// server refused, so the next run is smaller and the store's later calls
// do not pay for the same refusal again. The bounds stay lowered for the
// store's life: the server's limits do not change by themselves.
func (s *Store) lowerBatchBounds(articles, relations int) {
	for {
		old := s.batch.Load()
		cur := s.batchBounds()
		next := batchBounds{articles: max(1, min(cur.articles, articles/2)), relations: max(1, min(cur.relations, relations/2))}
		if s.batch.CompareAndSwap(old, &next) {
			return
		}
	}
}
