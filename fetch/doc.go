// Package fetch gets web pages and feeds for ingestion, politely and within
// bounds: every request has a timeout and a User-Agent naming the program,
// requests to one host are spaced by a delay, failures that may pass (5xx,
// 429, timeouts, dropped connections) are retried a bounded number of times
// with growing waits, bodies are capped in size, and a page fetched before
// is asked for conditionally (ETag, Last-Modified) so an unchanged one costs
// the server nothing.
//
// Errors are *graph.Error values naming the URL and what went wrong: ENOTFOUND
// for 404 and 410, EUNAVAILABLE for a server that fails or does not answer in
// time, ETOOLARGE for a body over the cap, EINVALID for anything else the
// request or answer got wrong. The package knows nothing of stores or HTML.
package fetch
