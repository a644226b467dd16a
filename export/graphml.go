package export

import (
	"context"
	"encoding/xml"
	"io"
)

const graphmlNS = "http://graphml.graphdrawing.org/xmlns"

type gmlKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	XMLName xml.Name  `xml:"node"`
	ID      string    `xml:"id,attr"`
	Data    []gmlData `xml:"data"`
}

type gmlEdge struct {
	XMLName xml.Name  `xml:"edge"`
	ID      string    `xml:"id,attr"`
	Source  string    `xml:"source,attr"`
	Target  string    `xml:"target,attr"`
	Data    []gmlData `xml:"data"`
}

// WriteGraphML writes GraphML (graphml.graphdrawing.org) as yEd, Gephi,
// Cytoscape desktop and networkx read it: a <key> with attr.name and
// attr.type for every attribute (node keys prefixed "n_", edge keys
// "e_"), one directed graph whose edges run subject to object (the
// symmetric attribute says when direction means nothing, since readers
// such as networkx refuse mixed graphs). Node label is the entity's name,
// edge label its relation type; lists are joined by "; ".
func WriteGraphML(ctx context.Context, w io.Writer, src GraphSource) error {
	x := newXMLWriter(w)
	x.header()
	x.start("graphml",
		"xmlns", graphmlNS,
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", graphmlNS+" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	x.elem(gmlKey{ID: "n_label", For: "node", Name: "label", Type: "string"})
	for _, a := range nodeAttrs {
		x.elem(gmlKey{ID: "n_" + a.name, For: "node", Name: a.name, Type: a.kind.graphmlType()})
	}
	x.elem(gmlKey{ID: "e_label", For: "edge", Name: "label", Type: "string"})
	for _, a := range edgeAttrs {
		x.elem(gmlKey{ID: "e_" + a.name, For: "edge", Name: a.name, Type: a.kind.graphmlType()})
	}
	x.start("graph", "id", "actorgraph", "edgedefault", "directed")
	err := walk(ctx, src,
		func(d NodeData) error {
			n := gmlNode{ID: d.ID, Data: []gmlData{{Key: "n_label", Value: d.Label}}}
			for i, v := range nodeValues(d) {
				if v.ok {
					n.Data = append(n.Data, gmlData{Key: "n_" + nodeAttrs[i].name, Value: v.graphml()})
				}
			}
			x.elem(n)
			return x.err
		},
		func() error { return x.err },
		func(d EdgeData) error {
			e := gmlEdge{ID: d.ID, Source: d.Source, Target: d.Target, Data: []gmlData{{Key: "e_label", Value: d.Label}}}
			for i, v := range edgeValues(d) {
				if v.ok {
					e.Data = append(e.Data, gmlData{Key: "e_" + edgeAttrs[i].name, Value: v.graphml()})
				}
			}
			x.elem(e)
			return x.err
		})
	if err != nil {
		return err
	}
	x.end("graph")
	x.end("graphml")
	return x.close()
}
