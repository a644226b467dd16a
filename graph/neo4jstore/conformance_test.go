package neo4jstore_test

import (
	"testing"

	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// TestConformance runs the suite every graph.Store passes against the
// server.
func TestConformance(t *testing.T) {
	shared(t) // skips without a server, once rather than per case
	graphtest.Run(t, open)
}
