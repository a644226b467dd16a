// Which of the given ids are stored entities: an index seek each, no
// counts, for checking a query's ends before searching from them.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id
