package extract

import (
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

func testLexicon(t *testing.T) *lexicon {
	t.Helper()
	lx, err := loadLexicon()
	if err != nil {
		t.Fatalf("loadLexicon: %v", err)
	}
	return lx
}

// TestCountriesComplete: every UN member state plus the four others the
// ontology names, each once.
func TestCountriesComplete(t *testing.T) {
	n := 0
	names := map[string]bool{}
	err := eachRow("countries.tsv", func(cols []string) error {
		n++
		if names[cols[0]] {
			t.Errorf("country %q listed twice", cols[0])
		}
		names[cols[0]] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 193+4 {
		t.Errorf("%d countries, want 197 (193 UN members, Taiwan, Palestine, Kosovo, Vatican)", n)
	}
	for _, c := range []string{"Taiwan", "Palestine", "Kosovo", "Vatican", "United States", "Iran", "South Sudan", "Tuvalu"} {
		if !names[c] {
			t.Errorf("%s missing", c)
		}
	}
}

func TestLookup(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		form  string
		canon string
		typ   graph.EntityType
		kind  formKind
	}{
		{"U.S.", "United States", graph.Country, kindName},
		{"America", "United States", graph.Country, kindName},
		{"Islamic Republic", "Iran", graph.Country, kindName},
		{"Tehran", "Iran", graph.Country, kindCapital},
		{"TEHRAN", "Iran", graph.Country, kindCapital},
		{"TÜRKİYE", "Turkey", graph.Country, kindName},
		{"Iranian", "Iran", graph.Country, kindDemonym},
		{"IRNA", "IRNA", graph.Media, kindName},
		{"People’s Daily", "People's Daily", graph.Media, kindName},
		{"NATO", "North Atlantic Treaty Organization", graph.Organization, kindName},
		{"Persian Gulf", "Persian Gulf", graph.Location, kindName},
	}
	for _, tc := range tests {
		t.Run(tc.form, func(t *testing.T) {
			es := lx.lookup(tc.form)
			if len(es) == 0 {
				t.Fatalf("%q not found", tc.form)
			}
			if e := es[0]; e.canon != tc.canon || e.typ != tc.typ || e.kind != tc.kind {
				t.Errorf("got %+v, want %s %s %d", e, tc.canon, tc.typ, tc.kind)
			}
		})
	}
	for _, form := range []string{"iran", "us", "the", "May", "Minister"} {
		t.Run("not "+form, func(t *testing.T) {
			if es := lx.lookup(form); len(es) > 0 {
				t.Errorf("%q found as %+v", form, es[0])
			}
		})
	}
}

func TestTitlesAndHonorifics(t *testing.T) {
	lx := testLexicon(t)
	for _, title := range []string{"foreign minister", "secretary of state", "special envoy", "supreme leader", "spokesman"} {
		if !lx.titles[title] {
			t.Errorf("title %q missing", title)
		}
	}
	for _, h := range []string{"dr.", "seyed", "ayatollah", "sheikh"} {
		if !lx.honorifics[h] {
			t.Errorf("honorific %q missing", h)
		}
	}
	if lx.titles["sheikh"] {
		t.Errorf("sheikh is an honorific, not a title")
	}
}

func TestTriggers(t *testing.T) {
	lx := testLexicon(t)
	d := &doc{text: "Iran received a letter from Oman and received Kuwait ."}
	words := []string{"Iran", "received", "a", "letter", "from", "Oman", "and", "received", "Kuwait", "."}
	off := 0
	for _, w := range words {
		d.toks = append(d.toks, token{text: w, low: strings.ToLower(w), start: off, end: off + len(w)})
		off += len(w) + 1
	}
	s := sentence{first: 0, lim: len(d.toks)}
	tests := []struct {
		at      int
		typ     graph.RelationType
		reverse bool
	}{
		{1, graph.Communicate, true}, // the row needing "letter" wins
		{7, graph.Meet, false},       // no letter: the plain row
	}
	for _, tc := range tests {
		tr, _, ok := lx.triggers.match(d, s, tc.at)
		if !ok || tr.typ != tc.typ || tr.reverse != tc.reverse {
			t.Errorf("trigger at %d = %+v (ok %v), want %s reverse=%v", tc.at, tr, ok, tc.typ, tc.reverse)
		}
	}
	if _, _, ok := lx.triggers.match(d, s, 0); ok {
		t.Errorf("a name matched as a trigger")
	}
}
