// Deletes edges left without evidence by a replaced article, found from
// their ends' id index (hinted, as in edges_get).
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
USING INDEX s:Entity(id)
MATCH (o:Entity {id: row.object})
USING INDEX o:Entity(id)
MATCH (s)-[r]->(o)
WHERE r.id = row.id
DELETE r
