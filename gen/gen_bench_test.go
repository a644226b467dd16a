package gen_test

import (
	"io"
	"testing"

	"github.com/actorgraph/actorgraph/gen"
)

// BenchmarkWriteJSONL measures writing articles as JSON Lines; B/op and
// allocs/op per article show that memory does not grow with the count.
func BenchmarkWriteJSONL(b *testing.B) {
	g := gen.New(gen.Options{Seed: 1})
	b.ReportAllocs()
	var n int
	cw := &countingWriter{}
	for b.Loop() {
		if err := g.WriteJSONL(cw, 1); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	b.SetBytes(cw.n / int64(n))
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return io.Discard.Write(p)
}
