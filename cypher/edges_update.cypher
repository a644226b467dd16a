// Rewrites existing edges in one batch with their refolded properties,
// found from their ends' id index.
UNWIND $rows AS row
MATCH (:Entity {id: row.subject})-[r]->(:Entity {id: row.object})
WHERE r.id = row.id
SET r = row.props
