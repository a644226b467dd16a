package source

import (
	"bytes"
	"io"
	"net/url"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// MinPageWords is the fewest words a page's main text must have to count
// as an article. The extractors' fallbacks return whatever text a page has,
// so a sign-in form or a bare index would otherwise come back as a few
// words of menu.
const MinPageWords = 20

// MaxPageText caps the text a page may hold outside scripts and styles.
// The page extractor's time grows with the square of that text (1.4 s at
// 256 KB of short paragraphs, 6 s at 500 KB, minutes at several MB), and
// no news article comes near it: 256 KB is some 40,000 words. A longer
// page is ETOOLARGE before any extraction starts, however small its markup.
const MaxPageText = 256 << 10

// FromHTML reduces a web page to its article: the main text without
// navigation, adverts and comments, and its title, author, publication date
// and site name, with go-trafilatura (falling back to readability and DOM
// distiller when its own pass finds too little). what names the input in
// messages; contentType is the HTTP Content-Type when the page was fetched
// ("" for a saved file), used to decode a page not in UTF-8; pageURL is
// where the page lives ("" when unknown, in which case the page's canonical
// URL, if it declares one, is used). A page without article text is
// EINVALID, and so nothing is ingested from it.
func FromHTML(what string, page []byte, contentType, pageURL string) (a graph.Article, err error) {
	defer func() {
		// The extractor walks arbitrary markup; a panic on an odd page must
		// cost that page only.
		if recover() != nil {
			a, err = graph.Article{}, graph.Errorf(graph.EINVALID, "%s: the page could not be parsed as HTML", what)
		}
	}()
	r, cerr := charset.NewReader(bytes.NewReader(page), contentType)
	if cerr != nil {
		return graph.Article{}, graph.Wrap(graph.EINVALID, cerr, "%s: unknown character set in %q", what, contentType)
	}
	doc, perr := dom.FastParse(r)
	if perr != nil {
		return graph.Article{}, graph.Wrap(graph.EINVALID, perr, "%s: not HTML", what)
	}
	if n := pageText(doc, MaxPageText); n > MaxPageText {
		return graph.Article{}, graph.Errorf(graph.ETOOLARGE, "%s: the page holds more than %d KB of text, more than any article (the limit for one page)", what, MaxPageText>>10)
	}
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		// Fast scans the page for dates without the multilingual date
		// parser, whose many regular expressions cost more than the
		// extraction itself; metadata dates are read either way.
		HtmlDateMode: trafilatura.Fast,
	}
	if u, uerr := url.Parse(pageURL); pageURL != "" && uerr == nil {
		opts.OriginalURL = u
	}
	res, xerr := trafilatura.ExtractDocument(doc, opts)
	var text string
	if xerr == nil && res != nil && res.ContentNode != nil {
		text = blockText(res.ContentNode)
	}
	if len(strings.Fields(text)) < MinPageWords {
		return graph.Article{}, graph.Errorf(graph.EINVALID, "%s: no article text found in the page (is it an index, a login wall or empty?)", what)
	}
	md := res.Metadata
	a = graph.Article{
		URL:    pageURL,
		Title:  clean(md.Title),
		Author: clean(md.Author),
		Source: clean(md.Sitename),
		Text:   strings.ToValidUTF8(text, "\uFFFD"),
	}
	if a.URL == "" && isWebURL(md.URL) {
		a.URL = md.URL
	}
	if a.Source == "" {
		a.Source = siteOf(a.URL)
	}
	if !md.Date.IsZero() {
		a.Published = md.Date.Format("2006-01-02")
	}
	return a, nil
}

// pageText counts the bytes of text in n outside elements that hold no
// readable text, stopping once the count passes limit so that a huge page
// costs no more than a look at its first limit bytes of text.
func pageText(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total <= limit; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				total += len(c.Data)
			case c.Type == html.ElementNode && unreadable[c.Data]:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return total
}

// unreadable are the elements whose content is code or data, not text.
var unreadable = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true}

// htmlFile reads a saved web page.
func (r *reader) htmlFile(p string) error {
	f, err := r.open(p)
	if err != nil {
		return r.fail(p, statError(p, err))
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxLineBytes+1))
	f.Close()
	switch {
	case err != nil:
		return r.fail(p, graph.Wrap(graph.EINVALID, err, "%s: cannot read", p))
	case len(b) > MaxLineBytes:
		return r.fail(p, graph.Errorf(graph.ETOOLARGE, "%s: file is larger than %d MiB, the limit for one page", p, MaxLineBytes>>20))
	case len(bytes.TrimSpace(b)) == 0:
		return r.fail(p, graph.Errorf(graph.EINVALID, "%s: file is empty", p))
	}
	if why := binaryReason(b); why != "" {
		return r.fail(p, graph.Errorf(graph.EINVALID, "%s: looks like a binary file (%s), not a web page", p, why))
	}
	a, xerr := FromHTML(p, b, "", "")
	if xerr != nil {
		return r.fail(p, asGraphError(xerr))
	}
	a.ID = baseID(p)
	return r.emit(Item{Origin: p, Article: a})
}

// asGraphError returns err as the *graph.Error it is.
func asGraphError(err error) *graph.Error {
	if g, ok := err.(*graph.Error); ok {
		return g
	}
	return graph.Wrap(graph.EINVALID, err, "%s", err.Error())
}

// clean collapses runs of white space in a metadata field.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// siteOf names a site by its host, without a leading "www.", for pages
// that do not name themselves.
func siteOf(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// blockText writes out the article tree the extractor kept (clean markup:
// headings, paragraphs, lists, quotes) as text with a blank line between
// blocks and a line break for <br>. The extractor's own plain text runs
// blocks together with a space, which would glue a headline to the first
// sentence and keep sentence splitting from seeing paragraph ends.
func blockText(root *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		var lines []string
		for _, l := range strings.Split(cur.String(), "\n") {
			if f := strings.Fields(l); len(f) > 0 {
				lines = append(lines, strings.Join(f, " "))
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			// A newline in the source is only white space.
			cur.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br":
				cur.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	return strings.Join(paras, "\n\n")
}

// blockElements start and end a paragraph of text.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"dd": true, "div": true, "dl": true, "dt": true, "figcaption": true, "figure": true,
	"footer": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "li": true, "main": true, "ol": true, "p": true, "pre": true,
	"section": true, "table": true, "td": true, "th": true, "tr": true, "ul": true,
}
