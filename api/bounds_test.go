package api_test

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// TestPathBounds checks evidence and step_edges of /v1/paths against the
// same paths asked whole (evidence=100, step_edges=1000), between every
// pair of entities of graphtest.Fixture, whose edges carry several
// sentences.
func TestPathBounds(t *testing.T) {
	h := fixtureServer(t, graphtest.Fixture())
	var all api.EntitiesResponse
	getJSON(t, h, "/v1/entities?limit=1000", &all)
	tests := []struct {
		query           string
		evidence, edges int // the bounds the query sets, as the API reads them
	}{
		{"", graph.DefaultEvidence, api.DefaultStepEdges},
		{"&evidence=1", 1, api.DefaultStepEdges},
		{"&evidence=0", 0, api.DefaultStepEdges},
		{"&evidence=2&step_edges=1", 2, 1},
		{"&step_edges=2", graph.DefaultEvidence, 2},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			cutEvidence := 0
			for _, from := range all.Entities {
				for _, to := range all.Entities {
					if from.ID == to.ID {
						continue
					}
					base := "/v1/paths?include_negated=true&from=" + url.QueryEscape(from.ID) + "&to=" + url.QueryEscape(to.ID)
					var whole, got api.PathsResponse
					getJSON(t, h, base+"&evidence=100&step_edges=1000", &whole)
					getJSON(t, h, base+tt.query, &got)
					if len(got.Paths) != len(whole.Paths) {
						t.Fatalf("%s: %d paths, whole %d", base+tt.query, len(got.Paths), len(whole.Paths))
					}
					for i, wp := range whole.Paths {
						for j, ws := range wp.Steps {
							gs := got.Paths[i].Steps[j]
							if gs.EdgesTotal != len(ws.Edges) || len(gs.Edges) != min(tt.edges, len(ws.Edges)) {
								t.Errorf("%s: step %d holds %d edges of %d, want %d of %d", base+tt.query, j, len(gs.Edges), gs.EdgesTotal, min(tt.edges, len(ws.Edges)), len(ws.Edges))
							}
							for _, e := range gs.Edges {
								w := findEdge(ws.Edges, e.ID)
								if w == nil {
									t.Fatalf("%s: step %d holds %s, which the whole step does not", base+tt.query, j, e.ID)
								}
								want := w.Evidence[:min(tt.evidence, len(w.Evidence))]
								if len(want) < len(w.Evidence) {
									cutEvidence++
								}
								if e.EvidenceTotal != len(w.Evidence) || !reflect.DeepEqual(e.Evidence, want) {
									t.Errorf("%s: edge %s has %d of %d sentences, want the first %d of %d", base+tt.query, e.ID, len(e.Evidence), e.EvidenceTotal, len(want), len(w.Evidence))
								}
							}
						}
					}
				}
			}
			if tt.evidence < 2 && cutEvidence == 0 {
				t.Errorf("no edge's evidence was cut; the fixture does not test %q", tt.query)
			}
		})
	}
	checkBad(t, h, []badRequest{
		{"/v1/paths?from=Quist&to=Brevik&evidence=-1", 400, "evidence"},
		{"/v1/paths?from=Quist&to=Brevik&evidence=101", 400, "evidence"},
		{"/v1/paths?from=Quist&to=Brevik&evidence=all", 400, "evidence"},
		{"/v1/paths?from=Quist&to=Brevik&step_edges=0", 400, "step_edges"},
		{"/v1/paths?from=Quist&to=Brevik&step_edges=1001", 400, "step_edges"},
		{"/v1/paths?from=Quist&to=Brevik&step_edges=some", 400, "step_edges"},
	})
}

func findEdge(es []graph.Edge, id string) *graph.Edge {
	for i := range es {
		if es[i].ID == id {
			return &es[i]
		}
	}
	return nil
}

// TestListingEvidence checks the evidence parameter of the neighbourhood
// and of the relation listings against their whole answers.
func TestListingEvidence(t *testing.T) {
	h := fixtureServer(t, graphtest.Fixture())
	var all api.EntitiesResponse
	getJSON(t, h, "/v1/entities?limit=1", &all)
	id := url.PathEscape(all.Entities[0].ID)
	edgesOf := func(target string) []graph.Edge {
		t.Helper()
		var nb api.NeighborhoodResponse
		var rs api.RelationsResponse
		if strings.Contains(target, "/neighborhood") {
			getJSON(t, h, target, &nb)
			return nb.Edges
		}
		getJSON(t, h, target, &rs)
		return rs.Relations
	}
	tests := []struct {
		whole, query string
		evidence     int // -1: whole, evidence_total unset
	}{
		{"/v1/entities/" + id + "/neighborhood?depth=2&evidence=true", "/v1/entities/" + id + "/neighborhood?depth=2", 0},
		{"/v1/entities/" + id + "/neighborhood?depth=2&evidence=true", "/v1/entities/" + id + "/neighborhood?depth=2&evidence=false", 0},
		{"/v1/entities/" + id + "/neighborhood?depth=2&evidence=true", "/v1/entities/" + id + "/neighborhood?depth=2&evidence=1", 1},
		{"/v1/entities/" + id + "/neighborhood?depth=2&evidence=true", "/v1/entities/" + id + "/neighborhood?depth=2&evidence=true", -1},
		{"/v1/relations?limit=1000", "/v1/relations?limit=1000&evidence=1", 1},
		{"/v1/relations?limit=1000", "/v1/relations?limit=1000&evidence=0", 0},
		{"/v1/entities/" + id + "/relations", "/v1/entities/" + id + "/relations?evidence=2", 2},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			whole, got := edgesOf(tt.whole), edgesOf(tt.query)
			if len(got) != len(whole) || len(got) == 0 {
				t.Fatalf("%d edges, whole %d", len(got), len(whole))
			}
			for i, w := range whole {
				want := w
				if tt.evidence >= 0 {
					want.Evidence = w.Evidence[:min(tt.evidence, len(w.Evidence))]
					want.EvidenceTotal = len(w.Evidence)
				}
				if !reflect.DeepEqual(got[i], want) {
					t.Errorf("edge %d =\n %+v\nwant\n %+v", i, got[i], want)
				}
			}
		})
	}
	checkBad(t, h, []badRequest{
		{"/v1/entities/" + id + "/neighborhood?evidence=101", 400, "evidence"},
		{"/v1/entities/" + id + "/neighborhood?evidence=-1", 400, "evidence"},
		{"/v1/entities/" + id + "/neighborhood?evidence=yes", 400, "evidence"},
		{"/v1/relations?evidence=101", 400, "evidence"},
		{"/v1/relations?evidence=x", 400, "evidence"},
		{"/v1/entities/" + id + "/relations?evidence=-2", 400, "evidence"},
	})
}

// TestRelationEvidencePages checks that the pages of one relation's
// evidence, followed by next_url, make up its whole evidence.
func TestRelationEvidencePages(t *testing.T) {
	h := fixtureServer(t, graphtest.Fixture())
	var list api.RelationsResponse
	getJSON(t, h, "/v1/relations?limit=1000", &list)
	var busiest graph.Edge
	for _, e := range list.Relations {
		if len(e.Evidence) > len(busiest.Evidence) {
			busiest = e
		}
	}
	if len(busiest.Evidence) < 2 {
		t.Fatalf("no relation of the fixture has two sentences")
	}
	id := url.PathEscape(busiest.ID)
	for _, limit := range []int{1, 2, len(busiest.Evidence)} {
		t.Run(fmt.Sprint("limit=", limit), func(t *testing.T) {
			var got []graph.Evidence
			next := fmt.Sprintf("/v1/relations/%s?limit=%d", id, limit)
			for pages := 0; next != ""; pages++ {
				if pages > len(busiest.Evidence) {
					t.Fatalf("paging does not end")
				}
				var r api.RelationResponse
				getJSON(t, h, next, &r)
				if r.Relation.EvidenceTotal != len(busiest.Evidence) || len(r.Relation.Evidence) > limit {
					t.Errorf("%s: %d sentences of %d, want at most %d of %d", next, len(r.Relation.Evidence), r.Relation.EvidenceTotal, limit, len(busiest.Evidence))
				}
				got = append(got, r.Relation.Evidence...)
				next = r.NextURL
			}
			if !reflect.DeepEqual(got, busiest.Evidence) {
				t.Errorf("pages hold\n %+v\nwant\n %+v", got, busiest.Evidence)
			}
		})
	}
	var past api.RelationResponse
	getJSON(t, h, fmt.Sprintf("/v1/relations/%s?offset=%d", id, len(busiest.Evidence)), &past)
	if len(past.Relation.Evidence) != 0 || past.NextURL != "" {
		t.Errorf("past the end: %d sentences, next %q; want none", len(past.Relation.Evidence), past.NextURL)
	}
	checkBad(t, h, []badRequest{
		{"/v1/relations/" + id + "?offset=-1", 400, "offset"},
		{"/v1/relations/" + id + "?limit=0", 400, "limit"},
		{"/v1/relations/" + id + "?limit=1001", 400, "limit"},
		{"/v1/relations/" + id + "?offset=x", 400, "offset"},
	})
}
