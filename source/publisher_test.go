package source_test

import (
	"reflect"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/source"
)

func TestAttribute(t *testing.T) {
	ent := func(id, name string, typ graph.EntityType) graph.Entity {
		return graph.Entity{ID: id, Name: name, Type: typ, Aliases: []string{}}
	}
	rel := func(attr ...string) graph.Relation {
		if attr == nil {
			attr = []string{}
		}
		return graph.Relation{Type: graph.Accuse, Subject: "v", Object: "o", Via: []string{}, AttributedTo: attr, Polarity: graph.Asserted}
	}
	v, o := ent("v", "Valdoria", graph.Country), ent("o", "Ostrand", graph.Country)
	tests := []struct {
		name string
		in   graph.Extraction
		want graph.Extraction
	}{
		{"no source: unchanged",
			graph.Extraction{Entities: []graph.Entity{v, o}, Relations: []graph.Relation{rel()}},
			graph.Extraction{Entities: []graph.Entity{v, o}, Relations: []graph.Relation{rel()}}},
		{"news article: publisher added, relations untouched",
			graph.Extraction{Article: graph.Article{Source: "Port Elm Courier"}, Entities: []graph.Entity{v, o}, Relations: []graph.Relation{rel()}},
			graph.Extraction{Article: graph.Article{Source: "Port Elm Courier"},
				Entities:  []graph.Entity{v, o, ent("media:port-elm-courier", "Port Elm Courier", graph.Media)},
				Relations: []graph.Relation{rel()}}},
		{"publisher already a MEDIA entity, by normalised name",
			graph.Extraction{Article: graph.Article{Source: "the Port-Elm Courier"}, Entities: []graph.Entity{v, ent("c", "Port Elm Courier", graph.Media)}},
			graph.Extraction{Article: graph.Article{Source: "the Port-Elm Courier"}, Entities: []graph.Entity{v, ent("c", "Port Elm Courier", graph.Media)}}},
		{"publisher taken for an organisation is retyped",
			graph.Extraction{Article: graph.Article{Source: "Elm Wire"}, Entities: []graph.Entity{ent("w", "Elm Wire", graph.Organization)}},
			graph.Extraction{Article: graph.Article{Source: "Elm Wire"}, Entities: []graph.Entity{ent("w", "Elm Wire", graph.Media)}}},
		{"a person of the same name is left alone",
			graph.Extraction{Article: graph.Article{Source: "Ilse Marrow"}, Entities: []graph.Entity{ent("media:ilse-marrow", "Ilse Marrow", graph.Person)}},
			graph.Extraction{Article: graph.Article{Source: "Ilse Marrow"}, Entities: []graph.Entity{
				ent("media:ilse-marrow", "Ilse Marrow", graph.Person), ent("media:ilse-marrow-2", "Ilse Marrow", graph.Media)}}},
		{"channel message: relations credited to the channel",
			graph.Extraction{Article: graph.Article{Source: "Harbour Watch", Platform: graph.PlatformTelegram},
				Entities: []graph.Entity{v, o}, Relations: []graph.Relation{rel(), rel("o")}},
			graph.Extraction{Article: graph.Article{Source: "Harbour Watch", Platform: graph.PlatformTelegram},
				Entities:  []graph.Entity{v, o, ent("media:harbour-watch", "Harbour Watch", graph.Media)},
				Relations: []graph.Relation{rel("media:harbour-watch"), rel("o", "media:harbour-watch")}}},
		{"forwarded message: relations credited to the origin",
			graph.Extraction{Article: graph.Article{Source: "Harbour Watch", Platform: graph.PlatformTelegram, ForwardedFrom: "Lunesia Today"},
				Entities: []graph.Entity{v, o}, Relations: []graph.Relation{rel()}},
			graph.Extraction{Article: graph.Article{Source: "Harbour Watch", Platform: graph.PlatformTelegram, ForwardedFrom: "Lunesia Today"},
				Entities: []graph.Entity{v, o, ent("media:harbour-watch", "Harbour Watch", graph.Media),
					ent("media:lunesia-today", "Lunesia Today", graph.Media)},
				Relations: []graph.Relation{rel("media:lunesia-today")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := clone(t, tt.in)
			got := source.Attribute(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Attribute\n got %+v\nwant %+v", got, tt.want)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("result does not validate: %v", err)
			}
			if !reflect.DeepEqual(tt.in, before) {
				t.Errorf("Attribute changed its input: %+v, was %+v", tt.in, before)
			}
		})
	}
}

// clone deep-copies an extraction's slices, to check Attribute leaves its
// input alone.
func clone(t *testing.T, x graph.Extraction) graph.Extraction {
	t.Helper()
	out := x
	out.Entities = append([]graph.Entity(nil), x.Entities...)
	out.Relations = nil
	for _, r := range x.Relations {
		r.AttributedTo = append([]string{}, r.AttributedTo...)
		out.Relations = append(out.Relations, r)
	}
	return out
}
