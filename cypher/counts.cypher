// Sizes of the stored graph. Per-type counts come from the count store.
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL {
  MATCH ()-[r:MEET]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:NEGOTIATE]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:COMMUNICATE]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:REQUEST]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:AGREE]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:REJECT]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:ACCUSE]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:THREATEN]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:ATTACK]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:SANCTION]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:SUPPORT]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:COOPERATE]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:HOLDS_ROLE]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:AFFILIATED_WITH]->() RETURN count(r) AS n
}
RETURN entities, articles, sum(n) AS relations
