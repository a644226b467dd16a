package sqlitestore

import (
	"context"
	"database/sql"

	"github.com/actorgraph/actorgraph/graph"
)

var _ graph.Dumper = (*Store)(nil)

// dumpPage is how many article keys Dump reads at a time.
const dumpPage = 256

// Dump streams the graph as one extraction per article, in key order; see
// graph.Dumper. It reads in one read transaction, so what it streams is one
// snapshot even while others ingest.
func (s *Store) Dump(ctx context.Context, fn func(graph.Extraction) error) error {
	tx, err := s.readTx(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ents, err := tx.PrepareContext(ctx, `SELECT e.id, e.type, e.name, e.aliases, ea.mentions
		FROM entity_articles ea JOIN entities e ON e.id = ea.entity_id WHERE ea.article_key = ? ORDER BY e.id`)
	if err != nil {
		return dbError(err, "cannot dump the graph")
	}
	defer ents.Close()
	evs, err := tx.PrepareContext(ctx, `SELECT ed.type, ed.subject, ed.object, ed.date, ed.polarity,
		ev.text, ev.start_off, ev.end_off, ev.confidence, ev.role, ev.via, ev.attributed_to
		FROM evidence ev JOIN edges ed ON ed.id = ev.edge_id WHERE ev.article_key = ?`)
	if err != nil {
		return dbError(err, "cannot dump the graph")
	}
	defer evs.Close()
	after := ""
	for {
		page, err := articlePage(ctx, tx, after)
		if err != nil {
			return err
		}
		for _, a := range page {
			x, err := dumpArticle(ctx, ents, evs, a)
			if err != nil {
				return err
			}
			if err := fn(x); err != nil {
				return err
			}
		}
		if len(page) < dumpPage {
			return nil
		}
		after = page[len(page)-1].Key
	}
}

func articlePage(ctx context.Context, tx *sql.Tx, after string) ([]graph.StoredArticle, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.key > ? ORDER BY a.key LIMIT ?`, after, dumpPage)
	if err != nil {
		return nil, dbError(err, "cannot dump the graph")
	}
	defer rows.Close()
	var out []graph.StoredArticle
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, dbError(err, "cannot dump the graph")
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot dump the graph")
	}
	return out, nil
}

func dumpArticle(ctx context.Context, ents, evs *sql.Stmt, a graph.StoredArticle) (graph.Extraction, error) {
	x := graph.Extraction{Article: a.Article(), Entities: []graph.Entity{}, Relations: []graph.Relation{}, IDs: map[string]string{}}
	rows, err := ents.QueryContext(ctx, a.Key)
	if err != nil {
		return x, dbError(err, "cannot dump the graph")
	}
	for rows.Next() {
		var e graph.Entity
		var typ, aliases string
		var n int
		if err := rows.Scan(&e.ID, &typ, &e.Name, &aliases, &n); err != nil {
			rows.Close()
			return x, dbError(err, "cannot dump the graph")
		}
		e.Type, e.Aliases, e.Mentions = graph.EntityType(typ), decodeIDs(aliases), graph.DumpMentions(e.Name, n)
		x.Entities = append(x.Entities, e)
		x.IDs[e.ID] = e.ID
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return x, dbError(err, "cannot dump the graph")
	}
	rows, err = evs.QueryContext(ctx, a.Key)
	if err != nil {
		return x, dbError(err, "cannot dump the graph")
	}
	defer rows.Close()
	for rows.Next() {
		var r graph.Relation
		var typ, pol, via, attr string
		if err := rows.Scan(&typ, &r.Subject, &r.Object, &r.Date, &pol, &r.Evidence.Text, &r.Evidence.Start, &r.Evidence.End,
			&r.Confidence, &r.Role, &via, &attr); err != nil {
			return x, dbError(err, "cannot dump the graph")
		}
		r.Type, r.Polarity, r.Via, r.AttributedTo = graph.RelationType(typ), graph.Polarity(pol), decodeIDs(via), decodeIDs(attr)
		x.Relations = append(x.Relations, r)
	}
	if err := rows.Err(); err != nil {
		return x, dbError(err, "cannot dump the graph")
	}
	graph.SortRelations(x.Relations)
	return x, nil
}
