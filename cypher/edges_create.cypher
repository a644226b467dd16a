// Creates new edges in one batch, whole: the store folds evidence and
// computes support, confidence, via, attributed_to and role before writing.
// The relationship type comes from graph.RelationType, never from input
// text. CREATE rather than MERGE: the store has just read that these ids do
// not exist, under the ingest lock, and each type's uniqueness constraint
// rejects a duplicate all the same. (MERGE with a dynamic type cannot use
// that constraint's index and is several times slower.) Every property is
// named rather than set from the map: a map of unknown keys conflicts with
// the id reads of later rows and makes the planner buffer every row
// (Eager). edgeRow.props makes exactly these keys (TestEdgesCreateNamesProps).
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
USING INDEX s:Entity(id)
MATCH (o:Entity {id: row.object})
USING INDEX o:Entity(id)
CREATE (s)-[r:$(row.type) {
  id: row.props.id, date: row.props.date, polarity: row.props.polarity, role: row.props.role,
  confidence: row.props.confidence, support: row.props.support,
  via: row.props.via, attributed_to: row.props.attributed_to, evidence: row.props.evidence,
  evidence_articles: row.props.evidence_articles, sources: row.props.sources
}]->(o)
