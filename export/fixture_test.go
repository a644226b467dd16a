package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Entity ids of the sample graph, written for these tests.
var (
	idQuist    = graph.EntityID(graph.Person, "Mara Quist")
	idMartin   = graph.EntityID(graph.Person, "Martín Oyelaran")
	idVal      = graph.EntityID(graph.Country, "Valdoria")
	idOsk      = graph.EntityID(graph.Country, "Oskaria")
	idHoldings = graph.EntityID(graph.Organization, `AT&T <Holdings> "Ltd"`)
	idDaily    = graph.EntityID(graph.Media, "Harbor Daily")
	idNowhere  = graph.EntityID(graph.Country, "Nowhere") // an edge end the subgraph lacks
)

func sampleEntities() []graph.Entity {
	return []graph.Entity{
		// Out of id order on purpose: writers sort.
		{ID: idVal, Name: "Valdoria", Type: graph.Country, Aliases: []string{"Valdorian"}, MentionCount: 7, ArticleCount: 3},
		{ID: idQuist, Name: "Mara Quist", Type: graph.Person, Aliases: []string{"Quist", `Minister "MQ" Quist`}, MentionCount: 5, ArticleCount: 2},
		{ID: idMartin, Name: "Martín Oyelaran", Type: graph.Person, Aliases: []string{"Oyelaran"}, MentionCount: 2, ArticleCount: 1},
		{ID: idOsk, Name: "Oskaria", Type: graph.Country, MentionCount: 3, ArticleCount: 2},
		{ID: idHoldings, Name: `AT&T <Holdings> "Ltd"`, Type: graph.Organization, MentionCount: 1, ArticleCount: 1},
		{ID: idDaily, Name: "Harbor Daily", Type: graph.Media, MentionCount: 1, ArticleCount: 1},
	}
}

func edge(t graph.RelationType, s, o, date string, p graph.Polarity) graph.Edge {
	return graph.Edge{ID: graph.EdgeID(t, s, o, date, p), Type: t, Subject: s, Object: o, Date: date, Polarity: p}
}

// sampleEdges are in timeline order: dated ones oldest first, then an
// undated structural tie.
func sampleEdges() []graph.Edge {
	threat := edge(graph.Threaten, idMartin, idVal, "2025-01-05", graph.Negated)
	threat.Confidence, threat.Support = 0.5, 1
	threat.Evidence = []graph.Evidence{{ArticleURL: "javascript:alert(1)", ArticleTitle: "A bad link", Text: "Oyelaran did not threaten Valdoria.", Published: "2025-01-06"}}

	support := edge(graph.Support, idOsk, idVal, "2025", graph.Asserted)
	support.Confidence, support.Support = 0.55, 1
	support.Evidence = []graph.Evidence{{ArticleURL: "https://example.org/a/3", ArticleTitle: "Backing", Text: "-Oskaria backs Valdoria, officials said."}}

	accuse := edge(graph.Accuse, idVal, idHoldings, "2025-02", graph.Asserted)
	accuse.Confidence, accuse.Support = 0.6, 1
	accuse.Evidence = []graph.Evidence{{ArticleURL: "https://example.org/a/2?x=1&y=2", ArticleTitle: "Charges & <counter-charges>", Text: `=HYPERLINK("http://evil.example") Valdoria accused AT&T <Holdings>.`}}

	meet := edge(graph.Meet, idQuist, idMartin, "2025-03-08", graph.Asserted)
	meet.Via, meet.AttributedTo = []string{idOsk}, []string{idDaily}
	meet.Confidence, meet.Support = 0.95, 2
	meet.Evidence = []graph.Evidence{
		{ArticleURL: "https://example.org/a/1", ArticleTitle: "Envoys meet", Published: "2025-03-09",
			Text: "Quist met Oyelaran, \"warmly\", in Port Selden.\nBoth smiled."},
		{ArticleURL: "https://example.org/a/4", Text: "<script>alert('x')</script> They met on Saturday."},
	}

	role := edge(graph.HoldsRole, idQuist, idVal, "", graph.Asserted)
	role.Role, role.Confidence, role.Support = "Foreign Minister", 0.9, 3
	role.Evidence = []graph.Evidence{{ArticleURL: "https://example.org/a/1", Text: "Foreign Minister Mara Quist spoke."}}

	return []graph.Edge{threat, support, accuse, meet, role}
}

func sampleSubgraph() graph.Subgraph {
	dangling := edge(graph.Attack, idVal, idNowhere, "2025-04-01", graph.Asserted)
	dangling.Confidence, dangling.Support = 0.4, 1
	edges := append(sampleEdges(), dangling)
	// Reverse so the writers have to sort.
	for i, j := 0, len(edges)-1; i < j; i, j = i+1, j-1 {
		edges[i], edges[j] = edges[j], edges[i]
	}
	return graph.Subgraph{Entities: sampleEntities(), Edges: edges}
}

func sampleNames(id string) string {
	for _, e := range sampleEntities() {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
