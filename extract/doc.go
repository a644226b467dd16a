// Package extract reads news articles into graph.Extraction values: the
// people, organisations, outlets, states and places they name, and the
// relations of ../shared/ontology.md between them, each with the sentence
// it was read from.
//
// The pipeline is rule-based on top of prose (github.com/jdkato/prose/v3),
// which is used only through nlp.go for tokens, part-of-speech tags,
// sentences and a weak entity label, all with byte offsets:
//
//	nlp.go        prose adapter: sentences cut at line breaks, tokens at dashes,
//	              hashtags and stray punctuation; initials joined
//	ner.go        prose's entity model, scored by map lookups and only around
//	              capitalised words: prose's labels at a fraction of its cost
//	lexicon.go    the embedded data files of lexicon/
//	entities.go   mentions: lexicon forms, titles, honorifics, capitalised runs
//	coref.go      mentions → entities: capitals and demonyms, short names, acronyms
//	roles.go      HOLDS_ROLE from titles tied to a person and what they serve
//	rolerefs.go   "the foreign minister" as a mention of the title's holder
//	triggers.go   the trigger table (lexicon/triggers.tsv)
//	relations.go  interactions from triggers; via, negation, talks named later
//	affiliations.go  AFFILIATED_WITH: bodies of a state, "X-linked Y", state media
//	args.go       clause arguments: subjects, objects, coordination, pronouns,
//	              quotation speakers
//	members.go    MEMBER_OF from apposition, "NATO members X", "X joined Y"
//	attribution.go, dates.go   attributed_to and dates
//	words.go      closed-class word lists (heads, cues, stop words)
//
// Every relation keeps the sentence it was read from; its Confidence says
// how it was found: 0.9 for a title with an explicit qualifier, 0.8 for an
// apposition, 0.5–0.6 for interactions and inferred ties, times 0.8 when
// an end is not named in the sentence itself (a pronoun, a speaker, talks
// named in an earlier sentence).
//
// # Measuring
//
// With the gold corpus beside the repository (../shared/corpus/dev):
//
//	ACTORGRAPH_DEV_OUT=/tmp/out.jsonl go test ./extract -run TestWriteDevJSONL
//	python3 ../shared/tools/score.py ../shared/corpus/dev /tmp/out.jsonl --detail
//
// `go test ./extract -bench .` compares the pipeline with prose's own
// NewDocument on the same texts; `-fuzz FuzzExtract` feeds it any bytes.
//
// # Lexicons
//
// Everything the rules know by name is data in lexicon/, embedded in the
// binary and loaded once by New. Lines starting with # are comments;
// columns are tab-separated; lists inside a column are ";"-separated.
//
//   - countries.tsv: name, other names, capitals, demonyms. Every UN member
//     state plus Taiwan, Palestine, Kosovo and the Vatican.
//   - organizations.tsv, media.tsv, places.tsv: name, other names and
//     acronyms. The first column is the canonical name.
//   - titles.txt, modifiers.txt, honorifics.txt: one entry per line,
//     matched case-insensitively as whole words.
//   - triggers.tsv: word forms, relation type, how the object attaches,
//     an optional required following word, "n" for nominal triggers and
//     "reverse" when the object is the initiator ("received a letter from").
//
// To add an entry, append a line to the file of its kind and run
// `go test ./extract/...`. An entry belongs in a lexicon because it is part
// of a broad list of its kind (all states, major outlets, common titles),
// never because one article mentions it: quality is judged on text the
// extractor has not seen.
package extract
