package loadtest

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// RSS returns this process's resident set size now and at its peak, in
// bytes, from /proc/self/status; zeros where that is not available.
func RSS() (now, peak int64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		if err != nil {
			continue
		}
		switch k {
		case "VmRSS":
			now = kb << 10
		case "VmHWM":
			peak = kb << 10
		}
	}
	return now, peak
}

// ResetPeakRSS makes the peak RSS start again from the current RSS
// (Linux's /proc/self/clear_refs), so that a benchmark can report the peak
// of one phase, such as serving after building. It reports whether it
// could.
func ResetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}
