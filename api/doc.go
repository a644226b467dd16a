// Package api serves actorgraph over HTTP with Gin: ingesting articles and
// asking the graph how actors are connected, what happened between them and
// when. It is the only package that imports Gin; everything it knows about
// the graph comes through graph.Store, and extraction comes through the
// small Extractor interface, so it never imports a backend or the NLP code.
//
// Every answer is JSON. Collections come in an envelope ({"relations": [...],
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
// Endpoints:
//
//	GET  /healthz                       store reachable: {"status":"ok","counts":{...}}
//	POST /v1/articles                   extract and ingest one article
//	GET  /v1/entities?q=&type=&limit=   search names and aliases
//	GET  /v1/entities/{id}              one entity with roles and relation counts
//	GET  /v1/entities/{id}/relations    its relations, paginated
//	GET  /v1/relations                  relations, paginated (after=, limit=)
//	GET  /v1/relations/{id}             one relation with all its evidence
//	GET  /v1/paths?from=&to=            how two entities are connected
//	GET  /v1/timeline                   dated relations, oldest first
//
// Relation, path and timeline queries share one set of filter parameters,
// parsed in one place (see params.filter): type, exclude_type, structural,
// from_date, to_date, include_negated, min_confidence, min_support, source.
// Unknown parameters are refused with 400 naming them, so a misspelt filter
// never answers a different question silently.
package api
