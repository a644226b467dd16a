// Package eval scores extraction output against a gold corpus: a folder of
// annotated articles in the format of ../shared/corpus/README.md.
//
// It is a port of the project's reference scorer (../shared/tools/score.py)
// and must agree with it figure for figure: the same name normalisation
// (NFKC, case folding, punctuation and a leading "the" dropped), the same
// four-pass one-to-one entity matching, the same greedy relation matching
// with alternative types and ends, the same micro-averaged precision, recall
// and F1, and the same accuracies of via, date and polarity over matched
// relations. A test runs both on the same predictions when ../shared exists.
// Beyond the reference, a report can list each article's missed and
// spurious entities and relations, which is what tuning an extractor needs.
package eval
