package api_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
)

const (
	araghchi = "person:abbas-araghchi"
	witkoff  = "person:steve-witkoff"
	oman     = "country:oman"
)

// TestGoldPaths asks the graph of the dev corpus's gold annotations (as a
// perfect extractor would give it; skipped without ../shared) how
// Araghchi and Witkoff are connected: directly by NEGOTIATE, and through
// Oman, which hosted the talks, only when via hops are walked.
func TestGoldPaths(t *testing.T) {
	h := fixtureServer(t, graphtest.Gold(t))
	negotiate := graph.RelationFilter{Types: []graph.RelationType{graph.Negotiate}}
	through := func(paths [][]string, name string) bool {
		for _, p := range paths {
			if slices.Contains(p, name) {
				return true
			}
		}
		return false
	}
	withVia := pathNames(t, h, "from=Araghchi&to=Witkoff&type=NEGOTIATE&via_hops=true&k=3", negotiate.Match)
	if len(withVia) == 0 || !slices.Equal(withVia[0], []string{"Abbas Araghchi", "Steve Witkoff"}) {
		t.Errorf("paths = %v, want the direct NEGOTIATE first", withVia)
	}
	if !slices.ContainsFunc(withVia, func(p []string) bool { return slices.Equal(p, []string{"Abbas Araghchi", "~Oman", "~Steve Witkoff"}) }) {
		t.Errorf("paths = %v, want one through Oman by via hops", withVia)
	}
	if without := pathNames(t, h, "from=Araghchi&to=Witkoff&type=NEGOTIATE&k=3", negotiate.Match); through(without, "Oman") || through(without, "~Oman") {
		t.Errorf("paths = %v: Oman is reached only as a via entity, so not without via_hops", without)
	}
	// The NEGOTIATE relations are undated: any date window leaves them out.
	if dated := pathNames(t, h, "from=Araghchi&to=Witkoff&type=NEGOTIATE&via_hops=true&from_date=2020", nil); len(dated) != 0 {
		t.Errorf("paths = %v, want none inside a date window", dated)
	}
	var hood api.NeighborhoodResponse
	getJSON(t, h, "/v1/entities/"+araghchi+"/neighborhood?type=NEGOTIATE", &hood)
	var ends []string
	for _, e := range hood.Edges {
		if slices.Contains(e.Via, oman) {
			ends = append(ends, e.Subject, e.Object)
		}
	}
	if !slices.Contains(ends, witkoff) {
		t.Errorf("neighbourhood edges %v lack the NEGOTIATE with Witkoff via Oman", edgeKeys(hood.Edges))
	}
}

// TestDevCorpus asks the graph the real extractor builds from the dev
// corpus what a reader would: who connects Araghchi and Witkoff, what a
// misspelt name finds, and whether filters hold.
func TestDevCorpus(t *testing.T) {
	h := corpusServer(t)
	t.Run("near misses", func(t *testing.T) {
		for q, want := range map[string]string{"Araqchi": araghchi, "Witkof": witkoff, "Abas+Araghchi": araghchi, "Witkopf": witkoff} {
			var got api.EntitiesResponse
			getJSON(t, h, "/v1/entities?q="+q+"&type=person", &got)
			if len(got.Entities) == 0 || got.Entities[0].ID != want {
				t.Errorf("q=%s found %v, want %s first", q, got.Entities, want)
			}
		}
	})
	t.Run("Araghchi to Witkoff through Oman", func(t *testing.T) {
		f := graph.RelationFilter{NoStructural: true}
		var got api.PathsResponse
		getJSON(t, h, "/v1/paths?from=Araghchi&to=Witkoff&structural=false&via_hops=true&k=5", &got)
		if len(got.Paths) == 0 {
			t.Fatal("no path from Araghchi to Witkoff")
		}
		omani := false
		for _, p := range got.Paths {
			for _, st := range p.Steps {
				for _, e := range st.Edges {
					if !f.Match(e) {
						t.Errorf("step edge %s passes not the filter", e.Type)
					}
				}
			}
			for _, n := range p.Nodes[1 : len(p.Nodes)-1] {
				omani = omani || n.ID == oman || servesOman(t, h, n.ID)
			}
		}
		if !omani {
			t.Errorf("no path passes through Oman or an Omani official: %v", pathNames(t, h, "from=Araghchi&to=Witkoff&structural=false&via_hops=true&k=5", nil))
		}
		if none := pathNames(t, h, "from=Araghchi&to=Witkoff&structural=false&via_hops=true&to_date=1999", nil); len(none) != 0 {
			t.Errorf("paths = %v inside a window before every relation, want none", none)
		}
	})
}

// TestDevCorpusExport checks that the whole graph of the dev corpus
// exports in every format with every relation the listing has.
func TestDevCorpusExport(t *testing.T) {
	h := corpusServer(t)
	edges, nodes := relationIDs(t, h, "include_negated=true")
	if len(edges) == 0 || len(edges) == 1000 {
		t.Fatalf("%d relations: the comparison needs a graph under one page", len(edges))
	}
	for _, f := range export.GraphFormats() {
		t.Run(string(f), func(t *testing.T) {
			r := do(t, h, "GET", "/v1/export?include_negated=true&format="+string(f), nil, nil)
			if r.Status != http.StatusOK {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			got := readExport(t, f, r.Body)
			if !slices.Equal(sorted(got.edges), sorted(edges)) || !slices.Equal(sorted(got.nodes), sorted(nodes)) {
				t.Errorf("export holds %d edges and %d nodes, want %d and %d", len(got.edges), len(got.nodes), len(edges), len(nodes))
			}
		})
	}
}

// servesOman reports whether the entity holds a role of Oman.
func servesOman(t *testing.T, h http.Handler, id string) bool {
	t.Helper()
	var d api.EntityResponse
	getJSON(t, h, "/v1/entities/"+id, &d)
	for _, r := range d.Entity.Roles {
		if r.Of == oman {
			return true
		}
	}
	return false
}
