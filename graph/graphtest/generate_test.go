package graphtest_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

func TestGenerator(t *testing.T) {
	for _, c := range []struct {
		name                      string
		seed                      uint64
		entities, relations, arts int
	}{
		{"even", 7, 100, 95, 10},
		{"hubs", 3, 40, 400, 40},
		{"sparse", 11, 5000, 1001, 101},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := graphtest.Generate(c.seed, c.entities, c.relations)
			g := graphtest.NewGenerator(c.seed, c.entities, c.relations)
			if g.Articles() != c.arts || len(want) != c.arts {
				t.Fatalf("Articles() = %d, Generate made %d, want %d", g.Articles(), len(want), c.arts)
			}
			var got []graph.Extraction
			for x, ok := g.Next(); ok; x, ok = g.Next() {
				got = append(got, x)
			}
			if !reflect.DeepEqual(got, want) {
				t.Error("the generator and Generate disagree")
			}
			var ids []string
			for _, x := range want {
				for _, e := range x.Entities {
					if id := graph.EntityID(e.Type, e.Name); !slices.Contains(ids, id) {
						ids = append(ids, id)
					}
				}
			}
			slices.Sort(ids)
			if got := graphtest.GeneratedIDs(c.seed, c.entities, c.relations); !slices.Equal(got, ids) {
				t.Errorf("GeneratedIDs gives %d ids, the extractions name %d", len(got), len(ids))
			}
		})
	}
}
