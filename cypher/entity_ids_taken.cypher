// Stored ids starting with any of the given ones, so a new entity never
// takes an id in use (graph.EntityID plus "-2", "-3"… on a clash).
UNWIND $ids AS id
MATCH (e:Entity)
WHERE e.id STARTS WITH id
RETURN DISTINCT e.id AS id
