// Creates new edges in one batch, whole: the store folds evidence and
// computes support, confidence, via, attributed_to and role before writing.
// The relationship type comes from graph.RelationType, never from input
// text. CREATE rather than MERGE: the store has just read that these ids do
// not exist, under the ingest lock, and each type's uniqueness constraint
// rejects a duplicate all the same. (MERGE with a dynamic type cannot use
// that constraint's index and is several times slower.)
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
CREATE (s)-[r:$(row.type)]->(o)
SET r = row.props
