// Writes an article and its mentions: one MENTIONS per stored entity its
// extraction resolved to, counting the mentions.
MERGE (a:Article {key: $article.key})
SET a += $article
WITH a
UNWIND $mentions AS row
MATCH (e:Entity {id: row.id})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count
