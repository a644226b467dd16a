// Package neo4jstore is the graph.Store on Neo4j 5 (Community or
// Enterprise), through the official Go driver. Open it with a bolt:// or
// neo4j:// URI; scripts/neo4j runs a local server for development.
//
// # Graph model
//
//	(:Entity:Person {id, type, name, aliases, forms, forms_text})
//	    also :Organization, :Media, :Country, :Location (graph.EntityType.Label)
//	(:Article {key, id, url, title, source, published, hash})
//	(:Article)-[:MENTIONS {count}]->(:Entity)
//	(:Entity)-[:NEGOTIATE|MEET|HOLDS_ROLE|… {id, date, polarity, role,
//	    confidence, support, via, attributed_to, evidence,
//	    evidence_articles, sources}]->(:Entity)
//	(:IngestLock {name: "ingest"})
//
// Entities keep the ids graph.EntityID gave them; forms are the normalised
// name and aliases (graph.Forms), and forms_text the same joined as
// "|form|form|" so a text index answers the form lookup resolution needs.
// An article's MENTIONS count how often its extraction names the entity,
// so an entity's article and mention counts are read off the graph.
//
// Each stored relation (graph.Edge) is one relationship whose type is the
// ontology type, directed subject → object (symmetric types from the
// smaller id), with the edge's id (graph.EdgeID), its aggregates as plain
// properties, via and attributed_to as lists of entity ids, and its
// evidence as a list of JSON strings, one per relation read into it: the
// sentence, its offsets, the article's key, id, url, title and date, and
// what that relation said (confidence, via, attributed_to, role).
//
// Evidence lives on the relationship, not in (:Evidence) nodes, for three
// reasons. GET relation is one index seek that returns everything. Replacing
// an article recomputes each touched edge's aggregates from its remaining
// evidence in the same transaction, with no second read. And the graph an
// analyst walks holds only actors and articles: an Evidence node per
// sentence would put thousands of two-hop detours between actors. The
// evidence_articles and sources lists let Cypher find an article's edges and
// filter by outlet without decoding the JSON.
//
// An analyst's own query works as written, for example
//
//	MATCH p = shortestPath((a:Person {name:'Abbas Araghchi'})-[*..4]-(b:Person {name:'Steve Witkoff'}))
//	RETURN p
//
// but an untyped pattern also walks MENTIONS, so two people named in one
// article are two hops apart through it. Name the types to see only
// relations: -[:NEGOTIATE|MEET|COMMUNICATE*..4]-. The store's own path
// search walks ontology types only.
//
// # Writing
//
// Ingest runs one managed write transaction per article, so an article is
// stored whole or not at all and transient errors are retried. Each
// transaction first takes the write lock of the single IngestLock node,
// which serialises ingesters (readers are not held): resolution reads the
// stored entities, decides with graph.MatchEntity and graph.MergeEntity
// exactly as the SQLite store does, and writes, and two ingesters must not
// decide against each other's uncommitted work. Unique constraints on
// entity ids, article keys and each relationship type's id back this up.
// Every write is batched — one UNWIND $rows statement for entities, one
// for new edges and one for changed ones, one for the article and its
// mentions. Entities and articles MERGE on their constrained keys; new
// edges are CREATEd, since the transaction has just read, under the lock,
// that their ids are not stored (MERGE with a relationship type given as a
// parameter cannot use the id constraint's index and was several times
// slower), and each type's uniqueness constraint still guards them. A new version of an article (same key, new hash) first
// takes back the old one's contribution: its evidence leaves each edge,
// edges left without evidence and entities no article mentions are
// deleted; then the new version is ingested as new.
//
// # Reading
//
// Every statement lives in package cypher, takes values only as
// $parameters, and names labels and types only from the closed ontology.
// The relation filter (graph.RelationFilter.Match) is written out in Cypher
// and applied again to what comes back, so the two cannot drift apart.
// Paths are found by a bidirectional search of bounded expansions, one
// Cypher query per level; see Store.Paths.
package neo4jstore
