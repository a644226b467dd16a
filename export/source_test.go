package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// pagingReader serves a subgraph as a store would, in pages of two edges
// whatever limit is asked, so that a source must follow the cursor.
type pagingReader struct {
	sg    graph.Subgraph
	calls int
}

func (r *pagingReader) Entity(_ context.Context, id string) (*graph.EntityDetail, error) {
	for _, e := range r.sg.Entities {
		if e.ID == id {
			return &graph.EntityDetail{Entity: e}, nil
		}
	}
	return nil, graph.Errorf(graph.ENOTFOUND, "no entity %s", id)
}

func (r *pagingReader) FindEntities(context.Context, graph.EntityFilter) ([]graph.Entity, error) {
	return nil, errors.New("not used")
}

func (r *pagingReader) Relation(context.Context, string) (*graph.Edge, error) {
	return nil, errors.New("not used")
}

func (r *pagingReader) Timeline(context.Context, graph.TimelineQuery) ([]graph.Edge, error) {
	return nil, errors.New("not used")
}

func (r *pagingReader) Relations(_ context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	r.calls++
	es := append([]graph.Edge(nil), r.sg.Edges...)
	sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
	var page graph.RelationPage
	for _, e := range es {
		if e.ID <= q.After || !q.Filter.Match(e) {
			continue
		}
		if len(page.Relations) == 2 {
			page.Next = page.Relations[1].ID
			break
		}
		page.Relations = append(page.Relations, e)
	}
	return page, nil
}

func TestStoreSourcePages(t *testing.T) {
	r := &pagingReader{sg: sampleSubgraph()}
	var b bytes.Buffer
	if err := export.WriteGraph(context.Background(), &b, export.D3, export.StoreSource(r, graph.RelationFilter{IncludeNegated: true})); err != nil {
		t.Fatal(err)
	}
	if r.calls < 6 {
		t.Errorf("%d Relations calls: the source did not page twice through 6 edges in pages of 2", r.calls)
	}
	var doc struct {
		Nodes []export.NodeData
		Links []export.EdgeData
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// Harbor Daily is no edge's end, so a store source does not find it;
	// the edge to the missing entity is left out as its end cannot be
	// loaded.
	ends := graph.Subgraph{Edges: sampleSubgraph().Edges}
	for _, e := range sampleEntities() {
		if e.ID != idDaily {
			ends.Entities = append(ends.Entities, e)
		}
	}
	if len(doc.Nodes) != len(ends.Entities) || len(doc.Links) != len(wantEdges()) {
		t.Fatalf("%d nodes, %d links; want %d, %d", len(doc.Nodes), len(doc.Links), len(ends.Entities), len(wantEdges()))
	}
	for i, l := range doc.Links {
		if l.ID != wantEdges()[i].ID {
			t.Errorf("link %d is %s, want %s (id order)", i, l.ID, wantEdges()[i].ID)
		}
	}
	// The store source and the subgraph source give the same document.
	var sub bytes.Buffer
	if err := export.WriteGraph(context.Background(), &sub, export.D3, export.SubgraphSource(ends)); err != nil {
		t.Fatal(err)
	}
	if b.String() != sub.String() {
		t.Errorf("store source and subgraph source differ:\n%s\n---\n%s", b.String(), sub.String())
	}
}

func TestStoreSourceFilter(t *testing.T) {
	r := &pagingReader{sg: sampleSubgraph()}
	src := export.StoreSource(r, graph.RelationFilter{Types: []graph.RelationType{graph.Meet}})
	var ids []string
	if err := src.Entities(context.Background(), func(e graph.Entity) error { ids = append(ids, e.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, ",") != idQuist+","+idMartin {
		t.Errorf("entities %v, want the two ends of the one MEET", ids)
	}
	bad := export.StoreSource(r, graph.RelationFilter{FromDate: "2025-05", ToDate: "2025-01"})
	err := bad.Entities(context.Background(), func(graph.Entity) error { return nil })
	if graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("inverted window: %v, want EINVALID", err)
	}
}

// TestStoreSourceSQLite exports a real store: the path fixture ingested
// into sqlitestore, whole and filtered, and checks that evidence stays out.
func TestStoreSourceSQLite(t *testing.T) {
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Ingest(ctx, graphtest.PathFixture()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name         string
		f            graph.RelationFilter
		nodes, edges int
	}{
		// Golf is only a via entity, so it is no node.
		{"asserted", graph.RelationFilter{}, 7, 10},
		{"with negated", graph.RelationFilter{IncludeNegated: true}, 7, 11},
		{"2025-03 only", graph.RelationFilter{FromDate: "2025-03", ToDate: "2025-03"}, 3, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var seen []graph.Edge
			src := export.StoreSource(st, tc.f)
			n := 0
			if err := src.Entities(ctx, func(graph.Entity) error { n++; return nil }); err != nil {
				t.Fatal(err)
			}
			if err := src.Edges(ctx, func(e graph.Edge) error { seen = append(seen, e); return nil }); err != nil {
				t.Fatal(err)
			}
			if n != tc.nodes || len(seen) != tc.edges {
				t.Errorf("%d entities, %d edges; want %d, %d", n, len(seen), tc.nodes, tc.edges)
			}
			for _, e := range seen {
				if e.Evidence != nil {
					t.Errorf("edge %s keeps its evidence", e.ID)
				}
			}
			var b bytes.Buffer
			if err := export.WriteGEXF(ctx, &b, src); err != nil {
				t.Fatal(err)
			}
			if c := strings.Count(b.String(), "<edge "); c != tc.edges {
				t.Errorf("GEXF has %d edges, want %d", c, tc.edges)
			}
		})
	}
}
