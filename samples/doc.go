// Package samples holds a handful of short news articles for the demo and
// for tests, embedded in the binary so that `actorgraph demo` needs no
// files. The people, outlets and events are invented (the countries are
// real, the story is not), and the articles were written for this project.
//
// Their relations chain across articles: Chile and Argentina negotiate
// through Swiss mediation, Argentina's foreign minister meets Brazil's,
// Brazil sanctions a shipping company, and the leaders later meet at a
// summit; so path queries between, say, Isabel Fuentes and Austral Marine
// Holdings have several hops to show.
package samples
