// Edges by id, found from their ends' id index. The index hints keep the
// plan a seek per end whatever the statistics were when it was cached: a
// plan made on an empty database scanned the id index for every row.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
USING INDEX s:Entity(id)
MATCH (o:Entity {id: row.object})
USING INDEX o:Entity(id)
MATCH (s)-[r]->(o)
WHERE r.id = row.id
RETURN r {.*, type: type(r), subject: s.id, object: o.id} AS edge
