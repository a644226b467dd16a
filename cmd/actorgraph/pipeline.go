package main

import (
	"context"
	"runtime"
	"sync"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

// extracted is one input's outcome: an extraction, or the error that kept
// it from having one, with where the input came from.
type extracted struct {
	origin string
	x      graph.Extraction
	err    error
}

// extractAll reads every input under paths, extracts them on all cores and
// hands the outcomes to fn in input order. Channels are bounded, so a
// million-line JSONL file is streamed rather than held. It stops early only
// when ctx is done or fn returns an error.
func extractAll(ctx context.Context, x *extract.Extractor, paths []string, fn func(extracted) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq  int
		item source.Item
	}
	type done struct {
		seq int
		out extracted
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)

	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = source.Read(ctx, paths, func(it source.Item) error {
			select {
			case jobs <- job{seq, it}:
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
				out := extracted{origin: j.item.Origin, err: j.item.Err}
				if out.err == nil {
					out.x, out.err = x.Extract(ctx, j.item.Article)
					if out.err == nil && out.x.Article.ID == "" {
						out.x.Article.ID = j.item.Article.ID
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
	pending := make(map[int]extracted)
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
