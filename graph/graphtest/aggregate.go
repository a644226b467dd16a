package graphtest

import (
	"context"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

func testAggregation(t *testing.T, open opener) {
	xs := Fixture()
	s := loaded(t, open, xs...)

	t.Run("TwoArticlesOneEdge", func(t *testing.T) {
		es := allRelations(t, s, graph.RelationQuery{Entity: idBrevik, Other: idQuist,
			Filter: graph.RelationFilter{Types: []graph.RelationType{graph.Meet}}})
		if len(es) != 1 || es[0].ID != eMeet {
			t.Fatalf("MEET edges between Quist and Brevik = %q, want [%s]", ids(es), eMeet)
		}
		m := edge(t, s, eMeet)
		if m.Type != graph.Meet || m.Subject != idQuist || m.Object != idBrevik || m.Date != "2025-03-08" || m.Polarity != graph.Asserted {
			t.Errorf("edge = %s %s–%s %s %s, want MEET %s–%s 2025-03-08 asserted (ends ordered)",
				m.Type, m.Subject, m.Object, m.Date, m.Polarity, idQuist, idBrevik)
		}
		if m.Support != 2 || m.Confidence != 0.95 {
			t.Errorf("support %d confidence %v, want 2 and the max 0.95", m.Support, m.Confidence)
		}
		if !equalStrings(m.Via, []string{idOskaria}) || !equalStrings(m.AttributedTo, []string{idDaily}) {
			t.Errorf("via %q attributed_to %q, want the union [%s] [%s]", m.Via, m.AttributedTo, idOskaria, idDaily)
		}
		// Evidence is ordered by article key: "…/second-account" first.
		want := []graph.Evidence{evidenceOf(xs[1], 0), evidenceOf(xs[0], 2)}
		if len(m.Evidence) != len(want) {
			t.Fatalf("%d evidence items, want %d", len(m.Evidence), len(want))
		}
		for i := range want {
			if m.Evidence[i] != want[i] {
				t.Errorf("evidence %d = %+v, want %+v", i, m.Evidence[i], want[i])
			}
		}
	})

	t.Run("Ends", func(t *testing.T) {
		for _, c := range []struct {
			id, subject, object string
		}{
			{eOfficeOf, idNorland, idOffice},    // symmetric, given office→norland
			{eCouncilOf, idValdoria, idCouncil}, // symmetric, given council→valdoria
			{eMeet, idQuist, idBrevik},          // symmetric, given both ways
			{eAccuse, idNorland, idCouncil},     // directed, kept
			{eTold, idAli, idDaily},             // directed, short form resolved
		} {
			e := edge(t, s, c.id)
			if e.Subject != c.subject || e.Object != c.object {
				t.Errorf("%s %s: ends %s→%s, want %s→%s", e.Type, e.ID, e.Subject, e.Object, c.subject, c.object)
			}
			if e.ID != graph.EdgeID(e.Type, e.Subject, e.Object, e.Date, e.Polarity) {
				t.Errorf("%s: id is not graph.EdgeID of its fields", e.ID)
			}
			if e.Via == nil || e.AttributedTo == nil || e.Evidence == nil {
				t.Errorf("%s: nil slice among via %v, attributed_to %v, evidence %v", e.ID, e.Via, e.AttributedTo, e.Evidence)
			}
		}
	})

	t.Run("Negated", func(t *testing.T) {
		e := edge(t, s, eNegotiate)
		if e.Polarity != graph.Negated || !equalStrings(e.AttributedTo, []string{idQuist}) {
			t.Errorf("NEGOTIATE: polarity %q attributed %q, want negated, [%s]", e.Polarity, e.AttributedTo, idQuist)
		}
	})

	t.Run("UnknownRelation", func(t *testing.T) {
		_, err := s.Relation(context.Background(), "rel:0000")
		wantCode(t, err, graph.ENOTFOUND)
	})

	t.Run("RoleAndPolarityDefaults", func(t *testing.T) {
		s := open(t)
		b := newArticle("role-b", "https://example.org/news/role-b", "", "Capital Wire", "2025-08-02",
			"Brevik, envoy of Norland, spoke.").
			entity("x", graph.Person, "Brevik").entity("n", graph.Country, "Norland").
			rel(0, graph.Relation{Type: graph.HoldsRole, Subject: "x", Object: "n", Role: "Envoy"}).done()
		b.Relations[0].Polarity = ""
		a := newArticle("role-a", "https://example.org/news/role-a", "", "Capital Wire", "2025-08-01",
			"Brevik, special envoy of Norland, spoke. Norland's envoy Brevik left.").
			entity("x", graph.Person, "Brevik").entity("n", graph.Country, "Norland").
			rel(0, graph.Relation{Type: graph.HoldsRole, Subject: "x", Object: "n", Role: "Special Envoy", Confidence: 0.4}).
			rel(0, graph.Relation{Type: graph.HoldsRole, Subject: "x", Object: "n", Role: "Envoy", Confidence: 0.3}).done()
		second := "Norland's envoy Brevik left."
		at := strings.Index(a.Article.Text, second)
		a.Relations[1].Evidence = graph.Evidence{Text: second, Start: at, End: at + len(second)}
		ingest(t, s, b)
		ingest(t, s, a)
		brevik := graph.EntityID(graph.Person, "Brevik")
		e := edge(t, s, graph.EdgeID(graph.HoldsRole, brevik, idNorland, "", graph.Asserted))
		if e.Role != "Special Envoy" {
			t.Errorf("role = %q, want the first in evidence order, Special Envoy", e.Role)
		}
		if e.Support != 2 || len(e.Evidence) != 3 {
			t.Errorf("support %d with %d evidence items, want 2 articles, 3 items", e.Support, len(e.Evidence))
		}
		if e.Confidence != 0.5 {
			t.Errorf("confidence = %v, want 0.5", e.Confidence)
		}
		if c := counts(t, s); c.Relations != 1 {
			t.Errorf("%d edges, want 1", c.Relations)
		}
	})

}

// evidenceOf is the stored evidence of relation i of x.
func evidenceOf(x graph.Extraction, i int) graph.Evidence {
	ev := x.Relations[i].Evidence
	ev.ArticleKey = x.Article.Key()
	ev.ArticleID = x.Article.ID
	ev.ArticleURL = x.Article.URL
	ev.ArticleTitle = x.Article.Title
	ev.Published = x.Article.Published
	return ev
}
