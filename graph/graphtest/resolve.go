package graphtest

import (
	"context"
	"sort"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// mini is a one-sentence article for resolution tests.
func mini(id, sentence string) *builder {
	return newArticle(id, "https://example.org/news/"+id, "", "Capital Wire", "2025-07-01", sentence)
}

func normalizedSet(names []string) []string {
	var out []string
	for _, n := range names {
		out = append(out, graph.NormalizeName(n))
	}
	sort.Strings(out)
	return out
}

func testResolution(t *testing.T, open opener) {
	t.Run("ShortFormJoinsFullName", func(t *testing.T) {
		s := open(t)
		ingest(t, s, mini("r1", "Tomas Brevik arrived; Brevik spoke.").entity("x", graph.Person, "Tomas Brevik", "Brevik").done())
		rep := ingest(t, s, mini("r2", "Brevik left.").entity("y", graph.Person, "Brevik").done())
		if got := rep.Results[0].EntityIDs["y"]; got != idBrevik {
			t.Errorf("short form stored as %q, want %q", got, idBrevik)
		}
		if c := counts(t, s); c.Entities != 1 {
			t.Errorf("%d entities, want 1", c.Entities)
		}
		e := entity(t, s, idBrevik)
		if e.Name != "Tomas Brevik" || e.ArticleCount != 2 || e.MentionCount != 3 {
			t.Errorf("entity = %q, %d articles, %d mentions; want Tomas Brevik, 2, 3", e.Name, e.ArticleCount, e.MentionCount)
		}
	})

	t.Run("SharedSurnameStaysApart", func(t *testing.T) {
		s := open(t)
		ingest(t, s,
			mini("r1", "Ali Farran voted.").entity("x", graph.Person, "Ali Farran", "Farran").done(),
			mini("r2", "Sadeq Farran voted.").entity("x", graph.Person, "Sadeq Farran", "Farran").done(),
			mini("r3", "Sadeq Farran voted again.").entity("x", graph.Person, "Sadeq Farran", "Farran").done())
		if c := counts(t, s); c.Entities != 2 {
			t.Fatalf("%d entities, want Ali and Sadeq Farran apart", c.Entities)
		}
		entity(t, s, idAli)
		entity(t, s, idSadeq)
		// A bare surname joins the brother with more articles.
		rep := ingest(t, s, mini("r4", "Farran abstained.").entity("x", graph.Person, "Farran").done())
		if got := rep.Results[0].EntityIDs["x"]; got != idSadeq {
			t.Errorf("bare surname stored as %q, want %q (more articles)", got, idSadeq)
		}
	})

	t.Run("FullerNameUpgrades", func(t *testing.T) {
		s := open(t)
		short := graph.EntityID(graph.Person, "Brevik")
		ingest(t, s, mini("r1", "Brevik met Norland.").
			entity("x", graph.Person, "Brevik").entity("n", graph.Country, "Norland").
			rel(0, graph.Relation{Type: graph.Meet, Subject: "x", Object: "n", Date: "2025-06-30"}).done())
		ingest(t, s, mini("r2", "Tomas Brevik, or Brevik, met Norland again.").
			entity("x", graph.Person, "Tomas Brevik", "Brevik").entity("n", graph.Country, "Norland").
			rel(0, graph.Relation{Type: graph.Meet, Subject: "n", Object: "x", Date: "2025-06-30"}).done())
		e := entity(t, s, short)
		if e.Name != "Tomas Brevik" {
			t.Errorf("name = %q, want the fuller Tomas Brevik", e.Name)
		}
		if got := normalizedSet(e.Aliases); !equalStrings(got, []string{"brevik"}) {
			t.Errorf("aliases = %q, want [Brevik]", e.Aliases)
		}
		if _, err := s.Entity(context.Background(), idBrevik); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Entity(%q) = %v, want ENOTFOUND: ids never change", idBrevik, err)
		}
		m := edge(t, s, graph.EdgeID(graph.Meet, short, idNorland, "2025-06-30", graph.Asserted))
		if m.Support != 2 {
			t.Errorf("MEET support = %d, want 2", m.Support)
		}
	})

	t.Run("AliasesUnion", func(t *testing.T) {
		s := open(t)
		ingest(t, s,
			mini("r1", "Mara Quist, known as Quist, spoke.").entity("x", graph.Person, "Mara Quist", "Quist").done(),
			mini("r2", "Quist, or M. Quist, spoke.").entity("x", graph.Person, "Quist", "M. Quist").done())
		e := entity(t, s, idQuist)
		if got, want := normalizedSet(e.Aliases), []string{"m quist", "quist"}; !equalStrings(got, want) {
			t.Errorf("aliases = %q, want forms %q", e.Aliases, want)
		}
		if e.Name != "Mara Quist" {
			t.Errorf("name = %q, want Mara Quist", e.Name)
		}
	})

	t.Run("TypesStayApart", func(t *testing.T) {
		s := open(t)
		ingest(t, s,
			mini("r1", "Oskaria said so.").entity("x", graph.Country, "Oskaria").done(),
			mini("r2", "They met in Oskaria.").entity("x", graph.Location, "Oskaria").done())
		if c := counts(t, s); c.Entities != 2 {
			t.Errorf("%d entities, want a country and a place", c.Entities)
		}
		entity(t, s, idOskaria)
		entity(t, s, graph.EntityID(graph.Location, "Oskaria"))
	})

	t.Run("IDTaken", func(t *testing.T) {
		// Ids drop diacritics, names do not: two entities that do not
		// match can want one id, and the second gets a suffix.
		s := open(t)
		rep := ingest(t, s,
			mini("r1", "Martín Ruiz spoke.").entity("x", graph.Person, "Martín Ruiz").done(),
			mini("r2", "Martin Ruiz spoke.").entity("x", graph.Person, "Martin Ruiz").done(),
			mini("r3", "Martîn Ruiz spoke.").entity("x", graph.Person, "Martîn Ruiz").done())
		base := graph.EntityID(graph.Person, "Martin Ruiz")
		for i, want := range []string{base, base + "-2", base + "-3"} {
			if got := rep.Results[i].EntityIDs["x"]; got != want {
				t.Errorf("article %d: stored as %q, want %q", i, got, want)
			}
		}
		if e := entity(t, s, base+"-2"); e.Name != "Martin Ruiz" {
			t.Errorf("%s is %q, want Martin Ruiz", base+"-2", e.Name)
		}
	})

	t.Run("SameArticleDuplicates", func(t *testing.T) {
		// Two local entities of one article that are one referent end up
		// as one stored entity, counted once for the article.
		s := open(t)
		rep := ingest(t, s, mini("r1", "Mara Quist spoke; Quist left.").
			entity("a", graph.Person, "Mara Quist", "Quist").entity("b", graph.Person, "Quist").done())
		if a, b := rep.Results[0].EntityIDs["a"], rep.Results[0].EntityIDs["b"]; a != idQuist || b != idQuist {
			t.Errorf("stored as %q and %q, want both %q", a, b, idQuist)
		}
		if e := entity(t, s, idQuist); e.ArticleCount != 1 {
			t.Errorf("article count = %d, want 1", e.ArticleCount)
		}
	})
}
