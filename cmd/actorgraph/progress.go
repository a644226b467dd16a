package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Progress display modes (--progress).
const (
	progressAuto = "auto" // a bar on a terminal, log lines otherwise
	progressBar  = "bar"
	progressLog  = "log"
	progressOff  = "off"
)

// barThrottle is the least time between two redraws of the bar; tests set
// it to zero to see every one.
var barThrottle = 100 * time.Millisecond

// progress shows how a long ingest is going: a bar with count, rate and
// ETA on a terminal, or a log line at a fixed interval where a bar would
// only fill a log file with carriage returns.
type progress struct {
	mu     sync.Mutex
	mode   string
	bar    *progressbar.ProgressBar
	logger *slog.Logger
	every  time.Duration
	start  time.Time
	last   time.Time
	// total is the number of items expected, -1 while unknown.
	total int
	sum   *ingestSummary
}

// isTerminal reports whether w writes to a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// parseProgressMode checks a --progress value.
func parseProgressMode(s string) (string, error) {
	switch m := strings.ToLower(s); m {
	case progressAuto, progressBar, progressLog, progressOff:
		return m, nil
	}
	return "", fmt.Errorf("--progress %q: want auto, bar, log or off", s)
}

// newProgress starts a display of sum's counts on w. every is the interval
// between log lines in log mode.
func newProgress(mode string, w io.Writer, logger *slog.Logger, every time.Duration, sum *ingestSummary) *progress {
	if mode == progressAuto {
		mode = progressLog
		if isTerminal(w) {
			mode = progressBar
		}
	}
	now := time.Now()
	p := &progress{mode: mode, logger: logger, every: every, start: now, last: now, total: -1, sum: sum}
	if mode == progressBar {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(barThrottle),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// expect adds n items to the known total, once a feed says how many it
// holds. Until every source has said, the bar counts without an ETA.
func (p *progress) expect(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.total < 0 {
		p.total = p.sum.read
	}
	p.total += n
	if p.bar != nil {
		p.bar.ChangeMax(p.total)
	}
}

// unknown forgets the total: a source of unknown length (files, an export)
// has joined.
func (p *progress) unknown() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = -1
	if p.bar != nil {
		p.bar.ChangeMax(-1)
	}
}

// tick records one more item read.
func (p *progress) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.total >= 0 && p.sum.read > p.total {
		// The estimate was short; a bar past its end stops drawing.
		p.total = -1
		if p.bar != nil {
			p.bar.ChangeMax(-1)
		}
	}
	switch p.mode {
	case progressBar:
		if p.sum.failed > 0 {
			// New and unchanged are only known when a batch is stored;
			// failures are known at once and worth seeing.
			p.bar.Describe(fmt.Sprintf("ingest, %d failed", p.sum.failed))
		}
		p.bar.Add(1)
	case progressLog:
		if time.Since(p.last) >= p.every {
			p.last = time.Now()
			p.logLine()
		}
	}
}

// logLine logs the counts so far, with the rate and, when the total is
// known, the time left.
func (p *progress) logLine() {
	elapsed := time.Since(p.start)
	read := p.sum.read
	rate := float64(read) / max(elapsed.Seconds(), 1e-3)
	attrs := []any{"read", read, "new", p.sum.report.ArticlesNew,
		"skipped", p.sum.skipped + p.sum.report.ArticlesSkipped, "failed", p.sum.failed,
		"rate", fmt.Sprintf("%.1f/s", rate), "elapsed", elapsed.Round(time.Second).String()}
	if p.total >= 0 {
		attrs = append(attrs, "total", p.total)
		if rate > 0 && p.total > read {
			eta := time.Duration(float64(p.total-read) / rate * float64(time.Second))
			attrs = append(attrs, "eta", eta.Round(time.Second).String())
		}
	}
	p.logger.Info("ingest progress", attrs...)
}

// failed reports one failed item as it happens. On a terminal the summary
// lists failures instead, so the bar is not broken up.
func (p *progress) failed(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mode == progressLog {
		p.logger.Warn("ingest: input failed", "error", text)
	}
}

// finish clears the bar, leaving the terminal to the summary.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
