// What a path answer shows, in one statement: the entities of $ids with
// their counts (as entities_by_id reads them) and the edges of $rows found
// from their ends' id index (as edges_get reads them), one per record
// with the other column null. One round trip instead of two.
CALL {
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  CALL {
    WITH e
    OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
    RETURN count(m) AS articles, coalesce(sum(m.count), 0) AS mentions
  }
  RETURN e {.id, .name, .type, .aliases, article_count: articles, mention_count: mentions} AS entity, null AS edge
  UNION ALL
  UNWIND $rows AS row
  MATCH (s:Entity {id: row.subject})-[r]->(o:Entity {id: row.object})
  WHERE r.id = row.id
  RETURN null AS entity, r {.*, type: type(r), subject: s.id, object: o.id} AS edge
}
RETURN entity, edge
