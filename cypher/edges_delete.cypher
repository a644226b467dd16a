// Deletes edges left without evidence by a replaced article.
UNWIND $rows AS row
MATCH (:Entity {id: row.subject})-[r]->(:Entity {id: row.object})
WHERE r.id = row.id
DELETE r
