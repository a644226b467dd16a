// Writes new articles and their mentions in one batch: the store has just
// read, under the ingest lock, that none of the keys is stored, and the
// article key constraint rejects a duplicate all the same. Properties are
// named, not set from the map, so that no Eager buffers the rows (see
// edges_create); articleProps makes exactly these keys
// (TestArticlesCreateNamesProps).
UNWIND $rows AS row
CREATE (a:Article {
  key: row.article.key, id: row.article.id, url: row.article.url, title: row.article.title,
  source: row.article.source, published: row.article.published, hash: row.article.hash,
  author: row.article.author, platform: row.article.platform,
  forwarded_from: row.article.forwarded_from, views: row.article.views
})
WITH a, row
UNWIND row.mentions AS m
MATCH (e:Entity {id: m.id})
USING INDEX e:Entity(id)
CREATE (a)-[:MENTIONS {count: m.count}]->(e)
