package main

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/mmcdole/gofeed"
)

// FuzzFeed reads any bytes the way ingest --feed reads a feed: parsed as
// RSS, Atom or JSON Feed, each item's link resolved against the feed's
// address and its fields copied into an article; and, when it is no feed,
// searched for the feed a page links to. None of it may panic, and every
// link that comes out is an absolute http(s) URL.
func FuzzFeed(f *testing.F) {
	for _, seed := range []string{
		`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>/a</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><author>x@y (Ann)</author></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>B</title><link href="https://example.org/b"/><updated>2026-03-02T10:00:00Z</updated></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"c","date_published":"2026-13-40"}]}`,
		`<html><head><link rel="alternate" type="application/rss+xml" href="//example.org/feed"></head></html>`,
		`<rss><channel><item><link>javascript:alert(1)</link></item><item><link>http://[::1</link></item></channel></rss>`,
	} {
		f.Add([]byte(seed), "https://example.org/news/")
	}
	f.Fuzz(func(t *testing.T, body []byte, base string) {
		checkLink := func(what, link string) {
			if link == "" {
				return
			}
			u, err := url.Parse(link)
			if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("%s %q is not an absolute http(s) URL", what, link)
			}
		}
		checkLink("page's feed link", feedLink(body, base))
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			if feedProblem(err) == "" {
				t.Errorf("an empty problem for %v", err)
			}
			return
		}
		for _, it := range feed.Items {
			if it == nil {
				continue
			}
			checkLink("item link", resolveLink(base, it.Link))
			var a graph.Article
			fillFromFeedItem(&a, it)
			if a.Published != "" && !graph.ValidDate(a.Published) {
				t.Errorf("published %q from the feed is not a date", a.Published)
			}
			if utf8.ValidString(it.Title) && a.Title != strings.TrimSpace(it.Title) {
				t.Errorf("title %q, want the item's %q", a.Title, it.Title)
			}
		}
	})
}
