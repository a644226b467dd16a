package source_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

func TestReadTelegram(t *testing.T) {
	want := []struct {
		origin string
		a      graph.Article
		links  []string
		err    string
	}{
		{origin: "#2", a: graph.Article{
			ID: "telegram-1234567890-2", URL: "https://t.me/c/1234567890/2",
			Title:  "Valdoria accused Ostrand of blocking the harbour on Sunday.",
			Source: "Harbour Watch", Published: "2025-04-07", Platform: graph.PlatformTelegram, Views: 1520,
			Text: "Valdoria accused Ostrand of blocking the harbour on Sunday.",
		}},
		{origin: "#3", a: graph.Article{
			ID: "telegram-1234567890-3", URL: "https://t.me/c/1234567890/3",
			Title:  "Teodor Brask met Ilse Marrow in Port Elm, Lunesia Today reports. Full story:…",
			Source: "Harbour Watch", Published: "2025-04-08", Platform: graph.PlatformTelegram, Views: 980,
			ForwardedFrom: "Lunesia Today",
			Text:          "Teodor Brask met Ilse Marrow in Port Elm, Lunesia Today reports. Full story: https://lunesia.example.net/brask-marrow and the statement",
		}, links: []string{"https://lunesia.example.net/brask-marrow", "https://gov.example.org/statement"}},
		{origin: "#5", err: "channel.json#5: \"text\" is a number"},
	}
	// Read finds the export by its shape; ReadTelegram reads it by name.
	for _, how := range []string{"Read", "ReadTelegram"} {
		t.Run(how, func(t *testing.T) {
			p := td("telegram", "channel.json")
			var items []source.Item
			collect := func(it source.Item) error { items = append(items, it); return nil }
			var err error
			if how == "Read" {
				err = source.Read(context.Background(), []string{p}, collect)
			} else {
				err = source.ReadTelegram(context.Background(), p, collect)
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != len(want) {
				t.Fatalf("got %d items, want %d (service and text-less messages skipped): %+v", len(items), len(want), items)
			}
			for i, w := range want {
				it := items[i]
				if it.Origin != p+w.origin {
					t.Errorf("item %d origin %q, want %q", i, it.Origin, p+w.origin)
				}
				if w.err != "" {
					if graph.ErrorCode(it.Err) != graph.EINVALID || !strings.Contains(graph.ErrorMessage(it.Err), w.err) {
						t.Errorf("item %d error %v, want EINVALID containing %q", i, it.Err, w.err)
					}
					continue
				}
				if it.Err != nil {
					t.Errorf("item %d: %v", i, it.Err)
					continue
				}
				if it.Article != w.a {
					t.Errorf("item %d\n got %+v\nwant %+v", i, it.Article, w.a)
				}
				if !slices.Equal(it.Links, w.links) {
					t.Errorf("item %d links %q, want %q", i, it.Links, w.links)
				}
			}
		})
	}
}

func TestReadTelegramBadShapes(t *testing.T) {
	tests := []struct {
		name, json string
		want       []string // one message fragment per item
	}{
		{"messages not an array", `{"name":"C","type":"public_channel","messages":{"id":1}}`,
			[]string{"\"messages\" must be an array"}},
		{"no name", `{"type":"public_channel","messages":[{"id":1,"type":"message","date":"2025-01-01T00:00:00","text":"hello there"}]}`,
			[]string{"no channel \"name\""}},
		{"message not an object", `{"name":"C","id":5,"messages":["hello",{"id":2,"type":"message","date":"2025-01-02T00:00:00","text":"fine"}]}`,
			[]string{"result.json#1: want a JSON object, found a string", ""}},
		{"text part of a wrong kind", `{"name":"C","id":5,"messages":[{"id":1,"type":"message","date":"2025-01-01T00:00:00","text":["a",7]}]}`,
			[]string{"\"text\" part 2 is a number"}},
		{"bad date", `{"name":"C","id":5,"messages":[{"id":1,"type":"message","date":"yesterday","text":"words"}]}`,
			[]string{"\"date\" \"yesterday\" is not a date"}},
		{"views not a number", `{"name":"C","id":5,"messages":[{"id":1,"type":"message","date":"2025-01-01T00:00:00","views":"many","text":"words"}]}`,
			[]string{"field \"views\" has the wrong type"}},
		{"unknown message type", `{"name":"C","id":5,"messages":[{"id":1,"type":"sticker","text":"words"}]}`,
			[]string{"unknown message type \"sticker\""}},
		{"cut off", `{"name":"C","id":5,"messages":[{"id":1,"type":"message","date":"2025-01-01T00:00:00","text":"one"},{"id":2,"ty`,
			[]string{"", "result.json#2: malformed JSON in the export's message 2"}},
		{"messages before name", `{"messages":[{"id":9,"type":"message","date":"2025-02-01T00:00:00","text":"late name"}],"name":"Late","id":7}`,
			[]string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "result.json")
			if err := os.WriteFile(p, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			var items []source.Item
			if err := source.ReadTelegram(context.Background(), p, func(it source.Item) error {
				items = append(items, it)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if len(items) != len(tt.want) {
				t.Fatalf("got %d items, want %d: %+v", len(items), len(tt.want), items)
			}
			for i, w := range tt.want {
				if w == "" {
					if items[i].Err != nil || items[i].Article.Text == "" {
						t.Errorf("item %d = %+v, want an article", i, items[i])
					}
					continue
				}
				if msg := graph.ErrorMessage(items[i].Err); !strings.Contains(msg, w) || !strings.Contains(msg, p) {
					t.Errorf("item %d error %q, want one naming the file and containing %q", i, msg, w)
				}
			}
		})
	}
}

func TestReadTelegramNotAnExport(t *testing.T) {
	p := filepath.Join(t.TempDir(), "result.json")
	if err := os.WriteFile(p, []byte(`{"about":"x","chats":{"list":[]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var items []source.Item
	source.ReadTelegram(context.Background(), p, func(it source.Item) error { items = append(items, it); return nil })
	if len(items) != 1 || !strings.Contains(graph.ErrorMessage(items[0].Err), "no \"messages\" array") {
		t.Fatalf("items = %+v, want one error saying there is no messages array", items)
	}
	// Read does not take an object without messages for an export: it is
	// an article file, and reported as one.
	items = readAll(t, p)
	if len(items) != 1 || !strings.Contains(graph.ErrorMessage(items[0].Err), "no \"text\"") {
		t.Fatalf("Read items = %+v, want one article error", items)
	}
}
