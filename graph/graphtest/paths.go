package graphtest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// shape is what identifies a path: its node ids and, per step, the ids of
// its edges and whether it goes through a via entity.
type shape struct {
	Nodes []string
	Steps []stepShape
}

type stepShape struct {
	From, To string
	Edges    []string
	Via      bool
}

func (p shape) String() string {
	var b strings.Builder
	b.WriteString(p.Nodes[0])
	for _, s := range p.Steps {
		mark := "–"
		if s.Via {
			mark = "~"
		}
		fmt.Fprintf(&b, " %s%d%s %s", mark, len(s.Edges), mark, s.To)
	}
	return b.String()
}

func shapeOf(p graph.Path) shape {
	var s shape
	for _, n := range p.Nodes {
		s.Nodes = append(s.Nodes, n.ID)
	}
	for _, st := range p.Steps {
		s.Steps = append(s.Steps, stepShape{From: st.From, To: st.To, Edges: ids(st.Edges), Via: st.Via})
	}
	return s
}

func shapesOf(ps []graph.Path) []shape {
	out := []shape{}
	for _, p := range ps {
		out = append(out, shapeOf(p))
	}
	return out
}

func sameShapes(a, b []shape) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equalStrings(a[i].Nodes, b[i].Nodes) || len(a[i].Steps) != len(b[i].Steps) {
			return false
		}
		for j, s := range a[i].Steps {
			t := b[i].Steps[j]
			if s.From != t.From || s.To != t.To || s.Via != t.Via || !equalStrings(s.Edges, t.Edges) {
				return false
			}
		}
	}
	return true
}

// nodes is a shorthand for the node sequences of expected paths.
func nodes(ps ...[]string) [][]string { return ps }

func nodeSeqs(ps []graph.Path) [][]string {
	out := [][]string{}
	for _, p := range ps {
		out = append(out, shapeOf(p).Nodes)
	}
	return out
}

func sameSeqs(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equalStrings(a[i], b[i]) {
			return false
		}
	}
	return true
}

// refGraph is the suite's reference model of a path query's graph, built
// from what Relations returns for the query's filter.
type refGraph struct {
	real, via map[[2]string][]string // unordered pair → edge ids
	adj       map[string][]string    // node → sorted neighbours
}

func pair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

func newRefGraph(edges []graph.Edge, viaHops bool) *refGraph {
	g := &refGraph{real: map[[2]string][]string{}, via: map[[2]string][]string{}, adj: map[string][]string{}}
	add := func(m map[[2]string][]string, a, b, id string) {
		k := pair(a, b)
		for _, x := range m[k] {
			if x == id {
				return
			}
		}
		m[k] = append(m[k], id)
	}
	for _, e := range edges {
		if e.Subject != e.Object {
			add(g.real, e.Subject, e.Object, e.ID)
		}
		if !viaHops {
			continue
		}
		for _, c := range e.Via {
			if c == e.Subject || c == e.Object {
				continue
			}
			add(g.via, e.Subject, c, e.ID)
			add(g.via, c, e.Object, e.ID)
		}
	}
	nb := map[string]map[string]bool{}
	for _, m := range []map[[2]string][]string{g.real, g.via} {
		for k, es := range m {
			sort.Strings(es)
			for i := 0; i < 2; i++ {
				if nb[k[i]] == nil {
					nb[k[i]] = map[string]bool{}
				}
				nb[k[i]][k[1-i]] = true
			}
		}
	}
	for n, set := range nb {
		for m := range set {
			g.adj[n] = append(g.adj[n], m)
		}
		sort.Strings(g.adj[n])
	}
	return g
}

// paths enumerates every simple path of at most maxHops hops, in the
// order the suite defines: hops, then node id sequence.
func (g *refGraph) paths(from, to string, maxHops int) [][]string {
	var out [][]string
	cur := []string{from}
	on := map[string]bool{from: true}
	var walk func(n string)
	walk = func(n string) {
		if n == to {
			out = append(out, append([]string(nil), cur...))
			return
		}
		if len(cur)-1 == maxHops {
			return
		}
		for _, m := range g.adj[n] {
			if on[m] {
				continue
			}
			on[m] = true
			cur = append(cur, m)
			walk(m)
			cur = cur[:len(cur)-1]
			on[m] = false
		}
	}
	walk(from)
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) < len(out[j])
		}
		for k := range out[i] {
			if out[i][k] != out[j][k] {
				return out[i][k] < out[j][k]
			}
		}
		return false
	})
	return out
}

func (g *refGraph) shape(seq []string) shape {
	s := shape{Nodes: seq}
	for i := 0; i+1 < len(seq); i++ {
		k := pair(seq[i], seq[i+1])
		st := stepShape{From: seq[i], To: seq[i+1], Edges: g.real[k]}
		if len(st.Edges) == 0 {
			st.Edges, st.Via = g.via[k], true
		}
		s.Steps = append(s.Steps, st)
	}
	return s
}

// expectPaths answers q from the reference model.
func expectPaths(g *refGraph, q graph.PathQuery) []shape {
	maxHops := q.MaxHops
	if maxHops == 0 {
		maxHops = graph.DefaultMaxHops
	}
	limit := q.Limit
	if limit == 0 {
		limit = graph.DefaultPaths
	}
	if limit > graph.MaxPaths {
		limit = graph.MaxPaths
	}
	all := g.paths(q.From, q.To, maxHops)
	if q.K == 0 && len(all) > 0 {
		n := 0
		for n < len(all) && len(all[n]) == len(all[0]) {
			n++
		}
		all = all[:n]
	}
	if q.K > 0 && q.K < limit {
		limit = q.K
	}
	if len(all) > limit {
		all = all[:limit]
	}
	out := []shape{}
	for _, seq := range all {
		out = append(out, g.shape(seq))
	}
	return out
}

// checkPath checks what a path must be whatever the query: consistent
// nodes and steps, distinct nodes, whole entities and edges.
func checkPath(t *testing.T, q graph.PathQuery, p graph.Path) {
	t.Helper()
	if len(p.Nodes) != len(p.Steps)+1 || len(p.Nodes) < 2 {
		t.Errorf("path with %d nodes and %d steps", len(p.Nodes), len(p.Steps))
		return
	}
	if p.Nodes[0].ID != q.From || p.Nodes[len(p.Nodes)-1].ID != q.To {
		t.Errorf("path %s does not run from %s to %s", shapeOf(p), q.From, q.To)
	}
	seen := map[string]bool{}
	for i, n := range p.Nodes {
		if seen[n.ID] {
			t.Errorf("path %s repeats %s", shapeOf(p), n.ID)
		}
		seen[n.ID] = true
		if n.Name == "" || !n.Type.Valid() {
			t.Errorf("path node %d is not a whole entity: %+v", i, n)
		}
	}
	for i, st := range p.Steps {
		if st.From != p.Nodes[i].ID || st.To != p.Nodes[i+1].ID {
			t.Errorf("step %d joins %s–%s, nodes are %s–%s", i, st.From, st.To, p.Nodes[i].ID, p.Nodes[i+1].ID)
		}
		if len(st.Edges) == 0 {
			t.Errorf("step %d has no edges", i)
		}
		for _, e := range st.Edges {
			if (len(e.Evidence) == 0 && q.Evidence != graph.NoEvidence) || e.Support == 0 {
				t.Errorf("step %d: edge %s without evidence", i, e.ID)
			}
			if q.Evidence != 0 && (e.EvidenceTotal < len(e.Evidence) || e.EvidenceTotal < e.Support) {
				t.Errorf("step %d: edge %s counts %d pieces of evidence, holds %d from %d articles", i, e.ID, e.EvidenceTotal, len(e.Evidence), e.Support)
			}
			if !q.Filter.Match(e) {
				t.Errorf("step %d: edge %s does not pass the filter", i, e.ID)
			}
		}
	}
}

// refModels caches reference graphs per filter and via mode.
type refModels struct {
	s graph.Store
	m map[string]*refGraph
}

func (r *refModels) get(t *testing.T, f graph.RelationFilter, viaHops bool) *refGraph {
	t.Helper()
	k := fmt.Sprintf("%+v|%v", f, viaHops)
	if g, ok := r.m[k]; ok {
		return g
	}
	g := newRefGraph(allRelations(t, r.s, graph.RelationQuery{Filter: f, Limit: graph.MaxLimit}), viaHops)
	r.m[k] = g
	return g
}

func runPaths(t *testing.T, s graph.Store, q graph.PathQuery) []graph.Path {
	t.Helper()
	ps, err := s.Paths(context.Background(), q)
	if err != nil {
		t.Fatalf("Paths(%+v): %v", q, err)
	}
	if ps == nil {
		t.Errorf("Paths(%+v) = nil, want a non-nil slice", q)
	}
	for _, p := range ps {
		checkPath(t, q, p)
	}
	return ps
}

func testPaths(t *testing.T, open opener) {
	s := loaded(t, open, PathFixture()...)
	ref := &refModels{s: s, m: map[string]*refGraph{}}

	t.Run("Hand", func(t *testing.T) {
		y2025 := graph.RelationFilter{FromDate: "2025", ToDate: "2025"}
		cases := []struct {
			name string
			q    graph.PathQuery
			want [][]string
		}{
			{"Shortest", graph.PathQuery{From: pA, To: pD}, nodes([]string{pA, pB, pD}, []string{pA, pC, pD}, []string{pA, pE, pD})},
			{"Reversed", graph.PathQuery{From: pD, To: pA}, nodes([]string{pD, pB, pA}, []string{pD, pC, pA}, []string{pD, pE, pA})},
			{"Adjacent", graph.PathQuery{From: pA, To: pB}, nodes([]string{pA, pB})},
			{"TypeFilter", graph.PathQuery{From: pA, To: pD, Filter: graph.RelationFilter{Types: []graph.RelationType{graph.Meet}}}, nodes([]string{pA, pB, pD})},
			{"ExcludeFilter", graph.PathQuery{From: pA, To: pD, Filter: graph.RelationFilter{ExcludeTypes: []graph.RelationType{graph.Meet, graph.Communicate}}},
				nodes([]string{pA, pC, pD}, []string{pA, pE, pD})},
			{"DateWindow", graph.PathQuery{From: pA, To: pD, Filter: y2025}, nodes([]string{pA, pB, pD})},
			{"FilterForcesLonger", graph.PathQuery{From: pB, To: pD, Filter: graph.RelationFilter{ExcludeTypes: []graph.RelationType{graph.Meet}}},
				nodes([]string{pB, pE, pD})},
			{"Source", graph.PathQuery{From: pD, To: pH, Filter: graph.RelationFilter{Source: "harbor daily"}}, nodes([]string{pD, pF, pH})},
			{"SourceExcludes", graph.PathQuery{From: pA, To: pD, Filter: graph.RelationFilter{Source: "Harbor Daily"}}, nodes()},
			{"WindowExcludesAll", graph.PathQuery{From: pA, To: pB, Filter: graph.RelationFilter{FromDate: "2030"}}, nodes()},
			{"FourHops", graph.PathQuery{From: pA, To: pH}, nodes([]string{pA, pB, pD, pF, pH}, []string{pA, pC, pD, pF, pH}, []string{pA, pE, pD, pF, pH})},
			{"MaxHopsRespected", graph.PathQuery{From: pA, To: pH, MaxHops: 3}, nodes()},
			{"NegatedLeftOut", graph.PathQuery{From: pB, To: pC}, nodes([]string{pB, pA, pC}, []string{pB, pD, pC})},
			{"NegatedIncluded", graph.PathQuery{From: pB, To: pC, Filter: graph.RelationFilter{IncludeNegated: true}}, nodes([]string{pB, pC})},
			{"ViaOnlyUnreachable", graph.PathQuery{From: pA, To: pG}, nodes()},
			{"ViaHops", graph.PathQuery{From: pA, To: pG, ViaHops: true}, nodes([]string{pA, pB, pD, pG}, []string{pA, pC, pD, pG}, []string{pA, pE, pD, pG})},
			{"ViaHopsFiltered", graph.PathQuery{From: pA, To: pG, ViaHops: true, Filter: graph.RelationFilter{ExcludeTypes: []graph.RelationType{graph.Negotiate}}}, nodes()},
			{"KShortest", graph.PathQuery{From: pA, To: pD, K: 5}, nodes([]string{pA, pB, pD}, []string{pA, pC, pD}, []string{pA, pE, pD},
				[]string{pA, pB, pE, pD}, []string{pA, pE, pB, pD})},
			{"KMoreThanExist", graph.PathQuery{From: pA, To: pD, K: 10}, nodes([]string{pA, pB, pD}, []string{pA, pC, pD}, []string{pA, pE, pD},
				[]string{pA, pB, pE, pD}, []string{pA, pE, pB, pD})},
			{"KCutsTies", graph.PathQuery{From: pA, To: pD, K: 2}, nodes([]string{pA, pB, pD}, []string{pA, pC, pD})},
			{"KBoundedByHops", graph.PathQuery{From: pA, To: pD, K: 10, MaxHops: 2}, nodes([]string{pA, pB, pD}, []string{pA, pC, pD}, []string{pA, pE, pD})},
			{"KWithFilter", graph.PathQuery{From: pA, To: pD, K: 10, Filter: y2025}, nodes([]string{pA, pB, pD}, []string{pA, pB, pE, pD})},
			{"KLimit", graph.PathQuery{From: pA, To: pD, K: 10, Limit: 4}, nodes([]string{pA, pB, pD}, []string{pA, pC, pD}, []string{pA, pE, pD},
				[]string{pA, pB, pE, pD})},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got := runPaths(t, s, c.q)
				if !sameSeqs(nodeSeqs(got), c.want) {
					t.Errorf("Paths(%+v) = %v, want %v", c.q, nodeSeqs(got), c.want)
				}
				if want := expectPaths(ref.get(t, c.q.Filter, c.q.ViaHops), c.q); !sameShapes(shapesOf(got), want) {
					t.Errorf("Paths(%+v) = %v, want %v", c.q, shapesOf(got), want)
				}
			})
		}
	})

	t.Run("Steps", func(t *testing.T) {
		ps := runPaths(t, s, graph.PathQuery{From: pA, To: pD})
		if len(ps) == 0 {
			t.Fatal("no path")
		}
		want := []string{
			graph.EdgeID(graph.Meet, pA, pB, "2025-01-10", graph.Asserted),
			graph.EdgeID(graph.Communicate, pA, pB, "2025-02-20", graph.Asserted),
		}
		sort.Strings(want)
		if got := ids(ps[0].Steps[0].Edges); !equalStrings(got, want) || ps[0].Steps[0].Via {
			t.Errorf("first step Alpha–Bravo carries %q (via %v), want both edges %q", got, ps[0].Steps[0].Via, want)
		}
		ps = runPaths(t, s, graph.PathQuery{From: pA, To: pG, ViaHops: true})
		if len(ps) == 0 {
			t.Fatal("no path through via")
		}
		last := ps[0].Steps[len(ps[0].Steps)-1]
		neg := graph.EdgeID(graph.Negotiate, pD, pF, "2025-03-01", graph.Asserted)
		if !last.Via || !equalStrings(ids(last.Edges), []string{neg}) || last.From != pD || last.To != pG {
			t.Errorf("last step = %s→%s via %v edges %q, want %s→%s via the NEGOTIATE %s", last.From, last.To, last.Via, ids(last.Edges), pD, pG, neg)
		}
		// Via hops add pairs; they never hide the edge's own ends.
		ps = runPaths(t, s, graph.PathQuery{From: pD, To: pF, ViaHops: true})
		if len(ps) != 1 || len(ps[0].Steps) != 1 || ps[0].Steps[0].Via {
			t.Errorf("Delta–Foxtrot with via hops = %v, want the direct edge", shapesOf(ps))
		}
	})

	t.Run("Reference", func(t *testing.T) {
		// Every ordered pair, against the reference model.
		all := []string{pA, pB, pC, pD, pE, pF, pG, pH}
		filters := []graph.RelationFilter{
			{},
			{IncludeNegated: true},
			{FromDate: "2025-01-12"},
			{Types: []graph.RelationType{graph.Meet, graph.Negotiate, graph.Support, graph.Sanction}},
		}
		for _, f := range filters {
			for _, via := range []bool{false, true} {
				g := ref.get(t, f, via)
				for _, k := range []int{0, 3} {
					for _, hops := range []int{0, 2} {
						for _, from := range all {
							for _, to := range all {
								if from == to {
									continue
								}
								q := graph.PathQuery{From: from, To: to, K: k, MaxHops: hops, Filter: f, ViaHops: via}
								got := runPaths(t, s, q)
								if want := expectPaths(g, q); !sameShapes(shapesOf(got), want) {
									t.Errorf("Paths(%+v) = %v, want %v", q, shapesOf(got), want)
								}
							}
						}
					}
				}
			}
		}
	})

	t.Run("Errors", func(t *testing.T) {
		for _, c := range []struct {
			name string
			q    graph.PathQuery
			code string
		}{
			{"TooManyHops", graph.PathQuery{From: pA, To: pD, MaxHops: graph.MaxHops + 1}, graph.EINVALID},
			{"NegativeHops", graph.PathQuery{From: pA, To: pD, MaxHops: -1}, graph.EINVALID},
			{"NegativeK", graph.PathQuery{From: pA, To: pD, K: -1}, graph.EINVALID},
			{"NegativeLimit", graph.PathQuery{From: pA, To: pD, Limit: -1}, graph.EINVALID},
			{"SameEnds", graph.PathQuery{From: pA, To: pA}, graph.EINVALID},
			{"BadFilter", graph.PathQuery{From: pA, To: pD, Filter: graph.RelationFilter{MinConfidence: 2}}, graph.EINVALID},
			{"UnknownFrom", graph.PathQuery{From: "country:nowhere", To: pD}, graph.ENOTFOUND},
			{"UnknownTo", graph.PathQuery{From: pA, To: "country:nowhere"}, graph.ENOTFOUND},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Paths(context.Background(), c.q)
				wantCode(t, err, c.code)
			})
		}
		if _, err := s.Paths(context.Background(), graph.PathQuery{From: pA, To: pH, MaxHops: graph.MaxHops}); err != nil {
			t.Errorf("MaxHops = graph.MaxHops: %v", err)
		}
	})
	// From here on each subtest has its own store.
	t.Run("Limits", func(t *testing.T) {
		h := loaded(t, open, HubFixture(12))
		src, dst := graph.EntityID(graph.Country, "Source"), graph.EntityID(graph.Country, "Target")
		mid := func(i int) string { return graph.EntityID(graph.Country, fmt.Sprintf("Middle %02d", i)) }
		for _, c := range []struct {
			name string
			q    graph.PathQuery
			n    int
		}{
			{"Default", graph.PathQuery{From: src, To: dst}, graph.DefaultPaths},
			{"Limit", graph.PathQuery{From: src, To: dst, Limit: 3}, 3},
			{"AboveMax", graph.PathQuery{From: src, To: dst, Limit: graph.MaxPaths + 1}, 12},
			{"K", graph.PathQuery{From: src, To: dst, K: 12, Limit: 5}, 5},
			{"KDefaultLimit", graph.PathQuery{From: src, To: dst, K: 12}, graph.DefaultPaths},
		} {
			t.Run(c.name, func(t *testing.T) {
				ps := runPaths(t, h, c.q)
				if len(ps) != c.n {
					t.Fatalf("%d paths, want %d", len(ps), c.n)
				}
				for i, p := range ps {
					if want := []string{src, mid(i + 1), dst}; !equalStrings(shapeOf(p).Nodes, want) {
						t.Errorf("path %d = %q, want %q", i, shapeOf(p).Nodes, want)
					}
				}
			})
		}
	})

	t.Run("Fixture", func(t *testing.T) {
		xs := Fixture()
		fs := loaded(t, open, xs...)
		fref := &refModels{s: fs, m: map[string]*refGraph{}}
		all := []string{idQuist, idBrevik, idAli, idSadeq, idValdoria, idNorland, idOskaria, idSelden, idDaily, idCouncil, idOffice}
		for _, f := range []graph.RelationFilter{{}, {IncludeNegated: true, NoStructural: true}} {
			for _, via := range []bool{false, true} {
				g := fref.get(t, f, via)
				for _, from := range all {
					for _, to := range all {
						if from == to {
							continue
						}
						for _, k := range []int{0, 4} {
							q := graph.PathQuery{From: from, To: to, Filter: f, ViaHops: via, K: k, MaxHops: graph.MaxHops}
							got := runPaths(t, fs, q)
							if want := expectPaths(g, q); !sameShapes(shapesOf(got), want) {
								t.Errorf("Paths(%+v) = %v, want %v", q, shapesOf(got), want)
							}
						}
					}
				}
			}
		}
		// Quist reaches the trade office through Norland.
		if ps := runPaths(t, fs, graph.PathQuery{From: idQuist, To: idOffice}); len(ps) == 0 {
			t.Errorf("no path from Quist to the trade office")
		}
	})

	t.Run("Generated", func(t *testing.T) {
		// A random graph with hubs, where many paths tie.
		xs := Generate(5, 40, 120)
		gs := loaded(t, open, xs...)
		gref := &refModels{s: gs, m: map[string]*refGraph{}}
		var ents []string
		for _, e := range allEntities(t, gs) {
			ents = append(ents, e.ID)
		}
		for _, f := range []graph.RelationFilter{{}, {NoStructural: true, IncludeNegated: true}} {
			for _, via := range []bool{false, true} {
				g := gref.get(t, f, via)
				for i := 0; i < 60; i++ {
					from, to := ents[(i*7)%len(ents)], ents[(i*13+5)%len(ents)]
					if from == to {
						continue
					}
					for _, q := range []graph.PathQuery{
						{From: from, To: to, Filter: f, ViaHops: via, MaxHops: 3},
						{From: from, To: to, Filter: f, ViaHops: via, MaxHops: 3, K: 8},
						{From: from, To: to, Filter: f, ViaHops: via, MaxHops: 2, K: 20, Limit: 20},
					} {
						got := runPaths(t, gs, q)
						if want := expectPaths(g, q); !sameShapes(shapesOf(got), want) {
							t.Errorf("Paths(%+v) = %v, want %v", q, shapesOf(got), want)
						}
					}
				}
			}
		}
	})

}
