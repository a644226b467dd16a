// Package cypher holds every Cypher statement actorgraph runs, one named
// .cypher file each, embedded into the binary. Keeping them as files rather
// than Go strings lets them be read, reviewed and run by hand in a Neo4j
// browser, and lets a test check that each one is used and executes.
//
// Statements take every value as a $parameter. Labels and relationship
// types are never spliced into the text: the few statements that write a
// label or type take it as a parameter with Neo4j's dynamic $(…) syntax, and
// the store only ever passes values of the closed ontology
// (graph.EntityType.Label, graph.RelationType). Statements that must name
// relationship types to use their indexes (relation_get, counts) list all
// fifteen ontology types literally.
package cypher
