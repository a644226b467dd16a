package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Article is one piece of news as read from a source. Text is the full body;
// every offset elsewhere (mentions, evidence) is a byte offset into it.
type Article struct {
	// ID is the input's own id when it has one, else derived from Key.
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"` // YYYY-MM-DD, or "" when unknown
	Text      string `json:"text,omitempty"`
	// Hash is the hex SHA-256 of Text. Extraction output carries it instead
	// of the text, so a store can key and compare articles without the body.
	Hash string `json:"hash,omitempty"`

	// The fields below say more about where the article came from. They are
	// optional and omitted from JSON when empty, so inputs and extraction
	// output without them are unchanged; all are comparable, so Article
	// stays comparable with ==.

	// Author is the byline, as the page or feed gives it.
	Author string `json:"author,omitempty"`
	// Platform is "telegram" for a message of a messaging channel, whose
	// relations are then the channel's own claims; "" for news articles.
	Platform string `json:"platform,omitempty"`
	// ForwardedFrom names the channel or account a channel message was
	// forwarded from: the origin of its claims.
	ForwardedFrom string `json:"forwarded_from,omitempty"`
	// Views is how many times a channel message was seen, when known.
	Views int `json:"views,omitempty"`
}

// PlatformTelegram marks an Article read from a Telegram channel export.
const PlatformTelegram = "telegram"

// TextHash returns the hex SHA-256 of text.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Key is the article's identity in a store: its URL when it has one, else the
// hash of its text. Ingesting two inputs with the same key is one article,
// which is what makes ingest idempotent.
func (a Article) Key() string {
	if u := strings.TrimSpace(a.URL); u != "" {
		return "url:" + u
	}
	h := a.Hash
	if h == "" {
		h = TextHash(a.Text)
	}
	return "sha256:" + h
}

// StoredArticle is an article as a store keeps it: its metadata, without the
// body, and what was read from it.
type StoredArticle struct {
	Key       string `json:"key"`
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Hash      string `json:"hash"`

	// Provenance, as Article gives it; empty when the input had none.
	Author        string `json:"author,omitempty"`
	Platform      string `json:"platform,omitempty"`
	ForwardedFrom string `json:"forwarded_from,omitempty"`
	Views         int    `json:"views,omitempty"`
	// Publisher is the id of the stored MEDIA entity the article's Source
	// names (graph.MatchEntity over the MEDIA entities sharing a form with
	// it), or "" when no stored outlet matches. Stores fill it when they
	// answer, so it follows the graph as it grows.
	Publisher string `json:"publisher,omitempty"`
}

// Article returns the metadata as an Article without text, the form a
// dump gives back to Ingest.
func (a StoredArticle) Article() Article {
	return Article{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published, Hash: a.Hash,
		Author: a.Author, Platform: a.Platform, ForwardedFrom: a.ForwardedFrom, Views: a.Views}
}
