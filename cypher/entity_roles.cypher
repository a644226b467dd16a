// Roles: the asserted HOLDS_ROLE edges an entity is the subject of.
MATCH (e:Entity {id: $id})-[r:HOLDS_ROLE]->(o:Entity)
WHERE r.polarity = 'asserted'
RETURN coalesce(r.role, '') AS title, o.id AS of, o.name AS of_name, r.id AS relation
ORDER BY of, title, relation
