// A page of edges passing the filter, by id.
// The filter block is graph.RelationFilter.Match written in Cypher; the
// store computes $types from Types, ExcludeTypes and NoStructural, and
// dates compare as graph.DateBefore does, on the shorter of the two lengths.
MATCH (s:Entity)-[r]->(o:Entity)
WHERE r.id > $after
  AND type(r) IN $types
  AND ($negated OR r.polarity <> 'negated')
  AND r.confidence >= $min_confidence
  AND r.support >= $min_support
  AND (($from = '' AND $to = '') OR (r.date <> ''
    AND ($from = '' OR NOT left(r.date, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END)
                     < left($from, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END))
    AND ($to = '' OR NOT left($to, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END)
                   < left(r.date, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END))))
  AND (NOT $has_source OR $source IN r.sources)
RETURN r {.*, type: type(r), subject: s.id, object: o.id} AS edge
ORDER BY r.id
LIMIT $limit
