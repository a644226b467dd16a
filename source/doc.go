// Package source reads news articles from files into graph.Article values:
// plain text (.txt), one article object (.json), one article object per line
// (.jsonl), saved web pages (.html, .htm: the article is found in the page
// by go-trafilatura, see FromHTML), Telegram Desktop channel exports (.json
// recognised by shape, or ReadTelegram), and directories of these, walked
// recursively in sorted order. Attribute adds an article's publisher, and a
// channel message's attribution, to its extraction.
//
// Reading streams: Read hands each article to a callback as soon as it is
// read, and a JSONL file is consumed one line at a time, so memory stays
// bounded by the longest line (MaxLineBytes) however long the file. A bad
// input does not stop the rest: it becomes an Item whose Err is a
// *graph.Error naming the file (and line) and what was wrong with it.
package source
