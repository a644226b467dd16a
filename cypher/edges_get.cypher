// Edges by id, found from their ends' id index.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})-[r]->(o:Entity {id: row.object})
WHERE r.id = row.id
RETURN r {.*, type: type(r), subject: s.id, object: o.id} AS edge
