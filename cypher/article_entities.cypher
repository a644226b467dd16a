// The entities an article refers to, with their store-wide counts and how
// often this article names them.
MATCH (:Article {key: $key})-[am:MENTIONS]->(e:Entity)
CALL {
  WITH e
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
  RETURN count(m) AS articles, coalesce(sum(m.count), 0) AS mentions
}
RETURN e {.id, .name, .type, .aliases, article_count: articles, mention_count: mentions} AS entity, am.count AS count
ORDER BY e.id
