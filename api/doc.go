// Package api serves actorgraph over HTTP with Gin: ingesting articles and
// asking the graph how actors are connected, what happened between them and
// when. It is the only package that imports Gin; everything it knows about
// the graph comes through graph.Store, and extraction comes through the
// small Extractor interface, so it never imports a backend or the NLP code.
//
// Every answer is JSON, except the files /v1/timeline and /v1/export write
// for other tools when a format asks for one (CSV, GraphML, GEXF, and the
// JSON of TimelineJS3, vis-timeline, Cytoscape.js and D3), each with its
// own media type. The whole API is described in OpenAPI 3 at
// /v1/openapi.json. Collections come in an envelope ({"relations": [...],
// "next": ...}, {"paths": [...]}) never as bare arrays, so that fields can be
// added without breaking clients; answers holding edges carry an "entities"
// map from every entity id they mention to the entity, so a client can show
// names without a request per id.
//
// Every error is an RFC 9457 problem document (application/problem+json)
// with type, title, status, detail, instance and a "code". One table maps
// codes to statuses:
//
//	invalid             400  malformed parameters or body
//	unauthorized        401  a write without a bearer token (Server.Token set)
//	forbidden           403  a write with the wrong token
//	not_found           404  no such entity, relation, name or endpoint
//	method_not_allowed  405  a known path with a method it does not serve
//	conflict            409  an ambiguous name; "candidates" lists the entities
//	too_large           413  a body over Server.MaxBodyBytes
//	internal            500  a bug or a backend failure; details only in the log
//	unavailable         503  the store does not answer, or the query timed out
//
// The type URI of a problem is /problems/<code>, which the server answers
// with the table's row.
//
// Endpoints and their parameters (ids or names: an entity id such as
// person:abbas-araghchi, or a name or alias matched after normalisation; a
// name several entities share is answered 409 with the candidates):
//
//	GET  /healthz
//	     200 {"status":"ok","counts":{entities,relations,articles}}; 503 when
//	     the store does not answer. HEAD works too.
//	POST /v1/articles                      (Authorization: Bearer <token> when set)
//	     body {"id","url","title","source","published","text"}; text required,
//	     published YYYY-MM-DD or RFC 3339 or empty; other fields ignored.
//	     201 new / 200 unchanged or replaced: {"result","report","extraction"}
//	GET  /v1/entities?q=&type=&limit=&near=
//	     q matches names and aliases (exact, prefix, substring); while
//	     fewer than limit match, near misses follow ("Araqchi" finds
//	     Araghchi: within 1 edit for 4-5 letters, 2 up to 10, 3 beyond,
//	     of a name, an alias or a word of one), most mentioned first, their
//	     ids in "near_misses"; near=false leaves them out. type is entity
//	     types (repeatable or comma list). {"entities":[...],"near_misses"}
//	GET  /v1/entities/{id}
//	     {"entity":{...,"roles":[...],"relation_counts":{...}}}
//	GET  /v1/entities/{id}/relations?other=&after=&limit=&evidence=&<filter>
//	GET  /v1/relations?entity=&other=&after=&limit=&evidence=&<filter>
//	     {"relations":[...],"next","next_url","entities":{id:{...}}}, ordered by
//	     id; pass next as after for the following page. evidence 0..100
//	     keeps that many sentences per edge ("evidence_total" counts all);
//	     absent, all.
//	GET  /v1/relations/{id}?offset=&limit=
//	     {"relation":{...,"evidence":[...]},"entities":{...}}; with offset
//	     or limit (1..1000, default 50) one page of the evidence,
//	     "evidence_total" and "next_url" for the next page.
//	GET  /v1/entities/{id}/neighborhood?depth=&limit=&evidence=&<filter>
//	     the subgraph within depth hops (1..3, default 1), nearest edges
//	     first, at most limit edges (1..2000, default 200; a hub is cut
//	     there and "truncated" is true). Edges come with "evidence": []
//	     unless evidence= a count 0..100 or true (all); /v1/relations/{id}
//	     has the sentences.
//	     {"entity","entities":[root first,...],"edges":[...],"truncated"}
//	GET  /v1/paths?from=&to=&max_hops=&k=&limit=&via_hops=&evidence=&step_edges=&<filter>
//	     from, to: ids or names (required); max_hops 1..6 (default 4); k asks
//	     for the k shortest simple paths; limit 1..100 (default 10); via_hops
//	     also walks through relations' via entities; evidence 0..100
//	     (default 3) sentences per edge ("evidence_total" counts all);
//	     step_edges 1..1000 (default 10) edges per step, the best
//	     supported ("edges_total" counts all). No path (a date window no
//	     relation falls in, say) is 200 with "paths": [].
//	     {"from","to","paths":[{"nodes":[...],"steps":[{"from","to","edges","edges_total","via"}]}],"entities"}
//	GET  /v1/timeline?entity=&other=&limit=&format=&<filter>
//	     dated relations, oldest first. format json (default):
//	     {"relations":[...],"entities":{...}}; csv (text/csv), timelinejs
//	     (Knight Lab TimelineJS3) or vis (vis-timeline items) are files for
//	     those tools, offered with a Content-Disposition file name.
//	GET  /v1/export?format=&entity=&depth=&limit=&<filter>
//	     the graph as cytoscape or d3 (JSON), graphml or gexf (XML), with
//	     the format's media type and a Content-Disposition file name.
//	     Without entity the whole graph as the filter sees it, streamed from
//	     the store; with entity (id or name) its neighbourhood as above,
//	     X-Truncated: true when the limit cut it. depth and limit need entity.
//	GET  /v1/openapi.json
//	     the OpenAPI 3.0.3 description of every endpoint, parameter, answer
//	     and problem (api/openapi.json, embedded). The tests hold every
//	     answer they get against it, so it cannot drift.
//
// <filter> is the set of parameters every relation, path and timeline query
// shares, parsed in one place (params.filter) into a graph.RelationFilter:
//
//	type=MEET,NEGOTIATE    only these relation types (repeatable, any case)
//	exclude_type=...       leave these out
//	structural=false       leave out HOLDS_ROLE, MEMBER_OF, AFFILIATED_WITH
//	from_date, to_date     YYYY, YYYY-MM or YYYY-MM-DD, inclusive; undated
//	                       relations drop out while either is set
//	include_negated=true   keep relations the text says did not happen
//	min_confidence=0.7     0..1
//	min_support=2          at least this many distinct articles
//	source=...             only relations with evidence from this source
//
// limit is 1..1000 unless said otherwise. A malformed value is answered 400
// naming the parameter; an unknown parameter is refused with 400 naming it,
// so a misspelt filter never answers a different question silently.
package api
