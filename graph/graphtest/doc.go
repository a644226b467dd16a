// Package graphtest is the conformance suite every graph.Store passes, and
// the fixtures it runs on. A backend's test calls Run with a function that
// opens a fresh, empty store; cross-backend tests ingest the same
// extractions into two stores and call SameAnswers. The fixtures are
// written for the suite (Fixture, PathFixture, HubFixture), generated
// (Generate, for benchmarks) or read from the gold corpus when it is there
// (Gold).
//
// The suite pins down what package graph leaves open, so that two backends
// built from the same articles give the same answers, id for id:
//
// # Ingest
//
//   - Articles are processed in input order; results come back in input
//     order. An article's ID is Article.ID, or its key when that is empty.
//     Its hash is Article.Hash, or TextHash(Text) when that is empty.
//   - An invalid extraction (Extraction.Validate) is reported failed with a
//     message and nothing of it is written; a failed replacement leaves the
//     stored version as it was. Ingest returns an error only when the whole
//     call cannot go on (cancelled context, unreachable backend).
//   - Resolution: entities are resolved one by one in extraction order.
//     Candidates are the stored entities of the same type sharing a
//     normalised form (graph.Forms) with the extracted entity, including
//     entities created or merged earlier in the same article; their
//     ArticleCount, which graph.MatchEntity uses to break ties, counts the
//     stored articles other than the one being ingested. A match is folded
//     with graph.MergeEntity; otherwise a new entity gets
//     graph.EntityID(type, name), or when an entity that did not match holds
//     it (ids drop diacritics, names keep them) the first free of id+"-2",
//     id+"-3"…, and the aliases
//     graph.MergeEntity(Entity{Type, Name}, e) gives (no repeated forms,
//     none equal to the name). Ids never change afterwards.
//     IngestResult.EntityIDs is set for new and replaced articles.
//   - An entity's ArticleCount is the number of stored articles whose
//     extraction has an entity resolved to it; MentionCount sums
//     len(Mentions) over them. Replacing an article removes its
//     contribution; an entity no stored article refers to any more is
//     deleted, an entity that remains keeps the name and aliases it had
//     (merges are not undone).
//   - Edges: one per graph.EdgeID(type, subject, object, date, polarity)
//     with stored ids; symmetric types store the smaller id as Subject.
//     Polarity "" is stored as graph.Asserted. Evidence is every relation
//     read into the edge, ordered by (ArticleKey, Start, End, Text) and
//     carrying the article's key, id, url, title and published date.
//     Support counts distinct articles, Confidence is the maximum, Via and
//     AttributedTo are the sorted union of stored ids, Role is the first
//     non-empty role in evidence order. An edge left without evidence by a
//     replacement is deleted.
//   - Aliases, Via, AttributedTo and Evidence are never nil in answers;
//     EntityDetail.Roles and RelationCounts are never nil either.
//   - Pinned ids (graph.Extraction.IDs): a pinned entity is not resolved.
//     It is the stored entity with the pinned id, folded with
//     graph.MergeEntity, or a new entity created with that id; other
//     entities of the article see it as a candidate like any other. A pin
//     to an id without its entity's type prefix, or of a local id the
//     extraction lacks, fails the article.
//
// # Optional interfaces
//
// Subtests of an optional interface a store lacks are skipped.
//
//   - graph.ArticleReader: Article gives every metadata and provenance
//     field as ingested (the latest version), and Publisher, the stored
//     MEDIA entity graph.MatchEntity picks among those having the source's
//     normalised name as a form; ArticleEntities the entities resolved from
//     the article, by id, as FindEntities gives them. ENOTFOUND for an
//     unknown key.
//   - graph.Dumper: one extraction per article in key order, shaped as its
//     documentation says; ingested into an empty store in that order it
//     gives a store that answers every query as the source did and dumps
//     identically, even where names changed after ids were given; ingesting
//     it again is all unchanged. fn's error stops the dump and is returned.
//
// # Queries
//
//   - Every method fails with an error for a cancelled context; a
//     cancelled Ingest stores nothing of the articles it reports failed.
//   - Limits: 0 means the default (graph.DefaultLimit, graph.DefaultPaths),
//     a negative limit is EINVALID, one over the maximum (graph.MaxLimit,
//     graph.MaxPaths) is lowered to it.
//   - Filters: RelationFilter.Validate failing is EINVALID. An edge passes
//     when RelationFilter.Match accepts it and, if Filter.Source is set,
//     at least one of its evidence articles has a source whose
//     graph.NormalizeName equals that of Filter.Source. An edge that passes
//     is returned whole (all its evidence).
//   - Entity: ENOTFOUND for an unknown id. Roles come from the asserted
//     HOLDS_ROLE edges the entity is the subject of, one per edge, sorted by
//     (Of, Title, Relation). RelationCounts counts asserted edges touching
//     the entity, by type.
//   - FindEntities: the query is normalised with graph.NormalizeName and
//     compared with every form of an entity (normalised name and aliases):
//     an exact form ranks first, a form starting with the query second, a
//     form containing it third; within a rank more mentions come first, then
//     the smaller id. An empty query matches every entity. Entity types in
//     the filter that are not valid are EINVALID.
//   - Relations: edges passing the filter, ordered by id; Entity keeps edges
//     with it as subject or object, Other (only with Entity, else EINVALID)
//     those between the two; an unknown Entity or Other is ENOTFOUND. After
//     returns the edges with ids greater than it; Next is the last id of the
//     page when more edges follow, "" otherwise.
//   - Timeline: dated edges passing the filter, ordered by date (as a
//     string, so "2025" comes before "2025-01-01") then id, the first Limit;
//     Entity and Other as for Relations.
//
// # Paths
//
// The graph a path query walks is undirected: two distinct entities are
// adjacent when at least one stored edge between them passes the filter.
// With ViaHops, an edge between A and B with C in its Via (C neither A nor
// B) also makes A–C and C–B adjacent.
//
//   - A Path is a sequence of distinct entities (Nodes, as FindEntities
//     returns them) with one Step per consecutive pair. Step.Edges holds
//     ALL edges passing the filter between the two nodes, whole and sorted
//     by id, with Via false; when there are none the pair is joined through
//     via entities only, and Step.Edges holds the edges that do it, with Via
//     true. Step.From and Step.To follow the path's direction.
//   - K = 0: all shortest paths (fewest hops, direction ignored) of at most
//     MaxHops hops, ordered by node id sequence (compared id by id), the
//     first Limit of them.
//   - K > 0: the simple paths of at most MaxHops hops, ordered by hop count
//     then node id sequence, the first min(K, Limit) of them (Yen's
//     algorithm with that order as the cost gives exactly these).
//   - MaxHops 0 means graph.DefaultMaxHops; negative or above graph.MaxHops
//     is EINVALID, as is a negative K, and From equal to To. An unknown From
//     or To is ENOTFOUND. No path within the bound is an empty slice and no
//     error. The filter applies during the search: an edge it removes
//     cannot carry a path.
package graphtest
