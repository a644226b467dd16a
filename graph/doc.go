// Package graph is actorgraph's domain: the closed ontology of entity and
// relation types (../shared/ontology.md), the records extraction produces and
// stores keep (articles, entities, relations and their evidence), the Store
// interface every backend implements, and the error codes that travel from a
// store to the API unchanged.
//
// It imports no database driver, no HTTP framework and no NLP library, so
// that extraction, storage and the API can each depend on it without
// depending on each other. Backends live in subpackages named after what they
// wrap (sqlitestore, neo4jstore); graphtest holds the conformance suite they
// all pass.
package graph
