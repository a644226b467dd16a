package neo4jstore_test

import (
	"context"

	"github.com/actorgraph/actorgraph/graph"
)

// The conformance suite reaches the optional interfaces through the view.

func (v *view) Dump(ctx context.Context, fn func(graph.Extraction) error) error {
	defer v.use()()
	return v.s.Dump(ctx, fn)
}

func (v *view) Article(ctx context.Context, key string) (*graph.StoredArticle, error) {
	defer v.use()()
	return v.s.Article(ctx, key)
}

func (v *view) ArticleEntities(ctx context.Context, key string) ([]graph.Entity, error) {
	defer v.use()()
	return v.s.ArticleEntities(ctx, key)
}
