package neo4jstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// benchEdges writes n entities and returns n*4 edges among them, as
// edges_create rows.
func benchEdges(b *testing.B, s *Store, n int) []map[string]any {
	b.Helper()
	ctx := context.Background()
	ents := make([]map[string]any, n)
	ids := make([]string, n)
	for i := range ents {
		name := fmt.Sprintf("Bench Actor %04d", i)
		ids[i] = graph.EntityID(graph.Country, name)
		form := graph.NormalizeName(name)
		ents[i] = map[string]any{"id": ids[i], "label": "Country", "type": "COUNTRY", "name": name,
			"aliases": []string{}, "forms": []string{form}, "forms_text": "|" + form + "|"}
	}
	if _, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, exec(ctx, tx, "entities_upsert", map[string]any{"rows": ents})
	}); err != nil {
		b.Fatal(err)
	}
	types := graph.RelationTypes()
	var es []*mergedEdge
	seen := map[string]bool{}
	for i := 0; len(es) < 4*n; i++ {
		sub, obj := ids[i%n], ids[(i/n+i*7+1)%n]
		t := types[i%len(types)]
		if t.Symmetric() && obj < sub {
			sub, obj = obj, sub
		}
		date := fmt.Sprintf("2025-%02d", 1+i%12)
		if id := graph.EdgeID(t, sub, obj, date, graph.Asserted); seen[id] || sub == obj {
			continue
		} else {
			seen[id] = true
		}
		es = append(es, &mergedEdge{edgeRow: edgeRow{ID: graph.EdgeID(t, sub, obj, date, graph.Asserted), Type: t,
			Subject: sub, Object: obj, Date: date, Polarity: graph.Asserted,
			Contribs: []contribution{{ArticleKey: "url:bench", Text: "A sentence.", End: 11, Confidence: 0.5,
				Via: []string{}, AttributedTo: []string{}}}}})
	}
	rows, err := edgeRows(es)
	if err != nil {
		b.Fatal(err)
	}
	return rows
}

// BenchmarkEdgeWrites compares creating the same relations with one UNWIND
// statement (edges_create) against the same statement run once per
// relation, in one transaction (PerRelation) or each in its own, as naive
// code does (PerRelationTx); relations/s is the figure to compare.
func BenchmarkEdgeWrites(b *testing.B) {
	for _, mode := range []string{"Batched", "PerRelation", "PerRelationTx"} {
		b.Run(mode, func(b *testing.B) {
			s := openTest(b)
			ctx := context.Background()
			rows := benchEdges(b, s, 500)
			var spent time.Duration
			// Three uncounted iterations warm the plan cache and the JIT.
			for i := -3; i < b.N; i++ {
				b.StopTimer()
				if _, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
					return nil, exec(ctx, tx, "edges_delete", map[string]any{"rows": rows})
				}); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := time.Now()
				var err error
				if mode == "PerRelationTx" {
					for _, r := range rows {
						if _, err = s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
							return nil, exec(ctx, tx, "edges_create", map[string]any{"rows": []map[string]any{r}})
						}); err != nil {
							break
						}
					}
				} else {
					_, err = s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
						if mode == "Batched" {
							return nil, exec(ctx, tx, "edges_create", map[string]any{"rows": rows})
						}
						for _, r := range rows {
							if err := exec(ctx, tx, "edges_create", map[string]any{"rows": []map[string]any{r}}); err != nil {
								return nil, err
							}
						}
						return nil, nil
					})
				}
				if i >= 0 {
					spent += time.Since(start)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rows)*b.N)/spent.Seconds(), "relations/s")
		})
	}
}
