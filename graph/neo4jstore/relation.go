package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// Relation returns one edge with all its evidence.
func (s *Store) Relation(ctx context.Context, id string) (*graph.Edge, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, "relation_get", map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		ev, _ := recs[0].Get("edge")
		e, err := edgeOf(ev)
		return &e, err
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot read the relation")
	}
	if v == nil {
		return nil, graph.Errorf(graph.ENOTFOUND, "no relation with id %q", id)
	}
	return v.(*graph.Edge), nil
}

// Relations lists edges passing the filter, by id, one page at a time.
func (s *Store) Relations(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	n, err := graph.Limit(q.Limit, graph.DefaultLimit, graph.MaxLimit)
	if err != nil {
		return graph.RelationPage{}, err
	}
	if err := checkPair(q.Filter, q.Entity, q.Other); err != nil {
		return graph.RelationPage{}, err
	}
	if err := graph.ValidEvidence(q.Evidence); err != nil {
		return graph.RelationPage{}, err
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := mustExist(ctx, tx, q.Entity, q.Other); err != nil {
			return nil, err
		}
		name := "relations_list"
		if q.Entity != "" {
			name = "relations_of"
		}
		params := merge(filterParams(q.Filter), map[string]any{
			"entity": q.Entity, "other": q.Other, "after": q.After, "limit": int64(n + 1),
		})
		return edgesOf(ctx, tx, name, params, q.Filter)
	})
	if err != nil {
		return graph.RelationPage{}, s.fail(ctx, err, "cannot list relations")
	}
	es := v.([]graph.Edge)
	page := graph.RelationPage{Relations: es}
	if len(es) > n {
		page.Relations = es[:n]
		page.Next = es[n-1].ID
	}
	for i := range page.Relations {
		graph.EvidenceCap(&page.Relations[i], q.Evidence)
	}
	return page, nil
}

// Timeline lists dated edges passing the filter, oldest first.
func (s *Store) Timeline(ctx context.Context, q graph.TimelineQuery) ([]graph.Edge, error) {
	n, err := graph.Limit(q.Limit, graph.DefaultLimit, graph.MaxLimit)
	if err != nil {
		return nil, err
	}
	if err := checkPair(q.Filter, q.Entity, q.Other); err != nil {
		return nil, err
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := mustExist(ctx, tx, q.Entity, q.Other); err != nil {
			return nil, err
		}
		name := "timeline"
		if q.Entity != "" {
			name = "timeline_of"
		}
		params := merge(filterParams(q.Filter), map[string]any{"entity": q.Entity, "other": q.Other, "limit": int64(n)})
		return edgesOf(ctx, tx, name, params, q.Filter)
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot read the timeline")
	}
	return v.([]graph.Edge), nil
}

// Counts returns the size of the stored graph.
func (s *Store) Counts(ctx context.Context) (graph.Counts, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, "counts", nil)
		if err != nil || len(recs) == 0 {
			return graph.Counts{}, err
		}
		m := recs[0].AsMap()
		return graph.Counts{Entities: num(m["entities"]), Relations: num(m["relations"]), Articles: num(m["articles"])}, nil
	})
	if err != nil {
		return graph.Counts{}, s.fail(ctx, err, "cannot count the graph")
	}
	return v.(graph.Counts), nil
}

func checkPair(f graph.RelationFilter, entity, other string) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if other != "" && entity == "" {
		return graph.Errorf(graph.EINVALID, "other entity %q given without an entity", other)
	}
	return nil
}

// mustExist reports ENOTFOUND for a named entity the store does not have.
func mustExist(ctx context.Context, tx neo4j.ManagedTransaction, ids ...string) error {
	var want []string
	for _, id := range ids {
		if id != "" {
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	recs, err := collect(ctx, tx, "entities_exist", map[string]any{"ids": want})
	if err != nil {
		return err
	}
	got := make(map[string]bool, len(recs))
	for _, r := range recs {
		v, _ := r.Get("id")
		got[str(v)] = true
	}
	for _, id := range want {
		if !got[id] {
			return graph.Errorf(graph.ENOTFOUND, "no entity with id %q", id)
		}
	}
	return nil
}

// edgesOf runs a statement returning edges and keeps those the filter
// passes (all of them, unless the Cypher filter and graph's disagree).
func edgesOf(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any, f graph.RelationFilter) ([]graph.Edge, error) {
	recs, err := collect(ctx, tx, name, params)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Edge, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("edge")
		row, err := rowOf(v)
		if err != nil {
			return nil, err
		}
		e := row.edge()
		if passes(f, e, sourcesOf(row)) {
			out = append(out, e)
		}
	}
	return out, nil
}

func sourcesOf(r *edgeRow) []string {
	out := make([]string, len(r.Contribs))
	for i, c := range r.Contribs {
		out[i] = c.Source
	}
	return out
}

var _ graph.ArticleChecker = (*Store)(nil)

// HasArticle reports whether an article with this key is stored.
func (s *Store) HasArticle(ctx context.Context, key string) (bool, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, "article_get", map[string]any{"key": key})
		return len(recs) > 0, err
	})
	if err != nil {
		return false, s.fail(ctx, err, "cannot look the article up")
	}
	return v.(bool), nil
}
