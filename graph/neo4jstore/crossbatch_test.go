package neo4jstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// The generated graph of TestSameAsSQLiteAcrossBatches: big enough that it
// is ingested in several calls and that hubs give many equally short paths,
// small enough for a CI run of a few seconds.
const (
	crossSeed      = 11
	crossRelations = 4000
	crossActors    = crossRelations / 10
	crossBatch     = 100 // articles per Ingest call: four calls
	crossPairs     = 50
)

// TestSameAsSQLiteAcrossBatches loads one generated graph into a fresh
// SQLite store and into Neo4j, both in several Ingest calls, so that the
// later calls resolve their actors to entities stored by earlier ones. The
// stores must then agree on the ingest reports, the counts, every edge,
// and, for random entity pairs, the shortest and K shortest paths and the
// depth-2 neighbourhood. Each kind of question reports the first one the
// stores answer differently, with both answers.
func TestSameAsSQLiteAcrossBatches(t *testing.T) {
	neo := fresh(t)
	ctx := context.Background()
	lite, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	stores := [2]graph.Store{lite, neo}

	t0 := time.Now()
	xs := graphtest.Generate(crossSeed, crossActors, crossRelations)
	for start := 0; start < len(xs); start += crossBatch {
		batch := xs[start:min(start+crossBatch, len(xs))]
		var reps [2]string
		for i, s := range stores {
			rep, err := s.Ingest(ctx, batch)
			if err != nil || rep.ArticlesFailed != 0 {
				t.Fatalf("Ingest of articles %d..%d into %s: %v, %d failed", start, start+len(batch)-1, storeName(i), err, rep.ArticlesFailed)
			}
			reps[i] = reportView(rep)
		}
		if reps[0] != reps[1] {
			t.Errorf("Ingest of articles %d..%d: reports differ:\n sqlite: %s\n neo4j:  %s", start, start+len(batch)-1, reps[0], reps[1])
		}
	}
	t.Logf("ingest of %d articles in calls of %d into both stores: %v", len(xs), crossBatch, time.Since(t0))

	// Each actor is one entity, whichever call named it first.
	ids := graphtest.GeneratedIDs(crossSeed, crossActors, crossRelations)
	want := graph.Counts{Entities: len(ids), Articles: len(xs)}
	var counts [2]graph.Counts
	for i, s := range stores {
		if counts[i], err = s.Counts(ctx); err != nil {
			t.Fatalf("Counts of %s: %v", storeName(i), err)
		}
	}
	if counts[0] != counts[1] {
		t.Errorf("Counts differ:\n sqlite: %+v\n neo4j:  %+v", counts[0], counts[1])
	}
	for i, c := range counts {
		if c.Entities != want.Entities || c.Articles != want.Articles {
			t.Errorf("%s holds %d entities and %d articles, want %d and %d", storeName(i), c.Entities, c.Articles, want.Entities, want.Articles)
		}
	}

	t1 := time.Now()
	compareEdges(t, stores)
	t.Logf("compared %d edges: %v", counts[1].Relations, time.Since(t1))

	t2 := time.Now()
	var qs []crossQuestion
	r := rand.New(rand.NewPCG(crossSeed, 0xc0de))
	for n := 0; n < crossPairs; n++ {
		from := ids[r.IntN(len(ids))]
		to := ids[r.IntN(len(ids))]
		for to == from {
			to = ids[r.IntN(len(ids))]
		}
		// The answers compare nodes and edge ids, so reading evidence
		// would only slow the test down.
		for _, q := range []graph.PathQuery{
			{From: from, To: to, MaxHops: 4, Evidence: graph.NoEvidence},
			{From: from, To: to, K: 5, ViaHops: n%2 == 1, Evidence: graph.NoEvidence},
		} {
			qs = append(qs, crossQuestion{kind: "paths", shortest: q.K == 0, what: "Paths(" + crossJSON(q) + ")",
				ask: func(s graph.Store) (string, error) {
					ps, err := s.Paths(ctx, q)
					return pathsView(ps), err
				}})
		}
		q := graph.NeighborhoodQuery{Entity: from, Depth: 2, Limit: graph.MaxNeighborhoodEdges, Evidence: graph.NoEvidence}
		qs = append(qs, crossQuestion{kind: "neighbourhoods", what: "Neighborhood(" + crossJSON(q) + ")",
			ask: func(s graph.Store) (string, error) {
				sg, err := graph.Neighborhood(ctx, s, q)
				return subgraphView(sg), err
			}})
	}
	answers := askAll(stores, qs)
	diffs := map[string]*crossDiffs{"paths": {}, "neighbourhoods": {}}
	connected := 0 // pairs SQLite finds a path between: the paths compared are not all empty
	for i, q := range qs {
		diffs[q.kind].compare(q.what, answers[i])
		if q.shortest && answers[i][0].err == nil && !strings.HasPrefix(answers[i][0].shown, "0 paths") {
			connected++
		}
	}
	for _, kind := range []string{"paths", "neighbourhoods"} {
		diffs[kind].report(t, kind)
	}
	if connected < crossPairs/2 {
		t.Errorf("only %d of %d pairs are connected within 4 hops: the paths compared say little", connected, crossPairs)
	}
	t.Logf("asked %d questions about %d pairs (%d connected): %v", len(qs), crossPairs, connected, time.Since(t2))
}

// crossQuestion is one query to put to both stores; ask renders the
// answer as text to compare.
type crossQuestion struct {
	kind, what string
	shortest   bool // a shortest-paths query, counted for connected pairs
	ask        func(graph.Store) (string, error)
}

// crossAnswer is one store's answer: the text, or the error.
type crossAnswer struct {
	shown string
	err   error
}

// askAll puts every question to both stores, a few at a time: each
// question costs a few round trips to the server, and asked one by one
// they would take most of the test's time waiting.
func askAll(stores [2]graph.Store, qs []crossQuestion) [][2]crossAnswer {
	out := make([][2]crossAnswer, len(qs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				for j, s := range stores {
					v, err := qs[i].ask(s)
					out[i][j] = crossAnswer{v, err}
				}
			}
		}()
	}
	for i := range qs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func storeName(i int) string { return [2]string{"sqlite", "neo4j"}[i] }

// compareEdges lists every edge of both stores, page by page, and reports
// the first edge (by id) that one store lacks or holds differently.
func compareEdges(t *testing.T, stores [2]graph.Store) {
	t.Helper()
	ctx := context.Background()
	var all [2]map[string]string
	for i, s := range stores {
		all[i] = map[string]string{}
		q := graph.RelationQuery{Filter: graph.RelationFilter{IncludeNegated: true}, Limit: graph.MaxLimit}
		for pages := 0; ; pages++ {
			if pages > 1000 {
				t.Fatalf("Relations of %s: more than 1000 pages", storeName(i))
			}
			p, err := s.Relations(ctx, q)
			if err != nil {
				t.Fatalf("Relations(%s) of %s: %v", crossJSON(q), storeName(i), err)
			}
			for _, e := range p.Relations {
				all[i][e.ID] = edgeView(e)
			}
			if p.Next == "" {
				break
			}
			q.After = p.Next
		}
	}
	var ids []string
	for _, m := range all {
		for id := range m {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var d crossDiffs
	for _, id := range ids {
		var ans [2]crossAnswer
		for i := range all {
			v, ok := all[i][id]
			if !ok {
				v = "(not listed)"
			}
			ans[i] = crossAnswer{shown: v}
		}
		d.compare("edge "+id, ans)
	}
	d.report(t, "edges")
}

// crossDiffs counts the questions of one kind and keeps the first one the
// stores answer differently.
type crossDiffs struct {
	asked, differ int
	first         string
}

func (d *crossDiffs) compare(what string, ans [2]crossAnswer) {
	d.asked++
	var key [2]string
	for i, a := range ans {
		key[i] = a.shown
		if a.err != nil {
			// An error is an answer too: both stores must give the same
			// code, whatever their wording.
			key[i] = "error " + graph.ErrorCode(a.err)
			ans[i].shown = a.err.Error()
		}
	}
	if key[0] == key[1] {
		return
	}
	d.differ++
	if d.first == "" {
		a, b := shorten(ans[0].shown, ans[1].shown)
		d.first = fmt.Sprintf("%s:\n sqlite: %s\n neo4j:  %s", what, a, b)
	}
}

// shorten keeps two long answers (a neighbourhood's hundreds of edge ids)
// readable: each is cut to its first line's head and the words the other
// answer lacks.
func shorten(a, b string) (string, string) {
	if len(a) < 2000 && len(b) < 2000 {
		return a, b
	}
	lacking := func(x, y string) string {
		other := map[string]bool{}
		for _, w := range strings.Fields(y) {
			other[w] = true
		}
		var only []string
		for _, w := range strings.Fields(x) {
			if !other[w] {
				only = append(only, w)
			}
		}
		head, _, _ := strings.Cut(x, "[")
		return fmt.Sprintf("%s... (%d words the other lacks: %v)", head, len(only), only)
	}
	return lacking(a, b), lacking(b, a)
}

func (d *crossDiffs) report(t *testing.T, kind string) {
	t.Helper()
	if d.differ > 0 {
		t.Errorf("%s: %d of %d answers differ; the first: %s", kind, d.differ, d.asked, d.first)
	}
}

// reportView is what two stores must agree on in an ingest report: each
// article's status and the stored ids its entities resolved to, and the
// sums.
func reportView(rep graph.IngestReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "entities+%d relations+%d evidence+%d new %d skipped %d replaced %d failed %d",
		rep.EntitiesAdded, rep.RelationsAdded, rep.EvidenceAdded, rep.ArticlesNew, rep.ArticlesSkipped, rep.ArticlesReplaced, rep.ArticlesFailed)
	for _, r := range rep.Results {
		fmt.Fprintf(&b, "; %s %s %s %s", r.Key, r.ID, r.Status, crossJSON(r.EntityIDs))
	}
	return b.String()
}

// edgeView is an edge as the stores must agree on it, with every piece of
// its evidence; nil and empty lists are alike.
func edgeView(e graph.Edge) string {
	evs := make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		evs[i] = crossJSON(ev)
	}
	return fmt.Sprintf("%s %s -> %s date=%q polarity=%q role=%q via=%v attributed=%v confidence=%v support=%d evidence_total=%d evidence=%v",
		e.Type, e.Subject, e.Object, e.Date, e.Polarity, e.Role, strings.Join(e.Via, ","), strings.Join(e.AttributedTo, ","),
		e.Confidence, e.Support, e.EvidenceTotal, evs)
}

// pathsView is each path's node sequence, in the order returned, with the
// edge ids of each step.
func pathsView(ps []graph.Path) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d paths", len(ps))
	for _, p := range ps {
		b.WriteString("\n   ")
		for i, n := range p.Nodes {
			if i > 0 {
				st := p.Steps[i-1]
				ids := make([]string, len(st.Edges))
				for j, e := range st.Edges {
					ids[j] = e.ID
				}
				via := ""
				if st.Via {
					via = "via "
				}
				fmt.Fprintf(&b, " -[%s%s]- ", via, strings.Join(ids, ","))
			}
			b.WriteString(n.ID)
		}
	}
	return b.String()
}

// subgraphView is a neighbourhood's set of edge ids, sorted.
func subgraphView(sg graph.Subgraph) string {
	ids := make([]string, len(sg.Edges))
	for i, e := range sg.Edges {
		ids[i] = e.ID
	}
	slices.Sort(ids)
	return fmt.Sprintf("%d edges truncated=%v %v", len(ids), sg.Truncated, ids)
}

func crossJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
