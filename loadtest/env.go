package loadtest

import (
	"os"
	"strconv"
	"time"
)

// Size returns the benchmark size ACTORGRAPH_BENCH_<name> when it is set to
// a positive integer, else def times ACTORGRAPH_BENCH_SCALE (default 1).
func Size(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv("ACTORGRAPH_BENCH_" + name)); err == nil && n > 0 {
		return n
	}
	if s, err := strconv.ParseFloat(os.Getenv("ACTORGRAPH_BENCH_SCALE"), 64); err == nil && s > 0 {
		if n := int(float64(def) * s); n > 0 {
			return n
		}
	}
	return def
}

// Duration returns ACTORGRAPH_BENCH_<name> parsed as a duration ("30s")
// when it is set and positive, else def. Durations do not scale.
func Duration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv("ACTORGRAPH_BENCH_" + name)); err == nil && d > 0 {
		return d
	}
	return def
}
