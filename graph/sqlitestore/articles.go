package sqlitestore

import (
	"context"
	"database/sql"

	"github.com/actorgraph/actorgraph/graph"
)

var _ graph.ArticleReader = (*Store)(nil)

const articleColumns = `a.key, a.id, a.url, a.title, a.source, a.published, a.hash,
	a.author, a.platform, a.forwarded_from, a.views`

func scanArticle(r scanner) (graph.StoredArticle, error) {
	var a graph.StoredArticle
	err := r.Scan(&a.Key, &a.ID, &a.URL, &a.Title, &a.Source, &a.Published, &a.Hash,
		&a.Author, &a.Platform, &a.ForwardedFrom, &a.Views)
	return a, err
}

// Article returns one stored article's metadata and provenance, with the
// stored outlet its source names as Publisher.
func (s *Store) Article(ctx context.Context, key string) (*graph.StoredArticle, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.key = ?`, key))
	if err == sql.ErrNoRows {
		return nil, graph.Errorf(graph.ENOTFOUND, "no article %q", key)
	}
	if err != nil {
		return nil, dbError(err, "cannot read an article")
	}
	if a.Publisher, err = publisher(ctx, tx, a.Source); err != nil {
		return nil, err
	}
	return &a, nil
}

// publisher finds the stored MEDIA entity a source name is, as resolution
// would find it for an extracted outlet of that name.
func publisher(ctx context.Context, q querier, source string) (string, error) {
	in := graph.Entity{Type: graph.Media, Name: source}
	form := graph.NormalizeName(source)
	if form == "" {
		return "", nil
	}
	rows, err := q.QueryContext(ctx, `SELECT `+entityColumns+` FROM forms f JOIN entities e ON e.id = f.entity_id
		WHERE f.form = ? AND f.type = ?`, form, string(graph.Media))
	if err != nil {
		return "", dbError(err, "cannot read entities")
	}
	defer rows.Close()
	var cands []graph.Entity
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return "", dbError(err, "cannot read entities")
		}
		cands = append(cands, e)
	}
	if err := rows.Err(); err != nil {
		return "", dbError(err, "cannot read entities")
	}
	m, ok := graph.MatchEntity(in, cands)
	if !ok {
		return "", nil
	}
	return m.ID, nil
}

// ArticleEntities returns the stored entities an article refers to, by id.
func (s *Store) ArticleEntities(ctx context.Context, key string) ([]graph.Entity, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var one int
	switch err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE key = ?`, key).Scan(&one); {
	case err == sql.ErrNoRows:
		return nil, graph.Errorf(graph.ENOTFOUND, "no article %q", key)
	case err != nil:
		return nil, dbError(err, "cannot read an article")
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+entityColumns+` FROM entity_articles ea JOIN entities e ON e.id = ea.entity_id
		WHERE ea.article_key = ? ORDER BY e.id`, key)
	if err != nil {
		return nil, dbError(err, "cannot read entities")
	}
	defer rows.Close()
	out := []graph.Entity{}
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, dbError(err, "cannot read entities")
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read entities")
	}
	return out, nil
}
