package export

import (
	"context"
	"io"
)

// CytoscapeNode and CytoscapeEdge are Cytoscape.js element definitions
// (js.cytoscape.org, "Element JSON"): everything sits under data.
type CytoscapeNode struct {
	Data NodeData `json:"data"`
}

// CytoscapeEdge is an edge element; see CytoscapeNode.
type CytoscapeEdge struct {
	Data EdgeData `json:"data"`
}

// WriteCytoscape writes {"elements":{"nodes":[...],"edges":[...]}}, ready
// for cytoscape({elements: ...}) or cy.json(). Edge data carries source
// and target, and label (the relation type) for a style to show.
func WriteCytoscape(ctx context.Context, w io.Writer, src GraphSource) error {
	ew := newErrWriter(w)
	ew.str("{\"elements\":{\"nodes\":[")
	n := 0
	err := walk(ctx, src,
		func(d NodeData) error {
			ew.sep(&n)
			ew.json(CytoscapeNode{Data: d})
			return ew.err
		},
		func() error {
			ew.str("\n],\"edges\":[")
			n = 0
			return ew.err
		},
		func(d EdgeData) error {
			ew.sep(&n)
			ew.json(CytoscapeEdge{Data: d})
			return ew.err
		})
	if err != nil {
		return err
	}
	ew.str("\n]}}\n")
	return ew.flush()
}

// WriteD3 writes node-link JSON as D3's force layout takes it
// ({"nodes":[{"id",...}],"links":[{"source","target",...}]}), with the
// "directed", "multigraph" and "graph" members networkx's
// node_link_graph also reads.
func WriteD3(ctx context.Context, w io.Writer, src GraphSource) error {
	ew := newErrWriter(w)
	ew.str("{\"directed\":true,\"multigraph\":true,\"graph\":{},\"nodes\":[")
	n := 0
	err := walk(ctx, src,
		func(d NodeData) error {
			ew.sep(&n)
			ew.json(d)
			return ew.err
		},
		func() error {
			ew.str("\n],\"links\":[")
			n = 0
			return ew.err
		},
		func(d EdgeData) error {
			ew.sep(&n)
			ew.json(d)
			return ew.err
		})
	if err != nil {
		return err
	}
	ew.str("\n]}\n")
	return ew.flush()
}

// sep starts the next element of a JSON array on its own line.
func (ew *errWriter) sep(n *int) {
	if *n > 0 {
		ew.str(",")
	}
	*n++
	ew.str("\n")
}
