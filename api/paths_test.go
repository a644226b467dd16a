package api_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// pathNames asks h for /v1/paths?query and answers each path as its
// nodes' names, with "~" before a node reached through a via hop. It also
// checks what every answer must hold: the ends asked for, one step fewer
// than nodes, steps joining their nodes, and edges that pass the filter
// the query names (checked by the caller's keep).
func pathNames(t *testing.T, h http.Handler, query string, keep func(graph.Edge) bool) [][]string {
	t.Helper()
	var got api.PathsResponse
	getJSON(t, h, "/v1/paths?"+query, &got)
	out := [][]string{}
	for _, p := range got.Paths {
		if len(p.Nodes) != len(p.Steps)+1 || p.Nodes[0].ID != got.From.ID || p.Nodes[len(p.Nodes)-1].ID != got.To.ID {
			t.Fatalf("%s: malformed path %+v", query, p)
		}
		names := []string{p.Nodes[0].Name}
		for i, st := range p.Steps {
			if st.From != p.Nodes[i].ID || st.To != p.Nodes[i+1].ID || len(st.Edges) == 0 {
				t.Errorf("%s: step %d %+v does not join %s and %s", query, i, st, p.Nodes[i].ID, p.Nodes[i+1].ID)
			}
			for _, e := range st.Edges {
				if keep != nil && !keep(e) {
					t.Errorf("%s: step %d holds %s %s, which the filter leaves out", query, i, e.Type, e.Date)
				}
			}
			n := p.Nodes[i+1].Name
			if st.Via {
				n = "~" + n
			}
			names = append(names, n)
		}
		out = append(out, names)
	}
	return out
}

// TestPathQueries checks every parameter of /v1/paths over
// graphtest.PathFixture (see its map).
func TestPathQueries(t *testing.T) {
	h := fixtureServer(t, graphtest.PathFixture())
	filter := func(f graph.RelationFilter) func(graph.Edge) bool { return f.Match }
	tests := []struct {
		query string
		keep  func(graph.Edge) bool
		want  [][]string
	}{
		// All shortest paths, in a stable order.
		{"from=Alpha&to=Delta", nil, [][]string{{"Alpha", "Bravo", "Delta"}, {"Alpha", "Charlie", "Delta"}, {"Alpha", "Echo", "Delta"}}},
		{"from=Alpha&to=Delta&limit=1", nil, [][]string{{"Alpha", "Bravo", "Delta"}}},
		// k asks for the k shortest, longer ones included.
		{"from=Alpha&to=Bravo&k=1", nil, [][]string{{"Alpha", "Bravo"}}},
		{"from=Alpha&to=Bravo&k=2", nil, [][]string{{"Alpha", "Bravo"}, {"Alpha", "Echo", "Bravo"}}},
		// max_hops: the default (4) reaches Hotel from Alpha; 3 does not.
		{"from=Alpha&to=Hotel", nil, [][]string{{"Alpha", "Bravo", "Delta", "Foxtrot", "Hotel"}, {"Alpha", "Charlie", "Delta", "Foxtrot", "Hotel"}, {"Alpha", "Echo", "Delta", "Foxtrot", "Hotel"}}},
		{"from=Alpha&to=Hotel&max_hops=3", nil, [][]string{}},
		// via_hops walks to a relation's via entity and on.
		{"from=Alpha&to=Golf", nil, [][]string{}},
		{"from=Hotel&to=Golf&via_hops=true", nil, [][]string{{"Hotel", "Foxtrot", "~Golf"}}},
		{"from=Delta&to=Foxtrot&via_hops=true&k=2", nil, [][]string{{"Delta", "Foxtrot"}, {"Delta", "~Golf", "~Foxtrot"}}},
		// Filters.
		{"from=Alpha&to=Delta&type=MEET", filter(graph.RelationFilter{Types: []graph.RelationType{graph.Meet}}), [][]string{{"Alpha", "Bravo", "Delta"}}},
		{"from=Alpha&to=Delta&exclude_type=MEET,COOPERATE", filter(graph.RelationFilter{ExcludeTypes: []graph.RelationType{graph.Meet, graph.Cooperate}}),
			[][]string{{"Alpha", "Charlie", "Delta"}}},
		{"from=Alpha&to=Delta&exclude_type=MEET,SUPPORT,COOPERATE", nil, [][]string{}},
		{"from=Alpha&to=Delta&from_date=2025-02", filter(graph.RelationFilter{FromDate: "2025-02"}), [][]string{{"Alpha", "Bravo", "Delta"}}},
		{"from=Alpha&to=Delta&to_date=2025-01-31", filter(graph.RelationFilter{ToDate: "2025-01-31"}), [][]string{{"Alpha", "Charlie", "Delta"}}},
		{"from=Bravo&to=Charlie", nil, [][]string{{"Bravo", "Alpha", "Charlie"}, {"Bravo", "Delta", "Charlie"}}},
		{"from=Bravo&to=Charlie&include_negated=true", nil, [][]string{{"Bravo", "Charlie"}}},
		{"from=Alpha&to=Hotel&source=Harbor+Daily", nil, [][]string{}},
		{"from=Delta&to=Hotel&source=Harbor+Daily", nil, [][]string{{"Delta", "Foxtrot", "Hotel"}}},
		{"from=Delta&to=Hotel&min_support=2", nil, [][]string{}},
		{"from=Delta&to=Hotel&min_confidence=0.5", nil, [][]string{{"Delta", "Foxtrot", "Hotel"}}},
		{"from=Alpha&to=Echo&structural=false", nil, [][]string{{"Alpha", "Echo"}}},
		// A date window that no supporting relation falls in: no path,
		// answered 200 with an empty list (it is a search that found
		// nothing, not a missing resource).
		{"from=Alpha&to=Delta&from_date=2030", nil, [][]string{}},
		{"from=Alpha&to=Delta&from_date=2025-03-02&to_date=2025-12", nil, [][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := pathNames(t, h, tt.query, tt.keep); !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("paths = %v, want %v", got, tt.want)
			}
		})
	}
	checkBad(t, h, []badRequest{
		{"/v1/paths?from=Alpha&to=Hotel&max_hops=7", 400, "max_hops"},
		{"/v1/paths?from=Alpha&to=Hotel&max_hops=0", 400, "max_hops"},
		{"/v1/paths?from=Alpha&to=Hotel&k=101", 400, "k"},
		{"/v1/paths?from=Alpha&to=Hotel&k=two", 400, "k"},
		{"/v1/paths?from=Alpha&to=Hotel&limit=0", 400, "limit"},
		{"/v1/paths?from=Alpha&to=Hotel&from_date=2025-03&to_date=2025-02", 400, "inverted"},
		{"/v1/paths?from=Alpha&to=Hotel&from_date=March", 400, "from_date"},
		{"/v1/paths?from=Alpha&to=Hotel&min_support=x", 400, "min_support"},
		{"/v1/paths?from=Alpha&to=Hotel&source=a&source=b", 400, "source"},
		{"/v1/paths?from=Alpha&to=Hotel&via_hops=sometimes", 400, "via_hops"},
		{"/v1/paths?from=Alpha&to=Nowhere", 404, "Nowhere"},
	})
}

// TestPathsDefaultMaxHops checks that without max_hops a path longer than
// graph.DefaultMaxHops is not looked for, and that the cap lets it be.
func TestPathsDefaultMaxHops(t *testing.T) {
	h := loaded(t)
	if got := pathNames(t, h, "from=Dana+Reyes&to=Tomas+Reyes", nil); len(got) != 0 {
		t.Errorf("paths = %v, want none within the default %d hops", got, graph.DefaultMaxHops)
	}
	if got := pathNames(t, h, "from=Dana+Reyes&to=Tomas+Reyes&max_hops=6", nil); len(got) != 1 || len(got[0]) != 7 {
		t.Errorf("paths = %v, want one of 6 hops", got)
	}
}
