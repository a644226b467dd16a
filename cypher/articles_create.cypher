// Writes new articles and their mentions in one batch: the store has just
// read, under the ingest lock, that none of the keys is stored, and the
// article key constraint rejects a duplicate all the same.
UNWIND $rows AS row
CREATE (a:Article)
SET a = row.article
WITH a, row
UNWIND row.mentions AS m
MATCH (e:Entity {id: m.id})
CREATE (a)-[:MENTIONS {count: m.count}]->(e)
