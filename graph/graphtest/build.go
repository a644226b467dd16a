package graphtest

import (
	"sort"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// builder writes one hand-made extraction: its text is the sentences joined
// by spaces, mentions are found in the text and evidence offsets point at
// the sentence, so offsets are right by construction.
type builder struct {
	x         graph.Extraction
	sentences []string
	starts    []int
}

func newArticle(id, url, title, source, published string, sentences ...string) *builder {
	b := &builder{sentences: sentences}
	var sb strings.Builder
	for i, s := range sentences {
		if i > 0 {
			sb.WriteByte(' ')
		}
		b.starts = append(b.starts, sb.Len())
		sb.WriteString(s)
	}
	text := sb.String()
	b.x.Article = graph.Article{
		ID: id, URL: url, Title: title, Source: source, Published: published,
		Text: text, Hash: graph.TextHash(text),
	}
	b.x.Entities = []graph.Entity{}
	b.x.Relations = []graph.Relation{}
	return b
}

// entity adds an entity whose mentions are the whole-word occurrences of its
// name and aliases, longer forms first and without overlaps.
func (b *builder) entity(local string, t graph.EntityType, name string, aliases ...string) *builder {
	ms := findMentions(b.x.Article.Text, append([]string{name}, aliases...))
	if aliases == nil {
		aliases = []string{}
	}
	b.x.Entities = append(b.x.Entities, graph.Entity{ID: local, Name: name, Type: t, Aliases: aliases, Mentions: ms})
	return b
}

// findMentions returns the whole-word occurrences of forms in text, longer
// forms first, without overlaps, in text order.
func findMentions(text string, forms []string) []graph.Mention {
	forms = append([]string(nil), forms...)
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	var ms []graph.Mention
	taken := func(s, e int) bool {
		for _, m := range ms {
			if s < m.End && m.Start < e {
				return true
			}
		}
		return false
	}
	for _, f := range forms {
		if f == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], f)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(f)
			off = e
			if (s > 0 && isWordByte(text[s-1])) || (e < len(text) && isWordByte(text[e])) || taken(s, e) {
				continue
			}
			ms = append(ms, graph.Mention{Start: s, End: e, Text: f})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// rel adds a relation read from sentence i.
func (b *builder) rel(i int, r graph.Relation) *builder {
	if r.Via == nil {
		r.Via = []string{}
	}
	if r.AttributedTo == nil {
		r.AttributedTo = []string{}
	}
	if r.Polarity == "" {
		r.Polarity = graph.Asserted
	}
	if r.Confidence == 0 {
		r.Confidence = 0.5
	}
	r.Evidence = graph.Evidence{Text: b.sentences[i], Start: b.starts[i], End: b.starts[i] + len(b.sentences[i])}
	b.x.Relations = append(b.x.Relations, r)
	return b
}

func (b *builder) done() graph.Extraction { return b.x }

// withText returns a copy of x whose text has a sentence added, which gives
// it a new hash and so makes it a new version of the same article.
func withText(x graph.Extraction, extra string) graph.Extraction {
	y := x
	y.Article.Text = x.Article.Text + " " + extra
	y.Article.Hash = graph.TextHash(y.Article.Text)
	return y
}
