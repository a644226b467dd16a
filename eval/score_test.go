package eval_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/eval"
	"github.com/actorgraph/actorgraph/graph"
)

var update = flag.Bool("update", false, "rewrite golden files")

// loadFixture reads testdata/gold and testdata/pred.jsonl: three articles
// written for these tests, one without a prediction, and a prediction for
// an article that gold does not have.
func loadFixture(t *testing.T) (map[string]eval.GoldArticle, map[string]graph.Extraction) {
	t.Helper()
	gold, err := eval.LoadGold(filepath.Join("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "pred.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	preds, err := eval.ReadPredictions(f)
	if err != nil {
		t.Fatal(err)
	}
	return gold, preds
}

// TestScoreByHand checks the figures worked out by hand for the fixture;
// the reasoning for each is in the comments.
func TestScoreByHand(t *testing.T) {
	gold, preds := loadFixture(t)
	r := eval.Score(gold, preds)

	t.Run("totals", func(t *testing.T) {
		tests := []struct {
			name      string
			got, want eval.Counts
		}{
			// harbour-talks: Valdoria and the Daily Beacon by exact name,
			// Tomas Reyl and Port Elm by name despite their types, Kessel
			// by alias: 5 of 6 predictions, 7 gold. envoy-letter: Voss and
			// Reyl by alias, Ostrand exactly: 3 of 3, 4 gold. The summit
			// has no prediction: 3 gold.
			{"entities", r.Entities, eval.Counts{TP: 8, Pred: 9, Gold: 14}},
			// Typed: Tomas Reyl (ORGANIZATION) and Port Elm (COUNTRY) drop.
			{"typed entities", r.TypedEntities, eval.Counts{TP: 6, Pred: 9, Gold: 14}},
			// harbour-talks: the reversed MEET (symmetric), the role, and the
			// denial whose subject is a bare name; envoy-letter: the
			// letter, not the reversed one (COMMUNICATE is directed).
			{"relations", r.Relations, eval.Counts{TP: 4, Pred: 6, Gold: 6}},
		}
		for _, tt := range tests {
			if tt.got != tt.want {
				t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
			}
		}
	})

	t.Run("figures", func(t *testing.T) {
		tests := []struct {
			name      string
			got, want float64
		}{
			{"entity precision", r.Entities.Precision(), 8.0 / 9},
			{"entity recall", r.Entities.Recall(), 8.0 / 14},
			{"entity F1", r.Entities.F1(), 16.0 / 23},
			{"typed F1", r.TypedEntities.F1(), 12.0 / 23},
			{"relation F1", r.Relations.F1(), 4.0 / 6},
			// Via: the MEET lost Lunaria, the letter kept Tomas Reyl.
			{"via", r.Via.Value(), 0.5},
			// Date: only the MEET has one in gold, and it is right.
			{"date", r.Date.Value(), 1},
			// Polarity: the denial was predicted negated; gold leaves the
			// key out, which means asserted.
			{"polarity", r.Polarity.Value(), 0.75},
		}
		for _, tt := range tests {
			if d := tt.got - tt.want; d > 1e-12 || d < -1e-12 {
				t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
			}
		}
		if r.Via != (eval.Accuracy{Correct: 1, Total: 2}) || r.Date != (eval.Accuracy{Correct: 1, Total: 1}) || r.Polarity != (eval.Accuracy{Correct: 3, Total: 4}) {
			t.Errorf("accuracies via %+v date %+v polarity %+v", r.Via, r.Date, r.Polarity)
		}
	})

	t.Run("errors", func(t *testing.T) {
		if len(r.PerArticle) != 3 || r.PerArticle[0].ID != "harbour-talks" || r.PerArticle[2].ID != "lunaria-valdoria-summit" {
			t.Fatalf("articles not in file order: %+v", r.PerArticle)
		}
		if strings.Join(r.Missing, ",") != "lunaria-valdoria-summit" || r.Articles != 3 {
			t.Errorf("missing %v of %d, want [lunaria-valdoria-summit] of 3", r.Missing, r.Articles)
		}
		a := r.PerArticle[0]
		var got []string
		for _, e := range a.MissedEntities {
			got = append(got, "missed "+e.Name)
		}
		for _, m := range a.Mistyped {
			got = append(got, "mistyped "+m.Pred.Name+" "+string(m.Pred.Type))
		}
		for _, e := range a.SpuriousEntities {
			got = append(got, "spurious "+e.Name)
		}
		for _, gr := range a.MissedRelations {
			got = append(got, "missed "+string(gr.Type)+" "+gr.Subject)
		}
		for _, pr := range a.SpuriousRelations {
			got = append(got, "spurious "+string(pr.Type)+" "+pr.Subject)
		}
		want := []string{
			"missed Ostrand", "missed Lunaria",
			"mistyped Tomas Reyl ORGANIZATION", "mistyped Port Elm COUNTRY",
			"spurious Harbour",
			"missed HOLDS_ROLE Tomas Reyl",
			"spurious REJECT e2",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("harbour-talks errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

func TestWriteGolden(t *testing.T) {
	gold, preds := loadFixture(t)
	r := eval.Score(gold, preds)
	for _, tt := range []struct {
		name   string
		errors bool
		golden string
	}{
		{"summary", false, "report.golden"},
		{"with errors", true, "report-errors.golden"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := r.Write(&buf, tt.errors); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if buf.String() != string(want) {
				t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
			}
		})
	}
}

func TestScoreEdgeCases(t *testing.T) {
	g := func(ents []eval.GoldEntity, rels ...eval.GoldRelation) map[string]eval.GoldArticle {
		return map[string]eval.GoldArticle{"a": {Article: graph.Article{ID: "a"}, File: "a.json", Entities: ents, Relations: rels}}
	}
	p := func(ents []graph.Entity, rels ...graph.Relation) map[string]graph.Extraction {
		return map[string]graph.Extraction{"a": {Article: graph.Article{ID: "a"}, Entities: ents, Relations: rels}}
	}
	ge := func(name string, typ graph.EntityType, aliases ...string) eval.GoldEntity {
		return eval.GoldEntity{Name: name, Type: typ, Aliases: aliases}
	}
	pe := func(id, name string, typ graph.EntityType, aliases ...string) graph.Entity {
		return graph.Entity{ID: id, Name: name, Type: typ, Aliases: aliases}
	}
	tests := []struct {
		name      string
		gold      map[string]eval.GoldArticle
		pred      map[string]graph.Extraction
		ent, typd eval.Counts
		rel       eval.Counts
	}{
		{
			name: "nothing predicted, nothing in gold",
			gold: g(nil), pred: p(nil),
		},
		{
			// Normalisation: case, punctuation, NFKC and a leading "the".
			name: "names match after normalisation",
			gold: g([]eval.GoldEntity{ge("U.S. Navy", graph.Organization), ge("Wall Street Journal", graph.Media)}),
			pred: p([]graph.Entity{pe("a", "u s navy", graph.Organization), pe("b", "The WALL STREET JOURNAL", graph.Media)}),
			ent:  eval.Counts{TP: 2, Pred: 2, Gold: 2}, typd: eval.Counts{TP: 2, Pred: 2, Gold: 2},
		},
		{
			// Each gold entity is matched once: the second "Ostrand" is spurious.
			name: "one to one",
			gold: g([]eval.GoldEntity{ge("Ostrand", graph.Country)}),
			pred: p([]graph.Entity{pe("a", "Ostrand", graph.Country), pe("b", "Ostrand", graph.Country)}),
			ent:  eval.Counts{TP: 1, Pred: 2, Gold: 1}, typd: eval.Counts{TP: 1, Pred: 2, Gold: 1},
		},
		{
			// Exact names are paired before shared forms: "Reyl" must not
			// take Tomas Reyl from the prediction named so, although it
			// comes first.
			name: "exact names first",
			gold: g([]eval.GoldEntity{ge("Tomas Reyl", graph.Person, "Reyl"), ge("Anna Reyl", graph.Person, "Reyl")}),
			pred: p([]graph.Entity{pe("a", "Reyl", graph.Person), pe("b", "Tomas Reyl", graph.Person)}),
			ent:  eval.Counts{TP: 2, Pred: 2, Gold: 2}, typd: eval.Counts{TP: 2, Pred: 2, Gold: 2},
		},
		{
			// An alternative type and alternative ends match; the gold type
			// is directed, so only the stated direction does.
			name: "alternatives, direction",
			gold: g([]eval.GoldEntity{ge("Arlen Voss", graph.Person), ge("Ostrand", graph.Country), ge("Valdoria", graph.Country)},
				eval.GoldRelation{Type: graph.Request, Subject: "Arlen Voss", Object: "Ostrand", AltTypes: []graph.RelationType{graph.Communicate}, SubjectAlt: []string{"Valdoria"}, Polarity: graph.Asserted},
				eval.GoldRelation{Type: graph.Sanction, Subject: "Valdoria", Object: "Ostrand", Polarity: graph.Asserted}),
			pred: p([]graph.Entity{pe("v", "Valdoria", graph.Country), pe("o", "Ostrand", graph.Country)},
				graph.Relation{Type: graph.Communicate, Subject: "v", Object: "o"},
				graph.Relation{Type: graph.Sanction, Subject: "o", Object: "v"}),
			ent: eval.Counts{TP: 2, Pred: 2, Gold: 3}, typd: eval.Counts{TP: 2, Pred: 2, Gold: 3},
			rel: eval.Counts{TP: 1, Pred: 2, Gold: 2},
		},
		{
			// A gold relation is matched once even when predicted twice.
			name: "relation matched once",
			gold: g([]eval.GoldEntity{ge("Ostrand", graph.Country), ge("Valdoria", graph.Country)},
				eval.GoldRelation{Type: graph.Meet, Subject: "Valdoria", Object: "Ostrand", Polarity: graph.Asserted}),
			pred: p([]graph.Entity{pe("v", "Valdoria", graph.Country), pe("o", "Ostrand", graph.Country)},
				graph.Relation{Type: graph.Meet, Subject: "v", Object: "o"},
				graph.Relation{Type: graph.Meet, Subject: "o", Object: "v"}),
			ent: eval.Counts{TP: 2, Pred: 2, Gold: 2}, typd: eval.Counts{TP: 2, Pred: 2, Gold: 2},
			rel: eval.Counts{TP: 1, Pred: 2, Gold: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval.Score(tt.gold, tt.pred)
			if r.Entities != tt.ent || r.TypedEntities != tt.typd || r.Relations != tt.rel {
				t.Errorf("got ent %+v typed %+v rel %+v, want %+v %+v %+v",
					r.Entities, r.TypedEntities, r.Relations, tt.ent, tt.typd, tt.rel)
			}
		})
	}
}

func TestLoadGoldErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no files", map[string]string{"notes.txt": "x"}, "no .json files"},
		{"malformed", map[string]string{"a.json": `{"id": "a",`}, "a.json: not a gold article"},
		{"no id", map[string]string{"a.json": `{"gold": {"entities": [], "relations": []}}`}, "a.json: gold article has no id"},
		{"no gold", map[string]string{"a.json": `{"id": "a", "text": "x"}`}, `a.json: gold article has no "gold"`},
		{"entity without type", map[string]string{"a.json": `{"id": "a", "gold": {"entities": [{"name": "X"}]}}`}, "gold entity 0 has no name or no type"},
		{"relation without object", map[string]string{"a.json": `{"id": "a", "gold": {"relations": [{"type": "MEET", "subject": "X"}]}}`}, "gold relation 0 lacks"},
		{"duplicate id", map[string]string{
			"a.json": `{"id": "same", "gold": {}}`,
			"b.json": `{"id": "same", "gold": {}}`,
		}, `b.json: id "same" is also the id of a.json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := eval.LoadGold(dir)
			if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(graph.ErrorMessage(err), tt.want) {
				t.Errorf("LoadGold = %v, want an invalid error saying %q", err, tt.want)
			}
		})
	}
	t.Run("missing folder", func(t *testing.T) {
		_, err := eval.LoadGold(filepath.Join(t.TempDir(), "nope"))
		if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(graph.ErrorMessage(err), "does not exist") {
			t.Errorf("LoadGold = %v, want an invalid error saying it does not exist", err)
		}
	})
}

func TestReadPredictionsErrors(t *testing.T) {
	_, err := eval.ReadPredictions(strings.NewReader("{\"article\": {\"id\": \"a\"}}\n\nnot json\n"))
	if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(graph.ErrorMessage(err), "line 3") {
		t.Errorf("ReadPredictions = %v, want an invalid error naming line 3", err)
	}
}
