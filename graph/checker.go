package graph

import "context"

// ArticleChecker is an optional interface of a Store: it answers whether an
// article is stored, by its key (see Article.Key), without reading it. A
// feed reader uses it to skip items it has already ingested without
// fetching their pages again; stores without it are still correct, since
// ingesting a stored article again changes nothing.
type ArticleChecker interface {
	HasArticle(ctx context.Context, key string) (bool, error)
}
