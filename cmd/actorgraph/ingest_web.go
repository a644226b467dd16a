package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/fetch"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
	"github.com/go-shiori/dom"
	"github.com/mmcdole/gofeed"
)

// maxFeedFileBytes caps a feed read from a file, as fetch caps one read
// from the web.
const maxFeedFileBytes = 64 << 20

// programVersion is the module version the binary was built from, "dev"
// for a build from a checkout.
func programVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// fetchPages is the producer for web pages named by URL on the command
// line. Each is fetched (conditionally, when its validators are
// remembered) and reduced to its article; its validators are remembered
// once the article is stored.
func fetchPages(c *fetch.Client, urls []string) producer {
	return func(ctx context.Context, emit func(work) error) error {
		for _, u := range urls {
			w := fetchPage(ctx, c, u, nil)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := emit(w); err != nil {
				return err
			}
		}
		return nil
	}
}

// fetchPage fetches one page into a work item. item, when not nil, is the
// feed item linking to it, whose metadata fills what the page lacks.
func fetchPage(ctx context.Context, c *fetch.Client, u string, item *gofeed.Item) work {
	resp, err := c.Get(ctx, u)
	if err != nil {
		return work{item: source.Item{Origin: u, Err: err}}
	}
	if resp.NotModified {
		return work{item: source.Item{Origin: u}, skip: "not modified since it was last fetched"}
	}
	if !htmlContent(resp.ContentType) {
		hint := ""
		if ct := strings.ToLower(resp.ContentType); strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed") || strings.Contains(ct, "xml") {
			hint = "; for a feed, use --feed"
		}
		return work{item: source.Item{Origin: u, Err: graph.Errorf(graph.EINVALID,
			"%s: not a web page (Content-Type %q)%s", u, resp.ContentType, hint)}}
	}
	a, err := source.FromHTML(u, resp.Body, resp.ContentType, u)
	if err != nil {
		return work{item: source.Item{Origin: u, Err: err}}
	}
	if item != nil {
		fillFromFeedItem(&a, item)
	}
	return work{item: source.Item{Origin: u, Article: a}, committed: func() { c.Remember(resp) }}
}

// htmlContent reports whether a Content-Type may hold a web page; servers
// that send none, or plain text, are given the benefit of the doubt.
func htmlContent(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return true
	}
	return mt == "text/html" || mt == "application/xhtml+xml" || mt == "text/plain"
}

// fillFromFeedItem completes a page's article with what its feed item says
// and the page does not.
func fillFromFeedItem(a *graph.Article, it *gofeed.Item) {
	if a.Title == "" {
		a.Title = strings.TrimSpace(it.Title)
	}
	if a.Published == "" {
		switch {
		case it.PublishedParsed != nil:
			a.Published = it.PublishedParsed.Format("2006-01-02")
		case it.UpdatedParsed != nil:
			a.Published = it.UpdatedParsed.Format("2006-01-02")
		}
	}
	if a.Author == "" {
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				a.Author = strings.TrimSpace(p.Name)
				break
			}
		}
	}
}

// pollFeeds ingests every feed once, then, when every is set, again at that
// interval until ctx is done, which ends polling without an error.
func (s *sink) pollFeeds(ctx context.Context, c *fetch.Client, feeds []string, every time.Duration) error {
	for poll := 1; ; poll++ {
		for _, f := range feeds {
			if err := s.pollFeed(ctx, c, f); err != nil {
				if every > 0 && ctx.Err() != nil {
					return nil
				}
				return err
			}
		}
		if every <= 0 {
			return nil
		}
		s.m.Logger.Info("feeds polled", "poll", poll, "read", s.sum.read, "new", s.sum.report.ArticlesNew,
			"skipped", s.sum.skipped+s.sum.report.ArticlesSkipped, "failed", s.sum.failed, "next", every.String())
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// pollFeed reads one feed and ingests the pages of its items not yet
// stored. A feed that cannot be fetched or parsed is one failed input. The
// feed's own validators are remembered only when every item went well, so
// a page that failed is tried again at the next poll rather than hidden
// behind a 304.
func (s *sink) pollFeed(ctx context.Context, c *fetch.Client, f string) error {
	body, base, resp, err := readFeed(ctx, c, f)
	if err != nil && ctx.Err() != nil {
		// Interrupted, not failed.
		return ctx.Err()
	}
	if err != nil {
		s.sum.read++
		s.fail(failureText(f, err))
		s.prog.tick()
		return nil
	}
	if resp != nil && resp.NotModified {
		s.m.Logger.Info("feed not modified since the last poll", "feed", f)
		return nil
	}
	feed, perr := gofeed.NewParser().Parse(bytes.NewReader(body))
	if perr != nil && resp != nil {
		// A site's home page often names its feed: follow it once.
		if alt := feedLink(body, base); alt != "" {
			s.m.Logger.Info("following the feed a page links to", "page", f, "feed", alt)
			r2, err := c.Get(ctx, alt)
			switch {
			case err != nil && ctx.Err() != nil:
				return ctx.Err()
			case err != nil:
				s.sum.read++
				s.fail(failureText(alt, err))
				s.prog.tick()
				return nil
			case r2.NotModified:
				s.m.Logger.Info("feed not modified since the last poll", "feed", alt)
				return nil
			}
			resp, base = r2, r2.FinalURL
			feed, perr = gofeed.NewParser().Parse(bytes.NewReader(r2.Body))
		}
	}
	if perr != nil {
		s.sum.read++
		s.fail(fmt.Sprintf("%s: not an RSS, Atom or JSON feed (%s)", f, feedProblem(perr)))
		s.prog.tick()
		return nil
	}
	checker, _ := s.st.(graph.ArticleChecker)
	failedBefore := s.sum.failed
	produce := func(ctx context.Context, emit func(work) error) error {
		seen := make(map[string]bool, len(feed.Items))
		for i, it := range feed.Items {
			if it == nil {
				continue
			}
			origin := f + "#" + strconv.Itoa(i+1)
			link := resolveLink(base, it.Link)
			if link == "" {
				if err := emit(work{item: source.Item{Origin: origin, Err: graph.Errorf(graph.EINVALID,
					"%s: item %d (%q) has no http(s) link to its page", f, i+1, strings.TrimSpace(it.Title))}}); err != nil {
					return err
				}
				continue
			}
			w := work{item: source.Item{Origin: link}}
			if seen[link] {
				w.skip = "listed twice in the feed"
				if err := emit(w); err != nil {
					return err
				}
				continue
			}
			seen[link] = true
			stored := false
			if checker != nil {
				has, err := checker.HasArticle(ctx, graph.Article{URL: link}.Key())
				if err != nil {
					s.m.Logger.Warn("cannot ask the store for an article; fetching it", "url", link, "error", graph.ErrorMessage(err))
				}
				stored = has
			}
			if stored {
				w.skip = "already stored"
			} else {
				w = fetchPage(ctx, c, link, it)
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := emit(w); err != nil {
				return err
			}
		}
		return nil
	}
	if err := s.run(ctx, produce, len(feed.Items)); err != nil {
		return err
	}
	if resp != nil && s.sum.failed == failedBefore {
		c.Remember(resp)
	}
	return nil
}

// readFeed gets a feed from a URL (resp set) or a file (resp nil). base is
// what relative item links resolve against.
func readFeed(ctx context.Context, c *fetch.Client, f string) (body []byte, base string, resp *fetch.Response, err error) {
	if fetch.IsURL(f) {
		resp, err := c.Get(ctx, f)
		if err != nil {
			return nil, "", nil, err
		}
		return resp.Body, resp.FinalURL, resp, nil
	}
	file, err := os.Open(f)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", nil, graph.Errorf(graph.EINVALID, "%s: no such feed file", f)
		}
		return nil, "", nil, graph.Wrap(graph.EINVALID, err, "%s: cannot read the feed file", f)
	}
	defer file.Close()
	body, err = io.ReadAll(io.LimitReader(file, maxFeedFileBytes+1))
	switch {
	case err != nil:
		return nil, "", nil, graph.Wrap(graph.EINVALID, err, "%s: cannot read the feed file", f)
	case len(body) > maxFeedFileBytes:
		return nil, "", nil, graph.Errorf(graph.ETOOLARGE, "%s: feed file is larger than %d MiB", f, maxFeedFileBytes>>20)
	}
	return body, "", nil, nil
}

// feedProblem shortens the parser's complaint about a document that is not
// a feed.
func feedProblem(err error) string {
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return "it is neither XML nor JSON of a known feed type"
	}
	return err.Error()
}

// resolveLink makes an item's link absolute against the feed's URL, and
// returns "" for a link that is not http(s).
func resolveLink(base, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if !u.IsAbs() && base != "" {
		b, err := url.Parse(base)
		if err != nil {
			return ""
		}
		u = b.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// feedLink finds the feed a web page declares (<link rel="alternate"
// type="application/rss+xml" href=…>, or Atom, or JSON Feed), resolved
// against base; "" when it declares none or is not HTML.
func feedLink(page []byte, base string) string {
	doc, err := dom.FastParse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	for _, l := range dom.QuerySelectorAll(doc, `link[rel~="alternate"][href]`) {
		switch strings.ToLower(strings.TrimSpace(dom.GetAttribute(l, "type"))) {
		case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json":
			if u := resolveLink(base, dom.GetAttribute(l, "href")); u != "" {
				return u
			}
		}
	}
	return ""
}
