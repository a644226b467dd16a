package export

import (
	"context"
	"io"

	"github.com/actorgraph/actorgraph/graph"
)

// WriteGraph writes the graph src serves to w in format f.
func WriteGraph(ctx context.Context, w io.Writer, f GraphFormat, src GraphSource) error {
	switch f {
	case Cytoscape:
		return WriteCytoscape(ctx, w, src)
	case D3:
		return WriteD3(ctx, w, src)
	case GraphML:
		return WriteGraphML(ctx, w, src)
	case GEXF:
		return WriteGEXF(ctx, w, src)
	}
	_, err := ParseGraphFormat(string(f))
	return err
}

// NodeData is what every graph format says about an entity.
type NodeData struct {
	ID           string   `json:"id"`
	Label        string   `json:"label"`
	Type         string   `json:"type"`
	Aliases      []string `json:"aliases"`
	MentionCount int      `json:"mention_count"`
	ArticleCount int      `json:"article_count"`
}

// EdgeData is what every graph format says about an edge. Source and
// Target are its subject and object; Symmetric says the direction carries
// no meaning (MEET, NEGOTIATE, COOPERATE, AFFILIATED_WITH).
type EdgeData struct {
	ID           string   `json:"id"`
	Source       string   `json:"source"`
	Target       string   `json:"target"`
	Label        string   `json:"label"`
	Type         string   `json:"type"`
	Date         string   `json:"date"`
	Polarity     string   `json:"polarity"`
	Role         string   `json:"role"`
	Via          []string `json:"via"`
	AttributedTo []string `json:"attributed_to"`
	Confidence   float64  `json:"confidence"`
	Support      int      `json:"support"`
	Symmetric    bool     `json:"symmetric"`
}

func nodeData(e graph.Entity) NodeData {
	return NodeData{
		ID: e.ID, Label: e.Name, Type: string(e.Type), Aliases: list(e.Aliases),
		MentionCount: e.MentionCount, ArticleCount: e.ArticleCount,
	}
}

func edgeData(e graph.Edge) EdgeData {
	return EdgeData{
		ID: e.ID, Source: e.Subject, Target: e.Object, Label: string(e.Type), Type: string(e.Type),
		Date: e.Date, Polarity: string(polarity(e.Polarity)), Role: e.Role,
		Via: list(e.Via), AttributedTo: list(e.AttributedTo),
		Confidence: e.Confidence, Support: e.Support, Symmetric: e.Type.Symmetric(),
	}
}

// list turns nil into an empty list, so JSON shows [] rather than null.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// walk feeds a writer: every entity, then between(), then every edge whose
// two ends were written, so that no format ever refers to a missing node
// even if the store changed between reading entities and edges.
func walk(ctx context.Context, src GraphSource, node func(NodeData) error, between func() error, edge func(EdgeData) error) error {
	written := map[string]bool{}
	err := src.Entities(ctx, func(e graph.Entity) error {
		if written[e.ID] {
			return nil
		}
		written[e.ID] = true
		return node(nodeData(e))
	})
	if err != nil {
		return err
	}
	if err := between(); err != nil {
		return err
	}
	return src.Edges(ctx, func(e graph.Edge) error {
		if !written[e.Subject] || !written[e.Object] {
			return nil
		}
		return edge(edgeData(e))
	})
}
