package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
)

func writeGraph(t *testing.T, f export.GraphFormat, src export.GraphSource) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteGraph(context.Background(), &b, f, src); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return b.Bytes()
}

func TestGraphGolden(t *testing.T) {
	for _, f := range export.GraphFormats() {
		t.Run(string(f), func(t *testing.T) {
			golden(t, "graph_"+string(f)+f.Ext(), writeGraph(t, f, export.SubgraphSource(sampleSubgraph())))
		})
	}
}

// wantNodes and wantEdges are the sample subgraph as every format must
// show it: all entities, and every edge but the one whose end is missing,
// both in id order.
func wantNodes() []graph.Entity {
	es := sampleEntities()
	sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
	return es
}

func wantEdges() []graph.Edge {
	es := sampleEdges()
	sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
	return es
}

func TestCytoscapeShape(t *testing.T) {
	out := writeGraph(t, export.Cytoscape, export.SubgraphSource(sampleSubgraph()))
	var doc struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not Cytoscape.js elements JSON: %v\n%s", err, out)
	}
	nodes, edges := wantNodes(), wantEdges()
	if len(doc.Elements.Nodes) != len(nodes) || len(doc.Elements.Edges) != len(edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d (the dangling edge left out)",
			len(doc.Elements.Nodes), len(doc.Elements.Edges), len(nodes), len(edges))
	}
	for i, n := range doc.Elements.Nodes {
		e := nodes[i]
		d := n.Data
		if d["id"] != e.ID || d["label"] != e.Name || d["type"] != string(e.Type) ||
			d["mention_count"] != float64(e.MentionCount) || d["article_count"] != float64(e.ArticleCount) {
			t.Errorf("node %d data %v, want %+v", i, d, e)
		}
		if got := strs(d["aliases"]); strings.Join(got, "|") != strings.Join(e.Aliases, "|") || got == nil {
			t.Errorf("node %s aliases %v, want %v (and [] for none)", e.ID, d["aliases"], e.Aliases)
		}
	}
	for i, x := range doc.Elements.Edges {
		e := edges[i]
		d := x.Data
		if d["id"] != e.ID || d["source"] != e.Subject || d["target"] != e.Object || d["type"] != string(e.Type) ||
			d["date"] != e.Date || d["polarity"] != string(e.Polarity) || d["role"] != e.Role ||
			d["confidence"] != e.Confidence || d["support"] != float64(e.Support) || d["symmetric"] != e.Type.Symmetric() {
			t.Errorf("edge %d data %v, want %+v", i, d, e)
		}
		if strings.Join(strs(d["via"]), "|") != strings.Join(e.Via, "|") || strings.Join(strs(d["attributed_to"]), "|") != strings.Join(e.AttributedTo, "|") {
			t.Errorf("edge %s via/attributed_to %v/%v", e.ID, d["via"], d["attributed_to"])
		}
		if _, ok := d["evidence"]; ok {
			t.Errorf("edge %s carries evidence into a graph export", e.ID)
		}
	}
}

func strs(v any) []string {
	l, ok := v.([]any)
	if !ok {
		return nil
	}
	out := []string{}
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func TestD3Shape(t *testing.T) {
	out := writeGraph(t, export.D3, export.SubgraphSource(sampleSubgraph()))
	var doc struct {
		Directed, Multigraph bool
		Graph                map[string]any
		Nodes                []export.NodeData
		Links                []export.EdgeData
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not node-link JSON: %v", err)
	}
	if !doc.Directed || !doc.Multigraph || len(doc.Nodes) != len(wantNodes()) || len(doc.Links) != len(wantEdges()) {
		t.Fatalf("directed %v multigraph %v, %d nodes, %d links", doc.Directed, doc.Multigraph, len(doc.Nodes), len(doc.Links))
	}
	for i, l := range doc.Links {
		e := wantEdges()[i]
		if l.Source != e.Subject || l.Target != e.Object || l.ID != e.ID || l.Confidence != e.Confidence {
			t.Errorf("link %d = %+v, want %s", i, l, e.ID)
		}
	}
}

// GraphML read back with encoding/xml, into structs written from the
// GraphML primer rather than the writer's own.
type graphmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string     `xml:"id,attr"`
			Data []dataElem `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string     `xml:"id,attr"`
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Data   []dataElem `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type dataElem struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func TestGraphMLParsesBack(t *testing.T) {
	out := writeGraph(t, export.GraphML, export.SubgraphSource(sampleSubgraph()))
	var doc graphmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("encoding/xml cannot read it: %v", err)
	}
	keys := map[string]string{} // id → for/name/type
	for _, k := range doc.Keys {
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key %s declared twice", k.ID)
		}
		keys[k.ID] = k.For + "/" + k.Name + "/" + k.Type
	}
	for _, want := range []string{"node/label/string", "node/type/string", "node/aliases/string", "node/mention_count/int",
		"edge/confidence/double", "edge/support/int", "edge/symmetric/boolean", "edge/date/string", "edge/role/string"} {
		if !containsValue(keys, want) {
			t.Errorf("no key declared as %s; keys %v", want, keys)
		}
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q", doc.Graph.EdgeDefault)
	}
	nodes, edges := wantNodes(), wantEdges()
	if len(doc.Graph.Nodes) != len(nodes) || len(doc.Graph.Edges) != len(edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(nodes), len(edges))
	}
	for i, n := range doc.Graph.Nodes {
		d := dataByName(t, keys, n.Data)
		if n.ID != nodes[i].ID || d["label"] != nodes[i].Name || d["type"] != string(nodes[i].Type) {
			t.Errorf("node %d = %s %v, want %+v", i, n.ID, d, nodes[i])
		}
		if d["aliases"] != strings.Join(nodes[i].Aliases, "; ") {
			t.Errorf("node %s aliases %q", n.ID, d["aliases"])
		}
	}
	for i, e := range doc.Graph.Edges {
		d := dataByName(t, keys, e.Data)
		w := edges[i]
		if e.ID != w.ID || e.Source != w.Subject || e.Target != w.Object || d["type"] != string(w.Type) || d["date"] != w.Date {
			t.Errorf("edge %d = %s %s→%s %v, want %+v", i, e.ID, e.Source, e.Target, d, w)
		}
	}
}

func containsValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

// dataByName maps attr.name to value, checking every key is declared.
func dataByName(t *testing.T, keys map[string]string, data []dataElem) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range data {
		decl, ok := keys[d.Key]
		if !ok {
			t.Errorf("data for undeclared key %q", d.Key)
			continue
		}
		out[strings.Split(decl, "/")[1]] = d.Value
	}
	return out
}

type gexfDoc struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		Mode            string `xml:"mode,attr"`
		TimeFormat      string `xml:"timeformat,attr"`
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string     `xml:"id,attr"`
			Label  string     `xml:"label,attr"`
			Values []attValue `xml:"attvalues>attvalue"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string     `xml:"id,attr"`
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Type   string     `xml:"type,attr"`
			Kind   string     `xml:"kind,attr"`
			Weight string     `xml:"weight,attr"`
			Start  string     `xml:"start,attr"`
			End    string     `xml:"end,attr"`
			Values []attValue `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type attValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func TestGEXFParsesBack(t *testing.T) {
	out := writeGraph(t, export.GEXF, export.SubgraphSource(sampleSubgraph()))
	var doc gexfDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("encoding/xml cannot read it: %v", err)
	}
	g := doc.Graph
	if doc.Version != "1.3" || g.Mode != "dynamic" || g.TimeFormat != "date" || g.DefaultEdgeType != "directed" {
		t.Errorf("version %q mode %q timeformat %q defaultedgetype %q", doc.Version, g.Mode, g.TimeFormat, g.DefaultEdgeType)
	}
	declared := map[string]map[string]string{} // class → id → type
	for _, a := range g.Attributes {
		declared[a.Class] = map[string]string{}
		for _, x := range a.Attrs {
			declared[a.Class][x.ID] = x.Type
		}
	}
	if declared["node"]["aliases"] != "liststring" || declared["node"]["mention_count"] != "integer" ||
		declared["edge"]["confidence"] != "double" || declared["edge"]["symmetric"] != "boolean" || declared["edge"]["support"] != "integer" {
		t.Errorf("attribute declarations %v", declared)
	}
	nodes, edges := wantNodes(), wantEdges()
	if len(g.Nodes) != len(nodes) || len(g.Edges) != len(edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(g.Nodes), len(g.Edges), len(nodes), len(edges))
	}
	for i, n := range g.Nodes {
		if n.ID != nodes[i].ID || n.Label != nodes[i].Name {
			t.Errorf("node %d = %s %q, want %s %q", i, n.ID, n.Label, nodes[i].ID, nodes[i].Name)
		}
		for _, v := range n.Values {
			if _, ok := declared["node"][v.For]; !ok {
				t.Errorf("node %s has a value for undeclared %q", n.ID, v.For)
			}
			if v.For == "aliases" {
				var got []string
				if err := json.Unmarshal([]byte(v.Value), &got); err != nil || strings.Join(got, "|") != strings.Join(nodes[i].Aliases, "|") {
					t.Errorf("node %s aliases %q, want %v as a bracketed quoted list", n.ID, v.Value, nodes[i].Aliases)
				}
			}
		}
	}
	spans := map[string][2]string{
		"2025-01-05": {"2025-01-05", "2025-01-05"},
		"2025-02":    {"2025-02-01", "2025-02-28"},
		"2025":       {"2025-01-01", "2025-12-31"},
		"2025-03-08": {"2025-03-08", "2025-03-08"},
		"":           {"", ""},
	}
	for i, e := range g.Edges {
		w := edges[i]
		if e.ID != w.ID || e.Source != w.Subject || e.Target != w.Object || e.Kind != string(w.Type) {
			t.Errorf("edge %d = %+v, want %s", i, e, w.ID)
		}
		if span := spans[w.Date]; e.Start != span[0] || e.End != span[1] {
			t.Errorf("edge %s dated %q spans %q..%q, want %v", w.ID, w.Date, e.Start, e.End, span)
		}
		wantType := "directed"
		if w.Type.Symmetric() {
			wantType = "mutual"
		}
		if e.Type != wantType {
			t.Errorf("edge %s type %q, want %q", w.ID, e.Type, wantType)
		}
		if e.Weight != itoa(w.Support) {
			t.Errorf("edge %s weight %q, want support %d", w.ID, e.Weight, w.Support)
		}
	}
}

// networkxScript reads GraphML, GEXF and node-link files with networkx
// (one Python start for all, as importing networkx is slow) and prints
// each graph's nodes and edges as JSON, so the test can compare what a
// widely used third-party reader understood.
const networkxScript = `
import json, sys
import networkx as nx
out = {}
for arg in sys.argv[1:]:
    fmt, path = arg.split("=", 1)
    if fmt == "graphml":
        G = nx.read_graphml(path)
    elif fmt == "gexf":
        G = nx.read_gexf(path, version="1.3")
    else:
        with open(path) as f:
            G = nx.node_link_graph(json.load(f), edges="links")
    nodes = {str(n): dict(d) for n, d in G.nodes(data=True)}
    edges = [[str(u), str(v), dict(d)] for u, v, d in G.edges(data=True)]
    out[fmt] = {"directed": G.is_directed(), "nodes": nodes, "edges": edges}
print(json.dumps(out, default=str))
`

type nxGraph struct {
	Directed bool
	Nodes    map[string]map[string]any
	Edges    [][3]json.RawMessage
}

// readWithNetworkx writes each output to a file and reads them all with
// networkx, skipping when python3 with networkx is not installed.
func readWithNetworkx(t *testing.T, outs map[string][]byte) map[string]nxGraph {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot check the output with networkx (pip install networkx)")
	}
	if err := exec.Command(py, "-c", "import networkx").Run(); err != nil {
		t.Skip("networkx not installed: cannot check the output with it (pip install networkx)")
	}
	dir := t.TempDir()
	args := []string{"-c", networkxScript}
	for format, out := range outs {
		path := filepath.Join(dir, "g."+format)
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, format+"="+path)
	}
	cmd := exec.Command(py, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx cannot read the files: %v\n%s", err, stderr.String())
	}
	var gs map[string]nxGraph
	if err := json.Unmarshal(res, &gs); err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	return gs
}

func (g nxGraph) edgeData(t *testing.T) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, e := range g.Edges {
		var d map[string]any
		if err := json.Unmarshal(e[2], &d); err != nil {
			t.Fatal(err)
		}
		id, _ := d["id"].(string)
		out[id] = d
	}
	return out
}

func TestNetworkxReads(t *testing.T) {
	cases := []struct {
		format    string
		gf        export.GraphFormat
		edgeCount int // networkx adds a "mutual" GEXF edge both ways
	}{
		{"graphml", export.GraphML, len(wantEdges())},
		{"gexf", export.GEXF, len(wantEdges()) + countSymmetric(wantEdges())},
		{"d3", export.D3, len(wantEdges())},
	}
	outs := map[string][]byte{}
	for _, tc := range cases {
		outs[tc.format] = writeGraph(t, tc.gf, export.SubgraphSource(sampleSubgraph()))
	}
	read := readWithNetworkx(t, outs)
	for _, tc := range cases {
		t.Run(tc.format, func(t *testing.T) {
			g, ok := read[tc.format]
			if !ok {
				t.Fatalf("networkx gave nothing for %s", tc.format)
			}
			if !g.Directed || len(g.Nodes) != len(wantNodes()) || len(g.Edges) != tc.edgeCount {
				t.Fatalf("networkx read directed=%v, %d nodes, %d edges; want directed, %d, %d", g.Directed, len(g.Nodes), len(g.Edges), len(wantNodes()), tc.edgeCount)
			}
			hold := g.Nodes[idHoldings]
			if hold["label"] != `AT&T <Holdings> "Ltd"` || hold["type"] != "ORGANIZATION" {
				t.Errorf("node %s read as %v", idHoldings, hold)
			}
			if mc, ok := g.Nodes[idQuist]["mention_count"].(float64); !ok || mc != 5 {
				t.Errorf("mention_count read as %#v, want the number 5", g.Nodes[idQuist]["mention_count"])
			}
			ed := g.edgeData(t)
			meet := ed[wantEdge(graph.Meet).ID]
			if meet == nil {
				t.Fatalf("no MEET edge among %v", ed)
			}
			if meet["confidence"] != 0.95 || meet["support"] != float64(2) || meet["symmetric"] != true || meet["date"] != "2025-03-08" {
				t.Errorf("MEET read as %v: want typed confidence 0.95, support 2, symmetric true", meet)
			}
			if tc.format == "gexf" {
				acc := ed[wantEdge(graph.Accuse).ID]
				if acc["start"] != "2025-02-01" || acc["end"] != "2025-02-28" {
					t.Errorf("ACCUSE spans %v..%v, want February 2025", acc["start"], acc["end"])
				}
			}
		})
	}
}

func countSymmetric(es []graph.Edge) int {
	n := 0
	for _, e := range es {
		if e.Type.Symmetric() {
			n++
		}
	}
	return n
}

func wantEdge(t graph.RelationType) graph.Edge {
	for _, e := range sampleEdges() {
		if e.Type == t {
			return e
		}
	}
	return graph.Edge{}
}

// failWriter fails every write, as a closed connection or a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorsReported(t *testing.T) {
	for _, f := range export.GraphFormats() {
		if err := export.WriteGraph(context.Background(), failWriter{}, f, export.SubgraphSource(sampleSubgraph())); err == nil {
			t.Errorf("%s: a failing writer gave no error", f)
		}
	}
	for _, f := range export.TimelineFormats() {
		if err := export.WriteTimeline(failWriter{}, f, sampleTimeline()); err == nil {
			t.Errorf("%s: a failing writer gave no error", f)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if err := export.WriteGraph(ctx, &b, export.GraphML, export.SubgraphSource(sampleSubgraph())); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: %v, want context.Canceled", err)
	}
}
