// One level of a path search: the edges passing the filter that touch any
// of $ids, without their evidence. Only ontology types pass $types, so
// MENTIONS never carries a path.
// The filter block is graph.RelationFilter.Match written in Cypher; the
// store computes $types from Types, ExcludeTypes and NoStructural, and
// dates compare as graph.DateBefore does, on the shorter of the two lengths.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
WHERE type(r) IN $types
  AND ($negated OR r.polarity <> 'negated')
  AND r.confidence >= $min_confidence
  AND r.support >= $min_support
  AND (($from = '' AND $to = '') OR (r.date <> ''
    AND ($from = '' OR NOT left(r.date, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END)
                     < left($from, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END))
    AND ($to = '' OR NOT left($to, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END)
                   < left(r.date, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END))))
  AND (NOT $has_source OR $source IN r.sources)
WITH DISTINCT r
MATCH (s:Entity)-[r]->(o:Entity)
RETURN r.id AS id, type(r) AS type, s.id AS subject, o.id AS object, r.via AS via,
  r.date AS date, r.polarity AS polarity, r.confidence AS confidence, r.support AS support,
  r.sources AS sources
