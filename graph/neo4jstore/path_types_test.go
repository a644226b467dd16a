package neo4jstore

import (
	"regexp"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// TestPathTypesWrittenOut checks that the path statements, which write the
// relationship types out so the expand skips MENTIONS, name exactly the
// ontology's types: a type added to the ontology and not here would never
// carry a path.
func TestPathTypesWrittenOut(t *testing.T) {
	var want []string
	for _, rt := range graph.RelationTypes() {
		want = append(want, string(rt))
	}
	typed := regexp.MustCompile(`\[r[12]?:([A-Z_|]+)\]`)
	for _, name := range []string{"path_expand", "path_expand_to", "path_expand_via", "path_meet"} {
		ms := typed.FindAllStringSubmatch(statements[name], -1)
		if ms == nil {
			t.Errorf("%s: no typed relationship pattern [r:A|B|...]", name)
		}
		for _, m := range ms {
			if got := strings.Split(m[1], "|"); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("%s names %v, the ontology %v", name, got, want)
			}
		}
	}
}
