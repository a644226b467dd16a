// Removes an article's mentions before its new version is written and
// returns the entities it mentioned, which may now be orphans.
MATCH (:Article {key: $key})-[m:MENTIONS]->(e:Entity)
DELETE m
RETURN e.id AS id
