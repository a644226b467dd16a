package loadtest

import (
	"math"
	"slices"
	"testing"
	"time"
)

// Latencies are the durations of single requests or queries.
type Latencies []time.Duration

// Percentile returns the p-th percentile (0 < p ≤ 100) by the nearest-rank
// method: the smallest latency with at least p% of all at or below it.
// It is 0 when there are none.
func (l Latencies) Percentile(p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}

// Report adds p50-ms, p95-ms (the Neo4j path target's percentile) and
// p99-ms to b's results.
func (l Latencies) Report(b *testing.B) {
	b.Helper()
	b.ReportMetric(ms(l.Percentile(50)), "p50-ms")
	b.ReportMetric(ms(l.Percentile(95)), "p95-ms")
	b.ReportMetric(ms(l.Percentile(99)), "p99-ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
