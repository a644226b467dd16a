// One level of a path search: the edges passing the filter that touch any
// of $ids, as the search needs them (id, ends, via); the store reads the
// whole edge only for edges on an answer.
// The index hint keeps the seek of each id when the plan is made on a
// small database. The relationship types are written out so that the
// expand reads only the ontology's relationship groups of a dense entity,
// never its MENTIONS (a test keeps the list equal to graph.RelationTypes);
// $types narrows them to the filter's. A dynamic $any($types) plans as an untyped expand
// plus a filter on Neo4j 5.26, reading every MENTIONS too.
// The filter block is graph.RelationFilter.Match written in Cypher; the
// store computes $types from Types, ExcludeTypes and NoStructural, and
// dates compare as graph.DateBefore does, on the shorter of the two
// lengths. Support is read only under a minimum, as Match does; confidence
// always, since Match excludes a negative confidence even at the default 0.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:MEET|NEGOTIATE|COMMUNICATE|REQUEST|AGREE|REJECT|ACCUSE|THREATEN|ATTACK|SANCTION|SUPPORT|COOPERATE|HOLDS_ROLE|MEMBER_OF|AFFILIATED_WITH]-(:Entity)
USING INDEX n:Entity(id)
WHERE type(r) IN $types
  AND ($negated OR r.polarity <> 'negated')
  AND r.confidence >= $min_confidence
  AND ($min_support <= 0 OR r.support >= $min_support)
  AND (($from = '' AND $to = '') OR (r.date <> ''
    AND ($from = '' OR NOT left(r.date, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END)
                     < left($from, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END))
    AND ($to = '' OR NOT left($to, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END)
                   < left(r.date, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END))))
  AND (NOT $has_source OR $source IN r.sources)
WITH DISTINCT r
RETURN r.id AS id, startNode(r).id AS subject, endNode(r).id AS object, r.via AS via
