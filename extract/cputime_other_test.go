//go:build !unix

package extract_test

import "time"

// processCPU is not measured here; the benchmarks leave out their CPU
// figures.
func processCPU() (time.Duration, bool) { return 0, false }
