// Entity search: $query is normalised (graph.NormalizeName); an exact form
// ranks 0, a form starting with it 1, a form containing it 2; then more
// mentions first, then the smaller id.
MATCH (e:Entity)
WHERE (size($types) = 0 OR e.type IN $types)
  AND ($query = '' OR e.forms_text CONTAINS $query)
CALL {
  WITH e
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
  RETURN count(m) AS articles, coalesce(sum(m.count), 0) AS mentions
}
WITH e, articles, mentions,
  CASE WHEN $query = '' OR $query IN e.forms THEN 0
       WHEN any(f IN e.forms WHERE f STARTS WITH $query) THEN 1
       ELSE 2 END AS rank
RETURN e {.id, .name, .type, .aliases, article_count: articles, mention_count: mentions} AS entity
ORDER BY rank, mentions DESC, e.id
LIMIT $limit
