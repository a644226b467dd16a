// Command actorgraph builds a knowledge graph of political actors and events
// from news articles and answers questions about it over HTTP.
//
// Usage:
//
//	actorgraph extract FILE|DIR...          print one JSON line of entities and relations per article
//	actorgraph ingest [--store URI] FILE|DIR...  extract and store
//	actorgraph serve [--store URI] [--addr HOST:PORT]  run the HTTP API
//	actorgraph demo                          ingest the bundled samples into a fresh store and serve
//	actorgraph eval [--errors] DIR           score the extractor on a gold folder
//	actorgraph path A B [filters]            print how two entities are connected
//	actorgraph timeline [ENTITY] --format json|csv|timelinejs|vis
//	actorgraph export --format cytoscape|d3|graphml|gexf [--entity ID --depth N]
//
// Every verb takes --help. The store is chosen by --store or ACTORGRAPH_STORE:
// sqlite:PATH (the default, sqlite:./actorgraph.db) or a Neo4j URI
// (bolt://, neo4j://, neo4j+s://) with NEO4J_USER, NEO4J_PASSWORD and
// NEO4J_DATABASE read from the environment.
//
// This package is wiring only: main is short, and Main.Run takes the
// arguments so tests can run every verb in-process.
package main
