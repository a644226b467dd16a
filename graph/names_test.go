package graph_test

import (
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The U.S.", "u s"},
		{"  Al-Busaidi ", "al busaidi"},
		{"Khamenei’i", "khamenei i"},
		{"the Kremlin", "kremlin"},
		{"Theresa May", "theresa may"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := graph.NormalizeName(tt.in); got != tt.want {
				t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEntityIDDropsDiacritics(t *testing.T) {
	tests := []struct {
		typ  graph.EntityType
		name string
		want string
	}{
		{graph.Person, "Martín Sorrento", "person:martin-sorrento"},
		{graph.Location, "Brasília", "location:brasilia"},
		{graph.Country, "Côte d'Ivoire", "country:cote-d-ivoire"},
		{graph.Organization, "the Supreme National Security Council", "organization:supreme-national-security-council"},
	}
	for _, tt := range tests {
		if got := graph.EntityID(tt.typ, tt.name); got != tt.want {
			t.Errorf("EntityID(%s, %q) = %q, want %q", tt.typ, tt.name, got, tt.want)
		}
	}
}

func TestEdgeIDSymmetric(t *testing.T) {
	a := graph.EdgeID(graph.Meet, "person:a", "person:b", "2025-01-02", graph.Asserted)
	b := graph.EdgeID(graph.Meet, "person:b", "person:a", "2025-01-02", "")
	if a != b {
		t.Errorf("MEET a–b and b–a have different ids %s, %s", a, b)
	}
	c := graph.EdgeID(graph.Accuse, "person:a", "person:b", "", graph.Asserted)
	d := graph.EdgeID(graph.Accuse, "person:b", "person:a", "", graph.Asserted)
	if c == d {
		t.Errorf("ACCUSE is directed but a→b and b→a share id %s", c)
	}
}

func TestMatchEntityKeepsNamesakesApart(t *testing.T) {
	ali := graph.Entity{ID: "person:ali-larijani", Name: "Ali Larijani", Type: graph.Person, Aliases: []string{"Larijani"}, ArticleCount: 3}
	sadeq := graph.Entity{ID: "person:sadeq-larijani", Name: "Sadeq Larijani", Type: graph.Person, Aliases: []string{"Larijani"}, ArticleCount: 1}
	tests := []struct {
		name   string
		in     graph.Entity
		wantID string
	}{
		{"full name matches itself", graph.Entity{Name: "Sadeq Larijani", Type: graph.Person, Aliases: []string{"Larijani"}}, sadeq.ID},
		{"shared alias alone does not merge", graph.Entity{Name: "Mohammad Larijani", Type: graph.Person, Aliases: []string{"Larijani"}}, ""},
		{"short form joins the best-supported", graph.Entity{Name: "Larijani", Type: graph.Person}, ali.ID},
		{"other type never matches", graph.Entity{Name: "Ali Larijani", Type: graph.Organization}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := graph.MatchEntity(tt.in, []graph.Entity{sadeq, ali})
			if tt.wantID == "" {
				if ok {
					t.Errorf("matched %s, want no match", got.ID)
				}
				return
			}
			if !ok || got.ID != tt.wantID {
				t.Errorf("matched %q (%v), want %s", got.ID, ok, tt.wantID)
			}
		})
	}
}

func TestMergeEntityKeepsIDAndTakesFullerName(t *testing.T) {
	stored := graph.Entity{ID: "person:araghchi", Name: "Araghchi", Type: graph.Person, Aliases: []string{}}
	in := graph.Entity{Name: "Abbas Araghchi", Type: graph.Person, Aliases: []string{"Seyed Abbas Araghchi"}}
	got := graph.MergeEntity(stored, in)
	if got.ID != stored.ID || got.Name != "Abbas Araghchi" {
		t.Errorf("got id %s name %s, want id %s name Abbas Araghchi", got.ID, got.Name, stored.ID)
	}
	want := map[string]bool{"Araghchi": true, "Seyed Abbas Araghchi": true}
	if len(got.Aliases) != len(want) {
		t.Fatalf("aliases %v, want %v", got.Aliases, want)
	}
	for _, a := range got.Aliases {
		if !want[a] {
			t.Errorf("unexpected alias %q", a)
		}
	}
}

func TestRelationFilterDateWindow(t *testing.T) {
	f := graph.RelationFilter{FromDate: "2025-03", ToDate: "2025-04-15"}
	tests := []struct {
		date string
		want bool
	}{
		{"", false},
		{"2025-02-28", false},
		{"2025-03-01", true},
		{"2025", true}, // a coarser date overlapping the window counts
		{"2025-04-15", true},
		{"2025-04-16", false},
	}
	for _, tt := range tests {
		if got := f.Match(graph.Edge{Type: graph.Meet, Date: tt.date, Polarity: graph.Asserted}); got != tt.want {
			t.Errorf("date %q: Match = %v, want %v", tt.date, got, tt.want)
		}
	}
	if err := (graph.RelationFilter{FromDate: "2025-05", ToDate: "2025-04"}).Validate(); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("inverted window: got %v, want EINVALID", err)
	}
}
