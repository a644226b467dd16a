package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// ReadTelegram reads a Telegram Desktop export of one channel (the
// result.json of "Export chat history", JSON format) and calls fn once per
// message with text, in the export's order. Each becomes an article whose
// Source is the channel, Platform graph.PlatformTelegram, with its date,
// views, the channel it was forwarded from and the links in its text.
// Service messages (channel created, message pinned, …) and messages
// without text (a photo alone) are skipped. A message of an unexpected
// shape is a bad-input item naming it; the others are still read. The file
// is decoded as a stream, so an export of any length reads in bounded
// memory.
func ReadTelegram(ctx context.Context, path string, fn func(Item) error) error {
	r := reader{ctx: ctx, fn: fn}
	f, err := r.open(path)
	if err != nil {
		return r.fail(path, statError(path, err))
	}
	defer f.Close()
	return r.telegram(path, bufio.NewReaderSize(f, 64<<10))
}

// telegramSniff is how much of a .json file is looked at to tell a Telegram
// export from an article: enough for the channel's name, type and id that
// come before its messages.
const telegramSniff = 64 << 10

// looksLikeTelegram reports whether a JSON document starting with head is a
// Telegram export: an object with a "messages" array among its first keys
// and no article "text".
func looksLikeTelegram(head []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(head, bom)))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		switch key, _ := t.(string); key {
		case "text":
			return false
		case "messages":
			t, err := dec.Token()
			return err == nil && t == json.Delim('[')
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// telegramChannel is what an export says about its channel.
type telegramChannel struct {
	name, kind string
	id         string // numeric, as text; "" when the export has none
}

// telegram reads an export from br. Messages found before the channel's
// name (not the order Telegram writes) are held until the name is known.
func (r *reader) telegram(p string, br *bufio.Reader) error {
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		br.Discard(len(bom))
	}
	dec := json.NewDecoder(br)
	dec.UseNumber()
	bad := func(format string, args ...any) error {
		return r.fail(p, graph.Errorf(graph.EINVALID, "%s: not a Telegram channel export: %s", p, fmt.Sprintf(format, args...)))
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return bad("want a JSON object with the channel's \"name\" and its \"messages\"")
	}
	var ch telegramChannel
	var held []json.RawMessage
	seenMessages := false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return bad("malformed JSON: %v", err)
		}
		key, _ := t.(string)
		switch key {
		case "name", "type":
			var s *string
			if err := dec.Decode(&s); err != nil {
				return bad("%q must be a string", key)
			}
			if s != nil && key == "name" {
				ch.name = strings.TrimSpace(*s)
			} else if s != nil {
				ch.kind = *s
			}
		case "id":
			var n json.Number
			if err := dec.Decode(&n); err != nil {
				return bad("\"id\" must be a number")
			}
			ch.id = n.String()
		case "messages":
			seenMessages = true
			if t, err := dec.Token(); err != nil || t != json.Delim('[') {
				return bad("\"messages\" must be an array")
			}
			for i := 0; dec.More(); i++ {
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					// The stream is broken: nothing after it can be found.
					origin := fmt.Sprintf("%s#%d", p, i+1)
					return r.fail(origin, graph.Errorf(graph.EINVALID,
						"%s: malformed JSON in the export's message %d: %v; the rest of the export is not read", origin, i+1, err))
				}
				if ch.name == "" {
					held = append(held, raw)
					continue
				}
				if err := r.telegramMessage(p, ch, i, raw); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return bad("malformed JSON after the messages: %v", err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return bad("malformed JSON in %q: %v", key, err)
			}
		}
	}
	switch {
	case !seenMessages:
		return bad("it has no \"messages\" array (for a whole-account export, export the one channel instead)")
	case ch.name == "" && len(held) > 0:
		return bad("it has no channel \"name\"")
	}
	for i, raw := range held {
		if err := r.telegramMessage(p, ch, i, raw); err != nil {
			return err
		}
	}
	return nil
}

// telegramMessageJSON is one exported message. Text is a string or a list
// of strings and entity objects; see telegramText.
type telegramMessageJSON struct {
	ID            json.Number     `json:"id"`
	Type          string          `json:"type"`
	Date          string          `json:"date"`
	DateUnix      json.Number     `json:"date_unixtime"`
	From          *string         `json:"from"`
	ForwardedFrom *string         `json:"forwarded_from"`
	Views         *int            `json:"views"`
	Text          json.RawMessage `json:"text"`
	TextEntities  []telegramPart  `json:"text_entities"`
}

// telegramPart is one text entity: a run of text with its kind ("plain",
// "bold", "link", "text_link", "mention", …) and, for text_link, its target.
type telegramPart struct {
	Type string `json:"type"`
	Text string `json:"text"`
	Href string `json:"href"`
}

// telegramMessage reads message i (from 0) of an export and emits it,
// unless it is a service message or has no text.
func (r *reader) telegramMessage(p string, ch telegramChannel, i int, raw json.RawMessage) error {
	// A message is named by its id (PATH#ID), as in its t.me link; one
	// whose id cannot be read by its position in the export.
	origin := fmt.Sprintf("%s#%d", p, i+1)
	bad := func(format string, args ...any) error {
		return r.fail(origin, graph.Errorf(graph.EINVALID, "%s: %s", origin, fmt.Sprintf(format, args...)))
	}
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return bad("want a JSON object, found %s", jsonKind(firstByte(t)))
	}
	var m telegramMessageJSON
	if err := json.Unmarshal(raw, &m); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return bad("field %q has the wrong type (a JSON %s)", typ.Field, typ.Value)
		}
		return bad("malformed JSON: %v", err)
	}
	if m.ID != "" {
		origin = fmt.Sprintf("%s#%s", p, m.ID)
	}
	if m.Type == "service" {
		return nil
	}
	if m.Type != "" && m.Type != "message" {
		return bad("unknown message type %q", m.Type)
	}
	text, links, err := telegramText(m.Text, m.TextEntities)
	if err != nil {
		return bad("%v", err)
	}
	if strings.TrimSpace(text) == "" {
		slog.Debug("source: skipping Telegram message without text", "origin", origin)
		return nil
	}
	if !utf8.ValidString(text) {
		return bad("text is not valid UTF-8")
	}
	date, err := telegramDate(m.Date, m.DateUnix)
	if err != nil {
		return bad("%v", err)
	}
	a := graph.Article{
		Title:     telegramTitle(text),
		Source:    ch.name,
		Published: date,
		Text:      text,
		Platform:  graph.PlatformTelegram,
	}
	if m.ForwardedFrom != nil {
		a.ForwardedFrom = strings.TrimSpace(*m.ForwardedFrom)
	}
	if m.Views != nil {
		a.Views = *m.Views
	}
	switch {
	case ch.id != "" && m.ID != "":
		// A channel's own message link; for a public channel t.me/NAME/ID
		// reaches it too, but the export does not give NAME.
		a.URL = "https://t.me/c/" + strings.TrimPrefix(ch.id, "-100") + "/" + m.ID.String()
		a.ID = "telegram-" + ch.id + "-" + m.ID.String()
	case m.ID != "":
		a.ID = "telegram-" + graph.Slug(ch.name) + "-" + m.ID.String()
	}
	return r.emit(Item{Origin: origin, Article: a, Links: links})
}

// telegramText joins a message's text, given as a plain string or as a
// list of strings and entity objects, and collects the links in it.
func telegramText(raw json.RawMessage, entities []telegramPart) (string, []string, error) {
	raw = bytes.TrimSpace(raw)
	var parts []telegramPart
	switch {
	case len(raw) == 0 || bytes.Equal(raw, []byte("null")):
		return "", nil, nil
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", nil, fmt.Errorf("\"text\" is not a valid string: %v", err)
		}
		// The plain string has no links of its own; text_entities has them.
		return s, linksOf(entities), nil
	case raw[0] == '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return "", nil, fmt.Errorf("\"text\" is not a valid list: %v", err)
		}
		for k, it := range items {
			it = bytes.TrimSpace(it)
			switch firstByte(it) {
			case '"':
				var s string
				if err := json.Unmarshal(it, &s); err != nil {
					return "", nil, fmt.Errorf("\"text\" part %d is not a valid string", k+1)
				}
				parts = append(parts, telegramPart{Type: "plain", Text: s})
			case '{':
				var e telegramPart
				if err := json.Unmarshal(it, &e); err != nil {
					return "", nil, fmt.Errorf("\"text\" part %d is not a text entity {type, text}: %v", k+1, err)
				}
				parts = append(parts, e)
			default:
				return "", nil, fmt.Errorf("\"text\" part %d is %s, want a string or a {type, text} object", k+1, jsonKind(firstByte(it)))
			}
		}
	default:
		return "", nil, fmt.Errorf("\"text\" is %s, want a string or a list of strings and {type, text} objects", jsonKind(raw[0]))
	}
	var b strings.Builder
	for _, e := range parts {
		b.WriteString(e.Text)
	}
	links := linksOf(parts)
	if len(links) == 0 {
		links = linksOf(entities)
	}
	return b.String(), links, nil
}

// linksOf returns the link targets among text entities, without repeats.
func linksOf(parts []telegramPart) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range parts {
		var u string
		switch e.Type {
		case "link":
			u = strings.TrimSpace(e.Text)
		case "text_link":
			u = strings.TrimSpace(e.Href)
		}
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// telegramDate is a message's date as the channel showed it: the local
// date of "date" ("2025-03-01T09:15:00"), else the UTC date of
// "date_unixtime".
func telegramDate(date string, unix json.Number) (string, error) {
	date = strings.TrimSpace(date)
	if date != "" {
		if len(date) >= 10 && len(date[:10]) == 10 && graph.ValidDate(date[:10]) {
			if _, err := time.Parse("2006-01-02", date[:10]); err == nil {
				return date[:10], nil
			}
		}
		return "", fmt.Errorf("\"date\" %q is not a date (want 2006-01-02T15:04:05)", date)
	}
	if unix != "" {
		n, err := strconv.ParseInt(unix.String(), 10, 64)
		if err != nil || n <= 0 {
			return "", fmt.Errorf("\"date_unixtime\" %q is not a Unix time", unix)
		}
		return time.Unix(n, 0).UTC().Format("2006-01-02"), nil
	}
	return "", nil
}

// telegramTitle is the first line of a message, cut at a word boundary
// near 100 characters, since channel posts have no headline.
func telegramTitle(text string) string {
	t := firstLine(text)
	if utf8.RuneCountInString(t) <= 100 {
		return t
	}
	rs := []rune(t)[:100]
	if i := strings.LastIndexByte(string(rs), ' '); i > 40 {
		return string(rs)[:i] + "…"
	}
	return string(rs) + "…"
}

func firstByte(b []byte) byte {
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// sniffTelegram opens p and says whether it is a Telegram export, reading
// only its beginning.
func (r *reader) sniffTelegram(p string) bool {
	f, err := r.open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, telegramSniff))
	return looksLikeTelegram(head)
}

// telegramFile reads a .json file found to be a Telegram export.
func (r *reader) telegramFile(p string) error {
	f, err := r.open(p)
	if err != nil {
		return r.fail(p, statError(p, err))
	}
	defer f.Close()
	return r.telegram(p, bufio.NewReaderSize(f, 64<<10))
}
