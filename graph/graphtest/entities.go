package graphtest

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// expectedCounts derives every stored entity's mention and article counts
// from the extractions and the ingest report's id mapping.
func expectedCounts(xs []graph.Extraction, rep graph.IngestReport) (mentions, articles map[string]int) {
	mentions, articles = map[string]int{}, map[string]int{}
	for i, x := range xs {
		seen := map[string]bool{}
		for _, e := range x.Entities {
			id := rep.Results[i].EntityIDs[e.ID]
			mentions[id] += len(e.Mentions)
			if !seen[id] {
				seen[id] = true
				articles[id]++
			}
		}
	}
	return mentions, articles
}

func testEntity(t *testing.T, open opener) {
	xs := Fixture()
	s := open(t)
	rep := ingest(t, s, xs...)
	mentions, articles := expectedCounts(xs, rep)

	t.Run("Counts", func(t *testing.T) {
		if len(mentions) != 11 {
			t.Fatalf("report maps to %d stored entities, want 11", len(mentions))
		}
		for id := range mentions {
			e := entity(t, s, id)
			if e.ID != id || e.MentionCount != mentions[id] || e.ArticleCount != articles[id] {
				t.Errorf("Entity(%q) = id %q, %d mentions, %d articles; want %d, %d",
					id, e.ID, e.MentionCount, e.ArticleCount, mentions[id], articles[id])
			}
			if e.Aliases == nil || e.Roles == nil || e.RelationCounts == nil {
				t.Errorf("Entity(%q): nil aliases, roles or relation counts", id)
			}
		}
	})

	t.Run("Detail", func(t *testing.T) {
		q := entity(t, s, idQuist)
		if q.Name != "Mara Quist" || q.Type != graph.Person || !equalStrings(normalizedSet(q.Aliases), []string{"quist"}) {
			t.Errorf("Quist = %q %s %q, want Mara Quist PERSON [Quist]", q.Name, q.Type, q.Aliases)
		}
		wantRoles := []graph.Role{{Title: "Foreign Minister", Of: idValdoria, OfName: "Valdoria", Relation: eQuistRole}}
		if !reflect.DeepEqual(q.Roles, wantRoles) {
			t.Errorf("Quist roles = %+v, want %+v", q.Roles, wantRoles)
		}
		if want := map[graph.RelationType]int{graph.HoldsRole: 1, graph.Meet: 1}; !reflect.DeepEqual(q.RelationCounts, want) {
			t.Errorf("Quist relation counts = %v, want %v", q.RelationCounts, want)
		}
		// The negated NEGOTIATE is not counted; both directions are.
		n := entity(t, s, idNorland)
		if want := map[graph.RelationType]int{graph.HoldsRole: 2, graph.Accuse: 1, graph.AffiliatedWith: 1}; !reflect.DeepEqual(n.RelationCounts, want) {
			t.Errorf("Norland relation counts = %v, want %v", n.RelationCounts, want)
		}
		if len(n.Roles) != 0 {
			t.Errorf("Norland roles = %+v, want none (roles are the subject's)", n.Roles)
		}
		sq := entity(t, s, idSadeq)
		wantRoles = []graph.Role{{Title: "Head", Of: idOffice, OfName: "Norland Trade Office", Relation: eSadeqRole}}
		if !reflect.DeepEqual(sq.Roles, wantRoles) {
			t.Errorf("Sadeq roles = %+v, want %+v", sq.Roles, wantRoles)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		for _, id := range []string{"person:nobody", "", "country:valdoria-2"} {
			_, err := s.Entity(context.Background(), id)
			wantCode(t, err, graph.ENOTFOUND)
		}
	})
}

// rankingFixture has names chosen so that exactness and mention counts
// disagree: the exact match has the fewest mentions.
func rankingFixture() graph.Extraction {
	b := newArticle("rank", "https://example.org/news/rank", "", "Capital Wire", "2025-09-01",
		"Delta, Delta Works, Delta Force Unit, Delta Guard and Ardelta.").
		entity("d", graph.Country, "Delta").
		entity("w", graph.Organization, "Delta Works").
		entity("f", graph.Organization, "Delta Force Unit").
		entity("g", graph.Organization, "Delta Guard").
		entity("a", graph.Location, "Ardelta", "Ardelta Bay")
	x := b.done()
	for i, n := range []int{1, 7, 5, 5, 9} {
		m := x.Entities[i].Mentions[0]
		x.Entities[i].Mentions = nil
		for j := 0; j < n; j++ {
			x.Entities[i].Mentions = append(x.Entities[i].Mentions, m)
		}
	}
	return x
}

func testFindEntities(t *testing.T, open opener) {
	xs := Fixture()
	delta := graph.EntityID(graph.Country, "Delta")
	works := graph.EntityID(graph.Organization, "Delta Works")
	force := graph.EntityID(graph.Organization, "Delta Force Unit")
	guard := graph.EntityID(graph.Organization, "Delta Guard")
	ardelta := graph.EntityID(graph.Location, "Ardelta")

	find := func(t *testing.T, s graph.Store, f graph.EntityFilter) []string {
		t.Helper()
		es, err := s.FindEntities(context.Background(), f)
		if err != nil {
			t.Fatalf("FindEntities(%+v): %v", f, err)
		}
		return entityIDs(es)
	}
	// Cases on the fixture come first, then cases on the ranking store.
	cases := []struct {
		name    string
		ranking bool
		f       graph.EntityFilter
		want    []string
	}{
		{"ExactName", false, graph.EntityFilter{Query: "Mara Quist"}, []string{idQuist}},
		{"ExactAlias", false, graph.EntityFilter{Query: "quist"}, []string{idQuist}},
		{"Normalised", false, graph.EntityFilter{Query: "  MARA   quist!"}, []string{idQuist}},
		{"SharedAliasByMentions", false, graph.EntityFilter{Query: "Farran"}, []string{idAli, idSadeq}},
		{"Prefix", false, graph.EntityFilter{Query: "port sel"}, []string{idSelden}},
		{"Substring", false, graph.EntityFilter{Query: "trade"}, []string{idOffice}},
		{"ExactThenPrefix", false, graph.EntityFilter{Query: "Norland"}, []string{idNorland, idOffice}},
		{"NoMatch", false, graph.EntityFilter{Query: "Zanzibar"}, []string{}},
		{"Ranking", true, graph.EntityFilter{Query: "delta"}, []string{delta, works, force, guard, ardelta}},
		{"TypeFilter", true, graph.EntityFilter{Query: "delta", Types: []graph.EntityType{graph.Organization}}, []string{works, force, guard}},
		{"TwoTypes", true, graph.EntityFilter{Query: "delta", Types: []graph.EntityType{graph.Location, graph.Country}}, []string{delta, ardelta}},
		{"AliasPrefix", true, graph.EntityFilter{Query: "ardelta b"}, []string{ardelta}},
		{"Limit", true, graph.EntityFilter{Query: "delta", Limit: 2}, []string{delta, works}},
		{"EmptyQueryAll", true, graph.EntityFilter{}, []string{ardelta, works, force, guard, delta}},
	}
	s := loaded(t, open, xs...)
	for _, c := range cases {
		if c.ranking {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			if got := find(t, s, c.f); !equalStrings(got, c.want) {
				t.Errorf("FindEntities(%+v) = %q, want %q", c.f, got, c.want)
			}
		})
	}

	t.Run("Fields", func(t *testing.T) {
		es, err := s.FindEntities(context.Background(), graph.EntityFilter{Query: "Quist"})
		if err != nil || len(es) != 1 {
			t.Fatalf("FindEntities: %v, %d results", err, len(es))
		}
		d := entity(t, s, idQuist)
		if es[0].Name != d.Name || es[0].Type != d.Type || es[0].MentionCount != d.MentionCount ||
			es[0].ArticleCount != d.ArticleCount || !reflect.DeepEqual(es[0].Aliases, d.Aliases) {
			t.Errorf("search result %+v differs from Entity %+v", es[0], d.Entity)
		}
	})

	t.Run("AllByMentions", func(t *testing.T) {
		es, err := s.FindEntities(context.Background(), graph.EntityFilter{Limit: graph.MaxLimit + 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 11 {
			t.Errorf("%d entities, want all 11", len(es))
		}
		if !sort.SliceIsSorted(es, func(i, j int) bool {
			if es[i].MentionCount != es[j].MentionCount {
				return es[i].MentionCount > es[j].MentionCount
			}
			return es[i].ID < es[j].ID
		}) {
			t.Errorf("empty query results not ordered by mentions then id: %q", entityIDs(es))
		}
	})

	r := loaded(t, open, rankingFixture())
	for _, c := range cases {
		if !c.ranking {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			if got := find(t, r, c.f); !equalStrings(got, c.want) {
				t.Errorf("FindEntities(%+v) = %q, want %q", c.f, got, c.want)
			}
		})
	}

	t.Run("Invalid", func(t *testing.T) {
		for _, f := range []graph.EntityFilter{
			{Query: "delta", Limit: -1},
			{Query: "delta", Types: []graph.EntityType{"PLANET"}},
		} {
			_, err := r.FindEntities(context.Background(), f)
			wantCode(t, err, graph.EINVALID)
		}
	})
}
