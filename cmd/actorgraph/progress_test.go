package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// articleFiles writes n small articles in our own words.
func articleFiles(t *testing.T, n int) string {
	t.Helper()
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("a%02d.json", i)] = fmt.Sprintf(`{"id":"p%d","url":"https://example.org/p/%d","source":"Example Wire","published":"2025-06-02",`+
			`"text":"German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday, round %d of their talks."}`, i, i, i)
	}
	return writeFiles(t, files)
}

// TestProgressLogLines checks what a non-terminal gets: progress as log
// lines (here JSON, one per item since the interval is tiny), then the
// summary.
func TestProgressLogLines(t *testing.T) {
	dir := articleFiles(t, 5)
	db := filepath.Join(t.TempDir(), "g.db")
	code, _, errOut := run(t, nil, "ingest", "--store", "sqlite:"+db, "--log-format", "json", "--log-every", "1ns", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if strings.Contains(errOut, "\r") {
		t.Errorf("a non-terminal got carriage returns, as a bar draws:\n%q", errOut)
	}
	var last map[string]any
	lines := 0
	for _, l := range nonEmptyLines(errOut) {
		var rec map[string]any
		if json.Unmarshal([]byte(l), &rec) != nil || rec["msg"] != "ingest progress" {
			continue
		}
		lines++
		for _, k := range []string{"read", "new", "skipped", "failed", "rate", "elapsed"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("progress line lacks %q: %s", k, l)
			}
		}
		last = rec
	}
	if lines == 0 {
		t.Fatalf("no progress lines:\n%s", errOut)
	}
	if last["read"] != float64(5) {
		t.Errorf("last progress line says %v read, want 5", last["read"])
	}
	wantSummary(t, errOut, "5 read, 5 new, 0 unchanged, 0 replaced, 0 skipped, 0 failed")
	if !strings.Contains(errOut, `"msg":"ingest done","read":5,"new":5,`) {
		t.Errorf("no summary log record:\n%s", errOut)
	}
}

// TestProgressBarOnTerminal runs an ingest with stderr on a
// pseudo-terminal: it draws a bar with the count, rate and time left,
// clears it and prints the summary.
func TestProgressBarOnTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(tty, &pty.Winsize{Rows: 24, Cols: 120}); err != nil {
		t.Fatal(err)
	}
	var screen bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&screen, ptmx); close(copied) }()

	dir := articleFiles(t, 6)
	db := filepath.Join(t.TempDir(), "g.db")
	defer func(d time.Duration) { barThrottle = d }(barThrottle)
	barThrottle = 0 // draw every step, however fast the ingest
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: tty, Getenv: func(string) string { return "" }}
	code := m.Run(context.Background(), []string{"ingest", "--store", "sqlite:" + db, dir})
	tty.Close()
	<-copied
	got := screen.String()
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, got)
	}
	// The files are counted first, so the bar has a total: percentage,
	// count of six, rate, and elapsed:left time.
	for _, want := range []string{"\r", "16% |", "(1/6, ", "(5/6, ", "articles/", "ingest: 6 read, 6 new,"} {
		if !strings.Contains(got, want) {
			t.Errorf("terminal output lacks %q:\n%q", want, got)
		}
	}
	if !regexp.MustCompile(`\[\d+s:\d+s\]`).MatchString(got) {
		t.Errorf("terminal output shows no elapsed and remaining time:\n%q", got)
	}
	if strings.Contains(got, "ingest progress") {
		t.Errorf("a terminal got log lines instead of a bar:\n%q", got)
	}
}

// TestSummaryBoundsFailures lists the first failures one by one and counts
// the rest.
func TestSummaryBoundsFailures(t *testing.T) {
	files := map[string]string{}
	for i := range maxListedFailures + 7 {
		files[fmt.Sprintf("empty%03d.txt", i)] = ""
	}
	dir := writeFiles(t, files)
	code, _, errOut := run(t, nil, "ingest", "--store", "sqlite:"+filepath.Join(t.TempDir(), "g.db"), "--progress", "off", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if n := strings.Count(errOut, ": file is empty"); n != maxListedFailures {
		t.Errorf("summary lists %d failures, want %d", n, maxListedFailures)
	}
	if !strings.Contains(errOut, "… and 7 more") {
		t.Errorf("summary does not count the failures it leaves out:\n%s", errOut)
	}
}
