// Creates or updates edges in one batch, whole: the store folds evidence and
// computes support, confidence, via, attributed_to and role before writing.
// The relationship type comes from graph.RelationType, never from input text.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:$(row.type) {id: row.id}]->(o)
SET r += row.props
