// Deletes everything in the database: for tests, which share the one
// database of Neo4j Community and empty it between cases.
MATCH (n)
DETACH DELETE n
