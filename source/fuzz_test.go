package source_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

// The fuzz targets feed the readers any bytes. Whatever comes in, a reader
// must not panic, and every item it gives is either an article fit to
// extract or a graph error that names the input. The seeds are the files
// under testdata, so `go test` runs them as ordinary tests; scripts/fuzz
// runs each target for a while.

// readerExts are the extensions Read takes; the fuzzer picks one by index.
var readerExts = []string{".txt", ".json", ".jsonl", ".html", ".htm"}

// addTestdata seeds f with every file under testdata, with the index of its
// extension in readerExts (0 for others, read as text).
func addTestdata(f *testing.F) {
	f.Helper()
	err := filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		ext := 0
		for i, e := range readerExts {
			if filepath.Ext(p) == e {
				ext = i
			}
		}
		f.Add(uint8(ext), b)
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
}

// checkItem holds an item to the readers' promise.
func checkItem(t *testing.T, it source.Item, origin string) {
	t.Helper()
	if !strings.HasPrefix(it.Origin, origin) {
		t.Errorf("origin %q does not name the input %q", it.Origin, origin)
	}
	if it.Err != nil {
		code := graph.ErrorCode(it.Err)
		if code != graph.EINVALID && code != graph.ETOOLARGE {
			t.Errorf("%s: error code %q (%v), want invalid or too_large", it.Origin, code, it.Err)
		}
		if msg := graph.ErrorMessage(it.Err); !utf8.ValidString(msg) || !strings.Contains(msg, origin) {
			t.Errorf("%s: message %q does not name the input or is not UTF-8", it.Origin, msg)
		}
		return
	}
	a := it.Article
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("%s: an article without text", it.Origin)
	}
	for name, s := range map[string]string{"text": a.Text, "title": a.Title, "id": a.ID, "url": a.URL, "source": a.Source, "author": a.Author} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not valid UTF-8: %q", it.Origin, name, s)
		}
	}
	if strings.ContainsRune(a.Text, 0) {
		t.Errorf("%s: text holds a NUL", it.Origin)
	}
	if a.Published != "" && !graph.ValidDate(a.Published) {
		t.Errorf("%s: published %q is not a date", it.Origin, a.Published)
	}
}

// FuzzRead reads one file of any content under each extension Read knows
// (a .json may also be taken for a Telegram export).
func FuzzRead(f *testing.F) {
	addTestdata(f)
	f.Add(uint8(2), []byte("{\"text\":\"a\"}\n\n{\"text\":\"b\"\n{}\n"))
	f.Add(uint8(1), []byte(`{"name":"c","type":"public_channel","id":1,"messages":[{"id":1,"type":"message","date":"2026-01-02T03:04:05","text":["x",{"type":"link","text":"y"}]}]}`))
	f.Fuzz(func(t *testing.T, ext uint8, data []byte) {
		name := "in" + readerExts[int(ext)%len(readerExts)]
		fsys := fstest.MapFS{name: &fstest.MapFile{Data: data}}
		n := 0
		err := source.ReadFS(context.Background(), fsys, []string{name}, func(it source.Item) error {
			n++
			checkItem(t, it, name)
			return nil
		})
		if err != nil {
			t.Fatalf("ReadFS returned %v; bad input must come as items", err)
		}
		// A JSONL file of blank lines, or a Telegram export whose messages
		// hold no text (photos, service messages), rightly gives nothing.
		telegram := strings.HasSuffix(name, ".json") && strings.Contains(string(data), `"messages"`)
		if n == 0 && len(strings.TrimSpace(string(data))) > 0 && !strings.HasSuffix(name, ".jsonl") && !telegram {
			t.Errorf("%s of %d bytes gave no item, not even an error", name, len(data))
		}
	})
}

// FuzzTelegram reads any bytes as a Telegram channel export.
func FuzzTelegram(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "telegram", "channel.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"messages":[{"id":1,"type":"message","text":"Alpha met Beta.","date_unixtime":"99999999999999999999"}]}`))
	f.Add([]byte(`{"name":"c","messages":[{"id":2,"forwarded_from":"","text":[{"type":"text_link","text":"x","href":"javascript:1"}]}]}`))
	f.Add([]byte(`[]`))
	// One file rewritten for every input: a temporary directory per input
	// would cost more than the reading.
	p := filepath.Join(f.TempDir(), "result.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		err := source.ReadTelegram(context.Background(), p, func(it source.Item) error {
			checkItem(t, it, p)
			for _, l := range it.Links {
				if !utf8.ValidString(l) {
					t.Errorf("link %q is not UTF-8", l)
				}
			}
			return nil
		})
		if err != nil {
			code := graph.ErrorCode(err)
			if code != graph.EINVALID && code != graph.ETOOLARGE {
				t.Fatalf("ReadTelegram: %v (code %q), want an invalid or too_large error", err, code)
			}
		}
	})
}

// FuzzFromHTML reads any bytes as a fetched web page.
func FuzzFromHTML(f *testing.F) {
	for _, name := range []string{"article.html", "no-article.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", "web", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "text/html; charset=utf-8", "https://example.org/a")
	}
	f.Add([]byte("<html><head><meta charset=latin1><title>\xe9</title></head><body><article><p>Alpha met Beta.</article>"), "text/html", "")
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-13-45"}</script><p>x</p>`), "", "http://[::1")
	f.Fuzz(func(t *testing.T, page []byte, contentType, pageURL string) {
		if !utf8.ValidString(pageURL) {
			// Callers pass net/url's String of the final URL, which
			// escapes every byte that is not ASCII.
			t.Skip("not a URL a caller passes")
		}
		a, err := source.FromHTML("page", page, contentType, pageURL)
		if err != nil {
			if code := graph.ErrorCode(err); code != graph.EINVALID && code != graph.ETOOLARGE {
				t.Fatalf("FromHTML: %v (code %q)", err, code)
			}
			return
		}
		checkItem(t, source.Item{Article: a, Origin: "page"}, "page")
	})
}
