package loadtest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/loadtest"
)

func TestPercentile(t *testing.T) {
	ms := func(xs ...int) loadtest.Latencies {
		var l loadtest.Latencies
		for _, x := range xs {
			l = append(l, time.Duration(x)*time.Millisecond)
		}
		return l
	}
	for _, c := range []struct {
		name string
		l    loadtest.Latencies
		p    float64
		want time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of odd", ms(5, 1, 3), 50, 3 * time.Millisecond},
		{"median of even", ms(4, 1, 3, 2), 50, 2 * time.Millisecond},
		{"p99 of 100", ms(func() []int {
			var xs []int
			for i := 100; i >= 1; i-- {
				xs = append(xs, i)
			}
			return xs
		}()...), 99, 99 * time.Millisecond},
		{"p100", ms(9, 2, 30), 100, 30 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.l.Percentile(c.p); got != c.want {
				t.Errorf("Percentile(%v) = %v, want %v", c.p, got, c.want)
			}
		})
	}
}

func TestSize(t *testing.T) {
	for _, c := range []struct {
		name, scale, own string
		want             int
	}{
		{"default", "", "", 10},
		{"scaled", "3", "", 30},
		{"fraction", "0.5", "", 5},
		{"own wins", "3", "7", 7},
		{"junk ignored", "x", "-1", 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("ACTORGRAPH_BENCH_SCALE", c.scale)
			t.Setenv("ACTORGRAPH_BENCH_TESTSIZE", c.own)
			if got := loadtest.Size("TESTSIZE", 10); got != c.want {
				t.Errorf("Size = %d, want %d", got, c.want)
			}
		})
	}
}

// TestRun checks that the generator spreads requests over its targets,
// counts every answer and counts non-200 answers as errors.
func TestRun(t *testing.T) {
	var ok, bad atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			bad.Add(1)
			http.Error(w, "no", http.StatusInternalServerError)
			return
		}
		ok.Add(1)
		w.Write([]byte("fine"))
	}))
	defer srv.Close()
	res, err := loadtest.Run(context.Background(), loadtest.Config{
		Targets: []string{srv.URL + "/good", srv.URL + "/bad"}, Conns: 4, Duration: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests == 0 || int64(res.Requests) != ok.Load()+bad.Load() {
		t.Errorf("Requests = %d, server saw %d good and %d bad", res.Requests, ok.Load(), bad.Load())
	}
	if int64(res.Errors) != bad.Load() || res.Errors == 0 {
		t.Errorf("Errors = %d, server answered %d with 500", res.Errors, bad.Load())
	}
	if res.FirstError == "" {
		t.Error("no first error recorded")
	}
	if len(res.Latencies) != res.Requests || res.RPS() <= 0 {
		t.Errorf("%d latencies for %d requests, %v req/s", len(res.Latencies), res.Requests, res.RPS())
	}
}

func TestRunConfig(t *testing.T) {
	if _, err := loadtest.Run(context.Background(), loadtest.Config{Conns: 1, Duration: time.Second}); err == nil {
		t.Error("no targets: no error")
	}
}

// TestRunRequests checks that a run by count sends each target in turn,
// exactly that many requests, with no time limit.
func TestRunRequests(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.Path]++
		mu.Unlock()
	}))
	defer srv.Close()
	targets := []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c"}
	for _, conns := range []int{1, 3} {
		clear(seen)
		res, err := loadtest.Run(context.Background(), loadtest.Config{Targets: targets, Conns: conns, Requests: 6})
		if err != nil {
			t.Fatal(err)
		}
		if res.Requests != 6 || res.Errors != 0 || len(res.Latencies) != 6 {
			t.Errorf("conns %d: %d requests, %d errors; want 6 and none", conns, res.Requests, res.Errors)
		}
		if seen["/a"] != 2 || seen["/b"] != 2 || seen["/c"] != 2 {
			t.Errorf("conns %d: targets hit %v, want each twice", conns, seen)
		}
	}
}

// TestRunTimeout checks that a request the client gives up on is an error
// and a timeout.
func TestRunTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	res, err := loadtest.Run(context.Background(), loadtest.Config{
		Targets: []string{srv.URL}, Conns: 2, Duration: 10 * time.Millisecond, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests == 0 || res.Errors != res.Requests || res.Timeouts != res.Requests {
		t.Errorf("%d requests, %d errors, %d timeouts; want every request a timeout", res.Requests, res.Errors, res.Timeouts)
	}
}

func TestRSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc/self/status here")
	}
	now, peak := loadtest.RSS()
	if now <= 0 || peak < now {
		t.Errorf("RSS() = %d now, %d peak; want 0 < now ≤ peak", now, peak)
	}
}
