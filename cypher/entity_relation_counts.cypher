// Asserted edges touching an entity, either direction, by type.
MATCH (:Entity {id: $id})-[r]-(:Entity)
WHERE r.polarity = 'asserted'
WITH DISTINCT r
RETURN type(r) AS type, count(r) AS n
