package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"

	"github.com/actorgraph/actorgraph/graph"
)

const entityColumns = `e.id, e.type, e.name, e.aliases, e.mention_count, e.article_count`

type scanner interface{ Scan(dest ...any) error }

func scanEntity(r scanner, extra ...any) (graph.Entity, error) {
	var e graph.Entity
	var typ, aliases string
	dest := append([]any{&e.ID, &typ, &e.Name, &aliases, &e.MentionCount, &e.ArticleCount}, extra...)
	if err := r.Scan(dest...); err != nil {
		return e, err
	}
	e.Type = graph.EntityType(typ)
	e.Aliases = decodeIDs(aliases)
	return e, nil
}

// entity reads one entity, ENOTFOUND when there is none.
func (s *Store) entity(ctx context.Context, tx *sql.Tx, id string) (graph.Entity, error) {
	e, err := scanEntity(s.queryRow(ctx, tx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = ?`, id))
	if err == sql.ErrNoRows {
		return e, graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
	}
	if err != nil {
		return e, dbError(err, "cannot read an entity")
	}
	return e, nil
}

// entities reads the entities among ids in one query, by id; ids not
// stored are left out.
func (s *Store) entities(ctx context.Context, q querier, ids []string) (map[string]graph.Entity, error) {
	out := make(map[string]graph.Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, graph.Wrap(graph.EINTERNAL, err, "cannot read entities")
	}
	rows, err := q.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, dbError(err, "cannot read entities")
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, dbError(err, "cannot read entities")
		}
		out[e.ID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read entities")
	}
	return out, nil
}

var _ graph.EntityBatchReader = (*Store)(nil)

// Entities returns the stored entities among ids, by id, from the name
// index.
func (s *Store) Entities(ctx context.Context, ids []string) (map[string]graph.Entity, error) {
	nm, err := s.names(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]graph.Entity, len(ids))
	for _, id := range ids {
		if i, ok := nm.pos[id]; ok {
			out[id] = nm.ents[i]
		}
	}
	return out, nil
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Entity returns one entity with its roles and relation counts.
func (s *Store) Entity(ctx context.Context, id string) (*graph.EntityDetail, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	defer tx.Rollback()
	e, err := s.entity(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	d := &graph.EntityDetail{Entity: e, Roles: []graph.Role{}, RelationCounts: map[graph.RelationType]int{}}

	rows, err := s.query(ctx, tx, `SELECT ed.id, ed.role, ed.object, o.name FROM edges ed JOIN entities o ON o.id = ed.object
		WHERE ed.subject = ? AND ed.type = ? AND ed.polarity = ?`, id, string(graph.HoldsRole), string(graph.Asserted))
	if err != nil {
		return nil, dbError(err, "cannot read roles")
	}
	for rows.Next() {
		var r graph.Role
		if err := rows.Scan(&r.Relation, &r.Title, &r.Of, &r.OfName); err != nil {
			rows.Close()
			return nil, dbError(err, "cannot read roles")
		}
		d.Roles = append(d.Roles, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read roles")
	}
	sort.Slice(d.Roles, func(i, j int) bool {
		a, b := d.Roles[i], d.Roles[j]
		if a.Of != b.Of {
			return a.Of < b.Of
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Relation < b.Relation
	})

	rows, err = s.query(ctx, tx, `SELECT type, COUNT(*) FROM edges
		WHERE (subject = ?1 OR object = ?1) AND polarity = ?2 GROUP BY type`, id, string(graph.Asserted))
	if err != nil {
		return nil, dbError(err, "cannot count relations")
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, dbError(err, "cannot count relations")
		}
		d.RelationCounts[graph.RelationType(t)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot count relations")
	}
	return d, nil
}

// FindEntities searches names and aliases: exact form, then prefix, then
// substring; within a rank by mentions, then id. It reads the name index
// (names.go): a substring is looked up by its three-byte pieces rather
// than by scanning every form.
func (s *Store) FindEntities(ctx context.Context, f graph.EntityFilter) ([]graph.Entity, error) {
	n, err := graph.Limit(f.Limit, graph.DefaultLimit, graph.MaxLimit)
	if err != nil {
		return nil, err
	}
	for _, t := range f.Types {
		if !t.Valid() {
			return nil, graph.Errorf(graph.EINVALID, "unknown entity type %q", t)
		}
	}
	nm, err := s.names(ctx)
	if err != nil {
		return nil, err
	}
	return nm.find(graph.NormalizeName(f.Query), f.Types, n), nil
}
