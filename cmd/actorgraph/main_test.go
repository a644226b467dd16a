package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/sqlitestore"
)

// run runs actorgraph in-process with args and returns its exit code and
// output. env entries override the (otherwise empty) environment.
func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	code = m.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

// sharedDev returns ../shared/corpus/dev, or skips the test when this clone
// has no ../shared beside it.
func sharedDev(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "dev"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no gold corpus at %s (it lives beside the repo as ../shared): %v", dir, err)
	}
	return dir
}

func TestHelp(t *testing.T) {
	for _, v := range verbs() {
		t.Run(v.name, func(t *testing.T) {
			code, out, _ := run(t, nil, v.name, "--help")
			if code != 0 {
				t.Fatalf("exit %d, want 0", code)
			}
			if !strings.Contains(out, "Usage: actorgraph "+v.name) {
				t.Errorf("--help printed %q, want a usage line", out)
			}
		})
	}
	if code, _, _ := run(t, nil, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code, _, _ := run(t, nil, "ingest", "--no-such-flag", "x"); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
}

// writeFiles writes name → content under a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const okArticle = `{"id":"talks-1","url":"https://example.org/talks-1","title":"Envoys meet","source":"Example Wire","published":"2025-06-02",` +
	`"text":"Norwegian Foreign Minister Ingrid Haugland met Chilean President Tomas Varela in Oslo on Monday.\n\nThe two discussed fishing quotas."}`

func TestExtractBadInputsReportedRestProcessed(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a-good.json":   okArticle,
		"b-empty.txt":   "",
		"c-broken.json": `{"id": "x", "text": `,
		"d-lines.jsonl": okArticle + "\n{not json}\n",
		"e-binary.txt":  "\x00\x01\x02\xff\xfe",
		"f-plain.txt":   "Kenya and Uganda signed a trade agreement in Nairobi.\n",
	})
	code, out, errOut := run(t, nil, "extract", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 since some inputs are bad; stderr:\n%s", code, errOut)
	}
	lines := nonEmptyLines(out)
	if len(lines) != 3 {
		t.Fatalf("got %d JSON lines, want 3 (a-good, d-lines line 1, f-plain); stdout:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var x graph.Extraction
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("line is not an extraction: %v\n%s", err, l)
		}
		if err := x.Validate(); err != nil {
			t.Errorf("extraction of %q does not validate: %v", x.Article.ID, err)
		}
	}
	for _, want := range []string{"b-empty.txt", "c-broken.json", "d-lines.jsonl:2", "e-binary.txt"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errOut)
		}
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			out = append(out, sc.Text())
		}
	}
	return out
}

// TestExtractNegotiationViaMediator is the foundation issue's acceptance
// check on a real article: Araghchi and Witkoff negotiating through Oman.
func TestExtractNegotiationViaMediator(t *testing.T) {
	dev := sharedDev(t)
	code, out, errOut := run(t, nil, "extract", filepath.Join(dev, "larijani-denies-us-negotiations.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var x graph.Extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	byName := map[string]graph.Entity{}
	for _, e := range x.Entities {
		byName[e.Name] = e
	}
	for _, want := range []string{"Abbas Araghchi", "Steve Witkoff", "Oman"} {
		if _, ok := byName[want]; !ok {
			t.Errorf("no entity %q", want)
		}
	}
	a, w, o := byName["Abbas Araghchi"].ID, byName["Steve Witkoff"].ID, byName["Oman"].ID
	found := false
	for _, r := range x.Relations {
		ends := (r.Subject == a && r.Object == w) || (r.Subject == w && r.Object == a)
		if r.Type == graph.Negotiate && ends && contains(r.Via, o) {
			found = true
		}
	}
	if !found {
		t.Errorf("no NEGOTIATE between Araghchi and Witkoff via Oman in %d relations", len(x.Relations))
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestIngestTwiceChangesNothing ingests the dev corpus twice into one
// embedded store: the second run must find every article unchanged and
// leave every count as it was.
func TestIngestTwiceChangesNothing(t *testing.T) {
	dev := sharedDev(t)
	db := filepath.Join(t.TempDir(), "g.db")
	store := "sqlite:" + db
	counts := func() graph.Counts {
		t.Helper()
		st, err := sqlitestore.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		c, err := st.Counts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if code, _, errOut := run(t, nil, "ingest", "--store", store, dev); code != 0 {
		t.Fatalf("first ingest: exit %d\n%s", code, errOut)
	}
	first := counts()
	if first.Articles == 0 || first.Entities == 0 || first.Relations == 0 {
		t.Fatalf("first ingest stored nothing: %+v", first)
	}
	code, _, errOut := run(t, map[string]string{"ACTORGRAPH_STORE": store}, "ingest", dev)
	if code != 0 {
		t.Fatalf("second ingest: exit %d\n%s", code, errOut)
	}
	if second := counts(); second != first {
		t.Errorf("counts changed on re-ingest: first %+v, second %+v", first, second)
	}
	if !strings.Contains(errOut, " 0 new,") {
		t.Errorf("second ingest summary should report no new article:\n%s", errOut)
	}
}
