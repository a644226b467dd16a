package sqlitestore

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/actorgraph/actorgraph/graph"
)

// index is the whole graph's adjacency in memory, for path queries. Nodes
// are numbered in id order and edges are kept in id order, so comparing
// numbers compares ids: lexicographic path order and sorted step edges
// come for free. An index is not changed once built (but for sources,
// read on first use); an ingest drops it.
type index struct {
	ids   []string // node number → entity id
	pos   map[string]int32
	edges []iedge      // in id order
	adj   [][]neighbor // per node, by neighbour number

	// sources maps an edge number to the normalised sources of its
	// evidence articles, for Filter.Source; read on first use, since most
	// queries do not filter by source.
	sourcesMu sync.Mutex
	sources   map[int32][]string
}

// edgeSources returns the sources of every edge of ix, reading them on
// first use (and again after a failed read).
func (s *Store) edgeSources(ctx context.Context, ix *index) (map[int32][]string, error) {
	ix.sourcesMu.Lock()
	defer ix.sourcesMu.Unlock()
	if ix.sources != nil {
		return ix.sources, nil
	}
	pos := make(map[string]int32, len(ix.edges))
	for i, ie := range ix.edges {
		pos[ie.e.ID] = int32(i)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT ev.edge_id, a.source_norm FROM evidence ev JOIN articles a ON a.key = ev.article_key`)
	if err != nil {
		return nil, dbError(err, "cannot read sources")
	}
	defer rows.Close()
	m := map[int32][]string{}
	for rows.Next() {
		var id, src string
		if err := rows.Scan(&id, &src); err != nil {
			return nil, dbError(err, "cannot read sources")
		}
		if i, ok := pos[id]; ok {
			m[i] = append(m[i], src)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read sources")
	}
	ix.sources = m
	return m, nil
}

// iedge is an edge without its evidence.
type iedge struct {
	e graph.Edge
}

// neighbor is one adjacent node with the edges that join the two: real
// ones between them, and (for via hops) those with one as an end and the
// other as a via entity. Both lists are in edge order.
type neighbor struct {
	node int32
	real []int32
	via  []int32
}

// index returns the current index, building it when there is none.
func (s *Store) index(ctx context.Context) (*index, error) {
	s.mu.Lock()
	ix, gen := s.idx, s.gen
	s.mu.Unlock()
	if ix != nil {
		return ix, nil
	}
	s.building.Lock()
	defer s.building.Unlock()
	s.mu.Lock()
	ix, gen = s.idx, s.gen
	s.mu.Unlock()
	if ix != nil {
		return ix, nil // built while this caller waited
	}
	ix, err := s.buildIndex(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.gen == gen {
		s.idx = ix
	}
	s.mu.Unlock()
	return ix, nil
}

// buildIndex reads the whole graph into an index. At a million edges the
// index is most of a server's memory, so the strings edges repeat (ends,
// types, dates, polarity, role) are shared rather than held per edge, and
// the adjacency is built by sorting one flat list of links rather than
// with a map per node.
func (s *Store) buildIndex(ctx context.Context) (*index, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	ix := &index{pos: map[string]int32{}}

	rows, err := tx.QueryContext(ctx, `SELECT id FROM entities ORDER BY id`)
	if err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, dbError(err, "cannot read the graph")
		}
		ix.pos[id] = int32(len(ix.ids))
		ix.ids = append(ix.ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read the graph")
	}

	// Table order, sorted here: walking the id index would cost a table
	// lookup per edge.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM edges`).Scan(&n); err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	ix.edges = make([]iedge, 0, n)
	shared := map[string]string{}
	intern := func(v string) string {
		if p, ok := ix.pos[v]; ok {
			return ix.ids[p]
		}
		if w, ok := shared[v]; ok {
			return w
		}
		shared[v] = v
		return v
	}
	internAll := func(vs []string) []string {
		for i, v := range vs {
			vs[i] = intern(v)
		}
		return vs
	}
	rows, err = tx.QueryContext(ctx, `SELECT `+edgeColumns+` FROM edges ed`)
	if err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	for rows.Next() {
		e, err := scanEdge(rows)
		if err != nil {
			rows.Close()
			return nil, dbError(err, "cannot read the graph")
		}
		e.Evidence = nil
		e.Type = graph.RelationType(intern(string(e.Type)))
		e.Polarity = graph.Polarity(intern(string(e.Polarity)))
		e.Subject, e.Object, e.Date, e.Role = intern(e.Subject), intern(e.Object), intern(e.Date), intern(e.Role)
		e.Via, e.AttributedTo = internAll(e.Via), internAll(e.AttributedTo)
		ix.edges = append(ix.edges, iedge{e: e})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	slices.SortFunc(ix.edges, func(a, b iedge) int { return strings.Compare(a.e.ID, b.e.ID) })

	// Adjacency: every link in both directions, sorted by node, neighbour,
	// kind and edge, then cut into per-node lists.
	type link struct {
		from, to, edge int32
		via            bool
	}
	links := make([]link, 0, 2*len(ix.edges)+len(ix.edges)/2)
	add := func(a, b, edge int32, via bool) {
		links = append(links, link{a, b, edge, via}, link{b, a, edge, via})
	}
	for i, ie := range ix.edges {
		a, aok := ix.pos[ie.e.Subject]
		b, bok := ix.pos[ie.e.Object]
		if !aok || !bok {
			continue
		}
		if a != b {
			add(a, b, int32(i), false)
		}
		for _, v := range ie.e.Via {
			c, ok := ix.pos[v]
			if !ok || c == a || c == b {
				continue
			}
			add(a, c, int32(i), true)
			if b != a {
				add(c, b, int32(i), true)
			}
		}
	}
	slices.SortFunc(links, func(x, y link) int {
		switch {
		case x.from != y.from:
			return cmp.Compare(x.from, y.from)
		case x.to != y.to:
			return cmp.Compare(x.to, y.to)
		case x.via != y.via:
			if !x.via {
				return -1
			}
			return 1
		}
		return cmp.Compare(x.edge, y.edge)
	})
	// One backing array for all edge lists, one for all neighbours.
	edgeNums := make([]int32, 0, len(links))
	nbrs := make([]neighbor, 0, len(links))
	ix.adj = make([][]neighbor, len(ix.ids))
	for i := 0; i < len(links); {
		from := links[i].from
		start := len(nbrs)
		for i < len(links) && links[i].from == from {
			to := links[i].to
			nb := neighbor{node: to}
			for _, via := range [2]bool{false, true} {
				first := len(edgeNums)
				for i < len(links) && links[i].from == from && links[i].to == to && links[i].via == via {
					// An edge joins a pair once, whatever its via list says.
					if k := len(edgeNums); k == first || edgeNums[k-1] != links[i].edge {
						edgeNums = append(edgeNums, links[i].edge)
					}
					i++
				}
				if len(edgeNums) > first {
					list := edgeNums[first:len(edgeNums):len(edgeNums)]
					if via {
						nb.via = list
					} else {
						nb.real = list
					}
				}
			}
			nbrs = append(nbrs, nb)
		}
		ix.adj[from] = nbrs[start:len(nbrs):len(nbrs)]
	}
	for i := range ix.adj {
		if ix.adj[i] == nil {
			ix.adj[i] = []neighbor{}
		}
	}
	return ix, nil
}
