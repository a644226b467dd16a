package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// pin reads the stored entities an extraction pins its entities to
// (graph.Extraction.IDs), so resolvePinned can fold into them.
func (r *resolver) pin(ctx context.Context, tx neo4j.ManagedTransaction, pins map[string]string) error {
	if len(pins) == 0 {
		return nil
	}
	set := map[string]bool{}
	for _, id := range pins {
		set[id] = true
	}
	found, err := entities(ctx, tx, sortedKeys(set))
	if err != nil {
		return err
	}
	for _, id := range sortedKeys(set) {
		if e, ok := found[id]; ok && r.known[id] == nil {
			r.add(&e)
		}
	}
	return nil
}

// resolvePinned resolves e as resolve does, unless it is pinned: then it is
// the entity with the pinned id, known (stored, or created earlier in the
// article) or created now with that id.
func (r *resolver) resolvePinned(e graph.Entity, pin string) string {
	if pin == "" {
		return r.resolve(e)
	}
	if m := r.known[pin]; m != nil {
		merged := graph.MergeEntity(*m, e)
		merged.ArticleCount = m.ArticleCount
		if merged.Name != m.Name || !sameStrings(merged.Aliases, m.Aliases) {
			r.changed[m.ID] = true
		}
		r.add(&merged)
		return pin
	}
	fresh := graph.MergeEntity(graph.Entity{ID: pin, Name: e.Name, Type: e.Type, Aliases: []string{}}, e)
	fresh.ArticleCount = 0
	r.created[pin] = true
	r.add(&fresh)
	return pin
}
