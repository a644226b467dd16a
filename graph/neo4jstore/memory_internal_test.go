package neo4jstore

import (
	"errors"
	"fmt"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Neo4j Community cannot lower its transaction memory limit at run time
// (dbms.setConfigValue is Enterprise's), so a test cannot make the server
// refuse a batch cheaply; scripts/bench's million-relation build is where
// that happens for real. These tests hold the two pieces the recovery
// rests on.

// The driver retries any error that wraps a transient Neo4jError; a
// memory refusal must reach Ingest without one, and other errors must stay
// as they were.
func TestRefuseRetry(t *testing.T) {
	for _, tc := range []struct {
		code    string
		tooBig  bool
		retries bool
	}{
		{"Neo.TransientError.General.MemoryPoolOutOfMemoryError", true, false},
		{"Neo.TransientError.General.TransactionMemoryLimit", true, false},
		{"Neo.TransientError.Transaction.DeadlockDetected", false, true},
		{"Neo.ClientError.Schema.ConstraintValidationFailed", false, false},
	} {
		t.Run(tc.code, func(t *testing.T) {
			err := refuseRetry(fmt.Errorf("statement: %w", &neo4j.Neo4jError{Code: tc.code, Msg: "refused"}))
			if got := errors.Is(err, errTooBig); got != tc.tooBig {
				t.Errorf("errors.Is(err, errTooBig) = %v, want %v", got, tc.tooBig)
			}
			if got := neo4j.IsRetryable(err); got != tc.retries {
				t.Errorf("the driver would retry it: %v, want %v", got, tc.retries)
			}
		})
	}
	if refuseRetry(nil) != nil {
		t.Error("refuseRetry(nil) is not nil")
	}
}

// Each refusal must make the next run strictly smaller, down to one
// article, whatever bound made the refused run end, and never raise a
// bound.
func TestLowerBatchBounds(t *testing.T) {
	s := &Store{}
	if b := s.batchBounds(); b != (batchBounds{maxBatchArticles, maxBatchRelations}) {
		t.Fatalf("default bounds %+v", b)
	}
	s.lowerBatchBounds(1000, 10000)
	if b := s.batchBounds(); b != (batchBounds{500, 5000}) {
		t.Errorf("after refusing 1000 articles / 10000 relations: %+v, want {500 5000}", b)
	}
	// A short call's run (12 articles) is refused: below it, not merely
	// below the bounds.
	s.lowerBatchBounds(12, 120)
	if b := s.batchBounds(); b != (batchBounds{6, 60}) {
		t.Errorf("after refusing 12 articles: %+v, want {6 60}", b)
	}
	s.lowerBatchBounds(400, 4000) // a bigger run refused elsewhere raises nothing
	if b := s.batchBounds(); b != (batchBounds{6, 60}) {
		t.Errorf("bounds raised to %+v", b)
	}
	s.lowerBatchBounds(2, 0)
	if b := s.batchBounds(); b.articles != 1 || b.relations != 1 {
		t.Errorf("bounds %+v, want one article", b)
	}
}
