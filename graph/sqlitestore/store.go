package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/actorgraph/actorgraph/graph"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ graph.Store = (*Store)(nil)

// schemaVersion is the version of the schema this code writes. A database
// with a newer version is refused rather than misread.
// Version 2 added the articles' provenance columns (author, platform,
// forwarded_from, views); migrate adds them to a version 1 database.
// Version 3 keys entity_articles by article first (entityArticlesTable);
// migrate rebuilds the table of an older database.
const schemaVersion = 3

// entityArticlesTable creates the entity_articles table under a name.
// Keyed by article then entity, an article's rows are appended together at
// the end of the table in a bulk load; keyed by entity first (versions 1
// and 2), with an index by article beside it, every row landed on a random
// page of a table as big as the edges, and its index was as big again. No
// query needs the rows by entity: an entity's counts are kept on it.
const entityArticlesTable = `CREATE TABLE IF NOT EXISTS %s (
		entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
		article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
		mentions    INTEGER NOT NULL,
		PRIMARY KEY (article_key, entity_id)
	) WITHOUT ROWID`

var schema = []string{
	`CREATE TABLE IF NOT EXISTS articles (
		key         TEXT PRIMARY KEY,
		id          TEXT NOT NULL,
		url         TEXT NOT NULL,
		title       TEXT NOT NULL,
		source      TEXT NOT NULL,
		source_norm TEXT NOT NULL,
		published   TEXT NOT NULL,
		hash        TEXT NOT NULL,
		author         TEXT NOT NULL DEFAULT '',
		platform       TEXT NOT NULL DEFAULT '',
		forwarded_from TEXT NOT NULL DEFAULT '',
		views          INTEGER NOT NULL DEFAULT 0
	)`,
	`CREATE TABLE IF NOT EXISTS entities (
		id            TEXT PRIMARY KEY,
		type          TEXT NOT NULL,
		name          TEXT NOT NULL,
		aliases       TEXT NOT NULL,
		mention_count INTEGER NOT NULL DEFAULT 0,
		article_count INTEGER NOT NULL DEFAULT 0
	)`,
	`CREATE INDEX IF NOT EXISTS entities_mentions ON entities(mention_count DESC, id)`,
	`CREATE TABLE IF NOT EXISTS forms (
		form      TEXT NOT NULL,
		type      TEXT NOT NULL,
		entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
		PRIMARY KEY (form, type, entity_id)
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS forms_entity ON forms(entity_id)`,
	fmt.Sprintf(entityArticlesTable, "entity_articles"),
	`CREATE TABLE IF NOT EXISTS edges (
		id            TEXT PRIMARY KEY,
		type          TEXT NOT NULL,
		subject       TEXT NOT NULL REFERENCES entities(id),
		object        TEXT NOT NULL REFERENCES entities(id),
		date          TEXT NOT NULL,
		polarity      TEXT NOT NULL,
		role          TEXT NOT NULL,
		via           TEXT NOT NULL,
		attributed_to TEXT NOT NULL,
		confidence    REAL NOT NULL,
		support       INTEGER NOT NULL
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS edges_subject ON edges(subject)`,
	`CREATE INDEX IF NOT EXISTS edges_object ON edges(object)`,
	`CREATE INDEX IF NOT EXISTS edges_date ON edges(date, id)`,
	`CREATE TABLE IF NOT EXISTS evidence (
		edge_id       TEXT NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
		article_key   TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
		text          TEXT NOT NULL,
		start_off     INTEGER NOT NULL,
		end_off       INTEGER NOT NULL,
		confidence    REAL NOT NULL,
		role          TEXT NOT NULL,
		via           TEXT NOT NULL,
		attributed_to TEXT NOT NULL
	)`,
	`CREATE INDEX IF NOT EXISTS evidence_edge ON evidence(edge_id, article_key, start_off)`,
	`CREATE INDEX IF NOT EXISTS evidence_article ON evidence(article_key)`,
}

// maxIdleConns bounds the connections kept open between queries: enough
// for the concurrent readers of a loaded server.
const maxIdleConns = 64

// Store is a graph.Store in one SQLite database file.
type Store struct {
	db *sql.DB

	// writeMu serialises Ingest calls: SQLite has one writer at a time and
	// resolution must see the previous call's entities.
	writeMu sync.Mutex

	mu  sync.Mutex // guards idx and gen
	idx *index     // adjacency for path queries; nil until needed
	gen uint64     // bumped by every ingest, so a stale index is not kept
	// building is held while the index is built, so that concurrent first
	// queries wait for one build instead of each building their own (32
	// at once on a large graph ran the server out of time and memory).
	building sync.Mutex

	// nm is the name index (names.go), current while nmGen is gen;
	// nmBuilding is held while one is built.
	nm         *names
	nmGen      uint64
	nmBuilding sync.Mutex

	stmts   stmts   // read queries kept prepared (stmts.go)
	evCache evCache // evidence read, by edge (evcache.go)
}

// Open opens or creates the database at path (":memory:" for a private
// in-memory one) and makes sure its schema is in place.
func Open(ctx context.Context, path string) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, graph.Errorf(graph.EINVALID, "no database path given")
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Savepoints journal to temp storage; keep it in memory, with a
	// page cache big enough for a few hundred thousand edges.
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Add("_pragma", "cache_size(-65536)")
	memory := path == ":memory:"
	if !memory {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	db, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "cannot open the graph database")
	}
	if memory {
		// Every connection would get its own empty database.
		db.SetMaxOpenConns(1)
	} else {
		// Keep the connections of a busy server open: database/sql keeps
		// two idle by default, so under load every other query opened a
		// connection (schema read, pragmas) and started with a cold page
		// cache, then closed it.
		db.SetMaxIdleConns(maxIdleConns)
	}
	s := &Store{db: db}
	s.stmts.oneConn = memory
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "cannot open the graph database")
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "cannot open the graph database")
	}
	var v int
	switch err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); {
	case err == sql.ErrNoRows:
		v = 0
	case err != nil:
		return graph.Wrap(graph.EINTERNAL, err, "cannot read the schema version")
	}
	if v > schemaVersion {
		return graph.Errorf(graph.EINTERNAL, "the database has schema version %d; this build knows up to %d", v, schemaVersion)
	}
	for _, stmt := range schema {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot create the schema")
		}
	}
	if v == 1 {
		if err := addProvenance(ctx, tx); err != nil {
			return err
		}
	}
	if v == 1 || v == 2 {
		if err := rekeyEntityArticles(ctx, tx); err != nil {
			return err
		}
	}
	switch {
	case v == 0:
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, schemaVersion); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot record the schema version")
		}
	case v < schemaVersion:
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, schemaVersion); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot record the schema version")
		}
	}
	if err := tx.Commit(); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "cannot create the schema")
	}
	return nil
}

// provenanceColumns are the articles columns schema version 2 added.
var provenanceColumns = []struct{ name, decl string }{
	{"author", `TEXT NOT NULL DEFAULT ''`},
	{"platform", `TEXT NOT NULL DEFAULT ''`},
	{"forwarded_from", `TEXT NOT NULL DEFAULT ''`},
	{"views", `INTEGER NOT NULL DEFAULT 0`},
}

// addProvenance brings a version 1 articles table to version 2, adding only
// the columns it lacks, so a migration interrupted half-way (or run by two
// processes) is finished rather than failed.
func addProvenance(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info('articles')`)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "cannot read the articles table")
	}
	have := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return graph.Wrap(graph.EINTERNAL, err, "cannot read the articles table")
		}
		have[n] = true
	}
	rows.Close()
	for _, c := range provenanceColumns {
		if have[c.name] {
			continue
		}
		if _, err := tx.ExecContext(ctx, `ALTER TABLE articles ADD COLUMN `+c.name+` `+c.decl); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot add the article provenance columns")
		}
	}
	return nil
}

// rekeyEntityArticles rebuilds a version 1 or 2 entity_articles table
// (keyed by entity, indexed by article) keyed by article, in the migration's
// transaction, so that an interrupted migration leaves the old table whole.
func rekeyEntityArticles(ctx context.Context, tx *sql.Tx) error {
	for _, stmt := range []string{
		`DROP TABLE IF EXISTS entity_articles_v3`,
		fmt.Sprintf(entityArticlesTable, "entity_articles_v3"),
		`INSERT INTO entity_articles_v3 (entity_id, article_key, mentions)
			SELECT entity_id, article_key, mentions FROM entity_articles ORDER BY article_key, entity_id`,
		`DROP TABLE entity_articles`, // and its index by article
		`ALTER TABLE entity_articles_v3 RENAME TO entity_articles`,
	} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return graph.Wrap(graph.EINTERNAL, err, "cannot rebuild the entity_articles table")
		}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.closeStmts()
	if err := s.db.Close(); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "cannot close the graph database")
	}
	return nil
}

// Counts returns the number of stored entities, edges and articles.
func (s *Store) Counts(ctx context.Context) (graph.Counts, error) {
	var c graph.Counts
	err := s.queryRow(ctx, nil, `SELECT
		(SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM edges), (SELECT COUNT(*) FROM articles)`).
		Scan(&c.Entities, &c.Relations, &c.Articles)
	if err != nil {
		return graph.Counts{}, dbError(err, "cannot count the graph")
	}
	return c, nil
}

// dbError wraps a driver error with a message safe to show.
func dbError(err error, msg string) error {
	return graph.Wrap(graph.EINTERNAL, err, "%s", msg)
}

// encodeIDs and decodeIDs keep id lists in one column as JSON arrays.
func encodeIDs(ids []string) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

func decodeIDs(s string) []string {
	out := []string{}
	if s == "" || s == "[]" {
		return out
	}
	_ = json.Unmarshal([]byte(s), &out)
	return out
}

var _ graph.ArticleChecker = (*Store)(nil)

// HasArticle reports whether an article with this key is stored.
func (s *Store) HasArticle(ctx context.Context, key string) (bool, error) {
	var one int
	switch err := s.queryRow(ctx, nil, `SELECT 1 FROM articles WHERE key = ?`, key).Scan(&one); {
	case err == sql.ErrNoRows:
		return false, nil
	case err != nil:
		return false, dbError(err, "cannot read articles")
	}
	return true, nil
}
