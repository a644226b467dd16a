package source

import (
	"slices"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// Attribute adds an article's provenance to its extraction, so that "who
// reported this?" is a graph query like any other:
//
//   - the publisher (Article.Source: the outlet or channel) becomes a MEDIA
//     entity of the extraction, which stores link to the article as a
//     mention. An entity of the extraction that already has that name
//     (compared as graph.NormalizeName folds it) is used instead: a MEDIA
//     one as it is, an ORGANIZATION one retyped MEDIA, since publishing
//     the article shows it is an outlet. A person or place of that name is
//     left alone and the outlet added beside it.
//   - for a channel message (Platform graph.PlatformTelegram) every relation
//     is the channel's claim, so the channel joins its attributed_to; a
//     forwarded message's relations are credited to the channel it was
//     forwarded from instead, added as a MEDIA entity the same way.
//
// x is not modified; the result shares nothing with it that Attribute
// changed. An article without a Source is returned as it is.
func Attribute(x graph.Extraction) graph.Extraction {
	pub := clean(x.Article.Source)
	if pub == "" {
		return x
	}
	x.Entities = slices.Clone(x.Entities)
	if x.Entities == nil {
		x.Entities = []graph.Entity{}
	}
	pubID := addMedia(&x, pub)
	if x.Article.Platform != graph.PlatformTelegram || len(x.Relations) == 0 {
		return x
	}
	credit := pubID
	if ff := clean(x.Article.ForwardedFrom); ff != "" {
		credit = addMedia(&x, ff)
	}
	rels := make([]graph.Relation, len(x.Relations))
	for i, r := range x.Relations {
		if !slices.Contains(r.AttributedTo, credit) {
			r.AttributedTo = append(slices.Clone(r.AttributedTo), credit)
		}
		rels[i] = r
	}
	x.Relations = rels
	return x
}

// addMedia returns the local id of the MEDIA entity called name in x,
// adding one (or retyping an organisation of that name) when there is none.
// x.Entities must be x's own copy.
func addMedia(x *graph.Extraction, name string) string {
	norm := graph.NormalizeName(name)
	org := -1
	for i, e := range x.Entities {
		if !slices.Contains(graph.Forms(e), norm) {
			continue
		}
		switch e.Type {
		case graph.Media:
			return e.ID
		case graph.Organization:
			if org < 0 {
				org = i
			}
		}
	}
	if org >= 0 {
		x.Entities[org].Type = graph.Media
		return x.Entities[org].ID
	}
	id := graph.EntityID(graph.Media, name)
	for n := 2; hasEntity(x.Entities, id); n++ {
		id = graph.EntityID(graph.Media, name) + "-" + strconv.Itoa(n)
	}
	x.Entities = append(x.Entities, graph.Entity{ID: id, Name: name, Type: graph.Media, Aliases: []string{}})
	return id
}

func hasEntity(es []graph.Entity, id string) bool {
	return slices.ContainsFunc(es, func(e graph.Entity) bool { return strings.EqualFold(e.ID, id) })
}
