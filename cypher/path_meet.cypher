// The last two levels of a path search whose ends have each been
// expanded once, in one statement: the edges passing the filter that lie
// on a walk a-m-b or a-b from a node a of $afront (the neighbours of one
// end) to a node b of $bfront (those of the other). Every simple path of
// three or four hops between the ends is the end's edge, such a walk, and
// the other end's edge, so these are all the search still needs. The two
// sides meet in a hash join on m, so the many edges of the frontiers that
// lead elsewhere are never sent, nor is a frontier's neighbourhood; the
// hints keep that plan when it is made on a small database.
// An edge is kept when it passes the filter itself: an answer's edges all
// do, and a passing edge whose partner fails is still a real one.
// The relationship types are written out as in path_expand (a test keeps
// the list equal to graph.RelationTypes); the filter block is path_expand's.
CALL {
  MATCH (a:Entity)-[r1:MEET|NEGOTIATE|COMMUNICATE|REQUEST|AGREE|REJECT|ACCUSE|THREATEN|ATTACK|SANCTION|SUPPORT|COOPERATE|HOLDS_ROLE|MEMBER_OF|AFFILIATED_WITH]-(m:Entity)-[r2:MEET|NEGOTIATE|COMMUNICATE|REQUEST|AGREE|REJECT|ACCUSE|THREATEN|ATTACK|SANCTION|SUPPORT|COOPERATE|HOLDS_ROLE|MEMBER_OF|AFFILIATED_WITH]-(b:Entity)
  USING INDEX a:Entity(id)
  USING INDEX b:Entity(id)
  USING JOIN ON m
  WHERE a.id IN $afront AND b.id IN $bfront
  UNWIND [r1, r2] AS r
  RETURN r
  UNION
  MATCH (a:Entity)-[r:MEET|NEGOTIATE|COMMUNICATE|REQUEST|AGREE|REJECT|ACCUSE|THREATEN|ATTACK|SANCTION|SUPPORT|COOPERATE|HOLDS_ROLE|MEMBER_OF|AFFILIATED_WITH]-(b:Entity)
  WHERE a.id IN $afront AND b.id IN $bfront
  RETURN r
}
WITH r
WHERE type(r) IN $types
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
