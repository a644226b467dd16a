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
// articles/s, and the CPU time the process spent per article (see below).
// The pipeline takes a few milliseconds an article, so -benchtime 100x
// lasts a fraction of a second: on a shared machine prefer -benchtime 3s.
// prose-no-ner is NewDocument without named-entity extraction.
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
			cpu0, cpuOK := processCPU()
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
			if cpu1, ok := processCPU(); ok && cpuOK {
				// CPU time per article, garbage collection included: on a
				// shared machine the rates above also measure the other
				// load, this does not. If it grows from -cpu 1 to -cpu 2,
				// the work itself does not scale (collection, contention);
				// if it stays and the rate does not double, the second core
				// was busy elsewhere. cores is what the run got.
				cpu := (cpu1 - cpu0).Seconds()
				b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms/article")
				b.ReportMetric(cpu/secs, "cores")
			}
		})
	}
}
