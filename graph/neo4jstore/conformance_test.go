package neo4jstore_test

import (
	"testing"

	"github.com/actorgraph/actorgraph/graph/graphtest"
)

func TestConformance(t *testing.T) {
	graphtest.Run(t, open)
}
