package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// channelExport is a Telegram Desktop export of an invented channel, in our
// own words: a service message, a message whose text is a plain string,
// a forwarded one whose text mixes strings and entity objects, a photo
// without text and a pinned-message notice.
const channelExport = `{
 "name": "Gulf Dispatch",
 "type": "public_channel",
 "id": 987654321,
 "messages": [
  {"id": 1, "type": "service", "date": "2025-05-01T07:00:00", "actor": "Gulf Dispatch", "action": "create_channel", "title": "Gulf Dispatch", "text": "", "text_entities": []},
  {"id": 2, "type": "message", "date": "2025-05-04T18:20:00", "date_unixtime": "1746382800", "from": "Gulf Dispatch", "from_id": "channel987654321", "views": 2100,
   "text": "Iranian Foreign Minister Abbas Araghchi met Omani Foreign Minister Badr Albusaidi in Muscat on Sunday.",
   "text_entities": [{"type": "plain", "text": "Iranian Foreign Minister Abbas Araghchi met Omani Foreign Minister Badr Albusaidi in Muscat on Sunday."}]},
  {"id": 3, "type": "message", "date": "2025-05-05T09:10:00", "from": "Gulf Dispatch", "forwarded_from": "Ankara Wire", "views": 870,
   "text": ["Turkish President ", {"type": "bold", "text": "Recep Tayyip Erdogan"}, " accused Israel of attacking an aid convoy on Monday. More: ", {"type": "link", "text": "https://example.org/convoy"}],
   "text_entities": [{"type": "plain", "text": "Turkish President "}, {"type": "bold", "text": "Recep Tayyip Erdogan"}, {"type": "plain", "text": " accused Israel of attacking an aid convoy on Monday. More: "}, {"type": "link", "text": "https://example.org/convoy"}]},
  {"id": 4, "type": "message", "date": "2025-05-05T10:00:00", "from": "Gulf Dispatch", "photo": "photos/photo_4.jpg", "text": "", "text_entities": []},
  {"id": 5, "type": "service", "date": "2025-05-05T11:00:00", "actor": "Gulf Dispatch", "action": "pin_message", "message_id": 2, "text": ""}
 ]
}`

func TestIngestTelegram(t *testing.T) {
	dir := writeFiles(t, map[string]string{"result.json": channelExport})
	export := filepath.Join(dir, "result.json")
	db := filepath.Join(t.TempDir(), "g.db")
	code, _, errOut := run(t, nil, "ingest", "--store", "sqlite:"+db, "--progress", "off", "--telegram", export)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	wantSummary(t, errOut, "2 read, 2 new, 0 unchanged, 0 replaced, 0 skipped, 0 failed")

	st := openSQLite(t, db)
	ctx := context.Background()
	mediaID := func(name string) string {
		t.Helper()
		es, err := st.FindEntities(ctx, graph.EntityFilter{Query: name, Types: []graph.EntityType{graph.Media}})
		if err != nil || len(es) != 1 {
			t.Fatalf("MEDIA entity %q: %+v, %v; want one", name, es, err)
		}
		return es[0].ID
	}
	channel, origin := mediaID("Gulf Dispatch"), mediaID("Ankara Wire")
	page, err := st.Relations(ctx, graph.RelationQuery{Limit: graph.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var meet, accuse *graph.Edge
	for i, e := range page.Relations {
		switch e.Type {
		case graph.Meet:
			meet = &page.Relations[i]
		case graph.Accuse:
			accuse = &page.Relations[i]
		}
		// Every relation of a channel message is someone's claim.
		if !slices.Contains(e.AttributedTo, channel) && !slices.Contains(e.AttributedTo, origin) {
			t.Errorf("relation %s %s→%s is attributed to %v, not the channel or the forward's origin", e.Type, e.Subject, e.Object, e.AttributedTo)
		}
	}
	if meet == nil || !slices.Contains(meet.AttributedTo, channel) || meet.Date != "2025-05-04" {
		t.Errorf("MEET = %+v, want one attributed to %s dated 2025-05-04 (the Sunday of the message's own date)", meet, channel)
	}
	if accuse == nil || !slices.Contains(accuse.AttributedTo, origin) || slices.Contains(accuse.AttributedTo, channel) {
		t.Errorf("ACCUSE = %+v, want one attributed to the forward's origin %s only", accuse, origin)
	}
	st.Close()

	// Found by its shape when given as a plain .json file, and stored
	// under stable keys: a second ingest changes nothing.
	code, _, errOut = run(t, nil, "ingest", "--store", "sqlite:"+db, "--progress", "off", export)
	if code != 0 {
		t.Fatalf("second ingest: exit %d\n%s", code, errOut)
	}
	wantSummary(t, errOut, "2 read, 0 new, 2 unchanged, 0 replaced, 0 skipped, 0 failed")
}

// TestExtractTelegramKeepsViews checks the message metadata travels with
// the article into the extraction output.
func TestExtractTelegramKeepsViews(t *testing.T) {
	dir := writeFiles(t, map[string]string{"result.json": channelExport})
	code, out, errOut := run(t, nil, "extract", filepath.Join(dir, "result.json"))
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	lines := nonEmptyLines(out)
	if len(lines) != 2 {
		t.Fatalf("got %d extractions, want 2:\n%s", len(lines), out)
	}
	want := []graph.Article{
		{ID: "telegram-987654321-2", URL: "https://t.me/c/987654321/2", Source: "Gulf Dispatch", Published: "2025-05-04", Platform: graph.PlatformTelegram, Views: 2100},
		{ID: "telegram-987654321-3", URL: "https://t.me/c/987654321/3", Source: "Gulf Dispatch", Published: "2025-05-05", Platform: graph.PlatformTelegram, Views: 870, ForwardedFrom: "Ankara Wire"},
	}
	for i, l := range lines {
		var x graph.Extraction
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		got := x.Article
		got.Title, got.Hash = "", ""
		if got != want[i] {
			t.Errorf("article %d\n got %+v\nwant %+v", i, got, want[i])
		}
	}
}

func TestIngestTelegramBadExports(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"account.json": `{"about":"Here is the data you requested.","chats":{"list":[]}}`,
		"mixed.json": `{"name":"Gulf Dispatch","type":"public_channel","id":5,"messages":[` +
			`{"id":1,"type":"message","date":"2025-05-04T10:00:00","text":{"oops":true}},` +
			`{"id":2,"type":"message","date":"2025-05-04T11:00:00","text":"Iranian Foreign Minister Abbas Araghchi met Omani Foreign Minister Badr Albusaidi in Muscat on Sunday."}]}`,
	})
	db := filepath.Join(t.TempDir(), "g.db")
	code, _, errOut := run(t, nil, "ingest", "--store", "sqlite:"+db, "--progress", "off",
		"--telegram", filepath.Join(dir, "account.json"), "--telegram", filepath.Join(dir, "mixed.json"))
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, errOut)
	}
	wantSummary(t, errOut, "3 read, 1 new, 0 unchanged, 0 replaced, 0 skipped, 2 failed")
	for _, want := range []string{
		"account.json: not a Telegram channel export: it has no \"messages\" array",
		"mixed.json#1: \"text\" is an object, want a string",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	if n := strings.Count(errOut, "mixed.json#1"); n != 1 {
		t.Errorf("the bad message is named %d times, want once:\n%s", n, errOut)
	}
}
