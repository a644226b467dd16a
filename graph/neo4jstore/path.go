package neo4jstore

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// Paths finds how two entities are connected by a bidirectional search done
// as repeated bounded expansions: each round asks the server for the edges,
// passing the filter, that touch one side's frontier (path_expand, and
// path_expand_via for via hops), so the filter applies during the search
// and only ontology relationship types are walked — never MENTIONS, which
// would join everything through articles.
//
// After the two sides have reached radii rA and rB, every path of at most
// rA+rB hops lies wholly in the edges read so far (each of its hops touches
// a node one side has expanded), and every path among them is a real one.
// So the search stops as soon as the loaded edges hold an answer of at most
// rA+rB hops, and otherwise when rA+rB reaches MaxHops or a side runs out.
// The round that brings rA+rB to MaxHops is the last, so (without via
// hops) it reads only the frontier's edges that reach the other side
// (path_expand_to): a path of at most MaxHops hops crosses through one.
// At MaxHops 4, after the ends' own edges, one statement reads the middle
// edges of every path of three or four hops (path_meet).
// The server checks the whole filter and returns ids, ends and via; only
// the edges on answers are then read in full.
// Shortest paths and the K shortest simple paths are then enumerated in
// node-id order, as the conformance suite defines them.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	hops, need, err := q.Bounds()
	if err != nil {
		return nil, err
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := mustExist(ctx, tx, q.From, q.To); err != nil {
			return nil, err
		}
		g := &pathGraph{filter: q.Filter, params: filterParams(q.Filter), viaHops: q.ViaHops,
			edges: map[string]lightEdge{}, direct: map[string]map[string][]string{},
			via: map[string]map[string][]string{}, expanded: map[string]bool{}, near: map[string][]string{}}
		seqs, err := g.search(ctx, tx, q.From, q.To, hops, q.K, need)
		if err != nil {
			return nil, err
		}
		return g.paths(ctx, tx, seqs, q.Evidence, q.StepEdges)
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot search paths")
	}
	return v.([]graph.Path), nil
}

// lightEdge is an edge as the search needs it: ends and via, no evidence.
type lightEdge struct {
	id, subject, object string
	via                 []string
}

// pathGraph is the part of the stored graph a search has read, undirected.
type pathGraph struct {
	filter   graph.RelationFilter
	params   map[string]any
	viaHops  bool
	edges    map[string]lightEdge
	direct   map[string]map[string][]string // node → neighbour → edge ids
	via      map[string]map[string][]string // the same, for hops through via entities
	expanded map[string]bool
	near     map[string][]string // neighbours computed since the node's edges last changed
}

func link(m map[string]map[string][]string, a, b, id string) {
	if m[a] == nil {
		m[a] = map[string][]string{}
	}
	m[a][b] = append(m[a][b], id)
}

func (g *pathGraph) add(e lightEdge) {
	if _, ok := g.edges[e.id]; ok {
		return
	}
	g.edges[e.id] = e
	delete(g.near, e.subject)
	delete(g.near, e.object)
	if e.subject != e.object {
		link(g.direct, e.subject, e.object, e.id)
		link(g.direct, e.object, e.subject, e.id)
	}
	if !g.viaHops {
		return
	}
	for _, c := range e.via {
		if c == e.subject || c == e.object {
			continue
		}
		delete(g.near, c)
		for _, end := range []string{e.subject, e.object} {
			link(g.via, end, c, e.id)
			link(g.via, c, end, e.id)
		}
	}
}

// neighbours are the nodes adjacent to n, sorted by id; kept until an edge
// touching n is added, since the searches ask for them again and again.
func (g *pathGraph) neighbours(n string) []string {
	if ns, ok := g.near[n]; ok {
		return ns
	}
	set := make(map[string]bool, len(g.direct[n])+len(g.via[n]))
	for m := range g.direct[n] {
		set[m] = true
	}
	for m := range g.via[n] {
		set[m] = true
	}
	ns := sortedKeys(set)
	g.near[n] = ns
	return ns
}

// expand reads the edges touching the given nodes that were not read yet;
// with targets (a last round, no via hops) only those whose other end is
// one of them.
func (g *pathGraph) expand(ctx context.Context, tx neo4j.ManagedTransaction, nodes, targets []string) error {
	var ids []string
	for _, n := range nodes {
		if !g.expanded[n] {
			g.expanded[n] = true
			ids = append(ids, n)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	params := map[string]any{"ids": ids}
	names := []string{"path_expand"}
	if targets != nil {
		names[0] = "path_expand_to"
		params["targets"] = targets
	} else if g.viaHops {
		names = append(names, "path_expand_via")
	}
	for _, name := range names {
		recs, err := collect(ctx, tx, name, merge(params, g.params))
		if err != nil {
			return err
		}
		for _, r := range recs {
			v := r.Values // id, subject, object, via, as the statements return them
			g.add(lightEdge{id: str(v[0]), subject: str(v[1]), object: str(v[2]), via: strs(v[3])})
		}
	}
	return nil
}

// meet reads the edges passing the filter on walks of one or two hops
// between the two frontiers (path_meet).
func (g *pathGraph) meet(ctx context.Context, tx neo4j.ManagedTransaction, a, b []string) error {
	recs, err := collect(ctx, tx, "path_meet", merge(map[string]any{"afront": a, "bfront": b}, g.params))
	if err != nil {
		return err
	}
	for _, r := range recs {
		v := r.Values // id, subject, object, via
		g.add(lightEdge{id: str(v[0]), subject: str(v[1]), object: str(v[2]), via: strs(v[3])})
	}
	return nil
}

// bfs returns the hop distance of every node reachable from start in what
// has been read.
func (g *pathGraph) bfs(start string) map[string]int {
	d := map[string]int{start: 0}
	front := []string{start}
	for len(front) > 0 {
		var next []string
		for _, n := range front {
			for _, m := range g.neighbours(n) {
				if _, ok := d[m]; !ok {
					d[m] = d[n] + 1
					next = append(next, m)
				}
			}
		}
		front = next
	}
	return d
}

// search expands both sides until the answer is known and returns the
// node sequences of the paths, in order.
func (g *pathGraph) search(ctx context.Context, tx neo4j.ManagedTransaction, from, to string, hops, k, need int) ([][]string, error) {
	side := [2]struct {
		dist  map[string]int
		front []string
		r     int
	}{{dist: map[string]int{from: 0}, front: []string{from}}, {dist: map[string]int{to: 0}, front: []string{to}}}
	for {
		reach := side[0].r + side[1].r
		done := reach >= hops || len(side[0].front) == 0 || len(side[1].front) == 0
		if done {
			reach = hops
		}
		if reach > 0 {
			var seqs [][]string
			if k == 0 {
				seqs = g.shortest(from, to, reach, need)
			} else {
				seqs = g.kShortest(from, to, reach, need)
			}
			if done || (k == 0 && len(seqs) > 0) || (k > 0 && len(seqs) >= need) {
				return seqs, nil
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if hops == 4 && side[0].r == 1 && side[1].r == 1 && !g.viaHops {
			// Both ends expanded, two hops to go: the paths of three and
			// four hops run end, a, [m,] b, end with a and b on the
			// frontiers, and path_meet reads just their middle edges.
			if err := g.meet(ctx, tx, side[0].front, side[1].front); err != nil {
				return nil, err
			}
			side[0].r, side[1].r = 2, 2
			continue
		}
		// The first round expands both ends with one statement (two
		// nodes cost what one does); later rounds the smaller frontier.
		grow := []int{0, 1}
		if side[0].r+side[1].r > 0 {
			grow = grow[:1]
			if len(side[1].front) < len(side[0].front) {
				grow[0] = 1
			}
		}
		var nodes, targets []string
		for _, i := range grow {
			nodes = append(nodes, side[i].front...)
		}
		if len(grow) == 1 && side[0].r+side[1].r+1 >= hops && !g.viaHops {
			// The last round: only edges reaching what the other side
			// has reached can lie on a path of at most hops hops.
			targets = sortedKeys(known(side[1-grow[0]].dist))
		}
		if err := g.expand(ctx, tx, nodes, targets); err != nil {
			return nil, err
		}
		for _, i := range grow {
			sd := &side[i]
			var next []string
			for _, n := range sd.front {
				for _, m := range g.neighbours(n) {
					if _, ok := sd.dist[m]; !ok {
						sd.dist[m] = sd.r + 1
						next = append(next, m)
					}
				}
			}
			sort.Strings(next)
			sd.front = next
			sd.r++
		}
	}
}

func known(dist map[string]int) map[string]bool {
	m := make(map[string]bool, len(dist))
	for n := range dist {
		m[n] = true
	}
	return m
}

// shortest lists all shortest paths of at most maxLen hops in what has been
// read, in node-id order, at most need of them.
func (g *pathGraph) shortest(from, to string, maxLen, need int) [][]string {
	df := g.bfs(from)
	d, ok := df[to]
	if !ok || d > maxLen {
		return nil
	}
	dt := g.bfs(to)
	var out [][]string
	seq := []string{from}
	var walk func(n string)
	walk = func(n string) {
		if len(out) >= need {
			return
		}
		if n == to {
			out = append(out, append([]string(nil), seq...))
			return
		}
		depth := len(seq) - 1
		for _, m := range g.neighbours(n) {
			if dm, ok := df[m]; !ok || dm != depth+1 {
				continue
			}
			if dm, ok := dt[m]; !ok || dm != d-depth-1 {
				continue
			}
			seq = append(seq, m)
			walk(m)
			seq = seq[:len(seq)-1]
		}
	}
	walk(from)
	return out
}

// kShortest lists simple paths of at most maxLen hops in what has been
// read, by hop count then node-id order, at most need of them: the first K
// that Yen's algorithm with that order as the cost would give.
func (g *pathGraph) kShortest(from, to string, maxLen, need int) [][]string {
	dt := g.bfs(to)
	d, ok := dt[from]
	if !ok || d > maxLen {
		return nil
	}
	var out [][]string
	on := map[string]bool{from: true}
	seq := []string{from}
	var walk func(n string, h int)
	walk = func(n string, h int) {
		if len(out) >= need {
			return
		}
		depth := len(seq) - 1
		for _, m := range g.neighbours(n) {
			if on[m] {
				continue
			}
			if m == to {
				if depth+1 == h {
					out = append(out, append(append([]string(nil), seq...), m))
					if len(out) >= need {
						return
					}
				}
				continue
			}
			if dm, ok := dt[m]; !ok || depth+1+dm > h {
				continue
			}
			on[m] = true
			seq = append(seq, m)
			walk(m, h)
			seq = seq[:len(seq)-1]
			delete(on, m)
		}
	}
	for h := d; h <= maxLen && len(out) < need; h++ {
		walk(from, h)
	}
	return out
}

// paths turns node sequences into graph.Paths: nodes with their counts and
// every step's edges, bounded by stepEdges and their evidence by evidence
// (see graph.PathQuery).
func (g *pathGraph) paths(ctx context.Context, tx neo4j.ManagedTransaction, seqs [][]string, evidence, stepEdges int) ([]graph.Path, error) {
	out := make([]graph.Path, 0, len(seqs))
	if len(seqs) == 0 {
		return out, nil
	}
	nodeSet, edgeSet := map[string]bool{}, map[string]bool{}
	type step struct {
		ids []string
		via bool
	}
	steps := make([][]step, len(seqs))
	for i, seq := range seqs {
		for _, n := range seq {
			nodeSet[n] = true
		}
		for j := 0; j+1 < len(seq); j++ {
			a, b := seq[j], seq[j+1]
			st := step{ids: g.direct[a][b]}
			if len(st.ids) == 0 {
				st = step{ids: g.via[a][b], via: true}
			}
			st.ids = sortedKeys(setOf(st.ids))
			for _, id := range st.ids {
				edgeSet[id] = true
			}
			steps[i] = append(steps[i], st)
		}
	}
	rows := make([]map[string]any, 0, len(edgeSet))
	for _, id := range sortedKeys(edgeSet) {
		e := g.edges[id]
		rows = append(rows, map[string]any{"id": id, "subject": e.subject, "object": e.object})
	}
	recs, err := collect(ctx, tx, "path_details", map[string]any{"ids": sortedKeys(nodeSet), "rows": rows})
	if err != nil {
		return nil, err
	}
	nodes := make(map[string]graph.Entity, len(nodeSet))
	full := make(map[string]graph.Edge, len(recs))
	for _, r := range recs {
		if v, _ := r.Get("entity"); v != nil {
			n := entityOf(v)
			nodes[n.ID] = n
			continue
		}
		v, _ := r.Get("edge")
		e, err := edgeOf(v)
		if err != nil {
			return nil, err
		}
		if !g.filter.Match(e) {
			// The server checked the filter while searching; an answer
			// edge it let through that Match refuses is a bug, not a path.
			return nil, fmt.Errorf("path edge %s passed the search's filter but not Match", e.ID)
		}
		full[e.ID] = e
	}
	for i, seq := range seqs {
		p := graph.Path{Nodes: make([]graph.Entity, len(seq)), Steps: make([]graph.Step, 0, len(seq)-1)}
		for j, n := range seq {
			p.Nodes[j] = nodes[n]
		}
		for j, st := range steps[i] {
			keep := graph.StepKeeps(len(st.ids), stepEdges, func(k int) int { return full[st.ids[k]].Support })
			es := make([]graph.Edge, 0, len(keep))
			for _, k := range keep {
				e := full[st.ids[k]]
				graph.EvidenceCap(&e, evidence)
				es = append(es, e)
			}
			gs := graph.Step{From: seq[j], To: seq[j+1], Edges: es, Via: st.via}
			if stepEdges > 0 {
				gs.EdgesTotal = len(st.ids)
			}
			p.Steps = append(p.Steps, gs)
		}
		out = append(out, p)
	}
	return out, nil
}

func setOf(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
