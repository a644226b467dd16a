package extract_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/jdkato/prose/v3"

	"github.com/actorgraph/actorgraph/gen"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loadtest"
)

// BenchmarkThroughput compares the whole pipeline with prose's own
// NewDocument (default model, loaded once and reused) on the same
// generated articles (ACTORGRAPH_BENCH_EXTRACT_ARTICLES, default 50), one
// article per op, spread over GOMAXPROCS goroutines: run it with -cpu 1,2
// for the single-core rate and the speed-up. It reports KB/s and
// articles/s. prose-no-ner is NewDocument without named-entity extraction.
func BenchmarkThroughput(b *testing.B) {
	arts := gen.Articles(gen.Options{Seed: 1}, loadtest.Size("EXTRACT_ARTICLES", 50))
	x := sharedExtractor(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		run  func(a graph.Article) error
	}{
		{"pipeline", func(a graph.Article) error { _, err := x.Extract(ctx, a); return err }},
		{"prose", func(a graph.Article) error { _, err := prose.NewDocument(a.Text); return err }},
		// prose without its named-entity stage, which its documentation
		// says is most of the work: what a pipeline skipping it would pay.
		{"prose-no-ner", func(a graph.Article) error {
			_, err := prose.NewDocument(a.Text, prose.WithExtraction(false))
			return err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var next, bytes atomic.Int64
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					a := arts[int(next.Add(1)-1)%len(arts)]
					if err := c.run(a); err != nil {
						b.Error(err)
						return
					}
					bytes.Add(int64(len(a.Text)))
				}
			})
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(bytes.Load())/1024/secs, "KB/s")
			b.ReportMetric(float64(b.N)/secs, "articles/s")
		})
	}
}
