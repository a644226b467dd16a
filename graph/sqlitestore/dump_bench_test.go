package sqlitestore_test

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// BenchmarkDump streams the benchmark graph (5,000 articles, 50,000
// relations) once per iteration. peak-heap-MB is the largest live heap seen
// while dumping, sampled every 500 articles: it stays flat as the graph
// grows because Dump holds one article at a time.
func BenchmarkDump(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	var peak uint64
	var ms runtime.MemStats
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		err := s.Dump(ctx, func(x graph.Extraction) error {
			if n++; n%500 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "articles/op")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkCopy copies the benchmark graph into an empty store, as
// `actorgraph migrate` does.
func BenchmarkCopy(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		dst, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "copy.db"))
		if err != nil {
			b.Fatal(err)
		}
		rep, err := graph.Copy(ctx, s, dst, 0, nil)
		if err != nil || rep.ArticlesFailed > 0 {
			b.Fatalf("Copy: %v %+v", err, rep)
		}
		dst.Close()
	}
}
