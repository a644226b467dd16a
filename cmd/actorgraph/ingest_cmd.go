package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/fetch"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

// ingestBatch is how many articles go to the store in one Ingest call:
// large enough that writes are batched, small enough that a failure
// loses little work and progress shows.
const ingestBatch = 32

// maxListedFailures bounds the failures the summary lists one by one.
const maxListedFailures = 50

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

func (m *Main) runIngest(ctx context.Context, args []string) error {
	fs := m.flagSet("ingest", "[flags] FILE|DIR|URL...",
		"Extract articles and store them in the graph. Inputs are files (.txt, .json,\n"+
			".jsonl, .html/.htm, a Telegram channel export as .json), directories of them,\n"+
			"web pages by http(s) URL, feeds (--feed) and Telegram exports (--telegram).\n"+
			"Every article's outlet or channel becomes a MEDIA entity; a channel message's\n"+
			"relations are attributed to the channel (or, forwarded, to its origin).\n"+
			"Ingest is idempotent: an article already stored with the same URL (or, without\n"+
			"one, the same text) is skipped, one stored under its URL with different text is\n"+
			"replaced. Bad inputs are reported by file, line, message or URL and the rest is\n"+
			"still ingested; the exit status is 1 when any input failed. Flags come before\n"+
			"the inputs.")
	storeURI := m.storeFlag(fs)
	logFormat := fs.String("log-format", "text", "log format: text or json")
	var feeds, telegrams stringList
	fs.Var(&feeds, "feed", "RSS, Atom or JSON Feed `URL|FILE` whose items' pages to fetch and ingest (repeatable), or a page naming its feed; items already stored are not fetched again")
	fs.Var(&telegrams, "telegram", "Telegram Desktop channel export `FILE` (result.json) to ingest message by message (repeatable)")
	every := fs.Duration("every", 0, "with --feed: poll the feeds again at this interval (e.g. 15m) until interrupted")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "web: time limit for one request")
	delay := fs.Duration("delay", fetch.DefaultHostDelay, "web: least time between two requests to one host")
	retries := fs.Int("retries", fetch.DefaultRetries, "web: retries of a request failing with 5xx, 429 or a timeout (0 for none)")
	maxBytes := fs.Int64("max-bytes", fetch.DefaultMaxBytes, "web: largest page or feed accepted, in bytes")
	fetchCache := fs.String("fetch-cache", "", "web: `FILE` keeping ETag/Last-Modified of fetched URLs across runs, so unchanged pages and feeds are not downloaded again; use one per store (default: kept for this run only)")
	progressFlag := fs.String("progress", progressAuto, "progress display: auto (a bar on a terminal, log lines otherwise), bar, log or off")
	logEvery := fs.Duration("log-every", 10*time.Second, "with log progress: interval between progress lines")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if err := m.logFormat(*logFormat); err != nil {
		return err
	}
	mode, err := parseProgressMode(*progressFlag)
	if err != nil {
		fmt.Fprintln(m.Stderr, err)
		return errUsage
	}
	if fs.NArg() == 0 && len(feeds) == 0 && len(telegrams) == 0 {
		fs.Usage()
		return errUsage
	}
	if *every > 0 && len(feeds) == 0 {
		fmt.Fprintln(m.Stderr, "--every polls feeds: give at least one --feed")
		return errUsage
	}
	if *every < 0 || *timeout <= 0 || *retries < 0 || *maxBytes <= 0 || *delay < 0 || *logEvery <= 0 {
		fmt.Fprintln(m.Stderr, "--every, --timeout, --delay, --retries, --max-bytes and --log-every must not be negative (--timeout, --max-bytes and --log-every above zero)")
		return errUsage
	}
	var paths, urls []string
	for _, a := range fs.Args() {
		if fetch.IsURL(a) {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	var client *fetch.Client
	if len(urls) > 0 || len(feeds) > 0 {
		hostDelay := *delay
		if hostDelay == 0 {
			hostDelay = -1 // fetch.Config: negative is none, zero the default
		}
		r := *retries
		if r == 0 {
			r = -1
		}
		client, err = fetch.New(fetch.Config{Timeout: *timeout, UserAgent: fetch.UserAgent(programVersion()),
			MaxBytes: *maxBytes, Retries: r, HostDelay: hostDelay, CacheFile: *fetchCache})
		if err != nil {
			return err
		}
		defer func() {
			if err := client.Save(); err != nil {
				m.Logger.Warn("cannot save the fetch cache", "error", graph.ErrorMessage(err))
			}
		}()
	}

	st, err := m.openStore(ctx, *storeURI)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := extract.New()
	if err != nil {
		return err
	}
	var sum ingestSummary
	start := time.Now()
	prog := newProgress(mode, m.Stderr, m.Logger, *logEvery, &sum)
	s := &sink{m: m, st: st, x: x, sum: &sum, prog: prog}

	if len(paths) > 0 {
		err = s.run(ctx, readPaths(paths), countPaths(ctx, paths))
	}
	for _, t := range telegrams {
		if err == nil {
			err = s.run(ctx, readTelegram(t), -1)
		}
	}
	if err == nil && len(urls) > 0 {
		err = s.run(ctx, fetchPages(client, urls), len(urls))
	}
	if err == nil && len(feeds) > 0 {
		err = s.pollFeeds(ctx, client, feeds, *every)
	}
	prog.finish()
	sum.elapsed = time.Since(start)
	m.printSummary(sum)
	if strings.EqualFold(*logFormat, "json") {
		// The same figures for whoever reads the log by machine.
		m.Logger.Info("ingest done", "read", sum.read, "new", sum.report.ArticlesNew,
			"unchanged", sum.report.ArticlesSkipped, "replaced", sum.report.ArticlesReplaced,
			"skipped", sum.skipped, "failed", sum.failed, "entities_added", sum.report.EntitiesAdded,
			"relations_added", sum.report.RelationsAdded, "elapsed", sum.elapsed.Round(time.Millisecond).String())
	}
	if err != nil {
		return err
	}
	if sum.failed > 0 {
		return errPartial{sum.failed}
	}
	return nil
}

// ingestSummary is what one ingest run did.
type ingestSummary struct {
	read, failed int
	// skipped counts items not even extracted: already stored, or
	// unchanged on the server.
	skipped     int
	report      graph.IngestReport
	elapsed     time.Duration
	uncommitted []string
	// failures describes the first maxListedFailures failed inputs;
	// unlisted counts the others.
	failures []string
	unlisted int
}

// sink takes extraction outcomes, stores them in batches and keeps the
// summary and the progress display up to date.
type sink struct {
	m    *Main
	st   graph.Store
	x    *extract.Extractor
	sum  *ingestSummary
	prog *progress

	batch     []graph.Extraction
	origins   []string
	committed []func()
}

// run ingests everything one producer gives, and flushes. expect is how
// many items it will give, -1 when that is not known in advance (the
// progress then shows no ETA).
func (s *sink) run(ctx context.Context, p producer, expect int) error {
	if expect < 0 {
		s.prog.unknown()
	} else {
		s.prog.expect(expect)
	}
	err := extractStream(ctx, s.x, p, true, func(o outcome) error { return s.take(ctx, o) })
	if ferr := s.flush(ctx); err == nil {
		err = ferr
	}
	return err
}

// take counts one outcome and queues its extraction for the store.
func (s *sink) take(ctx context.Context, o outcome) error {
	s.sum.read++
	defer s.prog.tick()
	switch {
	case o.err != nil:
		s.fail(failureText(o.origin, o.err))
		return nil
	case o.skip != "":
		s.sum.skipped++
		s.m.Logger.Debug("ingest: skipped", "input", o.origin, "why", o.skip)
		return nil
	}
	s.batch = append(s.batch, o.x)
	s.origins = append(s.origins, o.origin)
	s.committed = append(s.committed, o.committed)
	if len(s.batch) >= ingestBatch {
		return s.flush(ctx)
	}
	return nil
}

func (s *sink) fail(text string) {
	s.sum.failed++
	// Only the first failures are kept for the summary, so a feed polled
	// for days with a page that never loads does not grow without bound.
	if len(s.sum.failures) < maxListedFailures {
		s.sum.failures = append(s.sum.failures, text)
	} else {
		s.sum.unlisted++
	}
	s.prog.failed(text)
}

// flush stores the queued extractions and, for those committed, runs their
// committed hooks.
func (s *sink) flush(ctx context.Context) error {
	if len(s.batch) == 0 {
		return nil
	}
	defer func() { s.batch, s.origins, s.committed = s.batch[:0], s.origins[:0], s.committed[:0] }()
	rep, err := s.st.Ingest(ctx, s.batch)
	if err != nil {
		// The store failed as a whole: nothing of this batch is known
		// to be committed. Say which, so a rerun (idempotent) can
		// complete them.
		s.sum.uncommitted = append(s.sum.uncommitted, s.origins...)
		s.sum.failed += len(s.batch)
		return fmt.Errorf("store failed; %d article(s) of this batch not committed: %w", len(s.batch), err)
	}
	for i, r := range rep.Results {
		if r.Status == graph.IngestFailed {
			origin := r.ID
			if i < len(s.origins) {
				origin = s.origins[i]
			}
			s.fail(origin + ": " + r.Error)
			continue
		}
		if i < len(s.committed) && s.committed[i] != nil {
			s.committed[i]()
		}
	}
	addReport(&s.sum.report, rep)
	// Failed results were counted by fail above.
	s.m.Logger.Debug("ingested", "articles", s.sum.read, "new", s.sum.report.ArticlesNew,
		"unchanged", s.sum.report.ArticlesSkipped, "failed", s.sum.failed)
	return nil
}

// failureText describes a failed input, naming it once.
func failureText(origin string, err error) string {
	msg := err.Error()
	if graph.ErrorCode(err) != graph.EINTERNAL {
		msg = graph.ErrorMessage(err)
	}
	if origin != "" && !strings.Contains(msg, origin) {
		return origin + ": " + msg
	}
	return msg
}

func addReport(dst *graph.IngestReport, r graph.IngestReport) {
	dst.EntitiesAdded += r.EntitiesAdded
	dst.RelationsAdded += r.RelationsAdded
	dst.EvidenceAdded += r.EvidenceAdded
	dst.ArticlesNew += r.ArticlesNew
	dst.ArticlesSkipped += r.ArticlesSkipped
	dst.ArticlesReplaced += r.ArticlesReplaced
	dst.ArticlesFailed += r.ArticlesFailed
}

func (m *Main) printSummary(s ingestSummary) {
	fmt.Fprintf(m.Stderr, "ingest: %d read, %d new, %d unchanged, %d replaced, %d skipped, %d failed; %d entities and %d relations added; %s\n",
		s.read, s.report.ArticlesNew, s.report.ArticlesSkipped, s.report.ArticlesReplaced, s.skipped, s.failed,
		s.report.EntitiesAdded, s.report.RelationsAdded, s.elapsed.Round(time.Millisecond))
	if len(s.failures) > 0 {
		fmt.Fprintf(m.Stderr, "failed:\n")
		for _, f := range s.failures {
			fmt.Fprintf(m.Stderr, "  %s\n", f)
		}
		if s.unlisted > 0 {
			fmt.Fprintf(m.Stderr, "  … and %d more\n", s.unlisted)
		}
	}
	if len(s.uncommitted) > 0 {
		fmt.Fprintf(m.Stderr, "not committed (rerun the same ingest to complete them):\n")
		for _, o := range s.uncommitted {
			fmt.Fprintf(m.Stderr, "  %s\n", o)
		}
	}
}

// countPaths is how many items reading paths will give, -1 when unknown.
func countPaths(ctx context.Context, paths []string) int {
	if n, ok := source.Count(ctx, paths); ok {
		return n
	}
	return -1
}

// readTelegram is the producer for a Telegram channel export.
func readTelegram(path string) producer {
	return func(ctx context.Context, emit func(work) error) error {
		return source.ReadTelegram(ctx, path, func(it source.Item) error { return emit(work{item: it}) })
	}
}

// ingest streams the files under paths through extraction into the store,
// with the default progress display; the demo uses it.
func (m *Main) ingest(ctx context.Context, st graph.Store, x *extract.Extractor, paths []string) (ingestSummary, error) {
	var sum ingestSummary
	start := time.Now()
	prog := newProgress(progressAuto, m.Stderr, m.Logger, 10*time.Second, &sum)
	s := &sink{m: m, st: st, x: x, sum: &sum, prog: prog}
	err := s.run(ctx, readPaths(paths), countPaths(ctx, paths))
	prog.finish()
	sum.elapsed = time.Since(start)
	return sum, err
}
