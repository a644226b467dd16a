package graphtest

import (
	"context"
	"sort"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// passes is the suite's own statement of the filter: Match, and Source
// against the sources of the edge's evidence articles.
func passes(f graph.RelationFilter, e graph.Edge, sources map[string]string) bool {
	if !f.Match(e) {
		return false
	}
	if f.Source == "" {
		return true
	}
	for _, ev := range e.Evidence {
		if graph.NormalizeName(sources[ev.ArticleKey]) == graph.NormalizeName(f.Source) {
			return true
		}
	}
	return false
}

func sourcesOf(xs []graph.Extraction) map[string]string {
	m := map[string]string{}
	for _, x := range xs {
		m[x.Article.Key()] = x.Article.Source
	}
	return m
}

func testRelations(t *testing.T, open opener) {
	xs := Fixture()
	s := loaded(t, open, xs...)
	sources := sourcesOf(xs)
	var all []graph.Edge
	for _, id := range fixtureEdges {
		all = append(all, *edge(t, s, id))
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })

	t.Run("Filters", func(t *testing.T) {
		cases := []struct {
			name string
			f    graph.RelationFilter
			n    int
		}{
			{"Zero", graph.RelationFilter{}, 11},
			{"IncludeNegated", graph.RelationFilter{IncludeNegated: true}, 12},
			{"Types", graph.RelationFilter{Types: []graph.RelationType{graph.Meet}}, 1},
			{"ExcludeTypes", graph.RelationFilter{ExcludeTypes: []graph.RelationType{graph.HoldsRole}}, 7},
			{"NoStructural", graph.RelationFilter{NoStructural: true}, 5},
			{"FromDate", graph.RelationFilter{FromDate: "2025-03-09"}, 3},
			{"ToDate", graph.RelationFilter{ToDate: "2025-03"}, 3},
			{"Window", graph.RelationFilter{FromDate: "2025-04", ToDate: "2025-12"}, 2},
			{"NegatedType", graph.RelationFilter{IncludeNegated: true, Types: []graph.RelationType{graph.Negotiate}}, 1},
			{"MinConfidence", graph.RelationFilter{MinConfidence: 0.7}, 5},
			{"MinSupport", graph.RelationFilter{MinSupport: 2}, 1},
			{"Source", graph.RelationFilter{Source: "harbor daily"}, 8},
			{"OtherSource", graph.RelationFilter{Source: "Capital Wire"}, 4},
			{"UnknownSource", graph.RelationFilter{Source: "Nobody"}, 0},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				var want []string
				for _, e := range all {
					if passes(c.f, e, sources) {
						want = append(want, e.ID)
					}
				}
				if len(want) != c.n {
					t.Fatalf("suite bug: filter keeps %d fixture edges, the case says %d", len(want), c.n)
				}
				got := allRelations(t, s, graph.RelationQuery{Filter: c.f, Limit: graph.MaxLimit})
				if !equalStrings(ids(got), want) && !(len(got) == 0 && len(want) == 0) {
					t.Errorf("Relations(%+v) = %q, want %q", c.f, ids(got), want)
				}
				for _, e := range got {
					if len(e.Evidence) != e.Support && e.ID != eMeet {
						// Every fixture edge but MEET has one piece of evidence.
						t.Errorf("%s: %d evidence for support %d", e.ID, len(e.Evidence), e.Support)
					}
				}
			})
		}
	})

	t.Run("EntityAndOther", func(t *testing.T) {
		cases := []struct {
			name string
			q    graph.RelationQuery
			want []string
		}{
			{"Entity", graph.RelationQuery{Entity: idNorland}, []string{eBrevRole, eAccuse, eAliRole, eOfficeOf}},
			{"EntityNegated", graph.RelationQuery{Entity: idNorland, Filter: graph.RelationFilter{IncludeNegated: true}},
				[]string{eBrevRole, eAccuse, eAliRole, eOfficeOf, eNegotiate}},
			{"ViaIsNotAnEnd", graph.RelationQuery{Entity: idOskaria}, []string{eRequest, eSupport}},
			{"Pair", graph.RelationQuery{Entity: idQuist, Other: idBrevik}, []string{eMeet}},
			{"PairReversed", graph.RelationQuery{Entity: idBrevik, Other: idQuist}, []string{eMeet}},
			{"PairFiltered", graph.RelationQuery{Entity: idNorland, Other: idBrevik, Filter: graph.RelationFilter{NoStructural: true}}, nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				sort.Strings(c.want)
				got := allRelations(t, s, c.q)
				if !equalStrings(ids(got), c.want) {
					t.Errorf("Relations(%+v) = %q, want %q", c.q, ids(got), c.want)
				}
			})
		}
	})

	t.Run("Pagination", func(t *testing.T) {
		want := ids(all)
		for _, limit := range []int{1, 2, 3, 5, 12, 13} {
			q := graph.RelationQuery{Filter: graph.RelationFilter{IncludeNegated: true}, Limit: limit}
			var got []string
			pages := 0
			for {
				p, err := s.Relations(context.Background(), q)
				if err != nil {
					t.Fatalf("Relations: %v", err)
				}
				pages++
				if len(p.Relations) > limit {
					t.Fatalf("limit %d: page of %d", limit, len(p.Relations))
				}
				if p.Next != "" && (len(p.Relations) == 0 || p.Next != p.Relations[len(p.Relations)-1].ID) {
					t.Fatalf("limit %d: Next %q is not the page's last id", limit, p.Next)
				}
				got = append(got, ids(p.Relations)...)
				if p.Next == "" || pages > 20 {
					break
				}
				q.After = p.Next
			}
			if !equalStrings(got, want) {
				t.Errorf("limit %d: pages give %q, want %q", limit, got, want)
			}
			if wantPages := (len(want) + limit - 1) / limit; pages != wantPages {
				t.Errorf("limit %d: %d pages, want %d (Next is empty on the last page)", limit, pages, wantPages)
			}
		}
		// A cursor that is not a stored id still splits the order.
		p, err := s.Relations(context.Background(), graph.RelationQuery{
			Filter: graph.RelationFilter{IncludeNegated: true}, After: want[4] + "~", Limit: graph.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		if !equalStrings(ids(p.Relations), want[5:]) || p.Next != "" {
			t.Errorf("after %q: %q next %q, want %q", want[4]+"~", ids(p.Relations), p.Next, want[5:])
		}
	})

	t.Run("Errors", func(t *testing.T) {
		cases := []struct {
			name string
			q    graph.RelationQuery
			code string
		}{
			{"NegativeLimit", graph.RelationQuery{Limit: -1}, graph.EINVALID},
			{"InvertedWindow", graph.RelationQuery{Filter: graph.RelationFilter{FromDate: "2025-05", ToDate: "2025-01"}}, graph.EINVALID},
			{"BadDate", graph.RelationQuery{Filter: graph.RelationFilter{FromDate: "March"}}, graph.EINVALID},
			{"UnknownType", graph.RelationQuery{Filter: graph.RelationFilter{Types: []graph.RelationType{"ADMIRE"}}}, graph.EINVALID},
			{"OtherWithoutEntity", graph.RelationQuery{Other: idQuist}, graph.EINVALID},
			{"UnknownEntity", graph.RelationQuery{Entity: "person:nobody"}, graph.ENOTFOUND},
			{"UnknownOther", graph.RelationQuery{Entity: idQuist, Other: "person:nobody"}, graph.ENOTFOUND},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Relations(context.Background(), c.q)
				wantCode(t, err, c.code)
			})
		}
	})
	// From here on the fixture store is not used again.
	t.Run("DefaultLimit", func(t *testing.T) {
		h := loaded(t, open, HubFixture(30))
		p, err := h.Relations(context.Background(), graph.RelationQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Relations) != graph.DefaultLimit || p.Next == "" {
			t.Errorf("first page: %d edges, next %q; want %d and a cursor", len(p.Relations), p.Next, graph.DefaultLimit)
		}
		if got := allRelations(t, h, graph.RelationQuery{Limit: graph.MaxLimit + 1}); len(got) != 60 {
			t.Errorf("limit above the maximum: %d edges, want all 60", len(got))
		}
	})

}

func testTimeline(t *testing.T, open opener) {
	s := loaded(t, open, Fixture()...)
	cases := []struct {
		name string
		q    graph.TimelineQuery
		want []string
	}{
		{"All", graph.TimelineQuery{}, []string{eSupport, eMeet, eAccuse, eRequest}},
		{"NegatedUndatedLeftOut", graph.TimelineQuery{Filter: graph.RelationFilter{IncludeNegated: true}}, []string{eSupport, eMeet, eAccuse, eRequest}},
		{"Entity", graph.TimelineQuery{Entity: idOskaria}, []string{eSupport, eRequest}},
		{"Pair", graph.TimelineQuery{Entity: idCouncil, Other: idNorland}, []string{eAccuse}},
		{"Window", graph.TimelineQuery{Filter: graph.RelationFilter{FromDate: "2025-03-10"}}, []string{eSupport, eAccuse, eRequest}},
		{"Types", graph.TimelineQuery{Filter: graph.RelationFilter{Types: []graph.RelationType{graph.Meet, graph.Request}}}, []string{eMeet, eRequest}},
		{"Limit", graph.TimelineQuery{Limit: 2}, []string{eSupport, eMeet}},
		{"Nothing", graph.TimelineQuery{Entity: idSelden}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Timeline(context.Background(), c.q)
			if err != nil {
				t.Fatalf("Timeline(%+v): %v", c.q, err)
			}
			if !equalStrings(ids(got), c.want) {
				t.Errorf("Timeline(%+v) = %q, want %q", c.q, ids(got), c.want)
			}
			for _, e := range got {
				if e.Date == "" || len(e.Evidence) == 0 {
					t.Errorf("%s: date %q, %d evidence; want dated edges with evidence", e.ID, e.Date, len(e.Evidence))
				}
			}
		})
	}
	t.Run("Errors", func(t *testing.T) {
		for _, c := range []struct {
			q    graph.TimelineQuery
			code string
		}{
			{graph.TimelineQuery{Limit: -3}, graph.EINVALID},
			{graph.TimelineQuery{Filter: graph.RelationFilter{FromDate: "2026", ToDate: "2025"}}, graph.EINVALID},
			{graph.TimelineQuery{Other: idQuist}, graph.EINVALID},
			{graph.TimelineQuery{Entity: "person:nobody"}, graph.ENOTFOUND},
		} {
			_, err := s.Timeline(context.Background(), c.q)
			wantCode(t, err, c.code)
		}
	})
}
