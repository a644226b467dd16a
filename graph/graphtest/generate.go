package graphtest

import (
	"fmt"
	"math/rand/v2"

	"github.com/actorgraph/actorgraph/graph"
)

// Generate returns synthetic extractions for benchmarks: about relations
// relations among up to entities invented actors ("Actor 00042"), ten per
// article, with skewed degrees (low-numbered actors are hubs), mixed types
// and dates, and an occasional via entity. The same seed gives the same
// extractions.
func Generate(seed uint64, entities, relations int) []graph.Extraction {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	types := graph.EntityTypes()
	rtypes := graph.RelationTypes()
	pick := func() int {
		// Half the picks favour low numbers, which makes hubs.
		if r.IntN(2) == 0 {
			return r.IntN(1 + r.IntN(entities))
		}
		return r.IntN(entities)
	}
	name := func(i int) string { return fmt.Sprintf("Actor %05d", i) }
	const perArticle = 10
	var out []graph.Extraction
	for a := 0; a*perArticle < relations; a++ {
		type relSpec struct {
			s, o, via int
			t         graph.RelationType
			date      string
		}
		var specs []relSpec
		var sentences []string
		for i := 0; i < perArticle && a*perArticle+i < relations; i++ {
			s, o := pick(), pick()
			for o == s {
				o = r.IntN(entities)
			}
			via := -1
			if r.IntN(10) == 0 {
				if v := r.IntN(entities); v != s && v != o {
					via = v
				}
			}
			date := ""
			if r.IntN(5) != 0 {
				date = fmt.Sprintf("%d-%02d-%02d", 2024+r.IntN(2), 1+r.IntN(12), 1+r.IntN(28))
			}
			t := rtypes[r.IntN(len(rtypes))]
			specs = append(specs, relSpec{s, o, via, t, date})
			sentences = append(sentences, fmt.Sprintf("%s and %s were seen together (%s).", name(s), name(o), t))
			if via >= 0 {
				sentences[len(sentences)-1] += fmt.Sprintf(" %s helped.", name(via))
			}
		}
		b := newArticle(fmt.Sprintf("gen-%06d", a), fmt.Sprintf("https://example.org/gen/%d/%06d", seed, a),
			fmt.Sprintf("Generated article %d", a), fmt.Sprintf("Source %d", a%7), "2025-12-31", sentences...)
		local := map[int]string{}
		ref := func(i int) string {
			if l, ok := local[i]; ok {
				return l
			}
			l := fmt.Sprintf("e%d", i)
			local[i] = l
			b.entity(l, types[i%len(types)], name(i))
			return l
		}
		for i, sp := range specs {
			rel := graph.Relation{Type: sp.t, Subject: ref(sp.s), Object: ref(sp.o), Date: sp.date,
				Confidence: float64(1+r.IntN(100)) / 100}
			if sp.via >= 0 {
				rel.Via = []string{ref(sp.via)}
			}
			if r.IntN(20) == 0 {
				rel.Polarity = graph.Negated
			}
			b.rel(i, rel)
		}
		out = append(out, b.done())
	}
	return out
}
