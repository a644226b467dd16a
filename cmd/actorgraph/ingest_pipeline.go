package main

import (
	"context"
	"runtime"
	"sync"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

// work is one unit of an ingest: an article to extract, a bad input, or an
// item skipped before extraction (already stored, unchanged on the server).
type work struct {
	item source.Item
	// skip, when set, says why there is nothing to extract; item.Origin
	// still names the input.
	skip string
	// committed runs once the article is stored, and not at all if it
	// fails: remembering a fetched page's validators must wait for that.
	committed func()
}

// outcome is a work item after extraction.
type outcome struct {
	origin    string
	x         graph.Extraction
	err       error
	skip      string
	committed func()
}

// producer hands work to emit until its inputs are exhausted, ctx is done
// (ctx.Err()) or emit fails (that error).
type producer func(ctx context.Context, emit func(work) error) error

// readPaths is the producer for files and directories.
func readPaths(paths []string) producer {
	return func(ctx context.Context, emit func(work) error) error {
		return source.Read(ctx, paths, func(it source.Item) error { return emit(work{item: it}) })
	}
}

// extractStream runs what produce gives through extraction on all cores and
// hands the outcomes to fn in the order produced, post-processed with
// source.Attribute (publisher and channel attribution) when attribute is
// set. Channels are bounded, so inputs are streamed rather than held. It
// stops early only when ctx is done or fn returns an error.
func extractStream(ctx context.Context, x *extract.Extractor, produce producer, attribute bool, fn func(outcome) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		w   work
	}
	type done struct {
		seq int
		out outcome
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)

	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = produce(ctx, func(w work) error {
			select {
			case jobs <- job{seq, w}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out := outcome{origin: j.w.item.Origin, err: j.w.item.Err, skip: j.w.skip, committed: j.w.committed}
				if out.err == nil && out.skip == "" {
					out.x, out.err = x.Extract(ctx, j.w.item.Article)
					if out.err == nil {
						if out.x.Article.ID == "" {
							out.x.Article.ID = j.w.item.Article.ID
						}
						if attribute {
							out.x = source.Attribute(out.x)
						}
					}
				}
				select {
				case results <- done{j.seq, out}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Reorder: hold outcomes that arrive early until their turn comes. At
	// most workers*4 are ever held, since the job queue is bounded.
	pending := make(map[int]outcome)
	next := 0
	var fnErr error
	for d := range results {
		pending[d.seq] = d.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if fnErr == nil {
				if fnErr = fn(out); fnErr != nil {
					cancel()
				}
			}
		}
	}
	if fnErr != nil {
		return fnErr
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}
