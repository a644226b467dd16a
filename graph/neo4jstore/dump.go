package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

var _ graph.Dumper = (*Store)(nil)

// dumpPage is how many article keys Dump reads at a time.
const dumpPage = 256

// Dump streams the graph as one extraction per article, in key order; see
// graph.Dumper. Each page of keys and each article is its own read
// transaction, so a long dump holds no transaction open while fn works; an
// article replaced during the dump is given as it is when Dump reaches it.
func (s *Store) Dump(ctx context.Context, fn func(graph.Extraction) error) error {
	after := ""
	for {
		v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			recs, err := collect(ctx, tx, "articles_page", map[string]any{"after": after, "limit": int64(dumpPage)})
			if err != nil {
				return nil, err
			}
			keys := make([]string, len(recs))
			for i, r := range recs {
				a, _ := r.Get("article")
				keys[i] = articleOf(a).Key
			}
			return keys, nil
		})
		if err != nil {
			return s.fail(ctx, err, "cannot dump the graph")
		}
		keys := v.([]string)
		for _, key := range keys {
			x, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return dumpArticle(ctx, tx, key) })
			if graph.ErrorCode(err) == graph.ENOTFOUND {
				continue // deleted since the page was read
			}
			if err != nil {
				return s.fail(ctx, err, "cannot dump the graph")
			}
			if err := fn(*x.(*graph.Extraction)); err != nil {
				return err
			}
		}
		if len(keys) < dumpPage {
			return nil
		}
		after = keys[len(keys)-1]
	}
}

func dumpArticle(ctx context.Context, tx neo4j.ManagedTransaction, key string) (*graph.Extraction, error) {
	recs, err := collect(ctx, tx, "article_read", map[string]any{"key": key})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "no article %q", key)
	}
	raw, _ := recs[0].Get("article")
	x := &graph.Extraction{Article: articleOf(raw).Article(), Entities: []graph.Entity{}, Relations: []graph.Relation{}, IDs: map[string]string{}}
	es, counts, err := articleEntities(ctx, tx, key)
	if err != nil {
		return nil, err
	}
	for i, e := range es {
		x.Entities = append(x.Entities, graph.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases,
			Mentions: graph.DumpMentions(e.Name, counts[i])})
		x.IDs[e.ID] = e.ID
	}
	recs, err = collect(ctx, tx, "article_edges", map[string]any{"key": key})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		v, _ := rec.Get("edge")
		row, err := rowOf(v)
		if err != nil {
			return nil, err
		}
		for _, c := range row.Contribs {
			if c.ArticleKey != key {
				continue
			}
			x.Relations = append(x.Relations, graph.Relation{
				Type: row.Type, Subject: row.Subject, Object: row.Object, Via: c.Via, Date: row.Date,
				Polarity: row.Polarity, Role: c.Role, AttributedTo: c.AttributedTo, Confidence: c.Confidence,
				Evidence: graph.Evidence{Text: c.Text, Start: c.Start, End: c.End},
			})
		}
	}
	graph.SortRelations(x.Relations)
	return x, nil
}
