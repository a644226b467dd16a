package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

var _ graph.ArticleReader = (*Store)(nil)

// articleOf decodes a {.*} of an :Article node.
func articleOf(v any) graph.StoredArticle {
	m, _ := v.(map[string]any)
	return graph.StoredArticle{
		Key: str(m["key"]), ID: str(m["id"]), URL: str(m["url"]), Title: str(m["title"]),
		Source: str(m["source"]), Published: str(m["published"]), Hash: str(m["hash"]),
		Author: str(m["author"]), Platform: str(m["platform"]), ForwardedFrom: str(m["forwarded_from"]),
		Views: num(m["views"]),
	}
}

// articleProps are the properties article_upsert sets from an article,
// provenance included, so every store keeps the same metadata.
func articleProps(a graph.Article, key, id, hash string) map[string]any {
	return map[string]any{
		"key": key, "id": id, "url": a.URL, "title": a.Title, "source": a.Source,
		"published": a.Published, "hash": hash, "author": a.Author, "platform": a.Platform,
		"forwarded_from": a.ForwardedFrom, "views": int64(a.Views),
	}
}

// Article returns one stored article's metadata and provenance, with the
// stored outlet its source names as Publisher.
func (s *Store) Article(ctx context.Context, key string) (*graph.StoredArticle, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, "article_read", map[string]any{"key": key})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, graph.Errorf(graph.ENOTFOUND, "no article %q", key)
		}
		raw, _ := recs[0].Get("article")
		a := articleOf(raw)
		if a.Publisher, err = publisher(ctx, tx, a.Source); err != nil {
			return nil, err
		}
		return &a, nil
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot read an article")
	}
	return v.(*graph.StoredArticle), nil
}

// publisher finds the stored MEDIA entity a source name is, as resolution
// would find it for an extracted outlet of that name.
func publisher(ctx context.Context, tx neo4j.ManagedTransaction, source string) (string, error) {
	form := graph.NormalizeName(source)
	if form == "" {
		return "", nil
	}
	recs, err := collect(ctx, tx, "entity_candidates", map[string]any{"forms": []string{form}})
	if err != nil {
		return "", err
	}
	var cands []graph.Entity
	for _, r := range recs {
		v, _ := r.Get("entity")
		if e := entityOf(v); e.Type == graph.Media {
			cands = append(cands, e)
		}
	}
	m, ok := graph.MatchEntity(graph.Entity{Type: graph.Media, Name: source}, cands)
	if !ok {
		return "", nil
	}
	return m.ID, nil
}

// ArticleEntities returns the stored entities an article refers to, by id.
func (s *Store) ArticleEntities(ctx context.Context, key string) ([]graph.Entity, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		es, _, err := articleEntities(ctx, tx, key)
		return es, err
	})
	if err != nil {
		return nil, s.fail(ctx, err, "cannot read an article's entities")
	}
	return v.([]graph.Entity), nil
}

// articleEntities reads an article's entities and how often it names each;
// ENOTFOUND for an unknown article.
func articleEntities(ctx context.Context, tx neo4j.ManagedTransaction, key string) ([]graph.Entity, []int, error) {
	recs, err := collect(ctx, tx, "article_read", map[string]any{"key": key})
	if err != nil {
		return nil, nil, err
	}
	if len(recs) == 0 {
		return nil, nil, graph.Errorf(graph.ENOTFOUND, "no article %q", key)
	}
	recs, err = collect(ctx, tx, "article_entities", map[string]any{"key": key})
	if err != nil {
		return nil, nil, err
	}
	es, counts := make([]graph.Entity, 0, len(recs)), make([]int, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("entity")
		c, _ := r.Get("count")
		es = append(es, entityOf(v))
		counts = append(counts, num(c))
	}
	return es, counts, nil
}
