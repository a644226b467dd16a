package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/gen"
	"github.com/jdkato/prose/v3"
)

func TestSplitDashes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"report—widely", []string{"report", "—", "widely"}},
		{"1–2", []string{"1", "–", "2"}},
		{"—", []string{"—"}},
		{"Jazeera—claiming", []string{"Jazeera", "—", "claiming"}},
		{"plain", []string{"plain"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got []string
			for _, p := range splitDashes(nil, tc.in, 10) {
				if tc.in[p.start-10:p.start-10+len(p.text)] != p.text {
					t.Errorf("piece %q at %d does not match the input", p.text, p.start)
				}
				got = append(got, p.text)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitEdges(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Sea.", "Sea|."},
		{"Yi.", "Yi|."},
		{"Dr.", "Dr."},
		{"U.S.", "U.S."},
		{"News-", "News|-"},
		{"#Iran", "#|Iran"},
		{"@IRNA", "@|IRNA"},
		{"-", "-"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got []string
			for _, p := range splitEdges(nil, []piece{{tc.in, 0}}) {
				if tc.in[p.start:p.start+len(p.text)] != p.text {
					t.Errorf("piece %q at %d does not match", p.text, p.start)
				}
				got = append(got, p.text)
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestParseSentencesAndTokens(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		sentences int
		headlines int
		titleCase int
	}{
		{"headline then body", "Minister Denies Reports Of Secret Talks\n\nThe minister spoke. He left.", 3, 1, 1},
		{"line breaks cut sentences", "TEHRAN –\nOfficials met on Monday.", 2, 1, 0},
		{"empty", "", 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parse(context.Background(), tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.sents) != tc.sentences {
				t.Fatalf("%d sentences, want %d", len(d.sents), tc.sentences)
			}
			h, tcs := 0, 0
			for _, s := range d.sents {
				if strings.Contains(tc.text[s.start:s.end], "\n") {
					t.Errorf("sentence %q crosses a line", tc.text[s.start:s.end])
				}
				if s.headline {
					h++
				}
				if s.titleCase {
					tcs++
				}
			}
			if h != tc.headlines || tcs != tc.titleCase {
				t.Errorf("headlines %d, title-case %d; want %d, %d", h, tcs, tc.headlines, tc.titleCase)
			}
			for _, tk := range d.toks {
				if tc.text[tk.start:tk.end] != tk.text {
					t.Errorf("token %q at %d-%d does not match", tk.text, tk.start, tk.end)
				}
			}
		})
	}
}

func TestJoinInitials(t *testing.T) {
	d, err := parse(context.Background(), "Vice President J. D. Vance spoke.")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range d.toks {
		got = append(got, tk.text)
	}
	if g := strings.Join(got, " "); !strings.Contains(g, "J. D. Vance") {
		t.Errorf("tokens %q: initials not joined", g)
	}
}

// TestNERScorerMatchesProse checks nerScorer, run over every token, and
// labelNames, run over windows, against prose's entity stage, label for
// label and entity for entity: on our own sentences, the held-out and
// generated articles, and the dev corpus when it is beside the repository.
func TestNERScorerMatchesProse(t *testing.T) {
	texts := map[string]string{
		"own":        ownLabelText,
		"start":      "Okello said so.",
		"one apart":  "Tanzania and Kenya met; Uganda, Rwanda, and the AU did not.",
		"two apart":  "Talks in Doha and then in Muscat with al-Busaidi ended on 5 May.",
		"lower only": "nothing here is capitalised at all, not even a name.",
		"shapes": "NASA, U.S.A., McDonald, Jean-Luc, iPhone, O'Neill, Erdoğan, São Paulo, ÉCOLE, x_y, " +
			"1.5, -3, +4, .5, inf, Infinity, NaN, nan, 0x1p-2, 1e5, 3rd, 2024-05-08, 50%, $5, Teveović said.",
	}
	for i, a := range gen.Articles(gen.Options{Seed: 3}, 40) {
		texts["generated "+strconv.Itoa(i)] = a.Text
	}
	for _, dir := range []string{filepath.Join("..", "testdata", "holdout"), filepath.Join("..", "..", "shared", "corpus", "dev")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var a struct{ Text string }
			if err := json.Unmarshal(b, &a); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			texts[filepath.Base(f)] = a.Text
		}
	}
	nm, err := nerModels()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := nm.label.(*nerScorer); !ok {
		t.Fatalf("prose's entity model was not read; labelling falls back to prose's Extracter")
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			want, err := prose.NewDocument(text)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				name  string
				label func([]prose.Token)
			}{
				{"every token", nm.label.Label},
				{"windows", func(toks []prose.Token) { labelNames(nm.label, toks) }},
			} {
				got, err := prose.NewDocument(text, prose.WithExtraction(false))
				if err != nil {
					t.Fatal(err)
				}
				toks := got.Tokens()
				c.label(toks)
				for i, tk := range want.Tokens() {
					if toks[i].Label != tk.Label {
						t.Errorf("%s: token %d %q: label %q, prose %q", c.name, i, tk.Text, toks[i].Label, tk.Label)
					}
				}
				if g, w := fmt.Sprint(nm.ex.Chunk(text, toks)), fmt.Sprint(want.Entities()); g != w {
					t.Errorf("%s: entities\n%s\nprose\n%s", c.name, g, w)
				}
			}
		})
	}
}

// ownLabelText is written for this test: names of every kind, at the start
// of a line, next to each other and apart.
const ownLabelText = `Kenyan Foreign Minister Amina Odhiambo met her Ugandan counterpart, Joseph Okello, in Kampala on Tuesday.
"We will not accept it," Okello told the Daily Nation, while the African Union (AU) sent observers to Gulu.
Earlier, the U.S. State Department and the European Commission said talks with al-Sadr would resume in Geneva on 3 March 2025.`
