package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// page is a news page in our own words, with the furniture real pages
// have around the article.
func page(site, title, date string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
<meta property="og:title" content="%s"><meta property="og:site_name" content="%s">
<meta property="article:published_time" content="%sT08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Sign in</a></nav>
<article><h1>%s</h1>`, title, title, site, date, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><footer>All rights reserved.</footer></body></html>`)
	return b.String()
}

var (
	pageMeet = page("Harbour Gazette", "Araghchi and Albusaidi meet in Muscat", "2025-05-04",
		"Iranian Foreign Minister Abbas Araghchi met Omani Foreign Minister Badr Albusaidi in Muscat on Sunday to discuss shipping in the Gulf.",
		"Both men described the meeting as constructive and said their deputies would continue the work over the coming weeks.")
	pageAccuse = page("Harbour Gazette", "Tehran blames Israel for convoy strike", "2025-05-05",
		"Iranian Foreign Minister Abbas Araghchi accused Israel on Monday of attacking an aid convoy near the border, a charge officials in Jerusalem did not answer.",
		"The ministry said it would raise the matter with the United Nations later in the week.")
	pageCall = page("Harbour Gazette", "Erdogan and Scholz hold talks", "2025-05-06",
		"Turkish President Recep Tayyip Erdogan met German Chancellor Olaf Scholz in Ankara on Tuesday, where the two leaders discussed trade and migration.",
		"Their offices said the talks would continue at a summit planned for the autumn.")
)

// site is a loopback news site with a feed. It counts what it serves, per
// path: full answers (200 with a body) and 304s.
type site struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	full   map[string]int
	not    map[string]int
	agents map[string]bool
	feed   func(base string) string
	// feedETag, when set, is the feed's ETag.
	feedETag string
	// onFeed runs on every feed request, after it is counted.
	onFeed func(n int)
}

func newSite(t *testing.T, feed func(base string) string) *site {
	t.Helper()
	s := &site{t: t, full: map[string]int{}, not: map[string]int{}, agents: map[string]bool{}, feed: feed}
	mux := http.NewServeMux()
	servePage := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			s.count(r.URL.Path, false)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if s.feedETag != "" && r.Header.Get("If-None-Match") == s.feedETag {
			n := s.count(r.URL.Path, true)
			w.WriteHeader(http.StatusNotModified)
			if s.onFeed != nil {
				s.onFeed(n)
			}
			return
		}
		n := s.count(r.URL.Path, false)
		if s.feedETag != "" {
			w.Header().Set("ETag", s.feedETag)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, s.feed(s.srv.URL))
		if s.onFeed != nil {
			s.onFeed(n)
		}
	})
	mux.HandleFunc("/news/meet", servePage(pageMeet))
	mux.HandleFunc("/news/accuse", servePage(pageAccuse))
	mux.HandleFunc("/news/call", func(w http.ResponseWriter, r *http.Request) {
		const etag = `"call-v1"`
		if r.Header.Get("If-None-Match") == etag {
			s.count(r.URL.Path, true)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.count(r.URL.Path, false)
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pageCall)
	})
	mux.HandleFunc("/news/broken", func(w http.ResponseWriter, r *http.Request) {
		s.count(r.URL.Path, false)
		http.Error(w, "database on fire", http.StatusInternalServerError)
	})
	mux.HandleFunc("/news/slow", func(w http.ResponseWriter, r *http.Request) {
		s.count(r.URL.Path, false)
		select { // far past the client's timeout; gone when it hangs up
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/news/login", servePage(`<html><head><title>Sign in</title></head><body><form><input name=u><button>Sign in</button></form></body></html>`))
	mux.HandleFunc("/home", func(w http.ResponseWriter, r *http.Request) {
		s.count(r.URL.Path, false)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>Harbour Gazette</title><link rel="alternate" type="application/rss+xml" title="World" href="/feed.xml"></head><body><p>Welcome.</p></body></html>`)
	})
	mux.HandleFunc("/not-a-feed", func(w http.ResponseWriter, r *http.Request) {
		s.count(r.URL.Path, false)
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "this is just a sentence, not a feed")
	})
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.agents[r.Header.Get("User-Agent")] = true
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) count(path string, notModified bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if notModified {
		s.not[path]++
	} else {
		s.full[path]++
	}
	return s.full[path] + s.not[path]
}

func (s *site) served(path string) (full, notModified int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.full[path], s.not[path]
}

func (s *site) url(path string) string { return s.srv.URL + path }

// rss is an RSS 2.0 feed with one item per path; an empty path is an item
// without a link.
func rss(paths ...string) func(base string) string {
	return func(base string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette: World</title><link>` + base + `/</link><description>World news</description>`)
		for i, p := range paths {
			b.WriteString("<item>")
			fmt.Fprintf(&b, "<title>Item %d</title><pubDate>Mon, 05 May 2025 09:00:00 +0000</pubDate>", i+1)
			if p != "" {
				// Relative links resolve against the feed's URL.
				fmt.Fprintf(&b, "<link>%s</link>", p)
			}
			b.WriteString("</item>")
		}
		b.WriteString(`</channel></rss>`)
		return b.String()
	}
}

// openStore opens the test's SQLite store, closed at the end of the test.
func openSQLite(t *testing.T, path string) *sqlitestore.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// webFlags keep the web tests short: a 300ms timeout, one quick retry, no
// politeness delay.
var webFlags = []string{"--timeout", "300ms", "--retries", "1", "--delay", "0", "--progress", "log"}

func TestIngestFeed(t *testing.T) {
	s := newSite(t, rss("/news/meet", "/news/call", "/news/broken", "/news/slow", "", s2("/news/login"), "/news/meet"))
	db := filepath.Join(t.TempDir(), "g.db")
	args := append([]string{"ingest", "--store", "sqlite:" + db, "--feed", s.url("/feed.xml"), "--log-every", "1ns"}, webFlags...)

	code, _, errOut := run(t, nil, args...)
	if code != 1 {
		t.Errorf("first poll: exit %d, want 1 (some items failed)\n%s", code, errOut)
	}
	// meet, call, broken, slow, no link, login; the repeated meet is
	// skipped.
	wantSummary(t, errOut, "7 read, 2 new, 0 unchanged, 0 replaced, 1 skipped, 4 failed")
	// The feed says how many items it has, so progress has a total and
	// an ETA.
	if !strings.Contains(errOut, `msg="ingest progress" read=1 `) || !strings.Contains(errOut, "total=7 eta=") {
		t.Errorf("progress lines lack the count, total or ETA:\n%s", errOut)
	}
	for _, want := range []string{
		s.url("/news/broken") + ": server answered 500 Internal Server Error (gave up after 2 tries)",
		s.url("/news/slow") + ": no answer within 300ms",
		"item 5 (\"Item 5\") has no http(s) link",
		s.url("/news/login") + ": no article text found",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	if full, _ := s.served("/news/broken"); full != 2 {
		t.Errorf("broken page asked %d times, want 2 (one retry)", full)
	}
	if !s.agents[fmtUA()] {
		t.Errorf("requests did not carry the User-Agent %q: %v", fmtUA(), s.agents)
	}

	st := openSQLite(t, db)
	ctx := context.Background()
	for _, p := range []string{"/news/meet", "/news/call"} {
		if has, err := st.HasArticle(ctx, "url:"+s.url(p)); err != nil || !has {
			t.Errorf("article %s not stored (%v)", p, err)
		}
	}
	for _, p := range []string{"/news/broken", "/news/slow", "/news/login"} {
		if has, _ := st.HasArticle(ctx, "url:"+s.url(p)); has {
			t.Errorf("failed page %s was stored", p)
		}
	}
	// The outlet is an entity: who reported this is a graph query.
	media, err := st.FindEntities(ctx, graph.EntityFilter{Query: "Harbour Gazette", Types: []graph.EntityType{graph.Media}})
	if err != nil || len(media) != 1 || media[0].ArticleCount != 2 {
		t.Errorf("publisher entity = %+v (%v), want one MEDIA entity linked to 2 articles", media, err)
	}
	counts, _ := st.Counts(ctx)
	st.Close()

	// Second poll: stored items are not fetched again, failed ones are
	// tried again and reported again.
	code, _, errOut = run(t, nil, args...)
	if code != 1 {
		t.Errorf("second poll: exit %d, want 1\n%s", code, errOut)
	}
	wantSummary(t, errOut, "7 read, 0 new, 0 unchanged, 0 replaced, 3 skipped, 4 failed")
	for _, p := range []string{"/news/meet", "/news/call"} {
		if full, not := s.served(p); full != 1 || not != 0 {
			t.Errorf("%s served %d times whole and %d times not modified over two polls, want once whole", p, full, not)
		}
	}
	if full, _ := s.served("/news/broken"); full != 4 {
		t.Errorf("broken page asked %d times over two polls, want 4", full)
	}
	st = openSQLite(t, db)
	if again, _ := st.Counts(ctx); again != counts {
		t.Errorf("second poll changed the store: %+v, was %+v", again, counts)
	}
}

// s2 is a path written as the feed gives it, relative to the feed.
func s2(p string) string { return strings.TrimPrefix(p, "/") }

func fmtUA() string {
	return "actorgraph/" + programVersion() + " (+https://github.com/actorgraph/actorgraph)"
}

func wantSummary(t *testing.T, stderr, want string) {
	t.Helper()
	if !strings.Contains(stderr, "ingest: "+want+";") {
		t.Errorf("summary does not say %q:\n%s", want, stderr)
	}
}

// TestIngestFeedPolling polls a feed answering with an ETag: the second
// poll asks conditionally, is told nothing changed and fetches nothing.
func TestIngestFeedPolling(t *testing.T) {
	s := newSite(t, rss("/news/meet", "/news/accuse"))
	s.feedETag = `"feed-v1"`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.onFeed = func(n int) {
		if n >= 3 {
			cancel() // the third poll has been answered: enough
		}
	}
	db := filepath.Join(t.TempDir(), "g.db")
	var out, errb strings.Builder
	m := &Main{Stdout: &out, Stderr: &syncWriter{w: &errb}, Getenv: func(string) string { return "" }}
	args := append([]string{"ingest", "--store", "sqlite:" + db, "--feed", s.url("/feed.xml"), "--every", "50ms"}, webFlags...)
	done := make(chan int)
	go func() { done <- m.Run(ctx, args) }()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d, want 0 (polling ends cleanly when interrupted)\n%s", code, errb.String())
		}
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatalf("polling did not stop when its context was cancelled\n%s", errb.String())
	}
	if full, not := s.served("/feed.xml"); full != 1 || not < 2 {
		t.Errorf("feed served whole %d times and not modified %d times, want 1 and at least 2", full, not)
	}
	for _, p := range []string{"/news/meet", "/news/accuse"} {
		if full, not := s.served(p); full != 1 || not != 0 {
			t.Errorf("%s served %d times whole, %d not modified; want fetched once", p, full, not)
		}
	}
	wantSummary(t, errb.String(), "2 read, 2 new, 0 unchanged, 0 replaced, 0 skipped, 0 failed")
	if !strings.Contains(errb.String(), "feed not modified since the last poll") {
		t.Errorf("log does not say the feed was unchanged:\n%s", errb.String())
	}
}

// TestIngestURLs ingests pages named on the command line, remembering
// validators across runs in a cache file.
func TestIngestURLs(t *testing.T) {
	s := newSite(t, rss())
	dir := t.TempDir()
	db, cache := filepath.Join(dir, "g.db"), filepath.Join(dir, "fetch.json")
	args := append(append([]string{"ingest", "--store", "sqlite:" + db, "--fetch-cache", cache}, webFlags...),
		s.url("/news/call"), s.url("/news/missing"), s.url("/news/login"), s.url("/feed.xml"))
	code, _, errOut := run(t, nil, args...)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, errOut)
	}
	wantSummary(t, errOut, "4 read, 1 new, 0 unchanged, 0 replaced, 0 skipped, 3 failed")
	for _, want := range []string{
		s.url("/news/missing") + ": server answered 404 Not Found",
		s.url("/feed.xml") + ": not a web page (Content-Type \"application/rss+xml\"); for a feed, use --feed",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	code, _, errOut = run(t, nil, args...)
	if code != 1 {
		t.Errorf("second run: exit %d, want 1\n%s", code, errOut)
	}
	wantSummary(t, errOut, "4 read, 0 new, 0 unchanged, 0 replaced, 1 skipped, 3 failed")
	if full, not := s.served("/news/call"); full != 1 || not != 1 {
		t.Errorf("page with an ETag served %d times whole and %d not modified, want 1 and 1", full, not)
	}
}

func TestIngestBadFeeds(t *testing.T) {
	s := newSite(t, rss())
	dir := t.TempDir()
	junk := writeFiles(t, map[string]string{"feed.xml": "<html><body>not a feed</body></html>"})
	tests := []struct {
		name, feed, want string
	}{
		{"not a feed", s.url("/not-a-feed"), s.url("/not-a-feed") + ": not an RSS, Atom or JSON feed"},
		{"feed file of HTML", filepath.Join(junk, "feed.xml"), "not an RSS, Atom or JSON feed"},
		{"no such file", filepath.Join(dir, "nope.xml"), "no such feed file"},
		{"server error", s.url("/news/broken"), "server answered 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"ingest", "--store", "sqlite:" + filepath.Join(dir, "g.db"), "--feed", tt.feed}, webFlags...)
			code, _, errOut := run(t, nil, args...)
			if code != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, want 1 with %q:\n%s", code, tt.want, errOut)
			}
			wantSummary(t, errOut, "1 read, 0 new, 0 unchanged, 0 replaced, 0 skipped, 1 failed")
		})
	}
}

func TestIngestFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"ingest", "--every", "1m", "x.json"},
		{"ingest", "--progress", "fancy", "x.json"},
		{"ingest", "--timeout", "0s", "--feed", "f.xml"},
		{"ingest"},
	} {
		if code, _, _ := run(t, nil, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// syncWriter lets the log and the test read one buffer safely.
type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// TestIngestFeedFormats reads Atom and JSON Feed files (RSS is above) whose
// items link to pages on a loopback site.
func TestIngestFeedFormats(t *testing.T) {
	s := newSite(t, rss())
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Gazette</title><id>urn:x</id><updated>2025-05-06T00:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><updated>2025-05-04T00:00:00Z</updated><link href="` + s.url("/news/meet") + `"/></entry>
<entry><title>Two</title><id>urn:2</id><updated>2025-05-05T00:00:00Z</updated><link href="` + s.url("/news/accuse") + `"/></entry></feed>`
	jsonFeed := `{"version":"https://jsonfeed.org/version/1.1","title":"Harbour Gazette","items":[` +
		`{"id":"1","url":"` + s.url("/news/meet") + `","title":"One"},` +
		`{"id":"2","url":"` + s.url("/news/call") + `","title":"Two"},` +
		`{"id":"3","title":"No page","content_text":"An item with no link."}]}`
	dir := writeFiles(t, map[string]string{"feed.atom": atom, "feed.json": jsonFeed})
	tests := []struct {
		file string
		code int
		want string
	}{
		{"feed.atom", 0, "2 read, 2 new, 0 unchanged, 0 replaced, 0 skipped, 0 failed"},
		{"feed.json", 1, "3 read, 2 new, 0 unchanged, 0 replaced, 0 skipped, 1 failed"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "g.db")
			args := append([]string{"ingest", "--store", "sqlite:" + db, "--feed", filepath.Join(dir, tt.file)}, webFlags...)
			code, _, errOut := run(t, nil, args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, errOut)
			}
			wantSummary(t, errOut, tt.want)
		})
	}
}

// TestIngestSavedPage ingests a web page saved to a file, with one that
// has no article beside it.
func TestIngestSavedPage(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"meet.html":   pageMeet,
		"signin.html": `<html><head><title>Sign in</title></head><body><form><input name=u><button>Go</button></form></body></html>`,
	})
	db := filepath.Join(t.TempDir(), "g.db")
	code, _, errOut := run(t, nil, "ingest", "--store", "sqlite:"+db, "--progress", "off", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, errOut)
	}
	wantSummary(t, errOut, "2 read, 1 new, 0 unchanged, 0 replaced, 0 skipped, 1 failed")
	if !strings.Contains(errOut, "signin.html: no article text found in the page") {
		t.Errorf("summary does not report the page without an article:\n%s", errOut)
	}
	st := openSQLite(t, db)
	ctx := context.Background()
	media, err := st.FindEntities(ctx, graph.EntityFilter{Query: "Harbour Gazette", Types: []graph.EntityType{graph.Media}})
	if err != nil || len(media) != 1 {
		t.Errorf("publisher of the saved page = %+v, %v; want one MEDIA entity", media, err)
	}
	people, err := st.FindEntities(ctx, graph.EntityFilter{Query: "Abbas Araghchi", Types: []graph.EntityType{graph.Person}})
	if err != nil || len(people) != 1 {
		t.Errorf("no PERSON read from the saved page's text: %+v, %v", people, err)
	}
}

// TestIngestFeedDiscovery gives --feed a site's home page, which names its
// feed.
func TestIngestFeedDiscovery(t *testing.T) {
	s := newSite(t, rss("/news/meet", "/news/accuse"))
	db := filepath.Join(t.TempDir(), "g.db")
	args := append([]string{"ingest", "--store", "sqlite:" + db, "--feed", s.url("/home")}, webFlags...)
	code, _, errOut := run(t, nil, args...)
	if code != 0 {
		t.Errorf("exit %d, want 0\n%s", code, errOut)
	}
	wantSummary(t, errOut, "2 read, 2 new, 0 unchanged, 0 replaced, 0 skipped, 0 failed")
	if full, _ := s.served("/feed.xml"); full != 1 {
		t.Errorf("linked feed fetched %d times, want 1", full)
	}
}
