package graphtest

import (
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// Edge ids of Fixture, derived the way every backend must derive them.
var (
	eMeet      = graph.EdgeID(graph.Meet, idQuist, idBrevik, "2025-03-08", graph.Asserted)
	eNegotiate = graph.EdgeID(graph.Negotiate, idValdoria, idNorland, "", graph.Negated)
	eQuistRole = graph.EdgeID(graph.HoldsRole, idQuist, idValdoria, "", graph.Asserted)
	eBrevRole  = graph.EdgeID(graph.HoldsRole, idBrevik, idNorland, "", graph.Asserted)
	eAccuse    = graph.EdgeID(graph.Accuse, idNorland, idCouncil, "2025-03-11", graph.Asserted)
	eCouncilOf = graph.EdgeID(graph.AffiliatedWith, idCouncil, idValdoria, "", graph.Asserted)
	eRequest   = graph.EdgeID(graph.Request, idAli, idOskaria, "2025-05-19", graph.Asserted)
	eAliRole   = graph.EdgeID(graph.HoldsRole, idAli, idNorland, "", graph.Asserted)
	eSadeqRole = graph.EdgeID(graph.HoldsRole, idSadeq, idOffice, "", graph.Asserted)
	eSupport   = graph.EdgeID(graph.Support, idOskaria, idOffice, "2025", graph.Asserted)
	eOfficeOf  = graph.EdgeID(graph.AffiliatedWith, idOffice, idNorland, "", graph.Asserted)
	eTold      = graph.EdgeID(graph.Communicate, idAli, idDaily, "", graph.Asserted)
)

var fixtureEdges = []string{eMeet, eNegotiate, eQuistRole, eBrevRole, eAccuse, eCouncilOf,
	eRequest, eAliRole, eSadeqRole, eSupport, eOfficeOf, eTold}

func testIngest(t *testing.T, open opener) {
	xs := Fixture()
	t.Run("Counts", func(t *testing.T) {
		s := open(t)
		rep := ingest(t, s, xs...)
		if got, want := counts(t, s), (graph.Counts{Entities: 11, Relations: 12, Articles: 4}); got != want {
			t.Errorf("Counts = %+v, want %+v", got, want)
		}
		if rep.ArticlesNew != 4 || rep.ArticlesSkipped != 0 || rep.ArticlesReplaced != 0 || rep.ArticlesFailed != 0 {
			t.Errorf("report articles new/skipped/replaced/failed = %d/%d/%d/%d, want 4/0/0/0",
				rep.ArticlesNew, rep.ArticlesSkipped, rep.ArticlesReplaced, rep.ArticlesFailed)
		}
		if rep.EntitiesAdded != 11 || rep.RelationsAdded != 12 || rep.EvidenceAdded != 13 {
			t.Errorf("report entities/relations/evidence added = %d/%d/%d, want 11/12/13",
				rep.EntitiesAdded, rep.RelationsAdded, rep.EvidenceAdded)
		}
		for i, r := range rep.Results {
			a := xs[i].Article
			if r.Key != a.Key() || r.ID != a.ID || r.Status != graph.IngestNew || r.Error != "" {
				t.Errorf("result %d = %+v, want key %q id %q status new", i, r, a.Key(), a.ID)
			}
		}
		// Local ids map to stored ones, short forms to the full names.
		for _, c := range []struct {
			article     int
			local, want string
		}{
			{0, "quist", idQuist}, {1, "q", idQuist}, {1, "b", idBrevik}, {1, "council", idCouncil},
			{2, "sadeq", idSadeq}, {3, "farran", idAli}, {3, "daily", idDaily},
		} {
			if got := rep.Results[c.article].EntityIDs[c.local]; got != c.want {
				t.Errorf("article %d: local %q stored as %q, want %q", c.article, c.local, got, c.want)
			}
		}
		for _, id := range fixtureEdges {
			edge(t, s, id)
		}
	})

	t.Run("Idempotent", func(t *testing.T) {
		s := loaded(t, open, xs...)
		before := counts(t, s)
		meet := edge(t, s, eMeet)
		quist := entity(t, s, idQuist)
		rep := ingest(t, s, xs...)
		for i, r := range rep.Results {
			if r.Status != graph.IngestUnchanged {
				t.Errorf("second ingest: article %d status %q, want unchanged", i, r.Status)
			}
		}
		if rep.ArticlesSkipped != 4 || rep.ArticlesNew != 0 || rep.EntitiesAdded != 0 || rep.RelationsAdded != 0 || rep.EvidenceAdded != 0 {
			t.Errorf("second ingest report = %+v, want 4 skipped and nothing added", rep)
		}
		// Extraction output carries the hash instead of the text.
		noText := xs[0]
		noText.Article.Text = ""
		if r := ingest(t, s, noText).Results[0]; r.Status != graph.IngestUnchanged {
			t.Errorf("same article without text but with its hash: status %q, want unchanged", r.Status)
		}
		if after := counts(t, s); after != before {
			t.Errorf("Counts after second ingest = %+v, want %+v", after, before)
		}
		if m := edge(t, s, eMeet); m.Support != meet.Support || len(m.Evidence) != len(meet.Evidence) {
			t.Errorf("MEET after second ingest: support %d, %d evidence; want %d, %d",
				m.Support, len(m.Evidence), meet.Support, len(meet.Evidence))
		}
		if q := entity(t, s, idQuist); q.MentionCount != quist.MentionCount || q.ArticleCount != quist.ArticleCount {
			t.Errorf("Quist after second ingest: %d mentions in %d articles; want %d in %d",
				q.MentionCount, q.ArticleCount, quist.MentionCount, quist.ArticleCount)
		}
	})

	t.Run("HasArticle", func(t *testing.T) {
		s := loaded(t, open, xs[0], xs[3])
		c, ok := checker(s)
		if !ok {
			t.Skip("the store does not implement graph.ArticleChecker")
		}
		for _, x := range xs {
			want := x.Article.ID == xs[0].Article.ID || x.Article.ID == xs[3].Article.ID
			got, err := c.HasArticle(context.Background(), x.Article.Key())
			if err != nil || got != want {
				t.Errorf("HasArticle(%q) = %v, %v; want %v", x.Article.Key(), got, err, want)
			}
		}
	})

	t.Run("Replace", func(t *testing.T) {
		s := loaded(t, open, xs...)
		v2 := newArticle("fx-3", xs[2].Article.URL, "The Farran brothers (corrected)", "Harbor Daily", "2025-05-21",
			"Ali Farran, a lawmaker in Norland, met Valdoria's envoy on Tuesday.").
			entity("ali", graph.Person, "Ali Farran", "Farran").
			entity("norland", graph.Country, "Norland").
			entity("valdoria", graph.Country, "Valdoria").
			rel(0, graph.Relation{Type: graph.HoldsRole, Subject: "ali", Object: "norland", Role: "Lawmaker", Confidence: 0.6}).
			rel(0, graph.Relation{Type: graph.Meet, Subject: "valdoria", Object: "ali", Date: "2025-05-20", Confidence: 0.7}).
			done()
		rep := ingest(t, s, v2)
		if r := rep.Results[0]; r.Status != graph.IngestReplaced || r.Key != xs[2].Article.Key() {
			t.Errorf("new version: result %+v, want status replaced, key %q", r, xs[2].Article.Key())
		}
		if rep.ArticlesReplaced != 1 {
			t.Errorf("ArticlesReplaced = %d, want 1", rep.ArticlesReplaced)
		}
		// Sadeq Farran and the trade office were only in the old version.
		if got, want := counts(t, s), (graph.Counts{Entities: 9, Relations: 9, Articles: 4}); got != want {
			t.Errorf("Counts after replace = %+v, want %+v", got, want)
		}
		for _, id := range []string{idSadeq, idOffice} {
			_, err := s.Entity(context.Background(), id)
			wantCode(t, err, graph.ENOTFOUND)
		}
		for _, id := range []string{eRequest, eSadeqRole, eSupport, eOfficeOf} {
			_, err := s.Relation(context.Background(), id)
			wantCode(t, err, graph.ENOTFOUND)
		}
		role := edge(t, s, eAliRole)
		if role.Support != 1 || len(role.Evidence) != 1 || role.Evidence[0].Text != v2.Relations[0].Evidence.Text {
			t.Errorf("HOLDS_ROLE after replace: support %d, evidence %+v; want the new sentence only", role.Support, role.Evidence)
		}
		edge(t, s, graph.EdgeID(graph.Meet, idAli, idValdoria, "2025-05-20", graph.Asserted))
		if ali := entity(t, s, idAli); ali.ArticleCount != 2 {
			t.Errorf("Ali Farran article count = %d, want 2 (new version and the hash-keyed article)", ali.ArticleCount)
		}
		// Going back to the first version restores the first graph.
		if r := ingest(t, s, xs[2]).Results[0]; r.Status != graph.IngestReplaced {
			t.Errorf("old version again: status %q, want replaced", r.Status)
		}
		if got, want := counts(t, s), (graph.Counts{Entities: 11, Relations: 12, Articles: 4}); got != want {
			t.Errorf("Counts after restoring = %+v, want %+v", got, want)
		}
		for _, id := range fixtureEdges {
			edge(t, s, id)
		}
	})

	t.Run("Failure", func(t *testing.T) {
		invalid := func(mod func(x *graph.Extraction)) graph.Extraction {
			x := Fixture()[2]
			x.Entities = append([]graph.Entity(nil), x.Entities...)
			x.Relations = append([]graph.Relation(nil), x.Relations...)
			mod(&x)
			return x
		}
		cases := []struct {
			name string
			x    graph.Extraction
		}{
			{"DanglingRelation", invalid(func(x *graph.Extraction) { x.Relations[0].Object = "nobody" })},
			{"DanglingVia", invalid(func(x *graph.Extraction) { x.Relations[1].Via = []string{"nobody"} })},
			{"UnknownEntityType", invalid(func(x *graph.Extraction) { x.Entities[4].Type = "PLANET" })},
			{"UnknownRelationType", invalid(func(x *graph.Extraction) { x.Relations[2].Type = "ADMIRE" })},
			{"BadDate", invalid(func(x *graph.Extraction) { x.Relations[0].Date = "2025-13-01" })},
			{"DuplicateEntityID", invalid(func(x *graph.Extraction) { x.Entities[1].ID = x.Entities[0].ID })},
			{"MentionOutsideText", invalid(func(x *graph.Extraction) {
				x.Entities[0].Mentions = []graph.Mention{{Start: 0, End: len(x.Article.Text) + 5}}
			})},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				s := open(t)
				rep, err := s.Ingest(context.Background(), []graph.Extraction{xs[0], c.x, xs[1]})
				if err != nil {
					t.Fatalf("Ingest: %v (a bad article must be reported, not fail the call)", err)
				}
				want := []graph.IngestStatus{graph.IngestNew, graph.IngestFailed, graph.IngestNew}
				for i, r := range rep.Results {
					if r.Status != want[i] {
						t.Errorf("article %d: status %q, want %q", i, r.Status, want[i])
					}
				}
				if r := rep.Results[1]; r.Error == "" || r.Key != c.x.Article.Key() {
					t.Errorf("failed result = %+v, want its key and an error message", r)
				}
				if rep.ArticlesFailed != 1 || rep.ArticlesNew != 2 {
					t.Errorf("report new/failed = %d/%d, want 2/1", rep.ArticlesNew, rep.ArticlesFailed)
				}
				// The first two fixture articles alone.
				if got, want := counts(t, s), (graph.Counts{Entities: 8, Relations: 6, Articles: 2}); got != want {
					t.Errorf("Counts = %+v, want %+v (as if the bad article were not there)", got, want)
				}
				for _, id := range []string{idAli, idSadeq, idOffice} {
					_, err := s.Entity(context.Background(), id)
					wantCode(t, err, graph.ENOTFOUND)
				}
			})
		}
		t.Run("FailedReplaceKeepsOld", func(t *testing.T) {
			s := loaded(t, open, xs...)
			before := counts(t, s)
			bad := withText(xs[0], "A correction follows.")
			bad.Relations = append([]graph.Relation(nil), bad.Relations...)
			bad.Relations[2].Subject = "nobody"
			rep, err := s.Ingest(context.Background(), []graph.Extraction{bad})
			if err != nil {
				t.Fatalf("Ingest: %v", err)
			}
			if rep.Results[0].Status != graph.IngestFailed {
				t.Errorf("bad new version: status %q, want failed", rep.Results[0].Status)
			}
			if after := counts(t, s); after != before {
				t.Errorf("Counts after failed replace = %+v, want %+v", after, before)
			}
			if m := edge(t, s, eMeet); m.Support != 2 {
				t.Errorf("MEET support after failed replace = %d, want 2", m.Support)
			}
			if r := ingest(t, s, xs[0]).Results[0]; r.Status != graph.IngestUnchanged {
				t.Errorf("old version after failed replace: status %q, want unchanged", r.Status)
			}
		})
	})
}
