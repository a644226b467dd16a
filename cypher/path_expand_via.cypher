// One level of a path search with via hops: edges passing the filter that
// name any of $ids in their via. A via entity is mentioned by the article
// the edge's evidence comes from, so the walk goes through those articles
// rather than scanning every relationship. It returns what the search
// needs, as path_expand does; the types are written out as there.
// The filter block is graph.RelationFilter.Match written in Cypher; the
// store computes $types from Types, ExcludeTypes and NoStructural, and
// dates compare as graph.DateBefore does, on the shorter of the two lengths.
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:MENTIONS]-(:Article)-[:MENTIONS]->(s:Entity)-[r:MEET|NEGOTIATE|COMMUNICATE|REQUEST|AGREE|REJECT|ACCUSE|THREATEN|ATTACK|SANCTION|SUPPORT|COOPERATE|HOLDS_ROLE|MEMBER_OF|AFFILIATED_WITH]->(o:Entity)
WHERE id IN r.via
  AND type(r) IN $types
  AND ($negated OR r.polarity <> 'negated')
  AND r.confidence >= $min_confidence
  AND ($min_support <= 0 OR r.support >= $min_support)
  AND (($from = '' AND $to = '') OR (r.date <> ''
    AND ($from = '' OR NOT left(r.date, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END)
                     < left($from, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END))
    AND ($to = '' OR NOT left($to, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END)
                   < left(r.date, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END))))
  AND (NOT $has_source OR $source IN r.sources)
WITH DISTINCT r, s, o
RETURN r.id AS id, s.id AS subject, o.id AS object, r.via AS via
