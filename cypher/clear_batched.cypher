// Deletes everything in the database a slice at a time, relationships
// first (a hub's would not fit in one slice), so that emptying a benchmark
// graph of a million relations fits the transaction memory limit.
// CALL … IN TRANSACTIONS needs an auto-commit transaction.
MATCH ()-[r]->()
CALL { WITH r DELETE r } IN TRANSACTIONS OF 2000 ROWS;
MATCH (n)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS;
