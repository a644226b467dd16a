package main

import (
	"context"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

// extracted is one input's outcome: an extraction, or the error that kept
// it from having one, with where the input came from.
type extracted struct {
	origin string
	x      graph.Extraction
	err    error
}

// extractAll reads every file and directory under paths, extracts them on
// all cores and hands the outcomes to fn in input order, as extract and
// eval print them: the extractor's own output, without the publisher
// attribution ingest adds.
func extractAll(ctx context.Context, x *extract.Extractor, paths []string, fn func(extracted) error) error {
	return extractStream(ctx, x, readPaths(paths), false, func(o outcome) error {
		return fn(extracted{origin: o.origin, x: o.x, err: o.err})
	})
}
