package source_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/source"
)

// BenchmarkFromHTML measures reducing one saved news page to its article.
func BenchmarkFromHTML(b *testing.B) {
	page, err := os.ReadFile(td("web", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := source.FromHTML("page", page, "", "https://courier.example.org/x"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadTelegram streams a channel export of 10,000 messages, each
// with a mixed text list: about 15µs a message on an idle core, nothing
// next to extracting it.
func BenchmarkReadTelegram(b *testing.B) {
	p := filepath.Join(b.TempDir(), "result.json")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, `{"name":"Bench Channel","type":"public_channel","id":42,"messages":[`)
	const n = 10000
	for i := range n {
		if i > 0 {
			w.WriteString(",")
		}
		fmt.Fprintf(w, `{"id":%d,"type":"message","date":"2025-05-04T10:00:00","views":%d,"text":["Message %d says the ministers met ",{"type":"bold","text":"on Sunday"},"."]}`, i+1, i, i)
	}
	w.WriteString("]}")
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	info, _ := os.Stat(p)
	b.SetBytes(info.Size())
	b.ReportAllocs()
	for b.Loop() {
		got := 0
		if err := source.ReadTelegram(context.Background(), p, func(it source.Item) error {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			got++
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if got != n {
			b.Fatalf("read %d messages, want %d", got, n)
		}
	}
}
