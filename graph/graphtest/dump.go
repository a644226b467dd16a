package graphtest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// dumper returns the store's graph.Dumper, if it has one.
func dumper(s graph.Store) (graph.Dumper, bool) {
	if g, ok := s.(*guard); ok {
		g.check()
		s = g.s
	}
	d, ok := s.(graph.Dumper)
	return d, ok
}

// Answers is what a store answered to a set of queries, by query, as
// canonical JSON values (see SameAnswers), so that answers of two stores
// that cannot be open at once can still be compared.
type Answers map[string]any

// Record puts every query of q to s and returns the answers; an error is
// recorded as its code.
func Record(t *testing.T, s graph.Store, q Queries) Answers {
	t.Helper()
	ctx := context.Background()
	out := Answers{}
	put := func(what string, v any, err error) {
		if err != nil {
			out[what] = "error: " + graph.ErrorCode(err)
			return
		}
		out[what] = canonical(v)
	}
	c, err := s.Counts(ctx)
	put("Counts", c, err)
	for _, id := range q.Entities {
		v, err := s.Entity(ctx, id)
		put("Entity("+id+")", v, err)
	}
	for _, id := range q.Relations {
		v, err := s.Relation(ctx, id)
		put("Relation("+id+")", v, err)
	}
	for _, f := range q.Find {
		v, err := s.FindEntities(ctx, f)
		put("FindEntities("+mustJSON(f)+")", v, err)
	}
	for _, rq := range q.Lists {
		var pages []graph.RelationPage
		r := rq
		var err error
		for len(pages) < 1000 {
			var p graph.RelationPage
			if p, err = s.Relations(ctx, r); err != nil {
				break
			}
			pages = append(pages, p)
			if p.Next == "" {
				break
			}
			r.After = p.Next
		}
		put("Relations("+mustJSON(rq)+")", pages, err)
	}
	for _, tq := range q.Timelines {
		v, err := s.Timeline(ctx, tq)
		put("Timeline("+mustJSON(tq)+")", v, err)
	}
	for _, pq := range q.Paths {
		v, err := s.Paths(ctx, pq)
		put("Paths("+mustJSON(pq)+")", v, err)
	}
	return out
}

// SameRecorded fails t for every query a and b answered differently.
func SameRecorded(t *testing.T, a, b Answers) {
	t.Helper()
	for k, va := range a {
		if vb, ok := b[k]; !ok {
			t.Errorf("%s: not asked of the second store", k)
		} else if !reflect.DeepEqual(va, vb) {
			t.Errorf("%s: answers differ:\n a: %s\n b: %s", k, mustJSON(va), mustJSON(vb))
		}
	}
}

// DumpAll collects a store's dump; it fails t when the store is not a
// graph.Dumper.
func DumpAll(t *testing.T, s graph.Store) []graph.Extraction {
	t.Helper()
	d, ok := dumper(s)
	if !ok {
		t.Fatalf("%T is not a graph.Dumper", s)
	}
	var xs []graph.Extraction
	if err := d.Dump(context.Background(), func(x graph.Extraction) error { xs = append(xs, x); return nil }); err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return xs
}

// Ids of the entities trapArticles stores.
var (
	idShortFarran = graph.EntityID(graph.Person, "Farran")
	idUpgraded    = graph.EntityID(graph.Person, "Lund")
)

// trapArticles are articles whose graph a naive copy gets wrong: a person
// created under a short name and later given a fuller one (its id stays
// person:lund), and a bare "Farran" kept apart from the "Ali Farran" who
// later took "Farran" as an alias (ingested into a store that holds "Ali
// Farran, Farran" first, a bare "Farran" would join him).
func trapArticles() []graph.Extraction {
	return []graph.Extraction{
		mini("t1", "Lund met Norland.").
			entity("x", graph.Person, "Lund").entity("n", graph.Country, "Norland").
			rel(0, graph.Relation{Type: graph.Meet, Subject: "x", Object: "n", Date: "2025-06-30"}).done(),
		mini("t2", "Erik Lund, or Lund, met Norland again.").
			entity("x", graph.Person, "Erik Lund", "Lund").entity("n", graph.Country, "Norland").
			rel(0, graph.Relation{Type: graph.Meet, Subject: "n", Object: "x", Date: "2025-06-30"}).done(),
		mini("t3", "Farran spoke to Norland.").
			entity("f", graph.Person, "Farran").entity("n", graph.Country, "Norland").
			rel(0, graph.Relation{Type: graph.Communicate, Subject: "f", Object: "n", Date: "2025-07-01"}).done(),
		mini("t4", "Ali Farran, known as Farran, met Lund.").
			entity("a", graph.Person, "Ali Farran", "Farran").entity("l", graph.Person, "Lund").
			rel(0, graph.Relation{Type: graph.Meet, Subject: "a", Object: "l", Date: "2025-07-01"}).done(),
	}
}

// DumpQueries returns FixtureQueries widened to the entities of the
// articles the dump tests add.
func DumpQueries() Queries {
	q := FixtureQueries()
	extra := []string{idShortFarran, idUpgraded, graph.EntityID(graph.Person, "Erik Lund")}
	q.Entities = append(q.Entities, extra...)
	q.Find = append(q.Find, graph.EntityFilter{Query: "Farran"}, graph.EntityFilter{Query: "Lund"})
	q.Lists = append(q.Lists, graph.RelationQuery{Entity: idUpgraded})
	q.Paths = append(q.Paths, graph.PathQuery{From: idShortFarran, To: idUpgraded}, graph.PathQuery{From: idAli, To: idShortFarran, K: 3})
	return q
}

func testDump(t *testing.T, open opener) {
	src := append(withProvenance(), trapArticles()...)
	s := loaded(t, open, src...)
	if _, ok := dumper(s); !ok {
		t.Skip("the store does not implement graph.Dumper")
	}
	c := counts(t, s)
	q := DumpQueries()
	before := Record(t, s, q)
	dump := DumpAll(t, s)
	var reader graph.ArticleReader
	if r, ok := articleReader(s); ok {
		reader = r
	}
	stored := map[string]graph.StoredArticle{}
	if reader != nil {
		for _, x := range dump {
			a, err := reader.Article(context.Background(), x.Article.Key())
			if err != nil {
				t.Fatal(err)
			}
			a.Publisher = ""
			stored[a.Key] = *a
		}
	}

	t.Run("Shape", func(t *testing.T) {
		if len(dump) != c.Articles {
			t.Fatalf("dump has %d articles, the store %d", len(dump), c.Articles)
		}
		evidence := 0
		for i, x := range dump {
			if i > 0 && dump[i-1].Article.Key() >= x.Article.Key() {
				t.Errorf("article %d: key %q after %q, want key order", i, x.Article.Key(), dump[i-1].Article.Key())
			}
			if err := x.Validate(); err != nil {
				t.Errorf("article %d: %v", i, err)
			}
			if x.Article.Text != "" {
				t.Errorf("article %d carries text", i)
			}
			for _, e := range x.Entities {
				if x.IDs[e.ID] != e.ID {
					t.Errorf("article %d: entity %q pinned to %q, want itself", i, e.ID, x.IDs[e.ID])
				}
			}
			evidence += len(x.Relations)
		}
		var want int
		for _, x := range src {
			want += len(x.Relations)
		}
		if evidence != want {
			t.Errorf("dump has %d relations, the store %d pieces of evidence", evidence, want)
		}
		for _, x := range src {
			i := findKey(dump, x.Article.Key())
			if i < 0 {
				t.Errorf("article %q missing from the dump", x.Article.Key())
				continue
			}
			a := x.Article
			a.Text = ""
			if dump[i].Article != a {
				t.Errorf("dumped article %+v, want %+v", dump[i].Article, a)
			}
		}
	})

	t.Run("StopsOnError", func(t *testing.T) {
		d, _ := dumper(s)
		stop := errors.New("enough")
		n := 0
		err := d.Dump(context.Background(), func(graph.Extraction) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("Dump = %v after %d calls, want the callback's error after 1", err, n)
		}
	})

	t.Run("Copy", func(t *testing.T) {
		// s is not used again once the copy is open.
		d := open(t)
		rep := ingest(t, d, dump...)
		if rep.ArticlesNew != len(dump) {
			t.Errorf("copy: %d new articles, want %d", rep.ArticlesNew, len(dump))
		}
		SameRecorded(t, before, Record(t, d, q))
		if again := DumpAll(t, d); mustJSON(again) != mustJSON(dump) {
			t.Errorf("the copy dumps differently:\n copy: %s\n source: %s", mustJSON(again), mustJSON(dump))
		}
		if r, ok := articleReader(d); ok {
			for key, want := range stored {
				a, err := r.Article(context.Background(), key)
				if err != nil {
					t.Fatal(err)
				}
				a.Publisher = ""
				if *a != want {
					t.Errorf("copy: article %+v, want %+v", *a, want)
				}
			}
		}
		// A rerun, as a resumed copy does it, changes nothing.
		rep = ingest(t, d, dump...)
		if rep.ArticlesSkipped != len(dump) {
			t.Errorf("second copy: %d skipped, want %d", rep.ArticlesSkipped, len(dump))
		}
	})
}

func findKey(xs []graph.Extraction, key string) int {
	for i, x := range xs {
		if x.Article.Key() == key {
			return i
		}
	}
	return -1
}

func testPinned(t *testing.T, open opener) {
	t.Run("NewEntityTakesPin", func(t *testing.T) {
		s := open(t)
		x := mini("p1", "Brevik spoke.").entity("x", graph.Person, "Brevik").done()
		x.IDs = map[string]string{"x": idBrevik}
		if got := ingest(t, s, x).Results[0].EntityIDs["x"]; got != idBrevik {
			t.Errorf("stored as %q, want the pinned %q", got, idBrevik)
		}
		if e := entity(t, s, idBrevik); e.Name != "Brevik" {
			t.Errorf("name = %q, want Brevik", e.Name)
		}
	})

	t.Run("PinBeatsResolution", func(t *testing.T) {
		s := open(t)
		ingest(t, s, mini("p1", "Farran spoke.").entity("x", graph.Person, "Farran").done())
		x := mini("p2", "Ali Farran, or Farran, spoke.").entity("x", graph.Person, "Ali Farran", "Farran").done()
		x.IDs = map[string]string{"x": idAli}
		if got := ingest(t, s, x).Results[0].EntityIDs["x"]; got != idAli {
			t.Errorf("stored as %q, want the pinned %q, not the bare Farran", got, idAli)
		}
		if c := counts(t, s); c.Entities != 2 {
			t.Errorf("%d entities, want 2", c.Entities)
		}
	})

	t.Run("PinFoldsIntoStored", func(t *testing.T) {
		s := open(t)
		short := graph.EntityID(graph.Person, "Brevik")
		ingest(t, s, mini("p1", "Brevik spoke.").entity("x", graph.Person, "Brevik").done())
		x := mini("p2", "Tomas Brevik spoke.").entity("x", graph.Person, "Tomas Brevik").done()
		x.IDs = map[string]string{"x": short}
		rep := ingest(t, s, x)
		if got := rep.Results[0].EntityIDs["x"]; got != short || rep.EntitiesAdded != 0 {
			t.Errorf("stored as %q with %d entities added, want %q and none", got, rep.EntitiesAdded, short)
		}
		e := entity(t, s, short)
		if e.Name != "Tomas Brevik" || e.ArticleCount != 2 {
			t.Errorf("entity = %q in %d articles, want Tomas Brevik in 2", e.Name, e.ArticleCount)
		}
	})

	t.Run("Invalid", func(t *testing.T) {
		s := open(t)
		for _, pins := range []map[string]string{
			{"x": "country:brevik"}, // another type's prefix
			{"x": "person:"},
			{"y": idBrevik}, // no such local entity
		} {
			x := mini("p1", "Brevik spoke.").entity("x", graph.Person, "Brevik").done()
			x.IDs = pins
			rep, err := s.Ingest(context.Background(), []graph.Extraction{x})
			if err != nil {
				t.Fatal(err)
			}
			if r := rep.Results[0]; r.Status != graph.IngestFailed || r.Error == "" {
				t.Errorf("pins %v: result %+v, want failed with a message", pins, r)
			}
		}
		if c := counts(t, s); c != (graph.Counts{}) {
			t.Errorf("counts = %+v after invalid pins, want nothing stored", c)
		}
	})
}
