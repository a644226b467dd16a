package graph

import (
	"context"
	"sort"
	"strings"
)

// Dumper is an optional interface of a Store: it streams the stored graph
// back as extractions, which is how a graph moves between backends (dump
// one, ingest into the other) and how exports read a whole graph without
// holding it in memory.
//
// Dump calls fn once per stored article, in article-key order, with an
// extraction that ingested into an empty store, in that order, rebuilds the
// same graph with the same ids:
//
//   - Article is the stored metadata (StoredArticle.Article): no text, the
//     stored hash, so Key gives the stored key back.
//   - Entities are the stored entities the article refers to, ordered by
//     id, each with its stored id as local id, its name and aliases as
//     stored now, and as many Mentions as the article counted (stores keep
//     the count, not the offsets: each is the name at 0–0).
//   - IDs pins every local id to itself, so the copy keeps the ids even
//     where the name a store created an entity under has since changed.
//   - Relations are the article's evidence, one per stored evidence row, in
//     evidence order: the edge's type, ends (stored ids), date and polarity,
//     and that evidence's sentence, offsets, confidence, role, via and
//     attributed_to.
//
// The extraction passed to fn is fn's to keep. Dump holds at most one
// article's extraction in memory at a time (plus a bounded page of keys),
// whatever the size of the graph; fn's error stops it and is returned.
type Dumper interface {
	Dump(ctx context.Context, fn func(Extraction) error) error
}

// DumpMentions returns n placeholder mentions of name, the form Dump gives
// mention counts in.
func DumpMentions(name string, n int) []Mention {
	if n <= 0 {
		return nil
	}
	ms := make([]Mention, n)
	for i := range ms {
		ms[i] = Mention{Text: name}
	}
	return ms
}

// SortRelations puts a dumped article's relations in the order Dump gives
// them: by evidence offsets and text, then by what the relation says, so
// that every backend dumps the same article the same way.
func SortRelations(rs []Relation) {
	key := func(r Relation) []string {
		return []string{string(r.Type), r.Subject, r.Object, r.Date, string(r.Polarity), r.Role,
			strings.Join(r.Via, ","), strings.Join(r.AttributedTo, ",")}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		switch {
		case a.Evidence.Start != b.Evidence.Start:
			return a.Evidence.Start < b.Evidence.Start
		case a.Evidence.End != b.Evidence.End:
			return a.Evidence.End < b.Evidence.End
		case a.Evidence.Text != b.Evidence.Text:
			return a.Evidence.Text < b.Evidence.Text
		}
		ka, kb := key(a), key(b)
		for k := range ka {
			if ka[k] != kb[k] {
				return ka[k] < kb[k]
			}
		}
		return a.Confidence < b.Confidence
	})
}
