// Gives Form nodes to entities stored before there were any, so that
// entity_candidates finds them: run at Open, a no-op once done.
MATCH (e:Entity)
WHERE NOT EXISTS { (e)<-[:FORM_OF]-(:Form) }
UNWIND e.forms AS form
MERGE (k:Form {key: form})
MERGE (k)-[:FORM_OF]->(e)
