package source_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

// heapWatch samples the live heap, so a test can say how far reading grew
// it above where it started.
type heapWatch struct {
	base, peak uint64
}

func newHeapWatch() *heapWatch {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return &heapWatch{base: m.HeapAlloc, peak: m.HeapAlloc}
}

func (h *heapWatch) sample() {
	h.sampleAfter(false)
}

// sampleAfter samples the heap, after a collection when live is set, so
// that garbage not yet collected does not count.
func (h *heapWatch) sampleAfter(live bool) {
	if live {
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.peak = max(h.peak, m.HeapAlloc)
}

func (h *heapWatch) grownMiB() uint64 { return (h.peak - h.base) >> 20 }

// writeBig writes a file of about size bytes: head, then line repeated,
// then tail.
func writeBig(t *testing.T, p, head, line, tail string, size int) {
	t.Helper()
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(head)
	for n := len(head); n < size; n += len(line) {
		w.WriteString(line)
	}
	w.WriteString(tail)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOversizedArticleRefused: a 100 MB article, in any of the formats
// that hold one article a file, and a 100 MB JSONL line, are refused with a
// too_large error naming the file, the rest of the input is still read, and
// the heap grows by far less than the file.
func TestOversizedArticleRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100 MB files; skipped with -short")
	}
	const size = 100 << 20
	sentence := "Alpha met Beta in Gamma on Monday and talked for a long time. "
	tests := []struct {
		name             string
		head, line, tail string
	}{
		{"huge.txt", "", sentence, ""},
		{"huge.json", `{"id":"h","text":"`, sentence, `"}`},
		{"huge.html", "<html><body><article><p>", sentence, "</p></article></body></html>"},
		{"huge.jsonl", `{"id":"h","text":"`, sentence, "\"}\n{\"id\":\"after\",\"text\":\"Alpha met Beta.\"}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), tt.name)
			writeBig(t, p, tt.head, tt.line, tt.tail, size)
			h := newHeapWatch()
			var items []source.Item
			err := source.Read(context.Background(), []string{p}, func(it source.Item) error {
				h.sample()
				items = append(items, it)
				return nil
			})
			h.sample()
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(items) == 0 {
				t.Fatal("no item, not even an error")
			}
			first := items[0]
			if graph.ErrorCode(first.Err) != graph.ETOOLARGE || !strings.Contains(graph.ErrorMessage(first.Err), p) {
				t.Fatalf("first item: err %v, want a too_large error naming %s", first.Err, p)
			}
			if strings.HasSuffix(tt.name, ".jsonl") {
				if len(items) != 2 || items[1].Err != nil || items[1].Article.ID != "after" {
					t.Errorf("the line after the huge one was not read: %d items", len(items))
				}
			}
			t.Logf("%s: %q; heap grew %d MiB reading %d MiB", tt.name, graph.ErrorMessage(first.Err), h.grownMiB(), size>>20)
			// The readers keep at most MaxLineBytes (16 MiB) and a
			// buffer's growth; reading the file whole would take 100.
			if h.grownMiB() > 64 {
				t.Errorf("heap grew %d MiB reading a %d MiB file", h.grownMiB(), size>>20)
			}
		})
	}
}

// TestMillionLineJSONL streams a million-line JSONL file: every article
// comes out, in order, and the heap stays bounded whatever the file's size.
func TestMillionLineJSONL(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a million-line file; skipped with -short")
	}
	const lines = 1_000_000
	p := filepath.Join(t.TempDir(), "many.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range lines {
		fmt.Fprintf(w, "{\"id\":\"a%d\",\"text\":\"Alpha met Beta for talk number %d.\"}\n", i, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(p)

	h := newHeapWatch()
	n := 0
	err = source.Read(context.Background(), []string{p}, func(it source.Item) error {
		if it.Err != nil {
			return fmt.Errorf("line %d: %w", n+1, it.Err)
		}
		if want := fmt.Sprintf("a%d", n); it.Article.ID != want {
			return fmt.Errorf("item %d is %q, want %q", n, it.Article.ID, want)
		}
		n++
		if n%50_000 == 0 {
			h.sampleAfter(true)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != lines {
		t.Fatalf("read %d articles, want %d", n, lines)
	}
	t.Logf("%d lines (%d MiB) read; live heap grew %d MiB", lines, st.Size()>>20, h.grownMiB())
	if h.grownMiB() > 16 {
		t.Errorf("heap grew %d MiB streaming a %d MiB file", h.grownMiB(), st.Size()>>20)
	}
}
