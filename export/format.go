package export

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// TimelineFormat names a timeline format.
type TimelineFormat string

// The timeline formats.
const (
	TimelineJSON TimelineFormat = "json"       // {"events":[...]}, every field and all evidence
	TimelineCSV  TimelineFormat = "csv"        // one row per relation, first evidence only
	TimelineJS   TimelineFormat = "timelinejs" // Knight Lab TimelineJS3 JSON
	TimelineVis  TimelineFormat = "vis"        // vis-timeline items
)

// TimelineFormats lists the timeline formats, in the order help shows them.
func TimelineFormats() []TimelineFormat {
	return []TimelineFormat{TimelineJSON, TimelineCSV, TimelineJS, TimelineVis}
}

// ParseTimelineFormat accepts a timeline format name in any letter case.
func ParseTimelineFormat(s string) (TimelineFormat, error) {
	f := TimelineFormat(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range TimelineFormats() {
		if f == v {
			return f, nil
		}
	}
	return "", graph.Errorf(graph.EINVALID, "unknown timeline format %q (want one of %s)", s, joinFormats(TimelineFormats()))
}

// ContentType is the media type of f, for an HTTP answer.
func (f TimelineFormat) ContentType() string {
	if f == TimelineCSV {
		return "text/csv; charset=utf-8"
	}
	return "application/json; charset=utf-8"
}

// Ext is the usual file name extension of f, with its dot.
func (f TimelineFormat) Ext() string {
	if f == TimelineCSV {
		return ".csv"
	}
	return ".json"
}

// GraphFormat names a graph format.
type GraphFormat string

// The graph formats.
const (
	Cytoscape GraphFormat = "cytoscape" // Cytoscape.js elements JSON
	D3        GraphFormat = "d3"        // D3 (and networkx) node-link JSON
	GraphML   GraphFormat = "graphml"   // GraphML with typed keys (yEd, Gephi, networkx)
	GEXF      GraphFormat = "gexf"      // GEXF 1.3, dynamic, dated edges (Gephi)
)

// GraphFormats lists the graph formats, in the order help shows them.
func GraphFormats() []GraphFormat { return []GraphFormat{Cytoscape, D3, GraphML, GEXF} }

// ParseGraphFormat accepts a graph format name in any letter case.
func ParseGraphFormat(s string) (GraphFormat, error) {
	f := GraphFormat(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range GraphFormats() {
		if f == v {
			return f, nil
		}
	}
	return "", graph.Errorf(graph.EINVALID, "unknown graph format %q (want one of %s)", s, joinFormats(GraphFormats()))
}

// ContentType is the media type of f, for an HTTP answer.
func (f GraphFormat) ContentType() string {
	switch f {
	case GraphML:
		return "application/graphml+xml; charset=utf-8"
	case GEXF:
		return "application/gexf+xml; charset=utf-8"
	}
	return "application/json; charset=utf-8"
}

// Ext is the usual file name extension of f, with its dot.
func (f GraphFormat) Ext() string {
	switch f {
	case GraphML:
		return ".graphml"
	case GEXF:
		return ".gexf"
	}
	return ".json"
}

func joinFormats[F ~string](fs []F) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, ", ")
}
