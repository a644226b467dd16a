package source_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

// readAll collects every item Read gives for paths.
func readAll(t *testing.T, paths ...string) []source.Item {
	t.Helper()
	var items []source.Item
	err := source.Read(context.Background(), paths, func(it source.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%v) = %v, want nil (bad inputs are items, not a failure)", paths, err)
	}
	return items
}

func td(parts ...string) string { return filepath.Join(append([]string{"testdata"}, parts...)...) }

func TestReadShapes(t *testing.T) {
	tests := []struct {
		name string
		path string
		want []graph.Article
	}{
		{"txt title is first non-empty line", td("ok", "plain.txt"), []graph.Article{{
			ID:    "plain",
			Title: "Harbour talks resume in Valdoria",
			Text:  "\n\n  Harbour talks resume in Valdoria  \n\nThe foreign ministers of Valdoria and Ostrand met on Tuesday.\n\nA second round is planned.\n",
		}}},
		{"txt line ends normalised", td("ok", "crlf.txt"), []graph.Article{{
			ID:    "crlf",
			Title: "Envoy carries a letter",
			Text:  "Envoy carries a letter\n\nThe envoy carried a letter from the president.\n",
		}}},
		{"json with unknown keys and RFC 3339 date", td("ok", "article.json"), []graph.Article{{
			ID:        "valdoria-ostrand-talks",
			URL:       "https://example.org/news/valdoria-ostrand-talks",
			Title:     "Valdoria and Ostrand hold talks",
			Source:    "Example Wire",
			Published: "2025-03-12",
			Text:      "Valdoria and Ostrand held talks in Port Elm on Monday.\n\nBoth sides called the meeting useful.",
		}}},
		{"json without id takes the file name", td("ok", "no-id.json"), []graph.Article{{
			ID:    "no-id",
			Title: "A short note",
			Text:  "Ostrand recalled its ambassador.",
		}}},
		{"jsonl lines, blank skipped, id from line number", td("ok", "nested", "feed.jsonl"), []graph.Article{
			{ID: "feed-a", Title: "First", Published: "2025-01-05", Text: "The minister visited the capital."},
			{ID: "feed-3", Title: "Second", Published: "2025-03-07", Text: "The envoy returned home."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := readAll(t, tt.path)
			if len(items) != len(tt.want) {
				t.Fatalf("got %d items, want %d: %+v", len(items), len(tt.want), items)
			}
			for i, it := range items {
				if it.Err != nil {
					t.Fatalf("item %d: unexpected error %v", i, it.Err)
				}
				if it.Article != tt.want[i] {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, it.Article, tt.want[i])
				}
			}
		})
	}
}

func TestReadDirectory(t *testing.T) {
	items := readAll(t, td("ok"))
	var got []string
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%s: unexpected error %v", it.Origin, it.Err)
		}
		got = append(got, it.Origin+"="+it.Article.ID)
	}
	// Sorted walk, recursive, hidden entries and other extensions skipped.
	want := []string{
		td("ok", "article.json") + "=valdoria-ostrand-talks",
		td("ok", "crlf.txt") + "=crlf",
		td("ok", "nested", "deeper", "more.txt") + "=more",
		td("ok", "nested", "feed.jsonl") + ":1=feed-a",
		td("ok", "nested", "feed.jsonl") + ":3=feed-3",
		td("ok", "no-id.json") + "=no-id",
		td("ok", "plain.txt") + "=plain",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadBadInputs(t *testing.T) {
	tests := []struct {
		file string
		code string
		want []string // substrings of the message, besides the file name
	}{
		{"empty.txt", graph.EINVALID, []string{"empty"}},
		{"blank.json", graph.EINVALID, []string{"empty"}},
		{"nul.txt", graph.EINVALID, []string{"binary", "NUL"}},
		{"control.json", graph.EINVALID, []string{"binary", "control characters"}},
		{"latin1.txt", graph.EINVALID, []string{"not valid UTF-8", "offset 3"}},
		{"latin1.json", graph.EINVALID, []string{"not valid UTF-8", "offset 28"}},
		{"malformed.json", graph.EINVALID, []string{"malformed JSON", "line 4"}},
		{"truncated.json", graph.EINVALID, []string{"malformed JSON"}},
		{"array.json", graph.EINVALID, []string{"want a JSON object", "array"}},
		{"no-text.json", graph.EINVALID, []string{`no "text"`}},
		{"empty-text.json", graph.EINVALID, []string{`"text" is empty`}},
		{"bad-date.json", graph.EINVALID, []string{`published "sometime in spring"`, "not a valid date"}},
		{"impossible-date.json", graph.EINVALID, []string{`published "2025-02-30"`, "not a valid date"}},
		{"ambiguous-date.json", graph.EINVALID, []string{`published "03/04/2025"`, "ambiguous"}},
		{"year-only.json", graph.EINVALID, []string{`published "2025"`, "not a full date"}},
		{"two-objects.json", graph.EINVALID, []string{"more than one JSON value", ".jsonl"}},
		{"wrong-type.json", graph.EINVALID, []string{`field "id"`, "string"}},
		{"empty.jsonl", graph.EINVALID, []string{"empty"}},
		{"binary.jsonl", graph.EINVALID, []string{"binary"}},
		{"unknown.csv", graph.EINVALID, []string{"unsupported file type", ".csv"}},
		{"does-not-exist.json", graph.EINVALID, []string{"no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := td("bad", tt.file)
			items := readAll(t, p)
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1: %+v", len(items), items)
			}
			checkErr(t, items[0], p, tt.code, tt.want)
		})
	}
}

// checkErr checks that an item is a *graph.Error with the code, from origin,
// whose message names origin and says each of want.
func checkErr(t *testing.T, it source.Item, origin, code string, want []string) {
	t.Helper()
	if it.Err == nil {
		t.Fatalf("%s: got article %+v, want an error", origin, it.Article)
	}
	var gerr *graph.Error
	if !errors.As(it.Err, &gerr) {
		t.Fatalf("%s: error %T %v is not a *graph.Error", origin, it.Err, it.Err)
	}
	if gerr.Code != code {
		t.Errorf("%s: code %q, want %q (%v)", origin, gerr.Code, code, gerr)
	}
	if it.Origin != origin {
		t.Errorf("origin %q, want %q", it.Origin, origin)
	}
	if !strings.Contains(gerr.Message, origin) {
		t.Errorf("message %q does not name %q", gerr.Message, origin)
	}
	for _, w := range want {
		if !strings.Contains(gerr.Message, w) {
			t.Errorf("message %q does not say %q", gerr.Message, w)
		}
	}
	if it.Article != (graph.Article{}) {
		t.Errorf("%s: error item carries an article %+v", origin, it.Article)
	}
}

func TestReadBadDirectoryKeepsGoing(t *testing.T) {
	// Every known-extension file of bad/ is one error; the .csv is skipped.
	items := readAll(t, td("bad"))
	if len(items) != 19 {
		t.Fatalf("got %d items, want 19", len(items))
	}
	for _, it := range items {
		if it.Err == nil {
			t.Errorf("%s: got an article, want an error", it.Origin)
		}
		if strings.HasSuffix(it.Origin, ".csv") {
			t.Errorf("%s: a file of another type was read", it.Origin)
		}
	}
}

func TestReadJSONLMixedLines(t *testing.T) {
	p := td("mixed", "lines.jsonl")
	items := readAll(t, p)
	type want struct {
		line    string
		id      string   // for an article
		date    string   // its publication date
		problem []string // for an error
	}
	wants := []want{
		{line: "1", id: "mixed-ok"},
		{line: "2", problem: []string{"malformed JSON"}},
		{line: "3", problem: []string{`no "text"`}},
		{line: "5", problem: []string{"want a JSON object", "array"}},
		{line: "6", id: "lines-6", date: "2025-06-01"},
		{line: "7", problem: []string{`published "tomorrow"`}},
		{line: "8", problem: []string{"not valid UTF-8", "column 27"}},
		{line: "9", id: "mixed-last"},
	}
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(wants), items)
	}
	for i, w := range wants {
		t.Run("line"+w.line, func(t *testing.T) {
			it := items[i]
			origin := p + ":" + w.line
			if w.problem != nil {
				checkErr(t, it, origin, graph.EINVALID, w.problem)
				return
			}
			if it.Err != nil {
				t.Fatalf("unexpected error %v", it.Err)
			}
			if it.Origin != origin || it.Article.ID != w.id || it.Article.Published != w.date {
				t.Errorf("got origin %q id %q published %q, want %q %q %q",
					it.Origin, it.Article.ID, it.Article.Published, origin, w.id, w.date)
			}
		})
	}
}

func TestReadMissingPathThenGoodOne(t *testing.T) {
	missing := td("nowhere")
	items := readAll(t, missing, td("ok", "plain.txt"))
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	checkErr(t, items[0], missing, graph.EINVALID, []string{"no such file or directory"})
	if items[1].Err != nil || items[1].Article.ID != "plain" {
		t.Errorf("second item %+v, want article plain", items[1])
	}
}

func TestReadLongLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "long.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	long := `{"id":"long","text":"` + strings.Repeat("a", source.MaxLineBytes) + `"}`
	for _, s := range []string{long, "\n", `{"id":"after","text":"short"}`, "\n", long} {
		if _, err := f.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, p)
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3", len(items))
	}
	checkErr(t, items[0], p+":1", graph.ETOOLARGE, []string{"longer than 16 MiB"})
	if items[1].Err != nil || items[1].Article.ID != "after" || items[1].Origin != p+":2" {
		t.Errorf("line after a long one: %+v, want article after from %s:2", items[1], p)
	}
	checkErr(t, items[2], p+":3", graph.ETOOLARGE, []string{"longer than 16 MiB"})
}

func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	t.Run("callback error", func(t *testing.T) {
		n := 0
		err := source.Read(context.Background(), []string{td("ok")}, func(source.Item) error {
			n++
			return stop
		})
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("Read = %v after %d calls, want %v after 1", err, n, stop)
		}
	})
	t.Run("context cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		err := source.Read(ctx, []string{td("ok")}, func(source.Item) error {
			n++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("Read = %v after %d calls, want context.Canceled after 1", err, n)
		}
	})
}

// BenchmarkReadJSONL measures streaming a JSONL file; allocations per op
// should stay flat in the number of lines' length, not the file's.
func BenchmarkReadJSONL(b *testing.B) {
	p := filepath.Join(b.TempDir(), "many.jsonl")
	line := `{"id":"x","title":"t","published":"2025-03-12","text":"` + strings.Repeat("The envoy met the minister. ", 40) + `"}` + "\n"
	if err := os.WriteFile(p, []byte(strings.Repeat(line, 1000)), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(line) * 1000))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := source.Read(context.Background(), []string{p}, func(it source.Item) error {
			if it.Err != nil {
				return it.Err
			}
			n++
			return nil
		}); err != nil || n != 1000 {
			b.Fatalf("Read = %v, %d articles", err, n)
		}
	}
}
