// The last level of a path search, which no later level builds on: the
// edges passing the filter between a node of $ids and a node of $targets
// (what the other side of the search has reached), as path_expand returns
// them. A path of at most the hops allowed crosses from one side to the
// other through such an edge, so the edges of the frontier that lead
// elsewhere need not be read or sent.
// The index hint keeps the seek of each id when the plan is made on a
// small database. The relationship types are written out as in
// path_expand (a test keeps the list equal to graph.RelationTypes); the
// filter block is path_expand's.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:MEET|NEGOTIATE|COMMUNICATE|REQUEST|AGREE|REJECT|ACCUSE|THREATEN|ATTACK|SANCTION|SUPPORT|COOPERATE|HOLDS_ROLE|MEMBER_OF|AFFILIATED_WITH]-(m:Entity)
USING INDEX n:Entity(id)
WHERE m.id IN $targets
  AND type(r) IN $types
  AND ($negated OR r.polarity <> 'negated')
  AND r.confidence >= $min_confidence
  AND ($min_support <= 0 OR r.support >= $min_support)
  AND (($from = '' AND $to = '') OR (r.date <> ''
    AND ($from = '' OR NOT left(r.date, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END)
                     < left($from, CASE WHEN size(r.date) < size($from) THEN size(r.date) ELSE size($from) END))
    AND ($to = '' OR NOT left($to, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END)
                   < left(r.date, CASE WHEN size(r.date) < size($to) THEN size(r.date) ELSE size($to) END))))
  AND (NOT $has_source OR $source IN r.sources)
WITH DISTINCT r
RETURN r.id AS id, startNode(r).id AS subject, endNode(r).id AS object, r.via AS via
