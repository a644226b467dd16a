// Package gen writes synthetic news for benchmarks and load tests: articles
// in the shape the extractor reads (titles before names, "met … in … on
// Tuesday", "negotiated through …", "accused … of …", "according to …"),
// about a large fictional cast of people, organisations and outlets acting
// among real states, whose names the extractor's gazetteer knows.
//
// A Generator is deterministic for its seed (math/rand/v2 with a PCG
// source) and streams: it holds the cast and a random state, never the
// articles already written, so a hundred thousand articles take the memory
// of one. The same seed and options always give the same articles, byte
// for byte, which is what lets a benchmark be repeated.
//
// The text is invented here, from syllables and small word lists; nothing
// is copied from real articles.
package gen
