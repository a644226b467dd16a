package export

import (
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

const gexfNS = "http://gexf.net/1.3"

type gexfAttr struct {
	XMLName xml.Name `xml:"attribute"`
	ID      string   `xml:"id,attr"`
	Title   string   `xml:"title,attr"`
	Type    string   `xml:"type,attr"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfNode struct {
	XMLName xml.Name    `xml:"node"`
	ID      string      `xml:"id,attr"`
	Label   string      `xml:"label,attr"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	XMLName xml.Name    `xml:"edge"`
	ID      string      `xml:"id,attr"`
	Source  string      `xml:"source,attr"`
	Target  string      `xml:"target,attr"`
	Type    string      `xml:"type,attr"`
	Label   string      `xml:"label,attr"`
	Kind    string      `xml:"kind,attr"`
	Weight  string      `xml:"weight,attr"`
	Start   string      `xml:"start,attr,omitempty"`
	End     string      `xml:"end,attr,omitempty"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
}

// WriteGEXF writes GEXF 1.3 (gexf.net) for Gephi: a dynamic graph with
// timeformat "date" in which every dated edge lives from the first to the
// last day its date covers ("2025-03" is 2025-03-01 to 2025-03-31), so
// Gephi's timeline slider plays the relations out; undated edges and all
// nodes are always present. Attributes are declared per class with their
// types (lists as liststring); node label is the name, edge label and kind
// the relation type (kind keeps parallel edges of different types apart),
// weight the number of supporting articles. Edges of symmetric types are
// "mutual", the others "directed" from subject to object.
func WriteGEXF(ctx context.Context, w io.Writer, src GraphSource) error {
	x := newXMLWriter(w)
	x.header()
	x.start("gexf",
		"xmlns", gexfNS,
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", gexfNS+" http://gexf.net/1.3/gexf.xsd",
		"version", "1.3")
	x.start("meta")
	x.text("creator", "actorgraph")
	x.text("description", "Political actors and the relations news articles report between them")
	x.end("meta")
	x.start("graph", "mode", "dynamic", "defaultedgetype", "directed", "timeformat", "date")
	x.start("attributes", "class", "node")
	for _, a := range nodeAttrs {
		x.elem(gexfAttr{ID: a.name, Title: a.name, Type: a.kind.gexfType()})
	}
	x.end("attributes")
	x.start("attributes", "class", "edge")
	for _, a := range edgeAttrs {
		x.elem(gexfAttr{ID: a.name, Title: a.name, Type: a.kind.gexfType()})
	}
	x.end("attributes")
	x.start("nodes")
	err := walk(ctx, src,
		func(d NodeData) error {
			n := gexfNode{ID: d.ID, Label: d.Label}
			for i, v := range nodeValues(d) {
				if v.ok {
					n.Values = append(n.Values, gexfValue{For: nodeAttrs[i].name, Value: v.gexf()})
				}
			}
			x.elem(n)
			return x.err
		},
		func() error {
			x.end("nodes")
			x.start("edges")
			return x.err
		},
		func(d EdgeData) error {
			e := gexfEdge{ID: d.ID, Source: d.Source, Target: d.Target, Type: "directed",
				Label: d.Label, Kind: d.Type, Weight: strconv.Itoa(max(d.Support, 1))}
			if d.Symmetric {
				e.Type = "mutual"
			}
			e.Start, e.End = dateSpan(d.Date)
			for i, v := range edgeValues(d) {
				if v.ok {
					e.Values = append(e.Values, gexfValue{For: edgeAttrs[i].name, Value: v.gexf()})
				}
			}
			x.elem(e)
			return x.err
		})
	if err != nil {
		return err
	}
	x.end("edges")
	x.end("graph")
	x.end("gexf")
	return x.close()
}

// dateSpan turns YYYY[-MM[-DD]] into the first and last day it covers, as
// xsd:date values; an empty or malformed date gives none.
func dateSpan(date string) (start, end string) {
	if !graph.ValidDate(date) {
		return "", ""
	}
	const day = "2006-01-02"
	switch len(date) {
	case 4:
		return date + "-01-01", date + "-12-31"
	case 7:
		t, err := time.Parse("2006-01", date)
		if err != nil {
			return "", ""
		}
		return t.Format(day), t.AddDate(0, 1, -1).Format(day)
	}
	if _, err := time.Parse(day, date); err != nil {
		return "", "" // 2025-02-30 passes ValidDate but is no day
	}
	return date, date
}
