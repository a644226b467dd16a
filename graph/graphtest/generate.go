package graphtest

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/actorgraph/actorgraph/graph"
)

// perArticle is how many relations a generated article holds.
const perArticle = 10

// Generate returns synthetic extractions for benchmarks: about relations
// relations among up to entities invented actors ("Actor 00042"), ten per
// article, with skewed degrees (low-numbered actors are hubs), mixed types
// and dates, and an occasional via entity. The same seed gives the same
// extractions. It holds them all; NewGenerator yields the same ones one at
// a time, for graphs too big to hold.
func Generate(seed uint64, entities, relations int) []graph.Extraction {
	g := NewGenerator(seed, entities, relations)
	out := make([]graph.Extraction, 0, g.Articles())
	for x, ok := g.Next(); ok; x, ok = g.Next() {
		out = append(out, x)
	}
	return out
}

// Generator yields Generate's extractions in order, one article at a time,
// so that a graph of millions of relations is built in bounded memory.
type Generator struct {
	seed      uint64
	entities  int
	relations int
	r         *rand.Rand
	a         int // next article
	types     []graph.EntityType
	rtypes    []graph.RelationType
}

// NewGenerator starts the extractions Generate(seed, entities, relations)
// returns.
func NewGenerator(seed uint64, entities, relations int) *Generator {
	return &Generator{seed: seed, entities: entities, relations: relations,
		r: rand.New(rand.NewPCG(seed, 0x5eed)), types: graph.EntityTypes(), rtypes: graph.RelationTypes()}
}

// Articles returns how many extractions the generator yields in all.
func (g *Generator) Articles() int { return (g.relations + perArticle - 1) / perArticle }

// genRel is one planned relation: every random draw an article needs,
// made in the order Generate has always made them, so that planning alone
// (GeneratedIDs) and rendering agree.
type genRel struct {
	s, o, via  int
	t          graph.RelationType
	date       string
	confidence float64
	negated    bool
}

// plan draws the next article's relations, or returns nil after the last.
func (g *Generator) plan() []genRel {
	a := g.a
	if a*perArticle >= g.relations {
		return nil
	}
	g.a++
	r, n := g.r, g.entities
	pick := func() int {
		// Half the picks favour low numbers, which makes hubs.
		if r.IntN(2) == 0 {
			return r.IntN(1 + r.IntN(n))
		}
		return r.IntN(n)
	}
	specs := make([]genRel, 0, perArticle)
	for i := 0; i < perArticle && a*perArticle+i < g.relations; i++ {
		s, o := pick(), pick()
		for o == s {
			o = r.IntN(n)
		}
		via := -1
		if r.IntN(10) == 0 {
			if v := r.IntN(n); v != s && v != o {
				via = v
			}
		}
		date := ""
		if r.IntN(5) != 0 {
			date = fmt.Sprintf("%d-%02d-%02d", 2024+r.IntN(2), 1+r.IntN(12), 1+r.IntN(28))
		}
		t := g.rtypes[r.IntN(len(g.rtypes))]
		specs = append(specs, genRel{s: s, o: o, via: via, t: t, date: date})
	}
	for i := range specs {
		specs[i].confidence = float64(1+r.IntN(100)) / 100
		specs[i].negated = r.IntN(20) == 0
	}
	return specs
}

func actorName(i int) string { return fmt.Sprintf("Actor %05d", i) }

// Next returns the next extraction, or false after the last.
func (g *Generator) Next() (graph.Extraction, bool) {
	a := g.a
	specs := g.plan()
	if specs == nil {
		return graph.Extraction{}, false
	}
	sentences := make([]string, len(specs))
	for i, sp := range specs {
		sentences[i] = fmt.Sprintf("%s and %s were seen together (%s).", actorName(sp.s), actorName(sp.o), sp.t)
		if sp.via >= 0 {
			sentences[i] += fmt.Sprintf(" %s helped.", actorName(sp.via))
		}
	}
	b := newArticle(fmt.Sprintf("gen-%06d", a), fmt.Sprintf("https://example.org/gen/%d/%06d", g.seed, a),
		fmt.Sprintf("Generated article %d", a), fmt.Sprintf("Source %d", a%7), "2025-12-31", sentences...)
	local := map[int]string{}
	ref := func(i int) string {
		if l, ok := local[i]; ok {
			return l
		}
		l := fmt.Sprintf("e%d", i)
		local[i] = l
		b.entity(l, g.types[i%len(g.types)], actorName(i))
		return l
	}
	for i, sp := range specs {
		rel := graph.Relation{Type: sp.t, Subject: ref(sp.s), Object: ref(sp.o), Date: sp.date, Confidence: sp.confidence}
		if sp.via >= 0 {
			rel.Via = []string{ref(sp.via)}
		}
		if sp.negated {
			rel.Polarity = graph.Negated
		}
		b.rel(i, rel)
	}
	return b.done(), true
}

// GeneratedIDs returns, sorted, the stored ids of the entities
// Generate(seed, entities, relations) names (each actor is its own entity:
// no two share a normalised name). It draws what Generate draws but writes
// no text, so it is cheap for graphs too big to hold.
func GeneratedIDs(seed uint64, entities, relations int) []string {
	g := NewGenerator(seed, entities, relations)
	seen := make([]bool, entities)
	for specs := g.plan(); specs != nil; specs = g.plan() {
		for _, sp := range specs {
			seen[sp.s], seen[sp.o] = true, true
			if sp.via >= 0 {
				seen[sp.via] = true
			}
		}
	}
	var ids []string
	for i, ok := range seen {
		if ok {
			ids = append(ids, graph.EntityID(g.types[i%len(g.types)], actorName(i)))
		}
	}
	slices.Sort(ids)
	return ids
}
