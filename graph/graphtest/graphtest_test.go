package graphtest_test

import (
	"reflect"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

func TestFixturesValid(t *testing.T) {
	sets := map[string][]graph.Extraction{
		"Fixture":     graphtest.Fixture(),
		"PathFixture": graphtest.PathFixture(),
		"HubFixture":  {graphtest.HubFixture(12)},
		"Generate":    graphtest.Generate(1, 200, 500),
	}
	for name, xs := range sets {
		t.Run(name, func(t *testing.T) {
			if len(xs) == 0 {
				t.Fatal("no extractions")
			}
			for i, x := range xs {
				if err := x.Validate(); err != nil {
					t.Errorf("extraction %d: %v", i, err)
				}
				for _, e := range x.Entities {
					if len(e.Mentions) == 0 {
						t.Errorf("extraction %d: entity %q has no mention", i, e.Name)
					}
					for _, m := range e.Mentions {
						if x.Article.Text[m.Start:m.End] != m.Text {
							t.Errorf("extraction %d: mention %+v does not match the text", i, m)
						}
					}
				}
				for _, r := range x.Relations {
					if x.Article.Text[r.Evidence.Start:r.Evidence.End] != r.Evidence.Text {
						t.Errorf("extraction %d: evidence %+v does not match the text", i, r.Evidence)
					}
				}
			}
		})
	}
}

func TestGoldValid(t *testing.T) {
	xs := graphtest.Gold(t)
	for _, x := range xs {
		if err := x.Validate(); err != nil {
			t.Errorf("%s: %v", x.Article.ID, err)
		}
		for _, r := range x.Relations {
			if r.Evidence.Text == "" || x.Article.Text[r.Evidence.Start:r.Evidence.End] != r.Evidence.Text {
				t.Errorf("%s: evidence %q not located in the text", x.Article.ID, r.Evidence.Text)
			}
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := graphtest.Generate(7, 100, 95), graphtest.Generate(7, 100, 95)
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed, different extractions")
	}
	n := 0
	for _, x := range a {
		n += len(x.Relations)
	}
	if n != 95 || len(a) != 10 {
		t.Errorf("%d relations in %d articles, want 95 in 10", n, len(a))
	}
}
