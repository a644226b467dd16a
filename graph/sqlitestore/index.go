package sqlitestore

import (
	"context"
	"sort"
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
		ix.edges = append(ix.edges, iedge{e: e})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	sort.Slice(ix.edges, func(i, j int) bool { return ix.edges[i].e.ID < ix.edges[j].e.ID })

	// Adjacency: collect per node, then sort by neighbour.
	adj := make([]map[int32]*neighbor, len(ix.ids))
	link := func(a, b, edge int32, via bool) {
		for _, p := range [2][2]int32{{a, b}, {b, a}} {
			m := adj[p[0]]
			if m == nil {
				m = map[int32]*neighbor{}
				adj[p[0]] = m
			}
			n := m[p[1]]
			if n == nil {
				n = &neighbor{node: p[1]}
				m[p[1]] = n
			}
			list := &n.real
			if via {
				list = &n.via
			}
			if k := len(*list); k == 0 || (*list)[k-1] != edge {
				*list = append(*list, edge)
			}
		}
	}
	for i, ie := range ix.edges {
		a, aok := ix.pos[ie.e.Subject]
		b, bok := ix.pos[ie.e.Object]
		if !aok || !bok {
			continue
		}
		if a != b {
			link(a, b, int32(i), false)
		}
		for _, v := range ie.e.Via {
			c, ok := ix.pos[v]
			if !ok || c == a || c == b {
				continue
			}
			link(a, c, int32(i), true)
			if b != a {
				link(c, b, int32(i), true)
			}
		}
	}
	ix.adj = make([][]neighbor, len(ix.ids))
	for i, m := range adj {
		list := make([]neighbor, 0, len(m))
		for _, n := range m {
			list = append(list, *n)
		}
		sort.Slice(list, func(x, y int) bool { return list[x].node < list[y].node })
		ix.adj[i] = list
	}
	return ix, nil
}
