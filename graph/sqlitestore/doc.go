// Package sqlitestore is the embedded graph.Store: one SQLite database file
// (modernc.org/sqlite, pure Go), in WAL mode with foreign keys on.
//
// Schema (version in schema_version; created idempotently on Open):
//
//	articles(key PK, id, url, title, source, source_norm, published, hash,
//	    author, platform, forwarded_from, views) — the provenance columns
//	    came with schema version 2; Open adds them to a version 1 file
//	entities(id PK, type, name, aliases JSON, mention_count, article_count)
//	forms(form, type, entity_id) — every normalised name and alias, the
//	    index resolution looks candidates up in
//	entity_articles(entity_id, article_key, mentions) — which articles
//	    refer to an entity; the counts on entities are derived from it
//	edges(id PK, type, subject, object, date, polarity, role, via JSON,
//	    attributed_to JSON, confidence, support) — one row per
//	    graph.EdgeID, clustered by id (WITHOUT ROWID) so that id-ordered
//	    pages are range scans; its aggregate columns derived from evidence
//	evidence(edge_id, article_key, text, start_off, end_off, confidence,
//	    role, via JSON, attributed_to JSON) — one row per extracted relation
//
// Evidence and entity_articles are the source of truth; the aggregate
// columns are recomputed from them for every edge and entity an article
// touches, which is what makes replacing an article exact: delete its rows
// (the article row cascades to them), recompute, drop what nothing
// supports any more.
//
// Entity search runs one query per rank: exact and prefix matches are
// ranges of the forms index, only substring matches scan it, and only when
// the earlier ranks did not fill the limit.
//
// Dump (graph.Dumper) reads one snapshot in a single read transaction,
// a page of article keys at a time and one article's rows at a time.
// Article (graph.ArticleReader) finds an article's publisher through the
// forms index, as resolution would.
//
// Ingest writes up to 200 articles per transaction, each inside its own
// savepoint, with statements prepared once per transaction. Path queries
// run on an in-memory adjacency index of the whole graph, built on first
// use and dropped by every ingest: a bidirectional breadth-first search for
// all shortest paths, Yen's algorithm for the k shortest, filters applied
// edge by edge as the search reaches them.
package sqlitestore
