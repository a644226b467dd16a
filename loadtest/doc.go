// Package loadtest measures actorgraph: a load generator for the HTTP API
// (Run), latency percentiles (Latencies), benchmark bodies shared by the
// stores (BenchLoad, BenchPaths) and the sizes benchmarks read from the
// environment (Size, Duration), so that `go test -bench . -benchtime 1x`
// stays quick while scripts/bench runs the same code at scale.
//
// Environment (all optional; defaults are small):
//
//	ACTORGRAPH_BENCH_SCALE      multiplies every default size (default 1)
//	ACTORGRAPH_BENCH_<NAME>     sets one size outright, e.g.
//	                            ACTORGRAPH_BENCH_PATH_RELATIONS=200000
//
// Each benchmark's doc comment names the sizes it reads.
package loadtest
