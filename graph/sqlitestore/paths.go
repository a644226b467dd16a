package sqlitestore

import (
	"context"
	"sort"

	"github.com/actorgraph/actorgraph/graph"
)

// Paths finds how two entities are connected: all shortest paths, or with
// K the k shortest simple paths; see the graphtest package for the exact
// semantics.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.Wrap(graph.EINTERNAL, err, "path search cancelled")
	}
	hops, n, err := q.Bounds()
	if err != nil {
		return nil, err
	}
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	from, ok := ix.pos[q.From]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "no entity %q", q.From)
	}
	to, ok := ix.pos[q.To]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "no entity %q", q.To)
	}
	sr := &search{ix: ix, f: q.Filter, viaHops: q.ViaHops, pass: make([]int8, len(ix.edges)), ctx: ctx}
	if q.Filter.Source != "" {
		sr.source = graph.NormalizeName(q.Filter.Source)
		if sr.sources, err = s.edgeSources(ctx, ix); err != nil {
			return nil, err
		}
	}
	var seqs [][]int32
	if q.K == 0 {
		seqs, err = sr.allShortest(from, to, hops, n)
	} else {
		seqs, err = sr.kShortest(from, to, hops, n)
	}
	if err != nil {
		return nil, err
	}
	return s.materialise(ctx, sr, seqs, q.Evidence, q.StepEdges)
}

// search is one path query's view of the index: the filter, decided once
// per edge, and the nodes and pairs Yen's algorithm takes out.
type search struct {
	ix      *index
	f       graph.RelationFilter
	source  string
	sources map[int32][]string // when source is set
	viaHops bool
	pass    []int8 // per edge: 0 not decided yet, 1 passes, 2 does not
	ctx     context.Context
	steps   int // work done, to check the context now and then

	blockedNodes map[int32]bool
	blockedPairs map[[2]int32]bool
}

func (sr *search) passes(i int32) bool {
	switch sr.pass[i] {
	case 1:
		return true
	case 2:
		return false
	}
	ie := &sr.ix.edges[i]
	ok := sr.f.Match(ie.e)
	if ok && sr.source != "" {
		ok = false
		for _, s := range sr.sources[i] {
			if s == sr.source {
				ok = true
				break
			}
		}
	}
	if ok {
		sr.pass[i] = 1
	} else {
		sr.pass[i] = 2
	}
	return ok
}

// linked reports whether a neighbour entry joins its two nodes under the
// query.
func (sr *search) linked(n *neighbor) bool {
	for _, e := range n.real {
		if sr.passes(e) {
			return true
		}
	}
	if sr.viaHops {
		for _, e := range n.via {
			if sr.passes(e) {
				return true
			}
		}
	}
	return false
}

func pairKey(a, b int32) [2]int32 {
	if b < a {
		a, b = b, a
	}
	return [2]int32{a, b}
}

// each calls fn for every neighbour of u the query can walk to, in id
// order, until fn returns false. want, when set, is asked first: a
// neighbour it refuses costs no filter check, which matters at a hub of
// thousands.
func (sr *search) each(u int32, want func(v int32) bool, fn func(v int32) bool) {
	adj := sr.ix.adj[u]
	for i := range adj {
		n := &adj[i]
		if want != nil && !want(n.node) {
			continue
		}
		if sr.blockedNodes != nil && sr.blockedNodes[n.node] {
			continue
		}
		if sr.blockedPairs != nil && sr.blockedPairs[pairKey(u, n.node)] {
			continue
		}
		if !sr.linked(n) {
			continue
		}
		if !fn(n.node) {
			return
		}
	}
}

// tick checks the context every few thousand steps.
func (sr *search) tick() error {
	sr.steps++
	if sr.steps%4096 == 0 {
		if err := sr.ctx.Err(); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "path search cancelled")
		}
	}
	return nil
}

// allShortest returns the first n shortest paths in node order. A
// bidirectional breadth-first search, one whole level at a time from the
// smaller frontier, finds the distance d and the layer where the two
// searches meet; the nodes before that layer are pruned to those that lead
// to it, the nodes after it are known by their distance to the target. A
// depth-first walk in id order then yields paths in order without dead
// ends, and stops after n.
func (sr *search) allShortest(from, to int32, maxHops, n int) ([][]int32, error) {
	// Distances from each end, -1 where not reached: slices, not maps,
	// since a search between hubs reaches most of the graph.
	nodes := len(sr.ix.ids)
	df, dt := make([]int8, nodes), make([]int8, nodes)
	for i := range df {
		df[i], dt[i] = -1, -1
	}
	df[from], dt[to] = 0, 0
	ff, bf := []int32{from}, []int32{to}
	a, b := 0, 0
	var met []int32
	for a+b < maxHops && len(met) == 0 {
		forward := len(ff) <= len(bf)
		var next []int32
		var err error
		if forward {
			next, met, err = sr.expand(ff, df, dt, a+1)
			a++
			ff = next
		} else {
			next, met, err = sr.expand(bf, dt, df, b+1)
			b++
			bf = next
		}
		if err != nil {
			return nil, err
		}
		if len(next) == 0 {
			return nil, nil
		}
	}
	if len(met) == 0 {
		return nil, nil
	}
	d := a + b
	// Layers 0..a: nodes that reach the meeting layer. Layer 0 is from
	// alone, and every node of layer 1 was reached from it, so only the
	// layers between need the walk back (at a hub, the costly part).
	valid := make([]map[int32]bool, a+1)
	valid[a] = map[int32]bool{}
	for _, m := range met {
		valid[a][m] = true
	}
	for i := a - 1; i >= 1; i-- {
		valid[i] = map[int32]bool{}
		for w := range valid[i+1] {
			sr.each(w, func(u int32) bool { return int(df[u]) == i && !valid[i][u] }, func(u int32) bool {
				valid[i][u] = true
				return true
			})
		}
	}
	if a > 0 {
		valid[0] = map[int32]bool{from: true}
	}
	var out [][]int32
	path := make([]int32, 0, d+1)
	var walk func(u int32, i int) error
	walk = func(u int32, i int) error {
		if err := sr.tick(); err != nil {
			return err
		}
		path = append(path, u)
		defer func() { path = path[:len(path)-1] }()
		if i == d {
			out = append(out, append([]int32(nil), path...))
			return nil
		}
		var err error
		sr.each(u, func(v int32) bool {
			if i+1 <= a {
				return valid[i+1][v]
			}
			return int(dt[v]) == d-i-1
		}, func(v int32) bool {
			err = walk(v, i+1)
			return err == nil && len(out) < n
		})
		return err
	}
	if err := walk(from, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// expand grows one search by a level: new nodes get depth, and those the
// other search has seen are where the two meet.
func (sr *search) expand(frontier []int32, mine, other []int8, depth int) (next, met []int32, err error) {
	for _, u := range frontier {
		if err := sr.tick(); err != nil {
			return nil, nil, err
		}
		sr.each(u, func(v int32) bool { return mine[v] < 0 }, func(v int32) bool {
			mine[v] = int8(depth)
			next = append(next, v)
			if other[v] >= 0 {
				met = append(met, v)
			}
			return true
		})
	}
	return next, met, nil
}

// firstShortest returns the smallest shortest path from u to to in node
// order, of at most maxHops hops, avoiding the blocked nodes and pairs:
// the first path allShortest yields.
func (sr *search) firstShortest(u, to int32, maxHops int) ([]int32, error) {
	ps, err := sr.allShortest(u, to, maxHops, 1)
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	return ps[0], nil
}

// lessPath orders paths by hops, then node by node.
func lessPath(a, b []int32) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func pathKey(p []int32) string {
	b := make([]byte, 0, 4*len(p))
	for _, n := range p {
		b = append(b, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
	return string(b)
}

// kShortest is Yen's algorithm with (hops, node order) as the cost. That
// order is a total order compatible with prefixes, so the best spur path
// (firstShortest) is well defined and Yen's argument gives exactly the
// first k simple paths in that order, ties included.
func (sr *search) kShortest(from, to int32, maxHops, k int) ([][]int32, error) {
	first, err := sr.firstShortest(from, to, maxHops)
	if err != nil || first == nil {
		return nil, err
	}
	found := [][]int32{first}
	seen := map[string]bool{pathKey(first): true}
	var cands [][]int32
	for len(found) < k {
		prev := found[len(found)-1]
		for i := 0; i+1 < len(prev); i++ {
			root := prev[:i+1]
			sr.blockedNodes = map[int32]bool{}
			for _, r := range root[:i] {
				sr.blockedNodes[r] = true
			}
			sr.blockedPairs = map[[2]int32]bool{}
			for _, p := range found {
				if len(p) > i+1 && equalPrefix(p, root) {
					sr.blockedPairs[pairKey(p[i], p[i+1])] = true
				}
			}
			spur, err := sr.firstShortest(prev[i], to, maxHops-i)
			sr.blockedNodes, sr.blockedPairs = nil, nil
			if err != nil {
				return nil, err
			}
			if spur == nil {
				continue
			}
			p := append(append([]int32(nil), root[:i]...), spur...)
			if key := pathKey(p); !seen[key] {
				seen[key] = true
				cands = append(cands, p)
			}
		}
		if len(cands) == 0 {
			break
		}
		best := 0
		for j := range cands {
			if lessPath(cands[j], cands[best]) {
				best = j
			}
		}
		found = append(found, cands[best])
		cands = append(cands[:best], cands[best+1:]...)
	}
	return found, nil
}

func equalPrefix(p, root []int32) bool {
	for i := range root {
		if p[i] != root[i] {
			return false
		}
	}
	return true
}

// materialise turns node sequences into paths with whole entities and
// edges read from the database, each step's edges bounded by stepEdges and
// each edge's evidence by evidence (see graph.PathQuery). Entities and
// evidence are read in one query each, whatever the number of paths.
func (s *Store) materialise(ctx context.Context, sr *search, seqs [][]int32, evidence, stepEdges int) ([]graph.Path, error) {
	out := make([]graph.Path, 0, len(seqs))
	if len(seqs) == 0 {
		return out, nil
	}
	ix := sr.ix
	type step struct {
		edges []int32
		total int
		via   bool
	}
	steps := make([][]step, len(seqs))
	nodeSet, edgeSet := map[int32]bool{}, map[int32]bool{}
	for pi, seq := range seqs {
		for i, u := range seq {
			nodeSet[u] = true
			if i+1 == len(seq) {
				break
			}
			v := seq[i+1]
			j := sort.Search(len(ix.adj[u]), func(j int) bool { return ix.adj[u][j].node >= v })
			n := &ix.adj[u][j]
			var st step
			for _, e := range n.real {
				if sr.passes(e) {
					st.edges = append(st.edges, e)
				}
			}
			if len(st.edges) == 0 {
				st.via = true
				for _, e := range n.via {
					if sr.passes(e) {
						st.edges = append(st.edges, e)
					}
				}
			}
			st.total = len(st.edges)
			keep := graph.StepKeeps(len(st.edges), stepEdges, func(i int) int { return ix.edges[st.edges[i]].e.Support })
			kept := make([]int32, len(keep))
			for j, k := range keep {
				kept[j] = st.edges[k]
			}
			st.edges = kept
			for _, e := range st.edges {
				edgeSet[e] = true
			}
			steps[pi] = append(steps[pi], st)
		}
	}
	// Entities from the name index (names.go), not the database.
	nodeIDs := make([]string, 0, len(nodeSet))
	for u := range nodeSet {
		nodeIDs = append(nodeIDs, ix.ids[u])
	}
	byID, err := s.Entities(ctx, nodeIDs)
	if err != nil {
		return nil, err
	}
	ents := make(map[int32]graph.Entity, len(nodeSet))
	for u := range nodeSet {
		e, ok := byID[ix.ids[u]]
		if !ok {
			return nil, graph.Errorf(graph.ENOTFOUND, "no entity %q", ix.ids[u])
		}
		ents[u] = e
	}
	edgeList := make([]int32, 0, len(edgeSet))
	for e := range edgeSet {
		edgeList = append(edgeList, e)
	}
	full := make([]graph.Edge, len(edgeList))
	for i, e := range edgeList {
		full[i] = ix.edges[e].e
		full[i].Evidence = []graph.Evidence{}
	}
	// One query at most, so no transaction.
	if err := s.fillEvidence(ctx, nil, full, evidence); err != nil {
		return nil, err
	}
	edges := make(map[int32]graph.Edge, len(edgeList))
	for i, e := range edgeList {
		edges[e] = full[i]
	}
	for pi, seq := range seqs {
		p := graph.Path{Nodes: make([]graph.Entity, len(seq)), Steps: make([]graph.Step, len(seq)-1)}
		for i, u := range seq {
			p.Nodes[i] = ents[u]
		}
		for i, st := range steps[pi] {
			gs := graph.Step{From: ix.ids[seq[i]], To: ix.ids[seq[i+1]], Via: st.via, Edges: make([]graph.Edge, len(st.edges))}
			if stepEdges > 0 {
				gs.EdgesTotal = st.total
			}
			for j, e := range st.edges {
				gs.Edges[j] = edges[e]
			}
			p.Steps[i] = gs
		}
		out = append(out, p)
	}
	return out, nil
}
