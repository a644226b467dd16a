package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/gen"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
	_ "modernc.org/sqlite"
)

// These tests run the real binary and hit it with signals: a crash
// (SIGKILL) must leave the SQLite database whole and a rerun must complete
// it to exactly the graph an uninterrupted run builds; SIGTERM and SIGINT
// must stop ingest and serve cleanly. They build the binary and extract a
// few hundred articles, so -short skips them.

// buildBinary builds the actorgraph command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "actorgraph")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeCorpus writes n generated articles as JSON Lines and returns the
// file's path.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.New(gen.Options{Seed: 8}).WriteJSONL(f, n); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// ingestCmd is `actorgraph ingest` of corpus into the SQLite database db.
func ingestCmd(bin, db, corpus string) *exec.Cmd {
	cmd := exec.Command(bin, "ingest", "--store", "sqlite:"+db, "--progress", "off", corpus)
	cmd.Env = append(os.Environ(), "ACTORGRAPH_STORE=")
	return cmd
}

// fingerprint opens the database, checks its integrity with SQLite's own
// check, and returns its counts and a checksum of its whole graph (Dump, in
// key order).
func fingerprint(t *testing.T, db string) (graph.Counts, string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var verdict string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&verdict); err != nil {
		t.Fatalf("integrity_check on %s: %v", db, err)
	}
	raw.Close()
	if verdict != "ok" {
		t.Fatalf("integrity_check on %s: %s", db, verdict)
	}
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, db)
	if err != nil {
		t.Fatalf("open %s after the crash: %v", db, err)
	}
	defer st.Close()
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	err = st.Dump(ctx, func(x graph.Extraction) error {
		b, err := json.Marshal(x)
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, hex.EncodeToString(h.Sum(nil))
}

// articlesIn counts the committed articles of db through a second,
// read-only connection, as another process would see them; -1 while the
// schema is not there yet.
func articlesIn(db string) int {
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		return -1
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		return -1
	}
	return n
}

func TestIngestSurvivesSIGKILL(t *testing.T) {
	bin := buildBinary(t)
	const n = 200
	corpus := writeCorpus(t, n)
	dir := t.TempDir()

	ref := filepath.Join(dir, "ref.db")
	if out, err := ingestCmd(bin, ref, corpus).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	want, wantSum := fingerprint(t, ref)
	if want.Articles != n {
		t.Fatalf("uninterrupted ingest stored %d articles, want %d", want.Articles, n)
	}

	crash := filepath.Join(dir, "crash.db")
	cmd := ingestCmd(bin, crash, corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are committed and well before the end.
	deadline := time.Now().Add(2 * time.Minute)
	for articlesIn(crash) < n/8 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no articles committed within 2 minutes; stderr:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("ingest was not killed mid-run (wait: %v); raise n", err)
	}

	got, _ := fingerprint(t, crash)
	t.Logf("killed after %d of %d articles were committed", got.Articles, n)
	if got.Articles >= n {
		t.Fatalf("all %d articles were in before the kill; raise n", n)
	}

	if out, err := ingestCmd(bin, crash, corpus).CombinedOutput(); err != nil {
		t.Fatalf("rerun after the crash: %v\n%s", err, out)
	}
	got, gotSum := fingerprint(t, crash)
	if got != want {
		t.Errorf("after the rerun: %+v, an uninterrupted run: %+v", got, want)
	}
	if gotSum != wantSum {
		t.Errorf("after the rerun the graph differs from an uninterrupted run's (dump checksum %s, want %s)", gotSum, wantSum)
	}
}

func TestIngestStopsOnSignal(t *testing.T) {
	bin := buildBinary(t)
	const n = 200
	corpus := writeCorpus(t, n)
	sigs := []syscall.Signal{syscall.SIGTERM}
	if os.Getenv("ACTORGRAPH_LONG_TESTS") == "1" {
		// The same path through signal.NotifyContext; twice the time.
		sigs = append(sigs, syscall.SIGINT)
	}
	for _, sig := range sigs {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "graph.db")
			cmd := ingestCmd(bin, db, corpus)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(2 * time.Minute)
			for articlesIn(db) < n/8 {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no articles committed within 2 minutes; stderr:\n%s", stderr.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("ingest still running 30 s after %v", sig)
			}
			if !cmd.ProcessState.Exited() {
				t.Fatalf("ingest did not exit by itself after %v: %v", sig, cmd.ProcessState)
			}
			if !strings.Contains(stderr.String(), "ingest: ") {
				t.Errorf("no summary after %v; stderr:\n%s", sig, stderr.String())
			}
			c, _ := fingerprint(t, db)
			t.Logf("stopped by %v after %d of %d articles; exit %d; stderr tail: %s", sig, c.Articles, n, cmd.ProcessState.ExitCode(), tail(stderr.String(), 300))
			if c.Articles >= n {
				t.Fatalf("every article was stored: the signal came too late; raise n")
			}
			if out, err := ingestCmd(bin, db, corpus).CombinedOutput(); err != nil {
				t.Fatalf("rerun: %v\n%s", err, out)
			}
			if c, _ := fingerprint(t, db); c.Articles != n {
				t.Errorf("after the rerun %d articles, want %d", c.Articles, n)
			}
		})
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// TestServeDrainsOnSIGTERM starts serve, sends SIGTERM while an article is
// being posted, and wants the answer delivered and the process to exit 0.
func TestServeDrainsOnSIGTERM(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--store", "sqlite:"+filepath.Join(dir, "graph.db"), "--addr", "127.0.0.1:0", "--log-format", "json")
	cmd.Env = append(os.Environ(), "ACTORGRAPH_API_TOKEN=", "ACTORGRAPH_STORE=", "ACTORGRAPH_ADDR=")
	logs, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	base, rest := serveAddr(t, logs)
	var logText bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&logText, rest); close(copied) }()

	// The request is held in flight by its body, not by a slow machine:
	// the first half goes out, SIGTERM follows, then the rest. The server
	// has read the headers by then, so the connection is active and
	// Shutdown must wait for it.
	body, _ := json.Marshal(map[string]string{"id": "drain", "text": gen.Articles(gen.Options{Seed: 3}, 1)[0].Text})
	pr, pw := io.Pipe()
	type answer struct {
		status int
		at     time.Time
		err    error
	}
	answered := make(chan answer, 1)
	start := time.Now()
	go func() {
		req, _ := http.NewRequest("POST", base+"/v1/articles", pr)
		req.Header.Set("Content-Type", "application/json")
		req.ContentLength = int64(len(body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- answer{err: err}
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		answered <- answer{status: resp.StatusCode, at: time.Now()}
	}()
	if _, err := pw.Write(body[:len(body)/2]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	select {
	case a := <-answered:
		t.Fatalf("the request was answered (%d, %v) before its body was complete", a.status, a.err)
	default:
	}
	signalled := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if _, err := pw.Write(body[len(body)/2:]); err != nil {
		t.Fatalf("the server stopped reading the request in flight: %v", err)
	}
	pw.Close()
	a := <-answered
	if a.err != nil || a.status != http.StatusCreated {
		cmd.Wait()
		<-copied
		t.Fatalf("the request in flight at SIGTERM got %d, %v; want 201; log:\n%s", a.status, a.err, logText.String())
	}
	if err := cmd.Wait(); err != nil {
		<-copied
		t.Fatalf("serve after SIGTERM: %v; log:\n%s", err, logText.String())
	}
	<-copied
	t.Logf("request answered %v after SIGTERM (%v after it was sent); serve exited 0",
		a.at.Sub(signalled).Round(time.Millisecond), a.at.Sub(start).Round(time.Millisecond))
	if !strings.Contains(logText.String(), "draining") {
		t.Errorf("no shutdown line in the log:\n%s", logText.String())
	}
	// A new connection after the drain is refused.
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Errorf("serve still answers after exiting")
	}
}

// serveAddr reads serve's JSON log until the "serving" line and returns the
// base URL and the rest of the log.
func serveAddr(t *testing.T, logs io.Reader) (string, io.Reader) {
	t.Helper()
	br := bufio.NewReader(logs)
	found := make(chan string, 1)
	go func() {
		for {
			line, err := br.ReadString('\n')
			var v struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &v) == nil && v.Msg == "serving" {
				found <- v.Addr
				return
			}
			if err != nil {
				found <- ""
				return
			}
		}
	}()
	select {
	case addr := <-found:
		if addr == "" {
			t.Fatal("serve ended before listening")
		}
		return addr, br
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not listen within 60 s")
	}
	return "", nil
}

// TestServeRefusesOpenListen: without ACTORGRAPH_API_TOKEN, serve will not
// listen beyond loopback, and says why.
func TestServeRefusesOpenListen(t *testing.T) {
	for _, tt := range []struct {
		addr  string
		token string
		ok    bool
	}{
		{"0.0.0.0:0", "", false},
		{":0", "", false},
		{"[::]:0", "", false},
		{"127.0.0.1:0", "", true},
		{"localhost:0", "", true},
		{"0.0.0.0:0", "t0ken", true},
	} {
		t.Run(fmt.Sprintf("%s token=%q", tt.addr, tt.token), func(t *testing.T) {
			var stderr bytes.Buffer
			m := &Main{Stdout: io.Discard, Stderr: &stderr, Getenv: func(k string) string {
				if k == "ACTORGRAPH_API_TOKEN" {
					return tt.token
				}
				return ""
			}}
			m.Logger = discardLogger()
			ctx, cancel := context.WithCancel(context.Background())
			listened := false
			err := m.serve(ctx, nil, nil, tt.addr, nil, func(string) { listened = true; cancel() })
			cancel()
			if tt.ok {
				if err != nil || !listened {
					t.Fatalf("serve on %s: %v (listened %v)", tt.addr, err, listened)
				}
				return
			}
			if err == nil || listened {
				t.Fatalf("serve on %s without a token listened (err %v)", tt.addr, err)
			}
			if !strings.Contains(err.Error(), "ACTORGRAPH_API_TOKEN") {
				t.Errorf("error does not name the token: %v", err)
			}
		})
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
