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
//	    refer to an entity, keyed by article (schema version 3; Open
//	    rebuilds the entity-keyed table of versions 1 and 2); the counts
//	    on entities are its sums, kept by adding and taking away an
//	    article's rows
//	edges(id PK, type, subject, object, date, polarity, role, via JSON,
//	    attributed_to JSON, confidence, support) — one row per
//	    graph.EdgeID, clustered by id (WITHOUT ROWID) so that id-ordered
//	    pages are range scans; its aggregate columns derived from evidence
//	evidence(edge_id, article_key, text, start_off, end_off, confidence,
//	    role, via JSON, attributed_to JSON) — one row per extracted relation
//
// Evidence and entity_articles are the source of truth; the aggregate
// columns of edges are recomputed from evidence for every edge an article
// touches, and an article's own entity_articles rows are taken off its
// entities' counts, which is what makes replacing an article exact: delete
// its rows, recompute, drop what nothing supports any more.
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
// Ingest writes up to 1000 articles per transaction, with statements
// prepared once per transaction; only when one of them fails is the batch
// written again with each article inside its own savepoint. Path queries
// run on an in-memory adjacency index of the whole graph, built on first
// use and dropped by every ingest: a bidirectional breadth-first search for
// all shortest paths, Yen's algorithm for the k shortest, filters applied
// edge by edge as the search reaches them.
package sqlitestore
