// Stored entities sharing a normalised form with an extracted one: each
// needle is "|form|", matched against forms_text through its text index.
// article_count is what graph.MatchEntity breaks ties with.
UNWIND $needles AS needle
MATCH (e:Entity)
WHERE e.forms_text CONTAINS needle
WITH DISTINCT e
CALL {
  WITH e
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
  RETURN count(m) AS articles, coalesce(sum(m.count), 0) AS mentions
}
RETURN e {.id, .name, .type, .aliases, article_count: articles, mention_count: mentions} AS entity
