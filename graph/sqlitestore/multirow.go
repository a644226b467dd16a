package sqlitestore

import (
	"database/sql"
	"strings"
)

// maxRows bounds the rows of one multi-row statement, and so its
// parameters (SQLite allows 32766).
const maxRows = 100

// multiRow is a statement written for any number of rows: sql has {rows}
// where row, one row's values, goes as many times as there are rows, and
// cols is how many parameters a row takes.
type multiRow struct {
	sql  string
	row  string
	cols int
}

// multiSQL are ingest's statements that write (or look up) an article's
// entities and relations all at once. Their rows are bound parameters of a
// VALUES list rather than one JSON argument taken apart in SQL: a function
// call (->> included) in a statement writing many rows makes SQLite give
// it a journal of its own, so that an error half-way can undo its first
// rows, and that journal copies every page the statement touches, nearly a
// page a row in a big graph. With plain values and OR FAIL (a constraint
// failure keeps the rows before it) nothing can abort half-way; a
// statement that fails fails its article, whose writes are undone with the
// batch's transaction or the article's savepoint anyway.
var multiSQL = map[string]multiRow{
	"formsLookup": {`WITH q (form, type) AS (VALUES {rows})
		SELECT q.form, e.id, e.type, e.name, e.aliases, e.article_count
		FROM q CROSS JOIN forms f CROSS JOIN entities e
		WHERE f.form = q.form AND f.type = q.type AND e.id = f.entity_id`, `(?, ?)`, 2},
	"mentionsInsert": {`INSERT OR FAIL INTO entity_articles (entity_id, article_key, mentions) VALUES {rows}`, `(?, ?, ?)`, 3},
	// The article is new to the store when this runs (an old version was
	// removed first), so the counts grow by exactly its rows.
	"entityAddCounts": {`UPDATE OR FAIL entities SET article_count = article_count + 1, mention_count = mention_count + q.m
		FROM (SELECT column1 AS id, column2 AS m FROM (VALUES {rows})) AS q WHERE entities.id = q.id`, `(?, ?)`, 2},
	"edgeInsert": {`INSERT OR FAIL INTO edges (id, type, subject, object, date, polarity, role, via, attributed_to, confidence, support)
		VALUES {rows} ON CONFLICT (id) DO NOTHING RETURNING id`, `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`, 10},
	"evidenceInsert": {`INSERT OR FAIL INTO evidence (edge_id, article_key, text, start_off, end_off, confidence, role, via, attributed_to)
		VALUES {rows}`, `(?, ?, ?, ?, ?, ?, ?, ?, ?)`, 9},
}

type multiKey struct {
	name string
	rows int
}

// multiStmt prepares statement name for n rows on first use.
func (w *writer) multiStmt(name string, n int) (*sql.Stmt, error) {
	k := multiKey{name, n}
	if st, ok := w.multi[k]; ok {
		return st, nil
	}
	m := multiSQL[name]
	rows := strings.Repeat(m.row+", ", n)
	st, err := w.tx.PrepareContext(w.ctx, strings.Replace(m.sql, "{rows}", rows[:len(rows)-2], 1))
	if err != nil {
		return nil, dbError(err, "cannot prepare an ingest statement")
	}
	w.multi[k] = st
	return st, nil
}

// multiExec runs statement name over args, the rows' values one row after
// another, maxRows rows at a time.
func (w *writer) multiExec(name string, args []any) error {
	return w.multiEach(name, args, func(st *sql.Stmt, chunk []any) error {
		if _, err := st.ExecContext(w.ctx, chunk...); err != nil {
			return dbError(err, "cannot write the article")
		}
		return nil
	})
}

// multiQuery runs statement name as multiExec does, calling scan for each
// row it returns.
func (w *writer) multiQuery(name string, args []any, scan func(*sql.Rows) error) error {
	return w.multiEach(name, args, func(st *sql.Stmt, chunk []any) error {
		rows, err := st.QueryContext(w.ctx, chunk...)
		if err != nil {
			return dbError(err, "cannot write the article")
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return dbError(err, "cannot write the article")
		}
		return nil
	})
}

// multiEach cuts args into runs of at most maxRows rows of statement name
// and calls run with the statement prepared for each run's row count.
func (w *writer) multiEach(name string, args []any, run func(st *sql.Stmt, chunk []any) error) error {
	cols := multiSQL[name].cols
	for len(args) > 0 {
		n := min(len(args)/cols, maxRows)
		st, err := w.multiStmt(name, n)
		if err != nil {
			return err
		}
		if err := run(st, args[:n*cols]); err != nil {
			return err
		}
		args = args[n*cols:]
	}
	return nil
}
