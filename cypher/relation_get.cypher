// One edge by id with its ends. Each branch names one type so that the
// server seeks that type's id index instead of scanning every relationship.
CALL {
  MATCH (s:Entity)-[r:MEET {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:NEGOTIATE {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:COMMUNICATE {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:REQUEST {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:AGREE {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:REJECT {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:ACCUSE {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:THREATEN {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:ATTACK {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:SANCTION {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:SUPPORT {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:COOPERATE {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:HOLDS_ROLE {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:MEMBER_OF {id: $id}]->(o:Entity) RETURN r, s, o
  UNION ALL
  MATCH (s:Entity)-[r:AFFILIATED_WITH {id: $id}]->(o:Entity) RETURN r, s, o
}
RETURN r {.*, type: type(r), subject: s.id, object: o.id} AS edge
LIMIT 1
