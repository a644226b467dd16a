package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// entityOf decodes e {.id, .name, .type, .aliases, article_count, mention_count}.
func entityOf(v any) graph.Entity {
	m, _ := v.(map[string]any)
	return graph.Entity{
		ID: str(m["id"]), Name: str(m["name"]), Type: graph.EntityType(str(m["type"])),
		Aliases: strs(m["aliases"]), ArticleCount: num(m["article_count"]), MentionCount: num(m["mention_count"]),
	}
}

// Entity returns one entity with its roles and relation counts.
func (s *Store) Entity(ctx context.Context, id string) (*graph.EntityDetail, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, "entity_get", map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		ev, _ := recs[0].Get("entity")
		d := &graph.EntityDetail{Entity: entityOf(ev), Roles: []graph.Role{}, RelationCounts: map[graph.RelationType]int{}}
		recs, err = collect(ctx, tx, "entity_roles", map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			m := r.AsMap()
			d.Roles = append(d.Roles, graph.Role{Title: str(m["title"]), Of: str(m["of"]), OfName: str(m["of_name"]), Relation: str(m["relation"])})
		}
		recs, err = collect(ctx, tx, "entity_relation_counts", map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			m := r.AsMap()
			d.RelationCounts[graph.RelationType(str(m["type"]))] = num(m["n"])
		}
		return d, nil
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot read the entity")
	}
	if v == nil {
		return nil, graph.Errorf(graph.ENOTFOUND, "no entity with id %q", id)
	}
	return v.(*graph.EntityDetail), nil
}

// FindEntities searches names and aliases through the forms index.
func (s *Store) FindEntities(ctx context.Context, f graph.EntityFilter) ([]graph.Entity, error) {
	n, err := graph.Limit(f.Limit, graph.DefaultLimit, graph.MaxLimit)
	if err != nil {
		return nil, err
	}
	types := []string{}
	for _, t := range f.Types {
		if !t.Valid() {
			return nil, graph.Errorf(graph.EINVALID, "unknown entity type %q", t)
		}
		types = append(types, string(t))
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, "entities_find", map[string]any{
			"query": graph.NormalizeName(f.Query), "types": types, "limit": int64(n),
		})
		if err != nil {
			return nil, err
		}
		out := make([]graph.Entity, 0, len(recs))
		for _, r := range recs {
			e, _ := r.Get("entity")
			out = append(out, entityOf(e))
		}
		return out, nil
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot search entities")
	}
	return v.([]graph.Entity), nil
}

var _ graph.EntityBatchReader = (*Store)(nil)

// Entities returns the stored entities among ids, by id, in one statement.
func (s *Store) Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return entities(ctx, tx, ids)
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot read entities")
	}
	return v.(map[string]graph.Entity), nil
}

// entities reads entities by id, with their counts, keyed by id.
func entities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]graph.Entity, error) {
	recs, err := collect(ctx, tx, "entities_by_id", map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string]graph.Entity, len(recs))
	for _, r := range recs {
		v, _ := r.Get("entity")
		e := entityOf(v)
		out[e.ID] = e
	}
	return out, nil
}
