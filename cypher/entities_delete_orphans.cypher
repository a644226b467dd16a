// Deletes the given entities that no stored article mentions any more.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { MATCH (:Article)-[:MENTIONS]->(e) }
DETACH DELETE e
