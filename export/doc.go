// Package export writes parts of the graph in formats other tools read:
// timelines (JSON, CSV, Knight Lab TimelineJS3, vis-timeline items) and
// graphs (Cytoscape.js elements, D3 node-link JSON, GraphML, GEXF 1.3).
//
// Every writer is pure: it takes graph types and writes to an io.Writer,
// knowing nothing of stores, HTTP or files, so the CLI and the API share
// it. Graph writers read a GraphSource, which hands over entities, then
// edges, one at a time: SubgraphSource serves a graph.Subgraph already in
// memory, StoreSource pages through a whole store so that an export keeps
// no more than one record per entity in memory, however much evidence the
// store holds.
//
// Output is deterministic (entities and edges in id order, attributes in a
// fixed order), so exports can be compared and kept under version control.
// Text that a browser renders as HTML (TimelineJS3 slides, vis-timeline
// items) is escaped, and only http(s) article links become hyperlinks,
// since names and sentences come from articles on the web.
package export
