package api_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"mime"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

// exported is a graph export read back: node ids and edge ids, whatever
// the format.
type exported struct {
	nodes, edges []string
}

// readExport parses an export in format f with a reader of that format
// (encoding/json or encoding/xml), so that a malformed file fails here.
func readExport(t *testing.T, f export.GraphFormat, body []byte) exported {
	t.Helper()
	var out exported
	switch f {
	case export.Cytoscape:
		var doc struct {
			Elements struct {
				Nodes []export.CytoscapeNode `json:"nodes"`
				Edges []export.CytoscapeEdge `json:"edges"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatalf("cytoscape: %v", err)
		}
		for _, n := range doc.Elements.Nodes {
			out.nodes = append(out.nodes, n.Data.ID)
		}
		for _, e := range doc.Elements.Edges {
			out.edges = append(out.edges, e.Data.ID)
		}
	case export.D3:
		var doc struct {
			Nodes []export.NodeData `json:"nodes"`
			Links []export.EdgeData `json:"links"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatalf("d3: %v", err)
		}
		for _, n := range doc.Nodes {
			out.nodes = append(out.nodes, n.ID)
		}
		for _, e := range doc.Links {
			out.edges = append(out.edges, e.ID)
		}
	case export.GraphML, export.GEXF:
		// Both formats put nodes and edges in <node id> and <edge id>.
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			tok, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("%s: %v", f, err)
				}
				break
			}
			se, ok := tok.(xml.StartElement)
			if !ok || (se.Name.Local != "node" && se.Name.Local != "edge") {
				continue
			}
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					if se.Name.Local == "node" {
						out.nodes = append(out.nodes, a.Value)
					} else {
						out.edges = append(out.edges, a.Value)
					}
				}
			}
		}
	}
	return out
}

// relationIDs lists the ids of the relations a listing answers, and the
// ids of their ends.
func relationIDs(t *testing.T, h http.Handler, query string) (edges, nodes []string) {
	t.Helper()
	var got api.RelationsResponse
	getJSON(t, h, "/v1/relations?limit=1000&"+query, &got)
	seen := map[string]bool{}
	for _, e := range got.Relations {
		edges = append(edges, e.ID)
		for _, id := range []string{e.Subject, e.Object} {
			if !seen[id] {
				seen[id] = true
				nodes = append(nodes, id)
			}
		}
	}
	return edges, nodes
}

func TestExport(t *testing.T) {
	h := fixtureServer(t, graphtest.PathFixture())
	alpha := country("Alpha")
	hood := func(query string) (edges, nodes []string) {
		var got api.NeighborhoodResponse
		getJSON(t, h, "/v1/entities/"+alpha+"/neighborhood?"+query, &got)
		for _, e := range got.Edges {
			edges = append(edges, e.ID)
		}
		for _, e := range got.Entities {
			nodes = append(nodes, e.ID)
		}
		return edges, nodes
	}
	tests := []struct {
		query    string // without format
		filename string // without extension
		want     func() (edges, nodes []string)
	}{
		{"", "graph", func() ([]string, []string) { return relationIDs(t, h, "") }},
		{"type=MEET,SANCTION", "graph", func() ([]string, []string) { return relationIDs(t, h, "type=MEET,SANCTION") }},
		{"include_negated=true&from_date=2025-01&to_date=2025-01", "graph", func() ([]string, []string) {
			return relationIDs(t, h, "include_negated=true&from_date=2025-01&to_date=2025-01")
		}},
		{"entity=Alpha", "graph-country-alpha", func() ([]string, []string) { return hood("") }},
		{"entity=" + alpha + "&depth=2&structural=false", "graph-country-alpha", func() ([]string, []string) { return hood("depth=2") }},
		{"entity=Alpha&depth=3&type=MEET", "graph-country-alpha", func() ([]string, []string) { return hood("depth=3&type=MEET") }},
		{"from_date=2031", "graph", func() ([]string, []string) { return nil, nil }},
	}
	for _, tt := range tests {
		wantEdges, wantNodes := tt.want()
		if len(wantEdges) == 0 && tt.query != "from_date=2031" {
			t.Fatalf("%s: the expected export is empty; the test would prove nothing", tt.query)
		}
		for _, f := range export.GraphFormats() {
			t.Run(string(f)+"?"+tt.query, func(t *testing.T) {
				r := do(t, h, "GET", "/v1/export?format="+string(f)+"&"+tt.query, nil, nil)
				if r.Status != http.StatusOK {
					t.Fatalf("status %d: %s", r.Status, r.Body)
				}
				if ct := r.Header.Get("Content-Type"); ct != f.ContentType() {
					t.Errorf("Content-Type = %q, want %q", ct, f.ContentType())
				}
				_, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition"))
				if err != nil || params["filename"] != tt.filename+f.Ext() {
					t.Errorf("Content-Disposition = %q, want filename %s%s", r.Header.Get("Content-Disposition"), tt.filename, f.Ext())
				}
				got := readExport(t, f, r.Body)
				if !slices.Equal(sorted(got.edges), sorted(wantEdges)) {
					t.Errorf("edges = %v, want %v", sorted(got.edges), sorted(wantEdges))
				}
				if !slices.Equal(sorted(got.nodes), sorted(wantNodes)) {
					t.Errorf("nodes = %v, want %v", sorted(got.nodes), sorted(wantNodes))
				}
			})
		}
	}
	t.Run("a cut neighbourhood says so", func(t *testing.T) {
		r := do(t, h, "GET", "/v1/export?format=d3&entity=Alpha&limit=2", nil, nil)
		if r.Status != http.StatusOK || r.Header.Get("X-Truncated") != "true" {
			t.Errorf("status %d, X-Truncated %q; want 200 and true", r.Status, r.Header.Get("X-Truncated"))
		}
		if got := readExport(t, export.D3, r.Body); len(got.edges) != 2 {
			t.Errorf("%d edges with limit=2", len(got.edges))
		}
	})
	checkBad(t, h, []badRequest{
		{"/v1/export", 400, "format"},
		{"/v1/export?format=png", 400, "png"},
		{"/v1/export?format=gexf&depth=2", 400, "entity"},
		{"/v1/export?format=gexf&limit=2", 400, "entity"},
		{"/v1/export?format=gexf&entity=Alpha&depth=0", 400, "depth"},
		{"/v1/export?format=gexf&entity=Alpha&depth=4", 400, "depth"},
		{"/v1/export?format=gexf&entity=Alpha&limit=2001", 400, "limit"},
		{"/v1/export?format=graphml&entity=Nowhere", 404, "Nowhere"},
		{"/v1/export?format=graphml&entity=country:nowhere", 404, "country:nowhere"},
		{"/v1/export?format=graphml&from_date=2025-02&to_date=2025-01", 400, "inverted"},
		{"/v1/export?format=graphml&type=FOO", 400, "FOO"},
		{"/v1/export?format=graphml&format=d3", 400, "format"},
		{"/v1/export?format=graphml&colour=red", 400, "colour"},
	})
}

func TestTimelineFormats(t *testing.T) {
	h := loaded(t)
	for _, query := range []string{"", "entity=Lena+Park", "entity=" + omar + "&other=Ivo+Brandt", "type=ACCUSE,THREATEN", "from_date=2030"} {
		var want api.TimelineResponse
		getJSON(t, h, "/v1/timeline?"+query, &want)
		var ids []string
		for _, e := range want.Relations {
			ids = append(ids, e.ID)
		}
		for _, f := range export.TimelineFormats() {
			t.Run(string(f)+"?"+query, func(t *testing.T) {
				r := do(t, h, "GET", "/v1/timeline?format="+strings.ToUpper(string(f))+"&"+query, nil, nil)
				if r.Status != http.StatusOK {
					t.Fatalf("status %d: %s", r.Status, r.Body)
				}
				wantCT := f.ContentType()
				if f == export.TimelineJSON {
					wantCT = "application/json" // the envelope, as without format
				}
				if ct := r.Header.Get("Content-Type"); ct != wantCT {
					t.Errorf("Content-Type = %q, want %q", ct, wantCT)
				}
				var got []string
				switch f {
				case export.TimelineJSON:
					var env api.TimelineResponse
					decode(t, r, &env)
					for _, e := range env.Relations {
						got = append(got, e.ID)
					}
				case export.TimelineCSV:
					rows, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
					if err != nil || len(rows) == 0 || !slices.Equal(rows[0], export.CSVHeader) {
						t.Fatalf("csv: %v; rows %v", err, rows)
					}
					// Rows carry no id: compare dates, types and names.
					for i, row := range rows[1:] {
						e := want.Relations[i]
						if row[0] != e.Date || row[1] != string(e.Type) || row[3] != want.Entities[e.Subject].Name || row[5] != want.Entities[e.Object].Name {
							t.Errorf("row %d = %v, want %s %s %s %s", i, row, e.Date, e.Type, e.Subject, e.Object)
						}
						got = append(got, e.ID)
					}
					if len(rows)-1 != len(want.Relations) {
						t.Errorf("%d rows, want %d", len(rows)-1, len(want.Relations))
					}
				case export.TimelineJS:
					var doc export.TLDoc
					if err := json.Unmarshal(r.Body, &doc); err != nil {
						t.Fatalf("timelinejs: %v", err)
					}
					if doc.Title == nil || doc.Title.Text.Headline == "" {
						t.Errorf("no title slide: %s", r.Body)
					}
					// Slides carry DOM ids made from relation ids, and
					// headlines with both ends' names.
					seen := map[string]bool{}
					for i, ev := range doc.Events {
						e := want.Relations[i]
						if ev.UniqueID == "" || seen[ev.UniqueID] || ev.StartDate == nil || !strings.HasPrefix(e.Date, ev.StartDate.Year) ||
							!strings.Contains(ev.Text.Headline, want.Entities[e.Subject].Name) || !strings.Contains(ev.Text.Headline, want.Entities[e.Object].Name) {
							t.Errorf("slide %d = %+v, want %s %s–%s with a fresh unique_id", i, ev, e.Date, e.Subject, e.Object)
						}
						seen[ev.UniqueID] = true
						got = append(got, e.ID)
					}
					if len(doc.Events) != len(want.Relations) {
						t.Errorf("%d slides, want %d", len(doc.Events), len(want.Relations))
					}
				case export.TimelineVis:
					var items []export.VisItem
					if err := json.Unmarshal(r.Body, &items); err != nil {
						t.Fatalf("vis: %v", err)
					}
					for _, it := range items {
						got = append(got, it.ID)
					}
				}
				if !slices.Equal(got, ids) {
					t.Errorf("ids = %v, want %v", got, ids)
				}
				if f != export.TimelineJSON {
					if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err != nil || !strings.HasPrefix(params["filename"], "timeline") {
						t.Errorf("Content-Disposition = %q, want a timeline file name", r.Header.Get("Content-Disposition"))
					}
				}
			})
		}
	}
	t.Run("title names the ends", func(t *testing.T) {
		var doc export.TLDoc
		r := do(t, h, "GET", "/v1/timeline?format=timelinejs&entity=Lena+Park&other="+omar, nil, nil)
		if err := json.Unmarshal(r.Body, &doc); err != nil || doc.Title == nil || doc.Title.Text.Headline != "Lena Park and Omar Haddad" {
			t.Errorf("title = %+v (%v), want Lena Park and Omar Haddad", doc.Title, err)
		}
	})
	checkBad(t, h, []badRequest{
		{"/v1/timeline?format=xml", 400, "xml"},
		{"/v1/timeline?format=csv&format=vis", 400, "format"},
		{"/v1/timeline?format=csv&entity=Nobody", 404, "Nobody"},
		{"/v1/timeline?format=vis&from_date=2026-05&to_date=2026-04", 400, "inverted"},
		{"/v1/timeline?format=vis&limit=0", 400, "limit"},
	})
}

func TestNearMissSearch(t *testing.T) {
	h := loaded(t)
	tests := []struct {
		target string
		want   []string // ids, in order
		near   []string
	}{
		{"/v1/entities?q=Omar+Hadad", []string{omar}, []string{omar}},
		{"/v1/entities?q=Hadad", []string{omar}, []string{omar}},
		{"/v1/entities?q=Brant", []string{ivo}, []string{ivo}},
		{"/v1/entities?q=Nordland", []string{norland}, []string{norland}},
		{"/v1/entities?q=Sduova", []string{sudova}, []string{sudova}},     // a swap is one edit
		{"/v1/entities?q=Nordland&type=person", []string{}, nil},          // type holds
		{"/v1/entities?q=Nordland&near=false", []string{}, nil},           // asked not to
		{"/v1/entities?q=Vel", []string{"location:vell"}, nil},            // a prefix match is no near miss
		{"/v1/entities?q=Nrdlnd", []string{}, nil},                        // three edits off
		{"/v1/entities?q=Rye", []string{}, nil},                           // too short to guess
		{"/v1/entities?q=Brandt&type=person&limit=1", []string{ivo}, nil}, // full already
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			var got api.EntitiesResponse
			getJSON(t, h, tt.target, &got)
			var ids []string
			for _, e := range got.Entities {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, tt.want) && !(len(ids) == 0 && len(tt.want) == 0) {
				t.Errorf("ids = %v, want %v", ids, tt.want)
			}
			if !slices.Equal(got.NearMisses, tt.near) {
				t.Errorf("near_misses = %v, want %v", got.NearMisses, tt.near)
			}
		})
	}
	checkBad(t, h, []badRequest{
		{"/v1/entities?q=Hadad&near=perhaps", 400, "near"},
		// A misspelt name elsewhere is 404, with the near misses suggested.
		{"/v1/paths?from=Lena+Park&to=Omar+Hadad", 404, "did you mean Omar Haddad (" + omar + ")?"},
		{"/v1/timeline?entity=Nordland", 404, "did you mean Norland (" + norland + ")?"},
		{"/v1/relations?entity=Nobody+Known", 404, `no entity has the id or name "Nobody Known"`},
	})
}

// TestNearMissRanking checks that an exact name is not padded with near
// misses, and that near misses of a misspelling come most mentioned first.
func TestNearMissRanking(t *testing.T) {
	// Three countries one edit from "Kerova", mentioned 2, 3 and 4 times
	// (so that neither name nor id order is mention order), and one that
	// matches it exactly.
	text := "Kerova met Zerova. Zerova met Derova. Derova met Zerova. Zerova met Berova. Berova met Derova."
	x := graph.Extraction{
		Article: graph.Article{ID: "rank", URL: "https://example.org/rank", Text: text, Hash: graph.TextHash(text)},
	}
	for _, n := range []string{"Kerova", "Berova", "Derova", "Zerova"} {
		e := graph.Entity{ID: n, Name: n, Type: graph.Country, Aliases: []string{}}
		for off := 0; ; {
			i := strings.Index(text[off:], n)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, graph.Mention{Start: off + i, End: off + i + len(n), Text: n})
			off += i + len(n)
		}
		x.Entities = append(x.Entities, e)
	}
	h := fixtureServer(t, []graph.Extraction{x})
	names := func(q string) ([]string, []string) {
		t.Helper()
		var got api.EntitiesResponse
		getJSON(t, h, q, &got)
		var out []string
		for _, e := range got.Entities {
			out = append(out, e.Name)
		}
		return out, got.NearMisses
	}
	// A name that exists is what was meant: no near misses pad it.
	if got, near := names("/v1/entities?q=Kerova"); !slices.Equal(got, []string{"Kerova"}) || len(near) != 0 {
		t.Errorf("exact name: got %v, near misses %v; want only Kerova", got, near)
	}
	// A misspelling gets every near miss, most mentioned first.
	got, near := names("/v1/entities?q=Xerova")
	if want := []string{"Zerova", "Derova", "Berova", "Kerova"}; !slices.Equal(got, want) || len(near) != 4 {
		t.Errorf("ranking = %v (near misses %v), want %v: near misses by mentions", got, near, want)
	}
	got, near = names("/v1/entities?q=Xerova&limit=2")
	if !slices.Equal(got, []string{"Zerova", "Derova"}) || !slices.Equal(near, []string{country("Zerova"), country("Derova")}) {
		t.Errorf("limit=2 gave %v, near misses %v; want Zerova and Derova", got, near)
	}
}

// TestExportStreams exports a graph larger than what the server holds
// back before streaming, in every format, and reads it back whole.
func TestExportStreams(t *testing.T) {
	h := fixtureServer(t, []graph.Extraction{graphtest.HubFixture(300)})
	for _, f := range export.GraphFormats() {
		t.Run(string(f), func(t *testing.T) {
			r := do(t, h, "GET", "/v1/export?format="+string(f), nil, nil)
			if r.Status != http.StatusOK || r.Header.Get("Content-Type") != f.ContentType() || r.Header.Get("Content-Disposition") == "" {
				t.Fatalf("status %d, headers %v", r.Status, r.Header)
			}
			if len(r.Body) < 64<<10 {
				t.Fatalf("the export is %d bytes: too small to test streaming", len(r.Body))
			}
			if got := readExport(t, f, r.Body); len(got.edges) != 600 || len(got.nodes) != 302 {
				t.Errorf("%d edges and %d nodes, want 600 and 302", len(got.edges), len(got.nodes))
			}
		})
	}
}
