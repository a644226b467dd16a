package export_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/actorgraph/actorgraph/export"
	"github.com/actorgraph/actorgraph/graph"
)

// benchGraph is a synthetic graph of n countries in a ring with chords,
// 5n edges, every one dated.
func benchGraph(n int) graph.Subgraph {
	var sg graph.Subgraph
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Country %05d", i)
		sg.Entities = append(sg.Entities, graph.Entity{ID: graph.EntityID(graph.Country, name), Name: name, Type: graph.Country, Aliases: []string{name + " Republic"}, MentionCount: i % 17})
	}
	types := []graph.RelationType{graph.Meet, graph.Accuse, graph.Support, graph.Negotiate, graph.Sanction}
	for i := 0; i < n; i++ {
		for j, t := range types {
			s, o := sg.Entities[i].ID, sg.Entities[(i+j*7+1)%n].ID
			date := fmt.Sprintf("2025-%02d-%02d", 1+(i+j)%12, 1+(i*j)%28)
			sg.Edges = append(sg.Edges, graph.Edge{ID: graph.EdgeID(t, s, o, date, graph.Asserted), Type: t, Subject: s, Object: o,
				Date: date, Polarity: graph.Asserted, Via: []string{sg.Entities[(i+3)%n].ID}, Confidence: 0.7, Support: 1 + j})
		}
	}
	return sg
}

// BenchmarkWriteGraph measures each graph format on 2,000 entities and
// 10,000 edges.
func BenchmarkWriteGraph(b *testing.B) {
	src := export.SubgraphSource(benchGraph(2000))
	for _, f := range export.GraphFormats() {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := export.WriteGraph(context.Background(), io.Discard, f, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteTimeline measures each timeline format on 10,000 edges.
func BenchmarkWriteTimeline(b *testing.B) {
	sg := benchGraph(2000)
	names := map[string]string{}
	for _, e := range sg.Entities {
		names[e.ID] = e.Name
	}
	tl := export.Timeline{Title: "Bench", Edges: sg.Edges, Name: func(id string) string { return names[id] }}
	for _, f := range export.TimelineFormats() {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := export.WriteTimeline(io.Discard, f, tl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
