// Edges holding evidence from one article: its contribution, to take back
// when a new version replaces it. The walk starts at the article's mentions
// so no relationship scan is needed.
MATCH (:Article {key: $key})-[:MENTIONS]->(s:Entity)-[r]->(o:Entity)
WHERE $key IN r.evidence_articles
WITH DISTINCT r, s, o
RETURN r {.*, type: type(r), subject: s.id, object: o.id} AS edge
