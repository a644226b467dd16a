// Entities with their counts, for path nodes.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
  RETURN count(m) AS articles, coalesce(sum(m.count), 0) AS mentions
}
RETURN e {.id, .name, .type, .aliases, article_count: articles, mention_count: mentions} AS entity
