package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

const edgeColumns = `ed.id, ed.type, ed.subject, ed.object, ed.date, ed.polarity, ed.role, ed.via, ed.attributed_to, ed.confidence, ed.support`

func scanEdge(r scanner) (graph.Edge, error) {
	var e graph.Edge
	var typ, pol, via, attr string
	if err := r.Scan(&e.ID, &typ, &e.Subject, &e.Object, &e.Date, &pol, &e.Role, &via, &attr, &e.Confidence, &e.Support); err != nil {
		return e, err
	}
	e.Type, e.Polarity = graph.RelationType(typ), graph.Polarity(pol)
	e.Via, e.AttributedTo = decodeIDs(via), decodeIDs(attr)
	e.Evidence = []graph.Evidence{}
	return e, nil
}

// fillEvidence reads the evidence of the edges, in evidence order, bounded
// as graph.EvidenceCap says: n = 0 reads all of it, n > 0 the first n per
// edge (and their totals) and graph.NoEvidence none (only the totals).
// Edges read before in this generation of the store come from the
// evidence cache (evcache.go); the others take one query in all, since an
// answer of many edges must not cost a query each. tx may be nil: one
// query needs no transaction.
func (s *Store) fillEvidence(ctx context.Context, tx *sql.Tx, es []graph.Edge, n int) error {
	if len(es) == 0 {
		return nil
	}
	gen := s.generation()
	at := make(map[string][]int, len(es))
	var ids []string
	for i := range es {
		es[i].Evidence = []graph.Evidence{}
		if _, ok := at[es[i].ID]; !ok {
			if e, ok := s.evCache.get(gen, evKey{es[i].ID, n}); ok {
				setEvidence(&es[i], e)
				continue
			}
			ids = append(ids, es[i].ID)
		}
		at[es[i].ID] = append(at[es[i].ID], i)
	}
	if len(ids) == 0 {
		return nil
	}
	read, err := s.readEvidence(ctx, tx, ids, n)
	if err != nil {
		return err
	}
	for id, is := range at {
		for _, i := range is {
			setEvidence(&es[i], read[evKey{id, n}])
		}
	}
	s.evCache.put(gen, s.generation, read)
	return nil
}

// setEvidence sets what fillEvidence read for an edge on e, in a slice of
// its own.
func setEvidence(e *graph.Edge, r evEntry) {
	e.Evidence = append([]graph.Evidence{}, r.evs...)
	if r.found {
		e.EvidenceTotal = r.total
	}
}

// Evidence queries: all of it, up to ?2 per edge, or the count only.
const (
	evCols   = `ev.article_key, a.id, a.url, a.title, a.published, ev.text, ev.start_off, ev.end_off`
	evAllSQL = `SELECT ev.edge_id, 0, ` + evCols + ` FROM evidence ev JOIN articles a ON a.key = ev.article_key
		WHERE ev.edge_id IN (SELECT value FROM json_each(?1))
		ORDER BY ev.edge_id, ev.article_key, ev.start_off, ev.end_off, ev.text`
	// Per edge, the rows up to its n-th in index order (article, start),
	// ties included, with its total: the cut and the count come from the
	// index alone, and the range then reads a few rows rather than all of
	// an edge's sentences. The ties are cut in readEvidence, once sorted
	// whole.
	evCutSQL = `WITH cut AS MATERIALIZED (SELECT j.value AS id,
			coalesce((SELECT e2.article_key FROM evidence e2 WHERE e2.edge_id = j.value
				ORDER BY e2.article_key, e2.start_off LIMIT 1 OFFSET ?2 - 1), char(1114111)) AS k,
			coalesce((SELECT e2.start_off FROM evidence e2 WHERE e2.edge_id = j.value
				ORDER BY e2.article_key, e2.start_off LIMIT 1 OFFSET ?2 - 1), 9223372036854775807) AS s,
			(SELECT count(*) FROM evidence e2 WHERE e2.edge_id = j.value) AS total
			FROM json_each(?1) j)
		SELECT ev.edge_id, cut.total, ` + evCols + ` FROM cut
		JOIN evidence ev ON ev.edge_id = cut.id AND (ev.article_key, ev.start_off) <= (cut.k, cut.s)
		JOIN articles a ON a.key = ev.article_key
		ORDER BY ev.edge_id, ev.article_key, ev.start_off, ev.end_off, ev.text`
	evCountSQL = `SELECT edge_id, COUNT(*) FROM evidence
		WHERE edge_id IN (SELECT value FROM json_each(?)) GROUP BY edge_id`
)

// readEvidence reads the evidence of the edges ids in one query: an entry
// for each id, found set where the query returned rows for it.
func (s *Store) readEvidence(ctx context.Context, tx *sql.Tx, ids []string, n int) (map[evKey]evEntry, error) {
	out := make(map[evKey]evEntry, len(ids))
	for _, id := range ids {
		out[evKey{id, n}] = evEntry{}
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, graph.Wrap(graph.EINTERNAL, err, "cannot read evidence")
	}
	if n < 0 {
		rows, err := s.query(ctx, tx, evCountSQL, string(list))
		if err != nil {
			return nil, dbError(err, "cannot count evidence")
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var total int
			if err := rows.Scan(&id, &total); err != nil {
				return nil, dbError(err, "cannot count evidence")
			}
			out[evKey{id, n}] = evEntry{total: total, found: true}
		}
		if err := rows.Err(); err != nil {
			return nil, dbError(err, "cannot count evidence")
		}
		return out, nil
	}
	query, args := evAllSQL, []any{string(list)}
	if n > 0 {
		query, args = evCutSQL, append(args, n)
	}
	rows, err := s.query(ctx, tx, query, args...)
	if err != nil {
		return nil, dbError(err, "cannot read evidence")
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var total int
		var ev graph.Evidence
		if err := rows.Scan(&id, &total, &ev.ArticleKey, &ev.ArticleID, &ev.ArticleURL, &ev.ArticleTitle, &ev.Published,
			&ev.Text, &ev.Start, &ev.End); err != nil {
			return nil, dbError(err, "cannot read evidence")
		}
		k := evKey{id, n}
		e := out[k]
		if n > 0 {
			e.total, e.found = total, true
			if len(e.evs) == n {
				out[k] = e
				continue
			}
		}
		e.evs = append(e.evs, ev)
		out[k] = e
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot read evidence")
	}
	return out, nil
}

func (s *Store) readTx(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, dbError(err, "cannot read the graph")
	}
	return tx, nil
}

// Relation returns one edge with all its evidence.
func (s *Store) Relation(ctx context.Context, id string) (*graph.Edge, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	e, err := scanEdge(s.queryRow(ctx, tx, `SELECT `+edgeColumns+` FROM edges ed WHERE ed.id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, graph.Errorf(graph.ENOTFOUND, "no relation %q", id)
	}
	if err != nil {
		return nil, dbError(err, "cannot read a relation")
	}
	es := []graph.Edge{e}
	if err := s.fillEvidence(ctx, tx, es, 0); err != nil {
		return nil, err
	}
	return &es[0], nil
}

// filterSQL is the part of f a query can check; Match checks the rest, and
// exactly, on what the query returns.
func filterSQL(f graph.RelationFilter) (string, []any) {
	var conds []string
	var args []any
	in := func(col string, ts []graph.RelationType, not bool) {
		marks := make([]string, len(ts))
		for i, t := range ts {
			marks[i] = "?"
			args = append(args, string(t))
		}
		op := " IN ("
		if not {
			op = " NOT IN ("
		}
		conds = append(conds, col+op+strings.Join(marks, ",")+")")
	}
	if len(f.Types) > 0 {
		in("ed.type", f.Types, false)
	}
	if len(f.ExcludeTypes) > 0 {
		in("ed.type", f.ExcludeTypes, true)
	}
	if f.NoStructural {
		in("ed.type", []graph.RelationType{graph.HoldsRole, graph.MemberOf, graph.AffiliatedWith}, true)
	}
	if !f.IncludeNegated {
		conds = append(conds, "ed.polarity <> ?")
		args = append(args, string(graph.Negated))
	}
	if f.MinConfidence > 0 {
		conds = append(conds, "ed.confidence >= ?")
		args = append(args, f.MinConfidence)
	}
	if f.MinSupport > 0 {
		conds = append(conds, "ed.support >= ?")
		args = append(args, f.MinSupport)
	}
	if f.FromDate != "" || f.ToDate != "" {
		conds = append(conds, "ed.date <> ''")
	}
	// graph.DateBefore in SQL: compare the common prefix. The plain range
	// before each is implied by it and lets the date index help.
	if f.FromDate != "" {
		// Dates from FromDate on, and the coarser dates that cover it.
		year, month := f.FromDate[:4], f.FromDate
		if len(month) > 7 {
			month = month[:7]
		}
		conds = append(conds, "(ed.date >= ? OR ed.date IN (?, ?))",
			"substr(ed.date, 1, min(length(ed.date), ?)) >= substr(?, 1, min(length(ed.date), ?))")
		args = append(args, f.FromDate, year, month, len(f.FromDate), f.FromDate, len(f.FromDate))
	}
	if f.ToDate != "" {
		conds = append(conds, "ed.date < ?",
			"substr(?, 1, min(length(ed.date), ?)) >= substr(ed.date, 1, min(length(ed.date), ?))")
		args = append(args, f.ToDate+"~", f.ToDate, len(f.ToDate), len(f.ToDate))
	}
	if f.Source != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM evidence ev JOIN articles a ON a.key = ev.article_key
			WHERE ev.edge_id = ed.id AND a.source_norm = ?)`)
		args = append(args, graph.NormalizeName(f.Source))
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// endsSQL keeps edges touching entity, or between entity and other.
func endsSQL(entity, other string) (string, []any) {
	switch {
	case entity == "":
		return "1", nil
	case other == "":
		return "(ed.subject = ? OR ed.object = ?)", []any{entity, entity}
	}
	return "((ed.subject = ? AND ed.object = ?) OR (ed.subject = ? AND ed.object = ?))", []any{entity, other, other, entity}
}

// checkEnds validates Entity and Other of a listing, from the name index:
// before any transaction, since an in-memory database has one connection,
// which the name index may need to build.
func (s *Store) checkEnds(ctx context.Context, entity, other string) error {
	if other != "" && entity == "" {
		return graph.Errorf(graph.EINVALID, "other entity %q given without an entity", other)
	}
	var ids []string
	for _, id := range []string{entity, other} {
		if id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := s.Entities(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, ok := found[id]; !ok {
			return graph.Errorf(graph.ENOTFOUND, "no entity %q", id)
		}
	}
	return nil
}

// scanEdges reads edges from a query in its order, keeps those Match
// accepts and stops after n.
func (s *Store) scanEdges(ctx context.Context, tx *sql.Tx, f graph.RelationFilter, n int, query string, args ...any) ([]graph.Edge, error) {
	rows, err := s.query(ctx, tx, query, args...)
	if err != nil {
		return nil, dbError(err, "cannot list relations")
	}
	defer rows.Close()
	out := []graph.Edge{}
	for len(out) < n && rows.Next() {
		e, err := scanEdge(rows)
		if err != nil {
			return nil, dbError(err, "cannot list relations")
		}
		if f.Match(e) {
			out = append(out, e)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, "cannot list relations")
	}
	return out, nil
}

// Relations lists edges matching the query, by id, one page at a time.
func (s *Store) Relations(ctx context.Context, q graph.RelationQuery) (graph.RelationPage, error) {
	page := graph.RelationPage{Relations: []graph.Edge{}}
	if err := q.Filter.Validate(); err != nil {
		return page, err
	}
	if err := graph.ValidEvidence(q.Evidence); err != nil {
		return page, err
	}
	n, err := graph.Limit(q.Limit, graph.DefaultLimit, graph.MaxLimit)
	if err != nil {
		return page, err
	}
	if err := s.checkEnds(ctx, q.Entity, q.Other); err != nil {
		return page, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return page, err
	}
	defer tx.Rollback()
	fc, fargs := filterSQL(q.Filter)
	ec, eargs := endsSQL(q.Entity, q.Other)
	args := append(append([]any{q.After}, eargs...), fargs...)
	es, err := s.scanEdges(ctx, tx, q.Filter, n+1,
		`SELECT `+edgeColumns+` FROM edges ed WHERE ed.id > ? AND `+ec+` AND `+fc+` ORDER BY ed.id`, args...)
	if err != nil {
		return page, err
	}
	if len(es) > n {
		es = es[:n]
		page.Next = es[n-1].ID
	}
	if err := s.fillEvidence(ctx, tx, es, q.Evidence); err != nil {
		return page, err
	}
	page.Relations = es
	return page, nil
}

// Timeline lists dated edges matching the query, oldest first.
func (s *Store) Timeline(ctx context.Context, q graph.TimelineQuery) ([]graph.Edge, error) {
	if err := q.Filter.Validate(); err != nil {
		return nil, err
	}
	n, err := graph.Limit(q.Limit, graph.DefaultLimit, graph.MaxLimit)
	if err != nil {
		return nil, err
	}
	if err := s.checkEnds(ctx, q.Entity, q.Other); err != nil {
		return nil, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	fc, fargs := filterSQL(q.Filter)
	ec, eargs := endsSQL(q.Entity, q.Other)
	es, err := s.scanEdges(ctx, tx, q.Filter, n,
		`SELECT `+edgeColumns+` FROM edges ed WHERE ed.date <> '' AND `+ec+` AND `+fc+` ORDER BY ed.date, ed.id`,
		append(eargs, fargs...)...)
	if err != nil {
		return nil, err
	}
	if err := s.fillEvidence(ctx, tx, es, 0); err != nil {
		return nil, err
	}
	return es, nil
}
