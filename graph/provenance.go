package graph

import "context"

// ArticleReader is an optional interface of a Store: it answers "who
// reported this?" for the articles an edge's evidence names. Article gives
// an article's metadata and provenance (source, author, platform, the
// channel a message was forwarded from, and the stored outlet its source
// names, StoredArticle.Publisher); ArticleEntities the stored entities its
// extraction resolved to.
type ArticleReader interface {
	// Article returns one stored article by key (see Article.Key), or
	// ENOTFOUND.
	Article(ctx context.Context, key string) (*StoredArticle, error)
	// ArticleEntities returns the stored entities an article refers to,
	// ordered by id, with store-wide counts as FindEntities gives them;
	// ENOTFOUND for an unknown article.
	ArticleEntities(ctx context.Context, key string) ([]Entity, error)
}
