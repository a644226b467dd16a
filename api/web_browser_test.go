package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/graphtest"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
	"github.com/chromedp/chromedp"
)

// requireBrowserEnv, set to 1, turns the browser test's skips (no Chromium,
// no built page and no npm) into failures, for CI where both are installed.
const requireBrowserEnv = "ACTORGRAPH_REQUIRE_BROWSER"

// artifactsEnv names a directory for the screenshots; without it they go
// to the test's temporary directory.
const artifactsEnv = "ACTORGRAPH_TEST_ARTIFACTS"

// TestWebPageInBrowser drives the page in headless Chromium over a real
// store holding graphtest.PathFixture, the way a reader would: search,
// neighbourhood, a click on an edge of the drawing, paths with and without
// intermediaries, evidence from the keyboard, the timeline and a filter.
// Every expectation is the store's own answer to the same question, so the
// test checks that the page shows what the API says.
func TestWebPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chrome := chromiumPath(t)
	dist := builtWebPage(t)

	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatalf("opening the store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Ingest(ctx, graphtest.PathFixture()); err != nil {
		t.Fatalf("ingesting the path fixture: %v", err)
	}
	srv := httptest.NewServer((&api.Server{Store: st, WebDir: dist, QueryTimeout: -1}).Handler())
	t.Cleanup(srv.Close)

	b := startBrowser(t, chrome)
	b.do("open the page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#search-q"))

	alpha := entityNamed(t, st, "Alpha")
	foxtrot := entityNamed(t, st, "Foxtrot")
	golf := entityNamed(t, st, "Golf")

	t.Run("Search", func(t *testing.T) {
		b.t = t
		want := names(mustFind(t, st, graph.EntityFilter{Query: "Alpha", Limit: 25}))
		b.do("search for Alpha",
			chromedp.SendKeys("#search-q", "Alpha"),
			chromedp.Click(`#search-form button[type="submit"]`))
		b.wait("search results", `document.querySelectorAll('#search-results .linkish').length > 0`)
		got := evaluate[[]string](b, `[...document.querySelectorAll('#search-results .linkish')].map(b => b.textContent)`)
		if !slices.Equal(got, want) {
			t.Fatalf("search results = %q, want the store's %q", got, want)
		}
	})

	// The neighbourhood the store gives; the drawing must hold exactly it.
	hood, err := graph.Neighborhood(ctx, st, graph.NeighborhoodQuery{Entity: alpha.ID, Depth: 1})
	if err != nil {
		t.Fatalf("Neighborhood: %v", err)
	}
	t.Run("Neighborhood", func(t *testing.T) {
		b.t = t
		b.do("open Alpha's neighbourhood", chromedp.Click(`#search-results button[aria-label="Draw the neighbourhood of Alpha"]`))
		b.wait("Alpha's neighbourhood drawn", fmt.Sprintf(
			`window.actorgraph && window.actorgraph.cy.getElementById(%s).length === 1 && window.actorgraph.cy.nodes().length === %d`,
			jsString(alpha.ID), len(hood.Entities)))
		gotNodes := evaluate[[]string](b, `window.actorgraph.cy.nodes().map(n => n.id()).sort()`)
		gotEdges := evaluate[[]string](b, `window.actorgraph.cy.edges().map(e => e.data('relation')).sort()`)
		var wantNodes, wantEdges []string
		for _, e := range hood.Entities {
			wantNodes = append(wantNodes, e.ID)
		}
		for _, e := range hood.Edges {
			wantEdges = append(wantEdges, e.ID)
		}
		slices.Sort(wantNodes)
		slices.Sort(wantEdges)
		if !slices.Equal(gotNodes, wantNodes) || !slices.Equal(gotEdges, wantEdges) {
			t.Fatalf("drawn nodes %q edges %q, want the store's neighbourhood %q %q", gotNodes, gotEdges, wantNodes, wantEdges)
		}
		if n := evaluate[int](b, `document.querySelectorAll('#edge-table tbody tr').length`); n != len(hood.Edges) {
			t.Errorf("the relation list has %d rows, want %d, one per drawn relation", n, len(hood.Edges))
		}
	})

	t.Run("Depth", func(t *testing.T) {
		b.t = t
		deep, err := graph.Neighborhood(ctx, st, graph.NeighborhoodQuery{Entity: alpha.ID, Depth: 2})
		if err != nil {
			t.Fatalf("Neighborhood: %v", err)
		}
		if len(deep.Entities) <= len(hood.Entities) {
			t.Fatalf("depth 2 reaches %d entities, depth 1 %d; the test needs more", len(deep.Entities), len(hood.Entities))
		}
		b.do("redraw at depth 2",
			chromedp.SetValue("#hood-depth", "2"),
			chromedp.Click(`#hood-form button[type="submit"]`))
		b.wait("depth 2 drawn", fmt.Sprintf(`window.actorgraph.cy.nodes().length === %d && window.actorgraph.cy.edges().length === %d`,
			len(deep.Entities), len(deep.Edges)))
		b.do("back to depth 1",
			chromedp.SetValue("#hood-depth", "1"),
			chromedp.Click(`#hood-form button[type="submit"]`))
		b.wait("depth 1 drawn", fmt.Sprintf(`window.actorgraph.cy.nodes().length === %d`, len(hood.Entities)))
	})

	t.Run("ClickEdge", func(t *testing.T) {
		b.t = t
		var meet *graph.Edge
		for i, e := range hood.Edges {
			if e.Type == graph.Meet {
				meet = &hood.Edges[i]
			}
		}
		if meet == nil {
			t.Fatalf("the fixture gives Alpha no MEET relation: %+v", hood.Edges)
		}
		want := relationNamed(t, st, meet.ID)
		// Click the middle of the drawn edge, in page coordinates.
		xy := evaluate[[]float64](b, fmt.Sprintf(`(() => {
			const e = window.actorgraph.cy.getElementById(%s);
			const m = e.renderedMidpoint();
			const r = document.getElementById('cy').getBoundingClientRect();
			return [r.left + m.x, r.top + m.y];
		})()`, jsString(meet.ID)))
		b.do("click the MEET edge", chromedp.MouseClickXY(xy[0], xy[1]))
		b.waitEvidence(want)
		if got := evaluate[[]string](b, `window.actorgraph.cy.edges(':selected').map(e => e.id())`); !slices.Equal(got, []string{meet.ID}) {
			t.Errorf("selected edges after the click = %q, want [%s]", got, meet.ID)
		}
		b.screenshot("web-page-neighborhood.png")
	})

	t.Run("ClickNode", func(t *testing.T) {
		b.t = t
		bravo := entityNamed(t, st, "Bravo")
		d, err := st.Entity(ctx, bravo.ID)
		if err != nil {
			t.Fatalf("Entity(%s): %v", bravo.ID, err)
		}
		xy := evaluate[[]float64](b, fmt.Sprintf(`(() => {
			const p = window.actorgraph.cy.getElementById(%s).renderedPosition();
			const r = document.getElementById('cy').getBoundingClientRect();
			return [r.left + p.x, r.top + p.y];
		})()`, jsString(bravo.ID)))
		b.do("click Bravo", chromedp.MouseClickXY(xy[0], xy[1]))
		b.wait("Bravo's details", `document.querySelector('#detail-body h3') && document.querySelector('#detail-body h3').textContent === 'Bravo'`)
		got := evaluate[map[string]string](b, `Object.fromEntries([...document.querySelectorAll('#detail-body .facts dt')].map(dt => [dt.textContent, dt.nextElementSibling.textContent]))`)
		want := map[string]string{}
		for typ, n := range d.RelationCounts {
			want[strings.ReplaceAll(strings.ToLower(string(typ)), "_", " ")] = fmt.Sprint(n)
		}
		if !maps.Equal(got, want) {
			t.Errorf("Bravo's relation counts shown %v, want the store's %v", got, want)
		}
	})

	pathsShown := t.Run("Paths", func(t *testing.T) {
		b.t = t
		for _, via := range []bool{false, true} {
			q := graph.PathQuery{From: alpha.ID, To: foxtrot.ID, MaxHops: 4, K: 10, ViaHops: via}
			want := routes(mustPaths(t, st, q))
			throughGolf := slices.ContainsFunc(want, func(r string) bool { return strings.Contains(r, "Golf") })
			if throughGolf != via {
				t.Fatalf("via hops %v: the store's paths %q go through Golf: %v, want %v; has the fixture changed?", via, want, throughGolf, via)
			}
			steps := []chromedp.Action[chromedp.Void]{
				clearInput("#path-from"), chromedp.SendKeys("#path-from", "Alpha"),
				clearInput("#path-to"), chromedp.SendKeys("#path-to", "Foxtrot"),
				clearInput("#path-max-hops"), chromedp.SendKeys("#path-max-hops", "4"),
				clearInput("#path-k"), chromedp.SendKeys("#path-k", "10"),
			}
			if checked := evaluate[bool](b, `document.getElementById('path-via').checked`); checked != via {
				steps = append(steps, chromedp.Click("#path-via"))
			}
			// Clear the last answer, so that the wait below sees the new one.
			steps = append(steps, chromedp.Evaluate[chromedp.Void](`document.getElementById('path-results').replaceChildren()`),
				chromedp.Click(`#path-form button[type="submit"]`))
			b.do(fmt.Sprintf("find paths Alpha → Foxtrot (via hops %v)", via), steps...)
			b.wait("paths listed", fmt.Sprintf(`document.querySelectorAll('#path-results .route').length === %d`, len(want)))
			got := evaluate[[]string](b, `[...document.querySelectorAll('#path-results .route')].map(p => p.textContent)`)
			if !slices.Equal(got, want) {
				t.Fatalf("via hops %v: paths shown %q, want the store's %q", via, got, want)
			}
			drawn := evaluate[bool](b, fmt.Sprintf(`window.actorgraph.cy.getElementById(%s).length === 1`, jsString(golf.ID)))
			if drawn != via {
				t.Errorf("via hops %v: Golf drawn: %v, want %v", via, drawn, via)
			}
		}
	})

	t.Run("EvidenceFromKeyboard", func(t *testing.T) {
		b.t = t
		if !pathsShown {
			t.Skip("no paths shown to take the evidence from")
		}
		// The relation behind the hop through Golf, as the store has it.
		var negotiate string
		for _, p := range mustPaths(t, st, graph.PathQuery{From: alpha.ID, To: foxtrot.ID, MaxHops: 4, K: 10, ViaHops: true}) {
			for _, s := range p.Steps {
				if s.Via && len(s.Edges) > 0 {
					negotiate = s.Edges[0].ID
				}
			}
		}
		if negotiate == "" {
			t.Fatalf("no via step in the store's paths")
		}
		want := relationNamed(t, st, negotiate)
		sel := `#path-results .steps li:has(.badge) .chip`
		b.do("open the via hop's evidence with the keyboard", chromedp.Focus(sel), chromedp.KeyEvent("\r"))
		b.waitEvidence(want)
		if got := evaluate[string](b, `document.activeElement && document.activeElement.id`); got != "detail-h" {
			t.Errorf("focus after opening evidence from a button is on %q, want the evidence heading", got)
		}
		facts := evaluate[string](b, `document.querySelector('#detail-body .facts').textContent`)
		if !strings.Contains(facts, "Golf") {
			t.Errorf("the facts of the via relation %q do not name Golf", facts)
		}
	})

	t.Run("Timeline", func(t *testing.T) {
		b.t = t
		tl, err := st.Timeline(ctx, graph.TimelineQuery{Entity: alpha.ID, Limit: 500})
		if err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		if len(tl) == 0 {
			t.Fatalf("the store has no timeline for Alpha")
		}
		var want []string
		for _, e := range tl {
			want = append(want, e.Date)
		}
		b.do("open Alpha's timeline", chromedp.Click(`#search-results button[aria-label="Timeline of Alpha"]`))
		b.wait("timeline listed", fmt.Sprintf(`document.querySelectorAll('#timeline-list li').length === %d`, len(tl)))
		got := evaluate[[]string](b, `[...document.querySelectorAll('#timeline-list time')].map(t => t.getAttribute('datetime'))`)
		if !slices.Equal(got, want) {
			t.Errorf("timeline dates %q, want the store's %q, oldest first", got, want)
		}
	})

	b.t = t
	b.do("scroll to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	b.screenshot("web-page.png")

	t.Run("Filters", func(t *testing.T) {
		b.t = t
		all, err := st.Timeline(ctx, graph.TimelineQuery{Entity: alpha.ID, Limit: 500})
		if err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		f := graph.RelationFilter{ToDate: "2025-01-31"}
		tl, err := st.Timeline(ctx, graph.TimelineQuery{Entity: alpha.ID, Filter: f, Limit: 500})
		if err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		if len(tl) == 0 || len(tl) == len(all) {
			t.Fatalf("the filter keeps %d of %d relations of Alpha; the test needs it to keep some, not all", len(tl), len(all))
		}
		var want []string
		for _, e := range tl {
			want = append(want, e.Date)
		}
		b.do("filter to January 2025 and before",
			clearInput("#filter-to-date"), chromedp.SendKeys("#filter-to-date", f.ToDate),
			chromedp.Click(`#filter-form button[type="submit"]`))
		b.wait("the filtered timeline", fmt.Sprintf(`document.querySelectorAll('#timeline-list li').length === %d`, len(tl)))
		got := evaluate[[]string](b, `[...document.querySelectorAll('#timeline-list time')].map(t => t.getAttribute('datetime'))`)
		if !slices.Equal(got, want) {
			t.Errorf("filtered timeline dates %q, want the store's %q", got, want)
		}
	})

	b.t = t
	b.do("scroll to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	b.screenshot("web-page-filtered.png")
	if errs := b.pageErrors(); len(errs) > 0 {
		t.Errorf("the page threw or logged errors: %q", errs)
	}
}

// browser is one headless Chromium page and the test using it.
type browser struct {
	t   *testing.T
	ctx context.Context
	dir string // where screenshots go

	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

// startBrowser starts Chromium with a fresh profile and none of the
// background traffic (updates, sync, QUIC probes) a closed network would
// only see fail.
func startBrowser(t *testing.T, chrome string) *browser {
	t.Helper()
	profile, err := os.MkdirTemp("", "actorgraph-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Chromium's helpers can write in the profile for a moment after it
		// stops; try again before giving up.
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1440, 1000),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("force-color-profile", "srgb"),
	}
	// The whole browser session is bounded, whatever a step waits for.
	timeout, cancelTimeout := context.WithTimeout(context.Background(), 3*time.Minute)
	alloc, cancelAlloc := chromedp.NewExecAllocator(timeout, opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
		cancelTimeout()
	})
	dir := os.Getenv(artifactsEnv)
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("making %s=%s: %v", artifactsEnv, dir, err)
	}
	b := &browser{t: t, ctx: ctx, dir: dir}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	consoleCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range chromedp.Console(consoleCtx) {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.messages = append(b.messages, m)
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		stop()
		<-done
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, m := range b.messages {
			if m.Type != chromedp.ConsoleLog && m.Type != chromedp.ConsoleType("debug") {
				t.Logf("browser console %s: %s", m.Type, m.Text)
			}
		}
	})
	return b
}

// do runs steps, failing the test with a screenshot when one fails.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 45*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.screenshot("web-page-failed.png")
		b.t.Fatalf("%s: %v", what, err)
	}
}

// wait waits until a JavaScript expression is true.
func (b *browser) wait(what, expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 45*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		b.screenshot("web-page-failed.png")
		status := evaluate[string](b, `[...document.querySelectorAll('[role=status]')].map(s => s.id + ': ' + s.textContent).join('; ')`)
		b.t.Fatalf("waiting for %s (%s): %v; the page says: %s", what, expr, err, status)
	}
}

// waitEvidence waits until the evidence panel shows the relation's
// sentences, each with a link to its article.
func (b *browser) waitEvidence(want *graph.Edge) {
	b.t.Helper()
	sentences := make([]string, len(want.Evidence))
	for i, ev := range want.Evidence {
		sentences[i] = ev.Text
	}
	b.wait("the evidence of "+want.ID, fmt.Sprintf(
		`JSON.stringify([...document.querySelectorAll('#detail-body blockquote')].map(q => q.textContent)) === %s`,
		jsString(mustJSON(b.t, sentences))))
	links := evaluate[[]string](b, `[...document.querySelectorAll('#detail-body .source a')].map(a => a.href)`)
	for _, ev := range want.Evidence {
		if !slices.Contains(links, ev.ArticleURL) {
			b.t.Errorf("evidence %q: no link to its article %s among %q", ev.Text, ev.ArticleURL, links)
		}
	}
}

// screenshot saves the page as a PNG and logs where.
func (b *browser) screenshot(name string) {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(b.dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Errorf("saving the screenshot: %v", err)
		return
	}
	b.t.Logf("screenshot: %s", path)
}

// pageErrors are the uncaught exceptions the page threw and the errors
// the console showed: a failed request, a refused script or style.
func (b *browser) pageErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, m := range b.messages {
		if m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleError {
			out = append(out, m.Text)
		}
	}
	return out
}

// clearInput empties a text field as a reader selecting its text and
// deleting it would; typing into it afterwards fires the input events.
func clearInput(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`void (document.querySelector(%s).value = '')`, jsString(sel)))
}

func evaluate[T any](b *browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// chromiumPath finds Debian's chromium, or skips.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	skipOrFail(t, "no Chromium: install it (apt-get install -y chromium) to run the browser test")
	return ""
}

// builtWebPage returns ../web/dist, building it with npm when it is
// missing and npm is there.
func builtWebPage(t *testing.T) string {
	t.Helper()
	web, err := filepath.Abs(filepath.Join("..", "web"))
	if err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(web, "dist")
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err == nil {
		return dist
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		skipOrFail(t, "web/dist is not built and there is no npm to build it (cd web && npm ci && npm run build)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	for _, args := range [][]string{{"ci", "--no-audit", "--no-fund"}, {"run", "build"}} {
		cmd := exec.CommandContext(ctx, npm, args...)
		cmd.Dir = web
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building the web page: npm %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dist
}

func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv(requireBrowserEnv) == "1" {
		t.Fatalf("%s (%s=1 requires the browser test)", msg, requireBrowserEnv)
	}
	t.Skip(msg)
}

func entityNamed(t *testing.T, st graph.Store, name string) graph.Entity {
	t.Helper()
	for _, e := range mustFind(t, st, graph.EntityFilter{Query: name}) {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no entity named %s in the store", name)
	return graph.Entity{}
}

func mustFind(t *testing.T, st graph.Store, f graph.EntityFilter) []graph.Entity {
	t.Helper()
	es, err := st.FindEntities(context.Background(), f)
	if err != nil {
		t.Fatalf("FindEntities(%+v): %v", f, err)
	}
	return es
}

func relationNamed(t *testing.T, st graph.Store, id string) *graph.Edge {
	t.Helper()
	e, err := st.Relation(context.Background(), id)
	if err != nil {
		t.Fatalf("Relation(%s): %v", id, err)
	}
	if len(e.Evidence) == 0 {
		t.Fatalf("relation %s has no evidence", id)
	}
	return e
}

func mustPaths(t *testing.T, st graph.Store, q graph.PathQuery) []graph.Path {
	t.Helper()
	ps, err := st.Paths(context.Background(), q)
	if err != nil {
		t.Fatalf("Paths(%+v): %v", q, err)
	}
	return ps
}

// routes writes each path as the page does: names joined by arrows.
func routes(ps []graph.Path) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Join(names(p.Nodes), " → "))
	}
	return out
}

func names(es []graph.Entity) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Name)
	}
	return out
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
